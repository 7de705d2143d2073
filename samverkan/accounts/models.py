"""People who log in. Reading the site needs no account."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.models import EmailLink


class Role(models.TextChoices):
    """Roles beyond the public. Organisation representatives are recorded per organisation."""

    SECRETARY = "secretary", _("Secretary")
    COUNCIL_MEMBER = "council_member", _("Council member")
    C_NETWORK_MEMBER = "c_network_member", _("C-network member")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff (may use the admin)"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    language = models.CharField(
        _("language"), max_length=8, default="sv", choices=[("sv", "svenska"), ("en", "English")]
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.full_name or self.email


class ExternalIdentity(models.Model):
    """A login identity from an e-ID provider (BankID, Freja eID, eIDAS) over OpenID Connect.

    Keyed on the provider's subject, never on a personal identity number, so people with a
    coordination number or a foreign eID fit too.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="external_identities")
    provider = models.CharField(_("provider"), max_length=50)
    subject = models.CharField(_("subject"), max_length=255)
    assurance_level = models.CharField(_("assurance level"), max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("external identity")
        verbose_name_plural = _("external identities")
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="external_identity_unique")
        ]


class LoginLink(EmailLink):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_links")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("login link")
        verbose_name_plural = _("login links")
