from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("samverkan.core.urls")),
    path("konto/", include("samverkan.accounts.urls")),
    path("", include("samverkan.organisations.opendata_urls")),
    path("", include("samverkan.organisations.urls")),
    path("", include("samverkan.meetings.urls")),
    path("", include("samverkan.minutes_import.urls")),
    path("en-vag-in/", include("samverkan.inquiries.urls")),
    path("", include("samverkan.collaboration_map.urls")),
    path("remisser/", include("samverkan.consultations.urls")),
    path("", include("samverkan.watchlist.urls")),
    path("", include("samverkan.subscriptions.urls")),
    path("sok/", include("samverkan.search.urls")),
    path("historik/", include("samverkan.history.urls")),
    path("", include("samverkan.privacy.urls")),
    path("sprak/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
