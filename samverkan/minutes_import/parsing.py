"""Parse the text of Swedish meeting minutes into the structure of issue 4.

:func:`parse_minutes` takes the plain text of one document (from :mod:`reading`) and returns
one JSON-ready dict with every key of the shape always present (``None`` or ``[]`` when the
document says nothing). It is written for Swedish minutes in general, not for one template:

* the header: a title of up to four short lines ending with the date; labelled fields
  ("Datum:", "Tid:", "Mötesplats:", "Plats och tid:"); attendance under "Närvarande",
  "Deltagare", "Beslutande", "Frånvarande", "Förhinder", "Anmält förhinder", "Gäster" with
  one person a line or several on a line, grouped under body headings ("C-nätet");
* the items: "§ 12", "12.", "12)" in an unbroken sequence, else bold bullets
  ("- **Presentationsrunda**"), else headings ("### Grupp 1"); each with its types
  (Information, Beslut), decisions, tabled points, follow-ups and actions;
* special items: the calendar (Kalendarium), the watch list (På gång/bevakningslista),
  working groups;
* the footer: "Antecknat av", "Vid protokollet", "Justeras".

Anything the parser is unsure of is reported in ``warnings`` (translated with gettext).

Choices where issue 4 is silent
-------------------------------
* Guests ("Gäster:") are in ``present`` with role "gäst" and no group; a guest's job title
  ("digitaliseringsledare") has no place in the shape and is left out.
* Items the document does not number (bold bullets, "Grupp 1" headings) get ``number:
  None``; their order in the list is their position.
* A summary of group discussions (seed 003) has one item per group, titled as the group's
  heading; text before the first group is reported in ``warnings``.
* People in an absence list get a group only when the list has group headings itself.
* A vacancy without an organisation is named after its group, else "Vakans".
* Calendar: "Heldag" and "?" both give ``start_time``/``end_time`` ``None`` (the shape has
  no all-day flag); a "?" place is ``None``; an unknown day keeps its text in ``date_text``.
  The year comes from the calendar's heading ("ht 2023"), else from the meeting; a month
  more than six months before the meeting's is taken to be next year's.
* Watch list: an entry without "Projekt:"/"Uppdrag:"/... has ``kind: None``; the owner is
  the abbreviation in brackets ("(Kommunledningsförvaltningen (KLF))" gives "KLF") unless
  the abbreviation is the title's own acronym ("sociala innovationer (PSI)").
* Decisions are the sentences after "Beslut:" or a "Beslut" heading, "X beslutar att ...",
  "Beslut om ...", and short passive ones ("Dagordningen godkänns.").
* Actions: a sentence whose subject is a person (a known first name), an acronym (AU) or a
  group (Arbetsgruppen) and whose verb is a task ("skapar", "bokar", "tar kontakt", "ska
  boka", "får i uppdrag att ..."); reports ("informerar", "berättar") are not actions.
* ``follow_up`` is true for "följs upp vid nästa möte", "återkommer", "vid nästa/kommande
  möte/tillfälle".
* A title saying "Kallelse" over a document with attendance and notes gives "minutes" and
  a warning; "Sammanställning" gives "summary".
* A web address written without a scheme gets "https://" unless it also appears with one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from . import lexicon
from .dates import find_dates, find_time_range, first_year
from .people import (
    Person,
    Vacancy,
    clean_person_name,
    group_heading,
    is_body_name,
    is_known_first_name,
    is_name,
    normalise_body,
    parse_people,
    split_outside_brackets,
    strip_brackets,
)
from .sections import (
    CALENDAR_TITLE_RE,
    WATCHLIST_TITLE_RE,
    known_places_from,
    parse_calendar,
    parse_watchlist,
    parse_working_groups,
)
from .textlines import Line, find_links, join_wrapped, preprocess, split_sentences

# ---------------------------------------------------------------------------------------------
# Patterns, compiled once
# ---------------------------------------------------------------------------------------------


def _alternation(words: object) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_LABEL_FIELDS: dict[str, tuple[str, str | None]] = {}
for _label in lexicon.DATE_LABELS:
    _LABEL_FIELDS[_label] = ("date", None)
for _label in lexicon.TIME_LABELS:
    _LABEL_FIELDS[_label] = ("time", None)
for _label in lexicon.DATE_TIME_LABELS:
    _LABEL_FIELDS[_label] = ("date_time", None)
for _label in lexicon.PLACE_LABELS:
    _LABEL_FIELDS[_label] = ("place", None)
for _label in lexicon.PLACE_TIME_LABELS:
    _LABEL_FIELDS[_label] = ("place_time", None)
for _label, _role in lexicon.PRESENT_LABELS.items():
    _LABEL_FIELDS[_label] = ("present", _role)
for _label in lexicon.ABSENT_LABELS:
    _LABEL_FIELDS[_label] = ("absent", None)
for _label in lexicon.GUEST_LABELS:
    _LABEL_FIELDS[_label] = ("guest", "gäst")
for _label in lexicon.CHAIR_LABELS:
    _LABEL_FIELDS[_label] = ("chair", "ordförande")
for _label in lexicon.RECORDER_LABELS:
    _LABEL_FIELDS[_label] = ("recorder", None)
for _label in lexicon.IGNORED_LABELS:
    _LABEL_FIELDS[_label] = ("ignored", None)

# "Närvarande: ...", "Närvarande" alone, "Antecknat av" alone.
LABEL_RE = re.compile(
    rf"^(?P<label>{_alternation(_LABEL_FIELDS)})\s*(?::\s*(?P<rest>.*)|$)", re.IGNORECASE
)
# "Sammanträdesdatum 2024-03-12", "Tid kl. 16-18": a date or time label without a colon.
_BARE_LABEL_RE = re.compile(
    rf"^(?P<label>{_alternation([*lexicon.DATE_LABELS, *lexicon.TIME_LABELS, *lexicon.DATE_TIME_LABELS])})"
    r"\s+(?P<rest>(?:\d|kl|[a-zåäö]+dag).*)$",
    re.IGNORECASE,
)
_SECTION_ITEM_RE = re.compile(r"^§\s*(?P<number>\d{1,4})\s*[.:)–-]?\s*(?P<title>.*)$")
_NUMBERED_ITEM_RE = re.compile(r"^(?P<number>\d{1,3})\s*[.)]\s+(?P<title>\S.*)$")
_SERIES_HEADING_RE = re.compile(r"^(?P<word>[A-ZÅÄÖa-zåäö-]+)\s+(?P<number>\d{1,3})\s*[.:]?$")
_TITLE_START_RE = re.compile(r"^[\"”'«(]?[A-ZÅÄÖÉ0-9§]")

_TYPE_WORDS = {
    "information": "information",
    "informationsärende": "information",
    "för kännedom": "information",
    "beslut": "beslut",
    "beslutsärende": "beslut",
    "för beslut": "beslut",
    "diskussion": "diskussion",
    "diskussionsärende": "diskussion",
    "för diskussion": "diskussion",
}
_TYPE_SPLIT_RE = re.compile(r"\s*(?:\+|&|/|,|\boch\b)\s*", re.IGNORECASE)
_TITLE_TYPE_RE = re.compile(
    r"^(?P<title>.+?)\s*(?:[-–—:]\s*|\(\s*)(?P<types>(?:information|beslut|diskussion)"
    r"(?:\s*(?:\+|och|/|&)\s*(?:information|beslut|diskussion))*)\s*\)?\.?$",
    re.IGNORECASE,
)

_DECISION_HEADING_RE = re.compile(
    r"^(?:beslut|beslutet|beslutar|mötet beslutar|[\wåäö-]+s beslut|beslut i korthet)\s*:?$",
    re.IGNORECASE,
)
_DECISION_LABEL_RE = re.compile(r"^(?:beslut|beslutet|beslutades)\s*:\s*(?P<text>.+)$", re.I)
_DECISION_SENTENCE_RE = re.compile(
    r"^(?:"
    r"beslut om\b|beslut att\b|(?:det\s+)?beslutades\b|(?:det\s+)?beslöts\b|enades om\b|"
    r"(?:(?!(?:får|ska|skall|kan|bör|kommer|inte|vill|måste)\b)[\wåäöÅÄÖé()-]+[\s,]+){0,5}?"
    r"(?:beslutar|beslutade|beslöt|fattar beslut|fattade beslut|enas om|enades om)\s+"
    r"(?:att|om|enligt|i enlighet|därmed|också|även|vidare)\b|"
    r"(?:mötet|rådet|nämnden|styrelsen|[\wåäö-]+rådet|[\wåäö-]+nämnden)\s+"
    r"(?:godkänner|antar|fastställer|beviljar|avslår|tillstyrker|utser|väljer)\b|"
    r"[\wåäö ,-]{2,60}?\s+(?:godkänns|godkändes|fastställs|fastställdes|antas|antogs|"
    r"läggs till handlingarna|lades till handlingarna)"
    r"(?:\s+(?:utan ändringar|med ändringar|med följande ändringar|enligt förslaget?|"
    r"i sin helhet))?\s*[.!]?$"
    r")",
    re.IGNORECASE,
)
_DOUBLE_ATT_RE = re.compile(r"\batt\s+att\b")
_ATT_CONTINUATION_RE = re.compile(r"^(?:att\b|\d+[.)]\s|[-–•]\s)", re.IGNORECASE)

_TABLED_RE = re.compile(r"\bbordl(?:ägg|agd|agt|ad|ägger)\w*", re.IGNORECASE)
_GENERIC_TABLED_SUBJECT_RE = re.compile(
    r"^(?:punkten|punkterna|ärendet|ärendena|frågan|frågorna|den|detta|det|denna|dessa|"
    r"samtliga|båda|resten|övriga punkter|diskussionen|"
    r"samtalet|dragningen|informationen|beslutet|denna punkt|den här punkten)?"
    r"(?:\s+(?:ska|skall|kommer att|har|måste|får))?$",
    re.IGNORECASE,
)
_FOLLOW_UP_RE = re.compile(
    r"\b(?:följs|följas|tas|lyfts) upp (?:igen |på nytt )?(?:vid|på|till|under|i) "
    r"(?:nästa|kommande|ett kommande|ett senare|senare)\b|"
    r"^(?:frågan|punkten|ärendet|detta|det|diskussionen|samtalet)\s+(?:följs upp|tas upp igen|"
    r"återkommer|kommer tillbaka)\b|"
    r"\båterkommer\b|\båterkomma\b|\btas upp (?:igen|på nytt)\b|"
    r"\b(?:nästa|kommande) (?:möte|sammanträde|tillfälle|träff)\b|\bfortsätter (?:vid|på) nästa\b",
    re.IGNORECASE | re.MULTILINE,
)
# Words one of which a line must hold before the slower patterns are tried on it.
_FOLLOW_UP_HINTS = ("följ", "återkom", "tas upp", "lyfts upp", "nästa", "kommande", "fortsätter")
_DECISION_HINTS = (
    "beslu",
    "beslö",
    "enad",
    "enas",
    "godkän",
    "fastställ",
    "anta",
    "antog",
    "handlingarna",
    "utser",
    "väljer",
    "beviljar",
    "avslår",
    "tillstyrker",
)


def _has_any(text: str, hints: tuple[str, ...]) -> bool:
    lower = text.lower()
    return any(hint in lower for hint in hints)


_ACTION_MODALS = (
    ("ska", ()),
    ("skall", ()),
    ("kommer", ("att",)),
    ("får", ("i", "uppdrag", "att")),
    ("får", ()),  # "AU får besluta om ...": a task handed to AU
    ("ansvarar", ("för", "att")),
    ("åtar", ("sig", "att")),
    ("tar", ("på", "sig", "att")),
)
_ACTION_PARTICLES = {
    "tar": ("kontakt", "fram", "med", "reda", "hand", "på", "ansvar"),
    "ser": ("över", "till"),
    "lägger": ("upp", "ut", "fram"),
    "håller": ("i",),
    "hör": ("av", "med"),
    "följer": ("upp",),
    "sätter": ("ihop", "upp", "samman"),
    "stämmer": ("av",),
    "reder": ("ut",),
    "jobbar": ("vidare",),
    "arbetar": ("vidare",),
    "tittar": ("vidare", "på", "över"),
    "samlar": ("in", "ihop"),
}
_ACTION_WORDS = lexicon.ACTION_VERBS | {modal for modal, _following in _ACTION_MODALS}
_DUE_RE = re.compile(
    r"\b(?:senast|före|innan|till|inför|by)\s+(?:den\s+)?(?=(?P<rest>.{3,40}))", re.I
)
_ONLINE_RE = re.compile(
    r"\b(?:teams|zoom|skype|google meet|digitalt|digital|distans|online|webbmöte|videomöte|"
    r"videolänk|via länk)\b",
    re.IGNORECASE,
)
_SUBSTITUTION_RE = re.compile(
    r"(?P<sub>[A-ZÅÄÖÉ][\wåäöé'’-]*(?:\s+(?:(?:von|af|van|de|der)\s+)?[A-ZÅÄÖÉ][\wåäöé'’.-]*){0,3})"
    r"(?:\s*\([^)]*\))?\s+(?:ersätter|är ersättare för|tjänstgör för|tjänstgör som ersättare för|"
    r"vikarierar för|går in för|går in som ersättare för|ersättare för)\s+"
    r"(?P<for>[A-ZÅÄÖÉ][\wåäöé'’-]*(?:\s+(?:(?:von|af|van|de|der)\s+)?[A-ZÅÄÖÉ][\wåäöé'’-]*){0,3})"
)
_FOOTER_RE = re.compile(rf"^(?:{_alternation(lexicon.FOOTER_WORDS)})\b", re.IGNORECASE)
_EMAIL_OR_PHONE_RE = re.compile(r"@|^(?:tel|telefon|mobil|e-?post|mejl)\b|^\+?[\d\s-]{7,}$", re.I)
_ADDRESS_RE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+", re.IGNORECASE)
_KIND_WORD_RE = {
    kind: re.compile(rf"\b(?:{_alternation(words)})\b", re.IGNORECASE)
    for kind, words in (
        ("minutes", lexicon.MINUTES_TITLE_WORDS),
        ("notice", lexicon.NOTICE_TITLE_WORDS),
        ("summary", lexicon.SUMMARY_TITLE_WORDS),
    )
}
_BODY_IN_TEXT_RE = re.compile(
    r"(?<![\wåäö-])(?:"
    + _alternation([a for a in lexicon.BODY_ALIASES if len(a) > 2])
    + r"|(?:(?:[A-ZÅÄÖ][\wåäö]*-\s+och\s+)?[A-ZÅÄÖ][\wåäö-]*s\s+)?"
    + r"(?:[A-ZÅÄÖ][\wåäö]*-\s+och\s+)?[\wåäö-]*(?:"
    + "|".join(lexicon.BODY_SUFFIXES)
    + r"))(?![\wåäö-])",
    re.IGNORECASE,
)
_GENITIVE_BODY_RE = re.compile(
    r"(?<![\wåäö-])((?:[A-ZÅÄÖ][\wåäö]*-\s+och\s+)?[A-ZÅÄÖ][\wåäö-]*(?:"
    + "|".join(lexicon.BODY_SUFFIXES)
    + r"))s(?=\s)"
)
_AU_RE = re.compile(r"(?<![\wåäö-])AU(?![\wåäö])")
_TRAILING_REMARK_RE = re.compile(r"\s*\((?:se|via|länk|obs)\b[^)]*\)\s*$", re.IGNORECASE)


def _title_ok(title: str) -> bool:
    return bool(title) and len(title) <= 150 and bool(_TITLE_START_RE.match(title))


def _split_words(text: str) -> list[str]:
    return text.split()


# ---------------------------------------------------------------------------------------------
# The result
# ---------------------------------------------------------------------------------------------


def empty_result(filename: str, sha256: str | None = None) -> dict[str, Any]:
    """The shape of issue 4 with nothing found: every key present."""
    return {
        "file": filename,
        "sha256": sha256,
        "title": None,
        "kind": "unknown",
        "bodies": [],
        "date": None,
        "start_time": None,
        "end_time": None,
        "place": None,
        "online": False,
        "present": [],
        "absent": [],
        "vacancies": [],
        "substitutions": [],
        "agenda_items": [],
        "calendar": [],
        "watchlist": [],
        "working_groups": [],
        "recorded_by": None,
        "links": [],
        "warnings": [],
    }


@dataclass(slots=True)
class _ItemStart:
    index: int
    number: str | None
    title: str


@dataclass(slots=True)
class _Item:
    number: str | None
    title: str
    lines: list[Line]
    types: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Items
# ---------------------------------------------------------------------------------------------


def _best_chain(candidates: list[_ItemStart]) -> list[_ItemStart]:
    """The longest run of candidates numbered n, n+1, n+2 ... (a list inside an item that
    restarts at 1 is not an item). When two runs are as long (an agenda listed first, then
    the minutes), the one whose items have text between them wins."""
    best: list[_ItemStart] = []
    best_score: tuple[int, int, int] = (0, 0, 0)
    for first_position, first in enumerate(candidates):
        chain = [first]
        for candidate in candidates[first_position + 1 :]:
            if int(candidate.number or 0) == int(chain[-1].number or 0) + 1:  # type: ignore[arg-type]
                chain.append(candidate)
        with_text = sum(1 for a, b in zip(chain, chain[1:], strict=False) if b.index - a.index > 1)
        score = (len(chain), with_text, -first.index)
        if score > best_score:
            best, best_score = chain, score
    return best


def _find_items(lines: list[Line], first: int) -> list[_ItemStart]:
    """Where the items start: "§ 12" or "12." / "12)" in an unbroken sequence, else bold
    lines ("- **Presentationsrunda**"), else headings ("### Grupp 1"). Lines before
    ``first`` (the title) are not looked at."""
    sections: list[_ItemStart] = []
    numbered: list[_ItemStart] = []
    bold: list[_ItemStart] = []
    headings: list[tuple[int, Line]] = []
    for index, line in enumerate(lines):
        if index < first or line.cells is not None:
            continue
        text = line.text
        if match := _SECTION_ITEM_RE.match(text):
            title = match.group("title").strip()
            if not title and index + 1 < len(lines):
                title = lines[index + 1].text
            sections.append(_ItemStart(index, match.group("number"), title))
        elif (match := _NUMBERED_ITEM_RE.match(text)) and _title_ok(match.group("title")):
            numbered.append(_ItemStart(index, match.group("number"), match.group("title")))
        elif LABEL_RE.match(text) or _FOOTER_RE.match(text):
            continue  # "**Närvarande**", "## Antecknat av": header and footer, not items
        elif (
            line.bold
            and not line.heading
            and len(text) <= 150
            and (line.bullet or line.blank_before or index == 0)
        ):
            bold.append(_ItemStart(index, None, text))
        if line.heading:
            headings.append((index, line))
    if sections:
        chain = _best_chain(sections)
        if chain:
            return chain
    chain = _best_chain(numbered)
    if len(chain) >= 2:
        return chain
    if len(bold) >= 2:
        return bold
    if len(headings) >= 2:
        series: dict[str, list[tuple[int, Line]]] = {}
        for index, line in headings:
            if match := _SERIES_HEADING_RE.match(line.text):
                series.setdefault(match.group("word").lower(), []).append((index, line))
        largest = max(series.values(), key=len, default=[])
        if len(largest) >= 2:
            return [_ItemStart(i, None, line.text.rstrip(" .:")) for i, line in largest]
        level = min(line.heading for _, line in headings)
        return [
            _ItemStart(i, None, line.text.rstrip(" .:"))
            for i, line in headings
            if line.heading == level
        ]
    return chain


def _type_words(text: str) -> list[str] | None:
    """["information", "beslut"] when the whole text is "Information + Beslut." and the like."""
    cleaned = text.strip().rstrip(".:!").strip()
    if not cleaned or len(cleaned) > 60:
        return None
    types: list[str] = []
    for part in _TYPE_SPLIT_RE.split(cleaned):
        kind = _TYPE_WORDS.get(part.strip().lower())
        if kind is None:
            return None
        if kind not in types:
            types.append(kind)
    return types or None


# ---------------------------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------------------------


class _MinutesParser:
    def __init__(
        self, text: str, filename: str, sha256: str | None, *, join_lines: bool = True
    ) -> None:
        self.text = text
        self.result = empty_result(filename, sha256)
        self.warnings: list[str] = self.result["warnings"]
        lines = preprocess(text)
        self.lines = join_wrapped(lines, LABEL_RE) if join_lines else lines
        self.known_first_names: set[str] = set()
        self.substitution_pairs: list[tuple[str, str]] = []
        self.subtitles: list[str] = []
        self.unused_header: list[str] = []
        self.date_text: str | None = None
        self.time_text: str | None = None
        self.place_text: str | None = None
        self.header_text: list[str] = []
        self.bodies: list[str] = []

    # -- helpers ------------------------------------------------------------------------------

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def add_body(self, name: str) -> None:
        body = normalise_body(name)
        if body and body not in self.bodies:
            self.bodies.append(body)

    # -- main ---------------------------------------------------------------------------------

    def parse(self) -> dict[str, Any]:
        if not self.lines:
            self.warn(_("The document has no text."))
            return self.result
        self.result["links"] = find_links(self.text)
        title_end = self._parse_title()
        starts = _find_items(self.lines, title_end)
        first_item = starts[0].index if starts else len(self.lines)
        footer = self._find_footer(starts[-1].index + 1 if starts else title_end)
        header_end = min(first_item, footer)
        self._parse_header(self.lines[title_end:header_end])
        items = self._build_items(starts, footer)
        self._parse_footer(self.lines[footer:])
        meeting_date = self._resolve_date(items)
        self._resolve_time_and_place()
        for item in items:
            self.result["agenda_items"].append(self._analyse_item(item, meeting_date))
        self._find_substitutions()
        self._find_bodies()
        self._classify(items)
        self._warn_about_leftovers(items)
        return self.result

    # -- title --------------------------------------------------------------------------------

    def _parse_title(self) -> int:
        """Take the title from the first lines; return the index of the first line after it."""
        parts: list[str] = []
        end = 0
        for index, line in enumerate(self.lines[:4]):
            text = line.text.strip()
            if (
                LABEL_RE.match(text)
                or _BARE_LABEL_RE.match(text)
                or line.cells is not None
                or (index > 0 and (_NUMBERED_ITEM_RE.match(text) or _SECTION_ITEM_RE.match(text)))
                or (index > 0 and len(_split_words(text)) > 10)
            ):
                break
            parts.append(text)
            end = index + 1
            if first_year(text) and find_dates(text):
                break
            if first_year(text) and index > 0:
                break
        if not parts:
            return 0
        joined = " ".join(parts)
        if not (first_year(joined) or find_dates(joined)):
            # No date in the first lines: the title is the first line (and the second when
            # the first is only "Minnesanteckningar" or "Protokoll").
            keep = 1
            only_kind = any(
                regex.fullmatch(parts[0].strip(" .:")) for regex in _KIND_WORD_RE.values()
            )
            if only_kind and len(parts) > 1:
                keep = 2
            parts = parts[:keep]
            end = keep
        title = " ".join(p.strip().rstrip(".:").strip() for p in parts)
        self.result["title"] = re.sub(r"\s{2,}", " ", title) or None
        return end

    # -- header -------------------------------------------------------------------------------

    def _parse_header(self, lines: list[Line]) -> None:
        state: str | None = None
        group: str | None = None
        default_role: str | None = None
        recorder_pending = False
        seen_label = False
        previous_line: Line | None = None
        for line in lines:
            text = line.text
            self.header_text.append(text)
            match = LABEL_RE.match(text) or _BARE_LABEL_RE.match(text)
            if match and line.cells is None:
                seen_label = True
                label = match.group("label").lower()
                field_name, role = _LABEL_FIELDS[label]
                rest = (match.group("rest") or "").strip()
                recorder_pending = False
                keep_group = field_name == state and role is not None and not rest
                state, default_role = None, None
                group = group if keep_group else None
                if field_name in ("present", "absent", "guest"):
                    state, default_role = field_name, role
                    if rest:
                        self._attendance_line(rest, state, group, default_role, None)
                        heading = group_heading(rest)
                        if heading and heading[0]:
                            group = heading[0]
                            self.add_body(group)
                elif field_name == "chair" and rest:
                    self._attendance_line(rest, "present", None, "ordförande", None)
                elif field_name == "recorder":
                    if rest:
                        self._set_recorded_by(rest)
                    else:
                        recorder_pending = True
                elif field_name in ("date", "date_time"):
                    self.date_text = self.date_text or rest
                    if field_name == "date_time":
                        self.time_text = self.time_text or rest
                elif field_name == "time":
                    self.time_text = self.time_text or rest
                elif field_name == "place":
                    self.place_text = self.place_text or rest
                elif field_name == "place_time":
                    if find_time_range(rest)[0]:
                        self.time_text = self.time_text or rest
                    if find_dates(rest, numeric=True):
                        self.date_text = self.date_text or rest
                    self.place_text = self.place_text or self._place_from_combined(rest)
                previous_line = line
                continue
            if recorder_pending:
                self._set_recorded_by(text)
                recorder_pending = False
                continue
            if state is not None:
                heading = group_heading(text)
                if heading is not None:
                    body, role = heading
                    if body:
                        group = body
                        if is_body_name(body):
                            self.add_body(body)
                    if role is not None:
                        default_role = role or None
                    previous_line = line
                    continue
                handled = self._attendance_line(text, state, group, default_role, line)
                if handled:
                    previous_line = line
                    continue
                if self._continues_organisation(line, previous_line, state):
                    previous_line = line
                    continue
                state = None
            previous_line = line
            lower = text.lower().strip(" .:")
            if lower in lexicon.HEADER_HEADINGS:
                continue
            if not seen_label:
                self.subtitles.append(text)
                continue
            self.unused_header.append(text)

    def _place_from_combined(self, text: str) -> str | None:
        """The place in "Stadshuset, sal 3, kl. 13.00-15.30" (date and time removed)."""
        parts = []
        for part in split_outside_brackets(text, ","):
            if find_dates(part, numeric=True) or find_time_range(part)[2] is not None:
                continue
            parts.append(part)
        return ", ".join(parts) or None

    def _people_list(self, state: str) -> list[dict[str, Any]]:
        return self.result["absent"] if state == "absent" else self.result["present"]

    def _attendance_line(
        self,
        text: str,
        state: str,
        group: str | None,
        default_role: str | None,
        line: Line | None,
    ) -> bool:
        if line is not None and line.cells is not None:
            if all(
                c.lower().strip(" :") in lexicon.ATTENDANCE_TABLE_HEADERS for c in line.cells if c
            ):
                return True  # "Namn | Organisation": the header row of an attendance table
            text = ", ".join(c for c in line.cells if c)
        if group_heading(text) is not None and "," not in text:
            return False
        entries = parse_people(
            text,
            known_first_names=self.known_first_names,
            substitutions=self.substitution_pairs,
        )
        if not entries:
            return False
        people = self._people_list(state)
        for entry in entries:
            if isinstance(entry, Vacancy):
                vacancy = entry.organisation or group or _("Vacancy")
                if vacancy not in self.result["vacancies"]:
                    self.result["vacancies"].append(vacancy)
                continue
            self._add_person(entry, state, group, default_role, people)
        return True

    def _add_person(
        self,
        person: Person,
        state: str,
        group: str | None,
        default_role: str | None,
        people: list[dict[str, Any]],
    ) -> None:
        if state == "guest":
            person.role = "gäst"
        elif person.role is None:
            person.role = default_role
        person.group = None if state == "guest" else group
        self.known_first_names.add(person.name.split()[0].lower())
        if default_role == "ordförande" and state == "present":
            for existing in people:
                if existing["name"] == person.name:
                    existing["role"] = "ordförande"
                    return
        for existing in people:
            if existing["name"] == person.name and existing["group"] == person.group:
                return
        people.append(person.as_dict())

    def _continues_organisation(self, line: Line, previous: Line | None, state: str) -> bool:
        """A PDF broke "Lotta Karlsson-Andersson, Stiftelsen" / "Activa" over two lines."""
        people = self._people_list(state)
        if (
            previous is None
            or not people
            or line.blank_before
            or "," in line.text
            or len(_split_words(line.text)) > 4
            or re.search(r"[.!?:]$", previous.text)
            or line.text.lower().strip(" .:") in lexicon.HEADER_HEADINGS
            or people[-1]["organisation"] is None
        ):
            return False
        people[-1]["organisation"] = f"{people[-1]['organisation']} {line.text}"
        return True

    def _set_recorded_by(self, text: str) -> None:
        text = _ADDRESS_RE.sub("", text).strip(" ,;")
        if self.result["recorded_by"] or not text or _EMAIL_OR_PHONE_RE.search(text):
            return
        name = clean_person_name(text)
        if name:
            self.result["recorded_by"] = name

    # -- footer -------------------------------------------------------------------------------

    def _find_footer(self, start: int) -> int:
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if (
                line.cells is None
                and _FOOTER_RE.match(line.text)
                and len(_split_words(line.text)) <= 8
            ):
                return index
        return len(self.lines)

    def _parse_footer(self, lines: list[Line]) -> None:
        waiting = False
        for line in lines:
            text = line.text
            match = LABEL_RE.match(text)
            if match and _LABEL_FIELDS[match.group("label").lower()][0] == "recorder":
                rest = (match.group("rest") or "").strip()
                if rest:
                    self._set_recorded_by(rest)
                else:
                    waiting = True
                continue
            if match:
                waiting = False
                continue
            if (
                waiting
                and not _EMAIL_OR_PHONE_RE.search(text)
                and not text.lower().startswith(("http", "www."))
            ):
                self._set_recorded_by(text)
                waiting = False

    # -- items --------------------------------------------------------------------------------

    def _build_items(self, starts: list[_ItemStart], footer: int) -> list[_Item]:
        items = []
        for position, start in enumerate(starts):
            end = starts[position + 1].index if position + 1 < len(starts) else footer
            end = min(end, footer) if start.index < footer else end
            content = self.lines[start.index + 1 : end]
            title = start.title.strip()
            if _SECTION_ITEM_RE.match(self.lines[start.index].text) and not _SECTION_ITEM_RE.match(
                self.lines[start.index].text
            ).group("title"):
                content = content[1:]  # "§ 12" alone: the title was the next line
            types: list[str] = []
            if match := _TITLE_TYPE_RE.match(title):
                types = _type_words(match.group("types")) or []
                title = match.group("title")
            title = title.rstrip(" .:").strip()
            if content and (found := _type_words(content[0].text)):
                types.extend(t for t in found if t not in types)
                content = content[1:]
            items.append(_Item(start.number, title, content, types))
        return items

    def _analyse_item(self, item: _Item, meeting_date: date | None) -> dict[str, Any]:
        lines = item.lines
        calendar_lines: set[int] = set()
        is_calendar = bool(CALENDAR_TITLE_RE.search(item.title))
        has_calendar_table = any(
            line.cells is not None and any(c.lower() == "datum" for c in line.cells)
            for line in lines
        ) or any(re.match(r"(?i)^datum\s+tid\b", line.text) for line in lines)
        if is_calendar or has_calendar_table:
            year = first_year(item.title) if is_calendar else None
            entries, calendar_lines = parse_calendar(
                lines,
                year=year,
                meeting_date=meeting_date,
                known_places=known_places_from(self.result["place"]),
                warn=self.warn,
            )
            self.result["calendar"].extend(entries)
        if WATCHLIST_TITLE_RE.search(item.title):
            self.result["watchlist"].extend(parse_watchlist(lines))
        actions: list[dict[str, str | None]] = []
        self.result["working_groups"].extend(
            parse_working_groups(
                lines,
                item_title=item.title,
                action_verbs=lexicon.ACTION_VERBS,
                actions=actions,
            )
        )
        text_lines = [line for i, line in enumerate(lines) if i not in calendar_lines]
        decisions = self._decisions(text_lines)
        tabled = self._tabled(text_lines, item.title)
        follow_up = any(
            _has_any(line.text, _FOLLOW_UP_HINTS) and _FOLLOW_UP_RE.search(line.text)
            for line in text_lines
            if line.cells is None
        )
        found_actions = self._actions(text_lines, meeting_date)
        for action in actions:
            if action not in found_actions:
                found_actions.append(action)
        return {
            "number": item.number,
            "title": item.title,
            "types": item.types,
            "text": "\n".join(line.display() for line in lines),
            "decisions": decisions,
            "tabled": tabled,
            "follow_up": follow_up,
            "actions": found_actions,
        }

    def _decisions(self, lines: list[Line]) -> list[str]:
        decisions: list[str] = []
        pending = False
        collecting: int | None = None  # index in decisions of one that ends with "att"/":"
        for line in lines:
            if line.cells is not None:
                continue
            text = line.text
            if collecting is not None and _ATT_CONTINUATION_RE.match(text):
                joined = f"{decisions[collecting]} {line.display()}"
                decisions[collecting] = _DOUBLE_ATT_RE.sub("att", joined)
                continue
            collecting = None
            if _DECISION_HEADING_RE.match(text):
                pending = True
                continue
            found: str | None = None
            if pending:
                found = text
                pending = False
            elif match := _DECISION_LABEL_RE.match(text):
                found = match.group("text").strip()
            else:
                sentences = split_sentences(text) if _has_any(text, _DECISION_HINTS) else []
                for sentence in sentences:
                    if label := _DECISION_LABEL_RE.match(sentence):
                        sentence = label.group("text").strip()  # "... redogör. Beslut: X."
                    elif not _DECISION_SENTENCE_RE.match(sentence) or sentence.lower().startswith(
                        ("förslag", "beslutsunderlag")
                    ):
                        continue
                    found = sentence if found is None else f"{found} {sentence}"
            if found:
                found = _DOUBLE_ATT_RE.sub("att", found)
            if found and found not in decisions:
                decisions.append(found)
                if re.search(r"(?:\batt|:)$", found):
                    collecting = len(decisions) - 1
        return decisions

    def _tabled(self, lines: list[Line], item_title: str) -> list[str]:
        tabled: list[str] = []
        for line in lines:
            if line.cells is not None or not _TABLED_RE.search(line.text):
                continue
            sentences = split_sentences(line.text)
            for position, sentence in enumerate(sentences):
                match = _TABLED_RE.search(sentence)
                if not match:
                    continue
                subject = sentence[: match.start()].strip(" ,")
                point: str | None
                if _GENERIC_TABLED_SUBJECT_RE.match(subject):
                    point = " ".join(sentences[:position]).strip() or None
                else:
                    point = re.sub(r"\s+(?:ska|skall|kommer att|har|måste|får)$", "", subject)
                point = (point or item_title).rstrip(" .")
                if point and point not in tabled:
                    tabled.append(point)
        return tabled

    def _subject_end(self, tokens: list[str]) -> int:
        """How many tokens at the start form a subject of names or a group."""
        position = 0
        while position < len(tokens) and position < 9:
            token = tokens[position]
            bare = token.strip(",")
            if bare.lower() in ("och", "&", "samt") and position > 0:
                position += 1
                continue
            if re.fullmatch(r"\([^)]*\),?", token):
                position += 1
                continue
            if bare[:1].isupper() or bare.lower() in lexicon.NAME_PARTICLES and position > 0:
                position += 1
                continue
            break
        while position > 0 and tokens[position - 1].strip(",").lower() in ("och", "&", "samt"):
            position -= 1
        return position

    def _subject_is_owner(self, subject: str) -> bool:
        base, _brackets = strip_brackets(subject)
        names = [n for n in re.split(r"\s*(?:,|\boch\b|&|\bsamt\b)\s*", base) if n]
        if not names:
            return False
        for name in names:
            words = name.split()
            lower = name.lower()
            if lower in lexicon.PRONOUNS:
                return False
            if lower in lexicon.ACTION_GROUP_SUBJECTS or re.fullmatch(
                r"arbetsgrupp(?:en)? \d+", lower
            ):
                continue
            if len(words) == 1 and re.fullmatch(r"[A-ZÅÄÖ]{2,6}", words[0]):
                continue  # AU, KLF
            if is_known_first_name(words[0], self.known_first_names) and len(words) <= 4:
                continue
            return False
        return True

    def _actions(self, lines: list[Line], meeting_date: date | None) -> list[dict[str, str | None]]:
        actions: list[dict[str, str | None]] = []
        for line in lines:
            if line.cells is not None:
                continue
            for sentence in split_sentences(line.text):
                candidates = [sentence]
                if ": " in sentence:  # "Lokalfrågan: Cecilia tar kontakt med ..."
                    candidates.append(sentence.split(": ", 1)[1])
                for candidate in candidates:
                    action = self._action_in(candidate, meeting_date)
                    if action and action not in actions:
                        actions.append(action)
                        break
        return actions

    def _action_in(self, sentence: str, meeting_date: date | None) -> dict[str, str | None] | None:
        tokens = sentence.split()
        if not _ACTION_WORDS.intersection(t.lower().strip(",.") for t in tokens):
            return None
        end = self._subject_end(tokens)
        if end == 0 or end >= len(tokens):
            return None
        subject = " ".join(tokens[:end]).strip(" ,")
        rest = tokens[end:]
        verb = rest[0].lower().strip(",.")
        what_start = 0
        for modal, following in _ACTION_MODALS:
            if verb == modal and [t.lower() for t in rest[1 : 1 + len(following)]] == list(
                following
            ):
                what_start = 1 + len(following)
                if what_start >= len(rest):
                    return None
                verb = rest[what_start].lower().strip(",.")
                if verb not in lexicon.ACTION_INFINITIVES:
                    return None  # "ska verka för", a passive "ska sammanställas"
                break
        else:
            if verb not in lexicon.ACTION_VERBS:
                return None
            particles = _ACTION_PARTICLES.get(verb)
            if particles and (len(rest) < 2 or rest[1].lower().strip(",.") not in particles):
                return None
        if not self._subject_is_owner(subject):
            return None
        what = " ".join(rest[what_start:]).rstrip(" .!")
        owner = strip_brackets(subject)[0].strip(" ,")
        return {"owner": owner, "what": what, "due": self._due(what, meeting_date)}

    def _due(self, text: str, meeting_date: date | None) -> str | None:
        """The date in "senast 1 december", "till den 15 april" (the year from the meeting)."""
        for match in _DUE_RE.finditer(text):
            mentions = find_dates(match.group("rest"), numeric=True)
            if not mentions or mentions[0].start > 0 or not mentions[0].day:
                continue
            mention = mentions[0]
            year = mention.year or (meeting_date.year if meeting_date else None)
            if (
                year
                and meeting_date
                and not mention.year
                and mention.month
                and mention.month < meeting_date.month
            ):
                year += 1
            resolved = mention.resolve(year)
            if resolved:
                return resolved.isoformat()
        return None

    # -- date, time, place --------------------------------------------------------------------

    def _year_hint(self, items: list[_Item]) -> int | None:
        for source in (self.result["title"] or "", *self.subtitles, *self.header_text):
            if year := first_year(source):
                return year
        for item in items:
            if CALENDAR_TITLE_RE.search(item.title) and (year := first_year(item.title)):
                return year
        years = Counter(
            int(y) for y in re.findall(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])", self.text)
        )
        return years.most_common(1)[0][0] if years else None

    def _resolve_date(self, items: list[_Item]) -> date | None:
        sources = [self.date_text] if self.date_text else []
        sources += [self.result["title"] or "", *self.subtitles]
        for source in sources:
            mentions = [m for m in find_dates(source, numeric=source is self.date_text) if m.day]
            if not mentions:
                continue
            mention = mentions[0]
            year = mention.year or self._year_hint(items)
            if year is None:
                self.warn(_("The meeting date has no year, and no year was found elsewhere."))
                return None
            resolved = mention.resolve(year)
            if resolved is None:
                self.warn(_("The meeting date “%(text)s” is not a valid date.") % {"text": source})
                return None
            if mention.weekday is not None and resolved.weekday() != mention.weekday:
                self.warn(
                    _("The document says “%(text)s”, but %(date)s is another weekday.")
                    % {"text": source.strip(), "date": resolved.isoformat()}
                )
            self.result["date"] = resolved.isoformat()
            return resolved
        self.warn(_("No meeting date was found."))
        return None

    def _resolve_time_and_place(self) -> None:
        for source in (self.time_text, self.date_text, self.result["title"]):
            if source:
                start, end, _match = find_time_range(source)
                if start:
                    self.result["start_time"], self.result["end_time"] = start, end
                    break
        place = self.place_text
        if place:
            place = _TRAILING_REMARK_RE.sub("", place.strip().rstrip(".")).strip().rstrip(".")
            self.result["place"] = place or None
        online_sources = [self.place_text or "", self.time_text or ""]
        if not self.place_text:
            online_sources += self.header_text
        self.result["online"] = any(_ONLINE_RE.search(s) for s in online_sources)

    # -- whole document -----------------------------------------------------------------------

    def _find_substitutions(self) -> None:
        pairs = list(self.substitution_pairs)
        for line in self.lines:
            if (
                "ers" not in line.text
                and "tjänstgör" not in line.text
                and "går in" not in line.text
            ):
                continue
            for sentence in split_sentences(line.text):
                for match in _SUBSTITUTION_RE.finditer(sentence):
                    substitute = match.group("sub").strip()
                    replaced = match.group("for").strip()
                    if not (is_name(substitute) or is_known_first_name(substitute.split()[0])):
                        continue
                    if substitute.split()[0].lower() in lexicon.PRONOUNS:
                        continue
                    pairs.append((substitute, replaced))
        for substitute, replaced in pairs:
            entry = {"substitute": substitute, "for": replaced}
            if entry not in self.result["substitutions"]:
                self.result["substitutions"].append(entry)

    def _find_bodies(self) -> None:
        found: list[str] = []
        for source in (self.result["title"] or "", *self.subtitles):
            matches = list(_BODY_IN_TEXT_RE.finditer(source))
            found.extend(match.group(0) for match in matches)
            for match in _GENITIVE_BODY_RE.finditer(source):
                # "Kommunstyrelsens sammanträde": the body is Kommunstyrelsen
                if not any(m.start() <= match.start() < m.end() for m in matches):
                    found.append(match.group(1))
            if _AU_RE.search(source):
                found.append("AU")
        for name in found:
            self.add_body(name)
        # Bodies named as groups in the attendance come after those of the title.
        for person in self.result["present"] + self.result["absent"]:
            if person["group"] and is_body_name(person["group"]):
                self.add_body(person["group"])
        self.result["bodies"] = self.bodies

    def _classify(self, items: list[_Item]) -> None:
        title = self.result["title"] or ""
        title_kind = next(
            (
                kind
                for kind in ("summary", "minutes", "notice")
                if _KIND_WORD_RE[kind].search(title)
            ),
            None,
        )
        attendance = bool(self.result["present"] or self.result["absent"])
        items_with_notes = sum(1 for item in self.result["agenda_items"] if item["text"].strip())
        minutes_evidence = (attendance and items_with_notes > 0) or bool(
            self.result["recorded_by"] and items_with_notes
        )
        group_series = sum(1 for item in items if re.match(r"(?i)^grupp\s*\d", item.title))
        if title_kind == "summary" or (group_series >= 2 and not attendance):
            kind = "summary"
        elif minutes_evidence:
            kind = "minutes"
            if title_kind == "notice":
                self.warn(
                    _(
                        "The title says this is a notice, but the document records attendance "
                        "and notes on the items; it was read as minutes."
                    )
                )
        elif title_kind:
            kind = title_kind
        else:
            kind = "unknown"
            self.warn(
                _(
                    "This does not look like minutes: no title such as “Minnesanteckningar” or "
                    "“Protokoll”, no attendance and no agenda items were recognised."
                )
            )
        self.result["kind"] = kind

    def _warn_about_leftovers(self, items: list[_Item]) -> None:
        if not items and self.result["kind"] in ("minutes", "notice"):
            self.warn(_("No agenda items were found."))
        for text in self.unused_header[:5]:
            self.warn(_("Not understood in the header: “%(text)s”") % {"text": _shorten(text)})
        long_subtitles = [s for s in self.subtitles if len(_split_words(s)) > 10]
        for text in long_subtitles[:3]:
            self.warn(
                _("Text before the first item was not placed in any item: “%(text)s”")
                % {"text": _shorten(text)}
            )
        numbers = [int(i.number) for i in items if i.number and i.number.isdigit()]
        if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            self.warn(_("The item numbers are not in sequence."))


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def parse_minutes(
    text: str, *, filename: str, sha256: str | None = None, join_lines: bool = True
) -> dict[str, Any]:
    """Parse the plain text of one document into the JSON shape of issue 4.

    ``filename`` is reported as given; ``sha256`` is the hash of the file's bytes, which
    the caller computes (the text alone cannot give it). ``join_lines`` joins lines broken
    in the middle of a sentence (PDFs, hard-wrapped text); text from a Word file has one
    line per paragraph already and is read with ``join_lines=False``. Never raises on odd
    text: what it cannot read is reported in ``warnings``.
    """
    return _MinutesParser(text, filename, sha256, join_lines=join_lines).parse()
