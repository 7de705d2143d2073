"""Reads of the watch list and the portfolios: the public list with its filters, an item's
page with its public updates and status history, and finding an item by its title as the
minutes write it.

An update is public when it was not reported at a meeting, or at a public meeting whose
minutes are not an unpublished draft (updates imported from draft minutes wait for the
minutes to be published; updates from members-only meetings stay with the members).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from samverkan.accounts.rules import Viewer, is_secretary
from samverkan.core.queries import many_to_many_load
from samverkan.core.swedish import search_query_terms
from samverkan.meetings.models import Meeting
from samverkan.watchlist.models import (
    CLOSED_STATUSES,
    Initiative,
    Portfolio,
    WatchItem,
    WatchItemStatus,
    WatchItemUpdate,
    WatchItemUpdateRevision,
)

PUBLIC_UPDATE = Q(meeting__isnull=True) | (
    Q(meeting__visibility=Meeting.Visibility.PUBLIC)
    & ~Q(meeting__minutes_status=Meeting.MinutesStatus.DRAFT)
)

# The status filter's values besides the statuses themselves.
CURRENT = ""  # default: everything not finished or struck
ALL = "all"


def update_is_public(update: WatchItemUpdate) -> bool:
    meeting = update.meeting
    return meeting is None or (
        meeting.visibility == Meeting.Visibility.PUBLIC
        and meeting.minutes_status != Meeting.MinutesStatus.DRAFT
    )


def updates_visible_to(user: Viewer) -> QuerySet[WatchItemUpdate]:
    """The secretary sees every update; everyone else the public ones."""
    updates = WatchItemUpdate.objects.all()
    return updates if is_secretary(user) else updates.filter(PUBLIC_UPDATE)


@dataclass(frozen=True)
class WatchListFilter:
    q: str = ""
    status: str = CURRENT
    kind: str = ""
    owner: int | None = None
    theme: str = ""
    district: str = ""


def watch_item_search(user: Viewer, criteria: WatchListFilter) -> QuerySet[WatchItem]:
    """The watch list, filtered and in Swedish alphabetical order, ready for a page: owner
    and the viewer's updates (newest first) come in a fixed number of queries. The themes and
    districts of a page's items: `words_load`."""
    items = WatchItem.objects.all()
    if criteria.status == CURRENT:
        items = items.exclude(status__in=CLOSED_STATUSES)
    elif criteria.status != ALL:
        items = items.filter(status=criteria.status)
    for term in search_query_terms(criteria.q):
        items = items.filter(search_document__contains=term)
    if criteria.kind:
        items = items.filter(kind=criteria.kind)
    if criteria.owner:
        items = items.filter(owner_id=criteria.owner)
    if criteria.theme:
        items = items.filter(
            pk__in=WatchItem.objects.filter(themes__slug=criteria.theme).values("pk")
        )
    if criteria.district:
        items = items.filter(
            pk__in=WatchItem.objects.filter(districts__slug=criteria.district).values("pk")
        )
    return (
        items.order_by("title_sort", "pk")
        .select_related("owner")
        .prefetch_related(
            Prefetch(
                "updates",
                queryset=updates_visible_to(user).order_by("-date", "-pk"),
                to_attr="visible_updates",
            ),
        )
    )


def watch_item_for_page(user: Viewer, pk: int) -> WatchItem | None:
    """One item with its owner, themes, districts, initiatives and the updates the viewer
    may see (oldest first), each with its meeting and earlier versions."""
    return (
        WatchItem.objects.filter(pk=pk)
        .select_related("owner")
        .prefetch_related(
            Prefetch("initiatives", queryset=Initiative.objects.select_related("portfolio")),
            Prefetch(
                "updates",
                queryset=updates_visible_to(user)
                .select_related("meeting")
                .prefetch_related(
                    Prefetch(
                        "revisions",
                        queryset=WatchItemUpdateRevision.objects.select_related("changed_by"),
                    )
                )
                .order_by("date", "pk"),
                to_attr="visible_updates",
            ),
        )
        .first()
    )


@dataclass(frozen=True)
class StatusChange:
    date: date
    status: str
    label: str
    update: WatchItemUpdate | None


def status_history(item: WatchItem, updates: list[WatchItemUpdate]) -> list[StatusChange]:
    """Every change of status, oldest first, from ``updates`` (oldest first): the item starts
    as ongoing, and an update changes the status when it sets another than the one in force
    (the latest by date decides, as in ``services``)."""
    current = WatchItemStatus.ONGOING
    ordered = sorted(updates, key=lambda u: (u.date, u.pk))
    since = timezone.localdate(item.created_at)
    if ordered and ordered[0].date < since:
        since = ordered[0].date  # put on the list from older minutes
    changes = [StatusChange(since, current, WatchItemStatus(current).label, None)]
    for update in ordered:
        if update.status and update.status != current:
            current = update.status
            changes.append(
                StatusChange(update.date, current, WatchItemStatus(current).label, update)
            )
    return changes


def meetings_for_updates(*, today: date | None = None) -> QuerySet[Meeting]:
    """The meetings an update can be linked to: those of the last two years and the coming
    three months, newest first."""
    today = today or timezone.localdate()
    return Meeting.objects.filter(
        date__gte=today - timedelta(days=730), date__lte=today + timedelta(days=92)
    ).order_by("-date", "-pk")


def portfolios_for_page() -> QuerySet[Portfolio]:
    """Portfolios with their goals (in order), priorities (newest year first) and
    initiatives, each initiative with its goals, owner and watch-list item."""
    return (
        Portfolio.objects.order_by("name_sort", "pk")
        .select_related("owner")
        .prefetch_related(
            "goals",
            "priorities",
            Prefetch(
                "initiatives",
                queryset=Initiative.objects.select_related("owner", "watch_item")
                .prefetch_related("goals")
                .order_by("title_sort", "pk"),
            ),
        )
    )


# A trailing acronym in brackets is the title's own short form: "... innovationer (PSI)".
_TRAILING_ACRONYM = re.compile(r"\s*\(\s*[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9\-]{1,9}\s*\)\s*$")
_NOT_WORD = re.compile(r"[^\w]+")


def title_key(title: str) -> str:
    """The title as compared: case, quotes, punctuation, spacing and a trailing acronym in
    brackets do not matter ("Regionalt partnerskap för sociala innovationer (PSI)" and
    "regionalt partnerskap för sociala innovationer." have the same key)."""
    text = unicodedata.normalize("NFC", title)
    text = _TRAILING_ACRONYM.sub("", text.strip().rstrip(".").strip())
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def _distance_at_most(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance (insertions, deletions, substitutions) is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)
            )
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def watch_item_find(title: str) -> WatchItem | None:
    """The item with this title: the same compared title, else the one title that differs
    by a letter or two in a long title (a misspelling: "civilsamhällsnätverk" and
    "civilsamhällesnätverk"). None when there is none, or more than one such item."""
    key = title_key(title)
    if not key:
        return None
    exact = WatchItem.objects.filter(title_key=key).first()
    if exact is not None:
        return exact
    if len(key) < 16:
        return None
    limit = 1 if len(key) < 24 else 2
    close = [
        item
        for item in WatchItem.objects.only("pk", "title_key")
        if _distance_at_most(item.title_key, key, limit)
    ]
    if len(close) == 1:
        return WatchItem.objects.get(pk=close[0].pk)
    return None


def words_load(items) -> list[WatchItem]:
    """The themes and districts of `items` (for `item.themes.all`…) in one query."""
    return many_to_many_load(items, ("themes", "districts"))
