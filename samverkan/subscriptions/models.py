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


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("At once, one email per news")
    WEEKLY = "weekly", _("A weekly digest")


class Language(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class Subscriber(models.Model):
    """An email address that follows topics. Nothing is sent before the address is confirmed
    (double opt-in); an address that bounces keeps its record but is sent nothing until it is
    confirmed again. No account: the subscriber manages everything through a personal link.

    Only hashes of the tokens are stored. The confirmation token is random and single use. The
    manage token is derived from the site's secret key and ``manage_salt`` (see
    ``services.manage_token``), so that every email can carry the same working link without
    the database holding it; a new salt revokes every link sent before."""

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.SWEDISH
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("bounced"), null=True, blank=True)
    # The high-water mark: the newest happening this subscriber has been told of (or that
    # existed when they confirmed), and when the last email was queued.
    last_happening_id = models.BigIntegerField(default=0)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    confirm_token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)  # noqa: DJ001
    confirm_sent_at = models.DateTimeField(null=True, blank=True)
    manage_token_hash = models.CharField(max_length=64, unique=True)
    manage_salt = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["pk"]
        indexes = [
            models.Index(
                fields=["frequency", "confirmed_at", "bounced_at"], name="subscriber_active_idx"
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.bounced_at is None


class SubscriptionTopic(models.Model):
    """One topic key a subscriber follows."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "topic"], name="subscription_topic_unique"
            )
        ]
        indexes = [models.Index(fields=["topic", "subscriber"], name="subscription_topic_idx")]
