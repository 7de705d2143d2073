"""Printable minutes (minnesanteckningar) as a PDF, built with reportlab.

The minutes are an official Swedish record, so the PDF is always written in Swedish, whatever
language the reader's browser asks for. Fixed headings come from the gettext catalogue (English
source strings, context "minutes pdf"); everything else is the meeting's own data.

Text entered by people is always escaped before it goes into reportlab's paragraph markup, so
"<b>" or "&" in a decision reads literally.

The fonts are the Bitstream Vera TrueType fonts that reportlab ships, embedded as subsets, so
å, ä, ö and the en dash render in every reader and can be copied out as text (each subset has
a ToUnicode map).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, override, pgettext
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from samverkan.core.swedish import EN_DASH, format_date, format_time_range
from samverkan.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    CarriedOverPoint,
    Decision,
    Meeting,
    MembershipRole,
)
from samverkan.meetings.services import meeting_when, members_on

FONT_FAMILY = "SamverkanVera"
_FONT_FILES = {
    FONT_FAMILY: "Vera.ttf",
    f"{FONT_FAMILY}-Bold": "VeraBd.ttf",
    f"{FONT_FAMILY}-Italic": "VeraIt.ttf",
    f"{FONT_FAMILY}-BoldItalic": "VeraBI.ttf",
}
BOLD = f"{FONT_FAMILY}-Bold"
ITALIC = f"{FONT_FAMILY}-Italic"

MARGIN = 2 * cm
HEADER_Y = A4[1] - 1.3 * cm
FOOTER_Y = 1.2 * cm
KALENDARIUM_LIMIT = 12
# Roles shown after a name in the attendance list: "(ordförande)".
SHOWN_ROLES = (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.SECRETARY)
GREY = colors.HexColor("#555555")
DRAFT_RED = colors.HexColor("#b00020")
RULE = colors.HexColor("#999999")


# --- Fonts and styles -------------------------------------------------------------------------


@functools.cache
def register_fonts() -> str:
    """Register reportlab's bundled Vera TrueType fonts as one family; return its name."""
    font_dir = Path(reportlab.__file__).resolve().parent / "fonts"
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_dir / filename)))
    pdfmetrics.registerFontFamily(
        FONT_FAMILY,
        normal=FONT_FAMILY,
        bold=BOLD,
        italic=ITALIC,
        boldItalic=f"{FONT_FAMILY}-BoldItalic",
    )
    return FONT_FAMILY


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=FONT_FAMILY,
        fontSize=10,
        leading=13.5,
        spaceAfter=4,
        alignment=TA_LEFT,
    )
    return {
        "body": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=20, leading=24, spaceAfter=2
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontName=BOLD, fontSize=14, leading=18, spaceAfter=10
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=12,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "item": ParagraphStyle(
            "item",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=12,
            spaceAfter=1,
            keepWithNext=1,
        ),
        "meta": ParagraphStyle(
            "meta", parent=base, fontName=ITALIC, textColor=GREY, spaceAfter=4, keepWithNext=1
        ),
        "line": ParagraphStyle("line", parent=base, spaceAfter=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12, spaceAfter=0),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=BOLD, fontSize=9.5, leading=12, spaceAfter=0
        ),
        "label": ParagraphStyle("label", parent=base, fontName=BOLD, spaceAfter=0),
        "value": ParagraphStyle("value", parent=base, spaceAfter=0),
    }


def _text(value: str) -> str:
    """User text, escaped for paragraph markup, with line breaks kept."""
    return "<br/>".join(escape(line) for line in value.strip().splitlines())


def _paragraphs(value: str, style: ParagraphStyle) -> list[Flowable]:
    """Free text as paragraphs: a blank line starts a new one, a line break is kept."""
    blocks = [block for block in value.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return [Paragraph(_text(block), style) for block in blocks]


def _labelled(label: str, value_markup: str, style: ParagraphStyle) -> Paragraph:
    """ "<b>Beslut:</b> text" where value_markup is already escaped."""
    return Paragraph(f"<b>{escape(label)}:</b> {value_markup}", style)


# --- Page furniture: header, footer "Sida x av y" ---------------------------------------------


@dataclass
class _PageInfo:
    """What the header and footer of every page show."""

    municipality: str
    footer_left: str
    draft_label: str = ""
    page_of: str = "Page %(page)s of %(pages)s"


class _NumberedCanvas(Canvas):
    """A canvas that holds every page until the end, so the footer can say "Sida 2 av 5".

    Pages are only written in save(); bookmarks are kept with their page and made then too,
    or they would all point to the first page."""

    page_info: _PageInfo

    def __init__(self, *args: Any, page_info: _PageInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page_info = page_info
        self._page_states: list[dict[str, Any]] = []
        self._page_bookmarks: list[tuple[str, dict[str, Any]]] = []

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # noqa: N802 (reportlab's name)
        self._page_bookmarks.append((key, kwargs))

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._page_states.append(dict(self.__dict__))
        self._page_bookmarks = []
        self._startPage()

    def save(self) -> None:
        pages = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            for key, kwargs in self._page_bookmarks:
                super().bookmarkPage(key, **kwargs)
            self._draw_footer(pages)
            super().showPage()
        super().save()

    def _draw_footer(self, pages: int) -> None:
        info = self.page_info
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, FOOTER_Y + 11, A4[0] - MARGIN, FOOTER_Y + 11)
        self.setFont(FONT_FAMILY, 8.5)
        self.setFillColor(GREY)
        self.drawString(MARGIN, FOOTER_Y, info.footer_left)
        self.drawRightString(
            A4[0] - MARGIN,
            FOOTER_Y,
            info.page_of % {"page": self._pageNumber, "pages": pages},
        )
        self.restoreState()


def _draw_header(canvas: Canvas, doc: BaseDocTemplate) -> None:
    info: _PageInfo = canvas.page_info  # type: ignore[attr-defined]
    canvas.saveState()
    canvas.setFont(FONT_FAMILY, 8.5)
    canvas.setFillColor(GREY)
    canvas.drawString(MARGIN, HEADER_Y, info.municipality)
    if info.draft_label:
        canvas.setFont(BOLD, 11)
        canvas.setFillColor(DRAFT_RED)
        canvas.drawRightString(A4[0] - MARGIN, HEADER_Y, info.draft_label)
        # A faint diagonal mark, so a printed draft is never taken for the record.
        canvas.setFont(BOLD, 90)
        canvas.setFillColor(colors.Color(0.7, 0.0, 0.1, alpha=0.07))
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -30, info.draft_label)
    canvas.restoreState()


class _ItemHeading(Paragraph):
    """An agenda item's heading; it also becomes an entry in the PDF's outline (bookmarks)."""

    def __init__(self, text: str, style: ParagraphStyle, *, outline_title: str, key: str) -> None:
        super().__init__(text, style)
        self.outline_title = outline_title
        self.outline_key = key


class _MinutesDocTemplate(BaseDocTemplate):
    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        if isinstance(flowable, _ItemHeading):
            top = self.frame._y + flowable.height + flowable.style.spaceBefore
            self.canv.bookmarkPage(flowable.outline_key, fit="XYZ", left=0, top=top)
            self.canv.addOutlineEntry(flowable.outline_title, flowable.outline_key, level=0)


# --- Reading the meeting ----------------------------------------------------------------------


@dataclass
class _Group:
    body: Body | None
    lines: list[str] = field(default_factory=list)


def _meeting_for_minutes(meeting: Meeting) -> Meeting:
    """The meeting with everything the minutes show, in a few queries."""
    return (
        Meeting.objects.filter(pk=meeting.pk)
        .select_related("minutes_taker")
        .prefetch_related(
            "bodies",
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related(
                    "person", "body", "organisation", "party", "substitute_for"
                ),
            ),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.order_by("position", "pk").prefetch_related(
                    Prefetch("decisions", queryset=Decision.objects.select_related("body")),
                    Prefetch(
                        "action_items",
                        queryset=ActionItem.objects.select_related("owner").order_by("pk"),
                    ),
                    Prefetch("carried_over", queryset=CarriedOverPoint.objects.order_by("pk")),
                    "attachments",
                ),
            ),
        )
        .get()
    )


def _bodies(meeting: Meeting) -> list[Body]:
    return sorted(meeting.bodies.all(), key=lambda body: body.pk)


def _person_line(attendance: Attendance, *, with_role: bool = True) -> str:
    """ "Tina Fingal Swens, Örebro Föreningsråd <i>(ordförande)</i>", "Maria Haglund (M)"."""
    line = escape(attendance.person.name)
    if attendance.party_id:
        line += f" ({escape(attendance.party.abbreviation)})"
    elif attendance.organisation_id:
        line += f", {escape(attendance.organisation.name)}"
    if with_role and attendance.role in SHOWN_ROLES:
        line += f" <i>({escape(str(MembershipRole(attendance.role).label))})</i>"
    if attendance.note:
        line += f" {EN_DASH} {escape(attendance.note)}"
    return line


def _attendance_order(attendance: Attendance) -> tuple[bool, bool, str]:
    """Civil society first, then politicians, the secretary last, as in the printed minutes."""
    return (
        attendance.role == MembershipRole.SECRETARY,
        attendance.party_id is not None,
        attendance.person.name_sort,
    )


def _grouped(
    meeting: Meeting, attendances: Iterable[Attendance], extra: dict[int, list[str]] | None = None
) -> list[_Group]:
    """Attendance lines grouped by body, in the meeting's body order; no body comes last."""
    groups: dict[int | None, _Group] = {body.pk: _Group(body) for body in _bodies(meeting)}
    for attendance in sorted(attendances, key=_attendance_order):
        group = groups.setdefault(attendance.body_id, _Group(attendance.body))
        group.lines.append(_person_line(attendance))
    for body_pk, lines in (extra or {}).items():
        groups[body_pk].lines.extend(lines)
    ordered = [g for key, g in groups.items() if key is not None and g.lines]
    if None in groups and groups[None].lines:
        ordered.append(groups[None])
    return ordered


def _vacancies(meeting: Meeting) -> dict[int, list[str]]:
    """Vacant seats ("Vakans, Förskole- och grundskoleförvaltningen") per body."""
    if meeting.date is None:
        return {}
    body_pks = [body.pk for body in _bodies(meeting)]
    seats = (
        members_on(body_pks, meeting.date)
        .filter(person__isnull=True)
        .select_related("organisation")
        .order_by("organisation__name_sort", "pk")
    )
    vacancies: dict[int, list[str]] = {}
    for seat in seats:
        # Translators: a seat with nobody in it; Swedish "Vakans".
        label = pgettext("minutes pdf", "Vacant")
        if seat.organisation_id:
            label = f"{label}, {seat.organisation.name}"
        vacancies.setdefault(seat.body_id, []).append(escape(label))
    return vacancies


def _upcoming(meeting: Meeting, body: Body) -> list[Meeting]:
    """The body's next meetings after this one, for the kalendarium.

    Minutes of a public meeting list only public meetings, so a public PDF never tells of a
    members-only meeting."""
    if meeting.date is None:
        return []
    later = Q(date__gt=meeting.date)
    if meeting.start_time is not None:
        later |= Q(date=meeting.date, start_time__gt=meeting.start_time)
    upcoming = (
        Meeting.objects.filter(bodies=body)
        .filter(later)
        .exclude(pk=meeting.pk)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("date", "start_time", "pk")
        .distinct()
    )
    if meeting.visibility == Meeting.Visibility.PUBLIC:
        upcoming = upcoming.filter(visibility=Meeting.Visibility.PUBLIC)
    return list(upcoming[:KALENDARIUM_LIMIT])


def _time_text(other: Meeting) -> str:
    if other.all_day:
        return capfirst(pgettext("event that lasts the whole day", "all day"))
    # "kl. 16.30–18.30" stays on one line.
    return capfirst(format_time_range(other.start_time, other.end_time)).replace(" ", "\u00a0")


def _recorded_by(meeting: Meeting) -> str:
    if meeting.recorded_by:
        return meeting.recorded_by
    return meeting.minutes_taker.name if meeting.minutes_taker else ""


# --- The document ------------------------------------------------------------------------------


def _facts(meeting: Meeting) -> list[Flowable]:
    styles = _styles()
    rows: list[tuple[str, str]] = [
        (pgettext("minutes pdf", "Date and time"), escape(meeting_when(meeting)))
    ]
    place = escape(meeting.place)
    if meeting.online_url:
        link = escape(meeting.online_url)
        place = f"{place}<br/>{link}" if place else link
    if place:
        rows.append((pgettext("minutes pdf", "Place"), place))
    bodies = ", ".join(body.name for body in _bodies(meeting))
    if bodies:
        rows.append((pgettext("minutes pdf", "Bodies"), escape(bodies)))
    recorded_by = _recorded_by(meeting)
    if recorded_by:
        rows.append((pgettext("minutes pdf", "Recorded by"), escape(recorded_by)))
    table = Table(
        [
            [Paragraph(escape(label), styles["label"]), Paragraph(value, styles["value"])]
            for label, value in rows
        ],
        colWidths=[3.6 * cm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]


def _people_section(title: str, groups: list[_Group], *, show_body: bool) -> list[Flowable]:
    styles = _styles()
    if not groups:
        return []
    story: list[Flowable] = [Paragraph(escape(title), styles["h2"])]
    for group in groups:
        if show_body or group.body is None:
            heading = (
                group.body.name if group.body is not None else pgettext("minutes pdf", "Others")
            )
            story.append(Paragraph(escape(heading), styles["h3"]))
        story.extend(Paragraph(line, styles["line"]) for line in group.lines)
    return story


def _attendance_story(meeting: Meeting) -> list[Flowable]:
    styles = _styles()
    by_status: dict[str, list[Attendance]] = {}
    for attendance in meeting.attendances.all():
        by_status.setdefault(attendance.status, []).append(attendance)
    show_body = len(_bodies(meeting)) > 1
    story: list[Flowable] = []
    present = by_status.get(Attendance.Status.PRESENT, [])
    # Translators: Swedish "Närvarande".
    story += _people_section(
        pgettext("minutes pdf", "Present"), _grouped(meeting, present), show_body=True
    )
    substitutes = sorted(
        (a for a in present if a.substitute_for_id), key=lambda a: a.person.name_sort
    )
    for attendance in substitutes:
        text = pgettext(
            "minutes pdf", "%(substitute)s substitutes for %(member)s at this meeting."
        ) % {
            "substitute": attendance.person.name,
            "member": attendance.substitute_for.name,
        }
        story.append(Paragraph(f"<i>{escape(text)}</i>", styles["line"]))
    apologies = by_status.get(Attendance.Status.APOLOGIES, [])
    story += _people_section(
        # Translators: those who sent their apologies; Swedish "Förhinder".
        pgettext("minutes pdf", "Apologies"),
        _grouped(meeting, apologies, _vacancies(meeting)),
        show_body=show_body,
    )
    absent = by_status.get(Attendance.Status.ABSENT, [])
    story += _people_section(
        pgettext("minutes pdf", "Absent"), _grouped(meeting, absent), show_body=show_body
    )
    guests = sorted(by_status.get(Attendance.Status.GUEST, []), key=_attendance_order)
    if guests:
        story.append(Paragraph(escape(pgettext("minutes pdf", "Guests")), styles["h2"]))
        story.extend(Paragraph(_person_line(g), styles["line"]) for g in guests)
    return story


def _action_text(action: ActionItem) -> str:
    """ "Anna Fogel – skapar ett team – 1 oktober 2023"."""
    who = action.owner.name if action.owner_id else action.owner_text
    parts = [who, action.what]
    if action.due:
        parts.append(format_date(action.due))
    return f" {EN_DASH} ".join(_text(part) for part in parts if part)


def _item_story(meeting: Meeting, item: AgendaItem, *, several_bodies: bool) -> list[Flowable]:
    styles = _styles()
    heading = f"{item.position}. {item.title}"
    story: list[Flowable] = [
        _ItemHeading(escape(heading), styles["item"], outline_title=heading, key=f"item-{item.pk}")
    ]
    meta = [str(item.get_item_type_display())]
    if item.presenter:
        meta.append(pgettext("minutes pdf", "Presented by %(name)s") % {"name": item.presenter})
    story.append(Paragraph(escape(f" {EN_DASH} ".join(meta)), styles["meta"]))
    if item.carried_over_from_id:
        origin = item.carried_over_from
        if origin is not None:
            text = gettext("Carried over from %(meeting)s.") % {
                "meeting": str(origin.origin.meeting)
            }
            story.append(Paragraph(escape(text), styles["meta"]))
    story += _paragraphs(item.notes, styles["body"])
    for attachment in item.attachments.all():
        story.append(
            _labelled(
                pgettext("minutes pdf", "Attachment"),
                escape(attachment.original_name),
                styles["body"],
            )
        )
    for decision in sorted(item.decisions.all(), key=lambda d: d.pk):
        label = pgettext("minutes pdf", "Decision")
        if several_bodies:
            label = f"{label} ({decision.body.name})"
        story.append(_labelled(label, _text(decision.text), styles["body"]))
    for action in item.action_items.all():
        # Translators: a task given to someone; Swedish "Uppdrag".
        story.append(
            _labelled(pgettext("minutes pdf", "Task"), _action_text(action), styles["body"])
        )
    for point in item.carried_over.all():
        if point.kind == CarriedOverPoint.Kind.TABLED:
            # Translators: Swedish "Bordläggs".
            label = pgettext("minutes pdf", "Tabled")
        else:
            label = pgettext("minutes pdf", "To follow up at the next meeting")
        text = _text(point.title)
        if point.reason:
            text += f" ({_text(point.reason)})"
        story.append(_labelled(label, text, styles["body"]))
    return story


def _kalendarium(meeting: Meeting) -> list[Flowable]:
    styles = _styles()
    bodies = _bodies(meeting)
    if not bodies:
        return []
    upcoming = _upcoming(meeting, bodies[0])
    if not upcoming:
        return []
    labels = (
        pgettext("minutes pdf", "Date"),
        pgettext("minutes pdf", "Time"),
        pgettext("minutes pdf", "Place"),
        pgettext("minutes pdf", "Title"),
    )
    header = [Paragraph(escape(label), styles["cell_head"]) for label in labels]
    rows: list[list[Flowable]] = [header]
    for other in upcoming:
        day = format_date(other.date, year=other.date.year != meeting.date.year)
        rows.append(
            [
                Paragraph(escape(day), styles["cell"]),
                Paragraph(escape(_time_text(other)), styles["cell"]),
                Paragraph(escape(other.place), styles["cell"]),
                Paragraph(escape(other.title), styles["cell"]),
            ]
        )
    width = A4[0] - 2 * MARGIN
    table = Table(
        rows,
        colWidths=[3.3 * cm, 3.4 * cm, 4.0 * cm, width - 10.7 * cm],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    # Translators: the heading of the calendar table in minutes; Swedish "Kalendarium".
    title = pgettext("minutes pdf", "Calendar")
    return [KeepTogether([Paragraph(escape(title), styles["h2"]), table])]


def _story(meeting: Meeting, *, draft: bool) -> list[Flowable]:
    styles = _styles()
    # Translators: the heading of printed minutes; Swedish "Minnesanteckningar".
    title = pgettext("minutes pdf", "Minutes")
    if draft:
        title = f"{title} ({draft_label()})"
    story: list[Flowable] = [
        Paragraph(escape(title), styles["title"]),
        Paragraph(escape(meeting.title), styles["subtitle"]),
    ]
    story += _facts(meeting)
    if meeting.minutes_introduction.strip():
        story.append(Spacer(1, 6))
        story += _paragraphs(meeting.minutes_introduction, styles["body"])
    story += _attendance_story(meeting)
    several_bodies = len(_bodies(meeting)) > 1
    for item in meeting.agenda_items.all():
        story += _item_story(meeting, item, several_bodies=several_bodies)
    story += _kalendarium(meeting)
    recorded_by = _recorded_by(meeting)
    if recorded_by:
        # "Antecknat av" never stands alone at the top of the last page.
        signature = _labelled(
            pgettext("minutes pdf", "Recorded by"), escape(recorded_by), styles["body"]
        )
        story[-1:] = [KeepTogether([*story[-1:], Spacer(1, 14), signature])]
    return story


def draft_label() -> str:
    """The mark on minutes that are not published yet."""
    # Translators: the mark on unpublished minutes; Swedish "UTKAST".
    return pgettext("minutes pdf", "DRAFT")


def minutes_filename(meeting: Meeting) -> str:
    """ "minnesanteckningar-2023-09-13-samverkansradet.pdf" (ASCII only)."""
    parts = ["minnesanteckningar"]
    if meeting.date:
        parts.append(meeting.date.isoformat())
    bodies = _bodies(meeting)
    if bodies:
        parts.append(bodies[0].slug)
    return "-".join(parts) + ".pdf"


def minutes_pdf_bytes(meeting: Meeting) -> bytes:
    """The meeting's minutes as an A4 PDF, in Swedish.

    Minutes that are not published are marked as a draft in the title, the header of every
    page and a faint diagonal mark. Permission checks are the caller's job."""
    register_fonts()
    meeting = _meeting_for_minutes(meeting)
    draft = meeting.minutes_status != Meeting.MinutesStatus.PUBLISHED
    with override("sv"), timezone.override(settings.TIME_ZONE):
        story = _story(meeting, draft=draft)
        when = format_date(meeting.date) if meeting.date else ""
        heading = f"{pgettext('minutes pdf', 'Minutes')}: {meeting.title}"
        page_info = _PageInfo(
            municipality=settings.MUNICIPALITY_NAME,
            footer_left=f"{heading}, {when}" if when else heading,
            draft_label=draft_label() if draft else "",
            # Translators: the page number in the footer; Swedish "Sida %(page)s av %(pages)s".
            page_of=pgettext("minutes pdf", "Page %(page)s of %(pages)s"),
        )
        subject = ", ".join(body.name for body in _bodies(meeting))
        title = f"{heading} {EN_DASH} {when}" if when else heading
        if draft:
            title = f"{title} ({page_info.draft_label})"
    buffer = io.BytesIO()
    doc = _MinutesDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=settings.MUNICIPALITY_NAME,
        subject=subject,
        creator="Samverkan",
        lang="sv-SE",
        displayDocTitle=True,
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        A4[0] - 2 * MARGIN,
        A4[1] - 2 * MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="minutes", frames=[frame], onPage=_draw_header)])
    doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, page_info=page_info))
    return buffer.getvalue()
