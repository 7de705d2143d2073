"""The site's URLs and the map's, with an inquiry form at ``inquiries:new`` (a stand-in when
the inquiry service is not wired in yet), to test the links to it."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from samverkan.collaboration_map.tests.urls import urlpatterns as map_urlpatterns


def inquiry_form_stand_in(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"inquiry form: {request.GET.urlencode()}")


urlpatterns = list(map_urlpatterns)
if not any(getattr(p, "namespace", None) == "inquiries" for p in urlpatterns):
    urlpatterns.append(
        path(
            "en-vag-in/",
            include(([path("", inquiry_form_stand_in, name="new")], "inquiries")),
        )
    )
