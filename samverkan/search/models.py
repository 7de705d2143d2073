"""The search index: one row per public object of every registered source.

On PostgreSQL the table has one more column, ``search_vector`` (a ``tsvector`` generated from
the title and the text with the 'swedish' text search configuration, under a GIN index). It is
created by a vendor-guarded operation in the migrations and is not part of the model, so the
same model and migrations work on SQLite. See docs/search.md.
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
    """The vocabulary of indexed stems, for correcting small typos in queries."""

    stem = models.CharField(max_length=40, unique=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    def __str__(self) -> str:
        return self.stem
