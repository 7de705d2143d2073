"""Who may see and handle inquiries. Inquiries are never public.

A handling team's members see their own team's queue and inquiries; the secretary sees all of
them. Anyone else, another team's members included, gets a 404 for an inquiry, as if it did
not exist. The sender sees their own inquiry only through the private link in their emails.
"""

from samverkan.accounts.rules import Viewer, is_secretary
from samverkan.inquiries.models import HandlingTeam, Inquiry


def is_team_member(user: Viewer, team: HandlingTeam | None) -> bool:
    if team is None or not user.is_authenticated or not user.is_active:
        return False
    cache = getattr(user, "_inquiry_team_cache", None)
    if cache is None:
        cache = set(user.handling_teams.values_list("pk", flat=True))  # type: ignore[union-attr]
        user._inquiry_team_cache = cache  # type: ignore[union-attr]
    return team.pk in cache


def is_handler(user: Viewer) -> bool:
    """A member of any handling team, or the secretary."""
    if is_secretary(user):
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    return user.handling_teams.exists()  # type: ignore[union-attr]


def can_work_team_queue(user: Viewer, team: HandlingTeam) -> bool:
    return is_secretary(user) or is_team_member(user, team)


def can_handle_inquiry(user: Viewer, inquiry: Inquiry) -> bool:
    """See the inquiry, take it, reply, ask, forward and close it: its team and the secretary."""
    if not inquiry.is_registered:
        return False
    return is_secretary(user) or is_team_member(user, inquiry.team)


def can_erase_personal_data(user: Viewer) -> bool:
    return is_secretary(user)


def can_administer_routing(user: Viewer) -> bool:
    return is_secretary(user)


def can_see_statistics(user: Viewer) -> bool:
    return is_secretary(user)
