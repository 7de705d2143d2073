"""The register: organisations, the agreement (Överenskommelsen) and signatures."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.models import EmailLink, TimeStamped


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    STUDY_ASSOCIATION = "study_association", _("Study association")
    FAITH_COMMUNITY = "faith_community", _("Faith community")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
    NETWORK = "network", _("Network")
    UMBRELLA_BODY = "umbrella_body", _("Umbrella body")
    MUNICIPAL_DEPARTMENT = "municipal_department", _("Municipal department")
    MUNICIPAL_BOARD = "municipal_board", _("Municipal board")
    MUNICIPAL_COMPANY = "municipal_company", _("Municipal company")


MUNICIPAL_KINDS = frozenset(
    {
        OrganisationKind.MUNICIPAL_DEPARTMENT,
        OrganisationKind.MUNICIPAL_BOARD,
        OrganisationKind.MUNICIPAL_COMPANY,
    }
)


class Term(models.Model):
    """A word from a short, curated list (areas, target groups, districts)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    name_sort = models.CharField(max_length=240, db_index=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["name_sort"]

    def __str__(self) -> str:
        return self.name


class Area(Term):
    class Meta(Term.Meta):
        verbose_name = _("area of activity")
        verbose_name_plural = _("areas of activity")


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class District(Term):
    class Meta(Term.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class Organisation(TimeStamped):
    name = models.CharField(_("name"), max_length=200)
    name_sort = models.CharField(max_length=240, db_index=True, editable=False)
    kind = models.CharField(
        _("kind of organisation"), max_length=30, choices=OrganisationKind.choices
    )
    # NULL, not "", when absent: the number is unique among organisations that have one.
    organisation_number = models.CharField(  # noqa: DJ001
        _("organisation number"), max_length=11, null=True, blank=True
    )
    areas = models.ManyToManyField(Area, blank=True, verbose_name=_("areas of activity"))
    target_groups = models.ManyToManyField(TargetGroup, blank=True, verbose_name=_("target groups"))
    districts = models.ManyToManyField(District, blank=True, verbose_name=_("districts"))
    website = models.URLField(_("website"), blank=True, max_length=300)
    public_email = models.EmailField(_("public contact email"), blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    easy_read_description = models.TextField(
        _("easy-to-read description"), blank=True, max_length=1000
    )
    # The permanent address of the verification page an event organiser can open.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    search_document = models.TextField(default="", editable=False)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_sort", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=Q(organisation_number__isnull=False),
                name="organisation_number_unique",
            )
        ]
        indexes = [models.Index(fields=["kind", "name_sort"], name="org_kind_name_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_municipal(self) -> bool:
        return self.kind in MUNICIPAL_KINDS


class OrganisationLink(models.Model):
    """A predecessor became (part of) a successor on a date: renames, mergers, splits."""

    class Kind(models.TextChoices):
        RENAMED = "renamed", _("renamed")
        MERGED = "merged", _("merged into")
        SPLIT = "split", _("split into")

    predecessor = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="successor_links"
    )
    successor = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="predecessor_links"
    )
    kind = models.CharField(_("kind of change"), max_length=10, choices=Kind.choices)
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("link between organisations")
        verbose_name_plural = _("links between organisations")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="org_link_unique"),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")), name="org_link_not_self"
            ),
        ]


class Agreement(TimeStamped):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.CharField(_("adopted by"), max_length=200, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    easy_read_text = models.TextField(_("easy-to-read version"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-period_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gt=models.F("period_start")), name="agreement_period_valid"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def period_label(self) -> str:
        return f"{self.period_start.year}–{self.period_end.year}"

    def covers(self, day) -> bool:
        return self.period_start <= day <= self.period_end


class AgreementSection(models.Model):
    class Kind(models.TextChoices):
        VALUES = "values", _("Values")
        PRINCIPLES = "principles", _("Principles")
        COMMITMENTS = "commitments", _("Commitments")
        OTHER = "other", _("Other")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    easy_read_body = models.TextField(_("easy-to-read text"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["agreement", "position", "pk"]
        verbose_name = _("section of the agreement")
        verbose_name_plural = _("sections of the agreement")


class SignatureStatus(models.TextChoices):
    PENDING = "pending", _("Pending review")
    ACTIVE = "active", _("Signed")
    DECLINED = "declined", _("Not approved")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXCLUDED = "excluded", _("Excluded")
    EXPIRED = "expired", _("Period ended")


OPEN_SIGNATURE_STATUSES = (SignatureStatus.PENDING, SignatureStatus.ACTIVE)


class Signature(TimeStamped):
    """An organisation's signature of one agreement period. Never deleted; its events are kept."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="signatures"
    )
    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="signatures")
    status = models.CharField(
        max_length=10, choices=SignatureStatus.choices, default=SignatureStatus.PENDING
    )
    status_changed_at = models.DateTimeField(default=timezone.now)
    status_reason = models.TextField(_("reason"), blank=True)
    signatory_name = models.CharField(_("signed by"), max_length=200)
    signatory_role = models.CharField(_("role in the organisation"), max_length=200)
    signatory_email = models.EmailField(_("signatory's email"))
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    info_requested = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "agreement"],
                condition=Q(status__in=["pending", "active"]),
                name="one_open_signature_per_period",
            )
        ]
        indexes = [
            models.Index(fields=["agreement", "status"], name="signature_agreement_status_idx"),
            # "Has this organisation an active signature of this agreement?" for each row of
            # the register (selectors.register_search).
            models.Index(
                fields=["organisation", "agreement", "status"], name="signature_org_agreement_idx"
            ),
        ]
        permissions = [("review_signature", "Can review signatures")]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.agreement}"


class SignatureEvent(models.Model):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Signed and sent in")
        INFO_REQUESTED = "info_requested", _("More information asked for")
        INFO_GIVEN = "info_given", _("More information given")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Not approved")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXCLUDED = "excluded", _("Excluded")
        EXPIRED = "expired", _("Period ended")

    signature = models.ForeignKey(Signature, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]


class SignatureApplication(EmailLink):
    """A filled-in signing form waiting for its sender to confirm by the emailed link."""

    created_at = models.DateTimeField(default=timezone.now)
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    data = models.JSONField()
    email = models.EmailField()
    signature = models.ForeignKey(
        Signature, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )


class InformationRequest(EmailLink):
    """The secretary's question to a signatory, answered through an emailed link."""

    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="info_requests")
    question = models.TextField()
    asked_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(blank=True)


class Representation(models.Model):
    """A person acts for an organisation (from their signature, once approved)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="representations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="representations"
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    approved = models.BooleanField(default=False)
    since = models.DateField(default=timezone.localdate)
    until = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_representation_per_person"
            )
        ]


class RenewalInvitation(EmailLink):
    """An invitation to sign a new period, sent once per organisation and period."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="renewal_invitations"
    )
    previous_signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "agreement"], name="one_renewal_invitation_per_period"
            )
        ]


class ExclusionCase(TimeStamped):
    """The fair routine for removing a signatory: grounds, the organisation's answer, a decision."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open – waiting for the organisation's answer")
        ANSWERED = "answered", _("Answered – waiting for a decision")
        EXCLUDED = "excluded", _("Decided: excluded")
        CLOSED = "closed", _("Decided: closed without exclusion")

    signature = models.ForeignKey(
        Signature, on_delete=models.PROTECT, related_name="exclusion_cases"
    )
    grounds = models.TextField(_("grounds"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    response_deadline = models.DateField(_("answer at the latest"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    response = models.TextField(_("the organisation's answer"), blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.CharField(max_length=200, blank=True)
    decision = models.TextField(_("decision"), blank=True)
    deciding_body = models.CharField(_("decided by (body)"), max_length=200, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Only the hash of the link the organisation answers through.
    response_token_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("exclusion case")
        verbose_name_plural = _("exclusion cases")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["signature"],
                condition=Q(status__in=["open", "answered"]),
                name="one_open_exclusion_case_per_signature",
            )
        ]

    @property
    def is_decided(self) -> bool:
        return self.status in (self.Status.EXCLUDED, self.Status.CLOSED)


class ExclusionCaseEvent(models.Model):
    case = models.ForeignKey(ExclusionCase, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.TextField()

    class Meta:
        ordering = ["at", "pk"]
