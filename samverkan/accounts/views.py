from django.contrib import messages
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.accounts import services
from samverkan.accounts.forms import LoginLinkForm
from samverkan.core import ratelimit


def login_request(request: HttpRequest) -> HttpResponse:
    """Ask for a login link by email."""
    form = LoginLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        allowed = ratelimit.allow(
            "login-email", email, limit=5, window_seconds=3600
        ) and ratelimit.allow(
            "login-ip", ratelimit.client_address(request), limit=30, window_seconds=3600
        )
        if not allowed:
            form.add_error(
                "email", _("Too many login links have been asked for. Try again in an hour.")
            )
        else:
            services.login_link_send(email=email)
            return render(request, "accounts/login_sent.html", {"email": email})
    return render(request, "accounts/login.html", {"form": form})


def login_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST uses the one-time link."""
    try:
        link = services.login_link_check(raw_token=token)
    except ValidationError as error:
        return render(
            request, "accounts/login_invalid.html", {"error": error.messages[0]}, status=410
        )
    if request.method == "POST":
        try:
            user = services.login_link_use(raw_token=token)
        except ValidationError as error:
            return render(
                request, "accounts/login_invalid.html", {"error": error.messages[0]}, status=410
            )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("You are logged in."))
        return redirect("core:home")
    return render(request, "accounts/login_confirm.html", {"link_user": link.user})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, _("You are logged out."))
    return redirect("core:home")
