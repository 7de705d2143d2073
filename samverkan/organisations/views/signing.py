"""Signing the agreement without an account, confirmed by an emailed link; answering the
secretary; renewing; answering an exclusion case; a representative's own pages."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core import ratelimit
from samverkan.organisations import rules, selectors, services
from samverkan.organisations.forms import (
    AnswerForm,
    ConfirmSignatureForm,
    ExclusionResponseForm,
    OrganisationEditForm,
    ReasonForm,
    SignatoryFieldsForm,
    SignForm,
)
from samverkan.organisations.models import (
    Organisation,
    Signature,
    SignatureApplication,
    SignatureStatus,
)

SIGN_LIMIT_PER_HOUR = 10


def _rate_limited(request: HttpRequest, email: str) -> bool:
    return not (
        ratelimit.allow(
            "sign-ip",
            ratelimit.client_address(request),
            limit=SIGN_LIMIT_PER_HOUR * 3,
            window_seconds=3600,
        )
        and ratelimit.allow("sign-email", email, limit=SIGN_LIMIT_PER_HOUR, window_seconds=3600)
    )


def _recent_duplicate(email: str, agreement, organisation: Organisation | None, name: str) -> bool:
    """The same form sent again within minutes (a double click): do not send a second email."""
    recent = SignatureApplication.objects.filter(
        email__iexact=email,
        agreement=agreement,
        used_at__isnull=True,
        created_at__gte=timezone.now() - timedelta(minutes=15),
    )
    if organisation is not None:
        return recent.filter(organisation=organisation).exists()
    return any(a.data.get("name", "").casefold() == name.casefold() for a in recent)


def sign(request: HttpRequest) -> HttpResponse:
    agreement = selectors.agreement_current()
    if agreement is None:
        return render(request, "organisations/agreement_missing.html", {"nav": "sign"})
    if request.method != "POST":
        return render(
            request,
            "organisations/sign.html",
            {"form": SignForm(), "agreement": agreement, "nav": "sign"},
        )
    duplicates = []
    form = SignForm(request.POST)
    if form.is_valid():
        duplicates = selectors.organisation_duplicates(
            name=form.cleaned_data["name"],
            organisation_number=form.cleaned_data["organisation_number"] or None,
        )
        form = SignForm(request.POST, duplicates=duplicates)
        form.is_valid()
    if form.is_valid():
        chosen = form.cleaned_data.get("existing") or ""
        number = form.cleaned_data["organisation_number"]
        organisation = None
        same_number = [o for o in duplicates if number and o.organisation_number == number]
        if same_number:
            # The number identifies the organisation: it can only be that one.
            organisation = same_number[0]
        elif duplicates and chosen == "":
            form.add_error(
                "existing",
                _(
                    "There is already an organisation with a similar name in the register. Choose it if it is yours, so it is not registered twice."
                ),
            )
        elif chosen and chosen != "new":
            organisation = next((o for o in duplicates if str(o.pk) == chosen), None)
            if organisation is None:
                form.add_error("existing", _("Choose one of the organisations in the list."))
    if form.is_valid():
        email = form.cleaned_data["signatory_email"]
        if organisation is not None:
            blocker = services.signature_blockers(organisation=organisation, agreement=agreement)
            if blocker:
                form.add_error(None, blocker)
        if form.is_valid() and _rate_limited(request, email):
            form.add_error(
                None,
                _(
                    "Many signatures have been sent from here in a short time. Try again in an hour."
                ),
            )
        if form.is_valid():
            if not _recent_duplicate(email, agreement, organisation, form.cleaned_data["name"]):
                services.signature_application_submit(
                    agreement=agreement, data=form.organisation_data(), organisation=organisation
                )
            request.session["signing_email"] = email
            return redirect("organisations:sign_sent")
    return render(
        request,
        "organisations/sign.html",
        {"form": form, "agreement": agreement, "duplicates": form.duplicates, "nav": "sign"},
        status=200,
    )


def sign_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "organisations/sign_sent.html",
        {"email": request.session.get("signing_email"), "nav": "sign"},
    )


def sign_renew(request: HttpRequest, token: str) -> HttpResponse:
    """A renewal invitation: the organisation is known; only the signatory is filled in."""
    try:
        invitation = services.renewal_invitation_check(raw_token=token)
    except ValidationError as error:
        return render(
            request, "organisations/link_invalid.html", {"error": error.messages[0]}, status=410
        )
    organisation, agreement = invitation.organisation, invitation.agreement
    blocker = services.signature_blockers(organisation=organisation, agreement=agreement)
    previous = invitation.previous_signature
    form = SignatoryFieldsForm(
        request.POST if request.method == "POST" else None,
        initial={
            "signatory_name": previous.signatory_name,
            "signatory_role": previous.signatory_role,
            "signatory_email": previous.signatory_email,
        },
    )
    if request.method == "POST" and not blocker and form.is_valid():
        email = form.cleaned_data["signatory_email"]
        if _rate_limited(request, email):
            form.add_error(
                None,
                _(
                    "Many signatures have been sent from here in a short time. Try again in an hour."
                ),
            )
        else:
            if not _recent_duplicate(email, agreement, organisation, organisation.name):
                services.signature_application_submit(
                    agreement=agreement,
                    organisation=organisation,
                    data={"name": organisation.name, **form.cleaned_data},
                )
            request.session["signing_email"] = email
            return redirect("organisations:sign_sent")
    return render(
        request,
        "organisations/sign_renew.html",
        {
            "form": form,
            "organisation": organisation,
            "agreement": agreement,
            "blocker": blocker,
            "nav": "sign",
        },
    )


def sign_confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        application = services.signature_application_check(raw_token=token)
    except ValidationError as error:
        return render(
            request, "organisations/link_invalid.html", {"error": error.messages[0]}, status=410
        )
    form = ConfirmSignatureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            signature = services.signature_application_confirm(raw_token=token)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(
                request,
                "organisations/sign_done.html",
                {
                    "signature": signature,
                    # A first signature's page is published when the secretary approves it.
                    "organisation_public": rules.is_public_organisation(signature.organisation),
                    "nav": "sign",
                },
            )
    return render(
        request,
        "organisations/sign_confirm.html",
        {
            "application": application,
            "agreement": application.agreement,
            "form": form,
            "nav": "sign",
        },
    )


def info_answer(request: HttpRequest, token: str) -> HttpResponse:
    try:
        info_request = services.information_request_check(raw_token=token)
    except ValidationError as error:
        return render(
            request, "organisations/link_invalid.html", {"error": error.messages[0]}, status=410
        )
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.information_request_answer(raw_token=token, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. The secretary has received your answer."))
            return redirect(
                "organisations:organisation_detail", info_request.signature.organisation_id
            )
    return render(
        request, "organisations/info_answer.html", {"info_request": info_request, "form": form}
    )


def exclusion_respond(request: HttpRequest, token: str) -> HttpResponse:
    try:
        case = services.exclusion_case_by_token(raw_token=token)
    except ValidationError as error:
        return render(
            request, "organisations/link_invalid.html", {"error": error.messages[0]}, status=410
        )
    form = ExclusionResponseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.exclusion_case_respond(raw_token=token, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Thank you. Your answer has been recorded and sent to the secretary.")
            )
            return redirect("organisations:exclusion_respond", token)
    return render(
        request,
        "organisations/exclusion_respond.html",
        {"case": case, "form": form, "late": timezone.localdate() > case.response_deadline},
    )


@login_required
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=pk)
    if not rules.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    initial = {
        **{f: getattr(organisation, f) or "" for f in services.ORGANISATION_FIELDS},
        "areas": organisation.areas.all(),
        "target_groups": organisation.target_groups.all(),
        "districts": organisation.districts.all(),
    }
    form = OrganisationEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.organisation_update(
                organisation=organisation,
                areas=data.pop("areas"),
                target_groups=data.pop("target_groups"),
                districts=data.pop("districts"),
                **data,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The organisation's details have been saved."))
            return redirect("organisations:organisation_detail", organisation.pk)
    return render(
        request,
        "organisations/organisation_edit.html",
        {"organisation": organisation, "form": form},
    )


@login_required
def signature_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    signature = get_object_or_404(
        Signature.objects.select_related("organisation", "agreement"), pk=pk
    )
    if not rules.can_withdraw_signature(request.user, signature):
        raise PermissionDenied
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.signature_withdraw(
                signature=signature, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The signature has been withdrawn."))
            return redirect("organisations:organisation_detail", signature.organisation_id)
    return render(
        request,
        "organisations/signature_withdraw.html",
        {
            "signature": signature,
            "form": form,
            "open": signature.status in (SignatureStatus.PENDING, SignatureStatus.ACTIVE),
        },
    )
