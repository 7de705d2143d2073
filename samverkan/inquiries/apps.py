from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "samverkan.inquiries"
    label = "inquiries"
    verbose_name = _("En väg in: inquiries and handling teams")
