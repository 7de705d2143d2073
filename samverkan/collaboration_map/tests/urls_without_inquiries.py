"""The site's URLs and the map's, without the inquiry service: the ladder and the contact point
pages fall back to the contact points' own details."""

from samverkan.collaboration_map.tests.urls import urlpatterns as map_urlpatterns

urlpatterns = [p for p in map_urlpatterns if getattr(p, "namespace", None) != "inquiries"]
