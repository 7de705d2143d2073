"""The catalogue of contact points (kontaktytor), their links, themes and the ladder (trappan).

A contact point is anywhere civil society meets the municipality: a forum (Samverkansrådet,
C-nätet, an area group), a department's entry, a handling team (one per grant type), a place
(Föreningarnas Hus), an external body (Länsstyrelsen, the region) or a network.

Bodies from the meetings capability are forums already: they are not entered twice. A body with
no contact point of its own appears in the catalogue and on the map as a forum built from the
body (see ``selectors.catalogue_nodes``); the secretary can *adopt* it (a contact point with
``body`` set) to add themes, contact details and links, and from then on the contact point is
what is shown. ``body`` is one-to-one, so a body is never adopted twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.models import TimeStamped
from samverkan.core.validators import no_markup
from samverkan.meetings.models import Body
from samverkan.organisations.models import Organisation


class ContactPointKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    DEPARTMENT_ENTRY = "department_entry", _("Department entry")
    HANDLING_TEAM = "handling_team", _("Handling team")
    PLACE = "place", _("Place")
    EXTERNAL_BODY = "external_body", _("External body")
    NETWORK = "network", _("Network")


class Want(models.TextChoices):
    """What an organisation wants from the municipality: the ladder's second question."""

    INFORMATION = "information", _("Information")
    DIALOGUE = "dialogue", _("Dialogue")
    GRANT = "grant", _("A grant")
    PREMISES = "premises", _("Premises")
    VOLUNTEERS = "volunteers", _("Volunteers")
    PARTNERSHIP = "partnership", _("A partnership, such as IOP")
    CONSULTATION = "consultation", _("Being consulted")


class Frequency(models.TextChoices):
    """How often the organisation expects to be in touch: the ladder's third question."""

    ONCE = "once", _("Once, or now and then")
    SOMETIMES = "sometimes", _("A few times a year")
    REGULARLY = "regularly", _("Regularly, over a long time")


class LinkKind(models.TextChoices):
    PART_OF = "part_of", _("is part of")
    REPORTS_TO = "reports_to", _("reports to")
    WORKS_WITH = "works_with", _("works with")
    MEETS_IN = "meets_in", _("meets in")


class Theme(models.Model):
    """A theme of collaboration (idrott, integration, krisberedskap ...), edited by the secretary."""

    name = models.CharField(_("name"), max_length=100, unique=True, validators=[no_markup])
    slug = models.SlugField(_("short name in addresses"), max_length=100, unique=True)
    name_sort = models.CharField(max_length=240, db_index=True, editable=False)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name_sort", "pk"]

    def __str__(self) -> str:
        return self.name


class ContactPoint(TimeStamped):
    name = models.CharField(_("name"), max_length=200, validators=[no_markup])
    name_sort = models.CharField(max_length=240, db_index=True, editable=False)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    kind = models.CharField(
        _("kind of contact point"), max_length=20, choices=ContactPointKind.choices
    )
    purpose = models.TextField(_("purpose"), blank=True, max_length=2000, validators=[no_markup])
    who_takes_part = models.TextField(
        _("who takes part"), blank=True, max_length=2000, validators=[no_markup]
    )
    # How to get in touch
    email = models.EmailField(_("function email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[no_markup])
    website = models.URLField(_("web address"), blank=True, max_length=300)
    visiting_address = models.CharField(
        _("visiting address"), max_length=300, blank=True, validators=[no_markup]
    )
    owner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contact_points",
        verbose_name=_("owning department"),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="contact_points", verbose_name=_("themes")
    )
    # Values of organisations.models.OrganisationKind; empty means "for every kind".
    organisation_kinds = models.JSONField(
        _("kinds of organisation it is for"), default=list, blank=True
    )
    # Values of Want: what the ladder sends people here for.
    offers = models.JSONField(_("what organisations can come here for"), default=list, blank=True)
    opening_hours_or_rhythm = models.CharField(
        _("opening hours or meeting rhythm"), max_length=300, blank=True, validators=[no_markup]
    )
    description = models.TextField(
        _("description"), blank=True, max_length=4000, validators=[no_markup]
    )
    easy_read_description = models.TextField(
        _("easy-to-read description"), blank=True, max_length=1000, validators=[no_markup]
    )
    body = models.OneToOneField(
        Body,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_point",
        verbose_name=_("body in the council's pages"),
    )
    # The handling team in the inquiry service ("En väg in") that receives questions sent from
    # here; empty means the same short name as this contact point.
    inquiry_team_slug = models.SlugField(
        _("team in the inquiry service"), max_length=60, blank=True
    )
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["name_sort", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ContactPointKind.values), name="contact_point_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["is_active", "kind"], name="contact_point_active_kind")]

    def __str__(self) -> str:
        return self.name

    # A forum built from a body that has no contact point yet is an unsaved instance with
    # ``body`` set (see selectors); it has its own page address.
    @property
    def is_from_body(self) -> bool:
        return self.pk is None and self.body_id is not None

    @property
    def map_key(self) -> str:
        """A stable identifier on the map: ``p<pk>`` or, for a body's forum, ``b<body pk>``."""
        return f"p{self.pk}" if self.pk is not None else f"b{self.body_id}"

    @property
    def team_slug(self) -> str:
        return self.inquiry_team_slug or self.slug

    def get_absolute_url(self) -> str:
        if self.is_from_body:
            return reverse("collaboration_map:body_forum", args=[self.body.slug])
        return reverse("collaboration_map:contact_point", args=[self.slug])

    def has_contact_details(self) -> bool:
        return bool(self.email or self.phone or self.website or self.visiting_address)


class ContactLink(models.Model):
    """A typed link between two contact points: the C-network *works with* the council, a
    working group *is part of* the council, the council *meets in* Föreningarnas Hus."""

    source = models.ForeignKey(ContactPoint, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(ContactPoint, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(_("kind of link"), max_length=20, choices=LinkKind.choices)

    class Meta:
        verbose_name = _("link between contact points")
        verbose_name_plural = _("links between contact points")
        ordering = ["source", "kind", "target"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="contact_link_unique"
            ),
            models.CheckConstraint(condition=~Q(source=F("target")), name="contact_link_not_self"),
            models.CheckConstraint(
                condition=Q(kind__in=LinkKind.values), name="contact_link_kind_valid"
            ),
        ]


class LadderStep(models.Model):
    """One step of the ladder (trappan), from information up to partnership (IOP).

    ``wants`` says which answers to "what do you want?" land on this step; the secretary
    edits the steps, their plain explanations and that mapping."""

    position = models.PositiveSmallIntegerField(_("step number"), unique=True)
    name = models.CharField(_("name"), max_length=100, validators=[no_markup])
    explanation = models.TextField(_("plain explanation"), max_length=2000, validators=[no_markup])
    wants = models.JSONField(_("answers that land on this step"), default=list, blank=True)

    class Meta:
        verbose_name = _("step of the ladder")
        verbose_name_plural = _("steps of the ladder")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name

    @property
    def want_labels(self) -> list[str]:
        return [str(Want(value).label) for value in self.wants if value in Want.values]


class CatalogueChange(models.Model):
    """The history of the catalogue: who changed what and when."""

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact_point = models.ForeignKey(
        ContactPoint, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    description = models.TextField()

    class Meta:
        ordering = ["-at", "-pk"]
