"""Who may change the watch list and the portfolios: the secretary. Everyone may read them."""

from samverkan.accounts.rules import Viewer, is_secretary


def can_manage_watchlist(user: Viewer) -> bool:
    return is_secretary(user)
