"""Small shared building blocks: timestamps and single-use emailed links."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh random token for an emailed link, and the hash we store instead of it."""
    raw = secrets.token_urlsafe(32)
    return raw, hash_token(raw)


class EmailLink(models.Model):
    """A single-use, expiring link sent by email. Only the token's hash is stored."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        abstract = True

    @staticmethod
    def default_expiry() -> "timezone.datetime":
        return timezone.now() + timedelta(minutes=settings.EMAIL_LINK_MAX_AGE_MINUTES)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_used(self) -> bool:
        return self.used_at is not None
