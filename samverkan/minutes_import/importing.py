"""Bring one parsed document (the JSON shape of issue 4) into the database.

The entry points::

    import_result(result, *, actor=None) -> ImportOutcome      # a result dict, e.g. corrected
    import_bytes(data, *, filename, actor=None) -> ImportOutcome  # an upload
    import_path(path, *, display_name=None, actor=None) -> ImportOutcome  # a file

Each document is imported in one transaction: if anything fails, nothing of that file stays
(the failure itself is recorded as an :class:`~.models.ImportedDocument` with status
"failed" and the reason, outside that transaction). The outcome says what happened:

``created``
    a new meeting (or a meeting that was only planned, e.g. from an earlier calendar, now
    has its minutes);
``updated``
    a corrected version of a document already imported (another SHA-256, the same date and
    bodies) replaced that meeting's agenda, minutes and attendance; the meeting row, its
    UID and its link stay;
``unchanged``
    the same file (same SHA-256, same content) was imported before and is still the version
    its meeting holds: nothing is written (importing an older version again after a
    corrected one brings the older content back, as "updated");
``skipped``
    not minutes at all (kind "unknown"), or a meeting whose minutes were written or edited in
    Samverkan itself, which an import never overwrites;
``failed``
    unreadable, no date, or invalid content: the reason is in ``message``.

What is made of a document
--------------------------
* **Bodies** by name (and the usual other spellings: "C-nätverket" is C-nätet, "AU" is the
  executive committee); made when missing: a council, a network ("nät"), an executive
  committee ("AU", "arbetsutskott"), a nominating committee ("valberedning").
* **The meeting**: date, times, place (online when the document says Teams and the like),
  title from the document's title without "Minnesanteckningar"/"Protokoll"/"Kallelse" and
  the date; a joint meeting when two bodies meet. A summary of group notes (seed 003) is a
  theme evening with one agenda item per group; a notice ("kind": "notice") gives a planned
  meeting with its agenda and no minutes; a "Kallelse" that holds minutes is minutes.
* **Attendance**: present, absent (recorded as apologies, "förhinder"), guests,
  substitutions ("X ersätter Y": X is recorded as substituting for Y, and Y holds the seat).
  People get a seat in the body they are listed under for the meeting date if they have none
  (representing their organisation, or their party for politicians); the seat is open-ended,
  or ends the day before a later seat of theirs in the same body. When the document gives a
  role ("ordförande") that differs from the seat's, the seat is ended and a new one with the
  role starts on the meeting date. People listed without a body go to C-nätet when they
  represent a department, else to the council. A vacancy is a vacant seat.
* **Who is who** (see :mod:`.identity`): sure matches are used (a known "Tina Fingal" written
  "Tina Fingal Swens" with the same organisation takes the fuller name); an unsure match gives a new,
  provisional person (organisation) holding this document's data, and an
  :class:`~.models.IdentitySuggestion` for the secretary (:func:`.services.suggestion_confirm`
  moves the data to the known person and removes the provisional one). Two people are never
  merged without her answer.
* **Agenda items** with their types (Information, Beslut, both, Diskussion), notes,
  decisions, action items (the owner a person when sure, else the words as written), tabled
  points and follow-ups (through ``point_carry_over``, so they come back on the body's next
  meeting). An item whose title matches a point still open from an earlier meeting of the
  body is linked to it (the point is resolved there).
* **Published minutes** with "Antecknat av"; when the document has no attendance list or
  nobody who took the minutes, they stay a draft (published minutes need both).
* **The calendar**: each dated row is a planned meeting of the body it names ("AU",
  "Samverkansrådet + C-nätet"), else of the document's first body, with a kind from its title
  (Temakväll, Val- och informationskväll, Utbildning, Konferens, Arbetsgrupp). A row is never
  made twice: a meeting of the same body on the same date with a similar title or
  overlapping times is the same. Rows without a date ("?") are not imported.
* **The watch list**: items by title (case, punctuation and small misspellings aside),
  created or updated, with an update linked to the meeting; "stryks från listan" strikes the
  item, "pausat" pauses it, "avslutande fas" puts it in its final phase.
* **Working groups**: bodies of the kind working group under the council, with their members.

How it writes
-------------
A document's rows of one kind are written together (see docs/adr/0008): the seats, the
attendance, the agenda items with their notes, the decisions, the action items, the
carried-over points and the meetings of the calendar, each in one query
(:func:`write_rows`), with the values the meetings services would give them. They are
written so only when those services' checks are known to pass (a new meeting whose agenda is
empty, minutes that are a draft, a calendar row that overlaps nothing); otherwise the service
itself is called, to do what it does or to refuse with its reason. Every row of an official
record is announced to the history as its save would announce it. Rows are read once per
document (people, organisations, seats, the meetings of the calendar's days) or once per run
(:mod:`.runs`: the directory, bodies, parties; the search index is brought up to date at the
end of the run).

Everything else goes through the services of the apps that own the data, except where no
service exists yet: removing a meeting's imported agenda, attendance and minutes before a
corrected version (:func:`_clear_imported_content`), linking an item to an open carried-over
point, and creating parties (as the meetings demo does).
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, router, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.core.swedish import search_document
from samverkan.meetings import services as meetings
from samverkan.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    BodyKind,
    CarriedOverPoint,
    Decision,
    ItemType,
    Meeting,
    MeetingKind,
    Membership,
    MembershipRole,
    Party,
    Person,
)
from samverkan.organisations.models import Organisation, OrganisationKind
from samverkan.organisations.services import organisation_create
from samverkan.watchlist.models import WatchItem, WatchItemKind, WatchItemStatus
from samverkan.watchlist.selectors import title_key, watch_item_find
from samverkan.watchlist.services import (
    watch_item_create,
    watch_item_edit,
    watch_item_update_add,
    watch_item_update_remove,
)

from .extraction import extract_bytes, extract_path
from .identity import (
    Resolution,
    organisation_key,
    organisation_words_key,
    person_key,
)
from .models import IdentityKind, IdentitySuggestion, ImportedDocument
from .people import normalise_body
from .runs import ImportRun

logger = logging.getLogger(__name__)

IMPORTABLE_KINDS = ("minutes", "notice", "summary")
ACTIONS = ("created", "updated", "unchanged", "skipped", "failed")


@dataclass
class ImportOutcome:
    """What importing one document did."""

    file: str
    action: str  # one of ACTIONS
    message: str = ""
    document: ImportedDocument | None = None
    meeting: Meeting | None = None
    counts: Counter[str] = field(default_factory=Counter)
    suggestions: list[IdentitySuggestion] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        return any(s.status == IdentitySuggestion.Status.PENDING for s in self.suggestions)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "action": self.action,
            "message": self.message,
            "document": self.document.pk if self.document else None,
            "meeting": self.meeting.pk if self.meeting else None,
            "counts": dict(self.counts),
            "suggestions": [s.pk for s in self.suggestions],
            "warnings": list(self.warnings),
        }


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def import_path(
    path: Path,
    *,
    display_name: str | None = None,
    actor: User | None = None,
    run: ImportRun | None = None,
) -> ImportOutcome:
    """Read, parse and import one file."""
    result, readable = extract_path(path, display_name=display_name)
    if not readable:
        return _unreadable(result, actor)
    return import_result(result, actor=actor, run=run)


def import_bytes(
    data: bytes, *, filename: str, actor: User | None = None, run: ImportRun | None = None
) -> ImportOutcome:
    """Read, parse and import one uploaded file."""
    result, readable = extract_bytes(data, filename=filename)
    if not readable:
        return _unreadable(result, actor)
    return import_result(result, actor=actor, run=run)


def import_result(
    result: dict[str, Any], *, actor: User | None = None, run: ImportRun | None = None
) -> ImportOutcome:
    """Import one parsed document (the shape of issue 4, as from
    :func:`.extraction.extract_bytes`, possibly corrected by hand) in one transaction,
    as part of ``run`` (see :mod:`.runs`) or on its own."""
    if run is None:
        with ImportRun() as run:
            return import_result(result, actor=actor, run=run)
    name = str(result.get("file") or "?")
    kind = result.get("kind")
    if kind not in IMPORTABLE_KINDS:
        return ImportOutcome(
            name,
            "skipped",
            _("%(file)s is not minutes, a notice or notes from a meeting; nothing was imported.")
            % {"file": name},
        )
    sha256 = result.get("sha256")
    if not sha256:
        return ImportOutcome(name, "failed", _("%(file)s has no checksum.") % {"file": name})
    existing = ImportedDocument.objects.filter(sha256=sha256).select_related("meeting").first()
    if (
        existing is not None
        and existing.status != ImportedDocument.Status.FAILED
        and existing.meeting_id is not None
        and _content(existing.result) == _content(result)
        and _latest_for_meeting(existing)
    ):
        _index_again(run, existing)
        return ImportOutcome(
            name,
            "unchanged",
            _("%(file)s was imported before; nothing changed.") % {"file": name},
            document=existing,
            meeting=existing.meeting,
            suggestions=list(existing.suggestions.filter(status=IdentitySuggestion.Status.PENDING)),
        )
    try:
        try:
            with transaction.atomic():
                return _Import(result, actor=actor, existing=existing, run=run).run()
        except BaseException:
            run.forget()  # rolled back: what the run learnt from this document is not so
            raise
    except _Skip as skip:
        return ImportOutcome(name, "skipped", str(skip))
    except ValidationError as error:
        message = _("%(file)s could not be imported: %(reason)s") % {
            "file": name,
            "reason": _validation_text(error),
        }
    except (DatabaseError, ValueError, TypeError, KeyError, AttributeError) as error:
        logger.exception("Import of %s failed", name)
        message = _("%(file)s could not be imported: %(reason)s") % {
            "file": name,
            "reason": f"{error.__class__.__name__}: {error}",
        }
    document = _record_failure(result, actor, message, existing)
    return ImportOutcome(name, "failed", message, document=document)


def _unreadable(result: dict[str, Any], actor: User | None) -> ImportOutcome:
    name = str(result.get("file") or "?")
    message = result["warnings"][0] if result.get("warnings") else _("Unreadable.")
    existing = (
        ImportedDocument.objects.filter(sha256=result["sha256"]).first()
        if result.get("sha256")
        else None
    )
    document = _record_failure(result, actor, message, existing)
    return ImportOutcome(name, "failed", message, document=document)


def _record_failure(
    result: dict[str, Any], actor: User | None, message: str, existing: ImportedDocument | None
) -> ImportedDocument | None:
    """Keep the failure (for the upload page and the next run), never over a good import."""
    if not result.get("sha256") or (
        existing is not None and existing.status != ImportedDocument.Status.FAILED
    ):
        return None
    with transaction.atomic():
        document, _created = ImportedDocument.objects.update_or_create(
            sha256=result["sha256"],
            defaults={
                "file_name": str(result.get("file") or "")[:500],
                "kind": str(result.get("kind") or "unknown")[:20],
                "result": result,
                "status": ImportedDocument.Status.FAILED,
                "message": message,
                "imported_by": actor,
                "imported_at": timezone.now(),
                "meeting": None,
            },
        )
    return document


def _index_again(run: ImportRun, document: ImportedDocument) -> None:
    """The search entries of what an unchanged document made, brought up to date at the end
    of the run (in case an earlier run of the same batch was interrupted before it did)."""
    meeting = document.meeting
    created = document.created_rows or {}
    run.index_later(
        meeting,
        *Meeting.objects.filter(
            agenda_items__carried_over_from__origin__meeting=meeting
        ).distinct(),
        *WatchItem.objects.filter(updates__meeting=meeting).distinct(),
        *Organisation.objects.filter(pk__in=created.get("organisations", [])),
        *Body.objects.filter(pk__in=created.get("bodies", [])),
    )


def _latest_for_meeting(document: ImportedDocument) -> bool:
    """Whether the meeting holds this version: no other version was imported after it."""
    latest = (
        ImportedDocument.objects.filter(meeting=document.meeting_id)
        .exclude(status=ImportedDocument.Status.FAILED)
        .order_by("-imported_at", "-pk")
        .first()
    )
    return latest is None or latest.pk == document.pk


def _content(result: dict[str, Any]) -> dict[str, Any]:
    """What a document says: not its name, nor the parser's warnings (in the language of
    whoever read it)."""
    return {k: v for k, v in result.items() if k not in ("file", "warnings")}


def _validation_text(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return " ".join(str(m) for messages in error.message_dict.values() for m in messages)
    return " ".join(str(m) for m in error.messages)


class _Skip(Exception):
    """Not imported, with the reason (rolls back whatever the import had begun)."""


# ---------------------------------------------------------------------------------------------
# Words in the documents
# ---------------------------------------------------------------------------------------------

_TITLE_PREFIX_RE = re.compile(
    r"^(?:minnesanteckningar|mötesanteckningar|anteckningar|protokoll|mötesprotokoll|"
    r"kallelse(?:\s+och\s+dagordning)?|dagordning|föredragningslista)\b[\s:,–-]*"
    r"(?:(?:från|för|vid)\s+)?",
    re.IGNORECASE,
)
_TITLE_DATE_RE = re.compile(
    r"[\s,–-]*(?:(?:den\s+)?\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|"
    r"september|oktober|november|december)\s+\d{4}|\d{4}-\d{2}-\d{2})\s*[.!]?\s*$",
    re.IGNORECASE,
)
_WATCH_KINDS = {
    "projekt": WatchItemKind.PROJECT,
    "uppdrag": WatchItemKind.ASSIGNMENT,
    "utvecklingsarbete": WatchItemKind.DEVELOPMENT_WORK,
    "nätverk": WatchItemKind.NETWORK,
    "remiss": WatchItemKind.CONSULTATION,
}
_STRUCK_RE = re.compile(r"\bstr(?:yks|ukits?|ukna?)\b.{0,20}\blistan\b", re.IGNORECASE)
_PAUSED_RE = re.compile(r"\bpaus(?:at|ad|ade|as|eras|erat|erad)\b", re.IGNORECASE)
_FINAL_RE = re.compile(r"\bavslutande fas\b|\bslutfas(?:en)?\b", re.IGNORECASE)
_FINISHED_RE = re.compile(
    r"\b(?:är|har)\s+(?:nu\s+)?(?:avslutat|avslutad|avslutats|klart|klar)\b", re.IGNORECASE
)
_ITEM_TYPES = {
    frozenset(): None,
    frozenset({"information"}): ItemType.INFORMATION,
    frozenset({"beslut"}): ItemType.DECISION,
    frozenset({"diskussion"}): ItemType.DISCUSSION,
    frozenset({"information", "beslut"}): ItemType.INFORMATION_AND_DECISION,
    frozenset({"beslut", "diskussion"}): ItemType.DECISION,
    frozenset({"information", "diskussion"}): ItemType.DISCUSSION,
    frozenset({"information", "beslut", "diskussion"}): ItemType.INFORMATION_AND_DECISION,
}
_ROLES = {
    "ordförande": MembershipRole.CHAIR,
    "mötesordförande": MembershipRole.CHAIR,
    "vice ordförande": MembershipRole.VICE_CHAIR,
    "v. ordförande": MembershipRole.VICE_CHAIR,
    "sekreterare": MembershipRole.SECRETARY,
    "ersättare": MembershipRole.SUBSTITUTE,
}
GUEST_ROLE = "gäst"
# A person with seats in several of a meeting's bodies attends for the council first, then
# the network, then the others (as meetings.attendance_record decides).
_SEAT_PRECEDENCE = {BodyKind.COUNCIL: 0, BodyKind.NETWORK: 1}
_PARTY_NAMES = {
    "S": "Socialdemokraterna",
    "M": "Moderaterna",
    "L": "Liberalerna",
    "FP": "Folkpartiet",
    "C": "Centerpartiet",
    "V": "Vänsterpartiet",
    "KD": "Kristdemokraterna",
    "MP": "Miljöpartiet de gröna",
    "SD": "Sverigedemokraterna",
}
_ABBREVIATION_RE = re.compile(r"\(([A-ZÅÄÖ][A-ZÅÄÖ0-9-]{1,7})\)")
_TIDSBRIST_RE = re.compile(r"tidsbrist|brist på tid|hanns inte|hinns inte", re.IGNORECASE)


def meeting_title(result: dict[str, Any]) -> str:
    """The document's title without "Minnesanteckningar"/"Protokoll"/"Kallelse" in front and
    the date behind; the bodies' names when nothing is left."""
    title = " ".join(str(result.get("title") or "").split())
    if result.get("kind") != "summary":
        title = _TITLE_PREFIX_RE.sub("", title)
    title = _TITLE_DATE_RE.sub("", title).strip(" .,:–-")
    if not title:
        title = _(" and ").join(result.get("bodies") or []) or _("Meeting")
    return title[:300]


def watch_status(note: str | None) -> str:
    """The status a watch-list note gives its item ("" when it says nothing of it)."""
    if not note:
        return ""
    if _STRUCK_RE.search(note):
        return WatchItemStatus.STRUCK
    if _PAUSED_RE.search(note):
        return WatchItemStatus.PAUSED
    if _FINAL_RE.search(note):
        return WatchItemStatus.FINAL_PHASE
    if _FINISHED_RE.search(note):
        return WatchItemStatus.FINISHED
    return ""


def organisation_kind_for(name: str, *, department_hint: bool = False) -> str:
    """A sensible kind for an organisation first met in minutes."""
    lower = name.casefold()
    last = lower.split()[-1] if lower.split() else ""
    if (
        last.endswith(("förvaltningen", "förvaltning", "kontoret"))
        or lower.startswith("förvaltningen")
        or department_hint
    ):
        return OrganisationKind.MUNICIPAL_DEPARTMENT
    if last.endswith(("nämnden", "styrelsen", "fullmäktige", "kommun")):
        return OrganisationKind.MUNICIPAL_BOARD
    if lower.startswith("studieförbundet") or lower in ("abf", "nbv", "sensus", "bilda"):
        return OrganisationKind.STUDY_ASSOCIATION
    if lower.startswith("stiftelsen") or last.startswith("stiftelse"):
        return OrganisationKind.FOUNDATION
    if last.endswith(("kyrkan", "kyrka", "församling", "församlingen", "samfund")):
        return OrganisationKind.FAITH_COMMUNITY
    if last.endswith(("föreningsråd", "föreningsrådet", "alliansen", "samråd")) or lower.startswith(
        "rf-sisu"
    ):
        return OrganisationKind.UMBRELLA_BODY
    if "nätverk" in lower or "partnerskap" in lower:
        return OrganisationKind.NETWORK
    if "kooperativ" in lower:
        return OrganisationKind.SOCIAL_ENTERPRISE
    return OrganisationKind.ASSOCIATION


def _body_kind_for(name: str) -> str:
    lower = name.casefold()
    if lower == "au" or "arbetsutskott" in lower:
        return BodyKind.EXECUTIVE_COMMITTEE
    if "valberedning" in lower:
        return BodyKind.NOMINATING_COMMITTEE
    if lower.startswith("arbetsgrupp"):
        return BodyKind.WORKING_GROUP
    if "nät" in lower:
        return BodyKind.NETWORK
    return BodyKind.COUNCIL


def _parse_date(value: Any, what: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise ValidationError(
            _("%(what)s has an impossible date: %(value)s") % {"what": what, "value": value}
        ) from error


def _parse_time(value: Any, what: str) -> time | None:
    if value in (None, ""):
        return None
    text = str(value)
    if text == "24:00":
        return time(23, 59)
    try:
        return time.fromisoformat(text)
    except ValueError as error:
        raise ValidationError(
            _("%(what)s has an impossible time: %(value)s") % {"what": what, "value": value}
        ) from error


def _similar_titles(a: str, b: str) -> bool:
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return False
    if ka == kb or ka.startswith(kb) or kb.startswith(ka):
        return True
    wa, wb = set(ka.split()), set(kb.split())
    return len(wa & wb) / len(wa | wb) >= 0.5


def _overlap(
    start: time | None, end: time | None, other_start: time | None, other_end: time | None
) -> bool:
    """Whether two times of the same day overlap; an unknown time overlaps everything."""
    if start is None or other_start is None:
        return True
    day = date(2000, 1, 1)
    this_end = end or (datetime.combine(day, start) + timedelta(hours=1)).time()
    that_end = other_end or (datetime.combine(day, other_start) + timedelta(hours=1)).time()
    return start < that_end and other_start < this_end


# ---------------------------------------------------------------------------------------------
# One import
# ---------------------------------------------------------------------------------------------


@dataclass
class _CalendarRow:
    """One row of a document's calendar, read."""

    title: str
    day: date | None
    start: time | None = None
    end: time | None = None
    bodies: list[Body] = field(default_factory=list)
    place: str = ""
    when: str = ""  # the date as written, for a row without one


@dataclass
class _Entry:
    """One line of an attendance list, resolved."""

    name: str
    status: str
    person: Person
    organisation: Organisation | None
    party: Party | None
    role: str
    group: str | None


class _Import:
    def __init__(
        self,
        result: dict[str, Any],
        *,
        actor: User | None,
        existing: ImportedDocument | None,
        run: ImportRun,
    ) -> None:
        self.import_run = run
        self.result = result
        self.actor = actor
        self.existing = existing
        self.name = str(result.get("file") or "?")
        self.kind: str = result["kind"]
        self.counts: Counter[str] = Counter()
        self.warnings: list[str] = list(result.get("warnings") or [])
        self.created: dict[str, list[int]] = defaultdict(list)
        self.suggestions: list[IdentitySuggestion] = []
        self.directory = run.directory()
        self.day: date = date.today()
        self.bodies: list[Body] = []
        self.meeting: Meeting | None = None
        self.document: ImportedDocument | None = None
        # Within the document: names already resolved, and the names written for each person.
        self.people_by_key: dict[str, Person] = {}
        self.document_people: dict[int, set[str]] = defaultdict(set)
        self.organisations_by_key: dict[str, Organisation | None] = {}
        # Rows read once per document (see "Reading once" below).
        self.people: dict[int, Person] = run.people
        self.organisations: dict[int, Organisation] = run.organisations
        self.parties: dict[str, Party] = run.parties
        self.seats: dict[int, dict[int | None, list[Membership]]] = {}
        self.new_seats: list[Membership] = []
        # What the search index is to hear of at the end of the run, besides the meeting.
        self.touched: list[Any] = []

    # -- the whole -----------------------------------------------------------------------------

    def run(self) -> ImportOutcome:
        day = _parse_date(self.result.get("date"), _("The document"))
        if day is None:
            raise ValidationError(_("the document has no date."))
        self.day = day
        self.bodies = self.document_bodies()
        meeting, action, previous = self.find_or_create_meeting()
        self.meeting = meeting
        # What earlier versions made, read before this version's row replaces it.
        previous_rows = [dict(document.created_rows or {}) for document in previous]
        self.document = self.save_document(meeting)
        if (
            self.kind in ("minutes", "summary")
            and meeting.minutes_status == Meeting.MinutesStatus.NONE
        ):
            meetings.minutes_start(meeting=meeting)
        if self.kind == "minutes":
            self.import_attendance()
        # Items before the calendar's meetings exist (an item may take up a point still open
        # from an earlier meeting, which a newly planned meeting would otherwise take); the
        # points tabled here after them (they come back at the next meeting the calendar plans).
        items = self.import_agenda()
        self.import_calendar()
        self.carry_over(items)
        if self.kind == "notice" and meeting.kind in meetings.CARRY_OVER_KINDS:
            # A planned meeting: the points still open come on its agenda, as in Samverkan.
            meetings.agenda_add_carried_over_points(meeting=meeting)
        self.import_watchlist()
        self.import_working_groups()
        if self.kind == "minutes":
            self.publish()
        elif self.kind == "summary":
            self.warnings.append(
                _(
                    "The group notes are kept as draft minutes: published minutes need an attendance list."
                )
            )
        if action == "updated":
            self.remove_leftovers(previous_rows)
            # Rows were removed that the run's directory may still list.
            self.import_run.forget()
        pending = [s for s in self.suggestions if s.status == IdentitySuggestion.Status.PENDING]
        self.document.status = (
            ImportedDocument.Status.NEEDS_REVIEW if pending else ImportedDocument.Status.IMPORTED
        )
        self.document.created_rows = dict(self.created)
        self.document.message = "\n".join(self.warnings)
        self.document.save(update_fields=["status", "created_rows", "message"])
        meeting = self.meeting  # as the last service that saved it left it
        self.import_run.index_later(meeting, *self.touched)
        self.import_run.document_saved()
        message = {
            "created": _("%(file)s: the meeting of %(date)s was imported."),
            "updated": _("%(file)s: the meeting of %(date)s was updated from a corrected version."),
        }[action] % {"file": self.name, "date": self.day.isoformat()}
        return ImportOutcome(
            self.name,
            action,
            message,
            document=self.document,
            meeting=meeting,
            counts=self.counts,
            suggestions=self.suggestions,
            warnings=self.warnings,
        )

    def save_document(self, meeting: Meeting) -> ImportedDocument:
        fields = {
            "file_name": self.name[:500],
            "kind": self.kind,
            "meeting": meeting,
            "result": self.result,
            "imported_at": timezone.now(),
            "imported_by": self.actor,
            "status": ImportedDocument.Status.IMPORTED,
            "message": "",
            "created_rows": {},
        }
        if self.existing is not None:
            for name, value in fields.items():
                setattr(self.existing, name, value)
            self.existing.save()
            return self.existing
        return ImportedDocument.objects.create(sha256=self.result["sha256"], **fields)

    # -- bodies --------------------------------------------------------------------------------

    def body_named(self, name: str, *, create: bool = True) -> Body | None:
        """A body by its name or short name, in the usual spellings; made when missing."""
        usual = normalise_body(name)
        for candidate in dict.fromkeys((name.strip(), usual)):
            found = self.known_body(
                ("named", candidate),
                Body.objects.filter(Q(name__iexact=candidate) | Q(short_name__iexact=candidate)),
            )
            if found is not None:
                return found
        if not create:
            return None
        kind = _body_kind_for(usual)
        parent = None
        if kind in (
            BodyKind.EXECUTIVE_COMMITTEE,
            BodyKind.NOMINATING_COMMITTEE,
            BodyKind.WORKING_GROUP,
        ):
            parent = self.council()
        body = meetings.body_create(
            name=usual[:200],
            slug=self.free_slug(usual),
            kind=kind,
            short_name=usual[:40] if len(usual) <= 40 else "",
            parent=parent,
        )
        self.body_created(body)
        self.counts["bodies_created"] += 1
        return body

    def known_body(self, key: tuple[str, ...], query: Any) -> Body | None:
        """The first body of ``query`` by key, asked once per run (see :mod:`.runs`)."""
        known = self.import_run.bodies
        if key not in known:
            known[key] = query.order_by("pk").first()
        return known[key]

    def body_created(self, body: Body) -> None:
        self.created["bodies"].append(body.pk)
        self.touched.append(body)
        # A body that was not found before may be found now.
        known = self.import_run.bodies
        for key in [key for key, found in known.items() if found is None]:
            del known[key]

    @staticmethod
    def free_slug(name: str) -> str:
        base = (slugify(name.replace("å", "a").replace("ä", "a").replace("ö", "o")) or "organ")[:70]
        slug, number = base, 2
        while Body.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def council(self) -> Body:
        for body in self.bodies:
            if body.kind == BodyKind.COUNCIL:
                return body
        found = self.known_body(("council",), Body.objects.filter(kind=BodyKind.COUNCIL))
        if found is not None:
            return found
        return self.body_named("Samverkansrådet")  # type: ignore[return-value]

    def document_bodies(self) -> list[Body]:
        bodies: list[Body] = []
        for name in self.result.get("bodies") or []:
            body = self.body_named(str(name))
            if body is not None and body not in bodies:
                bodies.append(body)
        if not bodies:
            bodies.append(self.council())
            if self.kind != "summary":
                self.warnings.append(
                    _("The document names no body; the meeting was put under %(body)s.")
                    % {"body": bodies[0].name}
                )
        return bodies

    # -- the meeting ---------------------------------------------------------------------------

    def meeting_fields(self) -> dict[str, Any]:
        start = _parse_time(self.result.get("start_time"), _("The meeting"))
        end = _parse_time(self.result.get("end_time"), _("The meeting"))
        if start and end and end <= start:
            end = None
            self.warnings.append(_("The meeting's end time is before its start and was left out."))
        if self.kind == "summary":
            kind = MeetingKind.THEME_EVENING
        elif all(b.kind == BodyKind.WORKING_GROUP for b in self.bodies):
            kind = MeetingKind.WORKING_GROUP_MEETING
        elif len(self.bodies) > 1:
            kind = MeetingKind.JOINT_MEETING
        elif re.search(r"temakväll|workshop|dialogmöte", str(self.result.get("title")), re.I):
            kind = MeetingKind.THEME_EVENING
        else:
            kind = MeetingKind.MEETING
        return {
            "kind": kind,
            "title": meeting_title(self.result),
            "date": self.day,
            "start_time": start,
            "end_time": end,
            "place": str(self.result.get("place") or "")[:300],
        }

    def find_or_create_meeting(self) -> tuple[Meeting, str, list[ImportedDocument]]:
        fields = self.meeting_fields()
        match, clash = self.matching_meeting(fields)
        if match is None:
            if clash:
                # Another meeting of these bodies then: meeting_create says so.
                meeting = meetings.meeting_create(bodies=self.bodies, carry_over=False, **fields)
            else:
                meeting = self.new_meeting(fields)
            self.counts["meetings_created"] += 1
            return meeting, "created", []
        previous = list(match.imported_documents.exclude(pk=getattr(self.existing, "pk", None)))
        imported_before = bool(previous) or (
            self.existing is not None and self.existing.meeting_id == match.pk
        )
        if self.kind == "notice" and match.minutes_status != Meeting.MinutesStatus.NONE:
            raise _Skip(
                _(
                    "%(file)s is a notice, and the meeting of %(date)s already has minutes; "
                    "the notice was not imported."
                )
                % {"file": self.name, "date": self.day.isoformat()}
            )
        if not imported_before:
            self.check_may_take_over(match)
        elif (
            match.minutes_revisions.exists()
            or AgendaItem.objects.filter(meeting=match, attachments__isnull=False).exists()
        ):
            raise _Skip(
                _(
                    "%(file)s: the meeting of %(date)s was changed in Samverkan after it was "
                    "imported (revised minutes or attachments); the corrected file was not imported."
                )
                % {"file": self.name, "date": self.day.isoformat()}
            )
        _clear_imported_content(match, self.import_run)
        if match.status == Meeting.Status.NOTICE_SENT:
            # Invitations went out: change nothing they say (no update emails for an import).
            fields = {"kind": fields["kind"]}
        meeting = meetings.meeting_update(meeting=match, bodies=self.bodies, **fields)
        if self.existing is not None and self.existing.meeting_id == match.pk:
            previous.append(self.existing)
        return meeting, ("updated" if imported_before else "created"), previous

    def new_meeting(self, fields: dict[str, Any]) -> Meeting:
        """The meeting ``meetings.meeting_create`` makes (without carried-over points) when
        nothing clashes with it, written with :func:`write_rows`: its values are valid by
        construction (:meth:`meeting_fields`). Minutes and notes from a meeting make it with
        its minutes begun, as ``meetings.minutes_start`` would."""
        meeting = Meeting(**fields)
        if self.kind in ("minutes", "summary"):
            meeting.minutes_status = Meeting.MinutesStatus.DRAFT
        write_rows([meeting])
        Meeting.bodies.through.objects.bulk_create(
            Meeting.bodies.through(meeting_id=meeting.pk, body_id=body.pk) for body in self.bodies
        )
        return meeting

    def matching_meeting(self, fields: dict[str, Any]) -> tuple[Meeting | None, bool]:
        """The meeting this document is about, if it is already there: on the same date, of
        the same bodies (or sharing the first), at an overlapping time or with a similar
        title; one made by an earlier import of the same bodies first. And whether a meeting
        of any of the bodies overlaps the document's time that day (for meeting_create, a
        clash)."""
        wanted = {b.pk for b in self.bodies}
        candidates = (
            Meeting.objects.filter(date=self.day, bodies__in=self.bodies)
            .exclude(status=Meeting.Status.CANCELLED)
            .distinct()
            .prefetch_related("bodies")
        )
        ranked: list[tuple[tuple[int, int, int], int, Meeting]] = []
        clash = False
        for meeting in candidates:
            body_ids = {b.pk for b in meeting.bodies.all()}
            overlapping = meeting.all_day or _overlap(
                fields["start_time"], fields["end_time"], meeting.start_time, meeting.end_time
            )
            clash = clash or overlapping
            similar = _similar_titles(fields["title"], meeting.title)
            if not (overlapping or similar):
                continue
            same_bodies = body_ids == wanted
            if not same_bodies and self.bodies[0].pk not in body_ids:
                continue
            imported = meeting.imported_documents.exists()
            rank = (int(imported and same_bodies), int(same_bodies), int(similar))
            ranked.append((rank, -meeting.pk, meeting))
        if not ranked:
            return None, clash
        ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
        return ranked[0][2], clash

    def check_may_take_over(self, meeting: Meeting) -> None:
        """A meeting made in Samverkan (planned, perhaps from a calendar) gets its minutes
        from the document, unless it already has minutes of its own."""
        if meeting.minutes_status != Meeting.MinutesStatus.NONE or meeting.attendances.exists():
            raise _Skip(
                _(
                    "%(file)s: the meeting of %(date)s already has minutes written in "
                    "Samverkan; the file was not imported."
                )
                % {"file": self.name, "date": self.day.isoformat()}
            )
        if (
            self.kind == "notice"
            and meeting.agenda_items.exclude(carried_over_from__isnull=False).exists()
        ):
            raise _Skip(
                _("%(file)s: the meeting of %(date)s already has an agenda in Samverkan.")
                % {"file": self.name, "date": self.day.isoformat()}
            )

    # -- who is who ----------------------------------------------------------------------------

    def organisation_for(
        self, text: str | None, *, department: bool = False
    ) -> tuple[Organisation | None, Resolution | None]:
        """The organisation written as ``text``, made (or made provisionally, with a
        suggestion) when not sure; ``(None, None)`` for no text."""
        if not text or not text.strip():
            return None, None
        resolution = self.directory.resolve_organisation(text, on=self.day)
        return self.organisation_from(resolution, department=department), resolution

    def organisation_from(
        self, resolution: Resolution, *, department: bool = False
    ) -> Organisation:
        key = resolution.text.casefold()
        if key in self.organisations_by_key and self.organisations_by_key[key] is not None:
            return self.organisations_by_key[key]  # type: ignore[return-value]
        if resolution.sure:
            organisation = self.organisation(resolution.match_id)  # type: ignore[arg-type]
            if resolution.pending is not None:
                self.copy_pending(resolution.pending, resolution.text)
            self.counts["organisations_matched"] += 1
        else:
            organisation = organisation_create(
                name=resolution.text[:200],
                kind=organisation_kind_for(resolution.text, department_hint=department),
            )
            self.touched.append(organisation)
            self.organisations[organisation.pk] = organisation
            self.directory.organisation_added(organisation)
            self.created["organisations"].append(organisation.pk)
            self.counts["organisations_created"] += 1
            if resolution.candidate_id is not None:
                self.suggest(resolution, provisional_organisation=organisation)
        self.organisations_by_key[key] = organisation
        return organisation

    def person_for(
        self,
        name: str,
        *,
        organisation: Resolution | None = None,
        party: str | None = None,
    ) -> tuple[Person, Resolution]:
        """The person written as ``name`` in an attendance list (or named in a working group
        or a substitution): found, or made (provisionally, with a suggestion, when a known
        person looks similar)."""
        key = person_key(name)
        if key in self.people_by_key:
            person = self.people_by_key[key]
            return person, Resolution(IdentityKind.PERSON, name, "exact", match_id=person.pk)
        organisation_ids = [organisation.match_id] if organisation and organisation.sure else []
        resolution = self.directory.resolve_person(
            name,
            organisation_ids=organisation_ids,  # type: ignore[arg-type]
            party=party,
            taken=self.document_people.keys(),
        )
        if resolution.sure:
            person = self.person(resolution.match_id)  # type: ignore[arg-type]
            if resolution.pending is not None:
                self.copy_pending(resolution.pending, name)
            self.counts["people_matched"] += 1
            if resolution.rule == "double_surname" and len(person_key(name)) > len(
                person_key(person.name)
            ):
                # "Tina Fingal" known, "Tina Fingal Swens" written: keep the fuller name.
                old_name = person.name
                person = meetings.person_update(
                    person=person, name=name, email=person.email, phone=person.phone
                )
                self.directory.person_renamed(person, old_name)
                self.counts["people_renamed"] += 1
        else:
            person = meetings.person_create(name=name)
            self.people[person.pk] = person
            self.directory.person_added(person)
            self.created["people"].append(person.pk)
            self.counts["people_created"] += 1
            if resolution.candidate_id is not None:
                self.suggest(resolution, provisional_person=person)
        self.people_by_key[key] = person
        self.document_people[person.pk].add(name)
        return person, resolution

    def mentioned(self, name: str) -> Person | None:
        """A person named in the text, when it is sure who (see identity.resolve_mention)."""
        resolution = self.directory.resolve_mention(name, self.document_people)
        if not resolution.sure:
            return None
        return self.person(resolution.match_id, missing_ok=True)  # type: ignore[arg-type]

    def suggest(
        self,
        resolution: Resolution,
        *,
        provisional_person: Person | None = None,
        provisional_organisation: Organisation | None = None,
    ) -> IdentitySuggestion:
        suggestion = IdentitySuggestion.objects.create(
            document=self.document,
            kind=resolution.kind,
            text=resolution.text[:300],
            candidate_person_id=resolution.candidate_id if provisional_person else None,
            candidate_organisation_id=resolution.candidate_id if provisional_organisation else None,
            provisional_person=provisional_person,
            provisional_organisation=provisional_organisation,
            score=round(resolution.score, 3),
            evidence=resolution.evidence,
        )
        self.directory.pending_added(suggestion)
        self.suggestions.append(suggestion)
        self.counts["suggestions"] += 1
        return suggestion

    def copy_pending(self, pending: IdentitySuggestion, text: str) -> None:
        """A name that matched a provisional person (organisation) still under review: this
        document needs the same answer, so it gets the question too."""
        if any(
            s.provisional_person_id == pending.provisional_person_id
            and s.provisional_organisation_id == pending.provisional_organisation_id
            for s in self.suggestions
        ):
            return
        suggestion = IdentitySuggestion.objects.create(
            document=self.document,
            kind=pending.kind,
            text=text[:300],
            candidate_person_id=pending.candidate_person_id,
            candidate_organisation_id=pending.candidate_organisation_id,
            provisional_person_id=pending.provisional_person_id,
            provisional_organisation_id=pending.provisional_organisation_id,
            score=pending.score,
            evidence=pending.evidence,
        )
        self.suggestions.append(suggestion)
        self.counts["suggestions"] += 1

    # -- reading once ----------------------------------------------------------------------------
    # The people, organisations, parties and seats a document needs are read in a few queries
    # and kept for the document; what the import adds is added to them as it goes.

    def person(self, pk: int, *, missing_ok: bool = False) -> Person:
        person = self.people.get(pk)
        if person is None:
            found = Person.objects.filter(pk=pk).first()
            if found is None:
                if missing_ok:
                    return None  # type: ignore[return-value]
                raise Person.DoesNotExist(pk)
            person = self.people[pk] = found
        return person

    def organisation(self, pk: int) -> Organisation:
        organisation = self.organisations.get(pk)
        if organisation is None:
            organisation = self.organisations[pk] = Organisation.objects.get(pk=pk)
        return organisation

    def read_people_and_organisations(self, names: list[str], organisations: list[str]) -> None:
        """Read in one query each the people and organisations that these names are
        written exactly as (or remembered as): most of a document's names."""
        directory = self.directory
        person_ids: set[int] = set()
        for name in names:
            key = person_key(name)
            person_ids.update(directory.people_by_key.get(key, ()))
            remembered = directory.aliases.get((IdentityKind.PERSON, key))
            if remembered:
                person_ids.add(remembered)
        organisation_ids: set[int] = set()
        for text in organisations:
            key = organisation_key(text)
            found = [
                *directory.organisations_by_key.get(key, ()),
                *directory.organisations_by_words.get(organisation_words_key(text), ()),
            ]
            remembered = directory.aliases.get((IdentityKind.ORGANISATION, key))
            if remembered:
                found.append(remembered)
            for pk in found:
                organisation_ids.update(directory.with_links(pk))
        person_ids -= self.people.keys()
        organisation_ids -= self.organisations.keys()
        if person_ids:
            self.people.update(Person.objects.in_bulk(person_ids))
        if organisation_ids:
            self.organisations.update(Organisation.objects.in_bulk(organisation_ids))

    def party(self, abbreviation: str | None) -> Party | None:
        if not abbreviation:
            return None
        key = abbreviation[:10]
        if key not in self.parties:
            party, _created = Party.objects.get_or_create(
                abbreviation=key,
                defaults={"name": _PARTY_NAMES.get(abbreviation.upper(), abbreviation)[:100]},
            )
            self.parties[key] = party
        return self.parties[key]

    def seat_organisation(self, seat: Membership | None) -> Organisation | None:
        if seat is None or seat.organisation_id is None:
            return None
        return self.organisation(seat.organisation_id)

    def seat_party(self, seat: Membership | None) -> Party | None:
        return self.party_with_pk(seat.party_id if seat else None)

    def party_with_pk(self, pk: int | None) -> Party | None:
        if pk is None:
            return None
        party = next((p for p in self.parties.values() if p.pk == pk), None)
        if party is None:
            party = Party.objects.get(pk=pk)
            self.parties[party.abbreviation] = party
        return party

    def read_parties(self, abbreviations: set[str]) -> None:
        wanted = {a[:10] for a in abbreviations if a} - self.parties.keys()
        if wanted:
            for party in Party.objects.filter(abbreviation__in=wanted):
                self.parties[party.abbreviation] = party

    def read_seats(self, bodies: list[Body]) -> None:
        """Every seat in these bodies, by body and person (None for vacant seats), as the
        database has them; each body's seats are read once per document and the seats the
        document adds are added (:meth:`add_seat`)."""
        missing = [b.pk for b in bodies if b.pk not in self.seats]
        if missing:
            by_pk = {b.pk: b for b in bodies}
            for pk in missing:
                self.seats[pk] = defaultdict(list)
            for seat in Membership.objects.filter(body_id__in=missing).order_by("start", "pk"):
                seat.body = by_pk[seat.body_id]
                self.seats[seat.body_id][seat.person_id].append(seat)

    def seats_of(self, person: Person | None, body: Body) -> list[Membership]:
        """``person``'s seats in ``body`` (the vacant ones for None)."""
        self.read_seats([body])
        return self.seats[body.pk][person.pk if person else None]

    def seats_on(self, person: Person, bodies: list[Body]) -> list[Membership]:
        """``person``'s seats in ``bodies`` on the meeting's date, as ``members_on`` would
        list them (by the body's name, then the role)."""
        day = self.day
        held = [
            seat
            for body in bodies
            for seat in self.seats_of(person, body)
            if seat.start <= day and (seat.end is None or seat.end >= day)
        ]
        return sorted(held, key=lambda seat: (seat.body.name, seat.role))

    # -- attendance ----------------------------------------------------------------------------

    def group_body(self, group: str | None) -> Body | None:
        if not group:
            return None
        usual = normalise_body(group).casefold()
        for body in self.bodies:
            if usual in (body.name.casefold(), body.short_name.casefold()):
                return body
        return None

    def seat_body(
        self, person: Person, group: str | None, organisation: Organisation | None
    ) -> Body:
        """The body a person listed in the attendance holds their seat in."""
        body = self.group_body(group)
        if body is not None:
            return body
        held = self.seats_on(person, self.bodies)
        if held:
            return held[0].body
        if organisation is not None and organisation.kind == OrganisationKind.MUNICIPAL_DEPARTMENT:
            for candidate in self.bodies:
                if candidate.kind == BodyKind.NETWORK:
                    return candidate
        for candidate in self.bodies:
            if candidate.kind == BodyKind.COUNCIL:
                return candidate
        return self.bodies[0]

    def ensure_seat(
        self,
        body: Body,
        person: Person | None,
        *,
        organisation: Organisation | None = None,
        party: Party | None = None,
        role: str = "",
    ) -> None:
        """Give ``person`` a seat in ``body`` on the meeting's date unless they have one
        (see the module's docstring); ``person=None`` is a vacant seat of
        ``organisation``."""
        if party is not None:
            organisation = None
        day = self.day
        seats = [
            seat
            for seat in self.seats_of(person, body)
            if person is not None or seat.organisation_id == organisation.pk  # type: ignore[union-attr]
        ]
        # By start, then in the order they were made (new seats after the stored ones).
        seats.sort(key=lambda seat: (seat.start, seat.pk is None, seat.pk or 0))
        covering = next(
            (m for m in seats if m.start <= day and (m.end is None or m.end >= day)), None
        )
        if covering is not None:
            changed = (
                (role and covering.role != role)
                or (organisation is not None and covering.organisation_id != organisation.pk)
                or (party is not None and covering.party_id != party.pk)
            )
            if person is not None and changed and covering.start < day:
                # A new role, organisation or party from this meeting on.
                ends = covering.end
                meetings.membership_end(membership=covering, end=day - timedelta(days=1))
                self.add_seat(
                    body,
                    person,
                    organisation or (None if party else self.seat_organisation(covering)),
                    party or (None if organisation else self.seat_party(covering)),
                    role or covering.role,
                    ends,
                )
            return
        later = next((m for m in seats if m.start > day), None)
        end = later.start - timedelta(days=1) if later is not None and person is not None else None
        if person is None and later is not None:
            return  # a vacant seat of that organisation is already there from later on
        self.add_seat(body, person, organisation, party, role or MembershipRole.MEMBER, end)

    def add_seat(
        self,
        body: Body,
        person: Person | None,
        organisation: Organisation | None,
        party: Party | None,
        role: str,
        end: date | None,
    ) -> None:
        """A new seat from the meeting's date. It is written with the document's other new
        seats (:meth:`save_seats`) when ``meetings.membership_add`` would accept it as it is
        (no overlapping seat, no account to give a role); otherwise that service writes it
        now, with its checks, its error and the role it grants."""
        if party is not None:
            organisation = None
        start = self.day
        overlapping = person is not None and any(
            (seat.end is None or seat.end >= start) and (end is None or seat.start <= end)
            for seat in self.seats_of(person, body)
        )
        refused = overlapping or (person is None and organisation is None)
        if refused or (person is not None and person.user_id):
            self.save_seats()
            membership = meetings.membership_add(
                body=body,
                person=person,
                start=start,
                end=end,
                organisation=organisation,
                party=party,
                role=role,
            )
        else:
            membership = Membership(
                body=body,
                person=person,
                organisation=organisation,
                party=party,
                role=role,
                title="",
                start=start,
                end=end,
            )
            self.new_seats.append(membership)
        membership.body = body
        self.seats_of(person, body).append(membership)
        self.counts["memberships_created"] += 1
        if membership.pk is not None:
            self.created["memberships"].append(membership.pk)
        if person is not None:
            self.directory.note_representation(
                person.pk, membership.organisation_id, party.abbreviation if party else None
            )

    def save_seats(self) -> None:
        """Write the new seats waiting in :attr:`new_seats`, in one query."""
        if not self.new_seats:
            return
        write_rows(self.new_seats)
        self.created["memberships"].extend(seat.pk for seat in self.new_seats)
        self.new_seats = []

    def import_attendance(self) -> None:
        assert self.meeting is not None
        substitutes = {
            person_key(s["substitute"]): s["for"]
            for s in self.result.get("substitutions") or []
            if s.get("substitute") and s.get("for")
        }
        listed_rows = [
            (status, raw)
            for status, listed in (
                (Attendance.Status.PRESENT, self.result.get("present") or []),
                (Attendance.Status.APOLOGIES, self.result.get("absent") or []),
            )
            for raw in listed
        ]
        self.read_people_and_organisations(
            [str(raw.get("name") or "") for _status, raw in listed_rows]
            + list(substitutes.values()),
            [
                str(raw["organisation"])
                for _status, raw in listed_rows
                if raw.get("organisation") and not raw.get("party")
            ]
            + [str(v) for v in self.result.get("vacancies") or []],
        )
        self.read_parties({str(raw.get("party") or "") for _status, raw in listed_rows})
        self.read_seats(self.bodies)
        entries: list[_Entry] = []
        for status, raw in listed_rows:
            name = " ".join(str(raw.get("name") or "").split())
            if not name:
                continue
            role_text = str(raw.get("role") or "").strip().casefold()
            organisation_resolution = None
            body_hint = self.group_body(raw.get("group"))
            department = body_hint is not None and body_hint.kind == BodyKind.NETWORK
            if raw.get("organisation") and not raw.get("party"):
                organisation_resolution = self.directory.resolve_organisation(
                    raw["organisation"], on=self.day
                )
            person, resolution = self.person_for(
                name, organisation=organisation_resolution, party=raw.get("party")
            )
            organisation = None
            if organisation_resolution is not None:
                if (
                    not organisation_resolution.sure
                    and organisation_resolution.candidate_id is not None
                    and resolution.sure
                    and organisation_resolution.candidate_id
                    in self.directory.people[person.pk].organisation_ids
                ):
                    # The person is sure and has represented the similar organisation.
                    organisation_resolution.match_id = organisation_resolution.candidate_id
                    organisation_resolution.candidate_id = None
                organisation = self.organisation_from(
                    organisation_resolution, department=department
                )
            status_here = Attendance.Status.GUEST if role_text == GUEST_ROLE else status
            entries.append(
                _Entry(
                    name,
                    status_here,
                    person,
                    organisation,
                    self.party(raw.get("party")),
                    _ROLES.get(role_text, ""),
                    raw.get("group"),
                )
            )
        substituted: dict[int, Person] = {}
        for entry in entries:
            for_name = substitutes.get(person_key(entry.name))
            if entry.status == Attendance.Status.GUEST:
                continue
            body = self.seat_body(entry.person, entry.group, entry.organisation)
            if for_name and entry.status == Attendance.Status.PRESENT:
                holder, _resolution = self.person_for(
                    for_name,
                    organisation=(
                        Resolution(IdentityKind.ORGANISATION, "", match_id=entry.organisation.pk)
                        if entry.organisation
                        else None
                    ),
                )
                self.ensure_seat(body, holder, organisation=entry.organisation, party=entry.party)
                substituted[entry.person.pk] = holder
                continue
            self.ensure_seat(
                body,
                entry.person,
                organisation=entry.organisation,
                party=entry.party,
                role=entry.role,
            )
        self.save_seats()
        self.record_attendance(entries, substituted)
        for vacancy in self.result.get("vacancies") or []:
            text = " ".join(str(vacancy).split())
            if not text or text.casefold() == "vakans" or self.body_named(text, create=False):
                continue  # a vacancy named after its group: no organisation to hold the seat
            organisation, _resolution = self.organisation_for(text, department=True)
            assert organisation is not None
            body = self.seat_body_for_vacancy(organisation)
            self.ensure_seat(body, None, organisation=organisation)
            self.counts["vacancies"] += 1
        self.save_seats()

    def record_attendance(self, entries: list[_Entry], substituted: dict[int, Person]) -> None:
        """One attendance row per person, with the body, organisation, party and role of
        their seat (as ``meetings.attendance_record`` records them), written in one query.
        A row that service would refuse goes through it, to fail with its reason."""
        assert self.meeting is not None
        rows: list[Attendance] = []
        recorded: set[int] = set()
        for entry in entries:
            if entry.person.pk in recorded:
                continue
            recorded.add(entry.person.pk)
            substitute_for = substituted.get(entry.person.pk)
            # The council first, then the network, then others (attendance_record's order).
            held = sorted(
                self.seats_on(entry.person, self.bodies),
                key=lambda seat: (_SEAT_PRECEDENCE.get(seat.body.kind, 2), seat.body_id),
            )
            seat = held[0] if held else None
            self.counts[f"attendance_{entry.status}"] += 1
            if (
                self.meeting.minutes_status == Meeting.MinutesStatus.PUBLISHED
                or (
                    seat is None
                    and entry.status != Attendance.Status.GUEST
                    and substitute_for is None
                )
                or (substitute_for is not None and substitute_for.pk == entry.person.pk)
            ):
                attendance = meetings.attendance_record(
                    meeting=self.meeting,
                    person=entry.person,
                    status=entry.status,
                    substitute_for=substitute_for,
                )
                self.note_attended(attendance)
                continue
            source = seat
            if source is None and substitute_for is not None:
                theirs = self.seats_on(substitute_for, self.bodies)
                source = theirs[0] if theirs else None
            rows.append(
                Attendance(
                    meeting=self.meeting,
                    person=entry.person,
                    status=entry.status,
                    substitute_for=substitute_for,
                    note="",
                    body=source.body if source else None,
                    organisation_id=source.organisation_id if source else None,
                    party_id=source.party_id if source else None,
                    role=seat.role if seat else "",
                )
            )
            self.note_attended(rows[-1])
        write_rows(rows)

    def note_attended(self, attendance: Attendance) -> None:
        """The directory of the run learns what the person represented at this meeting, as
        it would by reading the attendance rows again."""
        party = self.party_with_pk(attendance.party_id)
        self.directory.note_representation(
            attendance.person_id, attendance.organisation_id, party.abbreviation if party else None
        )

    def seat_body_for_vacancy(self, organisation: Organisation) -> Body:
        if organisation.kind == OrganisationKind.MUNICIPAL_DEPARTMENT:
            for body in self.bodies:
                if body.kind == BodyKind.NETWORK:
                    return body
        return self.bodies[0]

    # -- agenda --------------------------------------------------------------------------------

    def positions(self, items: list[dict[str, Any]]) -> list[int]:
        numbers = []
        for item in items:
            number = str(item.get("number") or "").strip().lstrip("§").strip().rstrip(".")
            numbers.append(int(number) if number.isdigit() else None)
        if all(n is not None and 0 < n < 32000 for n in numbers) and all(
            a < b
            for a, b in zip(numbers, numbers[1:], strict=False)  # type: ignore[operator]
        ):
            return numbers  # type: ignore[return-value]
        return list(range(1, len(items) + 1))

    def open_points(self) -> list[CarriedOverPoint]:
        return list(
            CarriedOverPoint.objects.filter(
                body__in=self.bodies,
                resolved_in__isnull=True,
                origin__meeting__date__lt=self.day,
            )
            .exclude(origin__meeting=self.meeting)
            .order_by("origin__meeting__date", "pk")
        )

    def import_agenda(self) -> list[tuple[AgendaItem, dict[str, Any]]]:
        """The items with their notes, decisions and action items, each kind written in one
        query. They are the rows ``meetings.agenda_item_add``, ``agenda_item_record``,
        ``decision_add`` and ``action_item_add`` would write: the meeting's agenda is empty
        here (new, or cleared for this document) and its minutes are a draft, so those
        services' checks pass; what the document could get wrong (a type, a date) is checked
        before anything is written."""
        assert self.meeting is not None
        meeting = self.meeting
        made: list[tuple[AgendaItem, dict[str, Any]]] = []
        items = self.result.get("agenda_items") or []
        open_points = self.open_points() if self.kind != "notice" else []
        resolved: list[CarriedOverPoint] = []
        decision_texts: list[tuple[AgendaItem, str]] = []
        actions: list[tuple[AgendaItem, ActionItem]] = []
        decision_body = min(self.bodies, key=lambda body: body.pk)
        for position, raw in zip(self.positions(items), items, strict=True):
            title = " ".join(str(raw.get("title") or "").split())[:300] or _("Item %(n)s") % {
                "n": position
            }
            types = [str(t).casefold() for t in raw.get("types") or []]
            if not set(types) <= {"information", "beslut", "diskussion"}:
                raise ValidationError(
                    _("Item %(title)s has an unknown type: %(types)s")
                    % {"title": title, "types": ", ".join(types)}
                )
            item_type = _ITEM_TYPES[frozenset(types)] or (
                ItemType.DECISION if raw.get("decisions") else ItemType.INFORMATION
            )
            text = str(raw.get("text") or "").strip()
            point = next((p for p in open_points if _similar_titles(p.title, title)), None)
            item = AgendaItem(
                meeting=meeting,
                title=title.strip(),
                item_type=item_type,
                presenter="",
                description=text if self.kind == "notice" else "",
                notes=text if self.kind != "notice" else "",
                position=position,
                carried_over_from=point,
            )
            self.counts["agenda_items"] += 1
            made.append((item, raw))
            if point is not None:
                open_points.remove(point)
                point.resolved_in = item
                resolved.append(point)
                self.counts["carried_over_resolved"] += 1
            if self.kind == "notice":
                continue
            for decision in raw.get("decisions") or []:
                if str(decision).strip():
                    decision_texts.append((item, str(decision)))
                    self.counts["decisions"] += 1
            for action in raw.get("actions") or []:
                action_item = self.import_action(item, action)
                if action_item is not None:
                    actions.append((item, action_item))
        write_rows([item for item, _raw in made])
        for point in resolved:
            CarriedOverPoint.objects.filter(pk=point.pk).update(resolved_in=point.resolved_in)
        write_rows(
            [
                Decision(
                    agenda_item=item,
                    body=decision_body,
                    date=meeting.date or timezone.localdate(),
                    text=text.strip(),
                    search_document=search_document(text, item.title),
                )
                for item, text in decision_texts
            ]
        )
        write_rows([action_item for _item, action_item in actions])
        return made

    def carry_over(self, items: list[tuple[AgendaItem, dict[str, Any]]]) -> None:
        """Points tabled or to follow up: they come back at the body's next meeting.

        The points are those ``meetings.point_carry_over`` makes, written in one query, and
        the body's next business meeting (if it is already planned) gets them on its agenda
        from ``meetings.agenda_add_carried_over_points``. That service is asked once for all
        of them, unless points of meetings between this one and that one are still open:
        then once per point, as point_carry_over would, so that the agenda has the same
        order."""
        if self.kind == "notice":
            return
        assert self.meeting is not None
        body = min(self.bodies, key=lambda b: b.pk)
        points: list[CarriedOverPoint] = []
        for item, raw in items:
            text = str(raw.get("text") or "")
            for tabled in raw.get("tabled") or []:
                reason = _("Lack of time") if _TIDSBRIST_RE.search(text) else ""
                title = str(tabled).strip()[:300] or item.title
                points.append(self.point(item, body, CarriedOverPoint.Kind.TABLED, title, reason))
                self.counts["tabled"] += 1
            if raw.get("follow_up"):
                points.append(self.point(item, body, CarriedOverPoint.Kind.FOLLOW_UP, item.title))
                self.counts["follow_ups"] += 1
        if not points:
            return
        following = self.next_business_meeting(body)
        if following is None:
            write_rows(points)
            return
        between = (
            CarriedOverPoint.objects.filter(
                body__in=following.bodies.all(),
                resolved_in__isnull=True,
                origin__meeting__date__gt=self.day,
                origin__meeting__date__lt=following.date,
            )
            .exclude(origin__meeting=following)
            .exists()
        )
        if between:
            for point in points:
                point.save()
                meetings.agenda_add_carried_over_points(meeting=following)
        else:
            write_rows(points)
            meetings.agenda_add_carried_over_points(meeting=following)
        self.touched.append(following)

    def point(
        self, item: AgendaItem, body: Body, kind: str, title: str, reason: str = ""
    ) -> CarriedOverPoint:
        """The point (not yet written) ``meetings.point_carry_over`` would make."""
        return CarriedOverPoint(
            origin=item,
            body=body,
            kind=kind,
            title=(title or item.title).strip(),
            reason=reason,
            previous=item.carried_over_from,
        )

    def next_business_meeting(self, body: Body) -> Meeting | None:
        """The body's next business meeting after this one that is planned and has no
        published minutes: where ``meetings.point_carry_over`` brings a point back."""
        return (
            Meeting.objects.filter(
                bodies__in=[body],
                date__gt=self.meeting.date or timezone.localdate(),  # type: ignore[union-attr]
                kind__in=meetings.CARRY_OVER_KINDS,
            )
            .exclude(status=Meeting.Status.CANCELLED)
            .exclude(minutes_status=Meeting.MinutesStatus.PUBLISHED)
            .order_by("date", "start_time")
            .first()
        )

    def import_action(self, item: AgendaItem, action: dict[str, Any]) -> ActionItem | None:
        """The action item (not yet written) that ``meetings.action_item_add`` would make."""
        what = str(action.get("what") or "").strip()
        owner_text = " ".join(str(action.get("owner") or "").split())
        if not what:
            return None
        due = _parse_date(action.get("due"), _("An action item"))
        owner = self.mentioned(owner_text) if owner_text else None
        self.counts["action_items"] += 1
        return ActionItem(
            agenda_item=item,
            what=(what[0].upper() + what[1:]).strip(),
            owner=owner,
            owner_text="" if owner else (owner_text or _("Not stated"))[:200].strip(),
            due=due,
        )

    # -- the watch list ------------------------------------------------------------------------

    def abbreviations(self) -> dict[str, str]:
        """Abbreviations the document explains itself: "Kommunledningsförvaltningen (KLF)"."""
        found: dict[str, str] = {}
        for item in self.result.get("agenda_items") or []:
            for line in str(item.get("text") or "").splitlines():
                for match in _ABBREVIATION_RE.finditer(line):
                    before = line[: match.start()].rstrip()
                    name = before.rsplit("(", 1)[-1].strip(" :,")
                    words = name.split()
                    if words and words[-1].casefold().endswith(
                        ("förvaltningen", "kontoret", "nämnden")
                    ):
                        found.setdefault(match.group(1), name)
        return found

    def watch_owner(
        self, owner_text: str | None, abbreviations: dict[str, str]
    ) -> Organisation | None:
        if not owner_text:
            return None
        for text in dict.fromkeys((abbreviations.get(owner_text, ""), owner_text)):
            if not text:
                continue
            resolution = self.directory.resolve_organisation(text, on=self.day)
            if resolution.sure:
                return self.organisation(resolution.match_id)  # type: ignore[arg-type]
        return None

    def import_watchlist(self) -> None:
        assert self.meeting is not None
        entries = self.result.get("watchlist") or []
        abbreviations = self.abbreviations() if entries else {}
        titles = [" ".join(str(entry.get("title") or "").split())[:300] for entry in entries]
        # The items by the same compared title, in one query (watch_item_find's first answer).
        known = {
            item.title_key: item
            for item in WatchItem.objects.filter(title_key__in={title_key(t) for t in titles})
        }
        for entry, title in zip(entries, titles, strict=True):
            if not title_key(title):
                continue
            kind = _WATCH_KINDS.get(str(entry.get("kind") or "").casefold(), "")
            owner_text = str(entry.get("owner") or "").strip()
            owner = self.watch_owner(owner_text, abbreviations)
            item = known.get(title_key(title)) or watch_item_find(title)
            if item is None:
                item = watch_item_create(title=title, kind=kind, owner=owner, owner_text=owner_text)
                self.counts["watch_items_created"] += 1
            else:
                missing: dict[str, Any] = {}
                if kind and not item.kind:
                    missing["kind"] = kind
                if owner is not None and item.owner_id is None:
                    missing["owner"] = owner
                if owner_text and not item.owner_text:
                    missing["owner_text"] = owner_text
                if missing:
                    watch_item_edit(item=item, **missing)
                self.counts["watch_items_updated"] += 1
            self.touched.append(item)
            note = str(entry.get("note") or "")
            watch_item_update_add(
                item=item, date=self.day, note=note, meeting=self.meeting, status=watch_status(note)
            )

    # -- working groups ------------------------------------------------------------------------

    def working_group(self, title: str) -> Body:
        """The working group of that title ("Arbetsgrupp" in front or not), made under the
        council when missing."""
        name = title if title.casefold().startswith("arbetsgrupp") else f"Arbetsgrupp {title}"
        bare = re.sub(r"^arbetsgrupp(?:en)?\s*:?\s*", "", title, flags=re.IGNORECASE)
        body = self.known_body(
            ("working group", name, title, bare),
            Body.objects.filter(kind=BodyKind.WORKING_GROUP).filter(
                Q(name__iexact=name[:200])
                | Q(name__iexact=title[:200])
                | Q(name__iexact=f"Arbetsgrupp {bare}"[:200])
            ),
        )
        if body is None:
            body = meetings.body_create(
                name=name[:200],
                slug=self.free_slug(name),
                kind=BodyKind.WORKING_GROUP,
                parent=self.council(),
                active_from=self.day,
            )
            self.body_created(body)
            self.counts["working_groups_created"] += 1
        return body

    def import_working_groups(self) -> None:
        for group in self.result.get("working_groups") or []:
            title = " ".join(str(group.get("title") or "").split())
            if not title:
                continue
            body = self.working_group(title)
            for member in group.get("members") or []:
                member = " ".join(str(member).split())
                if not member:
                    continue
                person = self.mentioned(member)
                if person is None:
                    person, _resolution = self.person_for(member)
                held = self.seats_on(person, self.bodies)
                seat = held[0] if held else None
                self.ensure_seat(
                    body,
                    person,
                    organisation=self.seat_organisation(seat),
                    party=self.seat_party(seat),
                )
                self.counts["working_group_members"] += 1
        self.save_seats()

    # -- the calendar --------------------------------------------------------------------------

    def calendar_bodies(self, title: str) -> list[Body]:
        lower = title.casefold()
        if re.match(r"arbetsgrupp", lower):
            return [self.working_group(title)]
        found: list[Body] = []
        for pattern, name in (
            (r"\bsamverkansråd", "Samverkansrådet"),
            (r"\bc-nät", "C-nätet"),
            (r"\bau\b|\barbetsutskott", "AU"),
            (r"\bvalberedning", "Valberedningen"),
        ):
            if re.search(pattern, lower):
                body = self.body_named(name, create=name in ("AU",) and lower.strip() == "au")
                if body is None:
                    body = next((b for b in self.bodies if normalise_body(b.name) == name), None)
                if body is not None and body not in found:
                    found.append(body)
        return found or [self.bodies[0]]

    @staticmethod
    def calendar_kind(title: str, bodies: list[Body]) -> str:
        lower = title.casefold()
        if re.search(r"val- och informationskväll|valkväll|informationskväll", lower):
            return MeetingKind.ELECTION_EVENING
        if re.search(r"temakväll|workshop|dialogmöte|dialogkväll", lower):
            return MeetingKind.THEME_EVENING
        if re.search(r"konferens", lower):
            return MeetingKind.EXTERNAL_CONFERENCE
        if re.search(r"utbildning", lower):
            return MeetingKind.TRAINING
        if re.search(r"\barbetsgrupp", lower):
            return MeetingKind.WORKING_GROUP_MEETING
        return MeetingKind.JOINT_MEETING if len(bodies) > 1 else MeetingKind.MEETING

    def import_calendar(self) -> None:
        """Each dated row a planned meeting, unless the body already has a meeting that day
        at an overlapping time or with a similar title.

        The meetings are the rows ``meetings.meeting_create`` would make, written in one
        query: a row is only made when no meeting of its bodies that day overlaps it, which
        is more than that service's own check for clashes, and the other values are valid
        by construction. Points still open for their bodies are put on their agendas by
        ``meetings.agenda_add_carried_over_points``, in the order of the rows, as
        meeting_create does."""
        rows: list[_CalendarRow] = []
        for row in self.result.get("calendar") or []:
            title = " ".join(str(row.get("title") or "").split())[:300]
            day = _parse_date(row.get("date"), _("A calendar row"))
            if day is None or not title:
                rows.append(_CalendarRow(title, None, when=str(row.get("date_text") or "?")))
                continue
            start = _parse_time(row.get("start_time"), _("A calendar row"))
            end = _parse_time(row.get("end_time"), _("A calendar row"))
            if start and end and end <= start:
                end = None
            bodies = self.calendar_bodies(title)
            place = str(row.get("place") or "")[:300]
            rows.append(_CalendarRow(title, day, start, end, bodies, place))
        # The meetings of those days and bodies: {day: {meeting pk: (meeting, body pks)}}.
        same_day: dict[date, dict[int, tuple[Meeting, set[int]]]] = defaultdict(dict)
        dated = [row for row in rows if row.day is not None]
        if dated:
            links = (
                Meeting.bodies.through.objects.filter(
                    meeting__date__in={row.day for row in dated},
                    body_id__in={body.pk for row in dated for body in row.bodies},
                )
                .exclude(meeting__status=Meeting.Status.CANCELLED)
                .select_related("meeting")
            )
            for link in links:
                meeting = link.meeting
                known = same_day[meeting.date].setdefault(meeting.pk, (meeting, set()))
                known[1].add(link.body_id)
        made: list[tuple[Meeting, list[Body]]] = []
        for row in rows:
            if row.day is None:
                self.counts["calendar_undated"] += 1
                self.warnings.append(
                    _("The calendar row “%(title)s” (%(when)s) has no date and was not imported.")
                    % {"title": row.title or "?", "when": row.when}
                )
                continue
            wanted = {body.pk for body in row.bodies}
            if any(
                _similar_titles(row.title, other.title)
                or other.all_day
                or _overlap(row.start, row.end, other.start_time, other.end_time)
                for other, body_ids in same_day[row.day].values()
                if body_ids & wanted
            ):
                self.counts["calendar_existing"] += 1
                continue
            meeting = Meeting(
                kind=self.calendar_kind(row.title, row.bodies),
                title=row.title,
                date=row.day,
                start_time=row.start,
                end_time=row.end,
                place=row.place,
            )
            made.append((meeting, row.bodies))
            # Known to the rows below by a key of its own until it is written.
            same_day[row.day][-len(made)] = (meeting, wanted)
            self.counts["calendar_created"] += 1
        if not made:
            return
        write_rows([meeting for meeting, _bodies in made])
        Meeting.bodies.through.objects.bulk_create(
            Meeting.bodies.through(meeting_id=meeting.pk, body_id=body.pk)
            for meeting, bodies in made
            for body in bodies
        )
        self.bring_points_to(
            [m for m, _b in made], {m.pk: {b.pk for b in bodies} for m, bodies in made}
        )
        self.touched += [meeting for meeting, _bodies in made]

    def bring_points_to(self, planned: list[Meeting], bodies: dict[int, set[int]]) -> None:
        """What ``meeting_create`` does for each newly planned business meeting: the points
        still open for its bodies go on its agenda (asked of the service only for the
        meetings that have such points)."""
        planned = [m for m in planned if m.kind in meetings.CARRY_OVER_KINDS]
        if not planned:
            return
        open_points = list(
            CarriedOverPoint.objects.filter(
                body_id__in=set().union(*(bodies[m.pk] for m in planned)),
                resolved_in__isnull=True,
            ).values_list("pk", "body_id", "origin__meeting_id", "origin__meeting__date")
        )
        for meeting in planned:
            taken = [
                point
                for point in open_points
                if point[1] in bodies[meeting.pk]
                and point[2] != meeting.pk
                and point[3] < (meeting.date or date.max)
            ]
            if taken:
                meetings.agenda_add_carried_over_points(meeting=meeting)
                self.touched.append(meeting)
                open_points = [point for point in open_points if point not in taken]

    # -- minutes -------------------------------------------------------------------------------

    def publish(self) -> None:
        assert self.meeting is not None
        recorded_by = " ".join(str(self.result.get("recorded_by") or "").split())
        if recorded_by:
            taker = self.mentioned(recorded_by.split(",")[0])
            if taker is not None and taker.pk != self.meeting.minutes_taker_id:
                # What meeting_update would save (its checks concern the meeting's time and
                # bodies, which the import has not changed since it made or updated it).
                self.meeting.minutes_taker = taker
                self.meeting.save(update_fields=["minutes_taker", "updated_at"])
        if not self.meeting.attendances.exists():
            self.warnings.append(
                _("The document has no attendance list; the minutes are kept as a draft.")
            )
            return
        if not recorded_by:
            self.warnings.append(
                _("The document does not say who took the minutes; they are kept as a draft.")
            )
            return
        self.meeting = meetings.minutes_publish(meeting=self.meeting, recorded_by=recorded_by[:200])

    # -- a corrected version -------------------------------------------------------------------

    def remove_leftovers(self, previous: list[dict[str, list[int]]]) -> None:
        """People, organisations and seats that only an earlier version of the document had
        made (``previous``: their ``created_rows``), and that the corrected version no longer
        uses (a misspelt name, say)."""
        made: dict[str, set[int]] = defaultdict(set)
        for rows in previous:
            for kind, pks in rows.items():
                made[kind].update(pks)
        now = {kind: set(pks) for kind, pks in self.created.items()}
        used_people = set(self.document_people)
        for pk in sorted(made["people"] - used_people - now.get("people", set())):
            person = Person.objects.filter(pk=pk).first()
            if (
                person is None
                or person.attendances.exists()
                or ActionItem.objects.filter(owner=person).exists()
            ):
                continue
            if Attendance.objects.filter(substitute_for=person).exists():
                continue
            seats = Membership.objects.filter(person=person)
            if seats.exclude(pk__in=made["memberships"]).exists():
                continue
            seats.delete()
            IdentitySuggestion.objects.filter(
                provisional_person=person, status=IdentitySuggestion.Status.PENDING
            ).delete()
            if is_unreferenced(person):
                person.delete()
                self.counts["people_removed"] += 1
        for pk in sorted(made["organisations"] - now.get("organisations", set())):
            organisation = Organisation.objects.filter(pk=pk).first()
            if organisation is None:
                continue
            IdentitySuggestion.objects.filter(
                provisional_organisation=organisation, status=IdentitySuggestion.Status.PENDING
            ).delete()
            if is_unreferenced(organisation):
                self.import_run.index_later(organisation)  # its entry goes
                organisation.delete()
                self.counts["organisations_removed"] += 1


def write_rows(rows: list[Any]) -> None:
    """Write new rows of one model in one query.

    Saved one by one, each row would tell whoever listens to the model's saves (the history
    of official records; the search index, paused during an import run): they are told the
    same way here, each row as created, once the rows are written. A model with listeners
    before its saves is saved row by row instead."""
    if not rows:
        return
    model = type(rows[0])
    if pre_save.has_listeners(model):
        for row in rows:
            row.save(force_insert=True)
        return
    model.objects.bulk_create(rows)
    if post_save.has_listeners(model):
        using = router.db_for_write(model)
        for row in rows:
            post_save.send(
                sender=model, instance=row, created=True, update_fields=None, raw=False, using=using
            )


def is_unreferenced(instance: Person | Organisation) -> bool:
    """Whether nothing refers to a person or organisation any more (rows of the import's own
    bookkeeping aside)."""
    for relation in instance._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete:
            continue
        if relation.related_model is IdentitySuggestion or not (
            relation.one_to_many or relation.one_to_one
        ):
            continue
        accessor = relation.related_model._default_manager.filter(**{relation.field.name: instance})
        if accessor.exists():
            return False
    return True


def _clear_imported_content(meeting: Meeting, run: ImportRun) -> None:
    """Remove the agenda, minutes, attendance and watch-list updates of a meeting whose
    document is imported again (or of a planned meeting that gets its minutes), so that the
    document's content replaces them. The meeting row (its UID, link and invitations) stays.

    There is no service in meetings for this yet; it writes directly, inside the import's
    transaction. Points tabled at this meeting that were put on a later meeting's draft
    agenda by themselves are taken off it (the import puts them back)."""
    from samverkan.watchlist.models import WatchItemUpdate

    # What there is to remove (a meeting planned from a calendar often has nothing).
    has = (
        Meeting.objects.filter(pk=meeting.pk)
        .values(
            updates=Exists(WatchItemUpdate.objects.filter(meeting=OuterRef("pk"))),
            points=Exists(CarriedOverPoint.objects.filter(origin__meeting=OuterRef("pk"))),
            attendance=Exists(Attendance.objects.filter(meeting=OuterRef("pk"))),
            items=Exists(AgendaItem.objects.filter(meeting=OuterRef("pk"))),
        )
        .get()
    )
    if has["updates"]:
        for update in WatchItemUpdate.objects.filter(meeting=meeting).select_related("item"):
            watch_item_update_remove(update=update)
            run.index_later(update.item)
    if has["points"]:
        _take_back_carried_over_points(meeting, run)
    if has["items"]:
        run.index_later(*Decision.objects.filter(agenda_item__meeting=meeting))  # they go
    if has["attendance"]:
        meeting.attendances.all().delete()
    if has["items"]:
        meeting.agenda_items.all().delete()
    if (meeting.minutes_status, meeting.minutes_published_at, meeting.recorded_by) != (
        Meeting.MinutesStatus.NONE,
        None,
        "",
    ):
        Meeting.objects.filter(pk=meeting.pk).update(
            minutes_status=Meeting.MinutesStatus.NONE,
            minutes_published_at=None,
            recorded_by="",
        )
        meeting.refresh_from_db()


def _take_back_carried_over_points(meeting: Meeting, run: ImportRun) -> None:
    """Points tabled at ``meeting`` that were put on a later meeting's draft agenda by
    themselves are taken off it (the import puts them back)."""
    points = CarriedOverPoint.objects.filter(origin__meeting=meeting)
    brought_back = (
        AgendaItem.objects.filter(
            carried_over_from__in=points,
            notes="",
            decisions__isnull=True,
            action_items__isnull=True,
        )
        .exclude(meeting__minutes_status=Meeting.MinutesStatus.PUBLISHED)
        .exclude(meeting=meeting)
    )
    # The search entries of the meetings that lose those items.
    run.index_later(*Meeting.objects.filter(agenda_items__in=brought_back).distinct())
    brought_back.delete()
