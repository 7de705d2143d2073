"""Attendance statistics: who comes to the meetings they are expected at.

The council wants to see which departments never come to the C-network's meetings, and
attendance at the council's meetings is public information about organisations and
departments. Everything is counted in Python from a handful of flat queries (five at most,
whatever the number of meetings), so the page stays fast with 10,000 meetings.

The counting rules, in domain words:

* A meeting counts when it was **held** in the period: its date lies in [start, end], it was
  not cancelled, and its minutes record attendance (at least one attendance row). With a body
  chosen, only meetings of that body count, and only that body's seats and attendance rows
  (rows without a body, i.e. guests, too).
* An organisation or department is **expected** at a held meeting when it has an attendance
  row there (any status), or a seat in one of the meeting's bodies on the meeting's date
  (vacant seats included). Seats with the role *substitute* (ersättare) do not make an
  organisation expected: substitutes only come when a member cannot.
* A person is expected when they have an attendance row (any status).
* Each expected organisation, department or person gets one outcome per meeting, the best of
  what the minutes say: **present** (a row with status present or guest, or a substitute
  present for one of its members, "X ersätter Y"), else **apologies** (förhinder), else
  **absent** (a row saying absent, a seat nobody reported on, or a vacant seat: a vacant
  seat is never present).
* A substitute's row counts for the organisation of the member they replace (the member's
  seat in the meeting's bodies on that day; failing that, the member's own row), not for the
  substitute's own organisation.
* A department that was **renamed or merged** counts together with its predecessors: the
  organisation links are followed from predecessor to successor, transitively, and the rows
  and seats of every predecessor count under the current successor, labelled with its current
  name and the former names. A split is not followed (the predecessor keeps its own row).
* Grouped **by body**, the unit is the expected attendance, not the meeting: each seat at each
  meeting of the body (vacant seats included) is one expected attendance, so `expected` is
  the number of seats times meetings and `present + apologies + absent == expected`. For the
  other groupings `expected == meetings`.
* Rows are sorted by share present, worst first, then by name in Swedish order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db.models import Exists, OuterRef, QuerySet

from samverkan.core.swedish import sort_key
from samverkan.meetings.models import (
    Attendance,
    Body,
    Meeting,
    Membership,
    MembershipRole,
    Person,
)
from samverkan.organisations.models import MUNICIPAL_KINDS, Organisation, OrganisationLink

GROUP_BY_PERSON = "person"
GROUP_BY_ORGANISATION = "organisation"
GROUP_BY_DEPARTMENT = "department"
GROUP_BY_BODY = "body"
GROUP_BY_CHOICES = (
    GROUP_BY_ORGANISATION,
    GROUP_BY_DEPARTMENT,
    GROUP_BY_BODY,
    GROUP_BY_PERSON,
)

# One outcome per expected organisation and meeting: the best evidence wins.
ABSENT, APOLOGIES, PRESENT = 1, 2, 3
STATUS_RANK = {
    Attendance.Status.PRESENT.value: PRESENT,
    Attendance.Status.GUEST.value: PRESENT,
    Attendance.Status.APOLOGIES.value: APOLOGIES,
    Attendance.Status.ABSENT.value: ABSENT,
}
FOLLOWED_LINKS = (OrganisationLink.Kind.RENAMED.value, OrganisationLink.Kind.MERGED.value)
_MUNICIPAL = frozenset(str(kind.value) for kind in MUNICIPAL_KINDS)


@dataclass(frozen=True)
class Row:
    """One organisation, department, body or person and its attendance in the period."""

    key: int
    label: str
    meetings: int
    present: int
    apologies: int
    absent: int
    #: Expected attendances: `meetings`, except grouped by body (seats times meetings).
    expected: int
    #: Earlier names of a renamed or merged department, oldest first.
    formerly: tuple[str, ...] = ()
    share_present: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "share_present", self.present / self.expected if self.expected else 0.0
        )

    @property
    def percent(self) -> int:
        """The share present in whole per cent, halves rounded up (2/3 is 67)."""
        if not self.expected:
            return 0
        return (200 * self.present + self.expected) // (2 * self.expected)


@dataclass(frozen=True)
class _Seat:
    pk: int
    body_id: int
    person_id: int | None
    organisation_id: int | None
    start: date
    end: date | None

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class _Record(NamedTuple):
    person_id: int
    organisation_id: int | None
    body_id: int | None
    rank: int
    substitute_for_id: int | None


def held_meetings(*, start: date, end: date, body: Body | None = None) -> QuerySet[Meeting]:
    """Meetings held in [start, end]: not cancelled, with attendance recorded in the minutes."""
    meetings = (
        Meeting.objects.filter(date__gte=start, date__lte=end)
        .exclude(status=Meeting.Status.CANCELLED)
        .filter(Exists(Attendance.objects.filter(meeting=OuterRef("pk"))))
    )
    if body is not None:
        meetings = meetings.filter(
            Exists(Meeting.bodies.through.objects.filter(meeting_id=OuterRef("pk"), body=body))
        )
    return meetings


def attendance_statistics(
    *, start: date, end: date, body: Body | None = None, group_by: str = GROUP_BY_ORGANISATION
) -> list[Row]:
    """Attendance per person, organisation, department or body at meetings held in the period.

    See the module docstring for the counting rules. `group_by` is one of "person",
    "organisation" (whatever the seat represents: civil society and municipal alike),
    "department" (municipal departments, boards and companies only) or "body".
    """
    if group_by not in GROUP_BY_CHOICES:
        raise ValueError(f"Unknown grouping: {group_by!r}")
    held = held_meetings(start=start, end=end, body=body)

    # Query 1: each held meeting with its bodies (one row per meeting and body).
    meeting_dates: dict[int, date] = {}
    meeting_bodies: dict[int, set[int]] = defaultdict(set)
    for meeting_id, day, body_id in held.order_by().values_list("pk", "date", "bodies"):
        meeting_dates[meeting_id] = day
        if body_id is not None and (body is None or body_id == body.pk):
            meeting_bodies[meeting_id].add(body_id)
    if not meeting_dates:
        return []

    # Query 2: every attendance row of those meetings.
    records: dict[int, list[_Record]] = defaultdict(list)
    for meeting_id, person_id, organisation_id, body_id, status, substitute_for_id in (
        Attendance.objects.filter(meeting__in=held.values("pk"))
        .order_by()
        .values_list(
            "meeting_id", "person_id", "organisation_id", "body_id", "status", "substitute_for_id"
        )
    ):
        records[meeting_id].append(
            _Record(person_id, organisation_id, body_id, STATUS_RANK[status], substitute_for_id)
        )

    if group_by == GROUP_BY_PERSON:
        outcomes = _person_outcomes(meeting_dates, records, body)
        names = dict(Person.objects.filter(pk__in=outcomes.keys()).values_list("pk", "name"))
        return _rows(outcomes, names)

    # Query 3: the seats of the meetings' bodies that overlap the period.
    seats = _seats(meeting_bodies, start, end)
    if group_by == GROUP_BY_BODY:
        occasions = _body_occasions(meeting_dates, meeting_bodies, records, seats, body)
        names = dict(Body.objects.filter(pk__in=occasions.keys()).values_list("pk", "name"))
        return _rows(occasions, names, per_seat=True)

    # Query 4: renames and mergers; query 5: the names and kinds of the organisations.
    successor_of, predecessors_of = _organisation_history()
    outcomes = _organisation_outcomes(meeting_dates, meeting_bodies, records, seats, body)
    merged: dict[int, dict[int, int]] = defaultdict(dict)
    for organisation_id, per_meeting in outcomes.items():
        current = _current(organisation_id, successor_of)
        for meeting_id, rank in per_meeting.items():
            if rank > merged[current].get(meeting_id, 0):
                merged[current][meeting_id] = rank
    former_ids = {pk for current in merged for pk, _day in predecessors_of.get(current, ())}
    organisations = {
        pk: (name, kind)
        for pk, name, kind in Organisation.objects.filter(
            pk__in=set(merged) | former_ids
        ).values_list("pk", "name", "kind")
    }
    if group_by == GROUP_BY_DEPARTMENT:
        merged = {
            pk: per_meeting
            for pk, per_meeting in merged.items()
            if organisations.get(pk, ("", ""))[1] in _MUNICIPAL
        }
    names = {pk: name for pk, (name, _kind) in organisations.items()}
    formerly = {
        current: tuple(
            names[pk]
            for pk, _day in sorted(
                predecessors_of.get(current, ()),
                key=lambda item: (item[1], sort_key(names.get(item[0], ""))),
            )
            if pk in names and names[pk] != names.get(current)
        )
        for current in merged
    }
    return _rows(merged, names, formerly=formerly)


# --- Evidence per meeting ---------------------------------------------------------------------


def _counts(record: _Record, body: Body | None) -> bool:
    """With a body chosen, only that body's rows count (and rows without a body: guests)."""
    return body is None or record.body_id is None or record.body_id == body.pk


def _note(outcomes: dict[int, dict[int, int]], key: int, meeting_id: int, rank: int) -> None:
    per_meeting = outcomes[key]
    if rank > per_meeting.get(meeting_id, 0):
        per_meeting[meeting_id] = rank


def _person_outcomes(
    meeting_dates: dict[int, date], records: dict[int, list[_Record]], body: Body | None
) -> dict[int, dict[int, int]]:
    outcomes: dict[int, dict[int, int]] = defaultdict(dict)
    for meeting_id in meeting_dates:
        for record in records.get(meeting_id, ()):
            if _counts(record, body):
                _note(outcomes, record.person_id, meeting_id, record.rank)
    return outcomes


def _seats(meeting_bodies: dict[int, set[int]], start: date, end: date) -> dict[int, list[_Seat]]:
    body_ids = set().union(*meeting_bodies.values())
    by_body: dict[int, list[_Seat]] = defaultdict(list)
    if not body_ids:
        return by_body
    for row in (
        Membership.objects.filter(body_id__in=body_ids, start__lte=end)
        .exclude(end__lt=start)
        .exclude(role=MembershipRole.SUBSTITUTE)
        .order_by()
        .values_list("pk", "body_id", "person_id", "organisation_id", "start", "end")
    ):
        seat = _Seat(*row)
        by_body[seat.body_id].append(seat)
    return by_body


def _expected_seats(
    meeting_id: int,
    meeting_dates: dict[int, date],
    meeting_bodies: dict[int, set[int]],
    seats: dict[int, list[_Seat]],
) -> list[_Seat]:
    day = meeting_dates[meeting_id]
    return [
        seat
        for body_id in meeting_bodies.get(meeting_id, ())
        for seat in seats.get(body_id, ())
        if seat.active_on(day)
    ]


def _substitutes(meeting_records: Iterable[_Record]) -> dict[int, int]:
    """The best status of anyone substituting for each member at one meeting."""
    best: dict[int, int] = {}
    for record in meeting_records:
        if record.substitute_for_id is not None:
            best[record.substitute_for_id] = max(best.get(record.substitute_for_id, 0), record.rank)
    return best


def _organisation_outcomes(
    meeting_dates: dict[int, date],
    meeting_bodies: dict[int, set[int]],
    records: dict[int, list[_Record]],
    seats: dict[int, list[_Seat]],
    body: Body | None,
) -> dict[int, dict[int, int]]:
    outcomes: dict[int, dict[int, int]] = defaultdict(dict)
    for meeting_id in meeting_dates:
        meeting_records = records.get(meeting_id, [])
        person_rank = {r.person_id: r.rank for r in meeting_records}
        substituted = _substitutes(meeting_records)
        expected = _expected_seats(meeting_id, meeting_dates, meeting_bodies, seats)
        seat_holders = {seat.person_id for seat in expected if seat.person_id is not None}
        for seat in expected:
            if seat.organisation_id is None:
                continue  # an elected politician's seat represents a party
            rank = ABSENT
            if seat.person_id is not None:
                rank = max(
                    rank,
                    person_rank.get(seat.person_id, ABSENT),
                    substituted.get(seat.person_id, ABSENT),
                )
            _note(outcomes, seat.organisation_id, meeting_id, rank)
        own_row_organisation = {
            r.person_id: r.organisation_id for r in meeting_records if _counts(r, body)
        }
        for record in meeting_records:
            if record.substitute_for_id is None:
                if record.organisation_id is not None and _counts(record, body):
                    _note(outcomes, record.organisation_id, meeting_id, record.rank)
                continue
            if record.substitute_for_id in seat_holders:
                continue  # credited to the member's seats above
            if not _counts(record, body):
                continue
            fallback = own_row_organisation.get(record.substitute_for_id) or record.organisation_id
            if fallback is not None:
                _note(outcomes, fallback, meeting_id, record.rank)
    return outcomes


def _body_occasions(
    meeting_dates: dict[int, date],
    meeting_bodies: dict[int, set[int]],
    records: dict[int, list[_Record]],
    seats: dict[int, list[_Seat]],
    body: Body | None,
) -> dict[int, dict[tuple[int, str, int], int]]:
    """Per body, the outcome of each expected attendance: (meeting, seat holder) -> rank."""
    occasions: dict[int, dict[tuple[int, str, int], int]] = defaultdict(dict)
    for meeting_id in meeting_dates:
        meeting_records = records.get(meeting_id, [])
        person_rank = {r.person_id: r.rank for r in meeting_records}
        substituted = _substitutes(meeting_records)
        bodies = meeting_bodies.get(meeting_id, set())
        seat_holders: set[int] = set()
        for seat in _expected_seats(meeting_id, meeting_dates, meeting_bodies, seats):
            if seat.person_id is None:
                occasions[seat.body_id][(meeting_id, "vacant", seat.pk)] = ABSENT
                continue
            seat_holders.add(seat.person_id)
            rank = max(
                ABSENT,
                person_rank.get(seat.person_id, ABSENT),
                substituted.get(seat.person_id, ABSENT),
            )
            key = (meeting_id, "person", seat.person_id)
            occasions[seat.body_id][key] = max(occasions[seat.body_id].get(key, 0), rank)
        for record in meeting_records:
            if record.body_id is None or record.body_id not in bodies or not _counts(record, body):
                continue
            holder = record.substitute_for_id or record.person_id
            if holder in seat_holders:
                continue
            key = (meeting_id, "person", holder)
            per_body = occasions[record.body_id]
            per_body[key] = max(per_body.get(key, 0), record.rank)
    return occasions


# --- Renames and mergers ----------------------------------------------------------------------


def _organisation_history() -> tuple[dict[int, int], dict[int, list[tuple[int, date]]]]:
    """Who became whom: each organisation's single successor (renamed or merged into), and each
    current organisation's predecessors (all generations) with the date each one ended."""
    successors: dict[int, list[tuple[int, date]]] = defaultdict(list)
    for predecessor_id, successor_id, day in OrganisationLink.objects.filter(
        kind__in=FOLLOWED_LINKS
    ).values_list("predecessor_id", "successor_id", "date"):
        successors[predecessor_id].append((successor_id, day))
    # A predecessor with two successors was in effect split: it keeps its own history.
    successor_of = {pk: links[0][0] for pk, links in successors.items() if len(links) == 1}
    ended_on = {pk: links[0][1] for pk, links in successors.items() if len(links) == 1}
    predecessors_of: dict[int, list[tuple[int, date]]] = defaultdict(list)
    for pk in successor_of:
        current = _current(pk, successor_of)
        if current != pk:
            predecessors_of[current].append((pk, ended_on[pk]))
    return successor_of, predecessors_of


def _current(pk: int, successor_of: dict[int, int]) -> int:
    """Follow the successors to the organisation that exists now (a cycle stops the walk)."""
    seen = {pk}
    while pk in successor_of and successor_of[pk] not in seen:
        pk = successor_of[pk]
        seen.add(pk)
    return pk


# --- Rows -------------------------------------------------------------------------------------


def _rows(
    outcomes: dict,
    names: dict[int, str],
    *,
    formerly: dict[int, tuple[str, ...]] | None = None,
    per_seat: bool = False,
) -> list[Row]:
    rows = []
    for key, per_occasion in outcomes.items():
        if not per_occasion or key not in names:
            continue
        ranks = list(per_occasion.values())
        meetings = len({occasion[0] for occasion in per_occasion}) if per_seat else len(ranks)
        rows.append(
            Row(
                key=key,
                label=names[key],
                meetings=meetings,
                present=ranks.count(PRESENT),
                apologies=ranks.count(APOLOGIES),
                absent=ranks.count(ABSENT),
                expected=len(ranks),
                formerly=(formerly or {}).get(key, ()),
            )
        )
    rows.sort(key=lambda row: (row.share_present, sort_key(row.label), row.label))
    return rows
