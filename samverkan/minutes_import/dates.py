"""Dates and times as Swedish minutes write them.

"Onsdagen 13 september", "13 sept. 2023", "2023-09-13", "13/9 2023", "Ons 1 juni", "? april";
"kl. 16-18", "Kl. 16:30-18:30", "13.15–14.45", "Heldag".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .lexicon import MONTHS, WEEKDAYS


def _alternation(words: object) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # type: ignore[arg-type]


_MONTH = _alternation(MONTHS)
_WEEKDAY = _alternation(WEEKDAYS)
_YEAR = r"(?:19|20)\d{2}"

WORD_DATE_RE = re.compile(
    rf"(?:\b(?P<weekday>{_WEEKDAY})\.?,?\s+(?:den\s+)?)?"
    rf"(?P<day>\d{{1,2}}|\?)(?::[ae])?\s*(?P<month>{_MONTH})(?![a-zåäö])\.?"
    rf"(?:,?\s+(?P<year>{_YEAR})(?!\d))?",
    re.IGNORECASE,
)
ISO_DATE_RE = re.compile(rf"(?<!\d)(?P<year>{_YEAR})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})(?!\d)")
NUMERIC_DATE_RE = re.compile(
    rf"(?<![\d/])(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})(?:[\s-]+(?P<year>{_YEAR}))?(?![\d/])"
)
YEAR_RE = re.compile(rf"(?<![\d-])({_YEAR})(?![\d-])")
TERM_YEAR_RE = re.compile(rf"\b(?:ht|vt|hösten|våren|höst|vår)\s*-?\s*({_YEAR}|\d{{2}})\b", re.I)
WEEKDAY_ONLY_RE = re.compile(rf"^(?P<weekday>{_WEEKDAY})(?![a-zåäö])", re.IGNORECASE)

_CLOCK = r"(?P<{h}>[01]?\d|2[0-4])(?:[:.](?P<{m}>[0-5]\d))?"
TIME_RANGE_RE = re.compile(
    r"(?:\b(?:kl|klockan)\b\.?\s*)?(?<![\d:./-])"
    + _CLOCK.format(h="h1", m="m1")
    + r"\s*(?:-|–|—|till)\s*(?:kl\.?\s*)?"
    + _CLOCK.format(h="h2", m="m2")
    + r"(?![\d:/-]|\.\d)",
    re.IGNORECASE,
)
SINGLE_TIME_RE = re.compile(
    r"\b(?:kl|klockan)\b\.?\s*" + _CLOCK.format(h="h1", m="m1") + r"(?![\d:])", re.IGNORECASE
)
BARE_TIME_RE = re.compile(r"(?<![\d:.])(?P<h1>[01]?\d|2[0-3])[:.](?P<m1>[0-5]\d)(?![\d:])")
ALL_DAY_RE = re.compile(r"\bheldag(?:en)?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as written: the parts that were given and where it stands in the text."""

    day: int | None
    month: int | None
    year: int | None
    weekday: int | None
    start: int
    end: int

    def resolve(self, year: int | None) -> date | None:
        """The date, with ``year`` filling in a missing year; ``None`` if a part is missing."""
        use_year = self.year or year
        if not (self.day and self.month and use_year):
            return None
        try:
            return date(use_year, self.month, self.day)
        except ValueError:
            return None


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def find_dates(text: str, *, numeric: bool = False) -> list[DateMention]:
    """Every date written with a month word or as ISO (and as d/m when ``numeric``)."""
    found: list[DateMention] = []
    for match in WORD_DATE_RE.finditer(text):
        day = match.group("day")
        weekday = match.group("weekday")
        found.append(
            DateMention(
                day=int(day) if day != "?" else None,
                month=_month_number(match.group("month")),
                year=int(match.group("year")) if match.group("year") else None,
                weekday=WEEKDAYS[weekday.lower()] if weekday else None,
                start=match.start(),
                end=match.end(),
            )
        )
    for match in ISO_DATE_RE.finditer(text):
        found.append(
            DateMention(
                day=int(match.group("day")),
                month=int(match.group("month")),
                year=int(match.group("year")),
                weekday=None,
                start=match.start(),
                end=match.end(),
            )
        )
    if numeric:
        for match in NUMERIC_DATE_RE.finditer(text):
            month = int(match.group("month"))
            day = int(match.group("day"))
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append(
                    DateMention(
                        day=day,
                        month=month,
                        year=int(match.group("year")) if match.group("year") else None,
                        weekday=None,
                        start=match.start(),
                        end=match.end(),
                    )
                )
    if not found and (weekday_match := WEEKDAY_ONLY_RE.match(text.strip())):
        weekday = WEEKDAYS[weekday_match.group("weekday").lower()]
        found.append(DateMention(None, None, None, weekday, 0, weekday_match.end()))
    found.sort(key=lambda d: d.start)
    return found


def first_year(text: str) -> int | None:
    """The first year (1900-2099) written in the text, also as "ht 23"."""
    if match := YEAR_RE.search(text):
        return int(match.group(1))
    if match := TERM_YEAR_RE.search(text):
        value = match.group(1)
        return int(value) if len(value) == 4 else 2000 + int(value)
    return None


def _clock(hours: str, minutes: str | None) -> str | None:
    h = int(hours)
    if h > 24 or (h == 24 and minutes not in (None, "00")):
        return None
    return f"{h % 24:02d}:{minutes or '00'}"


def find_time_range(text: str) -> tuple[str | None, str | None, re.Match[str] | None]:
    """Start and end as "HH:MM" from "kl. 16-18", "Kl. 16:30-18:30", "kl 13.15"."""
    for match in TIME_RANGE_RE.finditer(text):
        before = text[: match.start()].rstrip()
        has_prefix = bool(re.match(r"(?i)k", match.group(0)))
        has_minutes = bool(match.group("m1") or match.group("m2"))
        if not (has_prefix or has_minutes) and re.search(r"\d$|[a-zåäö]$", before):
            continue  # "2024-2027", "vecka 12-14" is not a time
        if not (has_prefix or has_minutes) and (
            re.match(r"\s*(?:%|år|st\b|timmar|dagar|personer|mkr|kr)", text[match.end() :])
        ):
            continue
        start = _clock(match.group("h1"), match.group("m1"))
        end = _clock(match.group("h2"), match.group("m2"))
        if start and end:
            return start, end, match
    if match := SINGLE_TIME_RE.search(text):
        return _clock(match.group("h1"), match.group("m1")), None, match
    if match := BARE_TIME_RE.search(text):
        return _clock(match.group("h1"), match.group("m1")), None, match
    return None, None, None


def is_all_day(text: str) -> bool:
    return bool(ALL_DAY_RE.search(text))
