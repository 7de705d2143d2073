"""Who may do what with consultations.

Reading a public consultation, its documents, its consultee register and its published
responses needs no account. The secretary manages everything and reads every response. An
organisation's approved representative answers for it, when the organisation is a consultee
or the consultation is open to all; anyone else answers only a consultation open to all, with
a confirmed email address, and never in an organisation's name from the register.
"""

from samverkan.accounts.rules import Viewer, is_secretary
from samverkan.consultations.models import Consultation, ConsultationResponse
from samverkan.organisations.models import Organisation


def can_manage_consultations(user: Viewer) -> bool:
    return is_secretary(user)


def represented_organisation_ids_query(user: Viewer):
    """The same organisations as `represented_organisation_ids`, as a subquery."""
    return user.representations.filter(approved=True).values("organisation_id")  # type: ignore[union-attr]


def represented_organisation_ids(user: Viewer) -> set[int]:
    if not user.is_authenticated or not user.is_active:
        return set()
    cache = getattr(user, "_represented_cache", None)
    if cache is None:
        cache = set(
            represented_organisation_ids_query(user).values_list("organisation_id", flat=True)
        )
        user._represented_cache = cache  # type: ignore[union-attr]
    return cache


def can_answer_for(user: Viewer, consultation: Consultation, organisation: Organisation) -> bool:
    """An approved representative of a consultee (of any organisation, if open to all)."""
    if organisation.pk not in represented_organisation_ids(user):
        return False
    if consultation.open_to_all:
        return True
    return consultation.consultees.filter(organisation=organisation).exists()


def can_see_consultation(user: Viewer, consultation: Consultation) -> bool:
    return consultation.is_public or is_secretary(user)


def can_see_response(user: Viewer, response: ConsultationResponse) -> bool:
    """Published responses are for everyone; the others for the secretary, and for the
    representatives of the organisation that sent them."""
    if is_secretary(user):
        return True
    if response.is_published:
        return True
    return bool(
        response.organisation_id
        and response.organisation_id in represented_organisation_ids(user)
        and response.status == "registered"
    )
