from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "samverkan.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self) -> None:
        from samverkan.outbox.signals import email_refused
        from samverkan.subscriptions.receivers import stop_sending_to_refused_address

        email_refused.connect(stop_sending_to_refused_address, dispatch_uid="subscriptions-bounce")
