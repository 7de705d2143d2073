"""The sender's side, without an account: the form, the confirmation link, the private
status page with its answer form and attachments."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samverkan.core import ratelimit
from samverkan.core.http import private as _private
from samverkan.inquiries import services
from samverkan.inquiries.forms import ConfirmForm, InquiryForm, SenderAnswerForm
from samverkan.inquiries.models import (
    HandlingTeam,
    Inquiry,
    InquiryKind,
    InquiryLink,
    InquiryStatus,
)
from samverkan.inquiries.views.files import attachment_response
from samverkan.organisations.models import Area

LIMIT_PER_EMAIL = 5
LIMIT_PER_ADDRESS = 20
ANSWER_LIMIT_PER_ADDRESS = 30
WINDOW_SECONDS = 3600


def _rate_limited(request: HttpRequest, email: str) -> bool:
    return not (
        ratelimit.allow(
            "inquiry-ip",
            ratelimit.client_address(request),
            limit=LIMIT_PER_ADDRESS,
            window_seconds=WINDOW_SECONDS,
        )
        and ratelimit.allow(
            "inquiry-email", email, limit=LIMIT_PER_EMAIL, window_seconds=WINDOW_SECONDS
        )
    )


def _recent_duplicate(email: str, subject: str) -> bool:
    """The same form sent again within minutes (a double click): do not send a second email."""
    return Inquiry.objects.filter(
        status=InquiryStatus.UNCONFIRMED,
        sender_email__iexact=email,
        subject=" ".join(subject.split()),
        created_at__gte=timezone.now() - timedelta(minutes=15),
    ).exists()


def _slug(request: HttpRequest, name: str) -> str:
    """A parameter that can be a slug, else "" (PostgreSQL refuses a NUL byte in a query)."""
    value = request.GET.get(name, "")
    return value if slug_re.fullmatch(value) else ""


def _initial(request: HttpRequest) -> dict:
    """?team=<slug>&kind=<kind>&topic=<slug>, for links from the ladder and the map."""
    initial = {}
    team = _slug(request, "team")
    if team and HandlingTeam.objects.filter(slug=team).exists():
        initial["team"] = team
    kind = request.GET.get("kind", "")
    if kind in InquiryKind.values:
        initial["kind"] = kind
    topic = Area.objects.filter(slug=_slug(request, "topic") or None).first()
    if topic is not None:
        initial["topic"] = topic.pk
    return initial


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def new(request: HttpRequest) -> HttpResponse:
    """The form of En väg in: anyone, without an account."""
    if request.method != "POST":
        form = InquiryForm(initial=_initial(request))
        return render(request, "inquiries/inquiry_form.html", {"form": form, "nav": "inquiry"})
    form = InquiryForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        if _rate_limited(request, data["email"]):
            form.add_error(
                None,
                _("Many inquiries have been sent from here in a short time. Try again in an hour."),
            )
        elif not _recent_duplicate(data["email"], data["subject"]):
            try:
                services.inquiry_submit(
                    kind=data["kind"],
                    subject=data["subject"],
                    text=data["text"],
                    sender_email=data["email"],
                    sender_name=data["sender_name"],
                    organisation=data["organisation"],
                    organisation_text=data["organisation_text"],
                    organisation_kind=data["organisation_kind"],
                    topic=data["topic"],
                    requested_team=data["team"],
                    uploads=data["attachments"],
                )
            except ValidationError as error:
                _add_errors(form, error)
        if form.is_valid():
            request.session["inquiry_email"] = data["email"]
            return redirect("inquiries:sent")
    return render(
        request,
        "inquiries/inquiry_form.html",
        {"form": form, "nav": "inquiry", "files_dropped": bool(request.FILES)},
    )


def sent(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "inquiries/inquiry_sent.html",
        {
            "email": request.session.get("inquiry_email"),
            "hours": services.CONFIRMATION_HOURS,
            "nav": "inquiry",
        },
    )


def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return _private(
        render(
            request,
            "inquiries/link_invalid.html",
            {"error": error.messages[0], "nav": "inquiry"},
            status=410,
        )
    )


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link shows the inquiry; pressing the button sends it (a mail scanner that
    opens links sends nothing)."""
    try:
        link = services.inquiry_link_check(raw_token=token, purpose=InquiryLink.Purpose.CONFIRM)
    except ValidationError as error:
        return _invalid(request, error)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            inquiry, status_token = services.inquiry_confirm(raw_token=token)
        except ValidationError as error:
            return _invalid(request, error)
        return _private(
            render(
                request,
                "inquiries/inquiry_confirmed.html",
                {"inquiry": inquiry, "status_token": status_token, "nav": "inquiry"},
            )
        )
    return _private(
        render(
            request,
            "inquiries/inquiry_confirm.html",
            {"inquiry": link.inquiry, "form": form, "nav": "inquiry"},
        )
    )


def status(request: HttpRequest, token: str) -> HttpResponse:
    """The sender's private page: where the inquiry is, the thread, and a form to write more."""
    try:
        link = services.inquiry_link_check(raw_token=token, purpose=InquiryLink.Purpose.STATUS)
    except ValidationError as error:
        return _invalid(request, error)
    inquiry = link.inquiry
    form = SenderAnswerForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        if not ratelimit.allow(
            "inquiry-answer-ip",
            ratelimit.client_address(request),
            limit=ANSWER_LIMIT_PER_ADDRESS,
            window_seconds=WINDOW_SECONDS,
        ):
            form.add_error(None, _("Many messages have been sent from here. Try again in an hour."))
        else:
            try:
                services.inquiry_sender_answer(
                    raw_token=token,
                    text=form.cleaned_data["text"],
                    uploads=form.cleaned_data["attachments"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Thank you. Your message has reached the team."))
                return redirect("inquiries:status", token)
    thread = inquiry.messages.select_related("author").prefetch_related("attachments")
    return _private(
        render(
            request,
            "inquiries/inquiry_status.html",
            {
                "inquiry": inquiry,
                "thread": thread,
                "attachments": inquiry.attachments.filter(message__isnull=True),
                "form": form,
                "token": token,
                "nav": "inquiry",
            },
        )
    )


@require_GET
def status_attachment(request: HttpRequest, token: str, pk: int) -> FileResponse:
    try:
        link = services.inquiry_link_check(raw_token=token, purpose=InquiryLink.Purpose.STATUS)
    except ValidationError as error:
        raise Http404 from error
    attachment = get_object_or_404(link.inquiry.attachments, pk=pk)
    return attachment_response(attachment)
