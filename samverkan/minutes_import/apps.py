from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesImportConfig(AppConfig):
    name = "samverkan.minutes_import"
    label = "minutes_import"
    verbose_name = _("Import of minutes")
