"""Side effects of other apps' events on subscriptions."""

from django.db import transaction

from samverkan.subscriptions.services import subscriber_bounced


def stop_sending_to_refused_address(sender, *, address: str, **kwargs) -> None:
    """The outbox gave up on an address for good: a subscriber with it is sent nothing more
    until they confirm it again. In a savepoint, so a failure here cannot spoil the outbox's
    own transaction."""
    with transaction.atomic():
        subscriber_bounced(address=address)
