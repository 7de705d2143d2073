"""The secretary's work: the review queue, publishing and renewal, exclusion cases."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.accounts.decorators import allowed_if
from samverkan.organisations import rules, selectors, services
from samverkan.organisations.forms import (
    DecisionNoteForm,
    ExclusionDecisionForm,
    ExclusionOpenForm,
    QuestionForm,
    ReasonForm,
)
from samverkan.organisations.models import Agreement, ExclusionCase, Signature

secretary_only = allowed_if(rules.can_review_signatures)


@secretary_only
def review_queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "organisations/review_queue.html",
        {"signatures": selectors.review_queue(), "nav": "review"},
    )


def _signature(pk: int) -> Signature:
    return get_object_or_404(
        Signature.objects.select_related("organisation", "agreement").prefetch_related(
            "events__actor", "info_requests", "exclusion_cases"
        ),
        pk=pk,
    )


@secretary_only
def signature_review(request: HttpRequest, pk: int) -> HttpResponse:
    signature = _signature(pk)
    forms = {
        "approve": DecisionNoteForm(prefix="approve"),
        "ask": QuestionForm(prefix="ask"),
        "decline": ReasonForm(prefix="decline"),
    }
    if request.method == "POST":
        action = request.POST.get("action", "")
        form = forms.get(action)
        if form is None:
            messages.error(request, _("Unknown action."))
            return redirect("organisations:signature_review", pk)
        form = type(form)(request.POST, prefix=action)
        forms[action] = form
        if form.is_valid():
            try:
                if action == "approve":
                    services.signature_approve(
                        signature=signature, actor=request.user, note=form.cleaned_data["note"]
                    )
                    messages.success(
                        request, _("The signature has been approved and the organisation told.")
                    )
                elif action == "ask":
                    services.signature_request_info(
                        signature=signature,
                        actor=request.user,
                        question=form.cleaned_data["question"],
                    )
                    messages.success(request, _("Your question has been emailed to the signatory."))
                else:
                    services.signature_decline(
                        signature=signature, actor=request.user, reason=form.cleaned_data["reason"]
                    )
                    messages.success(
                        request,
                        _("The signature was not approved. The signatory has been told why."),
                    )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("organisations:review_queue")
    duplicates = selectors.organisation_duplicates(
        name=signature.organisation.name,
        organisation_number=signature.organisation.organisation_number,
        exclude_pk=signature.organisation_id,
    )
    return render(
        request,
        "organisations/signature_review.html",
        {"signature": signature, "forms": forms, "duplicates": duplicates, "nav": "review"},
    )


@secretary_only
def agreement_admin(request: HttpRequest) -> HttpResponse:
    agreements = Agreement.objects.prefetch_related("sections").order_by("-period_start")
    return render(
        request, "organisations/agreement_admin.html", {"agreements": agreements, "nav": "review"}
    )


@secretary_only
@require_POST
def agreement_publish(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(Agreement, pk=pk)
    try:
        services.agreement_publish(agreement=agreement)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("%(title)s is published and open for signing.") % {"title": agreement.title}
        )
    return redirect("organisations:agreement_admin")


@secretary_only
@require_POST
def renewal_invite(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(Agreement, pk=pk)
    try:
        count = services.renewal_invite_all(agreement=agreement, actor=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _(
                "%(count)s organisations were invited to renew. Organisations invited before were not emailed again."
            )
            % {"count": count},
        )
    return redirect("organisations:agreement_admin")


@secretary_only
def exclusion_case_list(request: HttpRequest) -> HttpResponse:
    cases = ExclusionCase.objects.select_related("signature__organisation", "signature__agreement")
    return render(
        request, "organisations/exclusion_case_list.html", {"cases": cases, "nav": "review"}
    )


@secretary_only
def exclusion_case_open(request: HttpRequest, signature_pk: int) -> HttpResponse:
    signature = _signature(signature_pk)
    form = ExclusionOpenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.exclusion_case_open(
                signature=signature, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for field, errors in (
                error.message_dict.items()
                if hasattr(error, "error_dict")
                else [(None, error.messages)]
            ):
                form.add_error(field, errors)
        else:
            messages.success(
                request, _("The case is opened and the organisation has been notified.")
            )
            return redirect("organisations:exclusion_case_detail", case.pk)
    return render(
        request,
        "organisations/exclusion_case_open.html",
        {"signature": signature, "form": form, "nav": "review"},
    )


@secretary_only
def exclusion_case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(
        ExclusionCase.objects.select_related(
            "signature__organisation", "signature__agreement", "opened_by", "decided_by"
        ).prefetch_related("events__actor"),
        pk=pk,
    )
    form = ExclusionDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.exclusion_case_decide(
                case=case,
                actor=request.user,
                exclude=data["outcome"] == "exclude",
                decision=data["decision"],
                deciding_body=data["deciding_body"],
                decided_on=data["decided_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The decision has been recorded and the organisation told.")
            )
            return redirect("organisations:exclusion_case_detail", case.pk)
    return render(
        request,
        "organisations/exclusion_case_detail.html",
        {"case": case, "form": form, "nav": "review"},
    )
