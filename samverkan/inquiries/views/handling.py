"""The handling teams' work: their queues and each inquiry, with its actions. Inquiries are
never public: a person outside the inquiry's team (and not the secretary) gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samverkan.accounts.decorators import allowed_if
from samverkan.accounts.rules import is_secretary
from samverkan.inquiries import rules, selectors, services
from samverkan.inquiries.forms import CloseForm, EraseForm, ForwardForm, MessageForm
from samverkan.inquiries.models import HandlingTeam, Inquiry, InquiryEvent
from samverkan.inquiries.views.files import attachment_response


@allowed_if(rules.is_handler)
def team_list(request: HttpRequest) -> HttpResponse:
    """The queues this person works, with what is open and overdue in each."""
    return render(
        request,
        "inquiries/team_list.html",
        {
            "teams": selectors.teams_for(request.user),
            "unrouted": selectors.unrouted_count() if is_secretary(request.user) else 0,
            "is_secretary": is_secretary(request.user),
            "nav": "inquiries",
        },
    )


QUEUE_PAGE_SIZE = 50


def _queue_context(request: HttpRequest, team: HandlingTeam | None) -> dict:
    view = request.GET.get("visa", "open")
    if view not in (*selectors.QUEUE_VIEWS, "all"):
        view = "open"
    page = Paginator(selectors.team_queue(team, view), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("sida")
    )
    return {
        "team": team,
        "page": page,
        "view": view,
        "views": [
            ("open", _("Open")),
            ("waiting", _("Waiting for the sender")),
            ("closed", _("Closed")),
            ("all", _("All")),
        ],
        "overdue": Inquiry.objects.overdue().filter(team=team).count(),
        "query": f"visa={view}",
        "nav": "inquiries",
    }


@login_required
def team_queue(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_object_or_404(HandlingTeam, slug=slug)
    if not rules.can_work_team_queue(request.user, team):
        raise Http404
    return render(request, "inquiries/inquiry_queue.html", _queue_context(request, team))


@allowed_if(is_secretary)
def unrouted_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "inquiries/inquiry_queue.html", _queue_context(request, None))


def _inquiry_or_404(request: HttpRequest, pk: int) -> Inquiry:
    inquiry = selectors.inquiry_for_handling(pk)
    if inquiry is None or not rules.can_handle_inquiry(request.user, inquiry):
        raise Http404
    return inquiry


ACTIONS = ("take", "reply", "ask", "forward", "close")


def _forms(inquiry: Inquiry, data=None, action: str = "") -> dict:
    teams = selectors.other_teams(inquiry)

    def bound(name: str):
        return data if action == name else None

    return {
        "reply": MessageForm(bound("reply"), prefix="reply"),
        "ask": MessageForm(bound("ask"), prefix="ask"),
        "forward": ForwardForm(bound("forward"), prefix="forward", teams=teams),
        "close": CloseForm(bound("close"), prefix="close"),
    }


def _act(request: HttpRequest, inquiry: Inquiry, action: str, form) -> str:
    """Run one action's service; returns the message for the person."""
    user = request.user
    if action == "take":
        services.inquiry_take(inquiry=inquiry, actor=user)
        return _("You have taken %(reference)s.")
    data = form.cleaned_data
    if action == "reply":
        services.inquiry_reply(inquiry=inquiry, actor=user, text=data["text"])
        return _("Your reply to %(reference)s has been emailed to the sender.")
    if action == "ask":
        services.inquiry_request_info(inquiry=inquiry, actor=user, text=data["text"])
        return _("Your question has been emailed. %(reference)s waits for the sender.")
    if action == "forward":
        services.inquiry_forward(
            inquiry=inquiry, actor=user, to_team=data["to_team"], reason=data["reason"]
        )
        return _("%(reference)s has been forwarded and the sender told.")
    services.inquiry_close(
        inquiry=inquiry, actor=user, outcome=data["outcome"], tell_sender=data["tell_sender"]
    )
    return _("%(reference)s is closed.")


@login_required
def inquiry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inquiry = _inquiry_or_404(request, pk)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    forms = _forms(inquiry, request.POST, action)
    if request.method == "POST":
        if action not in ACTIONS:
            messages.error(request, _("Unknown action."))
            return redirect("inquiries:detail", pk)
        form = forms.get(action)
        if form is None or form.is_valid():
            try:
                done = _act(request, inquiry, action, form)
            except ValidationError as error:
                if form is None:
                    messages.error(request, " ".join(error.messages))
                    return redirect("inquiries:detail", pk)
                if hasattr(error, "error_dict"):
                    for field, errors in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, done % {"reference": inquiry.reference})
                if action == "forward" and not rules.can_handle_inquiry(
                    request.user, Inquiry.objects.select_related("team").get(pk=pk)
                ):
                    return redirect("inquiries:team_list")
                return redirect("inquiries:detail", pk)
    can_reach_sender = bool(inquiry.sender_email)
    return render(
        request,
        "inquiries/inquiry_detail.html",
        {
            "inquiry": inquiry,
            "forms": forms,
            "action": action,
            "can_reach_sender": can_reach_sender,
            "can_erase": rules.can_erase_personal_data(request.user),
            "forwarded": any(e.kind == InquiryEvent.Kind.FORWARDED for e in inquiry.events.all()),
            "nav": "inquiries",
        },
    )


@require_GET
@login_required
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    inquiry = _inquiry_or_404(request, pk)
    return attachment_response(get_object_or_404(inquiry.attachments, pk=attachment_pk))


@require_GET
@login_required
def export(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole record as text, to file in the municipality's registry (diarium) or to hand
    out on request after a secrecy review."""
    inquiry = _inquiry_or_404(request, pk)
    body = render_to_string("inquiries/inquiry_export.txt", {"inquiry": inquiry}, request)
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{inquiry.reference}.txt"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def erase(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretary erases the sender's personal data on request; the record stays."""
    inquiry = _inquiry_or_404(request, pk)
    if not rules.can_erase_personal_data(request.user):
        raise PermissionDenied
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.inquiry_erase_personal_data(
                inquiry=inquiry, actor=request.user, basis=form.cleaned_data["basis"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "The sender's personal data in %(reference)s has been erased. The record and "
                    "the statistics remain."
                )
                % {"reference": inquiry.reference},
            )
            return redirect("inquiries:detail", pk)
    return render(
        request,
        "inquiries/inquiry_erase.html",
        {"inquiry": inquiry, "form": form, "nav": "inquiries"},
    )
