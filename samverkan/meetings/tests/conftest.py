"""Council data for the meetings tests, built through the real services.

The shape follows the council's minutes: a council (Samverkansrådet) with a chair, a vice
chair, civil-society members, politicians shown with their party and the municipal
coordinator as secretary; the C-network with one contact person per department and a vacant
seat; an executive committee (AU) and a working group as children of the council; a
nominating committee. The people and most organisations are made up.

Fixtures (all need the database; use them with ``live_server`` too):

``council_setup``
    A :class:`CouncilSetup`: the bodies, parties, organisations, people by short key, the
    vacant seat and four accounts — ``secretary_user`` (role secretary, linked to the
    secretary's person), ``member_user`` (a council member's person), ``network_user`` (a
    C-network contact) and ``outsider_user`` (logged in, no seat anywhere).
``past_public_meeting``
    A joint public meeting of the council and the C-network on 13 September 2023 with its
    minutes published: attendance (present, apologies, a substitute, a guest), notes, a
    decision, tasks (one overdue), a tabled point and a follow-up point. Returned as a
    :class:`MeetingSetup` with the meeting, its agenda items by key and what was recorded.
``members_only_meeting``
    A members-only council meeting on 7 November 2023 with published minutes and a decision.
``upcoming_meeting``
    A public council meeting 30 days ahead (notice not sent), with one agenda item; the
    points carried over from earlier meetings appear on its agenda by themselves.
``client_for``
    ``client_for(user)`` gives a new test client logged in as ``user`` (``None``: anonymous).
``invitation_link``
    ``invitation_link(meeting, person)`` creates that person's invitation directly (as the
    notice would) and returns ``(invitation, raw_token)``, without sending any email.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from samverkan.accounts.models import Role, User
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.core.models import new_token
from samverkan.meetings import services
from samverkan.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    BodyKind,
    CarriedOverPoint,
    Decision,
    Invitation,
    Meeting,
    MeetingKind,
    Membership,
    MembershipRole,
    Party,
    Person,
)
from samverkan.organisations.models import Organisation, OrganisationKind
from samverkan.organisations.services import organisation_create

SEATS_FROM = date(2020, 1, 1)


@dataclass
class CouncilSetup:
    council: Body
    network: Body
    executive: Body
    working_group: Body
    nominating: Body
    parties: dict[str, Party]
    organisations: dict[str, Organisation]
    people: dict[str, Person]
    vacant_seat: Membership
    secretary_user: User
    member_user: User
    network_user: User
    outsider_user: User

    @property
    def bodies(self) -> list[Body]:
        return [self.council, self.network, self.executive, self.working_group, self.nominating]


@dataclass
class MeetingSetup:
    meeting: Meeting
    items: dict[str, AgendaItem]
    decisions: list[Decision] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    points: list[CarriedOverPoint] = field(default_factory=list)


def _org(name: str, kind: str = OrganisationKind.ASSOCIATION) -> Organisation:
    return organisation_create(name=name, kind=kind)


def _person(name: str, email: str = "", user: User | None = None) -> Person:
    return services.person_create(name=name, email=email, user=user)


@pytest.fixture
def council_setup(db) -> CouncilSetup:
    parties = {
        abbreviation: Party.objects.create(abbreviation=abbreviation, name=name)
        for abbreviation, name in [
            ("M", "Moderaterna"),
            ("L", "Liberalerna"),
            ("S", "Socialdemokraterna"),
        ]
    }
    municipal = OrganisationKind.MUNICIPAL_DEPARTMENT
    orgs = {
        "foreningsrad": _org("Örebro Föreningsråd", OrganisationKind.UMBRELLA_BODY),
        "rattighetscenter": _org("Örebro Rättighetscenter"),
        "almby": _org("Almby IK"),
        "activa": _org("Stiftelsen Activa", OrganisationKind.FOUNDATION),
        "vuxenskolan": _org("Studieförbundet Vuxenskolan", OrganisationKind.STUDY_ASSOCIATION),
        "kommun": _org("Örebro kommun", OrganisationKind.MUNICIPAL_BOARD),
        "klf": _org("Kommunledningsförvaltningen", municipal),
        "sof": _org("Socialförvaltningen", municipal),
        "kff": _org("Kultur- och fritidsförvaltningen", municipal),
        "vof": _org("Vård- och omsorgsförvaltningen", municipal),
        "fgf": _org("Förskole- och grundskoleförvaltningen", municipal),
    }
    council_body = services.body_create(
        name="Samverkansrådet",
        short_name="Rådet",
        slug="samverkansradet",
        kind=BodyKind.COUNCIL,
        purpose="Rådet följer upp och utvecklar överenskommelsen om samverkan mellan "
        "civilsamhället och kommunen.",
    )
    network = services.body_create(
        name="C-nätet",
        slug="c-natet",
        kind=BodyKind.NETWORK,
        purpose="En kontaktperson från varje förvaltning.",
    )
    executive = services.body_create(
        name="Arbetsutskottet",
        short_name="AU",
        slug="au",
        kind=BodyKind.EXECUTIVE_COMMITTEE,
        parent=council_body,
        purpose="Förbereder rådets möten.",
    )
    working_group = services.body_create(
        name="Arbetsgrupp Karta över samverkan",
        slug="karta-over-samverkan",
        kind=BodyKind.WORKING_GROUP,
        parent=council_body,
        purpose="Tar fram en klickbar karta över samverkan.",
    )
    nominating = services.body_create(
        name="Valberedningen",
        slug="valberedningen",
        kind=BodyKind.NOMINATING_COMMITTEE,
        purpose="Föreslår civilsamhällets ledamöter till rådet.",
    )

    secretary_user = user_get_or_create(email="anna.fors@example.org", full_name="Anna Fors")
    role_grant(user=secretary_user, role=Role.SECRETARY)
    member_user = user_get_or_create(email="lotta@example.org", full_name="Lotta Karlsson")
    role_grant(user=member_user, role=Role.COUNCIL_MEMBER)
    network_user = user_get_or_create(email="urban@example.org", full_name="Urban Sjö")
    role_grant(user=network_user, role=Role.C_NETWORK_MEMBER)
    outsider_user = user_get_or_create(email="utomstaende@example.org", full_name="Olle Utom")

    people = {
        "chair": _person("Tina Fager", "tina@example.org"),
        "vice_chair": _person("Lasse Lund", "lasse@example.org"),
        "caroline": _person("Caroline Dahl", "caroline@example.org"),
        "lotta": _person("Lotta Karlsson", "lotta@example.org", member_user),
        "fredrik": _person("Fredrik Wall", "fredrik@example.org"),
        "maria": _person("Maria Hedlund", "maria@example.org"),
        "jerker": _person("Jerker Lind", "jerker@example.org"),
        "madelen": _person("Madelen Strand", "madelen@example.org"),
        "secretary": _person("Anna Fors", "anna.fors@example.org", secretary_user),
        "urban": _person("Urban Sjö", "urban@example.org", network_user),
        "thomas": _person("Thomas Ek", "thomas@example.org"),
        "camilla": _person("Camilla Vik", "camilla@example.org"),
        "arianne": _person("Arianne Axell", "arianne@example.org"),
        "guest": _person("Magnus Åström"),
    }
    add = services.membership_add
    add(
        body=council_body,
        person=people["chair"],
        start=SEATS_FROM,
        organisation=orgs["foreningsrad"],
        role=MembershipRole.CHAIR,
    )
    add(
        body=council_body,
        person=people["vice_chair"],
        start=SEATS_FROM,
        organisation=orgs["almby"],
        role=MembershipRole.VICE_CHAIR,
    )
    add(
        body=council_body,
        person=people["caroline"],
        start=SEATS_FROM,
        organisation=orgs["rattighetscenter"],
    )
    add(body=council_body, person=people["lotta"], start=SEATS_FROM, organisation=orgs["activa"])
    add(
        body=council_body,
        person=people["fredrik"],
        start=SEATS_FROM,
        organisation=orgs["vuxenskolan"],
    )
    add(
        body=council_body,
        person=people["maria"],
        start=SEATS_FROM,
        party=parties["M"],
        title="kommunalråd",
    )
    add(body=council_body, person=people["jerker"], start=SEATS_FROM, party=parties["L"])
    add(body=council_body, person=people["madelen"], start=SEATS_FROM, party=parties["S"])
    add(
        body=council_body,
        person=people["secretary"],
        start=SEATS_FROM,
        organisation=orgs["kommun"],
        role=MembershipRole.SECRETARY,
    )
    add(body=network, person=people["urban"], start=SEATS_FROM, organisation=orgs["sof"])
    add(body=network, person=people["thomas"], start=SEATS_FROM, organisation=orgs["kff"])
    add(body=network, person=people["camilla"], start=SEATS_FROM, organisation=orgs["vof"])
    add(body=network, person=people["secretary"], start=SEATS_FROM, organisation=orgs["klf"])
    vacant = add(body=network, person=None, start=SEATS_FROM, organisation=orgs["fgf"])
    add(
        body=executive,
        person=people["chair"],
        start=SEATS_FROM,
        organisation=orgs["foreningsrad"],
        role=MembershipRole.CHAIR,
    )
    add(
        body=executive,
        person=people["secretary"],
        start=SEATS_FROM,
        organisation=orgs["kommun"],
        role=MembershipRole.SECRETARY,
    )
    add(body=working_group, person=people["lotta"], start=SEATS_FROM, organisation=orgs["activa"])
    add(
        body=working_group,
        person=people["secretary"],
        start=SEATS_FROM,
        organisation=orgs["kommun"],
    )
    add(
        body=nominating,
        person=people["fredrik"],
        start=SEATS_FROM,
        organisation=orgs["vuxenskolan"],
        role=MembershipRole.CHAIR,
    )
    return CouncilSetup(
        council=council_body,
        network=network,
        executive=executive,
        working_group=working_group,
        nominating=nominating,
        parties=parties,
        organisations=orgs,
        people=people,
        vacant_seat=vacant,
        secretary_user=secretary_user,
        member_user=member_user,
        network_user=network_user,
        outsider_user=outsider_user,
    )


def record_minutes(
    meeting: Meeting,
    people: dict[str, Person],
    *,
    present: Iterable[str],
    apologies: Iterable[str] = (),
    substitutes: dict[str, str] | None = None,
    guests: dict[str, str] | None = None,
) -> None:
    """Start the minutes and record attendance by people's keys. ``substitutes`` maps who
    came to whom they stand in for; ``guests`` maps a guest to a note ("digitaliseringsledare")."""
    services.minutes_start(meeting=meeting)
    for key in present:
        services.attendance_record(
            meeting=meeting, person=people[key], status=Attendance.Status.PRESENT
        )
    for key in apologies:
        services.attendance_record(
            meeting=meeting, person=people[key], status=Attendance.Status.APOLOGIES
        )
    for key, absent_key in (substitutes or {}).items():
        services.attendance_record(
            meeting=meeting,
            person=people[key],
            status=Attendance.Status.PRESENT,
            substitute_for=people[absent_key],
        )
    for key, note in (guests or {}).items():
        services.attendance_record(
            meeting=meeting, person=people[key], status=Attendance.Status.GUEST, note=note
        )


def _fresh(items: dict[str, AgendaItem]) -> dict[str, AgendaItem]:
    """The items again, with their meeting as it is now (after publishing the minutes)."""
    fresh = AgendaItem.objects.select_related("meeting").in_bulk([i.pk for i in items.values()])
    return {key: fresh[item.pk] for key, item in items.items()}


@pytest.fixture
def past_public_meeting(council_setup: CouncilSetup) -> MeetingSetup:
    people = council_setup.people
    meeting = services.meeting_create(
        bodies=[council_setup.council, council_setup.network],
        kind=MeetingKind.JOINT_MEETING,
        title="Samverkansrådet och C-nätet",
        date=date(2023, 9, 13),
        start_time=time(16),
        end_time=time(18),
        place="Föreningarnas Hus, Slottsgatan 13A",
        visibility=Meeting.Visibility.PUBLIC,
        minutes_taker=people["secretary"],
    )
    add = services.agenda_item_add
    items = {
        "welcome": add(meeting=meeting, title="Välkomna"),
        "one_way_in": add(meeting=meeting, title="En väg in", presenter="Thomas Ek"),
        "map": add(meeting=meeting, title="Karta över samverkan"),
        "evaluation": add(
            meeting=meeting,
            title="Utvärdering av överenskommelsen",
            item_type="information_and_decision",
        ),
        "survey": add(meeting=meeting, title="Enkät om coronas effekter"),
    }
    record_minutes(
        meeting,
        people,
        present=[
            "chair",
            "vice_chair",
            "caroline",
            "lotta",
            "maria",
            "jerker",
            "secretary",
            "urban",
            "thomas",
        ],
        apologies=["fredrik", "madelen", "camilla"],
        substitutes={"arianne": "camilla"},
        guests={"guest": "digitaliseringsledare"},
    )
    services.agenda_item_record(
        item=items["welcome"],
        notes="Ordförande hälsar välkommen till dagens möte som inleds med en presentationsrunda.",
    )
    services.agenda_item_record(
        item=items["one_way_in"],
        notes="Arbetet med att skapa en väg in för föreningslivet gällande föreningsbidrag.",
    )
    decision = services.decision_add(
        item=items["evaluation"],
        text="Samverkansrådet beslutar att godkänna förslaget och lämna det vidare för "
        "beredning inför politiskt beslut om stöd till föreningen.",
    )
    actions = [
        services.action_item_add(
            item=items["map"],
            what="Skapar ett team och bjuder in.",
            owner=people["secretary"],
            due=date(2023, 10, 1),
        ),
        services.action_item_add(
            item=items["map"], what="Återkommer med förslag på datum.", owner_text="AU"
        ),
        services.action_item_add(
            item=items["one_way_in"],
            what="Tar fram ett utkast till karta.",
            owner=people["lotta"],
            due=timezone.localdate() + timedelta(days=60),
        ),
    ]
    points = [
        services.point_carry_over(
            item=items["survey"], kind=CarriedOverPoint.Kind.TABLED, reason="tidsbrist"
        ),
        services.point_carry_over(
            item=items["one_way_in"],
            kind=CarriedOverPoint.Kind.FOLLOW_UP,
            title="Rapport om sommarsatsningen",
        ),
    ]
    meeting = services.minutes_publish(meeting=meeting, recorded_by="Anna Fors, sekreterare")
    return MeetingSetup(meeting, _fresh(items), [decision], actions, points)


@pytest.fixture
def members_only_meeting(council_setup: CouncilSetup) -> MeetingSetup:
    people = council_setup.people
    meeting = services.meeting_create(
        bodies=[council_setup.council],
        title="Samverkansrådet, internt möte",
        date=date(2023, 11, 7),
        start_time=time(16, 30),
        end_time=time(18, 30),
        place="Föreningarnas Hus",
        visibility=Meeting.Visibility.MEMBERS,
        carry_over=False,
    )
    item = services.agenda_item_add(
        meeting=meeting, title="Rutin för uteslutning av aktör", item_type="decision"
    )
    record_minutes(meeting, people, present=["chair", "lotta", "maria", "secretary"])
    decision = services.decision_add(
        item=item, text="Rådet tillsätter en arbetsgrupp för en hemlig rutin om uteslutning."
    )
    meeting = services.minutes_publish(meeting=meeting, recorded_by="Anna Fors")
    return MeetingSetup(meeting, _fresh({"exclusion": item}), [decision])


@pytest.fixture
def upcoming_meeting(council_setup: CouncilSetup) -> MeetingSetup:
    meeting = services.meeting_create(
        bodies=[council_setup.council],
        title="Samverkansrådet",
        date=timezone.localdate() + timedelta(days=30),
        start_time=time(16),
        end_time=time(18),
        place="Föreningarnas Hus",
        online_url="https://teams.example.org/mote",
        visibility=Meeting.Visibility.PUBLIC,
    )
    item = services.agenda_item_add(
        meeting=meeting, title="Aktivitetsplanen 2024–2025", presenter="Arbetsgruppen"
    )
    return MeetingSetup(meeting, {"plan": item})


@pytest.fixture
def client_for():
    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def invitation_link():
    def make(meeting: Meeting, person: Person) -> tuple[Invitation, str]:
        raw, token_hash = new_token()
        ends = datetime.combine(meeting.date, meeting.end_time or time(23, 59))
        invitation, _created = Invitation.objects.update_or_create(
            meeting=meeting,
            person=person,
            defaults={
                "token_hash": token_hash,
                "expires_at": timezone.make_aware(ends),
                "sent_at": timezone.now(),
            },
        )
        return invitation, raw

    return make
