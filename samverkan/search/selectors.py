"""Searching the index in Swedish: stems, parts of compounds, typos, ranking, highlighting.

A query is split into Swedish stems (``core.swedish.search_query_terms``). An entry matches
when every stem occurs in its stem document, also inside a compound ("förening" finds
"idrottsförening"). A stem that occurs nowhere in the index is replaced by the closest indexed
stem within a small edit distance ("förenig" → "förening").

The terms are looked up in the vocabulary (``SearchWord``); the entries come from the postings
(``SearchPosting``, see ``index``), whose points say where each term is found: in the title as
a whole word (8), in the title as part of a word (4), in the text as a whole word (2), in the
text as part of a word (1). The hits are ranked by the sum of the points, then (PostgreSQL
only, among the first ``TEXT_RANKED``) by ``ts_rank`` with the 'swedish' configuration, then
by date (newest first).

At most ``MAX_HITS`` hits are ranked and counted: the first ones in the order of the rarest
term's postings (most points, newest), that hold every other term too. With one term that
order is the ranking itself.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe

from samverkan.core.swedish import search_query_terms
from samverkan.search.index import MIN_PART_LENGTH, TEXT_PART, TITLE_PART, day_number
from samverkan.search.models import SearchEntry, SearchKind, SearchPosting, SearchWord
from samverkan.search.registry import sources

MAX_QUERY_CHARS = 500  # the rest of an enormous query is ignored
MAX_CANDIDATES = 5000  # vocabulary rows compared per query when correcting typos
MAX_HITS = 1000  # hits ranked and counted per query; "more than 1000" beyond
SIZE_LIMIT = 5_000  # postings counted per term to find the rarest
TEXT_RANKED = 100  # PostgreSQL: hits whose equal points are ordered by ts_rank
EXCERPT_CHARS = 240


@dataclass(frozen=True)
class SearchCriteria:
    q: str = ""
    kind: str = ""
    date_from: date | None = None
    date_to: date | None = None


@dataclass
class Term:
    """A query stem and the vocabulary words whose postings hold its entries."""

    stem: str
    word: int | None = None  # the vocabulary word equal to the stem
    words: list[int] = field(default_factory=list)  # [word] when its postings are complete
    size: int | None = None  # its postings, counted up to SIZE_LIMIT

    @property
    def single(self) -> bool:
        """Its entries are the postings of one word, with their points as they are."""
        return self.word is not None and self.words == [self.word]


@dataclass
class ParsedQuery:
    terms: list[str] = field(default_factory=list)  # the stems searched for (after correction)
    corrected: bool = False  # a term was replaced by the closest indexed stem
    corrected_text: str = ""  # the query as searched, for "Visar resultat för …"
    found: dict[str, Term] = field(default_factory=dict)  # the terms' words (missing: none)


def _stem(word: str) -> str:
    """The Swedish stem of one word (as the index and the query terms have it)."""
    stems = search_query_terms(word, max_terms=1)
    return stems[0] if stems else word.lower()


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


# ---------------------------------------------------------------------------------------------
# The vocabulary
# ---------------------------------------------------------------------------------------------


def _covering(term: str, containing: dict[str, int]) -> list[int]:
    """Of the words containing ``term``, those whose postings together hold every entry that
    contains it: a word's postings already hold the longer words it is part of, so only the
    words with no shorter containing word of ``MIN_PART_LENGTH`` letters or more inside."""
    shortest = max(len(term), MIN_PART_LENGTH)
    covering = []
    for stem, pk in containing.items():
        inside = (
            stem[start:end]
            for start in range(len(stem) - shortest + 1)
            for end in range(start + shortest, len(stem) + 1)
        )
        if not any(part != stem and part in containing for part in inside):
            covering.append(pk)
    return sorted(covering)


def look_up(terms: list[str]) -> dict[str, Term]:
    """The vocabulary words of each term, in one query.

    A term of ``MIN_PART_LENGTH`` letters or more that is a word of its own needs only that
    word. Any other term (not a word, or a short one, whose postings hold only its whole-word
    occurrences) needs the words that contain it; none when it occurs nowhere."""
    found = {term: Term(stem=term) for term in terms}
    if not terms:
        return found
    words = _table(SearchWord)
    placeholders = ", ".join(["%s"] * len(terms))
    parts = [f"SELECT w.id, w.stem, 1 FROM {words} w WHERE w.stem IN ({placeholders})"]
    params: list = list(terms)
    for term in terms:
        # The stems hold only letters and digits: no LIKE wildcards to escape.
        if len(term) >= MIN_PART_LENGTH:
            parts.append(
                f"SELECT w.id, w.stem, 0 FROM {words} w WHERE w.stem LIKE %s "
                f"AND NOT EXISTS (SELECT 1 FROM {words} x WHERE x.stem = %s)"
            )
        else:
            parts.append(
                f"SELECT w.id, w.stem, 0 FROM {words} w WHERE w.stem LIKE %s AND w.stem <> %s"
            )
        params += [f"%{term}%", term]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    containing: dict[str, dict[str, int]] = {term: {} for term in terms}
    for pk, stem, exact in rows:
        if exact:
            found[stem].word = pk
        for term in terms:
            if term in stem:
                containing[term][stem] = pk
    for term, entry in found.items():
        if entry.word is not None and len(term) >= MIN_PART_LENGTH:
            entry.words = [entry.word]
        else:
            entry.words = _covering(term, containing[term])
    return found


def _count_sizes(found: list[Term]) -> None:
    """Count each term's postings, up to SIZE_LIMIT (one query)."""
    postings = _table(SearchPosting)
    parts, params = [], []
    for n, term in enumerate(found):
        placeholders = ", ".join(["%s"] * len(term.words))
        parts.append(
            f"SELECT {n}, COUNT(*) FROM (SELECT 1 FROM {postings} p "
            f"WHERE p.word_id IN ({placeholders}) LIMIT {SIZE_LIMIT}) counted"
        )
        params += term.words
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for n, count in cursor.fetchall():
            found[n].size = count


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


def _corrections(wanted: dict[str, str]) -> dict[str, tuple[str, int]]:
    """For each term, the closest indexed stem (and its id) to the text it came from
    (``wanted`` maps the term to that text), within a small edit distance."""
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
        .values_list("stem", "pk")[:MAX_CANDIDATES]
    )
    corrections: dict[str, tuple[str, int]] = {}
    for term, text in wanted.items():
        limit = _max_distance(text)
        best: tuple[int, int, str, int] | None = None
        for stem, pk in candidates:
            if stem[0] != text[0] or stem == term:
                continue
            distance = edit_distance(text, stem, limit)
            if distance <= limit:
                rank = (distance, abs(len(stem) - len(text)), stem, pk)
                if best is None or rank < best:
                    best = rank
        if best is not None:
            corrections[term] = (best[2], best[3])
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
    parsed.found = look_up(terms)
    wanted = {}
    for term in terms:
        if parsed.found[term].word is not None:
            continue  # a word of its own
        word = origin.get(term, term)
        if not parsed.found[term].words:
            wanted[term] = term  # found nowhere
        elif word != term:
            wanted[term] = word
    corrections = _corrections(wanted) if wanted else {}
    if not corrections:
        return parsed
    for stem, pk in corrections.values():
        # The stems put forward are three letters or more, so their postings are complete.
        parsed.found.setdefault(stem, Term(stem=stem, word=pk, words=[pk]))
    parsed.terms = list(dict.fromkeys(corrections.get(t, (t,))[0] for t in terms))
    parsed.corrected = True
    # Show the query with each misspelt word replaced by its correction.
    fixed = {term: stem for term, (stem, _) in corrections.items()}
    shown = [fixed.get(_stem(w), w) if len(w) >= 2 else w for w in words[:20]]
    parsed.corrected_text = " ".join(shown)
    return parsed


# ---------------------------------------------------------------------------------------------
# Searching
# ---------------------------------------------------------------------------------------------


class SearchResults:
    """The hits of a query, best first, as Django's ``Paginator`` wants them: ``count()`` and
    slices. One query ranks the hits (their ids, at most MAX_HITS; ``more`` says whether there
    are more), another reads the entries of a slice."""

    def __init__(self, criteria: SearchCriteria, parsed: ParsedQuery) -> None:
        self.criteria = criteria
        self.terms = [parsed.found[term] for term in parsed.terms if term in parsed.found]
        self.empty = not self.terms or any(not term.words for term in self.terms)
        self.more = False
        self._ranked: list[int] | None = None
        if not self.empty and len(self.terms) > 1:
            _count_sizes(self.terms)
            # The rarest term leads; a single word's postings come best first from the index.
            self.terms.sort(key=lambda t: (t.size or 0, not t.single))

    def ranked(self) -> list[int]:
        """The ids of the hits, best first (one query, the first time)."""
        if self._ranked is None:
            ranked: list[int] = []
            if not self.empty:
                with connection.cursor() as cursor:
                    cursor.execute(*self._ranking())
                    ranked = [row[0] for row in cursor.fetchall()]
            self.more = len(ranked) > MAX_HITS
            self._ranked = ranked[:MAX_HITS]
        return self._ranked

    def count(self) -> int:
        return len(self.ranked())

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        return iter(self[0 : self.count()])

    def __getitem__(self, index: slice) -> list[SearchEntry]:
        if not isinstance(index, slice):
            raise TypeError("SearchResults can only be sliced")
        ids = self.ranked()[index]
        if not ids:
            return []
        entries = SearchEntry.objects.defer("search_document", "title_document").in_bulk(ids)
        return [entries[pk] for pk in ids]

    # The SQL: ``_candidates`` reads the first hits in the leading term's order, with the
    # filters; ``_ranking`` ranks them by all the terms' points.

    def _points(self, term: Term, alias: str) -> str:
        """SQL for the term's points in a posting row ``alias`` of one of its words."""
        if term.single:
            return f"{alias}.points"
        own = f"WHEN {alias}.word_id = {int(term.word)} THEN {alias}.points " if term.word else ""
        return (
            f"CASE {own}WHEN {alias}.points >= {TITLE_PART} THEN {TITLE_PART} ELSE {TEXT_PART} END"
        )

    def _words(self, term: Term, alias: str) -> str:
        return f"{alias}.word_id IN ({', '.join(str(int(pk)) for pk in term.words)})"

    def _candidates(self, limit: int) -> tuple[str, list]:
        postings = _table(SearchPosting)
        lead, others = self.terms[0], self.terms[1:]
        if lead.single:
            source = f"{postings} d"
            where = [f"d.word_id = {int(lead.word)}"]
        elif len(lead.words) == 1:  # one word holds it, with other points: no grouping
            source = (
                f"(SELECT p.entry_id, {self._points(lead, 'p')} AS points, p.day, p.kind_id "
                f"FROM {postings} p WHERE {self._words(lead, 'p')}) d"
            )
            where = []
        else:
            source = (
                f"(SELECT p.entry_id, MAX({self._points(lead, 'p')}) AS points, "
                f"MAX(p.day) AS day, MAX(p.kind_id) AS kind_id FROM {postings} p "
                f"WHERE {self._words(lead, 'p')} GROUP BY p.entry_id) d"
            )
            where = []
        params: list = []
        if self.criteria.kind:
            kinds = _table(SearchKind)
            where.append(f"d.kind_id = (SELECT k.id FROM {kinds} k WHERE k.name = %s)")
            params.append(self.criteria.kind)
        if self.criteria.date_from:
            where.append("d.day >= %s")
            params.append(day_number(self.criteria.date_from))
        if self.criteria.date_to:
            where.append("d.day BETWEEN 1 AND %s")
            params.append(day_number(self.criteria.date_to))
        for term in others:
            where.append(
                f"EXISTS (SELECT 1 FROM {postings} q WHERE q.entry_id = d.entry_id "
                f"AND {self._words(term, 'q')})"
            )
        sql = (
            f"SELECT d.entry_id, d.points, d.day FROM {source} "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} "
            f"ORDER BY d.points DESC, d.day DESC, d.entry_id DESC LIMIT {int(limit)}"
        )
        return sql, params

    def _ranking(self) -> tuple[str, list]:
        postings, entries = _table(SearchPosting), _table(SearchEntry)
        candidates, params = self._candidates(MAX_HITS + 1)
        score = "h.points"
        for term in self.terms[1:]:
            score += (
                f" + (SELECT MAX({self._points(term, 'q')}) FROM {postings} q "
                f"WHERE q.entry_id = h.entry_id AND {self._words(term, 'q')})"
            )
        scored = f"SELECT h.entry_id, h.day, {score} AS score FROM ({candidates}) h"
        if connection.vendor != "postgresql":
            return f"{scored} ORDER BY score DESC, h.day DESC, h.entry_id DESC", params
        # Equal points among the first TEXT_RANKED hits are ordered by ts_rank: reading the
        # text vectors of every hit would cost more than the rest of the search. The stems
        # hold only letters and digits, so joining them with | is a safe tsquery.
        query = " | ".join(term.stem for term in self.terms)
        sql = (
            "SELECT s.entry_id FROM (SELECT s.*, ROW_NUMBER() OVER "
            "(ORDER BY s.score DESC, s.day DESC, s.entry_id DESC) AS n "
            f"FROM ({scored}) s) s ORDER BY s.n <= {TEXT_RANKED} DESC, s.score DESC, "
            f"CASE WHEN s.n <= {TEXT_RANKED} THEN (SELECT ts_rank(v.search_vector, "
            f"to_tsquery('swedish'::regconfig, %s)) FROM {entries} v WHERE v.id = s.entry_id) "
            "ELSE 0 END DESC, s.day DESC, s.entry_id DESC"
        )
        return sql, [*params, query]


def search(criteria: SearchCriteria, parsed: ParsedQuery) -> SearchResults:
    """The matching entries, best first. No terms: no hits."""
    return SearchResults(criteria, parsed)


def kind_labels() -> dict[str, str]:
    return {source.kind: str(source.label) for source in sources()}


# ---------------------------------------------------------------------------------------------
# Showing a hit: excerpt and highlighting
# ---------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


def _matches(word: str, terms: list[str]) -> bool:
    """Whether a term is in the word's stem. The Swedish stemmer only cuts endings, so a stem
    is the start of its word and the word itself can be searched, without stemming it."""
    lowered = unicodedata.normalize("NFC", word).lower()
    return any(term in lowered for term in terms)


def _matching_words(text: str, terms: list[str]):
    """The matches of ``_WORD`` in ``text`` (composed, NFC) that match a term, in order."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # Rare: lowering changes the length ("İ" becomes two letters). Word by word.
        yield from (m for m in _WORD.finditer(text) if _matches(m.group(), terms))
        return
    # A term holds only letters and digits, so where it is found it lies inside one word.
    found = sorted({m.start() for term in terms for m in re.finditer(re.escape(term), lowered)})
    if not found:
        return
    for match in _WORD.finditer(text):
        first = bisect.bisect_left(found, match.start())
        if first < len(found) and found[first] < match.end():
            yield match


def highlight(text: str, terms: list[str]) -> SafeString:
    """The text, escaped, with every word that matches a term wrapped in <mark>."""
    text = unicodedata.normalize("NFC", text)  # "ö" as one letter, as the index has it
    parts: list[str] = []
    position = 0
    for match in _matching_words(text, terms) if terms else ():
        parts.append(html.escape(text[position : match.start()]))
        parts.append(f"<mark>{html.escape(match.group())}</mark>")
        position = match.end()
    parts.append(html.escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of the text is escaped above


def excerpt(text: str, terms: list[str], length: int = EXCERPT_CHARS) -> SafeString:
    """A short piece of the text around the first matching word, highlighted."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    start = 0
    for match in _matching_words(text, terms):
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
