"""Calendar files: every file is parsed back with icalendar and checked as raw text too."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone
from icalendar import Calendar

from samverkan.meetings import ical, services
from samverkan.meetings.ical import STOCKHOLM
from samverkan.meetings.models import Meeting
from samverkan.outbox.models import OutboundAttachment

pytestmark = pytest.mark.django_db


# --- Helpers ------------------------------------------------------------------------------------


def parse(content: bytes) -> Calendar:
    assert isinstance(content, bytes)
    return Calendar.from_ical(content)


def raw_lines(content: bytes) -> list[bytes]:
    """The physical lines, after checking that every one ends in CRLF and has at most 75 octets
    and that no line is cut inside a UTF-8 character."""
    assert content.endswith(b"\r\n")
    lines = content[:-2].split(b"\r\n")
    for line in lines:
        assert b"\n" not in line and b"\r" not in line, f"bare line break in {line!r}"
        assert len(line) <= 75, f"{len(line)} octets: {line!r}"
        line.decode("utf-8")  # a character split over two lines fails here
    return lines


def unfolded(content: bytes) -> list[str]:
    """The logical content lines (RFC 5545 3.1)."""
    raw_lines(content)
    return content.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def only_event(content: bytes):
    (event,) = parse(content).walk("VEVENT")
    return event


def in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


@pytest.fixture
def council():
    return services.body_create(name="Samverkansrådet", slug="samverkansradet", kind="council")


@pytest.fixture
def person():
    return services.person_create(name="Åsa Öberg-Ängström", email="asa@example.org")


def make_meeting(body, **fields) -> Meeting:
    values = {
        "title": "Samverkansrådet",
        "date": in_days(30),
        "start_time": time(16, 30),
        "end_time": time(18, 30),
        "place": "Föreningarnas Hus",
        "visibility": "public",
    }
    values.update(fields)
    return services.meeting_create(bodies=[body], **values)


# --- Invitations --------------------------------------------------------------------------------


def test_invitation_request_has_everything_a_calendar_program_needs(council, person):
    meeting = make_meeting(council, date=date(2026, 11, 7))
    services.agenda_item_add(meeting=meeting, title="Välkomna och presentationsrunda")
    services.agenda_item_add(meeting=meeting, title="Karta över samverkan", item_type="decision")
    before = timezone.now().replace(microsecond=0)

    content = ical.invitation_ics(meeting, person, method="REQUEST")

    calendar = parse(content)
    assert str(calendar["PRODID"]) == "-//Samverkan//Samverkan//SV"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "REQUEST"
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Europe/Stockholm"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{meeting.uid}@samverkan"
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert event.decoded("DTSTAMP") >= before
    assert event.decoded("DTSTART") == datetime(2026, 11, 7, 16, 30, tzinfo=STOCKHOLM)
    assert event.decoded("DTEND") == datetime(2026, 11, 7, 18, 30, tzinfo=STOCKHOLM)
    assert str(event["SUMMARY"]) == "Samverkansrådet"
    assert str(event["LOCATION"]) == "Föreningarnas Hus"
    assert str(event["STATUS"]) == "CONFIRMED"
    description = str(event["DESCRIPTION"])
    assert "1. Välkomna och presentationsrunda\n2. Karta över samverkan" in description
    page = f"{settings.SITE_URL}/moten/{meeting.pk}/"
    assert page in description
    assert str(event["URL"]) == page
    organizer = event["ORGANIZER"]
    assert str(organizer) == "mailto:samverkan@example.org"
    assert organizer.params["CN"] == "Samverkan"
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:asa@example.org"
    assert attendee.params["CN"] == "Åsa Öberg-Ängström"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    assert attendee.params["RSVP"] == "FALSE"

    lines = unfolded(content)
    assert "DTSTART;TZID=Europe/Stockholm:20261107T163000" in lines
    assert "DTEND;TZID=Europe/Stockholm:20261107T183000" in lines
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in lines)
    assert "METHOD:REQUEST" in lines
    assert lines.index("BEGIN:VTIMEZONE") < lines.index("BEGIN:VEVENT")


def test_the_organizer_comes_from_the_sender_address(council, person, settings):
    settings.DEFAULT_FROM_EMAIL = '"Älvstads kommun, Samverkan" <noreply@alvstad.example>'
    event = only_event(ical.invitation_ics(make_meeting(council), person, method="REQUEST"))
    assert str(event["ORGANIZER"]) == "mailto:noreply@alvstad.example"
    assert event["ORGANIZER"].params["CN"] == "Älvstads kommun, Samverkan"


def test_cancellation_has_method_cancel_and_status_cancelled(council, person):
    meeting = make_meeting(council)
    meeting = services.meeting_cancel(meeting=meeting, reason="Sjukdom")

    content = ical.invitation_ics(meeting, person, method="CANCEL")

    calendar = parse(content)
    assert str(calendar["METHOD"]) == "CANCEL"
    event = only_event(content)
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == f"{meeting.uid}@samverkan"
    assert event["SEQUENCE"] == meeting.sequence == 1
    assert "METHOD:CANCEL" in unfolded(content)
    assert "STATUS:CANCELLED" in unfolded(content)


def test_an_invitation_needs_a_known_method_a_date_and_an_address(council, person):
    meeting = make_meeting(council)
    with pytest.raises(ValueError):
        ical.invitation_ics(meeting, person, method="PUBLISH")
    nobody = services.person_create(name="Utan E-post")
    with pytest.raises(ValueError):
        ical.invitation_ics(meeting, nobody, method="REQUEST")
    undated = make_meeting(council, date=None, start_time=None, end_time=None)
    with pytest.raises(ValueError):
        ical.invitation_ics(undated, person, method="REQUEST")
    with pytest.raises(ValueError):
        ical.meeting_ics(undated)


# --- Identity and versions ----------------------------------------------------------------------


def test_uid_is_stable_and_sequence_grows_with_each_sent_change(council, person):
    meeting = make_meeting(council)
    first = only_event(ical.invitation_ics(meeting, person, method="REQUEST"))
    assert first["SEQUENCE"] == 0

    # Before the notice is sent, changes are drafts: nobody has the earlier version.
    meeting = services.meeting_update(meeting=meeting, place="Stadsbiblioteket")
    draft = only_event(ical.invitation_ics(meeting, person, method="REQUEST"))
    assert draft["UID"] == first["UID"]
    assert draft["SEQUENCE"] == 0

    services.notice_send(meeting=meeting)  # the council has no members yet: no email
    meeting.refresh_from_db()
    meeting = services.meeting_update(meeting=meeting, start_time=time(17), end_time=time(19))
    moved = ical.invitation_ics(meeting, person, method="REQUEST")
    event = only_event(moved)
    assert str(event["UID"]) == f"{meeting.uid}@samverkan" == str(first["UID"])
    assert event["SEQUENCE"] == 1
    assert "SEQUENCE:1" in unfolded(moved)
    assert event.decoded("DTSTART").time() == time(17)

    meeting = services.meeting_update(meeting=meeting, title="Samverkansrådet, extra möte")
    assert only_event(ical.meeting_ics(meeting))["SEQUENCE"] == 2
    assert only_event(ical.meeting_ics(meeting))["UID"] == first["UID"]


def test_the_notice_email_carries_the_invitation(council, person):
    try:
        get_template("meetings/email/invitation.txt")
    except TemplateDoesNotExist:
        pytest.skip("the notice's email templates are not written yet")
    services.membership_add(body=council, person=person, start=in_days(-100))
    meeting = make_meeting(council)

    services.notice_send(meeting=meeting)

    (attachment,) = OutboundAttachment.objects.filter(email__to="asa@example.org")
    assert attachment.content_type.startswith("text/calendar")
    content = bytes(attachment.content)
    assert str(parse(content)["METHOD"]) == "REQUEST"
    event = only_event(content)
    assert str(event["UID"]) == f"{meeting.uid}@samverkan"
    assert str(event["ATTENDEE"]) == "mailto:asa@example.org"


# --- Time ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "utc"),
    [
        (date(2026, 3, 28), datetime(2026, 3, 28, 15, 0, tzinfo=UTC)),  # winter time, UTC+1
        (date(2026, 3, 29), datetime(2026, 3, 29, 14, 0, tzinfo=UTC)),  # summer time from 02:00
        (date(2026, 10, 24), datetime(2026, 10, 24, 14, 0, tzinfo=UTC)),
        (date(2026, 10, 25), datetime(2026, 10, 25, 15, 0, tzinfo=UTC)),  # winter time again
    ],
)
def test_local_times_are_the_right_instants_across_summer_time_changes(council, day, utc):
    meeting = make_meeting(council, date=day, start_time=time(16), end_time=time(18))
    content = ical.meeting_ics(meeting)

    event = only_event(content)
    assert event.decoded("DTSTART").astimezone(UTC) == utc
    assert event.decoded("DTEND").astimezone(UTC) == utc + timedelta(hours=2)
    assert f"DTSTART;TZID=Europe/Stockholm:{day:%Y%m%d}T160000" in unfolded(content)


def test_the_vtimezone_itself_agrees_with_the_time_zone_database():
    """Calendar programs that do not know the name Europe/Stockholm read the VTIMEZONE's
    rules; read that way, every hour from 2024 to 2037 has Stockholm's real offset."""
    content = ical.stockholm_vtimezone().to_ical()
    vtimezone = Calendar.from_ical(b"BEGIN:VCALENDAR\r\n" + content + b"END:VCALENDAR\r\n")
    tz = vtimezone.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    moment = datetime(2024, 1, 1, tzinfo=UTC)
    while moment.year < 2038:
        assert moment.astimezone(tz).utcoffset() == moment.astimezone(STOCKHOLM).utcoffset(), moment
        moment += timedelta(hours=1)


def test_all_day_events_are_dates_ending_the_next_day(council):
    meeting = make_meeting(
        council,
        title="Kunskapskonferens 2023",
        date=date(2026, 10, 17),
        all_day=True,
        place="Stockholm",
    )
    content = ical.meeting_ics(meeting)

    event = only_event(content)
    assert event.decoded("DTSTART") == date(2026, 10, 17)
    assert not isinstance(event.decoded("DTSTART"), datetime)
    assert event.decoded("DTEND") == date(2026, 10, 18)
    lines = unfolded(content)
    assert "DTSTART;VALUE=DATE:20261017" in lines
    assert "DTEND;VALUE=DATE:20261018" in lines


def test_a_meeting_without_a_start_time_is_a_whole_day_and_without_an_end_an_hour(council):
    no_time = make_meeting(council, date=date(2026, 12, 6), start_time=None, end_time=None)
    assert only_event(ical.meeting_ics(no_time)).decoded("DTSTART") == date(2026, 12, 6)

    no_end = make_meeting(council, date=date(2026, 12, 7), start_time=time(18), end_time=None)
    event = only_event(ical.meeting_ics(no_end))
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=1)


# --- Text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("shift", range(4))
def test_long_swedish_lines_fold_at_75_octets_between_characters(council, person, shift):
    """Folding counts octets, and å, ä and ö take two: wherever they land at a fold, the file
    stays valid UTF-8 line by line and unfolds to the original text."""
    title = "x" * shift + "Temakväll: Socialt företagande och idéburen välfärd " + "åäö" * 40
    place = "Föreningarnas Hus, " + "Ö" * 60
    meeting = make_meeting(council, title=title, place=place)
    services.agenda_item_add(meeting=meeting, title="Årets överenskommelse: " + "äå" * 50)

    for content in (
        ical.invitation_ics(meeting, person, method="REQUEST"),
        ical.meeting_ics(meeting),
        ical.feed_ics([meeting], name="Samverkansrådet – Älvstads kommun " + "ö" * 50),
    ):
        lines = raw_lines(content)
        assert any(line.startswith(b" ") for line in lines), "long lines are folded"
        assert max(len(line) for line in lines) > 70, "folds use the room there is"
        event = only_event(content)
        assert str(event["SUMMARY"]) == title
        assert str(event["LOCATION"]) == place
        assert "1. Årets överenskommelse: " + "äå" * 50 in str(event["DESCRIPTION"])


def test_commas_semicolons_and_line_breaks_survive(council):
    meeting = make_meeting(
        council, title="Kallelse; AU, C-nätet\noch gäster", place="Rum 1, plan 2"
    )
    event = only_event(ical.meeting_ics(meeting))
    assert str(event["SUMMARY"]) == "Kallelse; AU, C-nätet\noch gäster"
    assert str(event["LOCATION"]) == "Rum 1, plan 2"


def test_an_online_meeting_has_its_link_as_location_url_and_in_the_description(council):
    link = "https://teams.example.com/l/meetup-join/19%3ameeting_abc"
    online = make_meeting(council, place="", online_url=link)
    event = only_event(ical.meeting_ics(online))
    assert str(event["LOCATION"]) == link
    assert str(event["URL"]) == link
    assert link in str(event["DESCRIPTION"])

    both = make_meeting(council, date=in_days(31), online_url=link)
    event = only_event(ical.meeting_ics(both))
    assert str(event["LOCATION"]) == "Föreningarnas Hus"
    assert link in str(event["DESCRIPTION"])


# --- Add to my calendar, feeds ------------------------------------------------------------------


def test_meeting_file_is_published_without_attendees(council):
    meeting = make_meeting(council)
    content = ical.meeting_ics(meeting)

    calendar = parse(content)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert len(calendar.walk("VTIMEZONE")) == 1
    event = only_event(content)
    assert str(event["UID"]) == f"{meeting.uid}@samverkan"
    assert event["SEQUENCE"] == meeting.sequence
    assert "ATTENDEE" not in event
    assert str(event["STATUS"]) == "CONFIRMED"


def test_feed_has_its_name_refresh_interval_one_time_zone_and_every_dated_meeting(council):
    first = make_meeting(council, date=in_days(10))
    second = make_meeting(council, date=in_days(20), all_day=True)
    undated = make_meeting(council, date=None, start_time=None, end_time=None)
    cancelled = services.meeting_cancel(meeting=make_meeting(council, date=in_days(40)))
    meetings = Meeting.objects.filter(pk__in=[first.pk, second.pk, undated.pk, cancelled.pk])

    content = ical.feed_ics(meetings.prefetch_related("agenda_items"), name="Samverkansrådet")

    calendar = parse(content)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "Samverkansrådet"
    assert str(calendar["NAME"]) == "Samverkansrådet"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Stockholm"
    assert len(calendar.walk("VTIMEZONE")) == 1
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"{m.uid}@samverkan" for m in (first, second, cancelled)}
    assert str(events[f"{cancelled.uid}@samverkan"]["STATUS"]) == "CANCELLED"
    assert str(events[f"{first.uid}@samverkan"]["STATUS"]) == "CONFIRMED"
    assert "ATTENDEE" not in events[f"{first.uid}@samverkan"]
    lines = unfolded(content)
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in lines
    assert "X-PUBLISHED-TTL:PT1H" in lines
    assert lines.count("BEGIN:VTIMEZONE") == 1


def test_an_empty_feed_is_still_a_valid_calendar():
    content = ical.feed_ics([], name="Arbetsgruppen")
    calendar = parse(content)
    assert calendar.walk("VEVENT") == []
    assert str(calendar["X-WR-CALNAME"]) == "Arbetsgruppen"
    raw_lines(content)


@pytest.mark.parametrize("title_shift", [0, 1, 2, 3])
def test_feed_events_are_what_icalendar_would_write(council, settings, title_shift):
    """The feed writes its events itself, for speed; parsed back they must be the events
    ``icalendar`` makes for a single meeting, property by property."""
    settings.DEFAULT_FROM_EMAIL = "Samverkan, Älvstads kommun <samverkan@example.org>"
    long_title = "x" * title_shift + "Årsmöte för föreningarna i Ängsbacka; budget, val\nm.m. " * 3
    meetings = [
        make_meeting(council, title=long_title),
        make_meeting(
            council, title="Heldag", date=in_days(31), all_day=True, start_time=None, end_time=None
        ),
        make_meeting(council, title="Utan sluttid", date=in_days(32), end_time=None),
        make_meeting(
            council,
            title="Digitalt",
            date=in_days(33),
            place="",
            online_url="https://meet.example.org/a?b=1,2",
        ),
        make_meeting(
            council, title="Både och", date=in_days(34), online_url="https://meet.example.org/c"
        ),
        make_meeting(council, title="Inställt", date=in_days(3)),
    ]
    services.meeting_cancel(meeting=meetings[-1])
    services.agenda_item_add(meeting=meetings[0], title="Förslag om bidrag, fördelning; ärende\\1")
    services.agenda_item_add(meeting=meetings[0], title="Övriga frågor " + "ö" * 60)
    meetings = list(Meeting.objects.filter(pk__in=[m.pk for m in meetings]).order_by("pk"))

    fast = {str(e["UID"]): e for e in parse(ical.feed_ics(meetings, name="Rådet")).walk("VEVENT")}
    raw_lines(ical.feed_ics(meetings, name="Rådet"))
    assert len(fast) == len(meetings)
    for meeting in meetings:
        slow = ical._event(meeting, cancelled=meeting.status == Meeting.Status.CANCELLED)
        slow.add("organizer", ical._organizer())
        expected = parse_event(slow.to_ical())
        got = fast[ical.event_uid(meeting)]
        names = {name for name in expected if name != "DTSTAMP"}
        assert names == {name for name in got if name != "DTSTAMP"}
        for name in names:
            assert got.decoded(name) == expected.decoded(name), name
        assert got["ORGANIZER"].params["CN"] == expected["ORGANIZER"].params["CN"]
        assert got["DTSTART"].params.get("TZID") == expected["DTSTART"].params.get("TZID")


def parse_event(content: bytes):
    from icalendar import Event

    return Event.from_ical(content)
