"""Remisser: consultations of civil society by the municipality, in time and for real.

A department prepares a consultation (remiss) and the secretary puts it on the platform. It is
*announced* early, with the date it is expected to open, so that civil society hears of it
before anything is fixed; it *opens* with a reply-by date (svara senast) and the consultees are
emailed; it *closes*; and it is *decided*, with a link to the decision and an account of how the
responses were used. Every change is kept, dated, in the consultation's history.

The consultees (remissinstanser) are organisations asked by name; a consultation may also be
open to all, and then anyone may answer with a confirmed email address. A response is
registered on arrival with its number (REM-2026-00012) and arrival time, and is published once
the reply-by date has passed, unless the secretary has marked it for a secrecy review.
"""

import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.models import EmailLink, TimeStamped
from samverkan.core.validators import no_markup

RESPONSE_PREFIX = "REM"

_REFERENCE_NUMBER = re.compile(r"^[0-9A-Za-zÅÄÖåäöÉé][0-9A-Za-zÅÄÖåäöÉé .:/\-]{0,38}$")


def validate_reference_number(value: str) -> None:
    """A diarienummer as the registry writes it ("Ks 1216/2018", "KS 2024/123", "SN-2025:17"):
    letters, digits, spaces and . : / -, with at least one digit."""
    value = value.strip()
    if not _REFERENCE_NUMBER.match(value) or not any(c.isdigit() for c in value):
        raise ValidationError(
            _(
                "Write the reference number as the registry does, for example Ks 1216/2018: "
                "letters, digits, spaces and . : / - only, with at least one digit."
            ),
            code="reference_number",
        )


class ConsultationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ANNOUNCED = "announced", _("Announced")
    OPEN = "open", _("Open for responses")
    CLOSED = "closed", _("Closed")
    DECIDED = "decided", _("Decided")


#: The states in which a consultation is public.
PUBLIC_STATES = (
    ConsultationState.ANNOUNCED,
    ConsultationState.OPEN,
    ConsultationState.CLOSED,
    ConsultationState.DECIDED,
)


class ConsultationQuerySet(models.QuerySet["Consultation"]):
    def public(self) -> "ConsultationQuerySet":
        return self.filter(state__in=PUBLIC_STATES)


class Consultation(TimeStamped):
    """One consultation (remiss) from a municipal department."""

    title = models.CharField(_("title"), max_length=200, validators=[no_markup])
    title_sort = models.CharField(max_length=240, db_index=True, editable=False)
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("responsible department"),
    )
    reference_number = models.CharField(
        _("reference number"),
        max_length=40,
        blank=True,
        validators=[validate_reference_number],
        help_text=_("The registry's reference number (diarienummer), for example Ks 1216/2018."),
    )
    summary = models.TextField(_("summary"), max_length=5000, validators=[no_markup])
    easy_read_summary = models.TextField(
        _("easy-to-read summary"), blank=True, max_length=3000, validators=[no_markup]
    )
    themes = models.ManyToManyField(
        "collaboration_map.Theme", blank=True, related_name="+", verbose_name=_("themes")
    )
    districts = models.ManyToManyField(
        "organisations.District", blank=True, related_name="+", verbose_name=_("districts")
    )
    open_to_all = models.BooleanField(
        _("open to all"),
        default=False,
        help_text=_("Anyone may answer with a confirmed email address, not only the consultees."),
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=ConsultationState.choices,
        default=ConsultationState.DRAFT,
    )
    expected_opening_on = models.DateField(_("expected to open"), null=True, blank=True)
    reply_by = models.DateField(_("reply by"), null=True, blank=True)
    announced_at = models.DateTimeField(_("announced"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_url = models.URLField(_("link to the decision"), blank=True, max_length=500)
    decision_account = models.TextField(
        _("how the responses were used"), blank=True, max_length=5000, validators=[no_markup]
    )

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state__in=["open", "closed", "decided"]) | Q(reply_by__isnull=False),
                name="consultation_open_has_reply_by",
            ),
        ]
        indexes = [models.Index(fields=["state", "reply_by"], name="consultation_state_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.state in PUBLIC_STATES

    @property
    def is_open(self) -> bool:
        return self.state == ConsultationState.OPEN

    @property
    def reply_by_passed(self) -> bool:
        """The reply-by date is over (responses may be published)."""
        return self.reply_by is not None and timezone.localdate() > self.reply_by


def document_path(instance: "ConsultationDocument", filename: str) -> str:
    return f"consultations/{instance.consultation_id}/{uuid.uuid4().hex}"


class ConsultationDocument(models.Model):
    """A document of the consultation (the proposal, an appendix), checked by its content,
    stored outside the web root and served only as a download."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200, blank=True, validators=[no_markup])
    file = models.FileField(upload_to=document_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title or self.original_name


class Consultee(models.Model):
    """An organisation asked by name to answer (a remissinstans)."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="consultees"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    # The date this consultee may answer until, when the secretary has extended it for them.
    extended_until = models.DateField(_("extended until"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name_sort", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "organisation"], name="consultee_once_per_consultation"
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


def response_file_path(instance: "ConsultationResponse", filename: str) -> str:
    return f"consultations/{instance.consultation_id}/responses/{uuid.uuid4().hex}"


class ResponseCounter(models.Model):
    """The last response number of a year, locked while the next is taken: no gaps."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_number = models.PositiveIntegerField(default=0)


class ResponseStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for email confirmation")
    REGISTERED = "registered", _("Registered")


class ResponseQuerySet(models.QuerySet["ConsultationResponse"]):
    def registered(self) -> "ResponseQuerySet":
        return self.filter(status=ResponseStatus.REGISTERED)

    def current(self) -> "ResponseQuerySet":
        """Registered and not replaced by a later response."""
        return self.registered().filter(superseded_by__isnull=True)

    def published(self, today=None) -> "ResponseQuerySet":
        """What anyone may read: current responses to public consultations whose reply-by
        date has passed, not held for a secrecy review."""
        return self.current().filter(
            secrecy_review=False,
            consultation__state__in=PUBLIC_STATES,
            consultation__reply_by__lt=today or timezone.localdate(),
        )


class ConsultationResponse(models.Model):
    """A response (remissvar): from a consultee's representative, or, when the consultation is
    open to all, from anyone who confirmed their email address. Registered on arrival."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="responses"
    )
    # Set when a representative answered for the organisation; else the name as written.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultation_responses",
        verbose_name=_("organisation"),
    )
    organisation_text = models.CharField(_("organisation (as written)"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responder_name = models.CharField(_("name"), max_length=200, blank=True)
    responder_email = models.EmailField(_("email address"))
    text = models.TextField(_("response"), max_length=20000)
    file = models.FileField(upload_to=response_file_path, max_length=200, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_content_type = models.CharField(max_length=100, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ResponseStatus.choices, default=ResponseStatus.PENDING
    )
    created_at = models.DateTimeField(default=timezone.now)
    # NULL until registered; then e.g. REM-2026-00012, gapless within a year.
    reference = models.CharField(  # noqa: DJ001
        _("registration number"), max_length=20, unique=True, null=True, blank=True
    )
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="supersedes"
    )
    secrecy_review = models.BooleanField(_("held for a secrecy review"), default=False)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["received_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="pending")
                | Q(reference__isnull=False, received_at__isnull=False),
                name="response_registered_has_number",
            ),
        ]
        indexes = [
            models.Index(fields=["consultation", "status"], name="response_consultation_idx")
        ]

    def __str__(self) -> str:
        return self.reference or str(_("Unconfirmed response"))

    @property
    def responder_display(self) -> str:
        if self.organisation_id:
            return self.organisation.name
        return self.organisation_text or self.responder_name

    @property
    def is_published(self) -> bool:
        c = self.consultation
        return bool(
            self.status == ResponseStatus.REGISTERED
            and self.superseded_by_id is None
            and not self.secrecy_review
            and c.is_public
            and c.reply_by_passed
        )


class ResponseLink(EmailLink):
    """The emailed link that confirms a response to a consultation open to all."""

    response = models.ForeignKey(
        ConsultationResponse, on_delete=models.CASCADE, related_name="links"
    )
    created_at = models.DateTimeField(default=timezone.now)


class ConsultationEvent(models.Model):
    """The dated history: who did what, when, with what was before and after."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        ANNOUNCED = "announced", _("Announced")
        OPENED = "opened", _("Opened for responses")
        CLOSED = "closed", _("Closed")
        DECIDED = "decided", _("Decided")
        REPLY_BY_MOVED = "reply_by_moved", _("Reply-by date moved")
        CONSULTEE_EXTENDED = "consultee_extended", _("Extended for a consultee")
        CONSULTEE_ADDED = "consultee_added", _("Consultee added")
        CONSULTEE_REMOVED = "consultee_removed", _("Consultee removed")
        DOCUMENT_ADDED = "document_added", _("Document added")
        DOCUMENT_REMOVED = "document_removed", _("Document removed")
        RESPONSE_REGISTERED = "response_registered", _("Response registered")
        RESPONSE_REPLACED = "response_replaced", _("Response replaced")
        SECRECY_MARKED = "secrecy_marked", _("Response held for a secrecy review")
        SECRECY_CLEARED = "secrecy_cleared", _("Secrecy review cleared")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.get_kind_display()


#: The events the public page shows as the dated lifecycle.
PUBLIC_EVENT_KINDS = (
    ConsultationEvent.Kind.ANNOUNCED,
    ConsultationEvent.Kind.OPENED,
    ConsultationEvent.Kind.REPLY_BY_MOVED,
    ConsultationEvent.Kind.CLOSED,
    ConsultationEvent.Kind.DECIDED,
)
