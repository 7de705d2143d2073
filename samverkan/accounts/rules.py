"""Who may do what, as named predicates. Combined by each app's own rules."""

from django.contrib.auth.models import AnonymousUser

from samverkan.accounts.models import Role, User

Viewer = User | AnonymousUser


def has_role(user: Viewer, role: Role) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    cache = getattr(user, "_role_cache", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._role_cache = cache  # type: ignore[union-attr]
    return role.value in cache


def is_secretary(user: Viewer) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser) or has_role(
        user, Role.SECRETARY
    )


def is_council_member(user: Viewer) -> bool:
    return has_role(user, Role.COUNCIL_MEMBER)


def is_c_network_member(user: Viewer) -> bool:
    return has_role(user, Role.C_NETWORK_MEMBER)
