"""Bodies, people and their memberships; meetings with notice, agenda, minutes and attendance.

A person is not an account: most people in the minutes never log in. A person may be linked to
an account (to report absence while logged in, or to see members-only meetings).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.models import EmailLink, TimeStamped
from samverkan.organisations.models import Organisation


class Party(models.Model):
    """A political party, for elected politicians' memberships: "Maria Haglund (M)"."""

    abbreviation = models.CharField(_("abbreviation"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["abbreviation"]

    def __str__(self) -> str:
        return self.abbreviation


class Person(TimeStamped):
    name = models.CharField(_("name"), max_length=200)
    name_sort = models.CharField(max_length=240, db_index=True, editable=False)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name_sort", "pk"]

    def __str__(self) -> str:
        return self.name


class BodyKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    NETWORK = "network", _("Network")
    EXECUTIVE_COMMITTEE = "executive_committee", _("Executive committee")
    WORKING_GROUP = "working_group", _("Working group")
    NOMINATING_COMMITTEE = "nominating_committee", _("Nominating committee")


class Body(TimeStamped):
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices)
    purpose = models.TextField(_("purpose"), blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("part of"),
    )
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_to = models.DateField(_("active until"), null=True, blank=True)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    VICE_CHAIR = "vice_chair", _("vice chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", _("member")
    SUBSTITUTE = "substitute", _("substitute")


class Membership(models.Model):
    """A person's seat in a body for a time, representing an organisation, a department or
    (for elected politicians) a party. A seat with no person is vacant ("Vakans")."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("represents"),
    )
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    title = models.CharField(
        _("title"), max_length=100, blank=True, help_text=_("For example kommunalråd.")
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body", "role", "person__name_sort"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(organisation__isnull=False),
                name="vacant_seat_has_organisation",
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_dates_in_order",
            ),
        ]
        indexes = [models.Index(fields=["body", "start", "end"], name="membership_period_idx")]

    @property
    def is_vacant(self) -> bool:
        return self.person_id is None


class CompositionRule(models.Model):
    """A rule for a body's make-up that the secretary edits as data; broken rules are warned of."""

    class Kind(models.TextChoices):
        CIVIL_SOCIETY_MEMBERS = "civil_society_members", _("Number of civil-society members")
        POLITICIANS = "politicians", _("Number of elected politicians")
        FROM_ORGANISATION = "from_organisation", _("Members from a given organisation")
        WITH_TITLE = "with_title", _("Members with a given title")
        WITH_ROLE = "with_role", _("Members with a given role")
        IN_WORKING_GROUP = "in_working_group", _("Every member sits in a working group")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="composition_rules")
    kind = models.CharField(_("rule"), max_length=30, choices=Kind.choices)
    minimum = models.PositiveSmallIntegerField(_("at least"), null=True, blank=True)
    maximum = models.PositiveSmallIntegerField(_("at most"), null=True, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=100, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("composition rule")
        verbose_name_plural = _("composition rules")


class MeetingKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    JOINT_MEETING = "joint_meeting", _("Joint meeting")
    THEME_EVENING = "theme_evening", _("Theme evening")
    ELECTION_EVENING = "election_evening", _("Election evening")
    WORKING_GROUP_MEETING = "working_group_meeting", _("Working-group meeting")
    TRAINING = "training", _("Training")
    EXTERNAL_CONFERENCE = "external_conference", _("External conference")


class Meeting(TimeStamped):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        NOTICE_SENT = "notice_sent", _("Notice sent")
        CANCELLED = "cancelled", _("Cancelled")

    class MinutesStatus(models.TextChoices):
        NONE = "none", _("No minutes yet")
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    bodies = models.ManyToManyField(Body, related_name="meetings", verbose_name=_("bodies"))
    kind = models.CharField(
        _("kind"), max_length=30, choices=MeetingKind.choices, default=MeetingKind.MEETING
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Empty when the date is not decided yet.")
    )
    start_time = models.TimeField(_("starts"), null=True, blank=True)
    end_time = models.TimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True, max_length=500)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    minutes_taker = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("takes the minutes"),
    )
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.PLANNED)
    # iCalendar identity: the UID never changes; SEQUENCE grows with each sent change.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    notice_sent_at = models.DateTimeField(null=True, blank=True)
    minutes_status = models.CharField(
        max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.NONE
    )
    minutes_published_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.CharField(_("recorded by"), max_length=200, blank=True)
    minutes_introduction = models.TextField(_("introduction to the minutes"), blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["date", "start_time", "pk"]
        indexes = [models.Index(fields=["date", "visibility"], name="meeting_date_visibility_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gt=models.F("start_time")),
                name="meeting_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.date or ''}".strip()


class ItemType(models.TextChoices):
    INFORMATION = "information", _("Information")
    DECISION = "decision", _("Decision")
    INFORMATION_AND_DECISION = "information_and_decision", _("Information and decision")
    DISCUSSION = "discussion", _("Discussion")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    item_type = models.CharField(
        _("type"), max_length=30, choices=ItemType.choices, default=ItemType.INFORMATION
    )
    presenter = models.CharField(_("presented by"), max_length=200, blank=True)
    description = models.TextField(_("description in the notice"), blank=True)
    notes = models.TextField(_("notes in the minutes"), blank=True)
    # A point carried over from an earlier meeting (tabled, or to be followed up) keeps its origin.
    carried_over_from = models.ForeignKey(
        "CarriedOverPoint", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"], name="agenda_item_position_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"attachments/{instance.agenda_item.meeting_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """A file attached to an agenda item; stored outside the web root, served as a download."""

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)


class Invitation(EmailLink):
    """A person's invitation to a meeting, with a personal link to report attendance or absence."""

    class Response(models.TextChoices):
        NONE = "none", _("Has not answered")
        ATTENDING = "attending", _("Coming")
        ABSENT = "absent", _("Cannot come (förhinder)")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="invitations")
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_sequence = models.PositiveIntegerField(default=0)
    response = models.CharField(max_length=10, choices=Response.choices, default=Response.NONE)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_invitation_per_person")
        ]


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        APOLOGIES = "apologies", _("Sent apologies (förhinder)")
        ABSENT = "absent", _("Absent")
        GUEST = "guest", _("Guest")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="attendances"
    )
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(max_length=20, choices=MembershipRole.choices, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    substitute_for = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="substituted_by"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person")
        ]
        indexes = [models.Index(fields=["person", "status"], name="attendance_person_idx")]


class Decision(models.Model):
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="decisions")
    date = models.DateField(_("date"))
    text = models.TextField(_("decision"))
    search_document = models.TextField(default="", editable=False)

    class Meta:
        ordering = ["-date", "pk"]
        indexes = [models.Index(fields=["body", "date"], name="decision_body_date_idx")]


class ActionItem(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="action_items"
    )
    what = models.TextField(_("what"))
    owner = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("who"),
    )
    owner_text = models.CharField(_("who (if not a person)"), max_length=200, blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(max_length=5, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["status", "due", "pk"]
        indexes = [models.Index(fields=["owner", "status"], name="action_owner_status_idx")]


class CarriedOverPoint(models.Model):
    """A point that was tabled ("bordläggs") or marked for follow-up ("följs upp vid nästa möte").

    It appears by itself on the draft agenda of the body's next meeting: `resolved_in` is the
    agenda item there. If that meeting tables it again, a new row points back to this one
    (`previous`), so the whole history can be followed."""

    class Kind(models.TextChoices):
        TABLED = "tabled", _("Tabled")
        FOLLOW_UP = "follow_up", _("To follow up")

    origin = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="carried_over")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="carried_over_points")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(_("point"), max_length=300)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="next"
    )
    resolved_in = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="resolves"
    )

    class Meta:
        indexes = [models.Index(fields=["body", "resolved_in"], name="carried_over_open_idx")]


class MinutesRevision(models.Model):
    """A change to published minutes: who, when, why, and the text before and after."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes_revisions")
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"))
    field = models.CharField(max_length=100)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
