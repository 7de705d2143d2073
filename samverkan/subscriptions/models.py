"""Subscriptions: what has happened (happenings, tagged with topics) and who follows what."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class HappeningKind(models.TextChoices):
    """The groups of a digest, in the order they are shown."""

    CONSULTATION = "consultation", _("Consultations")
    WATCH_ITEM = "watch_item", _("Watch list")
    MEETING = "meeting", _("Meetings")
    MINUTES = "minutes", _("Minutes")
    DECISION = "decision", _("Decisions")


class Happening(models.Model):
    """Something new that followers of its topics are told about: a consultation opened, a
    watch-list item updated, a meeting called, minutes published. Only public things are
    recorded here: everything in this table may be shown to anyone."""

    kind = models.CharField(_("kind"), max_length=20, choices=HappeningKind.choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True, max_length=2000)
    # Site-relative address of the page that tells more, e.g. "/remisser/12/".
    path = models.CharField(_("address"), max_length=500)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)
    # Stops the same happening from being recorded twice (e.g. "minutes-published:12:3").
    dedup_key = models.CharField(max_length=200, unique=True, null=True, blank=True)  # noqa: DJ001

    class Meta:
        verbose_name = _("happening")
        verbose_name_plural = _("happenings")
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["occurred_at"], name="happening_occurred_idx")]

    def __str__(self) -> str:
        return self.title


class HappeningTopic(models.Model):
    """One topic key (see ``subscriptions.topics``) that a happening belongs to."""

    happening = models.ForeignKey(Happening, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["happening", "topic"], name="happening_topic_unique")
        ]
        indexes = [models.Index(fields=["topic", "happening"], name="happening_topic_idx")]
