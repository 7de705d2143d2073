"""Who may do what with the catalogue: everyone reads, only the secretary edits."""

from samverkan.accounts.rules import Viewer, is_secretary
from samverkan.collaboration_map.models import ContactPoint


def can_edit_catalogue(user: Viewer) -> bool:
    """Contact points, their links, the themes and the ladder are the secretary's to edit."""
    return is_secretary(user)


def can_view_contact_point(user: Viewer, contact_point: ContactPoint) -> bool:
    """Active contact points are public; a deactivated one only the secretary sees."""
    return contact_point.is_active or is_secretary(user)
