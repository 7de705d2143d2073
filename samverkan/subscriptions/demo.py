"""Demo subscribers: confirmed and not, weekly and at once, one bounced, following the themes,
districts, bodies and departments the other demos made. Runs after every other demo; sends no
email (rows are written directly, as the services would leave them)."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from samverkan.core.models import new_token
from samverkan.subscriptions import topics as topic_keys
from samverkan.subscriptions.models import Frequency, Happening, Subscriber, SubscriptionTopic
from samverkan.subscriptions.services import _new_manage_token

COUNT = 40


@transaction.atomic
def load_demo(seed: int) -> dict[str, int]:
    if Subscriber.objects.filter(email__endswith="@prenumerant.example.org").exists():
        return {"subscribers": 0}
    rng = random.Random(seed)
    keys = [key for choices in topic_keys.listed_choices().values() for key, _label in choices]
    if not keys:
        return {"subscribers": 0}
    now = timezone.now()
    newest = Happening.objects.aggregate(m=Max("pk"))["m"] or 0
    made = 0
    for n in range(COUNT):
        confirmed = n % 5 != 4  # every fifth has not opened the link yet
        subscriber = Subscriber.objects.create(
            email=f"person{n + 1}@prenumerant.example.org",
            language="en" if n % 8 == 7 else "sv",
            frequency=Frequency.IMMEDIATE if n % 3 == 0 else Frequency.WEEKLY,
            created_at=now - timedelta(days=rng.randint(0, 60) if confirmed else rng.randint(0, 6)),
            confirmed_at=now - timedelta(days=rng.randint(0, 30)) if confirmed else None,
            bounced_at=now - timedelta(days=2) if n == 10 else None,
            last_happening_id=newest if confirmed else 0,
            manage_salt="-",
            manage_token_hash=new_token()[1],
        )
        _new_manage_token(subscriber)
        if not confirmed:
            subscriber.confirm_token_hash = new_token()[1]
            subscriber.confirm_sent_at = subscriber.created_at
        subscriber.save()
        SubscriptionTopic.objects.bulk_create(
            SubscriptionTopic(subscriber=subscriber, topic=key)
            for key in set(rng.sample(keys, k=min(len(keys), rng.randint(1, 4))))
        )
        made += 1
    return {"subscribers": made}
