"""The search index: one row per public object of every registered source, the vocabulary of
indexed words and the postings that say which entries each word occurs in.

On PostgreSQL the entry table has one more column, ``search_vector`` (a ``tsvector`` generated
from the title and the text with the 'swedish' text search configuration, under a GIN index).
It is created by a vendor-guarded operation in the migrations and is not part of the model, so
the same model and migrations work on SQLite. See docs/search.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=40)
    object_pk = models.CharField(max_length=64)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"), blank=True)  # the excerpt is cut from here
    path = models.CharField(max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    # Swedish stems (core.swedish.search_document) of title, text and extra, and of the title.
    search_document = models.TextField(default="")
    title_document = models.TextField(default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_pk"], name="search_entry_unique")
        ]
        indexes = [
            models.Index(fields=["kind"], name="search_entry_kind_idx"),
            models.Index(fields=["date"], name="search_entry_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_pk} {self.title}"


class SearchWord(models.Model):
    """The vocabulary: every stem that occurs in an entry (2 to 100 letters), kept until the
    next rebuild. Queries look their terms up here, and small typos are corrected towards it."""

    stem = models.CharField(max_length=100, unique=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    def __str__(self) -> str:
        return self.stem


class SearchKind(models.Model):
    """The kinds of entries, numbered, so that each posting carries its entry's kind in a byte
    or two and the filter by kind needs no look-up of the entry."""

    id = models.SmallAutoField(primary_key=True)
    name = models.CharField(max_length=40, unique=True)

    def __str__(self) -> str:
        return self.name


class SearchPosting(models.Model):
    """A word of the vocabulary occurs in an entry: as a stem of its own, or (for words of
    three letters or more) inside a longer stem, such as "förening" in "idrottsförening".

    ``points`` is the best place it occurs: 8 a whole word in the title, 4 part of a word in
    the title, 2 a whole word in the text, 1 part of a word in the text. ``day`` is the
    entry's date as a day number (0 without a date), so that one index gives a word's entries
    best first: most points, then newest; with ``kind``, the entry's kind, the filters need no
    look-up of the entries. The other index answers whether (and where) a word occurs in an
    entry.

    Postings are derived data, written in bulk with the entries (``index.py``) and removed
    before them: the foreign keys have no database constraints, which would double the cost
    of a rebuild on PostgreSQL (a trigger per row), and there is no unique constraint on
    (entry, word); the tests check both."""

    word = models.ForeignKey(
        SearchWord,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    entry = models.ForeignKey(
        SearchEntry,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    kind = models.ForeignKey(
        SearchKind,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    points = models.PositiveSmallIntegerField()
    day = models.IntegerField()

    class Meta:
        indexes = [
            models.Index(
                fields=["word", "-points", "-day", "-entry", "kind"],
                name="search_posting_rank_idx",
            ),
            models.Index(fields=["entry", "word", "points"], name="search_posting_entry_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.word_id}@{self.entry_id}:{self.points}"
