"""The site's URLs plus En väg in, until config/urls.py includes it."""

from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns

wired = any(getattr(pattern, "namespace", None) == "inquiries" for pattern in site_urlpatterns)
urlpatterns = [
    *site_urlpatterns,
    *([] if wired else [path("en-vag-in/", include("samverkan.inquiries.urls"))]),
]
