"""Building the emails to subscribers: the weekly digest and the immediate notification.

Both are built the same way, for tens of thousands of subscribers, without holding them all
in memory and without one query per subscriber:

* subscribers are read in batches in primary-key order (keyset pagination), each batch in its
  own transaction; on PostgreSQL the batch's rows are locked with ``FOR UPDATE SKIP LOCKED``,
  so two runs at once share the work instead of doing it twice (on SQLite a transaction that
  read rows another run has since changed cannot commit);
* one query finds every happening of interest to the batch, joining the topics the batch
  follows to the topics of the happenings newer than the batch's oldest high-water mark;
* a digest's text depends only on its happenings and language: each distinct content is
  rendered once and shared by every subscriber who gets the same news, with only the personal
  links put in per subscriber;
* the batch's messages are written to the outbox with one ``bulk_create``; each has the
  dedup key ``subscriptions:<frequency>:<subscriber>:<high-water mark>``, so a run that is
  repeated, or overlaps another, never queues the same news twice;
* the batch's high-water marks are moved to the newest happening considered, in one update.

The outbox worker (``send_outbox``) then delivers at its own pace.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.db.models.functions import Now
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import ngettext

from samverkan.outbox.models import OutboundEmail
from samverkan.subscriptions.models import (
    Frequency,
    Happening,
    HappeningKind,
    HappeningTopic,
    Subscriber,
    SubscriptionTopic,
)
from samverkan.subscriptions.services import manage_token

BATCH_SIZE = 1000
#: Rendered contents kept for reuse across batches; the cache is emptied when it is full.
MAX_CACHED_CONTENTS = 2000
MANAGE_PLACEHOLDER = "@@SAMVERKAN-MANAGE@@"
UNSUBSCRIBE_PLACEHOLDER = "@@SAMVERKAN-UNSUBSCRIBE@@"
ITEMS_PLACEHOLDER = "@@SAMVERKAN-ITEMS@@"
_TOKEN = "0-TOKEN"
_KIND_ORDER = {kind: position for position, kind in enumerate(HappeningKind.values)}


@dataclass
class BuildReport:
    subscribers: int = 0
    emails: int = 0
    contents_rendered: int = 0
    batches: int = 0


@dataclass(frozen=True)
class Item:
    """A happening as shown in an email."""

    pk: int
    kind: str
    title: str
    summary: str
    path: str
    occurred_at: datetime
    # Its place in a digest (see ``_ordered``), worked out once: a batch sorts the same few
    # hundred happenings for each of its 1,000 subscribers.
    order: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        order = (_KIND_ORDER.get(self.kind, 99), -self.occurred_at.timestamp(), -self.pk)
        object.__setattr__(self, "order", order)


@dataclass(frozen=True)
class Content:
    subject: str
    body: str
    html_body: str


def _ordered(items: list[Item]) -> list[Item]:
    """Grouped by kind in the digest's order, newest first within each group."""
    return sorted(items, key=attrgetter("order"))


class Renderer:
    """Renders digests from parts rendered once each: the frame of an email per language,
    each happening per language, each group heading per language. A digest is then joined
    from those parts, so its cost grows with its length, not with the templates."""

    def __init__(self, frequency: str) -> None:
        self.template = "digest" if frequency == Frequency.WEEKLY else "notification"
        self.frames: dict[str, tuple[str, str]] = {}
        self.items: dict[tuple[str, int], tuple[str, str]] = {}
        self.headings: dict[tuple[str, str], tuple[str, str]] = {}

    def _context(self, **extra) -> dict:
        return {
            "site_url": settings.SITE_URL,
            "municipality_name": settings.MUNICIPALITY_NAME,
            "manage_url": MANAGE_PLACEHOLDER,
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
            **extra,
        }

    def _frame(self, language: str) -> tuple[str, str]:
        if language not in self.frames:
            context = self._context(items=ITEMS_PLACEHOLDER)
            with translation.override(language):
                self.frames[language] = (
                    render_to_string(f"subscriptions/email/{self.template}.txt", context),
                    render_to_string(f"subscriptions/email/{self.template}.html", context),
                )
        return self.frames[language]

    def _item(self, language: str, item: Item) -> tuple[str, str]:
        key = (language, item.pk)
        if key not in self.items:
            context = self._context(item=item)
            with translation.override(language):
                self.items[key] = (
                    render_to_string("subscriptions/email/_item.txt", context),
                    render_to_string("subscriptions/email/_item.html", context),
                )
        return self.items[key]

    def _heading(self, language: str, kind: str) -> tuple[str, str]:
        key = (language, kind)
        if key not in self.headings:
            with translation.override(language):
                label = str(HappeningKind(kind).label)
            self.headings[key] = (f"\n{label.upper()}\n", f"<h2>{escape(label)}</h2>\n<ul>")
        return self.headings[key]

    def render(self, items: list[Item], *, language: str) -> Content:
        text_parts: list[str] = []
        html_parts: list[str] = []
        kind = None
        for item in items:
            if item.kind != kind:
                if kind is not None:
                    html_parts.append("</ul>\n")
                kind = item.kind
                text_heading, html_heading = self._heading(language, kind)
                text_parts.append(text_heading)
                html_parts.append(html_heading)
            text_item, html_item = self._item(language, item)
            text_parts.append(text_item)
            html_parts.append(html_item)
        html_parts.append("</ul>\n")
        text_frame, html_frame = self._frame(language)
        with translation.override(language):
            if self.template == "notification" and len(items) == 1:
                label = HappeningKind(items[0].kind).label
                subject = f"{label}: {items[0].title}"
            elif self.template == "notification":
                subject = ngettext(
                    "Samverkan: %(counter)s new item",
                    "Samverkan: %(counter)s new items",
                    len(items),
                ) % {"counter": len(items)}
            else:
                subject = ngettext(
                    "Samverkan this week: %(counter)s new item",
                    "Samverkan this week: %(counter)s new items",
                    len(items),
                ) % {"counter": len(items)}
        return Content(
            " ".join(subject.split())[:300],
            text_frame.replace(ITEMS_PLACEHOLDER, "".join(text_parts)),
            html_frame.replace(ITEMS_PLACEHOLDER, "".join(html_parts)),
        )


def _batch_queryset(frequency: str, after_pk: int, ceiling: int, batch_size: int):
    queryset = Subscriber.objects.filter(
        pk__gt=after_pk,
        frequency=frequency,
        confirmed_at__isnull=False,
        bounced_at__isnull=True,
        last_happening_id__lt=ceiling,
    ).order_by("pk")
    if connection.features.has_select_for_update_skip_locked:
        queryset = queryset.select_for_update(skip_locked=True)
    return queryset.values_list("pk", "email", "language", "last_happening_id", "manage_salt")[
        :batch_size
    ]


def subscriber_emails_build(
    *, frequency: str, batch_size: int = BATCH_SIZE, ceiling: int | None = None
) -> BuildReport:
    """Queue one email for every active subscriber of ``frequency`` with news since their
    last email; subscribers with nothing new get nothing. Safe to repeat and to run twice at
    once. ``ceiling``: consider happenings up to this id (default: all that exist now)."""
    report = BuildReport()
    if ceiling is None:
        ceiling = Happening.objects.aggregate(m=Max("pk"))["m"] or 0
    if not ceiling:
        return report
    cache: dict[tuple, Content] = {}
    renderer = Renderer(frequency)
    after_pk = 0
    while True:
        with transaction.atomic():
            batch = list(_batch_queryset(frequency, after_pk, ceiling, batch_size))
            if not batch:
                break
            after_pk = batch[-1][0]
            report.batches += 1
            report.subscribers += len(batch)
            report.emails += _build_batch(batch, frequency, ceiling, cache, renderer, report)
        if len(batch) < batch_size:
            break
    return report


def _build_batch(batch, frequency, ceiling, cache, renderer, report) -> int:
    first_pk, last_pk = batch[0][0], batch[-1][0]
    lowest_mark = min(row[3] for row in batch)
    in_range = SubscriptionTopic.objects.filter(
        subscriber_id__gte=first_pk, subscriber_id__lte=last_pk
    )
    # One query: the happenings of every topic the batch follows, newer than its oldest mark.
    rows = HappeningTopic.objects.filter(
        topic__in=in_range.values("topic"),
        happening_id__gt=lowest_mark,
        happening_id__lte=ceiling,
    ).values_list(
        "topic",
        "happening_id",
        "happening__kind",
        "happening__title",
        "happening__summary",
        "happening__path",
        "happening__occurred_at",
    )
    by_topic: dict[str, list[Item]] = defaultdict(list)
    for topic, pk, kind, title, summary, path, occurred_at in rows:
        by_topic[topic].append(Item(pk, kind, title, summary, path, occurred_at))
    followed: dict[int, list[str]] = defaultdict(list)
    if by_topic:
        for subscriber_pk, topic in in_range.filter(topic__in=list(by_topic)).values_list(
            "subscriber_id", "topic"
        ):
            followed[subscriber_pk].append(topic)

    manage_pattern = settings.SITE_URL + reverse("subscriptions:manage", args=[_TOKEN])
    unsubscribe_pattern = settings.SITE_URL + reverse("subscriptions:unsubscribe", args=[_TOKEN])
    now = timezone.now()
    messages: list[OutboundEmail] = []
    told: list[int] = []
    for pk, email, language, mark, salt in batch:
        items = {
            item.pk: item
            for topic in followed.get(pk, ())
            for item in by_topic[topic]
            if item.pk > mark
        }
        if not items:
            continue
        ordered = _ordered(list(items.values()))
        key = (language, tuple(item.pk for item in ordered))
        content = cache.get(key)
        if content is None:
            if len(cache) >= MAX_CACHED_CONTENTS:
                cache.clear()
            content = cache[key] = renderer.render(ordered, language=language)
            report.contents_rendered += 1
        token = manage_token(Subscriber(pk=pk, manage_salt=salt))
        manage_url = manage_pattern.replace(_TOKEN, token)
        unsubscribe_url = unsubscribe_pattern.replace(_TOKEN, token)
        messages.append(
            OutboundEmail(
                to=email,
                subject=content.subject,
                body=_personal(content.body, manage_url, unsubscribe_url),
                html_body=_personal(content.html_body, manage_url, unsubscribe_url),
                headers={
                    "List-Unsubscribe": f"<{unsubscribe_url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
                dedup_key=f"subscriptions:{frequency}:{pk}:{mark}",
                # The database's clock (the transaction's start). Being an expression, it
                # also keeps Django from inserting the batch on PostgreSQL as arrays through
                # UNNEST, whose text is escaped in Python character by character: 1,000
                # digests of some kB each took 2-3 times longer (0.8 against 0.3 s).
                created_at=Now(),
                next_attempt_at=now,
            )
        )
        told.append(pk)
    if messages:
        OutboundEmail.objects.bulk_create(messages, ignore_conflicts=True)
    batch_pks = [row[0] for row in batch]
    Subscriber.objects.filter(pk__in=batch_pks, last_happening_id__lt=ceiling).update(
        last_happening_id=ceiling
    )
    if told:
        Subscriber.objects.filter(pk__in=told).update(last_sent_at=now)
    return len(messages)


def _personal(text: str, manage_url: str, unsubscribe_url: str) -> str:
    return text.replace(MANAGE_PLACEHOLDER, manage_url).replace(
        UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url
    )
