"""Who may do what with the register."""

from samverkan.accounts.rules import Viewer, is_secretary
from samverkan.organisations.models import Organisation, Representation, Signature


def represents_organisation(user: Viewer, organisation: Organisation) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return Representation.objects.filter(
        user=user, organisation=organisation, approved=True, until__isnull=True
    ).exists()


def can_review_signatures(user: Viewer) -> bool:
    return is_secretary(user)


def can_edit_organisation(user: Viewer, organisation: Organisation) -> bool:
    return is_secretary(user) or represents_organisation(user, organisation)


def can_withdraw_signature(user: Viewer, signature: Signature) -> bool:
    return is_secretary(user) or represents_organisation(user, signature.organisation)


def can_handle_exclusions(user: Viewer) -> bool:
    return is_secretary(user)
