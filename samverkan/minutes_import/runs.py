"""What the imports of several documents in a row share (an archive of minutes, the demo).

Each document is still imported in a transaction of its own (see :mod:`.importing`). Between
documents a run keeps:

* **The directory of people and organisations** (:class:`.identity.Directory`), read once,
  told of what each import adds, and read again when a document failed (its transaction was
  rolled back), when an import removed people or organisations, or when someone else added
  people, organisations, seats, attendance, links between organisations, bodies or parties,
  or answered a question about a name, since the last document (:func:`stamp`). Renaming a
  person or an organisation in Samverkan while a run goes on is not seen until the next run,
  as a document being imported did not see it before.
* **Bodies and parties** by name, and the people and organisations found, read once, with
  the same rules.
* **The search index**: it is paused during the run and brought up to date once, at its end,
  for everything the run's documents changed (:meth:`ImportRun.finish`). A document found
  unchanged is indexed again too, so that running an interrupted batch again also brings the
  index up to date.

Without a run, :func:`.importing.import_result` makes one for the single document.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, models, transaction

from samverkan.meetings.models import Attendance, Body, Membership, Party, Person
from samverkan.organisations.models import Organisation, OrganisationLink
from samverkan.search import index as search_index

from .identity import Directory
from .models import IdentityAlias, IdentitySuggestion

# The tables whose newest row (and, for answers, latest decision) tells whether the run's
# directory, bodies and parties may be out of date.
_WATCHED: tuple[type[models.Model], ...] = (
    Person,
    Organisation,
    OrganisationLink,
    Membership,
    Attendance,
    Body,
    Party,
    IdentityAlias,
    IdentitySuggestion,
)


def stamp() -> tuple[Any, ...]:
    """The newest row of each watched table, the number of remembered answers and of
    questions, and when a question was last answered: one quick query (each by an index)."""
    quote = connection.ops.quote_name
    parts = [f"(SELECT MAX(id) FROM {quote(model._meta.db_table)})" for model in _WATCHED]
    questions = quote(IdentitySuggestion._meta.db_table)
    parts += [
        f"(SELECT COUNT(*) FROM {quote(IdentityAlias._meta.db_table)})",
        f"(SELECT COUNT(*) FROM {questions})",
        f"(SELECT MAX(decided_at) FROM {questions})",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(cursor.fetchone())


class ImportRun:
    """Use as ``with ImportRun() as run:`` around the documents, passing ``run=run``."""

    def __init__(self) -> None:
        self._directory: Directory | None = None
        self._stamp: tuple[Any, ...] | None = None
        self.bodies: dict[tuple[str, ...], Body | None] = {}
        self.parties: dict[str, Party] = {}
        self.people: dict[int, Person] = {}
        self.organisations: dict[int, Organisation] = {}
        self.search_keys: set[tuple[str, str]] = set()
        self._paused = search_index.paused()
        self._open = False

    def __enter__(self) -> ImportRun:
        self._paused.__enter__()
        self._open = True
        return self

    def __exit__(self, *exc: object) -> None:
        self._paused.__exit__(*exc)
        self._open = False
        self.finish()

    # -- between documents ---------------------------------------------------------------------

    def directory(self) -> Directory:
        """The directory for the next document (inside its transaction)."""
        now = stamp()
        if self._directory is None or now != self._stamp:
            self.forget()
            self._directory = Directory()
        self._stamp = now
        return self._directory

    def document_saved(self) -> None:
        """Called at the end of a document's transaction: what the run knows now includes
        what this document wrote."""
        self._stamp = stamp()

    def forget(self) -> None:
        """Read everything again for the next document."""
        self._directory = None
        self._stamp = None
        self.bodies.clear()
        self.parties.clear()
        self.people.clear()
        self.organisations.clear()

    # -- the search index ----------------------------------------------------------------------

    def index_later(self, *objects: models.Model) -> None:
        """Bring the search entries of everything that depends on ``objects`` up to date at
        the end of the run (read now, inside the document's transaction)."""
        for obj in objects:
            if obj.pk is not None:
                self.search_keys |= search_index.roots_of(obj)

    def finish(self) -> None:
        """Re-index what the run's documents changed, in one transaction."""
        keys, self.search_keys = self.search_keys, set()
        if keys:
            with transaction.atomic():
                search_index.reindex(keys)
