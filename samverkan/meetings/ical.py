"""iCalendar (RFC 5545) files for meetings: emailed invitations, "add to my calendar" files
and subscribable feeds.

Every meeting has one UID for ever (``<meeting.uid>@samverkan``); its SEQUENCE grows with each
change sent to the invited, so calendar programs replace the earlier version instead of adding
a second event. Meetings are planned in Swedish local time: times are written with
``TZID=Europe/Stockholm`` and the file carries the matching VTIMEZONE.

The VTIMEZONE is written with yearly rules (last Sunday of March and of October), the form
Google Calendar and Thunderbird publish, rather than the list of dates (RDATE) that
``icalendar`` would generate: Outlook ignores RDATE in a VTIMEZONE and then shows every summer
meeting an hour off.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vDuration,
    vRecur,
)

from samverkan.meetings.models import Meeting, Person

PRODID = "-//Samverkan//Samverkan//SV"
TZID = "Europe/Stockholm"
STOCKHOLM = ZoneInfo(TZID)
UID_DOMAIN = "samverkan"
#: How often subscribed calendar programs should fetch a feed again.
REFRESH = timedelta(hours=1)
#: A meeting with a start but no end time takes this long in calendars (as when services
#: look for clashes).
DEFAULT_LENGTH = timedelta(hours=1)

INVITATION_METHODS = ("REQUEST", "CANCEL")


def event_uid(meeting: Meeting) -> str:
    """The meeting's UID in every calendar file, stable for ever."""
    return f"{meeting.uid}@{UID_DOMAIN}"


def meeting_url(meeting: Meeting) -> str:
    """The absolute address of the meeting's page."""
    return settings.SITE_URL + reverse("meetings:meeting_detail", args=[meeting.pk])


def invitation_ics(meeting: Meeting, person: Person, *, method: str) -> bytes:
    """The calendar file attached to a notice (``REQUEST``) or a cancellation (``CANCEL``)
    emailed to ``person``.

    Raises ValueError for another method, a meeting without a date or a person without an
    email address.
    """
    if method not in INVITATION_METHODS:
        raise ValueError(f"An invitation's method is REQUEST or CANCEL, not {method!r}.")
    if not person.email:
        raise ValueError(f"{person.name} has no email address to invite.")
    event = _event(meeting, cancelled=method == "CANCEL")
    event.add("organizer", _organizer())
    attendee = vCalAddress(f"mailto:{person.email}")
    attendee.params["CN"] = person.name
    attendee.params["ROLE"] = "REQ-PARTICIPANT"
    attendee.params["RSVP"] = "FALSE"
    event.add("attendee", attendee, encode=False)
    calendar = _calendar(method)
    calendar.add_component(stockholm_vtimezone())
    calendar.add_component(event)
    return calendar.to_ical()


def meeting_ics(meeting: Meeting) -> bytes:
    """An "add to my calendar" file for one meeting (METHOD:PUBLISH, nobody invited).

    Raises ValueError for a meeting without a date.
    """
    event = _event(meeting, cancelled=meeting.status == Meeting.Status.CANCELLED)
    event.add("organizer", _organizer())
    calendar = _calendar("PUBLISH")
    calendar.add_component(stockholm_vtimezone())
    calendar.add_component(event)
    return calendar.to_ical()


def feed_ics(meetings: Iterable[Meeting], *, name: str) -> bytes:
    """A subscribable calendar of ``meetings`` named ``name``. Meetings without a date are left
    out; cancelled meetings stay, marked STATUS:CANCELLED, so subscribers see the change.

    Every event lists its agenda, read here with one query for all the meetings. A large
    municipality's feed holds thousands of events, so they are written by ``_feed_event``
    (the same properties as ``_event`` gives ``icalendar``, which is about 15 times slower).
    """
    calendar = _calendar("PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    calendar.add_component(stockholm_vtimezone())
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    if isinstance(meetings, QuerySet):
        ids: QuerySet | list[int] = meetings.values("pk")  # one query, however many
    else:
        meetings = list(meetings)
        ids = [meeting.pk for meeting in meetings]
    agendas = _agendas(ids)
    meetings = [meeting for meeting in meetings if meeting.date is not None]
    context = {
        "dtstamp": _utc(timezone.now()),
        "organizer": _organizer_line(),
        "detail": reverse("meetings:meeting_detail", args=[0]),
    }
    parts = [head[: -len(end)]]
    parts.extend(_feed_event(m, agendas.get(m.pk, []), context) for m in meetings)
    parts.append(end)
    return b"".join(parts)


def _agendas(meeting_ids: QuerySet | list[int]) -> dict[int, list[str]]:
    """Each meeting's agenda lines ("1. Title"), in order, in one query."""
    from samverkan.meetings.models import AgendaItem

    agendas: dict[int, list[str]] = {}
    rows = (
        AgendaItem.objects.filter(meeting_id__in=meeting_ids)
        .order_by("meeting_id", "position", "pk")
        .values_list("meeting_id", "position", "title")
    )
    for meeting_id, position, title in rows:
        agendas.setdefault(meeting_id, []).append(f"{position}. {title}")
    return agendas


def _feed_event(meeting: Meeting, agenda: list[str], context: dict[str, str]) -> bytes:
    cancelled = meeting.status == Meeting.Status.CANCELLED
    page = settings.SITE_URL + context["detail"].replace("/0/", f"/{meeting.pk}/", 1)
    start, end = _start_end(meeting)
    summary = meeting.title
    if cancelled:
        summary = _("Cancelled: %(title)s") % {"title": meeting.title}
    parts = []
    if agenda:
        parts.append(_("Agenda:") + "\n" + "\n".join(agenda))
    if meeting.online_url:
        parts.append(_("Join online: %(url)s") % {"url": meeting.online_url})
    parts.append(_("More about the meeting: %(url)s") % {"url": page})
    description = "\n\n".join(parts)
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_text(summary)}",
        f"DTSTART{_when(start)}",
        f"DTEND{_when(end)}",
        f"DTSTAMP:{context['dtstamp']}",
        f"UID:{event_uid(meeting)}",
        f"SEQUENCE:{meeting.sequence}",
        f"CREATED:{_utc(meeting.created_at)}",
        f"DESCRIPTION:{_text(description)}",
    ]
    location = meeting.place or meeting.online_url
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    lines += [
        context["organizer"],
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
        f"URL:{meeting.online_url or page}",
        "END:VEVENT",
    ]
    return b"".join(_fold(line) for line in lines)


def _text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 (3.3.11) says."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _utc(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")


def _when(value: date | datetime) -> str:
    """``;VALUE=DATE:20240101`` or ``;TZID=Europe/Stockholm:20240101T160000``."""
    if isinstance(value, datetime):
        return f";TZID={TZID}:{value.strftime('%Y%m%dT%H%M%S')}"
    return f";VALUE=DATE:{value.strftime('%Y%m%d')}"


def _organizer_line() -> str:
    organizer = _organizer()
    name = organizer.params["CN"].replace('"', "")
    if any(c in name for c in ",;:"):
        name = f'"{name}"'
    return f"ORGANIZER;CN={name}:{organizer}"


def _fold(line: str) -> bytes:
    """The line in octets, folded at 75 (RFC 5545 3.1) without splitting a character."""
    data = line.encode()
    if len(data) <= 75:
        return data + b"\r\n"
    pieces = []
    start, limit = 0, 75
    while start < len(data):
        stop = min(start + limit, len(data))
        while stop < len(data) and data[stop] & 0xC0 == 0x80:  # inside a UTF-8 character
            stop -= 1
        pieces.append(data[start:stop])
        start, limit = stop, 74  # a continuation line starts with a space
    return b"\r\n ".join(pieces) + b"\r\n"


# --- Building blocks ----------------------------------------------------------------------------


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def _event(meeting: Meeting, *, cancelled: bool) -> Event:
    if meeting.date is None:
        raise ValueError("A meeting without a date cannot be put in a calendar.")
    event = Event()
    event.add("uid", event_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    start, end = _start_end(meeting)
    event.add("dtstart", start)
    event.add("dtend", end)
    summary = meeting.title
    if cancelled:
        # Some programs (Google Calendar among them) ignore STATUS in a subscribed feed.
        summary = _("Cancelled: %(title)s") % {"title": meeting.title}
    event.add("summary", summary)
    location = meeting.place or meeting.online_url
    if location:
        event.add("location", location)
    event.add("description", _description(meeting))
    event.add("url", meeting.online_url or meeting_url(meeting))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("created", meeting.created_at)
    return event


def _start_end(meeting: Meeting) -> tuple[date, date] | tuple[datetime, datetime]:
    """Whole days (all day, or no start time yet) as dates, otherwise Stockholm times."""
    assert meeting.date is not None
    if meeting.all_day or meeting.start_time is None:
        return meeting.date, meeting.date + timedelta(days=1)
    start = datetime.combine(meeting.date, meeting.start_time, tzinfo=STOCKHOLM)
    if meeting.end_time is not None:
        end = datetime.combine(meeting.date, meeting.end_time, tzinfo=STOCKHOLM)
    else:
        end = start + DEFAULT_LENGTH
    return start, end


def _description(meeting: Meeting) -> str:
    """The agenda as a numbered list, the online link and the meeting's page."""
    parts = []
    items = [f"{item.position}. {item.title}" for item in meeting.agenda_items.all()]
    if items:
        parts.append(_("Agenda:") + "\n" + "\n".join(items))
    if meeting.online_url:
        parts.append(_("Join online: %(url)s") % {"url": meeting.online_url})
    parts.append(_("More about the meeting: %(url)s") % {"url": meeting_url(meeting)})
    return "\n\n".join(parts)


def _organizer() -> vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["CN"] = name or "Samverkan"
    return organizer


def stockholm_vtimezone() -> Timezone:
    """Europe/Stockholm with the EU's summer-time rules (in force since 1996)."""
    vtimezone = Timezone()
    vtimezone.add("tzid", TZID)
    vtimezone.add("x-lic-location", TZID)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("dtstart", datetime(1970, 3, 29, 2, 0))
    daylight.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("dtstart", datetime(1970, 10, 25, 3, 0))
    standard.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    vtimezone.add_component(daylight)
    vtimezone.add_component(standard)
    return vtimezone
