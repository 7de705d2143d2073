"""The site's URLs plus the map's, for tests run before the map is wired into config/urls.py."""

from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = list(site_urlpatterns)
if not any(getattr(p, "namespace", None) == "collaboration_map" for p in urlpatterns):
    urlpatterns.append(path("", include("samverkan.collaboration_map.urls")))
