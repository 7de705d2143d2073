"""Attendance statistics: which organisations and departments come to the meetings where they
have a seat, counted from the minutes of a year of joint council and C-network meetings."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.models import Role
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.core.testing import assert_accessible
from samverkan.meetings import services
from samverkan.meetings.attendance import Row, attendance_statistics
from samverkan.meetings.models import (
    Attendance,
    Body,
    BodyKind,
    Meeting,
    Membership,
    MembershipRole,
    Party,
    Person,
)
from samverkan.meetings.views.statistics import default_period
from samverkan.organisations.models import Organisation, OrganisationKind, OrganisationLink
from samverkan.organisations.services import organisation_create, organisation_link_create

URL = "/narvaro/"
YEAR_2024 = {"from": "2024-01-01", "to": "2024-12-31"}
SVG = "{http://www.w3.org/2000/svg}"

P, A, X = "present", "apologies", "absent"

# Who was where, from the minutes. ("arianne", "camilla"): Arianne substitutes for Camilla.
# Anna has no row on 17 October: she was not in the minutes at all.
MINUTES = {
    date(2024, 2, 1): {"eva": P, "camilla": P, "maria": P, "anna": P, "bertil": P, "cecilia": A},
    date(2024, 3, 14): {
        "eva": P,
        "camilla": A,
        ("arianne", "camilla"): P,
        "maria": A,
        "anna": A,
        "bertil": P,
        "cecilia": A,
        ("dan", "cecilia"): P,
    },
    date(2024, 5, 2): {"eva": P, "camilla": P, "maria": X, "anna": P, "bertil": P, "cecilia": X},
    date(2024, 9, 5): {"eva": P, "camilla": X, "maria": P, "anna": P, "bertil": P, "cecilia": A},
    date(2024, 10, 17): {"eva": A, "camilla": P, "maria": P, "bertil": P, "cecilia": P},
    date(2024, 12, 5): {"eva": P, "camilla": P, "maria": P, "anna": P, "bertil": A, "cecilia": X},
}
EVERYONE_PRESENT = {name: P for name in ("eva", "camilla", "maria", "anna", "bertil", "cecilia")}


@dataclass
class World:
    council: Body
    c_network: Body
    people: dict[str, Person]
    organisations: dict[str, Organisation]


def build_world() -> World:
    """Samverkansrådet and C-nätet, meeting jointly six times in 2024; Kommunstyrelse-
    förvaltningen becomes Kommunledningsförvaltningen on 1 July 2024."""
    council = services.body_create(
        name="Samverkansrådet", slug="samverkansradet", kind=BodyKind.COUNCIL
    )
    c_network = services.body_create(name="C-nätet", slug="c-natet", kind=BodyKind.NETWORK)

    def organisation(name: str, kind: str) -> Organisation:
        return organisation_create(name=name, kind=kind)

    dept = OrganisationKind.MUNICIPAL_DEPARTMENT
    organisations = {
        "ofr": organisation("Örebro Föreningsråd", OrganisationKind.UMBRELLA_BODY),
        "ik": organisation("IK Kamraterna", OrganisationKind.ASSOCIATION),
        "sf": organisation("Studiefrämjandet", OrganisationKind.STUDY_ASSOCIATION),
        "ksf": organisation("Kommunstyrelseförvaltningen", dept),
        "klf": organisation("Kommunledningsförvaltningen", dept),
        "soc": organisation("Socialförvaltningen", dept),
        "kff": organisation("Kultur- och fritidsförvaltningen", dept),
        "vof": organisation("Vård- och omsorgsförvaltningen", dept),
    }
    organisation_link_create(
        predecessor=organisations["ksf"],
        successor=organisations["klf"],
        kind=OrganisationLink.Kind.RENAMED,
        on=date(2024, 7, 1),
    )
    names = {
        "eva": "Eva Ek",
        "camilla": "Camilla Weckström",
        "arianne": "Arianne Axewill",
        "maria": "Maria Haglund",
        "anna": "Anna Andersson",
        "bertil": "Bertil Berg",
        "cecilia": "Cecilia Carlsson",
        "dan": "Dan Dahl",
    }
    people = {key: services.person_create(name=name) for key, name in names.items()}
    since = date(2023, 1, 1)
    moderates = Party.objects.create(abbreviation="M", name="Moderaterna")
    seat = services.membership_add
    seat(
        body=council,
        person=people["eva"],
        organisation=organisations["ofr"],
        start=since,
        role=MembershipRole.CHAIR,
    )
    seat(body=council, person=people["camilla"], organisation=organisations["ik"], start=since)
    seat(
        body=council,
        person=people["arianne"],
        organisation=organisations["sf"],
        start=since,
        role=MembershipRole.SUBSTITUTE,
    )
    seat(body=council, person=people["maria"], party=moderates, title="kommunalråd", start=since)
    seat(
        body=c_network,
        person=people["anna"],
        organisation=organisations["ksf"],
        start=since,
        end=date(2024, 6, 30),
    )
    seat(
        body=c_network,
        person=people["anna"],
        organisation=organisations["klf"],
        start=date(2024, 7, 1),
    )
    seat(body=c_network, person=people["bertil"], organisation=organisations["soc"], start=since)
    seat(body=c_network, person=None, organisation=organisations["kff"], start=since)  # Vakans
    seat(body=c_network, person=people["cecilia"], organisation=organisations["vof"], start=since)

    world = World(council, c_network, people, organisations)
    for day, minutes in MINUTES.items():
        hold_meeting(world, day, minutes)
    # Not counted: cancelled (even with rows), no minutes yet, outside the period.
    cancelled = hold_meeting(world, date(2024, 4, 10), EVERYONE_PRESENT)
    services.meeting_cancel(meeting=cancelled)
    hold_meeting(world, date(2024, 11, 14), {})
    hold_meeting(world, date(2023, 12, 7), EVERYONE_PRESENT)
    hold_meeting(world, date(2025, 2, 6), {"cecilia": P})
    return world


def hold_meeting(world: World, day: date, minutes: dict):
    meeting = services.meeting_create(
        bodies=[world.council, world.c_network],
        kind="joint_meeting",
        title="Samverkansrådet och C-nätet",
        date=day,
        start_time=time(16),
        end_time=time(18),
        place="Föreningarnas Hus",
        visibility="public",
    )
    for who, status in minutes.items():
        if isinstance(who, tuple):
            substitute, member = who
            services.attendance_record(
                meeting=meeting,
                person=world.people[substitute],
                status=status,
                substitute_for=world.people[member],
            )
        else:
            services.attendance_record(meeting=meeting, person=world.people[who], status=status)
    return meeting


@pytest.fixture
def world(db) -> World:
    return build_world()


def numbers(rows: list[Row]) -> list[tuple]:
    return [(r.label, r.meetings, r.present, r.apologies, r.absent, r.percent) for r in rows]


def statistics(group_by: str, body: Body | None = None, **period) -> list[Row]:
    return attendance_statistics(
        start=period.get("start", date(2024, 1, 1)),
        end=period.get("end", date(2024, 12, 31)),
        body=body,
        group_by=group_by,
    )


# --- Counting ---------------------------------------------------------------------------------


def test_organisations_worst_first_renamed_department_counts_under_its_new_name(world):
    rows = statistics("organisation")
    assert numbers(rows) == [
        # The vacant seat: expected at all six meetings, never present.
        ("Kultur- och fritidsförvaltningen", 6, 0, 0, 6, 0),
        # Dan was present for Cecilia on 14 March: the department was there.
        ("Vård- och omsorgsförvaltningen", 6, 2, 2, 2, 33),
        # Three meetings as Kommunstyrelseförvaltningen and three as Kommunlednings-
        # förvaltningen; on 17 October Anna was not in the minutes: absent by her seat.
        ("Kommunledningsförvaltningen", 6, 4, 1, 1, 67),
        # Arianne (Studiefrämjandet's substitute seat) replaced Camilla on 14 March.
        ("IK Kamraterna", 6, 5, 0, 1, 83),
        ("Socialförvaltningen", 6, 5, 1, 0, 83),
        ("Örebro Föreningsråd", 6, 5, 1, 0, 83),
    ]
    by_label = {r.label: r for r in rows}
    assert by_label["Kommunledningsförvaltningen"].formerly == ("Kommunstyrelseförvaltningen",)
    assert by_label["Kommunledningsförvaltningen"].key == world.organisations["klf"].pk
    assert by_label["Vård- och omsorgsförvaltningen"].share_present == pytest.approx(2 / 6)
    assert "Kommunstyrelseförvaltningen" not in by_label, "old name is not a row of its own"
    assert "Studiefrämjandet" not in by_label, "a substitute seat does not make it expected"


def test_departments_only_municipal(world):
    assert numbers(statistics("department")) == [
        ("Kultur- och fritidsförvaltningen", 6, 0, 0, 6, 0),
        ("Vård- och omsorgsförvaltningen", 6, 2, 2, 2, 33),
        ("Kommunledningsförvaltningen", 6, 4, 1, 1, 67),
        ("Socialförvaltningen", 6, 5, 1, 0, 83),
    ]


def test_old_name_rows_count_under_the_current_name_before_the_rename(world):
    before = statistics("department", end=date(2024, 6, 30))
    after = statistics("department", start=date(2024, 7, 1))
    assert ("Kommunledningsförvaltningen", 3, 2, 1, 0, 67) in numbers(before)
    assert ("Kommunledningsförvaltningen", 3, 2, 0, 1, 67) in numbers(after)


def test_people_from_their_rows(world):
    assert numbers(statistics("person")) == [
        ("Cecilia Carlsson", 6, 1, 3, 2, 17),
        ("Camilla Weckström", 6, 4, 1, 1, 67),
        ("Maria Haglund", 6, 4, 1, 1, 67),
        ("Anna Andersson", 5, 4, 1, 0, 80),
        ("Bertil Berg", 6, 5, 1, 0, 83),
        ("Eva Ek", 6, 5, 1, 0, 83),
        ("Arianne Axewill", 1, 1, 0, 0, 100),
        ("Dan Dahl", 1, 1, 0, 0, 100),
    ]


def test_bodies_count_every_seat_at_every_meeting(world):
    rows = statistics("body")
    assert [
        (r.label, r.meetings, r.expected, r.present, r.apologies, r.absent, r.percent) for r in rows
    ] == [
        # 4 seats (one vacant) x 6 meetings.
        ("C-nätet", 6, 24, 11, 4, 9, 46),
        # 3 seats x 6 meetings; the substitute's seat is not expected.
        ("Samverkansrådet", 6, 18, 14, 2, 2, 78),
    ]


def test_one_body_only(world):
    assert numbers(statistics("organisation", world.c_network)) == [
        ("Kultur- och fritidsförvaltningen", 6, 0, 0, 6, 0),
        ("Vård- och omsorgsförvaltningen", 6, 2, 2, 2, 33),
        ("Kommunledningsförvaltningen", 6, 4, 1, 1, 67),
        ("Socialförvaltningen", 6, 5, 1, 0, 83),
    ]
    assert numbers(statistics("organisation", world.council)) == [
        ("IK Kamraterna", 6, 5, 0, 1, 83),
        ("Örebro Föreningsråd", 6, 5, 1, 0, 83),
    ]
    assert statistics("department", world.council) == []
    assert [r.label for r in statistics("person", world.c_network)] == [
        "Cecilia Carlsson",
        "Anna Andersson",
        "Bertil Berg",
        "Dan Dahl",
    ]


def test_no_meetings_held_no_rows(world):
    assert statistics("organisation", start=date(2024, 11, 1), end=date(2024, 11, 30)) == []
    assert statistics("organisation", start=date(2024, 4, 10), end=date(2024, 4, 10)) == []


def test_renamed_twice_and_merged_count_together_split_does_not(db):
    """Kommunstyrelsekontoret -> Kommunstyrelseförvaltningen -> Kommunledningsförvaltningen;
    Fritidsförvaltningen + Kulturförvaltningen -> Kultur- och fritidsförvaltningen."""
    c_network = services.body_create(name="C-nätet", slug="c-natet", kind=BodyKind.NETWORK)
    dept = OrganisationKind.MUNICIPAL_DEPARTMENT
    org = {
        name: organisation_create(name=name, kind=dept)
        for name in (
            "Kommunstyrelsekontoret",
            "Kommunstyrelseförvaltningen",
            "Kommunledningsförvaltningen",
            "Fritidsförvaltningen",
            "Kulturförvaltningen",
            "Kultur- och fritidsförvaltningen",
            "Tekniska förvaltningen",
            "Stadsbyggnad",
            "Tekniska nämndens förvaltning",
        )
    }

    def link(old: str, new: str, kind: str, on: date) -> None:
        organisation_link_create(predecessor=org[old], successor=org[new], kind=kind, on=on)

    link("Kommunstyrelsekontoret", "Kommunstyrelseförvaltningen", "renamed", date(2023, 7, 1))
    link("Kommunstyrelseförvaltningen", "Kommunledningsförvaltningen", "renamed", date(2024, 7, 1))
    link("Fritidsförvaltningen", "Kultur- och fritidsförvaltningen", "merged", date(2024, 1, 1))
    link("Kulturförvaltningen", "Kultur- och fritidsförvaltningen", "merged", date(2024, 1, 1))
    link("Tekniska förvaltningen", "Stadsbyggnad", "split", date(2024, 1, 1))
    link("Tekniska förvaltningen", "Tekniska nämndens förvaltning", "split", date(2024, 1, 1))

    anna, gustav, helena, ivar = (
        services.person_create(name=n) for n in ("Anna A", "Gustav G", "Helena H", "Ivar I")
    )
    seat = services.membership_add
    seat(
        body=c_network,
        person=anna,
        organisation=org["Kommunstyrelsekontoret"],
        start=date(2023, 1, 1),
        end=date(2023, 6, 30),
    )
    seat(
        body=c_network,
        person=anna,
        organisation=org["Kommunstyrelseförvaltningen"],
        start=date(2023, 7, 1),
        end=date(2024, 6, 30),
    )
    seat(
        body=c_network,
        person=anna,
        organisation=org["Kommunledningsförvaltningen"],
        start=date(2024, 7, 1),
    )
    seat(
        body=c_network,
        person=gustav,
        organisation=org["Fritidsförvaltningen"],
        start=date(2023, 1, 1),
        end=date(2023, 12, 31),
    )
    seat(
        body=c_network,
        person=helena,
        organisation=org["Kulturförvaltningen"],
        start=date(2023, 1, 1),
        end=date(2023, 12, 31),
    )
    seat(
        body=c_network,
        person=gustav,
        organisation=org["Kultur- och fritidsförvaltningen"],
        start=date(2024, 1, 1),
    )
    seat(
        body=c_network,
        person=ivar,
        organisation=org["Tekniska förvaltningen"],
        start=date(2023, 1, 1),
    )

    def meeting(day: date, minutes: dict[Person, str]) -> None:
        m = services.meeting_create(bodies=[c_network], title="C-nätet", date=day)
        for person, status in minutes.items():
            services.attendance_record(meeting=m, person=person, status=status)

    meeting(date(2023, 3, 1), {anna: P, gustav: P, helena: A, ivar: P})
    meeting(date(2023, 10, 1), {anna: X, gustav: X, helena: X})
    meeting(date(2024, 9, 1), {anna: P, gustav: P})

    rows = statistics("department", start=date(2023, 1, 1), end=date(2024, 12, 31))
    assert numbers(rows) == [
        ("Tekniska förvaltningen", 3, 1, 0, 2, 33),
        ("Kommunledningsförvaltningen", 3, 2, 0, 1, 67),
        ("Kultur- och fritidsförvaltningen", 3, 2, 0, 1, 67),
    ]
    formerly = {r.label: r.formerly for r in rows}
    assert formerly["Kommunledningsförvaltningen"] == (
        "Kommunstyrelsekontoret",
        "Kommunstyrelseförvaltningen",
    )
    assert formerly["Kultur- och fritidsförvaltningen"] == (
        "Fritidsförvaltningen",
        "Kulturförvaltningen",
    )
    assert formerly["Tekniska förvaltningen"] == ()


def test_swedish_name_order_breaks_ties(db):
    """Å before Ä before Ö, unlike the order of the code points (Ä, Å, Ö)."""
    body = services.body_create(name="C-nätet", slug="c-natet", kind=BodyKind.NETWORK)
    meeting = services.meeting_create(bodies=[body], title="C-nätet", date=date(2024, 5, 1))
    for name in ("Örebrobostäder", "Ängens förvaltning", "Åbyns förvaltning"):
        department = organisation_create(name=name, kind=OrganisationKind.MUNICIPAL_COMPANY)
        person = services.person_create(name=f"Kontakt {name}")
        services.membership_add(
            body=body, person=person, organisation=department, start=date(2024, 1, 1)
        )
        services.attendance_record(meeting=meeting, person=person, status=P)
    assert [r.label for r in statistics("department")] == [
        "Åbyns förvaltning",
        "Ängens förvaltning",
        "Örebrobostäder",
    ]


def test_unknown_grouping_is_refused(db):
    with pytest.raises(ValueError):
        statistics("party")


def build_meetings(count: int) -> None:
    """A council and a C-network with a renamed department, meeting `count` times."""
    council = services.body_create(name="Samverkansrådet", slug="radet", kind=BodyKind.COUNCIL)
    c_network = services.body_create(name="C-nätet", slug="c-natet", kind=BodyKind.NETWORK)
    dept = OrganisationKind.MUNICIPAL_DEPARTMENT
    old = organisation_create(name="Förvaltningen för sociala insatser", kind=dept)
    new = organisation_create(name="Socialförvaltningen", kind=dept)
    organisation_link_create(predecessor=old, successor=new, kind="renamed", on=date(2024, 1, 1))
    ofr = organisation_create(name="Örebro Föreningsråd", kind=OrganisationKind.UMBRELLA_BODY)
    people = [services.person_create(name=n) for n in ("Eva Ek", "Bo Bo", "Sub Sub")]
    services.membership_add(
        body=council, person=people[0], organisation=ofr, start=date(2023, 1, 1)
    )
    services.membership_add(
        body=c_network,
        person=people[1],
        organisation=old,
        start=date(2023, 1, 1),
        end=date(2023, 12, 31),
    )
    services.membership_add(
        body=c_network, person=people[1], organisation=new, start=date(2024, 1, 1)
    )
    services.membership_add(body=c_network, person=None, organisation=ofr, start=date(2023, 1, 1))
    first = date(2023, 6, 1)
    for n in range(count):
        meeting = services.meeting_create(
            bodies=[council, c_network], title=f"Möte {n}", date=first + timedelta(days=14 * n)
        )
        services.attendance_record(meeting=meeting, person=people[0], status=P)
        services.attendance_record(meeting=meeting, person=people[1], status=A)
        services.attendance_record(
            meeting=meeting, person=people[2], status=P, substitute_for=people[1]
        )


def wipe() -> None:
    Attendance.objects.all().delete()
    Membership.objects.all().delete()
    Meeting.objects.all().delete()
    OrganisationLink.objects.all().delete()
    Body.objects.all().delete()
    Organisation.objects.all().delete()
    Person.objects.all().delete()


def queries_for(group_by: str, count: int) -> int:
    wipe()
    build_meetings(count)
    with CaptureQueriesContext(connection) as captured:
        rows = statistics(group_by, start=date(2023, 1, 1), end=date(2024, 12, 31))
    assert max(r.meetings for r in rows) == count
    return len(captured)


@pytest.mark.parametrize("group_by", ["organisation", "department", "body", "person"])
def test_constant_number_of_queries(db, group_by):
    assert queries_for(group_by, 3) == queries_for(group_by, 20) <= 5


# --- The page ---------------------------------------------------------------------------------


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def test_url_name():
    assert reverse("meetings:attendance_statistics") == URL


def test_public_page_per_department(client, world):
    response = get(client, **YEAR_2024, group_by="department")
    assert numbers(response.context["rows"]) == numbers(statistics("department"))
    html = response.content.decode()
    assert "Kommunledningsförvaltningen" in html
    assert "Kommunstyrelseförvaltningen" in html, "the former name is shown"
    assert '<th scope="row">Kultur- och fritidsförvaltningen</th>' in html
    assert '<th scope="col">' in html and "<caption" in html
    assert "style=" not in html and "<style" not in html, "the CSP forbids inline styles"


def test_default_view_is_the_last_twelve_months_of_every_body(client, world):
    response = get(client)
    today = timezone.localdate()
    selection = response.context["selection"]
    assert (selection.start, selection.end) == default_period(today)
    assert selection.end == today
    assert (selection.end - selection.start).days in (364, 365)
    assert selection.body is None
    assert selection.group_by == "organisation"
    assert not response.context["form"].errors


@pytest.mark.parametrize(
    ("params", "field", "code"),
    [
        ({"from": "2024-13-45", "to": "2024-12-31"}, "from", "invalid"),
        ({"from": "igår", "to": "2024-12-31"}, "from", "invalid"),
        ({"from": "2024-01-01", "to": ""}, "to", "required"),
        ({"from": "2024-06-01", "to": "2024-01-01"}, "to", "to_before_from"),
        ({"from": "2010-01-01", "to": "2024-12-31"}, "to", "period_too_long"),
        ({"body": "finns-inte"}, "body", "invalid_choice"),
        ({"group_by": "everything"}, "group_by", "invalid_choice"),
    ],
)
def test_bad_input_gives_a_message_by_the_field_and_the_default_view(
    client, world, params, field, code
):
    response = get(client, **params)
    errors = response.context["form"].errors.as_data()
    assert [e.code for e in errors[field]] == [code]
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html, "the message is next to the field"
    assert 'class="error-summary"' in html
    selection = response.context["selection"]
    if field in ("from", "to"):
        assert (selection.start, selection.end) == default_period(timezone.localdate())
    if field == "body":
        assert selection.body is None
    if field == "group_by":
        assert selection.group_by == "organisation"


def test_bad_body_keeps_the_valid_period(client, world):
    response = get(client, **YEAR_2024, body="finns-inte", group_by="department")
    assert response.context["selection"].body is None
    assert numbers(response.context["rows"]) == numbers(statistics("department"))


def test_exactly_ten_years_is_allowed(client, world):
    response = get(client, **{"from": "2014-12-31", "to": "2024-12-31"})
    assert not response.context["form"].errors
    assert response.context["selection"].start == date(2014, 12, 31)


def test_body_chosen_by_slug(client, world):
    response = get(client, **YEAR_2024, body="c-natet")
    assert response.context["selection"].body == world.c_network
    assert [r.label for r in response.context["rows"]] == [
        "Kultur- och fritidsförvaltningen",
        "Vård- och omsorgsförvaltningen",
        "Kommunledningsförvaltningen",
        "Socialförvaltningen",
    ]


def test_person_view_refused_for_anonymous(client, world):
    response = get(client, **YEAR_2024, group_by="person")
    assert response.context["selection"].group_by == "organisation"
    assert response.context["people_refused"]
    html = response.content.decode()
    assert 'id="people-refused"' in html
    assert "Cecilia Carlsson" not in html
    assert 'value="person"' not in html, "the choice is not offered"
    assert "Vård- och omsorgsförvaltningen" in html


def test_person_csv_refused_for_anonymous(client, world):
    response = get(client, **YEAR_2024, group_by="person", format="csv")
    text = response.content.decode("utf-8-sig")
    assert "Cecilia Carlsson" not in text
    assert "Vård- och omsorgsförvaltningen" in text


def test_person_view_refused_for_a_user_without_a_role(client, world):
    client.force_login(user_get_or_create(email="anyone@example.org"))
    response = get(client, **YEAR_2024, group_by="person")
    assert response.context["selection"].group_by == "organisation"
    assert "Cecilia Carlsson" not in response.content.decode()


@pytest.mark.parametrize("role", [Role.SECRETARY, Role.COUNCIL_MEMBER, Role.C_NETWORK_MEMBER])
def test_person_view_for_the_secretary_and_members(client, world, role):
    user = user_get_or_create(email="member@example.org")
    role_grant(user=user, role=role)
    client.force_login(user)
    response = get(client, **YEAR_2024, group_by="person")
    assert not response.context["people_refused"]
    assert numbers(response.context["rows"])[0] == ("Cecilia Carlsson", 6, 1, 3, 2, 17)
    assert 'id="people-refused"' not in response.content.decode()


def test_csv_download_of_the_same_table(client, world):
    response = get(client, **YEAR_2024, group_by="department", format="csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    header, *lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(header) == 7
    assert lines == [
        ["Kultur- och fritidsförvaltningen", "", "6", "0", "0", "6", "0"],
        ["Vård- och omsorgsförvaltningen", "", "6", "2", "2", "2", "33"],
        ["Kommunledningsförvaltningen", "Kommunstyrelseförvaltningen", "6", "4", "1", "1", "67"],
        ["Socialförvaltningen", "", "6", "5", "1", "0", "83"],
    ]


def test_csv_per_body_has_expected_attendances(client, world):
    response = get(client, **YEAR_2024, group_by="body", format="csv")
    header, *lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(header) == 8
    assert lines == [
        ["C-nätet", "", "6", "24", "11", "4", "9", "46"],
        ["Samverkansrådet", "", "6", "18", "14", "2", "2", "78"],
    ]


def test_csv_neutralises_formulas(client, db):
    body = services.body_create(name="=HYPERLINK(1)", slug="formel", kind=BodyKind.NETWORK)
    person = services.person_create(name="Kim K")
    department = organisation_create(name="@SUM(A1)", kind=OrganisationKind.MUNICIPAL_DEPARTMENT)
    services.membership_add(
        body=body, person=person, organisation=department, start=date(2024, 1, 1)
    )
    meeting = services.meeting_create(bodies=[body], title="Möte", date=date(2024, 3, 1))
    services.attendance_record(meeting=meeting, person=person, status=P)
    response = get(client, **YEAR_2024, format="csv")
    assert "'@SUM(A1)" in response.content.decode("utf-8-sig")


def chart_of(response) -> ET.Element:
    html = response.content.decode()
    match = re.search(r"<svg.*?</svg>", html, re.S)
    assert match, "the page has a chart"
    return ET.fromstring(match.group(0))


def test_chart_has_one_labelled_bar_per_row(client, world):
    response = get(client, **YEAR_2024, group_by="department")
    svg = chart_of(response)
    assert svg.get("role") == "img"
    assert svg.get("viewBox", "").startswith("0 0 ")
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == title.get("id")
    assert svg.get("aria-describedby") == desc.get("id")
    # The description summarises: the worst and the best, with their shares.
    assert "Kultur- och fritidsförvaltningen" in desc.text and "0 %" in desc.text
    assert "Socialförvaltningen" in desc.text and "83 %" in desc.text

    groups = svg.findall(f"{SVG}g")
    assert len(groups) == len(response.context["rows"]) == 4
    shown = []
    for group in groups:
        label, value = (t.text for t in group.findall(f"{SVG}text"))
        (track,) = group.findall(f"{SVG}rect[@class='track']")
        (bar,) = group.findall(f"{SVG}rect[@class='bar']")
        share = float(bar.get("width")) / float(track.get("width"))
        shown.append((label, value, round(share * 100)))
    assert shown == [
        ("Kultur- och fritidsförvaltningen", "0 %", 0),
        ("Vård- och omsorgsförvaltningen", "33 %", 33),
        ("Kommunledningsförvaltningen", "67 %", 67),
        ("Socialförvaltningen", "83 %", 83),
    ]


def test_chart_numbers_are_not_localised(client, world, settings):
    """Swedish formats 186.7 as "186,7", which would break the SVG's coordinates."""
    response = get(client, **YEAR_2024, group_by="department")
    for bar in chart_of(response).iter(f"{SVG}rect"):
        float(bar.get("width"))
        float(bar.get("y"))


def test_no_meetings_no_chart(client, world):
    response = get(client, **{"from": "2024-11-01", "to": "2024-11-30"})
    html = response.content.decode()
    assert "<svg" not in html
    assert 'id="no-meetings"' in html


def test_page_queries_do_not_grow_with_the_number_of_meetings(client, db):
    def page_queries(count: int) -> int:
        wipe()
        build_meetings(count)
        with CaptureQueriesContext(connection) as captured:
            response = get(client, **{"from": "2023-01-01", "to": "2024-12-31"})
        assert max(r.meetings for r in response.context["rows"]) == count
        return len(captured)

    assert page_queries(3) == page_queries(20)


def test_the_page_is_accessible_with_data(live_server, page):
    build_world()
    page.goto(f"{live_server.url}{URL}?from=2024-01-01&to=2024-12-31&group_by=department")
    chart = page.get_by_role("img", name=re.compile("."))
    assert chart.locator("rect.bar").count() == 4
    assert page.locator("table tbody tr").count() == 4
    assert_accessible(page, "attendance per department")

    page.goto(f"{live_server.url}{URL}?from=2024-13-45&body=finns-inte")
    assert page.locator("#id_from_error").is_visible()
    assert page.locator("#id_body_error").is_visible()
    assert_accessible(page, "attendance with bad input")
