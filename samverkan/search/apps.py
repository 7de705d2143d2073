from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "samverkan.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each app describes what it puts in the index in its own ``search.py``.
        autodiscover_modules("search")

        from samverkan.search.index import connect_signals

        connect_signals()
