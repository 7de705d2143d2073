from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    name = "samverkan.history"
    label = "history"
    verbose_name = _("History of records")

    def ready(self) -> None:
        from samverkan.history import tracking

        tracking.connect()
