from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from samverkan.core import ratelimit
from samverkan.core.forms import FeedbackForm
from samverkan.core.privacy import BY_SLUG, PURPOSES
from samverkan.meetings import selectors as meeting_selectors
from samverkan.meetings.services import meeting_when
from samverkan.organisations import selectors as organisation_selectors
from samverkan.outbox.services import email_queue


def home(request: HttpRequest) -> HttpResponse:
    agreement = organisation_selectors.agreement_current()
    upcoming = (
        meeting_selectors.meetings_visible_to(request.user)
        .filter(date__gte=timezone.localdate())
        .exclude(status="cancelled")
        .prefetch_related("bodies")
        .order_by("date", "start_time")[:4]
    )
    context = {
        "upcoming": [(meeting, meeting_when(meeting)) for meeting in upcoming],
        "agreement": agreement,
        "signatory_count": organisation_selectors.signatory_count(agreement) if agreement else 0,
    }
    return render(request, "core/home.html", context)


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html", {"purposes": PURPOSES})


def privacy_purpose(request: HttpRequest, slug: str) -> HttpResponse:
    purpose = BY_SLUG.get(slug)
    if purpose is None:
        raise Http404
    return render(request, "core/privacy_purpose.html", {"purpose": purpose, "purposes": PURPOSES})


def contact(request: HttpRequest) -> HttpResponse:
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.allow(
            "feedback", ratelimit.client_address(request), limit=5, window_seconds=3600
        ):
            form.add_error(
                None, _("You have sent many messages in a short time. Try again in an hour.")
            )
        else:
            email_queue(
                to=settings.CONTACT_EMAIL,
                subject=_("Feedback from the website: %(topic)s")
                % {"topic": dict(FeedbackForm.TOPICS)[form.cleaned_data["topic"]]},
                body=render_to_string("core/email/feedback.txt", {"form": form}),
                reply_to=form.cleaned_data["email"] or None,
            )
            messages.success(request, _("Thank you. Your message has been sent."))
            return redirect("core:contact")
    return render(request, "core/contact.html", {"form": form})


def language_choose(request: HttpRequest, language: str) -> HttpResponse:
    """Remember the chosen language in a cookie and go back to the page the visitor was on.

    A plain link rather than Django's POST form, so that pages carry no form token and can be
    cached for every anonymous visitor. Choosing a language changes nothing but the cookie."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "")
    # Only a path on this site; never given to redirect(), which would try a bare word as the
    # name of a URL pattern and fail with a server error.
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
