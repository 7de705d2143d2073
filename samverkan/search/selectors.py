"""Searching the index in Swedish: stems, parts of compounds, typos, ranking, highlighting.

A query is split into Swedish stems (``core.swedish.search_query_terms``). An entry matches
when every stem occurs in its stem document, also inside a compound ("förening" finds
"idrottsförening"). A stem that occurs nowhere in the index is replaced by the closest indexed
stem within a small edit distance ("förenig" → "förening"). The hits are ranked by where each
stem is found: in the title as a whole word, in the title as part of a word, in the text as a
whole word, in the text as part of a word; on PostgreSQL ties are broken by ``ts_rank`` with
the 'swedish' configuration, then by date (newest first) on both databases.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Case, F, IntegerField, Max, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.fields import FloatField
from django.utils.safestring import SafeString, mark_safe

from samverkan.core.swedish import search_query_terms
from samverkan.search.models import SearchEntry, SearchWord
from samverkan.search.registry import sources

MAX_QUERY_CHARS = 500  # the rest of an enormous query is ignored
MAX_CANDIDATES = 5000  # vocabulary rows compared per query when correcting typos
EXCERPT_CHARS = 240

# Points for where a term is found; the sum over the terms ranks the hits.
TITLE_WORD, TITLE_PART, TEXT_WORD, TEXT_PART = 8, 4, 2, 1


@dataclass(frozen=True)
class SearchCriteria:
    q: str = ""
    kind: str = ""
    date_from: date | None = None
    date_to: date | None = None


@dataclass
class ParsedQuery:
    terms: list[str] = field(default_factory=list)  # the stems searched for (after correction)
    corrected: bool = False  # a term was replaced by the closest indexed stem
    corrected_text: str = ""  # the query as searched, for "Visar resultat för …"


def _stem(word: str) -> str:
    """The Swedish stem of one word (as the index and the query terms have it)."""
    stems = search_query_terms(word, max_terms=1)
    return stems[0] if stems else word.lower()


# ---------------------------------------------------------------------------------------------
# Typos
# ---------------------------------------------------------------------------------------------


def _max_distance(term: str) -> int:
    return 0 if len(term) < 4 else 1 if len(term) < 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count once), or ``limit + 1`` if larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _unmatched(terms: list[str]) -> list[str]:
    """The terms that occur in no entry at all (one query)."""
    if not terms:
        return []
    found = SearchEntry.objects.aggregate(
        **{
            f"t{i}": Max(
                Case(
                    When(search_document__contains=term, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
            for i, term in enumerate(terms)
        }
    )
    return [term for i, term in enumerate(terms) if not found[f"t{i}"]]


def _corrections(wanted: dict[str, str]) -> dict[str, str]:
    """For each term, the closest indexed stem to the text it came from (``wanted`` maps the
    term to that text), within a small edit distance."""
    wanted = {term: text for term, text in wanted.items() if _max_distance(text)}
    if not wanted:
        return {}
    condition = Q()
    for text in wanted.values():
        limit = _max_distance(text)
        condition |= Q(
            stem__startswith=text[0], length__gte=len(text) - limit, length__lte=len(text) + limit
        )
    candidates = list(
        SearchWord.objects.filter(condition)
        .order_by("length", "stem")
        .values_list("stem", flat=True)[:MAX_CANDIDATES]
    )
    corrections: dict[str, str] = {}
    for term, text in wanted.items():
        limit = _max_distance(text)
        best: tuple[int, int, str] | None = None
        for stem in candidates:
            if stem[0] != text[0] or stem == term:
                continue
            distance = edit_distance(text, stem, limit)
            if distance <= limit:
                rank = (distance, abs(len(stem) - len(text)), stem)
                if best is None or rank < best:
                    best = rank
        if best is not None:
            corrections[term] = best[2]
    return corrections


def parse_query(q: str) -> ParsedQuery:
    """The stems to search for, with typos corrected.

    A stem that is not an indexed word is corrected to the closest indexed word when it
    occurs nowhere at all, or when stemming cut a misspelt word down to a fragment of other
    words ("förenig" → "fören", found inside "förening": corrected to "förening"). A part of a
    compound that was typed as it is ("gård" in "hembygdsgård") is searched as typed."""
    q = (q or "")[:MAX_QUERY_CHARS]
    terms = search_query_terms(q)
    parsed = ParsedQuery(terms=terms)
    if not terms:
        return parsed
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", q).lower())
    origin: dict[str, str] = {}
    for word in words:
        if len(word) >= 2:
            origin.setdefault(_stem(word), word[:40])
    known = set(SearchWord.objects.filter(stem__in=terms).values_list("stem", flat=True))
    unknown = [t for t in terms if t not in known]
    if not unknown:
        return parsed
    unmatched = set(_unmatched(unknown))
    wanted = {}
    for term in unknown:
        word = origin.get(term, term)
        if term in unmatched:
            wanted[term] = term
        elif word != term:
            wanted[term] = word
    corrections = _corrections(wanted)
    if not corrections:
        return parsed
    parsed.terms = list(dict.fromkeys(corrections.get(t, t) for t in terms))
    parsed.corrected = True
    # Show the query with each misspelt word replaced by its correction.
    shown = [corrections.get(_stem(w), w) if len(w) >= 2 else w for w in words[:20]]
    parsed.corrected_text = " ".join(shown)
    return parsed


# ---------------------------------------------------------------------------------------------
# Searching
# ---------------------------------------------------------------------------------------------


def _score(terms: list[str]):
    total = Value(0)
    for term in terms:
        total = total + Case(
            When(title_document__contains=f" {term} ", then=Value(TITLE_WORD)),
            When(title_document__contains=term, then=Value(TITLE_PART)),
            When(search_document__contains=f" {term} ", then=Value(TEXT_WORD)),
            default=Value(TEXT_PART),
            output_field=IntegerField(),
        )
    return total


def search(criteria: SearchCriteria, parsed: ParsedQuery) -> QuerySet[SearchEntry]:
    """The matching entries, best first. No terms: no hits."""
    entries = SearchEntry.objects.all()
    if not parsed.terms:
        return entries.none()
    for term in parsed.terms:
        entries = entries.filter(search_document__contains=term)
    if criteria.kind:
        entries = entries.filter(kind=criteria.kind)
    if criteria.date_from:
        entries = entries.filter(date__gte=criteria.date_from)
    if criteria.date_to:
        entries = entries.filter(date__lte=criteria.date_to)
    entries = entries.annotate(score=_score(parsed.terms))
    order = [F("score").desc()]
    if connection.vendor == "postgresql":
        # The stems hold only letters and digits, so joining them with | is a safe tsquery.
        entries = entries.annotate(
            text_rank=RawSQL(
                "ts_rank(search_vector, to_tsquery('swedish'::regconfig, %s))",
                [" | ".join(parsed.terms)],
                output_field=FloatField(),
            )
        )
        order.append(F("text_rank").desc())
    order += [F("date").desc(nulls_last=True), "title", "pk"]
    return entries.order_by(*order).defer("search_document", "title_document")


def kind_labels() -> dict[str, str]:
    return {source.kind: str(source.label) for source in sources()}


# ---------------------------------------------------------------------------------------------
# Showing a hit: excerpt and highlighting
# ---------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


def _matches(word: str, terms: list[str]) -> bool:
    lowered = unicodedata.normalize("NFC", word).lower()
    stem = _stem(lowered)
    return any(term in stem or term in lowered for term in terms)


def highlight(text: str, terms: list[str]) -> SafeString:
    """The text, escaped, with every word that matches a term wrapped in <mark>."""
    parts: list[str] = []
    position = 0
    for match in _WORD.finditer(text):
        if terms and _matches(match.group(), terms):
            parts.append(html.escape(text[position : match.start()]))
            parts.append(f"<mark>{html.escape(match.group())}</mark>")
            position = match.end()
    parts.append(html.escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of the text is escaped above


def excerpt(text: str, terms: list[str], length: int = EXCERPT_CHARS) -> SafeString:
    """A short piece of the text around the first matching word, highlighted."""
    text = " ".join(text.split())
    start = 0
    for match in _WORD.finditer(text):
        if _matches(match.group(), terms):
            start = max(0, match.start() - length // 3)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    piece = text[start:end]
    result = highlight(piece, terms)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{result}{suffix}")  # noqa: S308 - highlight() escaped the text
