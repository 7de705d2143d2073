"""A person's requests about their own personal data: corrections and erasures.

What a person may see, correct and have erased is worked out across the other apps by
``selectors`` and ``services``; this app stores only the record of what was asked and done.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Correction(models.Model):
    """A person corrected their own name or phone number (GDPR article 16): before and after."""

    class Field(models.TextChoices):
        ACCOUNT_NAME = "account_name", _("Name in your account")
        PERSON_NAME = "person_name", _("Name in the council's list of people")
        PERSON_PHONE = "person_phone", _("Phone in the council's list of people")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="corrections"
    )
    field = models.CharField(_("what"), max_length=20, choices=Field.choices)
    before = models.CharField(_("before"), max_length=200, blank=True)
    after = models.CharField(_("after"), max_length=200, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["-at", "-pk"]


class ErasureRequest(models.Model):
    """A person's erasure (GDPR article 17), as carried out: what was erased, and what was kept
    and why, for the municipality's archive process.

    Personal data inside official records (allmänna handlingar) is not erased here: archive law
    comes first and such records are only disposed of (gallras) under a disposal decision. The
    list of what was kept tells the archivist and the secretary where the person's data still
    is. ``erased`` and ``kept`` hold ``{"code": …, "count": …, "references": […]}`` entries; the
    codes are described in ``selectors.ERASED`` and ``selectors.KEPT``, so the list reads in
    the viewer's language. The name and address are those of the request, kept (like the
    request itself) for the period in the retention table."""

    class Initiator(models.TextChoices):
        PERSON = "person", _("The person's own request")
        RETENTION = "retention", _("Account not used for a long time")

    requested_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email address"))
    initiated_by = models.CharField(
        _("initiated by"), max_length=10, choices=Initiator.choices, default=Initiator.PERSON
    )
    erased = models.JSONField(_("erased"), default=list)
    kept = models.JSONField(_("kept"), default=list)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.email} {self.requested_at:%Y-%m-%d}"
