"""Every change to an official record: who, when, and each field before and after."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChangeRecord(models.Model):
    class Action(models.TextChoices):
        CREATED = "created", _("created")
        CHANGED = "changed", _("changed")
        DELETED = "deleted", _("deleted")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("record"), max_length=200)
    action = models.CharField(_("what happened"), max_length=10, choices=Action.choices)
    # {field name: [before, after]}; before is null for a new record, after for a deleted one.
    changes = models.JSONField(default=dict)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # Kept when the account is erased, and names scheduled jobs ("system: send_digests").
    actor_label = models.CharField(_("by"), max_length=200, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "at"], name="change_object_idx"),
            models.Index(fields=["at"], name="change_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.object_repr}: {self.action} {self.at:%Y-%m-%d %H:%M}"
