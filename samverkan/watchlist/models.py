"""The watch list (På gång/bevakningslista): projects, assignments, development work, networks
and consultations that the council follows, each with an owner and a status, and the updates
given at meetings.

An item's status is the status of its latest update that set one (``ongoing`` when none did):
the history stays in the updates, and removing an update (a corrected import) gives the
status back that the remaining updates say.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.organisations.models import Organisation


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
    """Something the council follows. ``kind`` is empty when the minutes do not say."""

    kind = models.CharField(_("kind"), max_length=20, choices=WatchItemKind.choices, blank=True)
    title = models.CharField(_("title"), max_length=300)
    # The title as compared (see selectors.title_key): one item per compared title.
    title_key = models.CharField(max_length=300, unique=True, editable=False)
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
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=WatchItemStatus.choices,
        default=WatchItemStatus.ONGOING,
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("watch-list item")
        verbose_name_plural = _("watch-list items")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


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
