from django.http import HttpRequest

from samverkan.accounts.rules import is_secretary


def viewer(request: HttpRequest) -> dict[str, bool]:
    return {"viewer_is_secretary": is_secretary(request.user)}
