"""The project's URLs with the open data urlconf, until config/urls.py includes it.

The open data patterns come before ``samverkan.organisations.urls`` because that module
still has a placeholder ``oppna-data/`` route (named ``organisations:open_data``, which
core/base.html links to).
"""

from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("samverkan.core.urls")),
    path("konto/", include("samverkan.accounts.urls")),
    path("", include("samverkan.organisations.opendata_urls")),
    path("", include("samverkan.organisations.urls")),
    path("sprak/", set_language, name="set_language"),
]
