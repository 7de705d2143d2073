from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WatchlistConfig(AppConfig):
    name = "samverkan.watchlist"
    label = "watchlist"
    verbose_name = _("Watch list")
