"""Keeping the index right: signal handlers schedule re-indexing after commit; rebuilding.

A change to a source's model, or to one of its dependants, schedules the affected root objects.
The roots are collected per transaction and re-indexed once, after the transaction has been
committed (``transaction.on_commit``): a root whose ``document()`` is None, or that no longer
exists, leaves the index. Writes that send no signals (``QuerySet.update()``) call
``schedule(obj)`` themselves.

Each entry's words go into the vocabulary (``SearchWord``) and its postings (``SearchPosting``):
one per vocabulary word that occurs in the entry, as a stem of its own or, for words of three
letters or more, inside a longer stem ("förening" in "idrottsförening"). A word that enters
the vocabulary later gets the postings of the entries already indexed that contain it. So the
postings of a word are always every entry whose stem document contains it, and a query term
that is a word of its own needs one index range, best first (see ``selectors``).
"""

from __future__ import annotations

import logging
import threading
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import translation

from samverkan.core.swedish import search_document
from samverkan.search.models import SearchEntry, SearchKind, SearchPosting, SearchWord
from samverkan.search.registry import Document, Source, sources

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 20_000  # text kept per entry (excerpts and the PostgreSQL vector)
MAX_TITLE_CHARS = 500
MIN_STEM_LENGTH = 2  # query words of one letter are dropped, so shorter stems are never searched
MIN_PART_LENGTH = 3  # words of this length or more get postings for the longer words holding them
MAX_STEM_LENGTH = 100  # longer stems (hardly words) are cut
BATCH_SIZE = 500
INSERT_CHUNK = 50_000  # postings written per statement (PostgreSQL) or executemany (others)
LOOKUP_CHUNK = 900  # stems per ``IN (...)`` when looking words up

# Points of a posting, by where the word occurs in the entry; see SearchPosting.
TITLE_WORD, TITLE_PART, TEXT_WORD, TEXT_PART = 8, 4, 2, 1

Key = tuple[str, str]  # (kind, object_pk)


# ---------------------------------------------------------------------------------------------
# Building entries
# ---------------------------------------------------------------------------------------------


def entry_for(source: Source, obj: models.Model) -> SearchEntry | None:
    """The index row of one object, or None when it is not public."""
    with translation.override(settings.LANGUAGE_CODE):  # labels in the site's language
        document: Document | None = source.document(obj)
    if document is None:
        return None
    title = " ".join((document.title or "").split())[:MAX_TITLE_CHARS]
    text = (document.text or "")[:MAX_TEXT_CHARS]
    return SearchEntry(
        kind=source.kind,
        object_pk=str(obj.pk),
        title=title,
        text=text,
        path=document.path[:500],
        date=document.date,
        search_document=search_document(title, text, document.extra or ""),
        title_document=search_document(title),
    )


def day_number(value) -> int:
    """The posting's ``day``: the entry's date as a day number, 0 without a date."""
    return value.toordinal() if value else 0


def _stems(entry: SearchEntry) -> tuple[set[str], set[str]]:
    """The indexed stems of an entry, and those of them in its title."""

    def cut(document: str) -> set[str]:
        return {stem[:MAX_STEM_LENGTH] for stem in document.split() if len(stem) >= MIN_STEM_LENGTH}

    return cut(entry.search_document), cut(entry.title_document)


def _substrings(stem: str) -> set[str]:
    """Every piece of ``stem`` of ``MIN_PART_LENGTH`` letters or more, the stem included."""
    return {
        stem[start:end]
        for start in range(len(stem) - MIN_PART_LENGTH + 1)
        for end in range(start + MIN_PART_LENGTH, len(stem) + 1)
    }


def _inner_parts(stem: str, vocabulary) -> list[str]:
    """The vocabulary words of ``MIN_PART_LENGTH`` letters or more inside ``stem``."""
    return [part for part in _substrings(stem) if part != stem and part in vocabulary]


def _points(words: Iterable[tuple[int, bool]], parts: dict[int, list[int]]) -> dict[int, int]:
    """{word id: points} of one entry from its own words (id, in the title) and ``parts``, the
    words inside each word."""
    points: dict[int, int] = {}
    for word, in_title in words:
        whole = TITLE_WORD if in_title else TEXT_WORD
        if points.get(word, 0) < whole:
            points[word] = whole
        part_points = TITLE_PART if in_title else TEXT_PART
        for part in parts.get(word, ()):
            if points.get(part, 0) < part_points:
                points[part] = part_points
    return points


def _insert_postings(rows: list[tuple[int, int, int, int, int]]) -> None:
    """Write postings (word id, entry id, points, day, kind id) in bulk, without objects."""
    table = connection.ops.quote_name(SearchPosting._meta.db_table)
    columns = "(word_id, entry_id, points, day, kind_id)"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[start : start + INSERT_CHUNK]
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"INSERT INTO {table} {columns} SELECT * FROM unnest(%s::bigint[], "
                    "%s::bigint[], %s::smallint[], %s::integer[], %s::smallint[])",
                    [list(column) for column in zip(*chunk, strict=True)],
                )
            else:
                cursor.executemany(
                    f"INSERT INTO {table} {columns} VALUES (%s, %s, %s, %s, %s)", chunk
                )


def _kind_ids(kinds: Iterable[str]) -> dict[str, int]:
    """{kind: id}, numbering the kinds not seen before."""
    kinds = set(kinds)
    SearchKind.objects.bulk_create(
        [SearchKind(name=kind) for kind in sorted(kinds)], ignore_conflicts=True
    )
    return dict(SearchKind.objects.filter(name__in=kinds).values_list("name", "pk"))


def _word_ids(stems: Iterable[str]) -> dict[str, int]:
    """{stem: id} of those of ``stems`` that are in the vocabulary."""
    stems = sorted(set(stems))
    found: dict[str, int] = {}
    for start in range(0, len(stems), LOOKUP_CHUNK):
        chunk = stems[start : start + LOOKUP_CHUNK]
        found.update(SearchWord.objects.filter(stem__in=chunk).values_list("stem", "pk"))
    return found


def _backfill(word: SearchWord) -> None:
    """Postings for a word new to the vocabulary in the entries already indexed that hold it
    inside a longer word: the entries of every longer word that contains it."""
    longer = (
        SearchWord.objects.filter(stem__contains=word.stem, length__gt=word.length)
        .values("pk")
        .query.sql_with_params()
    )
    table = connection.ops.quote_name(SearchPosting._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (word_id, entry_id, points, day, kind_id) "
            f"SELECT %s, p.entry_id, MAX(CASE WHEN p.points >= {TITLE_PART} THEN {TITLE_PART} "
            f"ELSE {TEXT_PART} END), MAX(p.day), MAX(p.kind_id) FROM {table} p "
            f"WHERE p.word_id IN ({longer[0]}) "
            # A writer on SQLite that read the vocabulary before another one added the word
            # may come second; it adds nothing.
            f"AND NOT EXISTS (SELECT 1 FROM {table} x WHERE x.word_id = %s) "
            "GROUP BY p.entry_id",
            [word.pk, *longer[1], word.pk],
        )


def _index_words(entries: list[SearchEntry]) -> None:
    """Add the entries' stems to the vocabulary and write their postings (the entries are saved
    and have no postings yet). Words new to the vocabulary also get postings in the entries
    indexed before that hold them inside a longer word."""
    stems_of = {entry.pk: _stems(entry) for entry in entries}
    all_stems = set().union(*(stems for stems, _ in stems_of.values()))
    if not all_stems:
        return
    ids = _word_ids(all_stems)
    new = sorted(all_stems - ids.keys())
    SearchWord.objects.bulk_create(
        [SearchWord(stem=stem, length=len(stem)) for stem in new],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    for word in SearchWord.objects.filter(stem__in=new, length__gte=MIN_PART_LENGTH):
        _backfill(word)  # before this batch's postings, which hold the new words already
    substrings = set().union(*(_substrings(stem) for stem in all_stems))
    ids = _word_ids(all_stems | substrings)
    parts = {ids[stem]: [ids[part] for part in _inner_parts(stem, ids)] for stem in all_stems}
    kinds = _kind_ids(entry.kind for entry in entries)
    rows = []
    for entry in entries:
        stems, title = stems_of[entry.pk]
        day, kind = day_number(entry.date), kinds[entry.kind]
        own = ((ids[stem], stem in title) for stem in stems)
        rows += [(word, entry.pk, value, day, kind) for word, value in _points(own, parts).items()]
    _insert_postings(rows)


def _lock_index() -> None:
    """One writer of the index at a time (PostgreSQL; SQLite has one writer anyway): a word
    new to the vocabulary must see every posting it is to be added to."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INDEX_LOCK])


INDEX_LOCK = 7_414_101  # any number of our own; names the advisory lock of the search index


def _remove(entries) -> None:
    """Remove entries (a queryset of SearchEntry) and their postings."""
    pks = list(entries.values_list("pk", flat=True))
    for start in range(0, len(pks), LOOKUP_CHUNK):
        chunk = pks[start : start + LOOKUP_CHUNK]
        SearchPosting.objects.filter(entry_id__in=chunk).delete()
        SearchEntry.objects.filter(pk__in=chunk).delete()


def reindex(keys: Iterable[Key]) -> None:
    """Re-index these roots now: rewrite their rows, or remove them when not public."""
    by_kind: dict[str, set[str]] = defaultdict(set)
    for kind, pk in keys:
        by_kind[kind].add(str(pk))
    with transaction.atomic():
        _lock_index()
        written: list[SearchEntry] = []
        for kind, pks in by_kind.items():
            source = next((s for s in sources() if s.kind == kind), None)
            entries: list[SearchEntry] = []
            if source is not None:
                pk_field = source.model._meta.pk
                objects = source.queryset().filter(pk__in=[pk_field.to_python(p) for p in pks])
                entries = [e for e in (entry_for(source, obj) for obj in objects) if e]
            _remove(SearchEntry.objects.filter(kind=kind, object_pk__in=pks))
            written += SearchEntry.objects.bulk_create(entries)
        _index_words(written)


def schedule(obj: models.Model) -> None:
    """Re-index, after the current transaction commits, what depends on ``obj``.

    ``obj`` may be a source's own object or a dependant; call this after writes that send no
    signals, such as ``QuerySet.update()``."""
    keys = roots_of(obj)
    if keys:
        _schedule_keys(keys)


def roots_of(obj: models.Model) -> set[Key]:
    """The (kind, pk) of every root object whose document may change when ``obj`` changes."""
    keys: set[Key] = set()
    for source in sources():
        if isinstance(obj, source.model) and obj.pk is not None:
            keys.add((source.kind, str(obj.pk)))
        for model, roots in source.dependants.items():
            if not isinstance(obj, model):
                continue
            try:
                found = list(roots(obj) or ())
            except ObjectDoesNotExist:
                found = []  # a related row is already gone; its own signal handles it
            keys.update((source.kind, str(root.pk)) for root in found if root.pk is not None)
    return keys


# ---------------------------------------------------------------------------------------------
# One batch per transaction
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Batch:
    using: str
    keys: set[Key] = field(default_factory=set)
    done: bool = False

    def flush(self) -> None:
        self.done = True
        if self.keys:
            reindex(self.keys)


_local = threading.local()


def _schedule_keys(keys: set[Key], using: str = DEFAULT_DB_ALIAS) -> None:
    connection = connections[using]
    batches: dict[str, _Batch] = getattr(_local, "batches", None) or {}
    _local.batches = batches
    batch = batches.get(using)
    # The batch is reused while its callback is still waiting for this transaction's commit;
    # after a commit, a rollback or a run it is gone from the list, and a new one starts.
    alive = (
        batch is not None
        and not batch.done
        and connection.in_atomic_block
        and any(callback == batch.flush for _, callback, _ in connection.run_on_commit)
    )
    if not alive:
        batch = batches[using] = _Batch(using=using)
        batch.keys.update(keys)
        transaction.on_commit(batch.flush, using=using, robust=True)
    else:
        batch.keys.update(keys)


# ---------------------------------------------------------------------------------------------
# Signals
# ---------------------------------------------------------------------------------------------

_paused = threading.local()


def _on_change(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or getattr(_paused, "on", False):
        return  # fixtures being loaded, or a rebuild that follows anyway
    schedule(instance)


def _on_m2m(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if getattr(_paused, "on", False):
        return
    if action == "pre_clear" and instance.__class__ in _watched:
        schedule(instance)  # what it is linked to now, before the links are gone
    if not action.startswith("post_"):
        return
    if instance.__class__ in _watched:
        # The instance's roots cover the change; of the other side only the objects that are
        # roots themselves (their documents may list the link), not everything they reach.
        schedule(instance)
        kinds = [source.kind for source in sources() if source.model is model]
        if kinds and pk_set:
            _schedule_keys({(kind, str(pk)) for kind in kinds for pk in pk_set})
    elif model in _watched and pk_set:
        for other in model._default_manager.filter(pk__in=pk_set):
            schedule(other)


_watched: set[type[models.Model]] = set()


def connect_signals() -> None:
    """Watch every registered source model and its dependants (idempotent)."""
    for source in sources():
        for model in [source.model, *source.dependants]:
            if model in _watched:
                continue
            _watched.add(model)
            uid = f"search-{model._meta.label}"
            post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}-save", weak=False)
            # Before a delete, while its links still exist; after it, for what it was part of.
            pre_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-pre", weak=False)
            post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete", weak=False)
    m2m_changed.connect(_on_m2m, dispatch_uid="search-m2m", weak=False)


class paused:
    """Inside ``with paused():`` changes are not indexed (a rebuild must follow)."""

    def __enter__(self) -> None:
        self._before = getattr(_paused, "on", False)
        _paused.on = True

    def __exit__(self, *exc) -> None:
        _paused.on = self._before


# ---------------------------------------------------------------------------------------------
# Rebuilding
# ---------------------------------------------------------------------------------------------


def rebuild(*, batch_size: int = BATCH_SIZE) -> int:
    """Rebuild the whole index, vocabulary and postings from the sources. Returns the number
    of entries.

    The entries are written in batches; their stems are kept (as word ids) until every entry
    is written, because only then is the vocabulary complete for finding words inside words.
    The postings follow, in bulk."""
    count = 0
    ids: dict[str, int] = {}
    # Per entry: id, day, kind id, word ids, in the title (0/1)
    kept: list[tuple[int, int, int, array, array]] = []
    with transaction.atomic():
        _lock_index()
        SearchPosting.objects.all().delete()
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
        for source in sources():
            queryset = source.queryset().order_by("pk")
            batch: list[SearchEntry] = []
            for obj in queryset.iterator(chunk_size=batch_size):
                entry = entry_for(source, obj)
                if entry is not None:
                    batch.append(entry)
                if len(batch) >= batch_size:
                    count += _write(batch, ids, kept)
                    batch = []
            count += _write(batch, ids, kept)
        parts = {
            ids[stem]: [ids[part] for part in _inner_parts(stem, ids)]
            for stem in ids
            if len(stem) > MIN_PART_LENGTH
        }
        rows: list[tuple[int, int, int, int, int]] = []
        for entry, day, kind, word_ids, title_flags in kept:
            points = _points(zip(word_ids, title_flags, strict=True), parts)
            rows += [(word, entry, value, day, kind) for word, value in points.items()]
            if len(rows) >= INSERT_CHUNK:
                _insert_postings(rows)
                rows = []
        _insert_postings(rows)
    return count


def _write(
    entries: list[SearchEntry],
    ids: dict[str, int],
    kept: list[tuple[int, int, int, array, array]],
) -> int:
    """Save a batch of entries and their new words; keep their stems for the postings."""
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    kinds = _kind_ids(entry.kind for entry in entries)
    stems_of = [_stems(entry) for entry in entries]
    new = sorted(set().union(*(stems for stems, _ in stems_of)) - ids.keys())
    for word in SearchWord.objects.bulk_create(
        [SearchWord(stem=stem, length=len(stem)) for stem in new], batch_size=BATCH_SIZE
    ):
        ids[word.stem] = word.pk
    for entry, (stems, title) in zip(entries, stems_of, strict=True):
        ordered = sorted(stems)
        kept.append(
            (
                entry.pk,
                day_number(entry.date),
                kinds[entry.kind],
                array("q", (ids[stem] for stem in ordered)),
                array("b", (stem in title for stem in ordered)),
            )
        )
    return len(entries)
