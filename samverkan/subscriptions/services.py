"""Recording happenings (called by the other apps' services) and managing subscriptions."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from samverkan.core.models import hash_token, new_token
from samverkan.outbox.services import email_queue_template
from samverkan.subscriptions import topics as topic_keys
from samverkan.subscriptions.models import (
    Frequency,
    Happening,
    HappeningKind,
    HappeningTopic,
    Subscriber,
    SubscriptionTopic,
)

logger = logging.getLogger(__name__)

#: An unconfirmed subscription is deleted, and its link stops working, after this long.
CONFIRMATION_DAYS = 7
MAX_TOPICS = 200


@transaction.atomic
def happening_record(
    *,
    kind: HappeningKind | str,
    title: str,
    path: str,
    topics: Iterable[str],
    summary: str = "",
    occurred_at: datetime | None = None,
    dedup_key: str | None = None,
) -> Happening | None:
    """Tell the followers of ``topics`` that something public happened.

    Call it inside the transaction of the change itself, so that a change that is rolled
    back tells nobody. With ``dedup_key`` the same happening is recorded once only; a second
    call returns None. Followers are emailed later, by the immediate sender or the weekly
    digest, never from here.
    """
    if dedup_key and Happening.objects.filter(dedup_key=dedup_key).exists():
        return None
    try:
        with transaction.atomic():
            happening = Happening.objects.create(
                kind=kind,
                title=title[:300],
                summary=summary[:2000],
                path=path,
                occurred_at=occurred_at or timezone.now(),
                dedup_key=dedup_key,
            )
    except IntegrityError:  # a concurrent call recorded it first
        return None
    HappeningTopic.objects.bulk_create(
        [HappeningTopic(happening=happening, topic=t) for t in dict.fromkeys(topics) if t]
    )
    return happening


# --- Subscribers -------------------------------------------------------------------------------


def manage_token(subscriber: Subscriber) -> str:
    """The subscriber's personal link token, the same in every email. It is derived from the
    site's secret key and the subscriber's salt, so the database holds only its hash; a new
    salt (``_new_manage_token``) revokes every link sent before."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        f"samverkan.subscriptions.manage:{subscriber.pk}:{subscriber.manage_salt}".encode(),
        hashlib.sha256,
    ).hexdigest()
    return f"{subscriber.pk}-{digest[:40]}"


def _new_manage_token(subscriber: Subscriber) -> None:
    subscriber.manage_salt = secrets.token_hex(16)
    subscriber.manage_token_hash = hash_token(manage_token(subscriber))


def manage_path(subscriber: Subscriber) -> str:
    return reverse("subscriptions:manage", args=[manage_token(subscriber)])


def unsubscribe_path(subscriber: Subscriber) -> str:
    return reverse("subscriptions:unsubscribe", args=[manage_token(subscriber)])


def _clean_topics(topics: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(t for t in topics if t))
    if not wanted:
        raise ValidationError({"topics": _("Choose at least one thing to follow.")})
    if len(wanted) > MAX_TOPICS:
        raise ValidationError({"topics": _("Choose fewer things to follow.")})
    known = topic_keys.labels(wanted)
    unknown = [t for t in wanted if t not in known]
    if unknown:
        raise ValidationError(
            {"topics": _("There is nothing to follow called %(topic)s.") % {"topic": unknown[0]}}
        )
    return wanted


def _check_choice(frequency: str, language: str) -> None:
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose how often you want email.")})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose a language.")})


def _set_topics(subscriber: Subscriber, topics: list[str]) -> None:
    SubscriptionTopic.objects.filter(subscriber=subscriber).exclude(topic__in=topics).delete()
    have = set(
        SubscriptionTopic.objects.filter(subscriber=subscriber).values_list("topic", flat=True)
    )
    SubscriptionTopic.objects.bulk_create(
        [SubscriptionTopic(subscriber=subscriber, topic=t) for t in topics if t not in have]
    )


def _send_confirmation(subscriber: Subscriber) -> None:
    raw, token_hash = new_token()
    subscriber.confirm_token_hash = token_hash
    subscriber.confirm_sent_at = timezone.now()
    subscriber.save(update_fields=["confirm_token_hash", "confirm_sent_at"])
    email_queue_template(
        to=subscriber.email,
        template="subscriptions/email/confirm",
        context={
            "path": reverse("subscriptions:confirm", args=[raw]),
            "days": CONFIRMATION_DAYS,
            "topics": list(topic_keys.labels(_topics_of(subscriber)).values()),
        },
        language=subscriber.language,
    )


def _topics_of(subscriber: Subscriber) -> list[str]:
    return list(subscriber.topics.order_by("pk").values_list("topic", flat=True))


@transaction.atomic
def subscriber_subscribe(
    *, email: str, topics: Iterable[str], frequency: str, language: str = "sv"
) -> None:
    """Someone asks to follow ``topics``. A new address gets a confirmation link and nothing
    else until it is opened (double opt-in). An address already confirmed is changed by no
    one but its owner: its owner is emailed their personal link instead, with the topics asked
    for preselected. The answer to the person filling in the form is the same in every case,
    so the form does not reveal who subscribes."""
    email = email.strip().lower()
    wanted = _clean_topics(topics)
    _check_choice(frequency, language)
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is not None and subscriber.confirmed_at is not None:
        query = urlencode([("amne", t) for t in wanted])
        email_queue_template(
            to=subscriber.email,
            template="subscriptions/email/already",
            context={"path": f"{manage_path(subscriber)}?{query}"},
            language=subscriber.language,
        )
        return
    if subscriber is None:
        # The token names the primary key: save once to have it, then set the real hash.
        subscriber = Subscriber.objects.create(
            email=email, manage_salt="-", manage_token_hash=new_token()[1]
        )
        _new_manage_token(subscriber)
    # Not yet confirmed: the newest request counts, and only a new link can confirm it.
    subscriber.frequency = frequency
    subscriber.language = language
    subscriber.created_at = timezone.now()
    subscriber.save()
    _set_topics(subscriber, wanted)
    _send_confirmation(subscriber)


def subscriber_for_confirmation(*, raw_token: str) -> Subscriber:
    """The subscriber a confirmation link belongs to; a ValidationError says why it cannot be
    used."""
    subscriber = (
        Subscriber.objects.filter(confirm_token_hash=hash_token(raw_token)).first()
        if raw_token
        else None
    )
    if subscriber is None:
        raise ValidationError(
            _(
                "This link does not work. It may have been used already, or the subscription "
                "was never confirmed and has been deleted. You can subscribe again."
            ),
            code="unknown",
        )
    sent = subscriber.confirm_sent_at or subscriber.created_at
    if sent + timedelta(days=CONFIRMATION_DAYS) <= timezone.now():
        raise ValidationError(
            _(
                "This confirmation link has expired: links work for %(days)s days. "
                "Subscribe again to get a new one."
            )
            % {"days": CONFIRMATION_DAYS},
            code="expired",
        )
    return subscriber


@transaction.atomic
def subscriber_confirm(*, raw_token: str) -> Subscriber:
    """The owner of the address opened the link and pressed the button: from now on they are
    told of what happens, from this moment (nothing older is sent). A bounced address that is
    confirmed again is sent to again."""
    subscriber = subscriber_for_confirmation(raw_token=raw_token)
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriber.confirmed_at = timezone.now()
    subscriber.bounced_at = None
    subscriber.confirm_token_hash = None
    subscriber.last_happening_id = Happening.objects.aggregate(m=Max("pk"))["m"] or 0
    subscriber.save(
        update_fields=["confirmed_at", "bounced_at", "confirm_token_hash", "last_happening_id"]
    )
    return subscriber


def subscriber_for_token(*, raw_token: str) -> Subscriber | None:
    """The subscriber whose personal link this is, or None."""
    if not raw_token or len(raw_token) > 80:
        return None
    return (
        Subscriber.objects.filter(manage_token_hash=hash_token(raw_token))
        .prefetch_related("topics")
        .first()
    )


@transaction.atomic
def subscriber_update(
    *, subscriber: Subscriber, topics: Iterable[str], frequency: str, language: str
) -> Subscriber:
    """The subscriber changes what they follow, how often and in which language."""
    wanted = _clean_topics(topics)
    _check_choice(frequency, language)
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriber.frequency = frequency
    subscriber.language = language
    subscriber.save(update_fields=["frequency", "language"])
    _set_topics(subscriber, wanted)
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber) -> None:
    """Unsubscribing deletes the address and everything it followed; nothing is kept."""
    Subscriber.objects.filter(pk=subscriber.pk).delete()


@transaction.atomic
def subscriber_reconfirm(*, subscriber: Subscriber) -> None:
    """After a bounce: send a new confirmation link. Opening it starts the sending again."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    _send_confirmation(subscriber)


def subscriber_bounced(*, address: str) -> int:
    """The outbox gave up on ``address`` for good (the receiving server refused it): send it
    nothing more until it is confirmed again, but keep the record and what it follows."""
    return Subscriber.objects.filter(email=address.strip().lower(), bounced_at__isnull=True).update(
        bounced_at=timezone.now()
    )


@transaction.atomic
def subscribers_purge_unconfirmed(*, days: int = CONFIRMATION_DAYS) -> int:
    """Delete subscriptions never confirmed within ``days`` days."""
    cutoff = timezone.now() - timedelta(days=days)
    _total, counts = Subscriber.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return counts.get(Subscriber._meta.label, 0)
