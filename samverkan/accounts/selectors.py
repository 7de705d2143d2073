from django.conf import settings

from samverkan.accounts.models import Role, User


def secretary_emails() -> list[str]:
    """Where notices for the secretary go: every active secretary, else the function mailbox."""
    emails = list(
        User.objects.filter(is_active=True, groups__name=Role.SECRETARY.value)
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    return emails or [settings.CONTACT_EMAIL]
