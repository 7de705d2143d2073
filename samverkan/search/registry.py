"""What goes into the one search: each app registers a ``Source`` in its ``search.py``.

A source says how one model becomes a search document, and which other models change what
that document says (the agenda items of a meeting, the terms of an organisation). The search
app keeps the index right from these descriptions: it re-indexes a root object after a change
to it or to one of its dependants has been committed, removes it when it is deleted or stops
being public, and ``samverkan rebuild_search_index`` rebuilds everything.

Example (in ``samverkan/consultations/search.py``)::

    from samverkan.search.registry import Document, Source, register

    def document(consultation):
        if not consultation.is_public:
            return None
        return Document(
            title=consultation.title,
            text=consultation.summary,
            path=reverse("consultations:detail", args=[consultation.pk]),
            date=consultation.opens_on,
        )

    register(Source(
        kind="consultation",
        label=_("Consultations"),
        model=Consultation,
        document=document,
        queryset=lambda: Consultation.objects.select_related("department"),
        dependants={ConsultationDocument: lambda d: [d.consultation]},
    ))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import models


@dataclass(frozen=True)
class Document:
    """What the search shows and searches for one object. Public data only."""

    title: str
    text: str  # searched, and the source of the excerpt in the results
    path: str  # site-relative address of the object's public page
    date: date | None = None  # the date the date filter and the ordering use
    extra: str = ""  # searched but not shown (short names, former names, reference numbers)


@dataclass(frozen=True)
class Source:
    kind: str  # short stable key, also the value of the "kind" filter
    label: Any  # plural name for people (lazy translation)
    model: type[models.Model]
    # The document of one object, or None when it is not (or no longer) public.
    document: Callable[[Any], Document | None]
    # Every object that may be public, ready to be indexed without N+1 queries.
    queryset: Callable[[], models.QuerySet]
    # Other models whose change alters a root object's document, mapped to those roots.
    dependants: dict[type[models.Model], Callable[[Any], Iterable[Any]]] = field(
        default_factory=dict
    )


_sources: dict[str, Source] = {}


def register(source: Source) -> Source:
    if source.kind in _sources and _sources[source.kind].model is not source.model:
        raise ValueError(f"Search source {source.kind!r} is registered twice")
    _sources[source.kind] = source
    return source


def sources() -> list[Source]:
    return list(_sources.values())


def source_for_kind(kind: str) -> Source | None:
    return _sources.get(kind)
