"""Open data: the documentation page, the register files and the read-only API (/api/v1/).

Included with ``path("", include("samverkan.organisations.opendata_urls"))``: the names are
``opendata:<name>``.
"""

from django.urls import URLPattern, path, re_path

from samverkan.organisations import opendata

app_name = "opendata"
urlpatterns: list[URLPattern] = [
    path("oppna-data/", opendata.open_data_page, name="page"),
    path("oppna-data/anslutna.csv", opendata.register_csv, name="register_csv"),
    path("oppna-data/anslutna.json", opendata.register_json, name="register_json"),
    path("api/v1/organisations/", opendata.api_organisations, name="api_organisations"),
    path("api/v1/organisations/<int:pk>/", opendata.api_organisation, name="api_organisation"),
    path("api/v1/agreements/", opendata.api_agreements, name="api_agreements"),
    path("api/v1/verify/<uuid:public_id>/", opendata.api_verify, name="api_verify"),
    path("api/v1/openapi.json", opendata.api_openapi, name="api_openapi"),
    # Any other address under /api/v1/ ending in "/" answers with a JSON 404. Addresses without
    # the slash are left to Django, so APPEND_SLASH can still redirect them. [\s\S], not ".", so
    # that an address with a line break (%0A) in it is matched too.
    re_path(r"^api/v1/(?:[\s\S]*/)?$", opendata.api_not_found, name="api_not_found"),
]
