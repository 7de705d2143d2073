"""The secretary's forms: uploading minutes, and correcting what the parser found.

:class:`UploadForm` reads the upload through :func:`extraction.extract_bytes`, the same path
as the command, and refuses what cannot be read with the reader's own message.

:class:`CorrectionForm` is the extracted structure (issue 4's shape) as one editable form: a
form for the meeting's details and a formset per list (people present and absent,
substitutions, agenda items, calendar, watch list, working groups). Rows are added by empty
extra rows and removed by a "Remove" checkbox, so nothing needs JavaScript. Lists of short
texts (bodies, decisions, tabled points, members) are edited one per line.
:meth:`CorrectionForm.to_result` turns a valid form back into the shape.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .extraction import extract_bytes
from .parsing import empty_result
from .reading import SUPPORTED_SUFFIXES, UnreadableDocument, read_bytes

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _lines_widget(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


KIND_CHOICES = [
    ("minutes", _("Minutes")),
    ("notice", _("Notice of a meeting")),
    ("summary", _("Summary (compiled notes of a workshop)")),
    ("unknown", _("Unknown")),
]
ITEM_TYPE_CHOICES = [
    ("information", _("Information")),
    ("beslut", _("Decision")),
    ("diskussion", _("Discussion")),
]
WATCH_KIND_CHOICES = [
    ("", _("Not given")),
    ("projekt", _("Project")),
    ("uppdrag", _("Assignment")),
    ("utvecklingsarbete", _("Development work")),
    ("nätverk", _("Network")),
]


# ---------------------------------------------------------------------------------------------
# Upload
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an upload gave: the file's name, the text as read and the structure found."""

    filename: str
    text: str
    result: dict[str, Any]


def clean_filename(name: str) -> str:
    """The uploaded file's own name: no folders, no control characters, not too long."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/")
    name = PurePosixPath(name).name
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    if len(name) > 200:
        suffix = PurePosixPath(name).suffix[:10]
        name = name[: 200 - len(suffix)] + suffix
    return name or "minnesanteckningar.txt"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("The minutes"),
        help_text=_(
            "A Word file (.docx), a PDF with text, or a text file (.txt, .md); at most 10 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED_SUFFIXES)}),
    )

    extracted: Extracted

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        filename = clean_filename(upload.name or "")
        suffix = PurePosixPath(filename).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise ValidationError(
                _("%(file)s is not a supported kind of file; use .txt, .md, .docx or .pdf.")
                % {"file": filename},
                code="type",
            )
        if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
                % {
                    "size": round(upload.size / 1024 / 1024, 1),
                    "limit": MAX_UPLOAD_BYTES // 1024 // 1024,
                },
                code="too_large",
            )
        upload.seek(0)
        data = upload.read(MAX_UPLOAD_BYTES + 1)
        upload.seek(0)
        if len(data) > MAX_UPLOAD_BYTES:  # a client that lied about the size
            raise ValidationError(
                _("The file is too large. The limit is %(limit)s MB.")
                % {"limit": MAX_UPLOAD_BYTES // 1024 // 1024},
                code="too_large",
            )
        result, ok = extract_bytes(data, filename=filename)
        if not ok:
            raise ValidationError(result["warnings"][0], code="unreadable")
        try:
            # The text beside the form is shown exactly as the parser saw it.
            text = read_bytes(data, filename=filename).text
        except UnreadableDocument as error:  # pragma: no cover - it was just read above
            raise ValidationError(str(error), code="unreadable") from error
        self.extracted = Extracted(filename=filename, text=text, result=result)
        return upload


# ---------------------------------------------------------------------------------------------
# Helpers for the correction form
# ---------------------------------------------------------------------------------------------


def split_lines(value: str | None) -> list[str]:
    """The non-empty lines of a textarea, stripped."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def join_lines(values: list[str] | None) -> str:
    return "\n".join(v for v in values or [] if v)


def _none_if_blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _hh_mm(value: Any) -> str | None:
    return value.strftime("%H:%M") if value else None


_ACTION_DUE_RE = re.compile(r"\(\s*(\d{4}-\d{1,2}-\d{1,2})\s*\)\s*\.?$")


def format_action(action: dict[str, Any]) -> str:
    """One action as a line: "Owner: what (YYYY-MM-DD)"."""
    text = (action.get("what") or "").strip()
    if action.get("owner"):
        text = f"{action['owner'].strip()}: {text}"
    if action.get("due"):
        text = f"{text} ({action['due']})"
    return text


def parse_action(line: str) -> dict[str, Any]:
    """A line "Owner: what (YYYY-MM-DD)" as an action; the owner and the date are optional.
    Raises ValidationError for a date that does not exist."""
    due: str | None = None
    match = _ACTION_DUE_RE.search(line)
    if match:
        try:
            due = date.fromisoformat(
                "-".join(part.zfill(2) for part in match.group(1).split("-"))
            ).isoformat()
        except ValueError as error:
            raise ValidationError(
                gettext("%(date)s in “%(line)s” is not a date.")
                % {"date": match.group(1), "line": line},
                code="due",
            ) from error
        line = line[: match.start()].rstrip()
    owner, colon, what = line.partition(":")
    if not colon or not owner.strip() or not what.strip():
        owner, what = "", line
    if not what.strip():
        raise ValidationError(
            gettext("“%(line)s” does not say what is to be done.") % {"line": line}, code="what"
        )
    return {"owner": owner.strip() or None, "what": what.strip(), "due": due}


# ---------------------------------------------------------------------------------------------
# The meeting's details
# ---------------------------------------------------------------------------------------------


class DetailsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind of document"), choices=KIND_CHOICES)
    bodies = forms.CharField(
        label=_("Bodies"),
        help_text=_("One a line, for example Samverkansrådet."),
        required=False,
        max_length=2000,
        widget=_lines_widget(2),
    )
    date = forms.DateField(label=_("Date"), required=False, widget=DATE)
    start_time = forms.TimeField(label=_("Starts"), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("Ends"), required=False, widget=TIME)
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    online = forms.BooleanField(label=_("Held online"), required=False)
    vacancies = forms.CharField(
        label=_("Vacant seats"),
        help_text=_("One a line: the organisation or group whose seat is vacant."),
        required=False,
        max_length=5000,
        widget=_lines_widget(2),
    )
    recorded_by = forms.CharField(label=_("Recorded by"), max_length=200, required=False)
    links = forms.CharField(
        label=_("Links"),
        help_text=_("One web address a line."),
        required=False,
        max_length=10000,
        widget=_lines_widget(2),
    )

    @staticmethod
    def initial_from(result: dict[str, Any]) -> dict[str, Any]:
        return {
            "title": result.get("title") or "",
            "kind": result.get("kind") or "unknown",
            "bodies": join_lines(result.get("bodies")),
            "date": result.get("date"),
            "start_time": result.get("start_time"),
            "end_time": result.get("end_time"),
            "place": result.get("place") or "",
            "online": bool(result.get("online")),
            "vacancies": join_lines(result.get("vacancies")),
            "recorded_by": result.get("recorded_by") or "",
            "links": join_lines(result.get("links")),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        return cleaned

    def to_result(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": _none_if_blank(data["title"]),
            "kind": data["kind"],
            "bodies": split_lines(data["bodies"]),
            "date": _iso_date(data["date"]),
            "start_time": _hh_mm(data["start_time"]),
            "end_time": _hh_mm(data["end_time"]),
            "place": _none_if_blank(data["place"]),
            "online": bool(data["online"]),
            "vacancies": split_lines(data["vacancies"]),
            "recorded_by": _none_if_blank(data["recorded_by"]),
            "links": split_lines(data["links"]),
        }


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------


class RowForm(forms.Form):
    """One row of a list. A row left entirely empty is ignored; ``required_when_filled``
    names the field a row cannot do without once anything is written in it."""

    required_when_filled: str = ""
    missing_message = _("Fill this in, or tick “Remove this row”.")

    def is_blank(self) -> bool:
        return not any(
            value not in (None, "", [], False)
            for name, value in self.cleaned_data.items()
            if name != DELETION_FIELD_NAME
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        field = self.required_when_filled
        if field and field not in self.errors and not cleaned.get(field) and not self.is_blank():
            self.add_error(field, self.missing_message)
        return cleaned

    def label(self) -> str:
        """What the row is about, for its legend ("new row" when empty)."""
        field = self.required_when_filled or next(iter(self.fields))
        value = self[field].value()
        return str(value).strip() if value else ""

    @staticmethod
    def initial_from(entry: dict[str, Any]) -> dict[str, Any]:
        return {key: ("" if value is None else value) for key, value in entry.items()}

    def to_entry(self) -> dict[str, Any]:
        raise NotImplementedError


class RowFormSet(forms.BaseFormSet):
    """Rows with a "Remove this row" checkbox on the rows that were found (new rows are
    simply left empty)."""

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if DELETION_FIELD_NAME in form.fields:
            form.fields[DELETION_FIELD_NAME].label = _("Remove this row")

    def entries(self) -> list[dict[str, Any]]:
        """The rows in order, as entries of the shape, without removed and empty rows."""
        out = []
        for form in self.forms:
            if not form.has_changed() and form.empty_permitted:
                continue
            if is_removed(form) or form.is_blank():
                continue
            out.append(form.to_entry())
        return out


def is_removed(form: forms.Form) -> bool:
    """Whether the row's "Remove this row" box is ticked."""
    return bool(getattr(form, "cleaned_data", {}).get(DELETION_FIELD_NAME))


def row_formset(form: type[RowForm], *, extra: int) -> type[RowFormSet]:
    return forms.formset_factory(
        form,
        formset=RowFormSet,
        extra=extra,
        can_delete=True,
        can_delete_extra=False,
        max_num=500,
        absolute_max=600,
    )


class PersonForm(RowForm):
    required_when_filled = "name"
    missing_message = _("Write the person’s name, or tick “Remove this row”.")

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=300, required=False)
    party = forms.CharField(label=_("Party"), max_length=20, required=False)
    role = forms.CharField(label=_("Role"), max_length=100, required=False)
    group = forms.CharField(label=_("Group"), max_length=200, required=False)

    def to_entry(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"].strip(),
            "organisation": _none_if_blank(data["organisation"]),
            "party": _none_if_blank(data["party"]),
            "role": _none_if_blank(data["role"]),
            "group": _none_if_blank(data["group"]),
        }


class SubstitutionForm(RowForm):
    required_when_filled = "substitute"
    missing_message = _("Write who substituted, or tick “Remove this row”.")

    substitute = forms.CharField(label=_("Substitute"), max_length=200, required=False)
    substitute_for = forms.CharField(label=_("Substitutes for"), max_length=200, required=False)

    @staticmethod
    def initial_from(entry: dict[str, Any]) -> dict[str, Any]:
        return {
            "substitute": entry.get("substitute") or "",
            "substitute_for": entry.get("for") or "",
        }

    def to_entry(self) -> dict[str, Any]:
        return {
            "substitute": self.cleaned_data["substitute"].strip(),
            "for": _none_if_blank(self.cleaned_data["substitute_for"]),
        }


class AgendaItemForm(RowForm):
    required_when_filled = "title"
    missing_message = _("Write the item’s title, or tick “Remove this row”.")

    number = forms.CharField(label=_("Number"), max_length=20, required=False)
    title = forms.CharField(label=_("Title"), max_length=500, required=False)
    types = forms.MultipleChoiceField(
        label=_("Type"),
        choices=ITEM_TYPE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    text = forms.CharField(
        label=_("Text"), required=False, max_length=100_000, widget=_lines_widget(6)
    )
    decisions = forms.CharField(
        label=_("Decisions"),
        help_text=_("One decision a line."),
        required=False,
        max_length=20_000,
        widget=_lines_widget(2),
    )
    tabled = forms.CharField(
        label=_("Tabled"),
        help_text=_("One point a line: what was tabled (the item’s title if the whole item was)."),
        required=False,
        max_length=20_000,
        widget=_lines_widget(2),
    )
    follow_up = forms.BooleanField(label=_("Followed up at the next meeting"), required=False)
    actions = forms.CharField(
        label=_("Action items"),
        help_text=_(
            "One a line: “Owner: what is to be done (YYYY-MM-DD)”; the owner and the date may be left out."
        ),
        required=False,
        max_length=20_000,
        widget=_lines_widget(2),
    )

    @staticmethod
    def initial_from(entry: dict[str, Any]) -> dict[str, Any]:
        return {
            "number": entry.get("number") or "",
            "title": entry.get("title") or "",
            "types": list(entry.get("types") or []),
            "text": entry.get("text") or "",
            "decisions": join_lines(entry.get("decisions")),
            "tabled": join_lines(entry.get("tabled")),
            "follow_up": bool(entry.get("follow_up")),
            "actions": join_lines([format_action(a) for a in entry.get("actions") or []]),
        }

    def clean_actions(self) -> list[dict[str, Any]]:
        actions, errors = [], []
        for line in split_lines(self.cleaned_data["actions"]):
            try:
                actions.append(parse_action(line))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return actions

    def to_entry(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "number": _none_if_blank(data["number"]),
            "title": data["title"].strip(),
            "types": list(data["types"]),
            "text": data["text"].strip(),
            "decisions": split_lines(data["decisions"]),
            "tabled": split_lines(data["tabled"]),
            "follow_up": bool(data["follow_up"]),
            "actions": data["actions"],
        }


class CalendarForm(RowForm):
    required_when_filled = "title"
    missing_message = _("Write what happens that day, or tick “Remove this row”.")

    date = forms.DateField(label=_("Date"), required=False, widget=DATE)
    date_text = forms.CharField(
        label=_("Date as written"),
        max_length=100,
        required=False,
        help_text=_("Kept when the day is not known yet."),
    )
    start_time = forms.TimeField(label=_("Starts"), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("Ends"), required=False, widget=TIME)
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    title = forms.CharField(label=_("What"), max_length=300, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("It must end after it starts."))
        return cleaned

    def to_entry(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "date": _iso_date(data["date"]),
            "date_text": _none_if_blank(data["date_text"]),
            "start_time": _hh_mm(data["start_time"]),
            "end_time": _hh_mm(data["end_time"]),
            "place": _none_if_blank(data["place"]),
            "title": data["title"].strip(),
        }


class WatchItemForm(RowForm):
    required_when_filled = "title"
    missing_message = _("Write the title, or tick “Remove this row”.")

    kind = forms.ChoiceField(label=_("Kind"), choices=WATCH_KIND_CHOICES, required=False)
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    owner = forms.CharField(label=_("Responsible"), max_length=200, required=False)
    note = forms.CharField(
        label=_("Note"), max_length=5000, required=False, widget=_lines_widget(2)
    )

    def to_entry(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "kind": data["kind"] or None,
            "title": data["title"].strip(),
            "owner": _none_if_blank(data["owner"]),
            "note": _none_if_blank(data["note"]),
        }


class WorkingGroupForm(RowForm):
    required_when_filled = "title"
    missing_message = _("Write the group’s name, or tick “Remove this row”.")

    title = forms.CharField(label=_("Name of the group"), max_length=300, required=False)
    members = forms.CharField(
        label=_("Members"),
        help_text=_("One a line."),
        required=False,
        max_length=5000,
        widget=_lines_widget(3),
    )

    @staticmethod
    def initial_from(entry: dict[str, Any]) -> dict[str, Any]:
        return {"title": entry.get("title") or "", "members": join_lines(entry.get("members"))}

    def to_entry(self) -> dict[str, Any]:
        return {
            "title": self.cleaned_data["title"].strip(),
            "members": split_lines(self.cleaned_data["members"]),
        }


# ---------------------------------------------------------------------------------------------
# The whole correction form
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    """One list of the shape, edited as a formset."""

    key: str  # the key in the result and the formset's prefix
    heading: Any
    row_noun: Any
    form: type[RowForm]
    extra: int
    intro: Any = ""


SECTIONS: tuple[Section, ...] = (
    Section("present", _("Present"), _("Person"), PersonForm, 2),
    Section(
        "absent",
        _("Absent (apologies)"),
        _("Person"),
        PersonForm,
        2,
    ),
    Section("substitutions", _("Substitutions"), _("Substitution"), SubstitutionForm, 1),
    Section(
        "agenda_items",
        _("Agenda items"),
        _("Item"),
        AgendaItemForm,
        1,
        _("In the order of the minutes."),
    ),
    Section(
        "calendar",
        _("Calendar"),
        _("Date"),
        CalendarForm,
        1,
        _("Coming dates that the minutes list."),
    ),
    Section("watchlist", _("Watch list"), _("Entry"), WatchItemForm, 1),
    Section("working_groups", _("Working groups"), _("Group"), WorkingGroupForm, 1),
)
SECTION_KEYS = frozenset(section.key for section in SECTIONS)
MORE_ROWS = 3


class CorrectionForm:
    """The meeting's details plus one formset per list; valid when all of them are."""

    def __init__(self, result: dict[str, Any], data: Any = None) -> None:
        self.details = DetailsForm(data, initial=DetailsForm.initial_from(result), prefix="meeting")
        self.formsets: dict[str, RowFormSet] = {}
        self.sections: list[tuple[Section, RowFormSet]] = []
        for section in SECTIONS:
            formset_class = row_formset(section.form, extra=section.extra)
            initial = [section.form.initial_from(entry) for entry in result.get(section.key) or []]
            formset = formset_class(data, initial=initial, prefix=section.key)
            self.formsets[section.key] = formset
            self.sections.append((section, formset))

    @property
    def is_bound(self) -> bool:
        return self.details.is_bound

    def is_valid(self) -> bool:
        valid = self.details.is_valid()
        for formset in self.formsets.values():
            valid = formset.is_valid() and valid
            for form in formset.forms:
                if is_removed(form):  # what is removed needs no correcting
                    form.errors.clear()
        return valid

    def add_error(self, message: str) -> None:
        self.details.add_error(None, message)

    def error_links(self) -> list[tuple[str, str]]:
        """Every error as ``(field id, "label: message")`` for the summary at the top."""
        if not self.is_bound:
            return []
        links: list[tuple[str, str]] = [("save", str(e)) for e in self.details.non_field_errors()]
        for field in self.details:
            links.extend((field.auto_id, f"{field.label}: {e}") for e in field.errors)
        for section, formset in self.sections:
            for error in formset.non_form_errors():
                links.append((f"section-{section.key}", f"{section.heading}: {error}"))
            for number, form in enumerate(formset.forms, start=1):
                if is_removed(form):
                    continue
                for field in form:
                    links.extend(
                        (field.auto_id, f"{section.row_noun} {number}, {field.label}: {e}")
                        for e in field.errors
                    )
        return links

    def to_result(self, base: dict[str, Any]) -> dict[str, Any]:
        """The corrected structure in issue 4's shape; the file's name, its hash and the
        parser's warnings come from ``base``, the result as extracted."""
        result = empty_result(base["file"], base.get("sha256"))
        result.update(self.details.to_result())
        for key, formset in self.formsets.items():
            result[key] = formset.entries()
        result["warnings"] = list(base.get("warnings") or [])
        return result


def add_rows(data: Any, key: str, count: int = MORE_ROWS) -> Any:
    """A copy of posted data with ``count`` more empty rows in the formset ``key``."""
    data = data.copy()
    name = f"{key}-TOTAL_FORMS"
    try:
        total = int(data.get(name, 0))
    except (TypeError, ValueError):
        total = 0
    data[name] = str(min(total + count, 500))
    return data
