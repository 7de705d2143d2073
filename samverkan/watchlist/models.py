"""The watch list (På gång/bevakningslista): projects, assignments, development work, networks
and consultations that the council follows, each with an owner and a status, and the updates
given at meetings.

An item's status is the status of its latest update that set one (``ongoing`` when none did):
the history stays in the updates, and removing an update (a corrected import) gives the
status back that the remaining updates say.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.organisations.models import District, Organisation


class WatchItemKind(models.TextChoices):
    PROJECT = "project", _("Project")
    ASSIGNMENT = "assignment", _("Assignment")
    DEVELOPMENT_WORK = "development_work", _("Development work")
    NETWORK = "network", _("Network")
    CONSULTATION = "consultation", _("Consultation")


class WatchItemStatus(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    PAUSED = "paused", _("Paused")
    FINAL_PHASE = "final_phase", _("Final phase")
    FINISHED = "finished", _("Finished")
    STRUCK = "struck", _("Struck from the list")


class WatchItem(models.Model):
    """Something the council follows. ``kind`` is empty when the minutes do not say.

    The contact person's email is shown publicly only when ``contact_email_public`` is set:
    it is a function address, or the person has agreed to it being shown."""

    kind = models.CharField(_("kind"), max_length=20, choices=WatchItemKind.choices, blank=True)
    title = models.CharField(_("title"), max_length=300)
    # The title as compared (see selectors.title_key): one item per compared title.
    title_key = models.CharField(max_length=300, unique=True, editable=False)
    title_sort = models.CharField(max_length=240, db_index=True, editable=False, default="")
    description = models.TextField(_("description"), blank=True, max_length=4000)
    owner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="watch_items",
        verbose_name=_("owner"),
    )
    owner_text = models.CharField(
        _("owner as written"), max_length=200, blank=True, help_text=_("For example KLF.")
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_role = models.CharField(_("contact person's role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_email_public = models.BooleanField(
        _("show the email publicly"),
        default=False,
        help_text=_(
            "Only for a function address, or when the person has agreed to it being shown."
        ),
    )
    themes = models.ManyToManyField(
        "collaboration_map.Theme",
        blank=True,
        related_name="watch_items",
        verbose_name=_("themes"),
    )
    districts = models.ManyToManyField(
        District, blank=True, related_name="watch_items", verbose_name=_("districts")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=WatchItemStatus.choices,
        default=WatchItemStatus.ONGOING,
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    search_document = models.TextField(default="", editable=False)

    class Meta:
        verbose_name = _("watch-list item")
        verbose_name_plural = _("watch-list items")
        ordering = ["title_sort", "pk"]
        indexes = [models.Index(fields=["status", "title_sort"], name="watch_item_status_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def public_contact_email(self) -> str:
        return self.contact_email if self.contact_email_public else ""

    @property
    def is_current(self) -> bool:
        return self.status not in CLOSED_STATUSES


# Items with these statuses are no longer on the list by default.
CLOSED_STATUSES = frozenset({WatchItemStatus.FINISHED, WatchItemStatus.STRUCK})


class WatchItemUpdate(models.Model):
    """What was said about an item on a date, usually at a meeting; it may change the status."""

    item = models.ForeignKey(WatchItem, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("new status"), max_length=20, choices=WatchItemStatus.choices, blank=True
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="watch_item_updates",
        verbose_name=_("meeting"),
    )

    class Meta:
        verbose_name = _("watch-list update")
        verbose_name_plural = _("watch-list updates")
        ordering = ["item", "date", "pk"]
        indexes = [models.Index(fields=["item", "date"], name="watch_update_item_date_idx")]


class WatchItemUpdateRevision(models.Model):
    """An update as it was before the secretary changed it: updates are never silently
    edited."""

    update = models.ForeignKey(WatchItemUpdate, on_delete=models.CASCADE, related_name="revisions")
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    date = models.DateField(_("date before"))
    note = models.TextField(_("note before"), blank=True)
    status = models.CharField(
        _("status before"), max_length=20, choices=WatchItemStatus.choices, blank=True
    )
    meeting_title = models.CharField(_("meeting before"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("earlier version of an update")
        verbose_name_plural = _("earlier versions of updates")
        ordering = ["update", "changed_at", "pk"]


# -- The portfolio ---------------------------------------------------------------------------


class FundingSource(models.TextChoices):
    STATE_GRANT = "state_grant", _("State grant")
    EU_FUND = "eu_fund", _("EU fund")
    MUNICIPAL_BUDGET = "municipal_budget", _("Municipal budget")
    OTHER_EXTERNAL = "other_external", _("Other external funding")


class InitiativeStatus(models.TextChoices):
    APPROVED = "approved", _("Approved")
    ONGOING = "ongoing", _("Ongoing")
    FINISHED = "finished", _("Finished")
    CANCELLED = "cancelled", _("Cancelled")


class Portfolio(models.Model):
    """A collection of initiatives across departments towards shared goals (portföljstyrning),
    such as "Portföljen för social hållbarhet"."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_sort = models.CharField(max_length=240, db_index=True, editable=False, default="")
    description = models.TextField(_("description"), blank=True, max_length=4000)
    owner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portfolios",
        verbose_name=_("responsible department"),
    )

    class Meta:
        verbose_name = _("portfolio")
        verbose_name_plural = _("portfolios")
        ordering = ["name_sort", "pk"]

    def __str__(self) -> str:
        return self.name


class PortfolioGoal(models.Model):
    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="goals")
    name = models.CharField(_("goal"), max_length=200)
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    description = models.TextField(_("description"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["portfolio", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["portfolio", "name"], name="portfolio_goal_unique")
        ]

    def __str__(self) -> str:
        return self.name


class PortfolioPriority(models.Model):
    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="priorities")
    name = models.CharField(_("priority"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    description = models.TextField(_("description"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        ordering = ["portfolio", "-year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["portfolio", "year", "name"], name="portfolio_priority_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class Initiative(models.Model):
    """An approved effort in a portfolio (insats), serving one or more of its goals."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="initiatives")
    title = models.CharField(_("title"), max_length=300)
    title_sort = models.CharField(max_length=240, db_index=True, editable=False, default="")
    description = models.TextField(_("description"), blank=True, max_length=4000)
    goals = models.ManyToManyField(
        PortfolioGoal, related_name="initiatives", verbose_name=_("goals")
    )
    funding_source = models.CharField(_("funding"), max_length=20, choices=FundingSource.choices)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    owner = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
        verbose_name=_("responsible department"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.APPROVED,
    )
    watch_item = models.ForeignKey(
        WatchItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
        verbose_name=_("on the watch list as"),
    )
    search_document = models.TextField(default="", editable=False)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["portfolio", "title_sort", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["portfolio", "title"], name="initiative_unique"),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="initiative_period_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title
