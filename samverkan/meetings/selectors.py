"""Reads of council work that depend on the viewer or span relations.

Every list here is already filtered to what the viewer may see: members-only meetings (and
their decisions, tasks and tabled points) only for members of the meeting's bodies and the
secretary, published minutes only. Rules for a single meeting live in ``rules``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samverkan.accounts.rules import Viewer, is_secretary
from samverkan.core.swedish import search_query_terms, sort_key
from samverkan.meetings.models import (
    ActionItem,
    AgendaItem,
    Attachment,
    Attendance,
    Body,
    BodyKind,
    CarriedOverPoint,
    Decision,
    Meeting,
    Membership,
    MembershipRole,
    MinutesRevision,
    Party,
    Person,
)
from samverkan.organisations.models import Organisation

# ---------------------------------------------------------------------------------------------
# How people are written, as in the minutes
# ---------------------------------------------------------------------------------------------

#: Roles worth showing after a name: "Tina Fingal Swens, Örebro Föreningsråd (ordförande)".
NAMED_ROLES = frozenset({MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.SECRETARY})

_KIND_ORDER = {
    BodyKind.COUNCIL: 0,
    BodyKind.NETWORK: 1,
    BodyKind.EXECUTIVE_COMMITTEE: 2,
    BodyKind.WORKING_GROUP: 3,
    BodyKind.NOMINATING_COMMITTEE: 4,
}
_ROLE_ORDER = {
    MembershipRole.CHAIR: 0,
    MembershipRole.VICE_CHAIR: 1,
    MembershipRole.SECRETARY: 2,
    MembershipRole.MEMBER: 3,
    MembershipRole.SUBSTITUTE: 4,
}


def person_label(name: str, *, organisation: Organisation | None, party: Party | None) -> str:
    """A person as the minutes write them: "Maria Haglund (M)" for an elected politician,
    "Caroline Daly, Örebro Rättighetscenter" for everyone else with an organisation."""
    if party is not None:
        return f"{name} ({party.abbreviation})"
    if organisation is not None:
        return f"{name}, {organisation.name}"
    return name


def body_order_key(body: Body | None) -> tuple:
    """The council first, then the C-network, the executive committee, working groups..."""
    if body is None:
        return (99, "", 0)
    return (_KIND_ORDER.get(body.kind, 50), sort_key(body.name), body.pk)


def _seat_order_key(name_sort: str, party_id: int | None, role: str) -> tuple:
    # Civil society and departments first, then politicians, the secretary last (as in the
    # minutes), each alphabetically.
    return (party_id is not None, role == MembershipRole.SECRETARY, name_sort)


# ---------------------------------------------------------------------------------------------
# Meetings the viewer may see
# ---------------------------------------------------------------------------------------------


def meetings_visible_to(user: Viewer) -> QuerySet[Meeting]:
    """Anonymous: public meetings. The secretary: all. A logged-in member: public meetings and
    every meeting of a body they have (or had) a seat in — the same rule as
    ``rules.can_view_meeting``."""
    meetings = Meeting.objects.all()
    if is_secretary(user):
        return meetings
    public = Q(visibility=Meeting.Visibility.PUBLIC)
    if not user.is_authenticated:
        return meetings.filter(public)
    own_bodies = Membership.objects.filter(person__user=user).values("body_id")
    of_own_bodies = Meeting.objects.filter(bodies__in=own_bodies).values("pk")
    return meetings.filter(public | Q(pk__in=of_own_bodies))


def meetings_with_published_minutes(user: Viewer) -> QuerySet[Meeting]:
    """Meetings whose published minutes the viewer may read (drafts never count)."""
    return meetings_visible_to(user).filter(minutes_status=Meeting.MinutesStatus.PUBLISHED)


def body_meetings(
    user: Viewer, body: Body, *, today: date | None = None
) -> tuple[QuerySet[Meeting], QuerySet[Meeting]]:
    """The body's meetings the viewer may see: (upcoming, soonest first, undated last;
    past, newest first)."""
    today = today or timezone.localdate()
    meetings = meetings_visible_to(user).filter(bodies=body)
    upcoming = meetings.filter(Q(date__gte=today) | Q(date__isnull=True)).order_by(
        F("date").asc(nulls_last=True), "start_time", "pk"
    )
    past = meetings.filter(date__lt=today).order_by("-date", "-start_time", "-pk")
    return upcoming, past


def meeting_for_page(pk: int) -> Meeting | None:
    """A meeting with everything its page shows, in a constant number of queries: bodies,
    agenda items with attachments, decisions, action items and the points carried over from
    and to them, attendance, and the history of changes to the published minutes.

    The meeting's own query also says whether it has any attachments, action items, points
    carried over and revisions at all; what it has none of is not asked for (many meetings
    have no attachments, and few minutes are ever revised)."""
    meeting = (
        Meeting.objects.select_related("minutes_taker")
        .annotate(
            has_attachments=Exists(Attachment.objects.filter(agenda_item__meeting=OuterRef("pk"))),
            has_action_items=Exists(ActionItem.objects.filter(agenda_item__meeting=OuterRef("pk"))),
            has_carried_over=Exists(
                CarriedOverPoint.objects.filter(origin__meeting=OuterRef("pk"))
            ),
            has_revisions=Exists(MinutesRevision.objects.filter(meeting=OuterRef("pk"))),
        )
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        return None
    item_lookups = [
        Prefetch("decisions", queryset=Decision.objects.select_related("body").order_by("pk"))
    ]
    empty = []
    if meeting.has_attachments:
        item_lookups.append("attachments")
    else:
        empty.append(("attachments", Attachment))
    if meeting.has_action_items:
        item_lookups.append(
            Prefetch(
                "action_items", queryset=ActionItem.objects.select_related("owner").order_by("pk")
            )
        )
    else:
        empty.append(("action_items", ActionItem))
    if meeting.has_carried_over:
        item_lookups.append(
            Prefetch(
                "carried_over",
                queryset=CarriedOverPoint.objects.select_related("resolved_in__meeting").order_by(
                    "pk"
                ),
            )
        )
    else:
        empty.append(("carried_over", CarriedOverPoint))
    items = AgendaItem.objects.select_related(
        "carried_over_from__origin__meeting", "carried_over_from__body"
    ).prefetch_related(*item_lookups)
    attendances = Attendance.objects.select_related(
        "person", "body", "organisation", "party", "substitute_for"
    )
    lookups = [
        "bodies",
        Prefetch("agenda_items", queryset=items),
        Prefetch("attendances", queryset=attendances),
    ]
    if meeting.has_revisions:
        lookups.append(
            Prefetch(
                "minutes_revisions",
                queryset=MinutesRevision.objects.select_related("changed_by__person"),
            )
        )
    else:
        _prefetched_empty([meeting], "minutes_revisions", MinutesRevision)
    prefetch_related_objects([meeting], *lookups)
    agenda_items = list(meeting.agenda_items.all())
    for name, model in empty:
        _prefetched_empty(agenda_items, name, model)
    return meeting


def _prefetched_empty(objects: Iterable, name: str, model: type) -> None:
    """Mark the relation `name` of each object as prefetched and empty (known to be so)."""
    for obj in objects:
        nothing = model.objects.none()
        nothing._result_cache = []
        nothing._prefetch_done = True
        obj.__dict__.setdefault("_prefetched_objects_cache", {})[name] = nothing


def meeting_bodies(meeting: Meeting) -> list[Body]:
    """The meeting's bodies in the order of the minutes (prefetched by ``meeting_for_page``)."""
    return sorted(meeting.bodies.all(), key=body_order_key)


# ---------------------------------------------------------------------------------------------
# Attendance, grouped by body
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendeeRow:
    attendance: Attendance
    label: str  # "Maria Haglund (M)"
    role: str  # "ordförande", or "" for an ordinary member
    note: str


@dataclass(frozen=True)
class VacantSeatRow:
    membership: Membership
    organisation: str  # shown as "Vakans, <organisation>"; a vacant seat is not a person


@dataclass(frozen=True)
class BodyGroup:
    body: Body | None  # None: people with no seat in any of the meeting's bodies
    rows: list


@dataclass(frozen=True)
class AttendanceList:
    present: list[BodyGroup]
    apologies: list[BodyGroup]
    absent: list[BodyGroup]
    vacant: list[BodyGroup]
    guests: list[AttendeeRow]
    substitutions: list[Attendance]  # "X ersätter Y"

    @property
    def is_empty(self) -> bool:
        return not (self.present or self.apologies or self.absent or self.guests)


def _attendee_row(attendance: Attendance) -> AttendeeRow:
    role = attendance.get_role_display() if attendance.role in NAMED_ROLES else ""
    return AttendeeRow(
        attendance=attendance,
        label=person_label(
            attendance.person.name,
            organisation=attendance.organisation,
            party=attendance.party,
        ),
        role=str(role),
        note=attendance.note,
    )


def _group_by_body(
    rows: Iterable[tuple[Body | None, object]], bodies: list[Body]
) -> list[BodyGroup]:
    grouped: dict[int | None, list] = {}
    for body, row in rows:
        grouped.setdefault(body.pk if body else None, []).append(row)
    order = list(bodies)
    known = {b.pk for b in order}
    # A seat in a body that is no longer one of the meeting's bodies still gets its group.
    extra = {body.pk: body for body, _row in rows if body is not None and body.pk not in known}
    order.extend(sorted(extra.values(), key=body_order_key))
    groups = [BodyGroup(body=b, rows=grouped[b.pk]) for b in order if b.pk in grouped]
    if None in grouped:
        groups.append(BodyGroup(body=None, rows=grouped[None]))
    return groups


def meeting_attendance(meeting: Meeting) -> AttendanceList:
    """Who was present, sent apologies, was absent or came as a guest, grouped by body in the
    order of the minutes, with the seats that were vacant on the day. Uses the attendances and
    bodies prefetched by ``meeting_for_page``; one query more for the vacant seats."""
    bodies = meeting_bodies(meeting)
    attendances = sorted(
        meeting.attendances.all(),
        key=lambda a: _seat_order_key(a.person.name_sort, a.party_id, a.role),
    )
    by_status: dict[str, list[tuple[Body | None, AttendeeRow]]] = {
        status: [] for status in Attendance.Status.values
    }
    for attendance in attendances:
        by_status[attendance.status].append((attendance.body, _attendee_row(attendance)))
    vacant_rows: list[tuple[Body | None, VacantSeatRow]] = []
    if meeting.date is not None and bodies:
        seats = (
            Membership.objects.filter(
                body__in=[b.pk for b in bodies], person__isnull=True, start__lte=meeting.date
            )
            .filter(Q(end__isnull=True) | Q(end__gte=meeting.date))
            .select_related("organisation", "body")
        )
        for seat in sorted(seats, key=lambda s: s.organisation.name_sort):
            vacant_rows.append((seat.body, VacantSeatRow(seat, seat.organisation.name)))
    return AttendanceList(
        present=_group_by_body(by_status[Attendance.Status.PRESENT], bodies),
        apologies=_group_by_body(by_status[Attendance.Status.APOLOGIES], bodies),
        absent=_group_by_body(by_status[Attendance.Status.ABSENT], bodies),
        vacant=_group_by_body(vacant_rows, bodies),
        guests=[row for _body, row in by_status[Attendance.Status.GUEST]],
        substitutions=[a for a in attendances if a.substitute_for_id is not None],
    )


def meetings_visible_in(user: Viewer, meetings: Iterable[Meeting]) -> set[int]:
    """Which of these (loaded) meetings the viewer may see: public ones and all of them for
    the secretary without a query, the others (members-only) with one."""
    meetings = {meeting.pk: meeting for meeting in meetings if meeting is not None}
    if is_secretary(user):
        return set(meetings)
    visible = {pk for pk, m in meetings.items() if m.visibility == Meeting.Visibility.PUBLIC}
    if not user.is_authenticated:
        return visible
    return visible | meetings_visible_among(user, set(meetings) - visible)


def meetings_visible_among(user: Viewer, pks: Iterable[int]) -> set[int]:
    """Which of these meetings the viewer may see (one query; none for an empty set)."""
    pks = {pk for pk in pks if pk is not None}
    if not pks:
        return set()
    return set(meetings_visible_to(user).filter(pk__in=pks).values_list("pk", flat=True))


# ---------------------------------------------------------------------------------------------
# Bodies and their members
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeatRow:
    membership: Membership
    label: str  # the person as in the minutes, or the organisation of a vacant seat
    is_vacant: bool


@dataclass(frozen=True)
class RoleGroup:
    role: str
    heading: str | Promise
    seats: list[SeatRow]


ROLE_GROUP_HEADINGS: dict[str, Promise] = {
    MembershipRole.CHAIR: _("Chair"),
    MembershipRole.VICE_CHAIR: _("Vice chair"),
    MembershipRole.SECRETARY: _("Secretary"),
    MembershipRole.MEMBER: _("Members"),
    MembershipRole.SUBSTITUTE: _("Substitutes"),
}


def _seats_on(day: date) -> QuerySet[Membership]:
    return Membership.objects.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day))


def body_members(body: Body, day: date | None = None) -> list[RoleGroup]:
    """The seats of a body on a day, grouped by role (chair, vice chair, secretary, members,
    substitutes); within a group people as in the minutes, then vacant seats ("Vakans")."""
    day = day or timezone.localdate()
    seats = _seats_on(day).filter(body=body).select_related("person", "organisation", "party")
    grouped: dict[str, list[SeatRow]] = {}
    for seat in sorted(
        seats,
        key=lambda s: (
            s.person_id is None,
            _seat_order_key(
                s.person.name_sort if s.person else s.organisation.name_sort, s.party_id, s.role
            ),
        ),
    ):
        if seat.person is None:
            row = SeatRow(seat, seat.organisation.name, True)
        else:
            row = SeatRow(
                seat,
                person_label(seat.person.name, organisation=seat.organisation, party=seat.party),
                False,
            )
        grouped.setdefault(seat.role, []).append(row)
    return [
        RoleGroup(role=role, heading=ROLE_GROUP_HEADINGS.get(role, role), seats=grouped[role])
        for role in sorted(grouped, key=lambda r: _ROLE_ORDER.get(r, 9))
    ]


def bodies_for_list(today: date | None = None) -> list[Body]:
    """Top-level bodies in the order of the minutes, each with ``current_children``,
    ``member_count`` and ``vacant_count`` on the day, and ``is_active``. Constant queries."""
    today = today or timezone.localdate()
    on_day = Q(memberships__start__lte=today) & (
        Q(memberships__end__isnull=True) | Q(memberships__end__gte=today)
    )
    annotated = Body.objects.annotate(
        member_count=Count("memberships", filter=on_day & Q(memberships__person__isnull=False)),
        vacant_count=Count("memberships", filter=on_day & Q(memberships__person__isnull=True)),
    )
    bodies = list(annotated.prefetch_related(Prefetch("children", queryset=annotated)))
    for body in [*bodies, *(child for b in bodies for child in b.children.all())]:
        body.is_active = body.active_to is None or body.active_to >= today
        body.is_started = body.active_from is None or body.active_from <= today
    top = [b for b in bodies if b.parent_id is None]
    for body in top:
        body.current_children = sorted(
            (c for c in body.children.all() if c.is_active), key=body_order_key
        )
        body.ended_children = sorted(
            (c for c in body.children.all() if not c.is_active), key=body_order_key
        )
    return sorted(top, key=body_order_key)


# ---------------------------------------------------------------------------------------------
# The decision register
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionFilter:
    q: str = ""
    body: str = ""  # a body's slug
    year: int | None = None


def decisions_visible_to(user: Viewer) -> QuerySet[Decision]:
    return Decision.objects.filter(agenda_item__meeting__in=meetings_with_published_minutes(user))


def decision_search(user: Viewer, criteria: DecisionFilter) -> QuerySet[Decision]:
    """Decisions of meetings whose published minutes the viewer may read, newest first.

    The query is matched in Swedish: every stem of its words must occur in the decision's
    search document (decision text and item title), so "föreningar" finds "föreningen"."""
    decisions = decisions_visible_to(user)
    for term in search_query_terms(criteria.q):
        decisions = decisions.filter(search_document__contains=term)
    if criteria.body:
        decisions = decisions.filter(body__slug=criteria.body)
    if criteria.year:
        decisions = decisions.filter(date__year=criteria.year)
    return decisions.select_related("body", "agenda_item__meeting").order_by(
        "-date",
        F("agenda_item__meeting__start_time").desc(nulls_last=True),
        "agenda_item__meeting_id",
        "agenda_item__position",
        "pk",
    )


def decision_years(user: Viewer) -> list[int]:
    """The years that have decisions the viewer may see, newest first."""
    return [d.year for d in decisions_visible_to(user).dates("date", "year", order="DESC")]


# ---------------------------------------------------------------------------------------------
# Action items ("Anna F skapar ett team och bjuder in")
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionRow:
    action: ActionItem
    is_overdue: bool


@dataclass(frozen=True)
class OwnerActions:
    owner: Person | None
    label: str  # the person's name, or who else ("AU", "Arbetsgruppen")
    rows: list[ActionRow] = field(default_factory=list)


def person_of(user: Viewer) -> Person | None:
    """The person record linked to a logged-in account, if any."""
    if not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()


def action_items_open(
    user: Viewer, *, body: Body | None = None, owner: Person | None = None
) -> QuerySet[ActionItem]:
    """Open action items from minutes the viewer may read, earliest due date first (items
    without a due date last); optionally only those of a body's meetings or of one person."""
    items = ActionItem.objects.filter(
        status=ActionItem.Status.OPEN,
        agenda_item__meeting__in=meetings_with_published_minutes(user),
    )
    if body is not None:
        items = items.filter(
            agenda_item__meeting__in=Meeting.objects.filter(bodies=body).values("pk")
        )
    if owner is not None:
        items = items.filter(owner=owner)
    return items.select_related("owner", "agenda_item__meeting").order_by(
        F("due").asc(nulls_last=True), "agenda_item__meeting__date", "pk"
    )


def action_items_by_owner(
    items: Iterable[ActionItem], *, today: date | None = None
) -> list[OwnerActions]:
    """Group action items per person (or per "who" text), in Swedish alphabetical order."""
    today = today or timezone.localdate()
    groups: dict[tuple, OwnerActions] = {}
    for action in items:
        if action.owner is not None:
            key: tuple = ("person", action.owner_id)
            label = action.owner.name
        else:
            key = ("text", " ".join(action.owner_text.split()).casefold())
            label = action.owner_text
        group = groups.get(key)
        if group is None:
            group = groups[key] = OwnerActions(owner=action.owner, label=label)
        group.rows.append(ActionRow(action, action.due is not None and action.due < today))
    return sorted(groups.values(), key=lambda g: (sort_key(g.label), g.label))


# ---------------------------------------------------------------------------------------------
# Tabled points ("bordläggs") and follow-ups ("följs upp vid nästa möte")
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointEvent:
    """One step of a carried-over point's history."""

    TABLED = "tabled"
    FOLLOW_UP = "follow_up"
    ON_AGENDA = "on_agenda"  # put on a later meeting's agenda, not dealt with yet
    DEALT_WITH = "dealt_with"  # came back at a meeting whose minutes are published

    kind: str
    meeting: Meeting | None  # None: a meeting the viewer may not see
    item: AgendaItem | None
    reason: str = ""
    again: bool = False  # carried over once more from the meeting it had come back to


@dataclass(frozen=True)
class PointHistory:
    point: CarriedOverPoint  # the latest point of the chain
    body: Body
    title: str
    events: list[PointEvent]
    is_open: bool

    @property
    def first_meeting(self) -> Meeting | None:
        return self.events[0].meeting if self.events else None


def _is_dealt_with(point: CarriedOverPoint) -> bool:
    item = point.resolved_in
    if item is None:
        return False
    meeting = item.meeting
    return (
        meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED
        and meeting.status != Meeting.Status.CANCELLED
    )


def carried_over_histories(user: Viewer, *, body: Body | None = None) -> list[PointHistory]:
    """Every tabled or follow-up point from minutes the viewer may read, each as the history
    of its chain (tabled at a meeting → back on a later agenda → tabled again → dealt with).

    A chain is open until the meeting it came back to has published minutes and did not
    table it again. Open chains first, oldest first; then dealt-with chains, newest first.
    Two queries, however long the chains."""
    points = CarriedOverPoint.objects.filter(
        origin__meeting__in=meetings_with_published_minutes(user)
    ).select_related("body", "origin__meeting", "resolved_in__meeting")
    if body is not None:
        points = points.filter(body=body)
    points = list(points.order_by("origin__meeting__date", "pk"))
    by_pk = {p.pk: p for p in points}
    continued = {p.previous_id for p in points if p.previous_id in by_pk}
    visible = meetings_visible_among(
        user, [p.resolved_in.meeting_id for p in points if p.resolved_in is not None]
    ) | {p.origin.meeting_id for p in points}

    histories: list[PointHistory] = []
    for latest in points:
        if latest.pk in continued:
            continue  # not the end of its chain
        chain = [latest]
        while chain[-1].previous_id in by_pk and len(chain) <= len(points):
            chain.append(by_pk[chain[-1].previous_id])
        chain.reverse()
        events: list[PointEvent] = []
        for position, point in enumerate(chain):
            # From the second point on, the point came back on that meeting's agenda and
            # was carried over again.
            events.append(
                PointEvent(
                    kind=PointEvent.TABLED
                    if point.kind == CarriedOverPoint.Kind.TABLED
                    else PointEvent.FOLLOW_UP,
                    meeting=point.origin.meeting,
                    item=point.origin,
                    reason=point.reason,
                    again=position > 0,
                )
            )
        is_open = not _is_dealt_with(latest)
        if latest.resolved_in is not None:
            meeting = latest.resolved_in.meeting
            shown = meeting.pk in visible
            events.append(
                PointEvent(
                    kind=PointEvent.ON_AGENDA if is_open else PointEvent.DEALT_WITH,
                    meeting=meeting if shown else None,
                    item=latest.resolved_in if shown else None,
                )
            )
        histories.append(
            PointHistory(
                point=latest, body=latest.body, title=latest.title, events=events, is_open=is_open
            )
        )
    open_first = sorted(
        (h for h in histories if h.is_open),
        key=lambda h: (body_order_key(h.body), h.events[0].meeting.date or date.max),
    )
    dealt_with = sorted(
        (h for h in histories if not h.is_open),
        key=lambda h: h.events[-1].meeting.date if h.events[-1].meeting else date.min,
        reverse=True,
    )
    return open_first + dealt_with
