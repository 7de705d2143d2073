"""The calendar page (kalendarium), the subscribable feeds and the "add to my calendar" files."""

import re
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samverkan.accounts.models import Role
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.core.testing import assert_accessible
from samverkan.meetings import services
from samverkan.meetings.models import Meeting

CALENDAR = "/kalender/"
PUBLIC_FEED = "/kalender.ics"


# --- Helpers ------------------------------------------------------------------------------------


def in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def make_meeting(*bodies, **fields) -> Meeting:
    values = {
        "title": "Samverkansrådet",
        "date": in_days(30),
        "start_time": time(16),
        "end_time": time(18),
        "place": "Föreningarnas Hus",
        "visibility": "public",
    }
    values.update(fields)
    return services.meeting_create(bodies=list(bodies), **values)


def uids(content: bytes) -> set[str]:
    """The events' UIDs, after checking the file's lines (CRLF, at most 75 octets)."""
    assert content.endswith(b"\r\n")
    assert all(len(line) <= 75 for line in content[:-2].split(b"\r\n"))
    return {str(event["UID"]) for event in Calendar.from_ical(content).walk("VEVENT")}


def uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@samverkan"


def listed(response) -> list[str]:
    """The titles on the calendar page, in the order shown."""
    return [row.meeting.title for month in response.context["months"] for row in month.rows]


@pytest.fixture
def council(db):
    return services.body_create(name="Samverkansrådet", slug="samverkansradet", kind="council")


@pytest.fixture
def network(db):
    return services.body_create(name="C-nätverket", slug="c-natverket", kind="network")


@pytest.fixture
def secretary(db):
    user = user_get_or_create(email="samordnare@example.org", full_name="Anna Fogel")
    role_grant(user=user, role=Role.SECRETARY)
    return user


@pytest.fixture
def member(council):
    """A logged-in council member (a member of the council only)."""
    user = user_get_or_create(email="lasse@example.org", full_name="Lasse Lundberg")
    person = services.person_create(name="Lasse Lundberg", email="lasse@example.org", user=user)
    services.membership_add(body=council, person=person, start=in_days(-400))
    return user


# --- Feeds --------------------------------------------------------------------------------------


def test_public_feed_has_every_bodys_public_meetings_of_the_past_year_and_the_future(
    client, council, network
):
    coming = make_meeting(council, title="Samverkansrådet", date=in_days(10))
    joint = make_meeting(council, network, title="Gemensamt möte", date=in_days(20))
    other = make_meeting(network, title="C-nätet", date=in_days(30))
    recent = make_meeting(council, title="I våras", date=in_days(-330))
    old = make_meeting(council, title="För länge sedan", date=in_days(-400))
    closed = make_meeting(council, title="AU", date=in_days(40), visibility="members")
    undated = make_meeting(
        council, title="Höstens temakväll", date=None, start_time=None, end_time=None
    )
    cancelled = services.meeting_cancel(
        meeting=make_meeting(network, title="Inställt", date=in_days(50))
    )

    response = client.get(PUBLIC_FEED)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert re.fullmatch(r'inline; filename="[\w.-]+\.ics"', response["Content-Disposition"])
    found = uids(response.content)
    assert found == {uid(m) for m in (coming, joint, other, recent, cancelled)}
    assert uid(old) not in found and uid(closed) not in found and uid(undated) not in found
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["METHOD"]) == "PUBLISH"
    statuses = {str(e["UID"]): str(e["STATUS"]) for e in calendar.walk("VEVENT")}
    assert statuses[uid(cancelled)] == "CANCELLED"
    assert statuses[uid(coming)] == "CONFIRMED"


def test_body_feed_has_only_that_bodys_public_meetings(client, council, network):
    own = make_meeting(council, date=in_days(10))
    joint = make_meeting(council, network, title="Gemensamt möte", date=in_days(20))
    make_meeting(network, title="C-nätet", date=in_days(30))
    make_meeting(council, title="AU", date=in_days(40), visibility="members")

    response = client.get(reverse("meetings:body_feed", args=["samverkansradet"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline;")
    assert uids(response.content) == {uid(own), uid(joint)}
    name = str(Calendar.from_ical(response.content)["X-WR-CALNAME"])
    assert "Samverkansrådet" in name
    assert client.get("/organ/finns-inte/kalender.ics").status_code == 404


def test_members_only_meetings_never_reach_a_feed_even_for_the_secretary(
    client, council, secretary
):
    closed = make_meeting(council, title="AU", visibility="members")
    client.force_login(secretary)

    for url in (PUBLIC_FEED, reverse("meetings:body_feed", args=[council.slug])):
        assert uid(closed) not in uids(client.get(url).content)


# --- One meeting --------------------------------------------------------------------------------


def test_public_meeting_file_is_a_download_for_anybody(client, council):
    meeting = make_meeting(council, date=date(2026, 12, 6))

    response = client.get(f"/moten/{meeting.pk}/kalender.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="samverkan-2026-12-06.ics"'
    assert uids(response.content) == {uid(meeting)}
    assert str(Calendar.from_ical(response.content)["METHOD"]) == "PUBLISH"


def test_members_only_meeting_file_is_not_found_for_those_who_may_not_see_it(
    client, council, network, secretary, member
):
    closed = make_meeting(council, title="AU", visibility="members")
    url = reverse("meetings:meeting_ics", args=[closed.pk])

    assert client.get(url).status_code == 404, "404, not 403: the meeting is not revealed"

    client.force_login(secretary)
    assert client.get(url).status_code == 200

    client.force_login(member)
    assert client.get(url).status_code == 200

    outsider = user_get_or_create(email="utomstaende@example.org")
    client.force_login(outsider)
    assert client.get(url).status_code == 404

    network_only = make_meeting(network, title="C-nätet", visibility="members")
    client.force_login(member)
    assert client.get(reverse("meetings:meeting_ics", args=[network_only.pk])).status_code == 404


def test_a_meeting_without_a_date_has_no_calendar_file(client, council, secretary):
    undated = make_meeting(council, date=None, start_time=None, end_time=None)
    client.force_login(secretary)
    assert client.get(reverse("meetings:meeting_ics", args=[undated.pk])).status_code == 404
    assert client.get("/moten/999999/kalender.ics").status_code == 404


# --- The calendar page --------------------------------------------------------------------------


def test_calendar_shows_coming_meetings_by_month_then_undated_ones(client, council, network):
    later = make_meeting(network, title="C-nätet", date=in_days(70))
    soon = make_meeting(council, title="Samverkansrådet", date=in_days(1))
    make_meeting(council, title="Förra mötet", date=in_days(-1))
    make_meeting(council, title="Temakväll", date=None, start_time=None, end_time=None)
    services.meeting_cancel(meeting=make_meeting(council, title="Julavslutning", date=in_days(2)))

    response = client.get(CALENDAR)

    assert response.status_code == 200
    assert response.context["nav"] == "calendar"
    assert listed(response) == ["Samverkansrådet", "Julavslutning", "C-nätet", "Temakväll"]
    months = response.context["months"]
    assert months[0].label.endswith(str(soon.date.year))
    assert months[-1].rows[0].meeting.date is None
    assert len(months) >= 3, "the undated meetings are a group of their own"
    assert len({month.label for month in months}) == len(months)
    html = response.content.decode()
    assert f'href="/moten/{soon.pk}/"' in html
    assert f'href="/moten/{later.pk}/kalender.ics"' in html
    assert "Förra mötet" not in html
    assert 'href="?tidigare=1"' in html
    assert html.count('class="status') == 1, "the cancelled meeting is marked"
    assert "webcal://" in html
    assert 'href="/kalender.ics"' in html
    # One feed per body only once a body is chosen: there may be hundreds.
    assert f'href="/organ/{council.slug}/kalender.ics"' not in html
    filtered = client.get(CALENDAR, {"organ": council.slug}).content.decode()
    assert f'href="/organ/{council.slug}/kalender.ics"' in filtered
    assert f'href="webcal://127.0.0.1:8000/organ/{council.slug}/kalender.ics"' in filtered


def test_each_row_says_when_where_and_which_bodies(client, council, network):
    make_meeting(
        council,
        network,
        title="Gemensamt möte",
        date=date(2027, 3, 3),
        start_time=time(16, 30),
        end_time=time(18, 30),
        place="Föreningarnas Hus",
    )
    make_meeting(
        council,
        title="Digitalt möte",
        date=date(2027, 3, 10),
        place="",
        online_url="https://teams.example.com/l/meetup-join/abc",
    )

    html = client.get(CALENDAR).content.decode()

    assert "3 mars 2027, kl. 16.30–18.30" in html
    assert "Föreningarnas Hus" in html
    assert "C-nätverket" in html and "Samverkansrådet" in html
    assert "10 mars 2027, kl. 16–18" in html


def test_earlier_meetings_are_listed_newest_first(client, council):
    make_meeting(council, title="Tre månader sedan", date=in_days(-90))
    make_meeting(council, title="I förrgår", date=in_days(-2))
    make_meeting(council, title="Kommande", date=in_days(2))
    make_meeting(council, title="Odaterat", date=None, start_time=None, end_time=None)

    response = client.get(CALENDAR, {"tidigare": "1"})

    assert response.status_code == 200
    assert listed(response) == ["I förrgår", "Tre månader sedan"]
    assert response.context["past"] is True


def test_calendar_can_be_filtered_by_body(client, council, network):
    make_meeting(council, title="Samverkansrådet", date=in_days(5))
    make_meeting(network, title="C-nätet", date=in_days(6))
    make_meeting(council, network, title="Gemensamt möte", date=in_days(7))
    make_meeting(network, title="C-nätet i våras", date=in_days(-100))

    response = client.get(CALENDAR, {"organ": network.slug})

    assert listed(response) == ["C-nätet", "Gemensamt möte"]
    assert response.context["body"] == network
    html = response.content.decode()
    assert f'href="?tidigare=1&amp;organ={network.slug}"' in html
    past = client.get(CALENDAR, {"organ": network.slug, "tidigare": "1"})
    assert listed(past) == ["C-nätet i våras"]
    assert client.get(CALENDAR, {"organ": "finns-inte"}).status_code == 404


def test_the_body_filter_lists_every_body_in_swedish_order_with_the_chosen_one_selected(
    client, council, network
):
    services.body_create(name="Ämnesgruppen <idrott>", slug="amnesgruppen", kind="working_group")
    services.body_create(name="Öppna forumet", slug="oppna-forumet", kind="network")
    services.body_create(name="Arbetsutskottet", slug="au", kind="executive_committee")

    def options(response) -> list[tuple[str, str, str]]:
        select = response.content.decode().split('id="calendar-body">', 1)[1].split("</select>")[0]
        return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)

    assert options(client.get(CALENDAR)) == [
        ("", "", "Alla organ"),
        ("au", "", "Arbetsutskottet"),
        ("c-natverket", "", "C-nätverket"),
        ("samverkansradet", "", "Samverkansrådet"),
        ("amnesgruppen", "", "Ämnesgruppen &lt;idrott&gt;"),
        ("oppna-forumet", "", "Öppna forumet"),
    ]
    chosen = options(client.get(CALENDAR, {"organ": "amnesgruppen"}))
    assert [value for value, selected, _ in chosen if selected] == ["amnesgruppen"]


def test_members_only_meetings_are_shown_to_those_who_may_see_them(
    client, council, network, member, secretary
):
    make_meeting(council, title="Öppet möte", date=in_days(3))
    make_meeting(council, title="AU", date=in_days(4), visibility="members")
    make_meeting(network, title="C-nätets interna", date=in_days(5), visibility="members")

    assert listed(client.get(CALENDAR)) == ["Öppet möte"]
    client.force_login(member)
    assert listed(client.get(CALENDAR)) == ["Öppet möte", "AU"]
    client.force_login(secretary)
    assert listed(client.get(CALENDAR)) == ["Öppet möte", "AU", "C-nätets interna"]


def test_calendar_is_paginated_25_a_page(client, council):
    for n in range(30):
        make_meeting(council, title=f"Möte {n + 1:02}", date=in_days(n + 1))

    first = client.get(CALENDAR)
    second = client.get(CALENDAR, {"sida": "2"})

    assert listed(first) == [f"Möte {n:02}" for n in range(1, 26)]
    assert listed(second) == [f"Möte {n:02}" for n in range(26, 31)]
    assert 'href="?sida=2"' in first.content.decode()
    assert listed(client.get(CALENDAR, {"sida": "99"})) == listed(second)


@pytest.mark.parametrize("viewer", ["anonymous", "member", "secretary"])
def test_calendar_query_count_does_not_grow_with_the_meetings(
    client, council, network, member, secretary, viewer, django_assert_max_num_queries
):
    if viewer != "anonymous":
        client.force_login(member if viewer == "member" else secretary)

    def make(first: int, count: int) -> None:
        for n in range(first, first + count):
            bodies = (council, network) if n % 2 else (network,)
            make_meeting(
                *bodies,
                title=f"Möte {n}",
                date=in_days(n + 1),
                visibility="members" if n % 3 == 0 else "public",
            )

    make(0, 3)
    client.get(CALENDAR)  # the first request of a session may do a little more
    with CaptureQueriesContext(connection) as few:
        assert len(listed(client.get(CALENDAR))) >= 2
    make(3, 27)
    with django_assert_max_num_queries(len(few)):
        assert len(listed(client.get(CALENDAR))) >= 15


# --- In a browser -------------------------------------------------------------------------------


def test_calendar_page_is_accessible(live_server, page):
    council = services.body_create(name="Samverkansrådet", slug="samverkansradet", kind="council")
    network = services.body_create(name="C-nätverket", slug="c-natverket", kind="network")
    make_meeting(council, title="Samverkansrådet", date=in_days(3))
    make_meeting(
        council,
        network,
        title="Temakväll: Socialt företagande",
        date=in_days(10),
        start_time=time(18),
        end_time=time(20),
        kind="theme_evening",
    )
    make_meeting(
        network,
        title="Kunskapskonferens",
        date=in_days(40),
        all_day=True,
        place="Stockholm",
        kind="external_conference",
    )
    make_meeting(
        network,
        title="Digitalt",
        date=in_days(41),
        place="",
        online_url="https://teams.example.com/l/meetup-join/abc",
    )
    services.meeting_cancel(meeting=make_meeting(council, title="Julavslutning", date=in_days(50)))
    make_meeting(
        council, title="Val- och informationskväll", date=None, start_time=None, end_time=None
    )

    page.goto(live_server.url + CALENDAR)
    assert page.locator("h3 a").count() == 6
    assert_accessible(page, "calendar")

    page.locator("select[name=organ]").select_option(network.slug)
    page.locator("form.search-panel button[type=submit]").click()
    page.wait_for_url(re.compile(r"organ=c-natverket"))
    assert page.locator("h3 a").count() == 3
    assert page.get_by_role("heading", name="C-nätverket").count() >= 1  # its own feed
    assert_accessible(page, "calendar filtered by body")

    page.goto(live_server.url + CALENDAR + "?tidigare=1")
    assert_accessible(page, "earlier meetings, none yet")
