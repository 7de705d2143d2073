from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationMapConfig(AppConfig):
    name = "samverkan.collaboration_map"
    label = "collaboration_map"
    verbose_name = _("Map of collaboration")
