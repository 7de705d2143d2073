"""Every change to the register goes through here, inside a transaction, with its history."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.accounts.selectors import secretary_emails
from samverkan.accounts.services import user_get_or_create
from samverkan.core.models import hash_token, new_token
from samverkan.core.swedish import search_document, sort_key
from samverkan.organisations import selectors
from samverkan.organisations.models import (
    Agreement,
    Area,
    District,
    ExclusionCase,
    ExclusionCaseEvent,
    InformationRequest,
    Organisation,
    OrganisationKind,
    OrganisationLink,
    RenewalInvitation,
    Representation,
    Signature,
    SignatureApplication,
    SignatureEvent,
    SignatureStatus,
    TargetGroup,
    Term,
)
from samverkan.outbox.services import email_queue_template

ORGANISATION_FIELDS = (
    "name",
    "kind",
    "organisation_number",
    "website",
    "public_email",
    "description",
    "easy_read_description",
)


# --- Terms and organisations ------------------------------------------------------------------


def term_create(*, model: type[Term], name: str, slug: str) -> Term:
    return model.objects.create(name=name, slug=slug, name_sort=sort_key(name))


def organisation_reindex(organisation: Organisation) -> None:
    """Recompute the Swedish search document from the organisation and its terms."""
    texts = [
        organisation.name,
        organisation.description,
        organisation.easy_read_description,
        str(OrganisationKind(organisation.kind).label),
        *(a.name for a in organisation.areas.all()),
        *(t.name for t in organisation.target_groups.all()),
        *(d.name for d in organisation.districts.all()),
    ]
    Organisation.objects.filter(pk=organisation.pk).update(search_document=search_document(*texts))


def _set_terms(
    organisation: Organisation,
    areas: Iterable[Area] | None,
    target_groups: Iterable[TargetGroup] | None,
    districts: Iterable[District] | None,
) -> None:
    if areas is not None:
        organisation.areas.set(areas)
    if target_groups is not None:
        organisation.target_groups.set(target_groups)
    if districts is not None:
        organisation.districts.set(districts)


@transaction.atomic
def organisation_create(
    *,
    name: str,
    kind: str,
    organisation_number: str | None = None,
    website: str = "",
    public_email: str = "",
    description: str = "",
    easy_read_description: str = "",
    areas: Iterable[Area] = (),
    target_groups: Iterable[TargetGroup] = (),
    districts: Iterable[District] = (),
) -> Organisation:
    name = " ".join(name.split())
    if (
        organisation_number
        and Organisation.objects.filter(organisation_number=organisation_number).exists()
    ):
        raise ValidationError(
            {"organisation_number": _("An organisation with this number is already registered.")}
        )
    organisation = Organisation(
        name=name,
        name_sort=sort_key(name),
        kind=kind,
        organisation_number=organisation_number or None,
        website=website,
        public_email=public_email,
        description=description,
        easy_read_description=easy_read_description,
    )
    organisation.full_clean()
    organisation.save()
    _set_terms(organisation, areas, target_groups, districts)
    organisation_reindex(organisation)
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    areas: Iterable[Area] | None = None,
    target_groups: Iterable[TargetGroup] | None = None,
    districts: Iterable[District] | None = None,
    **fields: str | None,
) -> Organisation:
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown organisation fields: {sorted(unknown)}")
    number = fields.get("organisation_number")
    if (
        number
        and Organisation.objects.filter(organisation_number=number)
        .exclude(pk=organisation.pk)
        .exists()
    ):
        raise ValidationError(
            {"organisation_number": _("An organisation with this number is already registered.")}
        )
    for field, value in fields.items():
        setattr(
            organisation,
            field,
            value if value is not None or field == "organisation_number" else "",
        )
    if "name" in fields:
        organisation.name = " ".join(organisation.name.split())
        organisation.name_sort = sort_key(organisation.name)
    organisation.organisation_number = organisation.organisation_number or None
    organisation.full_clean()
    organisation.save()
    _set_terms(organisation, areas, target_groups, districts)
    organisation_reindex(organisation)
    return organisation


@transaction.atomic
def organisation_link_create(
    *, predecessor: Organisation, successor: Organisation, kind: str, on: date, note: str = ""
) -> OrganisationLink:
    """Record that `predecessor` was renamed, merged or split into `successor` on a date."""
    if predecessor.pk == successor.pk:
        raise ValidationError(_("An organisation cannot be its own predecessor."))
    return OrganisationLink.objects.create(
        predecessor=predecessor, successor=successor, kind=kind, date=on, note=note
    )


# --- The agreement ----------------------------------------------------------------------------


@transaction.atomic
def agreement_publish(*, agreement: Agreement) -> Agreement:
    """Publish an agreement period; from then on organisations can sign it."""
    if agreement.status == Agreement.Status.PUBLISHED:
        return agreement
    if not agreement.sections.exists():
        raise ValidationError(
            _("The agreement has no text yet. Add its sections before publishing.")
        )
    agreement.status = Agreement.Status.PUBLISHED
    agreement.published_at = timezone.now()
    agreement.save(update_fields=["status", "published_at", "updated_at"])
    return agreement


# --- Signing ----------------------------------------------------------------------------------


def _record(
    signature: Signature,
    kind: str,
    *,
    actor: User | None = None,
    note: str = "",
    from_status: str = "",
) -> SignatureEvent:
    return SignatureEvent.objects.create(
        signature=signature,
        kind=kind,
        actor=actor,
        note=note,
        from_status=from_status,
        to_status=signature.status,
    )


def _set_status(signature: Signature, status: str, reason: str = "") -> str:
    previous = signature.status
    signature.status = status
    signature.status_changed_at = timezone.now()
    signature.status_reason = reason
    return previous


def _organisation_addresses(organisation: Organisation, *extra: str) -> list[str]:
    addresses = [*extra, organisation.public_email]
    addresses += list(
        Representation.objects.filter(organisation=organisation, approved=True).values_list(
            "user__email", flat=True
        )
    )
    seen: list[str] = []
    for address in addresses:
        if address and address.lower() not in seen:
            seen.append(address.lower())
    return seen


def _notify_secretaries(template: str, context: dict, dedup: str) -> None:
    for address in secretary_emails():
        email_queue_template(
            to=address, template=template, context=context, dedup_key=f"{dedup}:{address}"
        )


def signature_blockers(*, organisation: Organisation, agreement: Agreement) -> str | None:
    """Why this organisation cannot sign this period now, or None."""
    existing = Signature.objects.filter(organisation=organisation, agreement=agreement)
    if existing.filter(status=SignatureStatus.ACTIVE).exists():
        return _("%(name)s has already signed %(title)s.") % {
            "name": organisation.name,
            "title": agreement.title,
        }
    if existing.filter(status=SignatureStatus.PENDING).exists():
        return _("%(name)s has already signed %(title)s; the signature is waiting for review.") % {
            "name": organisation.name,
            "title": agreement.title,
        }
    if existing.filter(status=SignatureStatus.EXCLUDED).exists():
        return _("%(name)s has been excluded from %(title)s and cannot sign it again.") % {
            "name": organisation.name,
            "title": agreement.title,
        }
    return None


@transaction.atomic
def signature_application_submit(
    *, agreement: Agreement, data: dict, organisation: Organisation | None = None
) -> SignatureApplication:
    """Store a filled-in signing form and email its sender a link to confirm it.

    `data` holds the organisation's fields (unless `organisation` is given), the signatory's
    name, role and email, and the ids of the chosen terms."""
    if agreement.status != Agreement.Status.PUBLISHED:
        raise ValidationError(_("This agreement is not open for signing."))
    if organisation is not None:
        blocker = signature_blockers(organisation=organisation, agreement=agreement)
        if blocker:
            raise ValidationError(blocker)
    raw, token_hash = new_token()
    application = SignatureApplication.objects.create(
        agreement=agreement,
        organisation=organisation,
        data=data,
        email=data["signatory_email"],
        token_hash=token_hash,
        expires_at=timezone.now() + timezone.timedelta(days=7),
    )
    email_queue_template(
        to=application.email,
        template="organisations/email/confirm_signature",
        context={
            "data": data,
            "agreement": agreement,
            "organisation_name": organisation.name if organisation else data["name"],
            "path": reverse("organisations:sign_confirm", args=[raw]),
        },
    )
    application.raw_token = raw  # for the caller's tests and logs; never stored
    return application


def signature_application_check(*, raw_token: str) -> SignatureApplication:
    application = (
        SignatureApplication.objects.select_related("agreement", "organisation")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )
    if application is None:
        raise ValidationError(_("This confirmation link is not valid."), code="invalid")
    if application.is_used:
        raise ValidationError(
            _("This signature has already been confirmed. You do not need to do anything more."),
            code="used",
        )
    if application.is_expired:
        raise ValidationError(
            _(
                "This confirmation link has expired (links work for 7 days). Please fill in the form again."
            ),
            code="expired",
        )
    return application


@transaction.atomic
def signature_application_confirm(*, raw_token: str) -> Signature:
    """The sender has confirmed their email and accepted the values: the signature is made
    and waits for the secretary's review."""
    application = signature_application_check(raw_token=raw_token)
    claimed = SignatureApplication.objects.filter(pk=application.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if not claimed:
        raise ValidationError(_("This signature has already been confirmed."), code="used")
    data = application.data
    organisation = application.organisation
    if organisation is None:
        number = data.get("organisation_number") or None
        organisation = (
            Organisation.objects.filter(organisation_number=number).first() if number else None
        )
        if organisation is None:
            organisation = organisation_create(
                name=data["name"],
                kind=data["kind"],
                organisation_number=number,
                website=data.get("website", ""),
                public_email=data.get("public_email", ""),
                description=data.get("description", ""),
                easy_read_description=data.get("easy_read_description", ""),
                areas=Area.objects.filter(pk__in=data.get("areas", [])),
                target_groups=TargetGroup.objects.filter(pk__in=data.get("target_groups", [])),
                districts=District.objects.filter(pk__in=data.get("districts", [])),
            )
    blocker = signature_blockers(organisation=organisation, agreement=application.agreement)
    if blocker:
        raise ValidationError(blocker, code="duplicate")
    try:
        with transaction.atomic():
            signature = Signature.objects.create(
                organisation=organisation,
                agreement=application.agreement,
                status=SignatureStatus.PENDING,
                signatory_name=data["signatory_name"],
                signatory_role=data["signatory_role"],
                signatory_email=data["signatory_email"],
                signed_at=timezone.now(),
            )
    except IntegrityError as error:  # a concurrent confirmation for the same organisation
        raise ValidationError(
            _("%(name)s has already signed this period.") % {"name": organisation.name},
            code="duplicate",
        ) from error
    _record(signature, SignatureEvent.Kind.SUBMITTED, note=_("Values accepted."))
    application.signature = signature
    application.organisation = organisation
    application.save(update_fields=["signature", "organisation"])
    user = user_get_or_create(email=data["signatory_email"], full_name=data["signatory_name"])
    Representation.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": data["signatory_role"]}
    )
    context = {
        "signature": signature,
        "organisation": organisation,
        "agreement": signature.agreement,
    }
    email_queue_template(
        to=signature.signatory_email,
        template="organisations/email/signature_received",
        context=context,
        dedup_key=f"signature-received:{signature.pk}",
    )
    _notify_secretaries(
        "organisations/email/signature_to_review", context, f"signature-to-review:{signature.pk}"
    )
    return signature


def _require_status(signature: Signature, *allowed: str) -> None:
    if signature.status not in allowed:
        raise ValidationError(
            _("This signature is %(status)s, so that cannot be done now.")
            % {"status": signature.get_status_display().lower()},
            code="wrong_status",
        )


def _locked(signature: Signature) -> Signature:
    return (
        Signature.objects.select_for_update()
        .select_related("organisation", "agreement")
        .get(pk=signature.pk)
    )


@transaction.atomic
def signature_approve(*, signature: Signature, actor: User, note: str = "") -> Signature:
    """The secretary approves a pending signature: the organisation is now a signatory."""
    signature = _locked(signature)
    _require_status(signature, SignatureStatus.PENDING)
    previous = _set_status(signature, SignatureStatus.ACTIVE)
    signature.approved_at = timezone.now()
    signature.info_requested = False
    signature.save()
    _record(signature, SignatureEvent.Kind.APPROVED, actor=actor, note=note, from_status=previous)
    Representation.objects.filter(
        organisation=signature.organisation, user__email__iexact=signature.signatory_email
    ).update(approved=True)
    email_queue_template(
        to=signature.signatory_email,
        template="organisations/email/signature_approved",
        context={
            "signature": signature,
            "organisation": signature.organisation,
            "agreement": signature.agreement,
        },
        dedup_key=f"signature-approved:{signature.pk}",
    )
    return signature


@transaction.atomic
def signature_request_info(
    *, signature: Signature, actor: User, question: str
) -> InformationRequest:
    """The secretary asks the signatory for more before deciding. The answer comes by a link."""
    signature = _locked(signature)
    _require_status(signature, SignatureStatus.PENDING)
    raw, token_hash = new_token()
    request = InformationRequest.objects.create(
        signature=signature,
        question=question,
        token_hash=token_hash,
        expires_at=timezone.now() + timezone.timedelta(days=30),
    )
    signature.info_requested = True
    signature.save(update_fields=["info_requested", "updated_at"])
    _record(
        signature,
        SignatureEvent.Kind.INFO_REQUESTED,
        actor=actor,
        note=question,
        from_status=signature.status,
    )
    email_queue_template(
        to=signature.signatory_email,
        template="organisations/email/info_requested",
        context={
            "signature": signature,
            "organisation": signature.organisation,
            "question": question,
            "path": reverse("organisations:info_answer", args=[raw]),
        },
        dedup_key=f"info-request:{request.pk}",
    )
    request.raw_token = raw
    return request


def information_request_check(*, raw_token: str) -> InformationRequest:
    request = (
        InformationRequest.objects.select_related("signature__organisation", "signature__agreement")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )
    if request is None:
        raise ValidationError(_("This link is not valid."), code="invalid")
    if request.is_used:
        raise ValidationError(_("You have already answered this question. Thank you."), code="used")
    if request.is_expired:
        raise ValidationError(_("This link has expired. Contact the secretary."), code="expired")
    if request.signature.status != SignatureStatus.PENDING:
        raise ValidationError(_("The signature has already been decided."), code="decided")
    return request


@transaction.atomic
def information_request_answer(*, raw_token: str, answer: str) -> InformationRequest:
    request = information_request_check(raw_token=raw_token)
    claimed = InformationRequest.objects.filter(pk=request.pk, used_at__isnull=True).update(
        used_at=timezone.now(), answer=answer
    )
    if not claimed:
        raise ValidationError(_("You have already answered this question. Thank you."), code="used")
    signature = request.signature
    signature.info_requested = False
    signature.save(update_fields=["info_requested", "updated_at"])
    _record(signature, SignatureEvent.Kind.INFO_GIVEN, note=answer, from_status=signature.status)
    _notify_secretaries(
        "organisations/email/info_given",
        {"signature": signature, "organisation": signature.organisation, "answer": answer},
        f"info-given:{request.pk}",
    )
    return request


@transaction.atomic
def signature_decline(*, signature: Signature, actor: User, reason: str) -> Signature:
    """The secretary does not approve a pending signature (for example a fake organisation)."""
    signature = _locked(signature)
    _require_status(signature, SignatureStatus.PENDING)
    previous = _set_status(signature, SignatureStatus.DECLINED, reason)
    signature.info_requested = False
    signature.save()
    _record(signature, SignatureEvent.Kind.DECLINED, actor=actor, note=reason, from_status=previous)
    email_queue_template(
        to=signature.signatory_email,
        template="organisations/email/signature_declined",
        context={"signature": signature, "organisation": signature.organisation, "reason": reason},
        dedup_key=f"signature-declined:{signature.pk}",
    )
    return signature


@transaction.atomic
def signature_withdraw(*, signature: Signature, actor: User, reason: str) -> Signature:
    """The organisation leaves the agreement (by itself, or recorded by the secretary)."""
    signature = _locked(signature)
    _require_status(signature, SignatureStatus.PENDING, SignatureStatus.ACTIVE)
    previous = _set_status(signature, SignatureStatus.WITHDRAWN, reason)
    signature.save()
    _record(
        signature, SignatureEvent.Kind.WITHDRAWN, actor=actor, note=reason, from_status=previous
    )
    context = {"signature": signature, "organisation": signature.organisation, "reason": reason}
    for address in _organisation_addresses(signature.organisation, signature.signatory_email):
        email_queue_template(
            to=address,
            template="organisations/email/signature_withdrawn",
            context=context,
            dedup_key=f"signature-withdrawn:{signature.pk}:{address}",
        )
    _notify_secretaries(
        "organisations/email/signature_withdrawn",
        context,
        f"signature-withdrawn-sec:{signature.pk}",
    )
    return signature


@transaction.atomic
def signatures_expire(*, today: date | None = None) -> int:
    """Active signatures of periods that have ended become expired. Returns how many."""
    today = today or timezone.localdate()
    ended = Signature.objects.select_for_update().filter(
        status=SignatureStatus.ACTIVE, agreement__period_end__lt=today
    )
    count = 0
    for signature in ended:
        previous = _set_status(signature, SignatureStatus.EXPIRED, _("The period has ended."))
        signature.save()
        _record(signature, SignatureEvent.Kind.EXPIRED, from_status=previous)
        count += 1
    return count


# --- Renewal ----------------------------------------------------------------------------------


@transaction.atomic
def renewal_invite_all(*, agreement: Agreement, actor: User) -> int:
    """Invite every signatory of the previous period that has not signed `agreement` yet.

    Each organisation is invited once per period; running it again invites only newcomers."""
    if agreement.status != Agreement.Status.PUBLISHED:
        raise ValidationError(
            _("Publish the new agreement before inviting organisations to renew.")
        )
    invited = 0
    for row in selectors.renewal_overview(agreement):
        if row.current is not None or row.invited:
            continue
        if (
            row.current is None
            and Signature.objects.filter(
                organisation=row.organisation, agreement=agreement, status=SignatureStatus.EXCLUDED
            ).exists()
        ):
            continue
        raw, token_hash = new_token()
        invitation = RenewalInvitation.objects.create(
            organisation=row.organisation,
            agreement=agreement,
            previous_signature=row.previous,
            email=row.previous.signatory_email,
            token_hash=token_hash,
            expires_at=agreement.period_end
            and timezone.make_aware(
                timezone.datetime.combine(agreement.period_end, timezone.datetime.min.time())
            ),
        )
        context = {
            "organisation": row.organisation,
            "agreement": agreement,
            "previous": row.previous,
            "path": reverse("organisations:sign_renew", args=[raw]),
        }
        for address in _organisation_addresses(row.organisation, row.previous.signatory_email):
            email_queue_template(
                to=address,
                template="organisations/email/renewal_invitation",
                context=context,
                dedup_key=f"renewal:{invitation.pk}:{address}",
            )
        invited += 1
    return invited


def renewal_invitation_check(*, raw_token: str) -> RenewalInvitation:
    invitation = (
        RenewalInvitation.objects.select_related("organisation", "agreement", "previous_signature")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )
    if invitation is None:
        raise ValidationError(_("This renewal link is not valid."), code="invalid")
    if invitation.is_expired:
        raise ValidationError(_("This agreement period has ended."), code="expired")
    return invitation


# --- Exclusion --------------------------------------------------------------------------------


def _case_event(case: ExclusionCase, description: str, actor: User | None = None) -> None:
    ExclusionCaseEvent.objects.create(case=case, description=description, actor=actor)


@transaction.atomic
def exclusion_case_open(
    *, signature: Signature, actor: User, grounds: str, response_deadline: date
) -> ExclusionCase:
    """Open an exclusion case: the organisation is told the grounds and may answer by the
    deadline before anything is decided."""
    signature = _locked(signature)
    _require_status(signature, SignatureStatus.ACTIVE)
    if response_deadline <= timezone.localdate():
        raise ValidationError(
            {
                "response_deadline": _(
                    "The deadline must be a later day than today, so the organisation has time to answer."
                )
            }
        )
    if ExclusionCase.objects.filter(
        signature=signature, status__in=[ExclusionCase.Status.OPEN, ExclusionCase.Status.ANSWERED]
    ).exists():
        raise ValidationError(_("There is already an open exclusion case for this signature."))
    raw, token_hash = new_token()
    case = ExclusionCase.objects.create(
        signature=signature,
        grounds=grounds,
        opened_by=actor,
        response_deadline=response_deadline,
        response_token_hash=token_hash,
    )
    _case_event(case, _("Case opened. The organisation was notified."), actor)
    context = {
        "case": case,
        "organisation": signature.organisation,
        "agreement": signature.agreement,
        "path": reverse("organisations:exclusion_respond", args=[raw]),
    }
    for address in _organisation_addresses(signature.organisation, signature.signatory_email):
        email_queue_template(
            to=address,
            template="organisations/email/exclusion_opened",
            context=context,
            dedup_key=f"exclusion-opened:{case.pk}:{address}",
        )
    case.raw_token = raw
    return case


def exclusion_case_by_token(*, raw_token: str) -> ExclusionCase:
    case = (
        ExclusionCase.objects.select_related("signature__organisation", "signature__agreement")
        .filter(response_token_hash=hash_token(raw_token))
        .first()
    )
    if case is None:
        raise ValidationError(_("This link is not valid."), code="invalid")
    return case


@transaction.atomic
def exclusion_case_respond(*, raw_token: str, response: str, responder_name: str) -> ExclusionCase:
    """The organisation answers the grounds. Possible once, until the end of the deadline day."""
    case = exclusion_case_by_token(raw_token=raw_token)
    case = ExclusionCase.objects.select_for_update().get(pk=case.pk)
    if case.is_decided:
        raise ValidationError(_("The case has already been decided."), code="decided")
    if case.responded_at:
        raise ValidationError(
            _("You have already answered. Contact the secretary to add something."), code="answered"
        )
    if timezone.localdate() > case.response_deadline:
        raise ValidationError(
            _("The time to answer ended on %(date)s. Contact the secretary.")
            % {"date": case.response_deadline.isoformat()},
            code="late",
        )
    case.response = response
    case.responded_by = responder_name
    case.responded_at = timezone.now()
    case.status = ExclusionCase.Status.ANSWERED
    case.save()
    _case_event(case, _("The organisation answered (%(name)s).") % {"name": responder_name})
    _notify_secretaries(
        "organisations/email/exclusion_answered",
        {"case": case, "organisation": case.signature.organisation},
        f"exclusion-answered:{case.pk}",
    )
    return case


@transaction.atomic
def exclusion_case_decide(
    *,
    case: ExclusionCase,
    actor: User,
    exclude: bool,
    decision: str,
    deciding_body: str,
    decided_on: date,
) -> ExclusionCase:
    """Record the decision. Excluding needs the organisation's answer or a passed deadline."""
    case = (
        ExclusionCase.objects.select_for_update()
        .select_related("signature__organisation", "signature__agreement")
        .get(pk=case.pk)
    )
    if case.is_decided:
        raise ValidationError(_("The case has already been decided."))
    if (
        exclude
        and case.status == ExclusionCase.Status.OPEN
        and timezone.localdate() <= case.response_deadline
    ):
        raise ValidationError(
            _(
                "The organisation may still answer until %(date)s. Decide after that, or when it has answered."
            )
            % {"date": case.response_deadline.isoformat()}
        )
    case.status = ExclusionCase.Status.EXCLUDED if exclude else ExclusionCase.Status.CLOSED
    case.decision = decision
    case.deciding_body = deciding_body
    case.decided_on = decided_on
    case.decided_by = actor
    case.save()
    signature = case.signature
    if exclude:
        signature = _locked(signature)
        previous = _set_status(signature, SignatureStatus.EXCLUDED, decision)
        signature.save()
        _record(
            signature,
            SignatureEvent.Kind.EXCLUDED,
            actor=actor,
            note=f"{deciding_body}, {decided_on.isoformat()}: {decision}",
            from_status=previous,
        )
    _case_event(case, case.get_status_display(), actor)
    context = {"case": case, "organisation": signature.organisation, "exclude": exclude}
    for address in _organisation_addresses(signature.organisation, signature.signatory_email):
        email_queue_template(
            to=address,
            template="organisations/email/exclusion_decided",
            context=context,
            dedup_key=f"exclusion-decided:{case.pk}:{address}",
        )
    return case


def model_label(instance: Model) -> str:
    return f"{instance._meta.label}:{instance.pk}"
