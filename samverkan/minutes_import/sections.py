"""Sections of an item with a structure of their own: the calendar (Kalendarium), the watch
list (På gång/bevakningslista) and working groups (Arbetsgrupper)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from .dates import ISO_DATE_RE, NUMERIC_DATE_RE, WORD_DATE_RE, find_dates, find_time_range
from .people import clean_person_name, is_name, split_outside_brackets, strip_brackets
from .textlines import Line

CALENDAR_TITLE_RE = re.compile(
    r"\b(?:kalendarium|kalender|mötesplan|mötestider|sammanträdesplan|sammanträdestider|"
    r"kommande möten|kommande sammanträden|kommande datum|viktiga datum|datum framåt)\b",
    re.IGNORECASE,
)
WATCHLIST_TITLE_RE = re.compile(
    r"\b(?:på gång|bevakningslista|bevakningslistan|bevakning|pågående projekt|omvärldsbevakning)\b",
    re.IGNORECASE,
)
WORKING_GROUPS_TITLE_RE = re.compile(r"\barbetsgrupp(?:er|erna)?\b", re.IGNORECASE)

_HEADER_WORDS = {
    "datum": "date",
    "dag": "date",
    "när": "date",
    "tid": "time",
    "tidpunkt": "time",
    "klockan": "time",
    "kl": "time",
    "plats": "place",
    "lokal": "place",
    "var": "place",
    "rubrik": "title",
    "aktivitet": "title",
    "vad": "title",
    "möte": "title",
    "händelse": "title",
    "innehåll": "title",
    "tema": "title",
    "ärende": "title",
    "beskrivning": "title",
    "arrangemang": "title",
}
_DATE_CELL_RE = re.compile(
    "^(?:"
    + "|".join(
        re.sub(r"\?P<\w+>", "", r.pattern) for r in (WORD_DATE_RE, ISO_DATE_RE, NUMERIC_DATE_RE)
    )
    + r"|\?)(?=\s|$)",
    re.IGNORECASE,
)
_TIME_CELL_RE = re.compile(
    r"^(?:(?:kl\.?|klockan)\s*\d{1,2}(?:[:.]\d{2})?(?:\s*[-–—]\s*\d{1,2}(?:[:.]\d{2})?)?"
    r"|\d{1,2}[:.]\d{2}(?:\s*[-–—]\s*\d{1,2}(?:[:.]\d{2})?)?"
    r"|\d{1,2}\s*[-–—]\s*\d{1,2}|heldag(?:en)?|hela dagen|\?|kväll|förmiddag|eftermiddag|tba)"
    r"(?=\s|$)",
    re.IGNORECASE,
)
_ONLINE_PLACES = ("teams", "zoom", "digitalt", "digital", "online", "distans", "webben")

_WATCH_KINDS = {
    "projekt": "projekt",
    "projektet": "projekt",
    "uppdrag": "uppdrag",
    "uppdraget": "uppdrag",
    "utvecklingsarbete": "utvecklingsarbete",
    "utvecklingsarbetet": "utvecklingsarbete",
    "nätverk": "nätverk",
    "nätverket": "nätverk",
}
_WATCH_KIND_RE = re.compile(
    r"^(?P<kind>"
    + "|".join(sorted(_WATCH_KINDS, key=len, reverse=True))
    + r")\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_ABBREVIATION_RE = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9-]{1,7}$")
_NESTED_ABBREVIATION_RE = re.compile(r"\(([A-ZÅÄÖ][A-ZÅÄÖ0-9-]{1,7})\)\s*$")
_OWNER_WORDS_RE = re.compile(r"förvaltning|kontor|nämnd|styrelse|kommun|region", re.IGNORECASE)
_URL_LINE_RE = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)

_MEMBERS_LABEL_RE = re.compile(
    r"^(?:deltagare|medlemmar|ledamöter|består av|arbetsgruppen består av|"
    r"sammankallande|i gruppen)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_GROUP_LINE_RE = re.compile(
    r"^(?:ny\s+)?arbetsgrupp(?:en)?(?:\s+(?:för|om|kring|till)\s+(?P<about>[^:]+?))?\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_MEMBER_SPLIT_RE = re.compile(r"\s*(?:,|;|\boch\b|&)\s*")


# ---------------------------------------------------------------------------------------------
# Calendar
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    cells: dict[str, str] = field(default_factory=dict)


def _header_columns(words: list[str]) -> list[str] | None:
    columns = [_HEADER_WORDS.get(w.lower().strip(" .:")) for w in words if w.strip()]
    if len(columns) >= 2 and all(columns) and "date" in columns:
        return [c for c in columns if c]
    return None


def _split_space_row(text: str, places: list[str]) -> dict[str, str] | None:
    """Cut "30 januari Kl. 16-18 Föreningarnas Hus Samverkansrådet" into its cells."""
    date_match = _DATE_CELL_RE.match(text)
    if not date_match:
        return None
    rest = text[date_match.end() :].strip()
    cells = {"date": text[: date_match.end()].strip()}
    if time_match := _TIME_CELL_RE.match(rest):
        cells["time"] = time_match.group(0)
        rest = rest[time_match.end() :].strip()
    elif rest.startswith("?"):
        cells["time"] = "?"
        rest = rest[1:].strip()
    if not rest:
        return cells
    lower = rest.lower()
    if lower.startswith("?"):
        cells["place"] = "?"
        cells["title"] = rest[1:].strip()
        return cells
    for place in sorted(places, key=len, reverse=True):
        if lower.startswith(place.lower()) and (
            len(rest) == len(place) or not rest[len(place)].isalnum()
        ):
            cells["place"] = rest[: len(place)]
            cells["title"] = rest[len(place) :].strip(" ,–-")
            return cells
    if "  " in rest:
        place, title = rest.split("  ", 1)
        cells["place"] = place.strip()
        cells["title"] = title.strip()
        return cells
    cells["title"] = rest
    cells["unsure"] = "1"
    return cells


def _looks_like_row_start(text: str) -> bool:
    return bool(_DATE_CELL_RE.match(text.strip()))


def parse_calendar(
    lines: list[Line],
    *,
    year: int | None,
    meeting_date: date | None,
    known_places: list[str],
    warn: Callable[[str], None],
) -> tuple[list[dict[str, str | None]], set[int]]:
    """The rows of a calendar table: tab- or pipe-separated, or aligned with spaces as a PDF
    gives them. A row that wraps onto the next line is joined to its own row. Returns the
    entries and the indexes of the lines that were part of the table."""
    columns: list[str] | None = None
    rows: list[_Row] = []
    used: set[int] = set()
    places = list(known_places)  # grows with the places of tab-separated rows
    for index, line in enumerate(lines):
        if line.cells is not None and columns is None:
            columns = _header_columns(line.cells)
            if columns:
                used.add(index)
                continue
        if (
            line.cells is None
            and columns is None
            and (header := _header_columns(line.raw.replace("\t", " ").split()))
        ):
            columns = header
            used.add(index)
            continue
        if line.cells is not None:
            cells = list(line.cells)
            order = columns or ["date", "time", "place", "title"][: max(2, len(cells))]
            if len(cells) > len(order):  # extra cells belong to the title
                cells = cells[: len(order) - 1] + [
                    " ".join(c for c in cells[len(order) - 1 :] if c)
                ]
            named = dict(zip(order, cells, strict=False))
            if named.get("date") and _looks_like_row_start(named["date"]):
                rows.append(_Row({k: v for k, v in named.items() if v}))
                if named.get("place") and named["place"] != "?":
                    places.append(named["place"])
                used.add(index)
            elif rows and not named.get("date"):
                for key, value in named.items():
                    if value:
                        previous = rows[-1].cells.get(key)
                        rows[-1].cells[key] = f"{previous} {value}" if previous else value
                used.add(index)
            continue
        text = line.text
        if _looks_like_row_start(text) and (columns is not None or _TIME_CELL_RE.search(text)):
            cells_by_space = _split_space_row(line.raw if "  " in line.raw else text, places)
            if cells_by_space:
                rows.append(_Row(cells_by_space))
                used.add(index)
                continue
        if rows and index - 1 in used:
            title = rows[-1].cells.get("title", "")
            if title.endswith((":", ",", "–", "-", "och")) or text[:1].islower():
                rows[-1].cells["title"] = f"{title} {text}".strip()
                used.add(index)
                continue
        if rows and used and index - 1 not in used and columns is not None:
            # A title that wrapped past an empty line.
            title = rows[-1].cells.get("title", "")
            if title.endswith((":", ",", "–", "-")):
                rows[-1].cells["title"] = f"{title} {text}".strip()
                used.add(index)
                continue
    entries = []
    for row in rows:
        entries.append(_calendar_entry(row.cells, year=year, meeting_date=meeting_date, warn=warn))
    return entries, used


def _calendar_entry(
    cells: dict[str, str],
    *,
    year: int | None,
    meeting_date: date | None,
    warn: Callable[[str], None],
) -> dict[str, str | None]:
    date_text = cells.get("date", "").strip()
    when: date | None = None
    mentions = find_dates(date_text, numeric=True)
    if mentions:
        mention = mentions[0]
        use_year = mention.year or year
        if use_year is None and meeting_date is not None:
            use_year = meeting_date.year
            if mention.month and mention.month < meeting_date.month - 6:
                use_year += 1
        when = mention.resolve(use_year)
        if when and mention.weekday is not None and when.weekday() != mention.weekday:
            warn(
                _("The calendar gives %(text)s, but that date is not that weekday.")
                % {"text": date_text}
            )
    time_text = cells.get("time", "")
    start, end, _match = find_time_range(time_text) if time_text else (None, None, None)
    place = (cells.get("place") or "").strip() or None
    if place == "?":
        place = None
    title = re.sub(r"\s{2,}", " ", cells.get("title") or "").strip() or None
    if cells.get("unsure"):
        warn(
            _("The calendar row “%(row)s” has no clear place; it was kept as the title.")
            % {"row": f"{date_text} {title or ''}".strip()}
        )
    return {
        "date": when.isoformat() if when else None,
        "date_text": date_text or None,
        "start_time": start,
        "end_time": end,
        "place": place,
        "title": title,
    }


def known_places_from(place: str | None) -> list[str]:
    """Places a calendar may name, from the meeting's own place ("Föreningarnas Hus, ...")."""
    places = list(_ONLINE_PLACES)
    if place:
        places.append(place)
        first = split_outside_brackets(place, ",")
        if first:
            places.append(first[0])
    return places


# ---------------------------------------------------------------------------------------------
# Watch list
# ---------------------------------------------------------------------------------------------


def _is_acronym_of(abbreviation: str, title: str) -> bool:
    """Whether "PSI" abbreviates "Regionalt partnerskap för sociala innovationer"."""
    initials = [w[0].upper() for w in re.findall(r"[\wÅÄÖåäö]+", title)]
    letters = list(abbreviation.replace("-", ""))
    position = 0
    for initial in initials:
        if position < len(letters) and initial == letters[position]:
            position += 1
    return position == len(letters)


def _split_owner(text: str) -> tuple[str, str | None, str]:
    """Title, owner and the text after the owner's brackets, from
    "Klimatneutrala städer (Kommunledningsförvaltningen (KLF))"."""
    depth = 0
    start = None
    for position, char in enumerate(text):
        if char == "(":
            if depth == 0:
                start = position
            depth += 1
        elif char == ")" and depth > 0:
            depth -= 1
            if depth == 0 and start is not None:
                inner = text[start + 1 : position].strip()
                title = text[:start].strip()
                after = text[position + 1 :].strip().removeprefix(".").strip()
                if nested := _NESTED_ABBREVIATION_RE.search(inner):
                    return title, nested.group(1), after
                if _ABBREVIATION_RE.match(inner) and not _is_acronym_of(inner, title):
                    return title, inner, after
                if _OWNER_WORDS_RE.search(inner) and not inner[:1].islower():
                    return title, inner, after
                start = None
    return text, None, ""


def _watch_entry(kind: str | None, heading: str) -> dict[str, str | None]:
    title, owner, after = _split_owner(heading.strip())
    return {
        "kind": kind,
        "title": title.strip().rstrip(".").strip() or None,
        "owner": owner,
        "note": after or None,
    }


def _starts_unmarked_entry(line: Line) -> bool:
    text = line.text
    words = text.split()
    if not words or len(words) > 8 or len(text) > 80 or line.bullet:
        return False
    if text[0].islower() or _URL_LINE_RE.match(text) or text.endswith(":"):
        return False
    if text.endswith((".", "!", "?")) and len(words) > 3:
        return False
    return not text.lower().startswith(("se ", "läs ", "mer information"))


def parse_watchlist(lines: list[Line]) -> list[dict[str, str | None]]:
    """Entries of "På gång/bevakningslista": "Projekt: X (KLF)" and the notes below them.

    An entry may also be an unmarked short line after an empty line ("Fritidskortet"); its
    kind is then ``None``.
    """
    entries: list[dict[str, str | None]] = []
    notes: list[list[str]] = []
    for index, line in enumerate(lines):
        text = line.display() if line.cells is not None else line.text
        if match := _WATCH_KIND_RE.match(text):
            entries.append(
                _watch_entry(_WATCH_KINDS[match.group("kind").lower()], match.group("rest"))
            )
            notes.append([])
            continue
        if (line.blank_before or index == 0 or line.bold) and _starts_unmarked_entry(line):
            entries.append(_watch_entry(None, text))
            notes.append([])
            continue
        if entries:
            notes[-1].append(text)
    for entry, note in zip(entries, notes, strict=True):
        parts = [p for p in [entry["note"], *note] if p]
        entry["note"] = " ".join(parts) if parts else None
    return entries


# ---------------------------------------------------------------------------------------------
# Working groups
# ---------------------------------------------------------------------------------------------


def _members(
    text: str, actions: list[dict[str, str | None]], action_verbs: frozenset[str]
) -> list[str]:
    names: list[str] = []
    for part in split_outside_brackets(text, ",;"):
        for piece in re.split(r"\s+(?:och|&)\s+", part):
            base, brackets = strip_brackets(piece)
            name = clean_person_name(base)
            if not name:
                continue
            names.append(name)
            for inner in brackets:
                first = inner.split(" ", 1)[0].lower()
                if first in action_verbs:
                    actions.append({"owner": name, "what": inner.rstrip("."), "due": None})
    return names


def parse_working_groups(
    lines: list[Line],
    *,
    item_title: str,
    action_verbs: frozenset[str],
    actions: list[dict[str, str | None]],
) -> list[dict[str, object]]:
    """Working groups in an item: the bullets of an "Arbetsgrupper" item with their
    "Deltagare:" lines, or an "Arbetsgrupp:" line followed by names (on the line or below)."""
    groups: list[dict[str, object]] = []
    is_groups_item = bool(WORKING_GROUPS_TITLE_RE.search(item_title))
    collecting: dict[str, object] | None = None
    for line in lines:
        text = line.text
        if is_groups_item and line.bullet and not _MEMBERS_LABEL_RE.match(text):
            collecting = {"title": text.rstrip(" .:"), "members": []}
            groups.append(collecting)
            continue
        if match := _MEMBERS_LABEL_RE.match(text):
            if collecting is None:
                collecting = {"title": item_title, "members": []}
                groups.append(collecting)
            collecting["members"].extend(  # type: ignore[union-attr]
                _members(match.group("rest"), actions, action_verbs)
            )
            continue
        if match := _GROUP_LINE_RE.match(text):
            about = (match.group("about") or "").strip()
            collecting = {"title": about or item_title, "members": []}
            groups.append(collecting)
            if match.group("rest").strip():
                collecting["members"].extend(  # type: ignore[union-attr]
                    _members(match.group("rest"), actions, action_verbs)
                )
            continue
        if collecting is not None and not is_groups_item and collecting["members"] is not None:
            base, _brackets = strip_brackets(text)
            if is_name(base) and len(split_outside_brackets(text, ",")) == 1:
                collecting["members"].extend(  # type: ignore[union-attr]
                    _members(text, actions, action_verbs)
                )
                continue
            collecting = None
    return [g for g in groups if g["members"] or is_groups_item]
