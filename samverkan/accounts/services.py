"""Accounts: login by a one-time emailed link, roles."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.models import LoginLink, Role, User
from samverkan.core.models import hash_token, new_token
from samverkan.outbox.services import email_queue_template


def user_get_or_create(*, email: str, full_name: str = "") -> User:
    """The account for `email` (case does not matter); created, without password, if new."""
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, full_name=full_name.strip())
    elif full_name and not user.full_name:
        user.full_name = full_name.strip()
        user.save(update_fields=["full_name"])
    return user


def role_grant(*, user: User, role: Role) -> None:
    group, _created = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)
    user.__dict__.pop("_role_cache", None)


@transaction.atomic
def login_link_send(*, email: str) -> bool:
    """Email a one-time login link if an active account has this address.

    Returns whether a link was sent; callers must not reveal it (no account enumeration)."""
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        return False
    raw, token_hash = new_token()
    LoginLink.objects.create(
        user=user, token_hash=token_hash, expires_at=LoginLink.default_expiry()
    )
    email_queue_template(
        to=user.email,
        template="accounts/email/login_link",
        context={"user": user, "path": reverse("accounts:login_confirm", args=[raw])},
        language=user.language,
    )
    return True


def login_link_check(*, raw_token: str) -> LoginLink:
    """The link for this token if it may still be used; a ValidationError says why not."""
    link = LoginLink.objects.select_related("user").filter(token_hash=hash_token(raw_token)).first()
    if link is None:
        raise ValidationError(_("This login link is not valid. Ask for a new one."), code="invalid")
    if link.is_used:
        raise ValidationError(
            _("This login link has already been used. Each link works once. Ask for a new one."),
            code="used",
        )
    if link.is_expired:
        raise ValidationError(_("This login link has expired. Ask for a new one."), code="expired")
    if not link.user.is_active:
        raise ValidationError(_("This account is not active."), code="inactive")
    return link


@transaction.atomic
def login_link_use(*, raw_token: str) -> User:
    link = login_link_check(raw_token=raw_token)
    # Claim the link atomically: a second request with the same token finds it used.
    claimed = LoginLink.objects.filter(pk=link.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if not claimed:
        raise ValidationError(
            _("This login link has already been used. Ask for a new one."), code="used"
        )
    user = link.user
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    return user
