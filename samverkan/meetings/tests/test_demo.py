"""The council's demo work in Älvstad: loaded through the services, it keeps its promises.

Both demos (the register, then the meetings) are loaded once for the whole module inside a
transaction that is rolled back at the end; each test runs in a savepoint inside it. The
story ends on the real today, because the services send notices and accept answers only for
meetings that are still to come in reality.
"""

import re
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samverkan.accounts.models import User
from samverkan.meetings import selectors
from samverkan.meetings.composition import check_composition
from samverkan.meetings.demo import load_demo
from samverkan.meetings.models import (
    ActionItem,
    Attendance,
    Body,
    BodyKind,
    CarriedOverPoint,
    CompositionRule,
    Decision,
    Invitation,
    ItemType,
    Meeting,
    MeetingKind,
    Membership,
    MembershipRole,
    MinutesRevision,
    Party,
    Person,
)
from samverkan.organisations.demo import (
    EARLIEST_TODAY,
    LATEST_TODAY,
    SECRETARY_EMAIL,
    DemoDatabaseNotEmpty,
)
from samverkan.organisations.demo import load_demo as load_organisations
from samverkan.organisations.models import Organisation, OrganisationKind, OrganisationLink
from samverkan.outbox.models import OutboundEmail

SEED = 2024
TODAY = timezone.localdate()
SECRETARY = "Helena Sjödin"
# Real people in the council's minutes (the seeds): the demo must not use their names.
REAL_NAMES = [
    "Fogel",
    "Fingal",
    "Granberg",
    "Karlsson-Andersson",
    "Rasmusson",
    "Haglund",
    "Jerker",
    "Spinord",
    "Weckström",
    "Stancu",
    "Hellberg",
    "Astvald",
    "Wulfstrand",
    "Kumlin",
    "Örebro",
]

pytestmark = pytest.mark.skipif(
    not EARLIEST_TODAY <= TODAY <= LATEST_TODAY,
    reason="The organisations demo only tells its story up to a today in 2024–2027.",
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> dict[str, int]:
    with django_db_blocker.unblock(), transaction.atomic():
        load_organisations(seed=SEED, today=TODAY)
        first_email = OutboundEmail.objects.order_by("-pk").values_list("pk", flat=True).first()
        counts = load_demo(seed=SEED, today=TODAY)
        counts["_first_email"] = first_email or 0
        yield counts
        transaction.set_rollback(True)


@pytest.fixture
def council() -> Body:
    return Body.objects.get(kind=BodyKind.COUNCIL)


@pytest.fixture
def network() -> Body:
    return Body.objects.get(kind=BodyKind.NETWORK)


def seats_on(body: Body, day: date):
    return Membership.objects.filter(body=body, start__lte=day).filter(
        Q(end__isnull=True) | Q(end__gte=day)
    )


def held(meetings=None):
    """Meetings that took place: before today, not cancelled, with attendance recorded."""
    meetings = meetings if meetings is not None else Meeting.objects.all()
    return (
        meetings.filter(date__lt=TODAY)
        .exclude(status=Meeting.Status.CANCELLED)
        .filter(attendances__isnull=False)
        .distinct()
    )


def council_meetings():
    return Meeting.objects.filter(
        kind__in=[MeetingKind.MEETING, MeetingKind.JOINT_MEETING],
        bodies__kind=BodyKind.COUNCIL,
    ).distinct()


# --- What was loaded ------------------------------------------------------------------------------


def test_the_counts_describe_what_was_loaded(db, demo):
    assert demo["people"] == Person.objects.count()
    assert 55 <= demo["people"] <= 65
    assert demo["bodies"] == Body.objects.count() >= 8
    assert demo["memberships"] == Membership.objects.count()
    assert demo["meetings"] == Meeting.objects.count()
    assert demo["published_minutes"] == Meeting.objects.filter(minutes_status="published").count()
    assert demo["decisions"] == Decision.objects.count() >= 25
    assert demo["action_items"] == ActionItem.objects.count() >= 35
    assert demo["open_action_items"] == ActionItem.objects.filter(status="open").count() >= 2
    assert demo["tabled_points"] == CarriedOverPoint.objects.filter(kind="tabled").count()
    assert 5 <= demo["tabled_points"] <= 8
    assert demo["follow_up_points"] >= 2
    assert demo["attendances"] == Attendance.objects.count() >= 400
    assert demo["invitations"] == Invitation.objects.count()
    assert demo["parties"] == Party.objects.count() == 8
    assert demo["minutes_revisions"] == 1
    assert demo["cancelled_meetings"] == 1
    assert demo["draft_minutes"] == 1


def test_people_are_made_up_with_email_for_most_and_phone_for_some(db, demo):
    people = list(Person.objects.all())
    with_email = [p for p in people if p.email]
    assert len(with_email) >= 0.85 * len(people)
    assert len(with_email) < len(people)  # some have no email
    assert sum(1 for p in people if p.phone) >= 3
    for person in with_email:
        assert re.fullmatch(r"[a-z-]+\.[a-z-]+@example\.org", person.email), person.email
    names = " ".join(p.name for p in people)
    for real in REAL_NAMES:
        assert real not in names
    assert len({p.name for p in people}) == len(people)
    secretary = Person.objects.get(name=SECRETARY)
    assert secretary.user == User.objects.get(email=SECRETARY_EMAIL)
    # Everyone else with email got an account, opened back when they first took part.
    accounts = User.objects.filter(person__in=with_email).exclude(email=SECRETARY_EMAIL)
    assert accounts.count() == demo["accounts"] == len(with_email) - 1
    assert all(user.date_joined.date() < TODAY for user in accounts)


def test_the_texts_are_the_demos_own(db, demo):
    texts = " ".join(
        [
            *Meeting.objects.values_list("agenda_items__notes", flat=True).exclude(
                agenda_items__notes=None
            )
        ]
        + list(Decision.objects.values_list("text", flat=True))
    )
    for real in REAL_NAMES:
        assert real not in texts
    assert "Älvstad" in texts


# --- Bodies and seats ------------------------------------------------------------------------------


def test_the_bodies_of_the_council_work(db, demo, council):
    kinds = Counter(Body.objects.values_list("kind", flat=True))
    assert kinds[BodyKind.COUNCIL] == kinds[BodyKind.NETWORK] == 1
    assert kinds[BodyKind.EXECUTIVE_COMMITTEE] == kinds[BodyKind.NOMINATING_COMMITTEE] == 1
    assert 3 <= kinds[BodyKind.WORKING_GROUP] <= 4
    assert Body.objects.get(kind=BodyKind.EXECUTIVE_COMMITTEE).parent == council
    groups = Body.objects.filter(kind=BodyKind.WORKING_GROUP)
    assert all(group.parent == council for group in groups)
    names = set(groups.values_list("name", flat=True))
    assert {"Arbetsgrupp Karta över samverkan", "Arbetsgrupp Rutin för uteslutning"} <= names
    # One working group did its task and was closed.
    closed = groups.get(name="Arbetsgrupp Rutin för uteslutning")
    assert closed.active_to is not None and closed.active_to < TODAY
    assert not seats_on(closed, TODAY).exists()


def test_the_council_keeps_its_composition_rules(db, demo, council):
    kinds = set(CompositionRule.objects.filter(body=council).values_list("kind", flat=True))
    assert kinds == set(CompositionRule.Kind.values)
    results = check_composition(council, TODAY)
    assert [r.message for r in results if not r.ok] == []
    by_kind = {r.rule.kind: r for r in results}
    assert by_kind[CompositionRule.Kind.CIVIL_SOCIETY_MEMBERS].count == 10
    assert by_kind[CompositionRule.Kind.POLITICIANS].count == 3
    umbrella = by_kind[CompositionRule.Kind.FROM_ORGANISATION].rule.organisation
    assert umbrella.kind == OrganisationKind.UMBRELLA_BODY and "Föreningsråd" in umbrella.name
    current = seats_on(council, TODAY)
    assert current.filter(title="kommunalråd").exists()
    assert current.get(role=MembershipRole.SECRETARY).person.name == SECRETARY
    assert current.filter(role=MembershipRole.SUBSTITUTE).exists()


def test_politicians_are_shown_with_their_party(db, demo, council):
    seats = seats_on(council, TODAY).filter(party__isnull=False).select_related("person", "party")
    labels = [
        selectors.person_label(s.person.name, organisation=s.organisation, party=s.party)
        for s in seats
    ]
    assert len(labels) == 3
    assert all(re.fullmatch(r".+ \((S|M|L|C|V|KD|MP|SD)\)", label) for label in labels)


def test_the_council_changes_over_time(db, demo, council):
    chairs = (
        Membership.objects.filter(body=council, role=MembershipRole.CHAIR)
        .order_by("start")
        .select_related("person")
    )
    assert chairs.count() == 2
    old, new = chairs
    assert old.person != new.person
    assert old.end == new.start - timedelta(days=1) and new.start.month == 1
    # The chair changed at an election evening, the December before.
    assert Meeting.objects.filter(
        kind=MeetingKind.ELECTION_EVENING, date__year=old.end.year, date__month=12
    ).exists()
    left = Membership.objects.filter(body=council, end__lt=TODAY, person__isnull=False)
    assert left.exclude(role=MembershipRole.CHAIR).exists()
    window_start = date(TODAY.year - 2, 1, 1)
    assert (
        Membership.objects.filter(body=council, start__gt=window_start)
        .exclude(person__in=left.values("person"))
        .exists()
    )


def test_every_member_sits_in_a_working_group(db, demo, council):
    members = (
        seats_on(council, TODAY)
        .filter(person__isnull=False)
        .exclude(role__in=[MembershipRole.SECRETARY, MembershipRole.SUBSTITUTE])
    )
    in_groups = set(
        Membership.objects.filter(body__kind=BodyKind.WORKING_GROUP, body__parent=council)
        .filter(start__lte=TODAY)
        .filter(Q(end__isnull=True) | Q(end__gte=TODAY))
        .values_list("person", flat=True)
    )
    assert members.count() == 13
    assert all(m.person_id in in_groups for m in members)


def test_the_network_has_one_seat_per_department_and_one_vacancy(db, demo, network):
    departments = Organisation.objects.filter(
        kind=OrganisationKind.MUNICIPAL_DEPARTMENT, successor_links__isnull=True
    )
    seats = seats_on(network, TODAY)
    assert sorted(seats.values_list("organisation__name", flat=True)) == sorted(
        departments.values_list("name", flat=True)
    )
    vacant = seats.filter(person__isnull=True)
    assert vacant.count() == 1
    # A vacant seat ("Vakans") is never present.
    assert not Attendance.objects.filter(
        organisation=vacant.get().organisation, meeting__date__gte=vacant.get().start
    ).exists()


def test_a_renamed_departments_seat_follows_it(db, demo, network):
    link = OrganisationLink.objects.get(
        kind=OrganisationLink.Kind.RENAMED, successor__name="Kommunledningsförvaltningen"
    )
    before = Membership.objects.get(body=network, organisation=link.predecessor)
    after = Membership.objects.get(body=network, organisation=link.successor)
    assert before.person == after.person
    assert before.end == link.date - timedelta(days=1) and after.start == link.date


# --- Meetings -------------------------------------------------------------------------------------


def test_the_calendar_of_the_last_two_years(db, demo, council):
    start = TODAY - timedelta(days=730)
    past = Meeting.objects.filter(date__gte=start, date__lt=TODAY).exclude(status="cancelled")
    councils = council_meetings().filter(date__gte=start, date__lt=TODAY)
    assert 7 <= councils.count() <= 9
    assert 3 <= councils.filter(kind=MeetingKind.JOINT_MEETING).count() <= 5
    for meeting in councils:
        assert Meeting.objects.filter(
            bodies__kind=BodyKind.EXECUTIVE_COMMITTEE,
            date__lt=meeting.date,
            date__gte=meeting.date - timedelta(days=21),
        ).exists(), f"No AU before {meeting}"
    assert 3 <= past.filter(kind=MeetingKind.THEME_EVENING).count() <= 5
    assert 1 <= past.filter(kind=MeetingKind.ELECTION_EVENING).count() <= 3
    assert past.filter(kind=MeetingKind.WORKING_GROUP_MEETING).count() >= 8
    assert Meeting.objects.filter(kind=MeetingKind.TRAINING, date__lt=TODAY).exists()
    conference = Meeting.objects.filter(kind=MeetingKind.EXTERNAL_CONFERENCE).first()
    assert conference.all_day and conference.place == "Stockholm" and conference.start_time is None
    places = set(Meeting.objects.values_list("place", flat=True))
    assert {"Föreningarnas Hus, Storgatan 12", "Digitalt (Teams)"} <= places
    assert any(p.startswith("Stadshuset") for p in places)
    teams = Meeting.objects.filter(place="Digitalt (Teams)")
    assert all(m.online_url.startswith("https://") for m in teams)


def test_who_may_see_which_meeting(db, demo):
    public = {
        MeetingKind.THEME_EVENING,
        MeetingKind.ELECTION_EVENING,
        MeetingKind.JOINT_MEETING,
        MeetingKind.EXTERNAL_CONFERENCE,
    }
    for meeting in Meeting.objects.prefetch_related("bodies"):
        kinds = {b.kind for b in meeting.bodies.all()}
        if meeting.kind in public or kinds == {BodyKind.COUNCIL}:
            assert meeting.visibility == Meeting.Visibility.PUBLIC, meeting
        if kinds & {BodyKind.EXECUTIVE_COMMITTEE, BodyKind.WORKING_GROUP}:
            assert meeting.visibility == Meeting.Visibility.MEMBERS, meeting


def test_past_meetings_have_minutes_and_the_latest_is_a_draft(db, demo):
    past = Meeting.objects.filter(date__lt=TODAY).exclude(
        Q(status=Meeting.Status.CANCELLED) | Q(kind=MeetingKind.EXTERNAL_CONFERENCE)
    )
    drafts = past.filter(minutes_status=Meeting.MinutesStatus.DRAFT)
    assert drafts.count() == 1
    latest = past.order_by("-date", "-start_time").first()
    assert drafts.get() == latest
    published = past.filter(minutes_status=Meeting.MinutesStatus.PUBLISHED)
    assert published.count() == past.count() - 1
    for meeting in published.prefetch_related("agenda_items"):
        assert meeting.recorded_by.startswith(SECRETARY) or "valberedningen" in meeting.recorded_by
        assert meeting.attendances.exists()
        assert meeting.minutes_published_at.date() >= meeting.date
        for item in meeting.agenda_items.all():
            assert item.notes.strip(), f"{meeting}: {item} has no notes"
    assert not Meeting.objects.filter(date__gte=TODAY, minutes_status="published").exists()


def test_council_agendas_follow_the_councils_pattern(db, demo):
    for meeting in council_meetings().filter(date__lt=TODAY).prefetch_related("agenda_items"):
        titles = [item.title for item in meeting.agenda_items.all()]
        assert 5 <= len(titles) <= 9, (meeting, titles)
        assert titles[0] == "Välkomna" and titles[-1] == "Övriga frågor"
        assert "På gång/bevakningslista" in titles
        assert any(t.startswith("Kalendarium") for t in titles)
    types = set(
        council_meetings()
        .values_list("agenda_items__item_type", flat=True)
        .exclude(agenda_items__item_type=None)
    )
    assert {ItemType.INFORMATION, ItemType.DECISION} <= types


def test_attendance_comes_from_the_seats(db, demo, council):
    for meeting in held(council_meetings()).prefetch_related("bodies"):
        expected = set(
            Membership.objects.filter(body__in=meeting.bodies.all(), person__isnull=False)
            .filter(start__lte=meeting.date)
            .filter(Q(end__isnull=True) | Q(end__gte=meeting.date))
            .exclude(role=MembershipRole.SUBSTITUTE)
            .values_list("person", flat=True)
        )
        recorded = set(meeting.attendances.values_list("person", flat=True))
        assert expected <= recorded, meeting
    statuses = Counter(Attendance.objects.values_list("status", flat=True))
    assert statuses["present"] > 3 * statuses["apologies"] > 0
    assert statuses["absent"] > 0 and statuses["guest"] > 0
    substitutions = Attendance.objects.filter(substitute_for__isnull=False)
    assert substitutions.exists()
    # "X ersätter Y": the substitute counts for the member's organisation.
    for row in substitutions.select_related("substitute_for"):
        assert row.organisation is not None


def test_some_departments_rarely_come_to_the_network(db, demo, network):
    meetings = list(held(Meeting.objects.filter(bodies=network)))
    assert len(meetings) >= 5
    current = {}
    for link in OrganisationLink.objects.select_related("predecessor", "successor"):
        current[link.predecessor_id] = link.successor.name
    present = defaultdict(set)
    for row in Attendance.objects.filter(
        meeting__in=meetings, status=Attendance.Status.PRESENT, organisation__isnull=False
    ).select_related("organisation"):
        name = current.get(row.organisation_id, row.organisation.name)
        present[name].add(row.meeting_id)
    share = {
        department.name: len(present[department.name]) / len(meetings)
        for department in Organisation.objects.filter(
            kind=OrganisationKind.MUNICIPAL_DEPARTMENT, successor_links__isnull=True
        )
    }
    rarely = [name for name, value in share.items() if value < 0.35]
    assert 2 <= len(rarely) <= 4, share
    assert share["Kommunledningsförvaltningen"] == 1.0
    assert share["Kultur- och fritidsförvaltningen"] >= 0.6


# --- Decisions, tasks and points ------------------------------------------------------------------


def test_decisions_are_searchable(db, demo):
    found = selectors.decision_search(AnonymousUser(), selectors.DecisionFilter(q="aktivitetsplan"))
    assert found.exists()
    assert any(
        d.text.startswith("Samverkansrådet beslutar att godkänna förslaget till aktivitetsplan")
        for d in found
    )
    bodies = set(Decision.objects.values_list("body__kind", flat=True))
    assert {BodyKind.COUNCIL, BodyKind.EXECUTIVE_COMMITTEE} <= bodies
    for decision in Decision.objects.select_related("agenda_item__meeting"):
        assert decision.date == decision.agenda_item.meeting.date


def test_action_items_most_done_some_open_some_overdue(db, demo):
    actions = ActionItem.objects.all()
    done = actions.filter(status=ActionItem.Status.DONE)
    assert done.count() > 0.7 * actions.count()
    assert actions.filter(status="open", due__lt=TODAY).count() >= 2  # overdue
    assert actions.filter(owner__isnull=True, owner_text="AU").exists()
    assert actions.filter(owner__isnull=False).count() > 0.7 * actions.count()
    now = timezone.now()
    for action in done.select_related("agenda_item__meeting"):
        assert action.agenda_item.meeting.date <= action.done_at.date() <= action.due
        assert action.done_at < now


def test_tabled_points_come_back_by_themselves(db, demo):
    points = CarriedOverPoint.objects.select_related(
        "origin__meeting", "resolved_in__meeting", "body", "previous"
    )
    assert points.filter(previous__isnull=False, kind="tabled").count() == 1  # tabled twice
    twice = points.get(previous__isnull=False, kind="tabled")
    assert twice.previous.resolved_in == twice.origin
    for point in points:
        assert point.reason or point.kind == CarriedOverPoint.Kind.FOLLOW_UP
        if point.resolved_in is None:
            continue
        came_back = point.resolved_in.meeting
        assert came_back.date > point.origin.meeting.date
        assert came_back.bodies.filter(pk=point.body_id).exists()
        # It came back on the body's next meeting with an agenda, not a later one.
        between = Meeting.objects.filter(
            bodies=point.body,
            date__gt=point.origin.meeting.date,
            date__lt=came_back.date,
            agenda_items__isnull=False,
        ).exclude(
            kind__in=[MeetingKind.THEME_EVENING, MeetingKind.ELECTION_EVENING, MeetingKind.TRAINING]
        )
        assert not between.exists(), point
        if came_back.minutes_status == Meeting.MinutesStatus.PUBLISHED and not point.next.exists():
            assert point.resolved_in.notes.strip()
    resolved = [
        p for p in points if p.resolved_in and p.resolved_in.meeting.minutes_status == "published"
    ]
    assert len(resolved) >= 5
    assert points.filter(kind=CarriedOverPoint.Kind.FOLLOW_UP).exists()


def test_published_minutes_were_revised_once_with_a_reason(db, demo):
    revision = MinutesRevision.objects.select_related("meeting", "changed_by").get()
    assert revision.reason.startswith("Rättelse")
    assert revision.changed_by.email == SECRETARY_EMAIL
    assert revision.before != revision.after
    assert revision.meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED
    assert revision.changed_at > revision.meeting.minutes_published_at


def test_one_meeting_was_cancelled(db, demo):
    cancelled = Meeting.objects.get(status=Meeting.Status.CANCELLED)
    assert cancelled.date < TODAY
    assert not cancelled.attendances.exists()
    assert cancelled.minutes_status == Meeting.MinutesStatus.NONE


# --- What is coming -------------------------------------------------------------------------------


def test_the_next_council_meeting_has_its_notice_and_answers(db, demo):
    upcoming = council_meetings().filter(date__gte=TODAY).order_by("date", "start_time")
    assert upcoming.count() >= 2
    meeting = upcoming.first()
    assert meeting.status == Meeting.Status.NOTICE_SENT
    assert meeting.notice_sent_at.date() < TODAY
    titles = list(meeting.agenda_items.values_list("title", flat=True))
    assert 5 <= len(titles) <= 9 and titles[0] == "Välkomna"
    invited = set(meeting.invitations.values_list("person", flat=True))
    members = set(
        Membership.objects.filter(body__in=meeting.bodies.all(), person__isnull=False)
        .filter(start__lte=meeting.date)
        .filter(Q(end__isnull=True) | Q(end__gte=meeting.date))
        .values_list("person", flat=True)
    )
    assert invited == members
    answers = Counter(meeting.invitations.values_list("response", flat=True))
    assert answers[Invitation.Response.ATTENDING] >= 1
    assert answers[Invitation.Response.ABSENT] >= 1
    assert answers[Invitation.Response.NONE] >= 1
    # The later dates are only planned.
    for later in upcoming[1:]:
        assert later.status == Meeting.Status.PLANNED
    assert Meeting.objects.filter(date__isnull=True, status=Meeting.Status.PLANNED).count() == 1


def test_the_demo_emails_are_history_not_a_queue(db, demo):
    emails = OutboundEmail.objects.filter(pk__gt=demo["_first_email"])
    assert emails.count() == demo["emails"] > 0
    assert not emails.filter(status=OutboundEmail.Status.QUEUED).exists()
    assert all(e.to.endswith("@example.org") for e in emails)


def test_the_demo_only_loads_once(db, demo):
    with pytest.raises(DemoDatabaseNotEmpty):
        load_demo(seed=SEED, today=TODAY)
