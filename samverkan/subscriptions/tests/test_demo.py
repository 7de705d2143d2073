import pytest

from samverkan.outbox.models import OutboundEmail
from samverkan.subscriptions import demo
from samverkan.subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db


def test_demo_makes_varied_subscribers_once_and_sends_nothing(topics_setup):
    assert demo.load_demo(1) == {"subscribers": 40}
    assert demo.load_demo(1) == {"subscribers": 0}
    assert Subscriber.objects.filter(confirmed_at__isnull=True).exists()
    assert Subscriber.objects.filter(bounced_at__isnull=False).count() == 1
    assert {s.frequency for s in Subscriber.objects.all()} == {"weekly", "immediate"}
    assert all(s.topics.exists() for s in Subscriber.objects.all())
    assert not OutboundEmail.objects.exists()
