"""Attendance statistics (/narvaro/): who comes to the meetings they are expected at.

Attendance at the council's and the C-network's meetings is public information about
organisations and departments, so the page is public. Attendance per person is shown only to
the secretary and to members of the council and the C-network.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from samverkan.accounts.rules import Viewer, is_c_network_member, is_council_member, is_secretary
from samverkan.core.spreadsheets import spreadsheet_safe
from samverkan.core.swedish import format_date_range
from samverkan.meetings import attendance
from samverkan.meetings.attendance import Row
from samverkan.meetings.models import Body

MAX_YEARS = 10
DEFAULT_GROUP_BY = attendance.GROUP_BY_ORGANISATION
# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).

GROUP_BY_LABELS = {
    attendance.GROUP_BY_ORGANISATION: gettext_lazy("Organisation or department"),
    attendance.GROUP_BY_DEPARTMENT: gettext_lazy("Municipal department"),
    attendance.GROUP_BY_BODY: gettext_lazy("Body"),
    attendance.GROUP_BY_PERSON: gettext_lazy("Person"),
}


def can_see_people(user: Viewer) -> bool:
    """Attendance per person is for the secretary and the council's and C-network's members."""
    return is_secretary(user) or is_council_member(user) or is_c_network_member(user)


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months, today included."""
    return _years_after(today, -1) + timedelta(days=1), today


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


class AttendanceFilterForm(forms.Form):
    body = forms.ChoiceField(
        label=gettext_lazy("Body"),
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy("There is no such body. Choose one from the list.")
        },
    )
    group_by = forms.ChoiceField(
        label=gettext_lazy("Show attendance per"),
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": gettext_lazy("Choose one of the groupings in the list."),
            "required": gettext_lazy("Choose one of the groupings in the list."),
        },
    )

    def __init__(self, *args, bodies: list[Body], allow_people: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        date_errors = {
            "invalid": gettext_lazy("Enter the date as year-month-day, for example 2024-03-15."),
            "required": gettext_lazy("Enter a date as year-month-day, for example 2024-03-15."),
        }
        # "from" and "to" are the query's names, and "from" cannot be a class attribute.
        date_fields = {
            "from": forms.DateField(
                label=gettext_lazy("From"),
                input_formats=["%Y-%m-%d"],
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                error_messages=date_errors,
            ),
            "to": forms.DateField(
                label=gettext_lazy("To"),
                input_formats=["%Y-%m-%d"],
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                error_messages=date_errors,
            ),
        }
        self.fields = {**date_fields, **self.fields}
        self.fields["body"].choices = [("", _("All bodies"))] + [(b.slug, b.name) for b in bodies]
        self.fields["group_by"].choices = [
            (choice, GROUP_BY_LABELS[choice])
            for choice in attendance.GROUP_BY_CHOICES
            if allow_people or choice != attendance.GROUP_BY_PERSON
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end:
            if end < start:
                self.add_error(
                    "to",
                    ValidationError(
                        _("The end of the period cannot be before its start."),
                        code="to_before_from",
                    ),
                )
            elif end > _years_after(start, MAX_YEARS):
                self.add_error(
                    "to",
                    ValidationError(
                        ngettext(
                            "Choose a period of at most %(years)d year.",
                            "Choose a period of at most %(years)d years.",
                            MAX_YEARS,
                        )
                        % {"years": MAX_YEARS},
                        code="period_too_long",
                    ),
                )
        return cleaned


@dataclass(frozen=True)
class Selection:
    """What the page shows: the valid parts of the query, defaults for the rest."""

    start: date
    end: date
    body: Body | None
    group_by: str


def _selection(form: AttendanceFilterForm, bodies: list[Body], today: date) -> Selection:
    form.is_valid()
    cleaned = form.cleaned_data
    if "from" in cleaned and "to" in cleaned:
        start, end = cleaned["from"], cleaned["to"]
    else:
        start, end = default_period(today)
    by_slug = {b.slug: b for b in bodies}
    body = by_slug.get(cleaned.get("body") or "")
    group_by = cleaned.get("group_by") or DEFAULT_GROUP_BY
    return Selection(start=start, end=end, body=body, group_by=group_by)


def attendance_statistics(request: HttpRequest) -> HttpResponse:
    """The share of meetings each organisation, department, body (or person) attended."""
    allow_people = can_see_people(request.user)
    bodies = list(Body.objects.order_by("name", "pk"))
    today = timezone.localdate()
    start, end = default_period(today)
    data = {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "body": "",
        "group_by": DEFAULT_GROUP_BY,
    }
    for name in data:
        if name in request.GET:
            data[name] = request.GET[name].strip()
    people_refused = data["group_by"] == attendance.GROUP_BY_PERSON and not allow_people
    if people_refused:
        data["group_by"] = DEFAULT_GROUP_BY
    form = AttendanceFilterForm(data, bodies=bodies, allow_people=allow_people)
    selection = _selection(form, bodies, today)
    rows = attendance.attendance_statistics(
        start=selection.start,
        end=selection.end,
        body=selection.body,
        group_by=selection.group_by,
    )
    if request.GET.get("format") == "csv":
        return _csv_response(rows, selection)
    query = request.GET.copy()
    query["format"] = "csv"
    return render(
        request,
        "meetings/attendance_statistics.html",
        {
            "form": form,
            "selection": selection,
            "period": format_date_range(selection.start, selection.end),
            "rows": rows,
            "chart": _chart(rows, selection),
            "by_body": selection.group_by == attendance.GROUP_BY_BODY,
            "people_refused": people_refused,
            "csv_query": query.urlencode(),
            "nav": "statistics",
        },
    )


# --- The chart --------------------------------------------------------------------------------

# Narrow enough that the text stays legible when a phone scales the chart down to its width.
CHART_WIDTH = 480
BAR_WIDTH = 410  # the rest is room for the percentage after a full bar
ROW_HEIGHT = 54
LABEL_BASELINE = 17
BAR_TOP = 24
BAR_HEIGHT = 20
LABEL_MAX_CHARS = 50  # longer names are shortened in the chart; the table has them whole


@dataclass(frozen=True)
class Bar:
    """One bar; coordinates are strings, so that no locale turns 186.7 into "186,7"."""

    label: str
    percent: int
    y_label: str
    y_bar: str
    y_value: str
    width: str
    x_value: str


def percent_text(value: int) -> str:
    """Swedish style: a space between the number and the per cent sign ("43 %")."""
    return f"{value} %"


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX_CHARS else label[: LABEL_MAX_CHARS - 1] + "…"


def _chart(rows: list[Row], selection: Selection) -> dict | None:
    if not rows:
        return None
    bars = []
    for index, row in enumerate(rows):
        top = index * ROW_HEIGHT
        width = round(BAR_WIDTH * row.share_present, 1)
        bars.append(
            Bar(
                label=_short(row.label),
                percent=row.percent,
                y_label=str(top + LABEL_BASELINE),
                y_bar=str(top + BAR_TOP),
                y_value=str(top + BAR_TOP + BAR_HEIGHT - 5),
                width=f"{width:g}",
                x_value=f"{width + 8:g}",
            )
        )
    titles = {
        attendance.GROUP_BY_ORGANISATION: _("Share of meetings attended, per organisation"),
        attendance.GROUP_BY_DEPARTMENT: _("Share of meetings attended, per department"),
        attendance.GROUP_BY_BODY: _("Share of expected attendances, per body"),
        attendance.GROUP_BY_PERSON: _("Share of meetings attended, per person"),
    }
    worst, best = rows[0], rows[-1]
    description = ngettext(
        "%(count)d row, from the lowest share present to the highest.",
        "%(count)d rows, from the lowest share present to the highest.",
        len(rows),
    ) % {"count": len(rows)}
    description += " " + _(
        "Lowest: %(name)s, %(percent)s. Highest: %(best)s, %(best_percent)s."
    ) % {
        "name": worst.label,
        "percent": percent_text(worst.percent),
        "best": best.label,
        "best_percent": percent_text(best.percent),
    }
    never = [row.label for row in rows if row.present == 0]
    if never:
        description += " " + _("Never present: %(names)s.") % {"names": ", ".join(never)}
    description += " " + _("The table below gives the numbers.")
    return {
        "title": titles[selection.group_by],
        "description": description,
        "width": str(CHART_WIDTH),
        "height": str(len(rows) * ROW_HEIGHT + 4),
        "bar_width": str(BAR_WIDTH),
        "bar_height": str(BAR_HEIGHT),
        "bars": bars,
    }


# --- CSV --------------------------------------------------------------------------------------


def _csv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return spreadsheet_safe(text)


def _csv_response(rows: list[Row], selection: Selection) -> HttpResponse:
    by_body = selection.group_by == attendance.GROUP_BY_BODY
    header = [
        str(GROUP_BY_LABELS[selection.group_by]),
        _("Formerly"),
        _("Meetings"),
        *([_("Expected attendances")] if by_body else []),
        _("Present"),
        _("Apologies"),
        _("Absent"),
        _("Share present (%)"),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [
                _csv_cell(row.label),
                _csv_cell("; ".join(row.formerly)),
                row.meetings,
                *([row.expected] if by_body else []),
                row.present,
                row.apologies,
                row.absent,
                row.percent,
            ]
        )
    # The byte order mark makes Excel read the file as UTF-8 (å, ä and ö).
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"narvaro-{selection.group_by}-{selection.start.isoformat()}-{selection.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
