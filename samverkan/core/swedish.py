"""Swedish language helpers: sorting, search, organisation numbers and dates.

Everything here is pure and independent of models, so it can be used by any app and tested
without a database.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time
from typing import TypeVar

import snowballstemmer
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import dateformat, timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

T = TypeVar("T")
D = TypeVar("D", bound=date)

# ---------------------------------------------------------------------------------------------
# Sorting
# ---------------------------------------------------------------------------------------------

# Every character becomes a two-digit code; comparing keys as plain strings then compares
# the texts in Swedish alphabetical order. The key holds only ASCII digits, so SQLite
# (BINARY) and PostgreSQL under any collation order it the same way.
_SEPARATOR = "10"  # any run of whitespace, punctuation and symbols
_DIGIT_CODES = {str(n): str(11 + n) for n in range(10)}  # 0-9 -> 11-20
_LETTER_CODES = {chr(ord("a") + n): str(21 + n) for n in range(26)}  # a-z -> 21-46
_LETTER_CODES.update({"å": "47", "ä": "48", "ö": "49"})
_OTHER_LETTER = "50"  # letters of other scripts sort after ö

# Casefolded characters that Swedish collation (CLDR "sv") treats as another letter, and
# Latin letters that have no Unicode decomposition. Everything else accented is reduced
# to its base letter through NFKD decomposition. å, ä and ö are letters of their own and
# are never folded.
_FOLDS = {
    "å": "å",
    "ä": "ä",
    "ö": "ö",
    "æ": "ä",
    "ę": "ä",
    "ø": "ö",
    "ő": "ö",
    "œ": "ö",
    "ü": "y",
    "ű": "y",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ł": "l",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
}


def _character_codes(char: str) -> Iterator[str]:
    """Yield the codes of one casefolded character (several for ligatures, none for marks)."""
    folded = _FOLDS.get(char)
    parts = folded if folded is not None else unicodedata.normalize("NFKD", char)
    for part in parts:
        code = _LETTER_CODES.get(part) or _DIGIT_CODES.get(part)
        if code:
            yield code
        elif unicodedata.category(part).startswith("M"):
            continue  # a combining accent left over from the decomposition
        elif unicodedata.decimal(part, None) is not None:
            yield _DIGIT_CODES[str(unicodedata.decimal(part))]
        elif part.isalpha():
            yield _OTHER_LETTER
        else:
            yield _SEPARATOR


@functools.lru_cache(maxsize=4096)
def _codes(char: str) -> tuple[str, ...]:
    """``_character_codes`` remembered: a page sorting 300 names in Python asks for the same
    few dozen characters some 6,000 times (about 4 times faster)."""
    return tuple(_character_codes(char))


def sort_key(text: str, max_chars: int = 120) -> str:
    """Return a digits-only key whose plain string order is Swedish alphabetical order.

    The text is compared case-insensitively, letter by letter: separators (any run of
    whitespace, punctuation and symbols, counted as one) sort first, then 0-9, a-z, å, ä
    and ö. A space therefore sorts before every letter: "Ab" < "Ab d" < "Abc". Separators
    at the start or end are ignored. Only the first ``max_chars`` characters (after
    folding) count, so the key is at most ``2 * max_chars`` digits long.
    """
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    codes: list[str] = []
    pending_separator = False
    for char in text:
        for code in _codes(char):
            if code == _SEPARATOR:
                pending_separator = bool(codes)
                continue
            if pending_separator:
                codes.append(_SEPARATOR)
                pending_separator = False
            codes.append(code)
        if len(codes) >= max_chars:
            break
    return "".join(codes[: max(max_chars, 0)])


def swedish_sorted(items: Iterable[T], key: Callable[[T], str] = lambda x: x) -> list[T]:
    """Sort ``items`` in Swedish alphabetical order of ``key(item)``.

    Items with equal sort keys (differing only in case, accents or punctuation) are
    ordered by the original string, so the result is deterministic.
    """
    return sorted(items, key=lambda item: (sort_key(key(item)), key(item)))


# ---------------------------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_]+")  # runs of letters and digits
_MAX_TERM_LENGTH = 40
_stemmers = threading.local()  # Snowball stemmer objects keep state between calls


@functools.lru_cache(maxsize=100_000)  # texts repeat their words: rebuilding the search index
def _stem(word: str) -> str:
    """Stem one lowercase word with the Swedish Snowball stemmer."""
    stemmer = getattr(_stemmers, "swedish", None)
    if stemmer is None:
        stemmer = _stemmers.swedish = snowballstemmer.stemmer("swedish")
    return stemmer.stemWord(word)


def _words(text: str) -> list[str]:
    """Split text into lowercase words of letters and digits; å, ä and ö stay as they are."""
    return _WORD_RE.findall(unicodedata.normalize("NFC", text).lower())


def search_document(*texts: str) -> str:
    """Return the unique Swedish stems of ``texts`` as " stem stem ... " (for a database column).

    The stems appear in the order of their first occurrence, separated by single spaces,
    with one leading and one trailing space. Texts without any words give "".
    A record matches a query when every term of ``search_query_terms(query)`` is a
    substring of its document, which also finds words inside compounds
    ("förening" in "idrottsförening").
    """
    stems = dict.fromkeys(_stem(word) for text in texts if text for word in _words(text))
    stems.pop("", None)
    return f" {' '.join(stems)} " if stems else ""


def search_query_terms(query: str, max_terms: int = 8) -> list[str]:
    """Return the stems of the words of a search query, ready for ``__contains`` lookups.

    Words shorter than two characters are dropped, the stems are de-duplicated, at most
    ``max_terms`` are kept and each is cut to 40 characters. The terms contain only
    letters and digits, never wildcards, quotes or other query syntax.
    """
    terms: list[str] = []
    for word in _words(query or ""):
        if len(word) < 2:
            continue
        term = _stem(word)[:_MAX_TERM_LENGTH]
        if term and term not in terms:
            terms.append(term)
            if len(terms) >= max_terms:
                break
    return terms


# ---------------------------------------------------------------------------------------------
# Organisation numbers
# ---------------------------------------------------------------------------------------------

_ORGANISATION_NUMBER_RE = re.compile(
    r"(?P<century>[0-9]{2})?(?P<first>[0-9]{6})(?P<separator>[-+]?)(?P<last>[0-9]{4})"
)
_PERSONAL_CENTURIES = {"18", "19", "20"}

_INVALID_FORMAT = _(
    "Enter the organisation number as ten digits in the form NNNNNN-NNNN. "
    "A twelve-digit number must start with 16."
)
_PERSONAL_NUMBER = _(
    "This looks like a personal identity number, not an organisation number. "
    "Personal identity numbers must not be entered here."
)
_WRONG_CHECK_DIGIT = _(
    "This is not a valid organisation number: the last digit does not match the others. "
    "Please check it for typing errors."
)


def luhn_is_valid(digits: str) -> bool:
    """Return whether a string of digits ends in a correct Luhn (modulus 10) check digit."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def normalise_organisation_number(value: str) -> str:
    """Return a Swedish organisation number as "NNNNNN-NNNN", or raise ValidationError.

    Accepts ten digits, or twelve digits starting with "16", with an optional hyphen
    and any spaces. Numbers whose third digit is 0 or 1 (or twelve digits starting with
    18, 19 or 20) are personal identity numbers and are rejected, as is a wrong Luhn
    check digit.
    """
    cleaned = re.sub(r"\s+", "", value) if isinstance(value, str) else ""
    match = _ORGANISATION_NUMBER_RE.fullmatch(cleaned)
    if match is None:
        raise ValidationError(_INVALID_FORMAT, code="invalid")
    century, first, last = match["century"], match["first"], match["last"]
    if century in _PERSONAL_CENTURIES or first[2] in "01":
        raise ValidationError(_PERSONAL_NUMBER, code="personal_identity_number")
    if (century is not None and century != "16") or match["separator"] == "+":
        raise ValidationError(_INVALID_FORMAT, code="invalid")
    if not luhn_is_valid(first + last):
        raise ValidationError(_WRONG_CHECK_DIGIT, code="check_digit")
    return f"{first}-{last}"


def validate_organisation_number(value: str) -> None:
    """Validator for form and model fields; see ``normalise_organisation_number``."""
    normalise_organisation_number(value)


# ---------------------------------------------------------------------------------------------
# Dates and times
# ---------------------------------------------------------------------------------------------

EN_DASH = "\u2013"

_DATE_FORMATS = {
    (False, True): "j F Y",
    (True, True): "l j F Y",
    (False, False): "j F",
    (True, False): "l j F",
}
# (whole hours, other times) per language; other languages use the English style.
_TIME_FORMATS = {"sv": ("G", "G.i"), "en": ("H:i", "H:i")}

_AT_TIME = pgettext_lazy(
    "time of day or time range; Swedish: 'kl. %(time)s'; English: no word", "%(time)s"
)
_UNTIL_TIME = pgettext_lazy("end time without a start time", "until %(time)s")
_DATE_AND_TIME = pgettext_lazy("event date followed by time or 'all day'", "%(date)s, %(time)s")
_ALL_DAY = pgettext_lazy("event that lasts the whole day", "all day")

# The default language must read correctly before the project's Swedish catalog has these
# phrases; once the catalog translates them, the catalog wins.
_SWEDISH_DEFAULTS = {
    "%(time)s": "kl. %(time)s",
    "until %(time)s": "till %(time)s",
    "all day": "heldag",
}


def _language() -> str:
    """Return the base code of the active language ("sv", "en", ...)."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()


def _phrase(message: object) -> str:
    """Translate a lazy message, falling back to the built-in Swedish phrase if needed."""
    translated = str(message)
    if _language() == "sv":
        return _SWEDISH_DEFAULTS.get(translated, translated)
    return translated


def _local(value: D) -> D:
    """Convert an aware datetime to the current time zone; leave anything else as it is."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_date(d: date, *, weekday: bool = False, year: bool = True) -> str:
    """Format a date in the current language: "onsdag 13 september 2023" / "Wednesday 13 ..."."""
    if isinstance(d, datetime):
        d = _local(d).date()
    return dateformat.format(d, _DATE_FORMATS[(weekday, year)])


def format_time(t: time) -> str:
    """Format a time of day: Swedish "16" or "16.30", English "16:00" or "16:30"."""
    whole_hours, other = _TIME_FORMATS.get(_language(), _TIME_FORMATS["en"])
    return dateformat.time_format(t, whole_hours if t.minute == 0 else other)


def format_time_range(start: time | None, end: time | None) -> str:
    """Format a time range: Swedish "kl. 16–18", "kl. 16" (start only), English "16:00–18:00".

    With only an end time: "till kl. 18" / "until 18:00". Without either: "".
    """
    if start is None and end is None:
        return ""
    if start is None:
        return _phrase(_UNTIL_TIME) % {"time": _phrase(_AT_TIME) % {"time": format_time(end)}}
    times = format_time(start)
    if end is not None:
        times = f"{times}{EN_DASH}{format_time(end)}"
    return _phrase(_AT_TIME) % {"time": times}


def format_date_range(start: date, end: date) -> str:
    """Format a span of whole days: "13–14 september 2023", "30 september–2 oktober 2023"."""
    if start == end:
        return format_date(start)
    if start.year != end.year:
        first = format_date(start)
    elif start.month != end.month:
        first = format_date(start, year=False)
    else:
        first = str(start.day)
    return f"{first}{EN_DASH}{format_date(end)}"


def format_when(
    start: datetime | date, end: datetime | date | None = None, *, all_day: bool = False
) -> str:
    """Describe when an event happens, in the current language and time zone.

    Same day: "onsdag 13 september 2023, kl. 16–18"; all day: "tisdag 17 oktober 2023,
    heldag". Across days: all-day events give the span "13–14 september 2023", other
    events both full dates and times separated by a spaced dash, e.g. "onsdag 13
    september 2023, kl. 16 – torsdag 14 september 2023, kl. 12". Aware datetimes are
    shown in the current time zone; plain dates count as all-day.
    """
    all_day = all_day or not isinstance(start, datetime)
    start = _local(start)
    end = _local(end) if end is not None else None
    start_date = start.date() if isinstance(start, datetime) else start
    end_date = end.date() if isinstance(end, datetime) else end
    if end_date is not None and end_date != start_date:
        if all_day:
            return format_date_range(start_date, end_date)
        return f"{_when_on_day(start, None, False)} {EN_DASH} {_when_on_day(end, None, False)}"
    return _when_on_day(start, end, all_day)


def _when_on_day(start: datetime | date, end: datetime | date | None, all_day: bool) -> str:
    """Format a date with its weekday followed by the time range (or "all day")."""
    if all_day or not isinstance(start, datetime):
        times = _phrase(_ALL_DAY)
    else:
        end_time = end.time() if isinstance(end, datetime) else None
        times = format_time_range(start.time(), end_time)
    return _phrase(_DATE_AND_TIME) % {"date": format_date(start, weekday=True), "time": times}
