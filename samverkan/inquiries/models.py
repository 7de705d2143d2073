"""En väg in: one way in to the municipality, with handling teams behind it.

Anyone can send an inquiry without an account. It stays the sender's unconfirmed draft until
they confirm their email address by an emailed link; then it is *registered*: it gets its
reference number (EVI-2026-00042) and its arrival time, and the routing rules give it to a
handling team (handläggarteam). The team works it in a queue and answers by email from the
platform; the sender follows it through a private link.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.models import EmailLink, TimeStamped
from samverkan.organisations.models import Area, Organisation, OrganisationKind

REFERENCE_PREFIX = "EVI"


class InquiryKind(models.TextChoices):
    QUESTION = "question", _("Question")
    IDEA = "idea", _("Idea")
    PROPOSAL = "proposal", _("Proposal")
    GRANT = "grant", _("Grant")
    PREMISES = "premises", _("Premises")
    PARTNERSHIP = "partnership", _("Partnership, for example IOP")
    CONSULTATION = "consultation", _("Consultation")
    OTHER = "other", _("Something else")


class InquiryStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Email not yet confirmed")
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING_FOR_SENDER = "waiting_for_sender", _("Waiting for the sender")
    FORWARDED = "forwarded", _("Forwarded")
    CLOSED = "closed", _("Closed")


#: Registered and not closed: a team has something to do.
OPEN_STATUSES = (
    InquiryStatus.NEW,
    InquiryStatus.IN_PROGRESS,
    InquiryStatus.WAITING_FOR_SENDER,
    InquiryStatus.FORWARDED,
)


class ReplyTargetUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("working days")
    HOURS = "hours", _("hours")


class HandlingTeam(TimeStamped):
    """A handling team (handläggarteam), for example one per grant type.

    Exactly one team is the fallback team, which receives what no routing rule matches; the
    services keep it so (the database allows at most one)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="handling_teams",
        verbose_name=_("members"),
    )
    function_email = models.EmailField(
        _("function email address"),
        blank=True,
        help_text=_("The team's shared mailbox. The sender's replies to our emails go there."),
    )
    reply_target = models.PositiveSmallIntegerField(_("target time to first reply"), default=2)
    reply_target_unit = models.CharField(
        _("unit"),
        max_length=12,
        choices=ReplyTargetUnit.choices,
        default=ReplyTargetUnit.WORKING_DAYS,
    )
    is_fallback = models.BooleanField(_("fallback team"), default=False)

    class Meta:
        verbose_name = _("handling team")
        verbose_name_plural = _("handling teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_fallback"], condition=Q(is_fallback=True), name="one_fallback_team"
            ),
            models.CheckConstraint(condition=Q(reply_target__gt=0), name="team_reply_target_set"),
        ]

    def __str__(self) -> str:
        return self.name


class RoutingRule(TimeStamped):
    """Sends an inquiry to a team when all of its conditions hold; empty conditions are not
    checked. Active rules are tried by priority (lowest number first); the first match wins."""

    priority = models.PositiveIntegerField(_("priority"), default=100)
    team = models.ForeignKey(
        HandlingTeam, on_delete=models.PROTECT, related_name="rules", verbose_name=_("team")
    )
    kind = models.CharField(
        _("kind of request"), max_length=20, choices=InquiryKind.choices, blank=True
    )
    topic = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("topic"),
    )
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=30, choices=OrganisationKind.choices, blank=True
    )
    words = models.CharField(
        _("words in the text"),
        max_length=500,
        blank=True,
        help_text=_(
            "Separate words with commas. Any one of them is enough; a word also matches inside "
            "longer words (bidrag matches lokalbidraget)."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["priority", "pk"]

    def __str__(self) -> str:
        return f"#{self.pk} → {self.team}"

    @property
    def word_list(self) -> list[str]:
        return [w for w in (part.strip().casefold() for part in self.words.split(",")) if w]

    def matches(
        self, *, kind: str, topic_id: int | None, organisation_kind: str, text: str
    ) -> bool:
        """Whether an inquiry with these facts meets every condition this rule sets.

        `text` must already be casefolded."""
        if self.kind and self.kind != kind:
            return False
        if self.topic_id and self.topic_id != topic_id:
            return False
        if self.organisation_kind and self.organisation_kind != organisation_kind:
            return False
        words = self.word_list
        return not words or any(word in text for word in words)


class InquiryCounter(models.Model):
    """The last reference number given in a year; locked while the next one is taken, so the
    numbers of a year run without gaps."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_number = models.PositiveIntegerField(default=0)


class InquiryQuerySet(models.QuerySet["Inquiry"]):
    def registered(self) -> "InquiryQuerySet":
        return self.filter(received_at__isnull=False)

    def open(self) -> "InquiryQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, now=None) -> "InquiryQuerySet":
        return self.open().filter(
            first_reply_at__isnull=True, reply_due_at__lt=now or timezone.now()
        )


class Inquiry(models.Model):
    """A question, idea or proposal sent through En väg in: a public record once registered."""

    class RoutedBy(models.TextChoices):
        RULE = "rule", _("a routing rule")
        SENDER = "sender", _("the sender's choice")
        FALLBACK = "fallback", _("the fallback team")
        NONE = "none", _("no team (routed by hand)")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # NULL until registered; then e.g. EVI-2026-00042, unique and gapless within a year.
    reference = models.CharField(  # noqa: DJ001
        _("reference number"), max_length=20, unique=True, null=True, blank=True
    )
    kind = models.CharField(_("kind of request"), max_length=20, choices=InquiryKind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("text"), max_length=10000)
    topic = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("topic"),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inquiries",
        verbose_name=_("organisation"),
    )
    organisation_text = models.CharField(_("organisation (as written)"), max_length=200, blank=True)
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=30, choices=OrganisationKind.choices, blank=True
    )
    sender_name = models.CharField(_("sender's name"), max_length=200, blank=True)
    # Empty only after the sender's personal data has been erased.
    sender_email = models.EmailField(_("sender's email"), blank=True)
    requested_team = models.ForeignKey(
        HandlingTeam,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("team chosen by the sender"),
    )
    created_at = models.DateTimeField(_("filled in"), default=timezone.now, editable=False)
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    # Registered on arrival (FL 22 §): the moment the sender confirmed and so sent it.
    received_at = models.DateTimeField(_("received"), null=True, blank=True, db_index=True)
    team = models.ForeignKey(
        HandlingTeam,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inquiries",
        verbose_name=_("handling team"),
    )
    routed_by = models.CharField(max_length=10, choices=RoutedBy.choices, blank=True)
    routed_by_rule = models.ForeignKey(
        RoutingRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InquiryStatus.choices, default=InquiryStatus.UNCONFIRMED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handled by"),
    )
    outcome = models.TextField(_("outcome"), blank=True, max_length=5000)
    reply_due_at = models.DateTimeField(_("first reply due"), null=True, blank=True)
    first_reply_at = models.DateTimeField(_("first reply"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-received_at", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="unconfirmed")
                | Q(reference__isnull=False, received_at__isnull=False),
                name="inquiry_registered_unless_unconfirmed",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False),
                name="inquiry_closed_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "status"], name="inquiry_team_status_idx"),
            models.Index(fields=["status", "created_at"], name="inquiry_status_created_idx"),
        ]

    def __str__(self) -> str:
        return self.reference or str(_("Unconfirmed inquiry"))

    @property
    def is_registered(self) -> bool:
        return self.received_at is not None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.is_open
            and self.first_reply_at is None
            and self.reply_due_at is not None
            and self.reply_due_at < timezone.now()
        )

    @property
    def organisation_display(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_text


class InquiryLink(EmailLink):
    """An emailed link for the sender: the confirmation (single use, 48 hours) or a private
    status link (used many times). Only the token's hash is stored; every email to the sender
    carries a fresh status link."""

    class Purpose(models.TextChoices):
        CONFIRM = "confirm", _("confirmation")
        STATUS = "status", _("status")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="links")
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["inquiry", "purpose"], name="inquiry_link_purpose_idx")]


class InquiryMessage(models.Model):
    """One message in the thread after the inquiry itself: the team's replies and questions,
    the notice of a forward, and the sender's answers through the private link."""

    class Direction(models.TextChoices):
        IN = "in", _("from the sender")
        OUT = "out", _("to the sender")

    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply")
        REQUEST = "request", _("Question to the sender")
        ANSWER = "answer", _("The sender's answer")
        FORWARD = "forward", _("Forwarded")
        OUTCOME = "outcome", _("Outcome")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("text"), max_length=10000)
    sent_at = models.DateTimeField(default=timezone.now)
    # The email that carried an outgoing message (its outbox dedup key is inquiry-message:<pk>).
    email = models.ForeignKey(
        "outbox.OutboundEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["sent_at", "pk"]


class InquiryEvent(models.Model):
    """The history of an inquiry: who did what and when, and where it went."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Filled in, waiting for email confirmation")
        REGISTERED = "registered", _("Registered")
        TAKEN = "taken", _("Taken")
        REPLIED = "replied", _("Replied")
        INFO_REQUESTED = "info_requested", _("Asked the sender for more")
        SENDER_ANSWERED = "sender_answered", _("The sender answered")
        FORWARDED = "forwarded", _("Forwarded")
        CLOSED = "closed", _("Closed")
        ANONYMISED = "anonymised", _("The sender's personal data erased")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_team = models.ForeignKey(
        HandlingTeam, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_team = models.ForeignKey(
        HandlingTeam, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]


def attachment_path(instance: "InquiryAttachment", filename: str) -> str:
    return f"inquiries/{instance.inquiry.public_id}/{uuid.uuid4().hex}"


class InquiryAttachment(models.Model):
    """A file the sender attached, checked by its content; stored outside the web root and
    downloaded only by the team and through the sender's private link."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        InquiryMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
