"""Reads for the team queues, the inquiry page, the sender's status page and the statistics."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from samverkan.accounts.rules import Viewer, is_secretary
from samverkan.inquiries.models import (
    OPEN_STATUSES,
    HandlingTeam,
    Inquiry,
    InquiryAttachment,
    InquiryKind,
    InquiryMessage,
    InquiryStatus,
)
from samverkan.organisations.models import Organisation, SignatureStatus

QUEUE_VIEWS = {
    "open": OPEN_STATUSES,
    "waiting": (InquiryStatus.WAITING_FOR_SENDER,),
    "closed": (InquiryStatus.CLOSED,),
}


def signatory_organisations() -> QuerySet[Organisation]:
    """The organisations that have signed the agreement, for the form's list."""
    return (
        Organisation.objects.filter(signatures__status=SignatureStatus.ACTIVE)
        .distinct()
        .order_by("name_sort", "pk")
    )


def teams_for(user: Viewer, now: datetime | None = None) -> QuerySet[HandlingTeam]:
    """The queues a person works: their teams, or every team for the secretary; with counts of
    open and overdue inquiries, in one query."""
    now = now or timezone.now()
    teams = HandlingTeam.objects.all()
    if not is_secretary(user):
        teams = teams.filter(members=user)
    open_ = Q(inquiries__status__in=OPEN_STATUSES)
    return teams.annotate(
        open_count=Count("inquiries", filter=open_, distinct=True),
        overdue_count=Count(
            "inquiries",
            filter=open_
            & Q(inquiries__first_reply_at__isnull=True, inquiries__reply_due_at__lt=now),
            distinct=True,
        ),
        member_count=Count("members", distinct=True),
    ).order_by("name")


def _with_overdue(queryset: QuerySet[Inquiry], now: datetime) -> QuerySet[Inquiry]:
    return queryset.annotate(
        overdue=Case(
            When(
                status__in=OPEN_STATUSES,
                first_reply_at__isnull=True,
                reply_due_at__lt=now,
                then=Value(1),
            ),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def team_queue(
    team: HandlingTeam | None, view: str = "open", now: datetime | None = None
) -> QuerySet[Inquiry]:
    """A team's inquiries (None: those with no team), overdue ones first, then the oldest.
    The number of queries does not grow with the queue."""
    now = now or timezone.now()
    statuses = QUEUE_VIEWS.get(view)
    queryset = Inquiry.objects.registered().filter(team=team)
    if statuses is not None:
        queryset = queryset.filter(status__in=statuses)
    queryset = _with_overdue(queryset, now).select_related(
        "team", "topic", "organisation", "assigned_to"
    )
    if view == "closed":
        return queryset.order_by("-closed_at", "-pk")
    return queryset.order_by("-overdue", "received_at", "pk")


def unrouted_count() -> int:
    return Inquiry.objects.registered().open().filter(team__isnull=True).count()


def inquiry_for_handling(pk: int) -> Inquiry | None:
    return (
        Inquiry.objects.registered()
        .select_related(
            "team", "topic", "organisation", "assigned_to", "routed_by_rule", "requested_team"
        )
        .prefetch_related(
            Prefetch(
                "messages",
                queryset=InquiryMessage.objects.select_related("author").prefetch_related(
                    "attachments"
                ),
            ),
            "events__actor",
            "events__from_team",
            "events__to_team",
            Prefetch(
                "attachments",
                queryset=InquiryAttachment.objects.filter(message__isnull=True),
                to_attr="own_attachments",
            ),
        )
        .filter(pk=pk)
        .first()
    )


def other_teams(inquiry: Inquiry) -> QuerySet[HandlingTeam]:
    teams = HandlingTeam.objects.order_by("name")
    return teams.exclude(pk=inquiry.team_id) if inquiry.team_id else teams


# --- Statistics -----------------------------------------------------------------------------------


@dataclass
class TeamStatistics:
    name: str
    count: int = 0
    open: int = 0
    overdue: int = 0
    first_reply: list[timedelta] = field(default_factory=list)
    to_close: list[timedelta] = field(default_factory=list)

    @property
    def median_first_reply(self) -> timedelta | None:
        return _median(self.first_reply)

    @property
    def median_to_close(self) -> timedelta | None:
        return _median(self.to_close)


@dataclass
class InquiryStatistics:
    year: int
    total: int
    by_kind: list[tuple[str, int]]
    by_topic: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    by_team: list[TeamStatistics]
    median_first_reply: timedelta | None
    median_to_close: timedelta | None
    replied: int
    closed: int


def inquiry_years(now: datetime | None = None) -> list[int]:
    """The years with registered inquiries, and this year, newest first."""
    this_year = timezone.localtime(now or timezone.now()).year
    first = (
        Inquiry.objects.registered()
        .order_by("received_at")
        .values_list("received_at", flat=True)
        .first()
    )
    start = timezone.localtime(first).year if first else this_year
    return list(range(this_year, min(start, this_year) - 1, -1))


def _year_range(year: int) -> tuple[datetime, datetime]:
    return (
        timezone.make_aware(datetime(year, 1, 1)),
        timezone.make_aware(datetime(year + 1, 1, 1)),
    )


def register_of_year(year: int) -> QuerySet[Inquiry]:
    """The registered inquiries of a year in order of arrival: the list the municipality's
    registry (diarium) takes over (OFF-01)."""
    start, end = _year_range(year)
    return (
        Inquiry.objects.registered()
        .filter(received_at__gte=start, received_at__lt=end)
        .select_related("team", "organisation", "topic")
        .order_by("received_at", "pk")
    )


def _median(values: list[timedelta]) -> timedelta | None:
    if not values:
        return None
    return timedelta(seconds=statistics.median(v.total_seconds() for v in values))


def inquiry_statistics(year: int | None = None, now: datetime | None = None) -> InquiryStatistics:
    """Registered inquiries of a year (by arrival, local time) per kind, topic, team and month,
    and the median times from arrival to first reply and to closing. Inquiries whose personal
    data has been erased count like every other."""
    now = now or timezone.now()
    year = year or timezone.localtime(now).year
    start, end = _year_range(year)
    rows = list(
        Inquiry.objects.registered()
        .filter(received_at__gte=start, received_at__lt=end)
        .values_list(
            "kind",
            "topic__name",
            "team__name",
            "status",
            "received_at",
            "reply_due_at",
            "first_reply_at",
            "closed_at",
        )
    )
    kinds: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    months: Counter[int] = Counter()
    teams: dict[str, TeamStatistics] = {}
    first_replies: list[timedelta] = []
    closings: list[timedelta] = []
    no_team = _("No team")
    for kind, topic, team, status, received, due, first_reply, closed in rows:
        kinds[kind] += 1
        topics[topic or ""] += 1
        months[timezone.localtime(received).month] += 1
        row = teams.setdefault(team or no_team, TeamStatistics(team or no_team))
        row.count += 1
        if status in OPEN_STATUSES:
            row.open += 1
            if first_reply is None and due is not None and due < now:
                row.overdue += 1
        if first_reply is not None:
            first_replies.append(first_reply - received)
            row.first_reply.append(first_reply - received)
        if closed is not None:
            closings.append(closed - received)
            row.to_close.append(closed - received)
    labels = dict(InquiryKind.choices)
    return InquiryStatistics(
        year=year,
        total=len(rows),
        by_kind=[(str(labels[k]), kinds[k]) for k in InquiryKind.values if kinds[k]],
        by_topic=sorted(
            ((name or _("No topic given"), n) for name, n in topics.items()),
            key=lambda item: (-item[1], item[0]),
        ),
        by_month=[(str(MONTHS[month]), months[month]) for month in range(1, 13)],
        by_team=sorted(teams.values(), key=lambda t: (-t.count, t.name)),
        median_first_reply=_median(first_replies),
        median_to_close=_median(closings),
        replied=len(first_replies),
        closed=len(closings),
    )
