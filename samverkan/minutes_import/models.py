"""What the import remembers: the documents it read, the names it was unsure of, and the
secretary's answers.

* :class:`ImportedDocument` — one row per version of a file (its SHA-256): importing the same
  bytes again changes nothing; a corrected version is a new row pointing to the same meeting.
* :class:`IdentitySuggestion` — a name in a document that looked like someone (or some
  organisation) already known without being sure; the document's data went to a new,
  provisional person (organisation) until the secretary confirms or rejects.
* :class:`IdentityAlias` — a remembered answer: this text means this person (organisation).
  The next import uses it before anything else.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.meetings.models import Meeting, Person
from samverkan.organisations.models import Organisation


class IdentityKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class ImportedDocument(models.Model):
    class Status(models.TextChoices):
        IMPORTED = "imported", _("Imported")
        NEEDS_REVIEW = "needs_review", _("Needs review")
        FAILED = "failed", _("Failed")

    sha256 = models.CharField(max_length=64, unique=True)
    file_name = models.CharField(_("file"), max_length=500)
    kind = models.CharField(_("kind of document"), max_length=20)
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_documents",
        verbose_name=_("meeting"),
    )
    # What the parser found (the JSON shape of issue 4), as it was imported.
    result = models.JSONField(default=dict)
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    message = models.TextField(_("message"), blank=True)
    # The rows this version created ({"people": [pk, ...], "organisations": [...],
    # "memberships": [...], "bodies": [...]}), so that a corrected version can remove the
    # people and seats that only the mistake had made.
    created_rows = models.JSONField(default=dict, editable=False)

    class Meta:
        verbose_name = _("imported document")
        verbose_name_plural = _("imported documents")
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return self.file_name


class IdentitySuggestion(models.Model):
    """ "Is *text* the same as *candidate*?" with the reasons in words (``evidence``)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("To review")
        CONFIRMED = "confirmed", _("Confirmed: the same")
        REJECTED = "rejected", _("Rejected: not the same")

    document = models.ForeignKey(
        ImportedDocument, on_delete=models.CASCADE, related_name="suggestions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=IdentityKind.choices)
    text = models.CharField(_("as written"), max_length=300)
    candidate_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    candidate_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Where the document's data went meanwhile: a new person (organisation) named as written.
    provisional_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    provisional_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score = models.FloatField(_("score"))
    evidence = models.JSONField(_("evidence"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("identity suggestion")
        verbose_name_plural = _("identity suggestions")
        ordering = ["status", "-score", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="person", candidate_person__isnull=False)
                    | Q(kind="organisation", candidate_organisation__isnull=False)
                ),
                name="suggestion_has_candidate_of_its_kind",
            )
        ]
        indexes = [models.Index(fields=["status", "kind"], name="suggestion_status_kind_idx")]

    def __str__(self) -> str:
        return f"{self.text} ~ {self.candidate}"

    @property
    def candidate(self) -> Person | Organisation | None:
        return (
            self.candidate_person
            if self.kind == IdentityKind.PERSON
            else self.candidate_organisation
        )

    @property
    def provisional(self) -> Person | Organisation | None:
        return (
            self.provisional_person
            if self.kind == IdentityKind.PERSON
            else self.provisional_organisation
        )


class IdentityAlias(models.Model):
    """A remembered answer: a name as written (normalised) stands for this person or
    organisation."""

    kind = models.CharField(_("kind"), max_length=20, choices=IdentityKind.choices)
    text = models.CharField(_("name as written, normalised"), max_length=300)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("remembered name")
        verbose_name_plural = _("remembered names")
        constraints = [
            models.UniqueConstraint(fields=["kind", "text"], name="one_alias_per_text"),
            models.CheckConstraint(
                condition=(
                    Q(kind="person", person__isnull=False, organisation__isnull=True)
                    | Q(kind="organisation", organisation__isnull=False, person__isnull=True)
                ),
                name="alias_points_to_its_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.text
