"""Keeping the index right: signal handlers schedule re-indexing after commit; rebuilding.

A change to a source's model, or to one of its dependants, schedules the affected root objects.
The roots are collected per transaction and re-indexed once, after the transaction has been
committed (``transaction.on_commit``): a root whose ``document()`` is None, or that no longer
exists, leaves the index. Writes that send no signals (``QuerySet.update()``) call
``schedule(obj)`` themselves.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import translation

from samverkan.core.swedish import search_document
from samverkan.search.models import SearchEntry, SearchWord
from samverkan.search.registry import Document, Source, sources

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 20_000  # text kept per entry (excerpts and the PostgreSQL vector)
MAX_TITLE_CHARS = 500
MIN_WORD_LENGTH = 3  # shorter stems are not worth correcting typos towards
BATCH_SIZE = 500

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


def _remember_words(entries: Iterable[SearchEntry]) -> None:
    stems = {
        stem
        for entry in entries
        for stem in entry.search_document.split()
        if MIN_WORD_LENGTH <= len(stem) <= 40
    }
    SearchWord.objects.bulk_create(
        [SearchWord(stem=stem, length=len(stem)) for stem in sorted(stems)],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )


def reindex(keys: Iterable[Key]) -> None:
    """Re-index these roots now: rewrite their rows, or remove them when not public."""
    by_kind: dict[str, set[str]] = defaultdict(set)
    for kind, pk in keys:
        by_kind[kind].add(str(pk))
    with transaction.atomic():
        for kind, pks in by_kind.items():
            source = next((s for s in sources() if s.kind == kind), None)
            entries: list[SearchEntry] = []
            if source is not None:
                pk_field = source.model._meta.pk
                objects = source.queryset().filter(pk__in=[pk_field.to_python(p) for p in pks])
                entries = [e for e in (entry_for(source, obj) for obj in objects) if e]
            SearchEntry.objects.filter(kind=kind, object_pk__in=pks).delete()
            SearchEntry.objects.bulk_create(entries)
            _remember_words(entries)


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
    """Rebuild the whole index and vocabulary from the sources. Returns the number of entries."""
    count = 0
    with transaction.atomic():
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
                    count += _write(batch)
                    batch = []
            count += _write(batch)
    return count


def _write(entries: list[SearchEntry]) -> int:
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    _remember_words(entries)
    return len(entries)
