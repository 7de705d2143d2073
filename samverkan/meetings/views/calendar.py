"""The calendar (kalendarium) of every body's meetings, and its iCalendar files and feeds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from samverkan.core import pagecache
from samverkan.core.swedish import swedish_sorted
from samverkan.meetings import ical, rules, selectors, services
from samverkan.meetings.models import Body, Meeting

PAGE_SIZE = 25
#: How far back the feeds reach, so that a subscriber still sees the past year.
FEED_HISTORY_DAYS = 365


def public_feed_meetings(body: Body | None = None) -> QuerySet[Meeting]:
    """Public meetings of the past year and the future, for a feed anyone can subscribe to."""
    since = timezone.localdate() - timedelta(days=FEED_HISTORY_DAYS)
    meetings = Meeting.objects.filter(visibility=Meeting.Visibility.PUBLIC, date__gte=since)
    if body is not None:
        meetings = meetings.filter(bodies=body)
    return meetings.order_by("date", "start_time", "pk")


@dataclass
class CalendarRow:
    meeting: Meeting
    when: str
    where: str
    bodies: list[Body]


@dataclass
class MonthGroup:
    label: str
    rows: list[CalendarRow] = field(default_factory=list)


def _month_label(day: date | None) -> str:
    if day is None:
        return _("Date not decided")
    return capfirst(dateformat.format(day, "F Y"))


def _where(meeting: Meeting) -> str:
    if meeting.place and meeting.online_url:
        return _("%(place)s and online") % {"place": meeting.place}
    if meeting.online_url:
        return _("Online")
    return meeting.place


def _group_by_month(meetings: list[Meeting]) -> list[MonthGroup]:
    groups: list[MonthGroup] = []
    for meeting in meetings:
        label = _month_label(meeting.date)
        if not groups or groups[-1].label != label:
            groups.append(MonthGroup(label))
        groups[-1].rows.append(
            CalendarRow(
                meeting=meeting,
                when=services.meeting_when(meeting),
                where=_where(meeting),
                bodies=list(meeting.bodies.all()),
            )
        )
    return groups


def _body_options(chosen: Body | None) -> str:
    """The ``<option>``s of the body filter, in Swedish order. A large municipality has hundreds
    of bodies: written here from one ``values_list`` (a template loop over 300 model objects
    was a third of the calendar page's time)."""
    chosen_slug = chosen.slug if chosen is not None else ""

    def build() -> str:
        rows = swedish_sorted(Body.objects.values_list("slug", "name"), key=lambda row: row[1])
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((slug, " selected" if slug == chosen_slug else "", name) for slug, name in rows),
        )

    # The same for every visitor: kept like the pages (and as fresh).
    return mark_safe(pagecache.fragment("calendar-body-options", (chosen_slug,), build))  # noqa: S308


def _webcal(path: str) -> str:
    """A subscription address: the feed's address with the webcal scheme."""
    url = settings.SITE_URL + path
    return "webcal://" + url.split("://", 1)[-1]


def calendar_page(request: HttpRequest) -> HttpResponse:
    """Coming meetings and events of every body by month (``?tidigare=1``: earlier ones, the
    newest first), filtered by body with ``?organ=<slug>``, 25 a page (``?sida=``)."""
    past = request.GET.get("tidigare") == "1"
    body = None
    slug = request.GET.get("organ", "")
    if slug:
        body = Body.objects.filter(slug=slug).first()
        if body is None:
            raise Http404
    today = timezone.localdate()
    meetings = selectors.meetings_visible_to(request.user)
    if body is not None:
        meetings = meetings.filter(bodies=body)
    if past:
        meetings = meetings.filter(date__lt=today).order_by("-date", "-start_time", "-pk")
    else:
        meetings = meetings.filter(Q(date__gte=today) | Q(date__isnull=True)).order_by(
            F("date").asc(nulls_last=True), F("start_time").asc(nulls_first=True), "pk"
        )
    paginator = Paginator(meetings.prefetch_related("bodies"), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    filter_query = request.GET.copy()
    filter_query.pop("sida", None)
    filter_query.pop("tidigare", None)
    # Only the chosen body's feed is offered: a big municipality has hundreds of bodies.
    body_feed = None
    if body is not None:
        url = reverse("meetings:body_feed", args=[body.slug])
        body_feed = {"body": body, "url": url, "webcal": _webcal(url)}
    public_feed = reverse("meetings:public_feed")
    return render(
        request,
        "meetings/calendar.html",
        {
            "page": page,
            "months": _group_by_month(list(page.object_list)),
            "past": past,
            "body": body,
            "body_options": _body_options(body),
            "query": query.urlencode(),
            "filter_query": filter_query.urlencode(),
            "public_feed_url": public_feed,
            "public_feed_webcal": _webcal(public_feed),
            "body_feed": body_feed,
            "nav": "calendar",
        },
    )


def _calendar_response(content: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _feed_name(name: str) -> str:
    return f"{name} – Samverkan {settings.MUNICIPALITY_NAME}"


def public_feed(request: HttpRequest) -> HttpResponse:
    """Every body's public meetings of the past year and the future. Members-only meetings
    never appear in a feed: calendar programs fetch feeds without logging in. A feed is the
    same for every visitor, so it is kept (``pagecache.fragment``) for logged-in visitors too:
    the full-scale feed is 3.3 MB and takes 0.4 s to write."""
    content = pagecache.fragment(
        "public-feed",
        (),
        lambda: ical.feed_ics(
            public_feed_meetings(), name=f"Samverkan {settings.MUNICIPALITY_NAME}"
        ),
    )
    return _calendar_response(content, filename="samverkan.ics", attachment=False)


def body_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """One body's public meetings of the past year and the future."""
    body = get_object_or_404(Body, slug=slug)
    content = pagecache.fragment(
        "body-feed",
        (body.slug,),
        lambda: ical.feed_ics(public_feed_meetings(body), name=_feed_name(body.name)),
    )
    return _calendar_response(content, filename=f"samverkan-{body.slug}.ics", attachment=False)


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """One meeting as a file to add to one's calendar; 404 for a meeting the visitor may not
    see (members-only meetings are not revealed) or one without a date."""
    meeting = get_object_or_404(Meeting.objects.prefetch_related("agenda_items"), pk=pk)
    if meeting.date is None or not rules.can_view_meeting(request.user, meeting):
        raise Http404
    return _calendar_response(
        ical.meeting_ics(meeting),
        filename=f"samverkan-{meeting.date.isoformat()}.ics",
        attachment=True,
    )
