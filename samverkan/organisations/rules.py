"""Who may do what with the register."""

from samverkan.accounts.rules import Viewer, is_secretary
from samverkan.organisations.models import Organisation, Representation, Signature


def represents_organisation(user: Viewer, organisation: Organisation) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return Representation.objects.filter(
        user=user, organisation=organisation, approved=True, until__isnull=True
    ).exists()


def is_public_organisation(organisation: Organisation) -> bool:
    """Public once the secretary has approved one of its signatures (it stays so, for its
    history), or when it never applied (a department, one from the council's minutes). An
    application nobody has approved, pending or declined, is not published. Reads the
    signatures from ``organisation.signatures.all()`` (prefetched by the page's selector)."""
    signatures = list(organisation.signatures.all())
    return not signatures or any(s.approved_at is not None for s in signatures)


def can_view_organisation(user: Viewer, organisation: Organisation) -> bool:
    return is_public_organisation(organisation) or is_secretary(user)


def can_review_signatures(user: Viewer) -> bool:
    return is_secretary(user)


def can_edit_organisation(user: Viewer, organisation: Organisation) -> bool:
    return is_secretary(user) or represents_organisation(user, organisation)


def can_withdraw_signature(user: Viewer, signature: Signature) -> bool:
    return is_secretary(user) or represents_organisation(user, signature.organisation)


def can_handle_exclusions(user: Viewer) -> bool:
    return is_secretary(user)
