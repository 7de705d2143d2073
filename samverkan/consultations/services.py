"""Every change to a consultation goes through here, in a transaction, with its history.

The life of a consultation (remiss):

- ``consultation_create`` / ``consultation_update``: the secretary prepares it (a draft,
  seen by nobody else) and corrects it later; every edit is kept with what was before.
- ``consultation_announce``: it will come, with the date it is expected to open. Public, so
  that civil society hears of it before anything is fixed.
- ``consultation_open``: open for responses with a reply-by date; the consultees are emailed.
- ``consultation_reply_by_move`` and ``consultee_extend``: more time, for all or for one.
- ``consultation_close`` and ``consultation_decide``: closed; decided, with a link to the
  decision and an account of how the responses were used.

Responses: ``response_submit`` (a representative answers for their organisation, registered
at once) and ``response_submit_open`` + ``response_confirm`` (anyone, when the consultation
is open to all, registered when the email address is confirmed). A second response from the
same organisation (or the same address) replaces the first only when the responder confirms
it; both are kept. ``response_secrecy_mark`` holds a response back from publication until
``response_secrecy_clear``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.collaboration_map.models import Theme
from samverkan.consultations.models import (
    RESPONSE_PREFIX,
    Consultation,
    ConsultationDocument,
    ConsultationEvent,
    ConsultationResponse,
    ConsultationState,
    Consultee,
    ResponseCounter,
    ResponseLink,
    ResponseStatus,
    validate_reference_number,
)
from samverkan.core.models import hash_token, new_token
from samverkan.core.swedish import format_date, sort_key
from samverkan.core.validators import no_markup
from samverkan.meetings.uploads import check_attachment
from samverkan.organisations.models import MUNICIPAL_KINDS, District, Organisation
from samverkan.outbox.services import email_queue_template
from samverkan.subscriptions import topics
from samverkan.subscriptions.models import HappeningKind
from samverkan.subscriptions.services import happening_record

CONFIRMATION_HOURS = 48
#: Reminders go this many days before the reply-by date (the smallest that applies).
REMINDER_DAYS = (7, 2)
Kind = ConsultationEvent.Kind
S = ConsultationState


# --- Helpers ------------------------------------------------------------------------------------


def _plain(field: str, value: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("This field is required.")})
    try:
        no_markup(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    return value


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return sorted(str(v) for v in value)
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def _record(
    consultation: Consultation,
    kind: str,
    *,
    actor: User | None = None,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
) -> ConsultationEvent:
    return ConsultationEvent.objects.create(
        consultation=consultation,
        kind=kind,
        actor=actor if actor is not None and actor.is_authenticated else None,
        before={k: _json(v) for k, v in (before or {}).items()},
        after={k: _json(v) for k, v in (after or {}).items()},
        note=note,
    )


def _locked(consultation: Consultation) -> Consultation:
    return Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)


def _wrong_state(consultation: Consultation) -> ValidationError:
    return ValidationError(
        _("The consultation is %(state)s, so that cannot be done now.")
        % {"state": consultation.get_state_display().lower()},
        code="wrong_state",
    )


def _check_department(department: Organisation | None) -> None:
    if department is None:
        raise ValidationError({"department": _("Choose the responsible department.")})
    if department.kind not in MUNICIPAL_KINDS:
        raise ValidationError(
            {"department": _("The responsible department must be a municipal organisation.")}
        )


def _happening(consultation: Consultation, state: str, summary: str) -> None:
    """Tell the followers of the consultation, its themes, districts and department."""
    keys = [topics.consultation(consultation), topics.department(consultation.department)]
    keys += [topics.theme(t) for t in consultation.themes.all()]
    keys += [topics.district(d) for d in consultation.districts.all()]
    happening_record(
        kind=HappeningKind.CONSULTATION,
        title=consultation.title,
        path=reverse("consultations:detail", args=[consultation.pk]),
        topics=keys,
        summary=summary,
        dedup_key=f"consultation:{consultation.pk}:{state}",
    )


def consultee_addresses(organisation: Organisation) -> list[str]:
    """Where a consultee is emailed: its approved representatives and its public address."""
    addresses = [
        e.lower()
        for e in organisation.representations.filter(
            approved=True, user__is_active=True
        ).values_list("user__email", flat=True)
    ]
    if organisation.public_email:
        addresses.append(organisation.public_email.lower())
    return list(dict.fromkeys(a for a in addresses if a))


def deadline_for(consultation: Consultation, organisation: Organisation | None) -> date | None:
    """The last day this organisation (None: anyone answering through the open form) may
    answer: the reply-by date, or a later date the secretary extended it to for them."""
    deadline = consultation.reply_by
    if organisation is not None and deadline is not None:
        extended = (
            Consultee.objects.filter(consultation=consultation, organisation=organisation)
            .values_list("extended_until", flat=True)
            .first()
        )
        if extended and extended > deadline:
            deadline = extended
    return deadline


def check_can_answer(consultation: Consultation, organisation: Organisation | None) -> None:
    if consultation.state != S.OPEN:
        if consultation.state in (S.CLOSED, S.DECIDED) and consultation.reply_by:
            raise ValidationError(
                _(
                    "The consultation is closed: the last day to reply was %(date)s. Contact the "
                    "secretary if you need more time."
                )
                % {"date": format_date(consultation.reply_by)},
                code="late",
            )
        raise ValidationError(_("The consultation is not open for responses."), code="not_open")
    deadline = deadline_for(consultation, organisation)
    if deadline is not None and timezone.localdate() > deadline:
        raise ValidationError(
            _(
                "The last day to reply was %(date)s, so the response cannot be sent. Contact the "
                "secretary if you need more time."
            )
            % {"date": format_date(deadline)},
            code="late",
        )


def _check_upload(upload: UploadedFile | None):
    if upload is None:
        return None
    try:
        return check_attachment(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error


def _next_reference(year: int) -> str:
    """The next number of the year, under a row lock: a failed registration rolls it back."""
    if not ResponseCounter.objects.filter(year=year).exists():
        try:
            with transaction.atomic():
                ResponseCounter.objects.create(year=year)
        except IntegrityError:
            pass
    counter = ResponseCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{RESPONSE_PREFIX}-{year}-{counter.last_number:05d}"


# --- Consultations ------------------------------------------------------------------------------

EDITABLE = (
    "title",
    "department",
    "reference_number",
    "summary",
    "easy_read_summary",
    "open_to_all",
)


def _clean_fields(fields: dict) -> dict:
    cleaned = dict(fields)
    cleaned["title"] = " ".join(_plain("title", fields.get("title", "")).split())
    cleaned["summary"] = _plain("summary", fields.get("summary", ""))
    cleaned["easy_read_summary"] = _plain(
        "easy_read_summary", fields.get("easy_read_summary", ""), required=False
    )
    reference = " ".join((fields.get("reference_number") or "").split())
    if reference:
        try:
            validate_reference_number(reference)
        except ValidationError as error:
            raise ValidationError({"reference_number": error.messages}) from error
    cleaned["reference_number"] = reference
    _check_department(fields.get("department"))
    cleaned["open_to_all"] = bool(fields.get("open_to_all"))
    return cleaned


@transaction.atomic
def consultation_create(
    *,
    actor: User | None,
    title: str,
    department: Organisation,
    summary: str,
    reference_number: str = "",
    easy_read_summary: str = "",
    open_to_all: bool = False,
    themes: Iterable[Theme] = (),
    districts: Iterable[District] = (),
) -> Consultation:
    """A new consultation, as a draft that only the secretary sees."""
    fields = _clean_fields(
        {
            "title": title,
            "department": department,
            "summary": summary,
            "reference_number": reference_number,
            "easy_read_summary": easy_read_summary,
            "open_to_all": open_to_all,
        }
    )
    consultation = Consultation.objects.create(**fields, title_sort=sort_key(fields["title"]))
    consultation.themes.set(list(themes))
    consultation.districts.set(list(districts))
    _record(
        consultation,
        Kind.CREATED,
        actor=actor,
        after={"title": consultation.title, "department": department.name},
    )
    return consultation


@transaction.atomic
def consultation_update(
    *,
    consultation: Consultation,
    actor: User | None,
    themes: Iterable[Theme] | None = None,
    districts: Iterable[District] | None = None,
    **fields: Any,
) -> Consultation:
    """Correct the consultation; what changed is kept in the history, before and after."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    consultation = _locked(consultation)
    values = {name: fields.get(name, getattr(consultation, name)) for name in EDITABLE}
    cleaned = _clean_fields(values)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name, value in cleaned.items():
        old = getattr(consultation, name)
        if old != value:
            before[name], after[name] = old, value
            setattr(consultation, name, value)
    if themes is not None:
        old_themes = {t.name for t in consultation.themes.all()}
        new_themes = list(themes)
        if old_themes != {t.name for t in new_themes}:
            before["themes"], after["themes"] = old_themes, {t.name for t in new_themes}
            consultation.themes.set(new_themes)
    if districts is not None:
        old_districts = {d.name for d in consultation.districts.all()}
        new_districts = list(districts)
        if old_districts != {d.name for d in new_districts}:
            before["districts"] = old_districts
            after["districts"] = {d.name for d in new_districts}
            consultation.districts.set(new_districts)
    if not after:
        return consultation
    consultation.title_sort = sort_key(consultation.title)
    consultation.save()
    _record(consultation, Kind.EDITED, actor=actor, before=before, after=after)
    return consultation


@transaction.atomic
def consultation_announce(
    *, consultation: Consultation, actor: User | None, expected_opening_on: date
) -> Consultation:
    """Make it public before it opens: civil society hears early that it will come."""
    consultation = _locked(consultation)
    if consultation.state != S.DRAFT:
        raise _wrong_state(consultation)
    if expected_opening_on is None or expected_opening_on < timezone.localdate():
        raise ValidationError(
            {"expected_opening_on": _("Give a date that has not passed yet.")}, code="past"
        )
    before = {"state": consultation.state}
    consultation.state = S.ANNOUNCED
    consultation.expected_opening_on = expected_opening_on
    consultation.announced_at = timezone.now()
    consultation.save()
    _record(
        consultation,
        Kind.ANNOUNCED,
        actor=actor,
        before=before,
        after={"state": consultation.state, "expected_opening_on": expected_opening_on},
    )
    _happening(
        consultation,
        S.ANNOUNCED,
        _("Announced: expected to open on %(date)s.") % {"date": format_date(expected_opening_on)},
    )
    return consultation


@transaction.atomic
def consultation_open(
    *, consultation: Consultation, actor: User | None, reply_by: date
) -> Consultation:
    """Open for responses until ``reply_by``; every consultee is emailed a notice with the
    link and the date."""
    consultation = _locked(consultation)
    if consultation.state not in (S.DRAFT, S.ANNOUNCED):
        raise _wrong_state(consultation)
    if reply_by is None or reply_by <= timezone.localdate():
        raise ValidationError({"reply_by": _("The reply-by date must be after today.")})
    before = {"state": consultation.state}
    consultation.state = S.OPEN
    consultation.reply_by = reply_by
    consultation.opened_at = timezone.now()
    consultation.save()
    _record(
        consultation,
        Kind.OPENED,
        actor=actor,
        before=before,
        after={"state": consultation.state, "reply_by": reply_by},
    )
    path = reverse("consultations:detail", args=[consultation.pk])
    for consultee in consultation.consultees.select_related("organisation"):
        for address in consultee_addresses(consultee.organisation):
            email_queue_template(
                to=address,
                template="consultations/email/opened",
                context={
                    "consultation": consultation,
                    "organisation": consultee.organisation,
                    "path": path,
                    "reply_by": format_date(reply_by, weekday=True),
                },
                dedup_key=f"consultation:{consultation.pk}:opened:{consultee.organisation_id}:{address}",
            )
    _happening(
        consultation,
        S.OPEN,
        _("Open for responses. Reply by %(date)s.") % {"date": format_date(reply_by)},
    )
    return consultation


@transaction.atomic
def consultation_close(*, consultation: Consultation, actor: User | None) -> Consultation:
    """No more responses, extensions included."""
    consultation = _locked(consultation)
    if consultation.state != S.OPEN:
        raise _wrong_state(consultation)
    consultation.state = S.CLOSED
    consultation.closed_at = timezone.now()
    consultation.save()
    _record(
        consultation, Kind.CLOSED, actor=actor, before={"state": S.OPEN}, after={"state": S.CLOSED}
    )
    _happening(consultation, S.CLOSED, _("Closed: the responses are being considered."))
    return consultation


@transaction.atomic
def consultation_decide(
    *,
    consultation: Consultation,
    actor: User | None,
    decision_url: str,
    decision_account: str,
) -> Consultation:
    """The decision is taken: a link to it, and an account of how the responses were used."""
    consultation = _locked(consultation)
    if consultation.state != S.CLOSED:
        raise _wrong_state(consultation)
    decision_account = _plain("decision_account", decision_account)
    decision_url = (decision_url or "").strip()
    if not decision_url.startswith(("https://", "http://")):
        raise ValidationError({"decision_url": _("Give the address of the decision (https://…).")})
    consultation.state = S.DECIDED
    consultation.decided_at = timezone.now()
    consultation.decision_url = decision_url
    consultation.decision_account = decision_account
    consultation.save()
    _record(
        consultation,
        Kind.DECIDED,
        actor=actor,
        before={"state": S.CLOSED},
        after={"state": S.DECIDED, "decision_url": decision_url},
    )
    _happening(consultation, S.DECIDED, decision_account[:500])
    return consultation


@transaction.atomic
def consultation_reply_by_move(
    *, consultation: Consultation, actor: User | None, reply_by: date, note: str = ""
) -> Consultation:
    """Move the reply-by date of an open consultation (for everyone)."""
    consultation = _locked(consultation)
    if consultation.state != S.OPEN:
        raise _wrong_state(consultation)
    if reply_by is None or reply_by < timezone.localdate():
        raise ValidationError({"reply_by": _("Give a date that has not passed yet.")})
    if reply_by == consultation.reply_by:
        raise ValidationError({"reply_by": _("That is already the reply-by date.")})
    before = {"reply_by": consultation.reply_by}
    consultation.reply_by = reply_by
    consultation.save()
    _record(
        consultation,
        Kind.REPLY_BY_MOVED,
        actor=actor,
        before=before,
        after={"reply_by": reply_by},
        note=_plain("note", note, required=False),
    )
    return consultation


# --- Consultees ---------------------------------------------------------------------------------


@transaction.atomic
def consultee_add(
    *, consultation: Consultation, actor: User | None, organisation: Organisation
) -> Consultee:
    """Ask an organisation by name. Added to an open consultation, it is emailed at once."""
    consultation = _locked(consultation)
    if consultation.state in (S.CLOSED, S.DECIDED):
        raise _wrong_state(consultation)
    if Consultee.objects.filter(consultation=consultation, organisation=organisation).exists():
        raise ValidationError(
            {"organisation": _("%(name)s is already a consultee.") % {"name": organisation.name}}
        )
    consultee = Consultee.objects.create(consultation=consultation, organisation=organisation)
    _record(consultation, Kind.CONSULTEE_ADDED, actor=actor, after={"consultee": organisation})
    if consultation.state == S.OPEN:
        for address in consultee_addresses(organisation):
            email_queue_template(
                to=address,
                template="consultations/email/opened",
                context={
                    "consultation": consultation,
                    "organisation": organisation,
                    "path": reverse("consultations:detail", args=[consultation.pk]),
                    "reply_by": format_date(consultation.reply_by, weekday=True),
                },
                dedup_key=f"consultation:{consultation.pk}:opened:{organisation.pk}:{address}",
            )
    return consultee


@transaction.atomic
def consultee_remove(*, consultee: Consultee, actor: User | None) -> None:
    """Take an organisation off the list (its responses, if any, are kept)."""
    consultation = _locked(consultee.consultation)
    if consultation.state in (S.CLOSED, S.DECIDED):
        raise _wrong_state(consultation)
    _record(
        consultation,
        Kind.CONSULTEE_REMOVED,
        actor=actor,
        before={"consultee": consultee.organisation},
    )
    consultee.delete()


@transaction.atomic
def consultee_extend(*, consultee: Consultee, actor: User | None, until: date) -> Consultee:
    """Give one consultee more time: it may answer until ``until``, while the consultation is
    open."""
    consultation = _locked(consultee.consultation)
    if consultation.state != S.OPEN:
        raise _wrong_state(consultation)
    if until is None or until < timezone.localdate() or until <= consultation.reply_by:
        raise ValidationError(
            {"until": _("Give a date after the reply-by date that has not passed yet.")}
        )
    before = {"consultee": consultee.organisation, "extended_until": consultee.extended_until}
    consultee.extended_until = until
    consultee.save(update_fields=["extended_until"])
    _record(
        consultation,
        Kind.CONSULTEE_EXTENDED,
        actor=actor,
        before=before,
        after={"consultee": consultee.organisation, "extended_until": until},
    )
    return consultee


# --- Documents ----------------------------------------------------------------------------------


@transaction.atomic
def document_add(
    *, consultation: Consultation, actor: User | None, upload: UploadedFile, title: str = ""
) -> ConsultationDocument:
    """Attach a document (the proposal, an appendix), checked by its content."""
    if upload is None:
        raise ValidationError({"file": _("Choose a file.")})
    checked = _check_upload(upload)
    title = _plain("title", title, required=False)
    document = ConsultationDocument(
        consultation=consultation,
        title=title,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
    )
    document.file.save(checked.name, upload, save=False)
    document.save()
    _record(consultation, Kind.DOCUMENT_ADDED, actor=actor, after={"document": str(document)})
    return document


@transaction.atomic
def document_remove(*, document: ConsultationDocument, actor: User | None) -> None:
    _record(
        document.consultation, Kind.DOCUMENT_REMOVED, actor=actor, before={"document": document}
    )
    document.delete()


# --- Responses ----------------------------------------------------------------------------------


def _register(response: ConsultationResponse, previous: ConsultationResponse | None) -> None:
    now = timezone.now()
    response.status = ResponseStatus.REGISTERED
    response.received_at = now
    response.reference = _next_reference(timezone.localtime(now).year)
    response.save()
    consultation = response.consultation
    _record(
        consultation,
        Kind.RESPONSE_REGISTERED,
        actor=response.author,
        after={"reference": response.reference, "from": response.responder_display},
    )
    if previous is not None:
        ConsultationResponse.objects.filter(pk=previous.pk).update(superseded_by=response)
        previous.superseded_by = response
        _record(
            consultation,
            Kind.RESPONSE_REPLACED,
            actor=response.author,
            before={"reference": previous.reference},
            after={"reference": response.reference},
        )
    email_queue_template(
        to=response.responder_email,
        template="consultations/email/receipt",
        context={
            "consultation": consultation,
            "response": response,
            "previous": previous,
            "path": reverse("consultations:detail", args=[consultation.pk]),
            "received": format_date(timezone.localtime(now), weekday=True),
        },
        headers={"X-Samverkan-Reference": response.reference},
        dedup_key=f"consultation-response:{response.pk}:receipt",
    )


def _save_file(response: ConsultationResponse, upload: UploadedFile | None, checked) -> None:
    if upload is None:
        return
    response.file_name = checked.name
    response.file_content_type = checked.content_type
    response.file_size = checked.size
    response.file.save(checked.name, upload, save=False)


def previous_response(
    consultation: Consultation, *, organisation: Organisation | None = None, email: str = ""
) -> ConsultationResponse | None:
    """The response a new one from this organisation (or, without one, this address) would
    replace."""
    responses = ConsultationResponse.objects.current().filter(consultation=consultation)
    if organisation is not None:
        return responses.filter(organisation=organisation).first()
    return responses.filter(organisation__isnull=True, responder_email__iexact=email).first()


class AlreadyAnswered(ValidationError):
    """A response from this organisation exists; the new one replaces it only if confirmed."""

    def __init__(self, previous: ConsultationResponse) -> None:
        super().__init__(
            _(
                "Your organisation has already answered (%(reference)s, %(date)s). Do you want "
                "to replace that response with this one? Both are kept, but only the new one "
                "is published."
            )
            % {
                "reference": previous.reference,
                "date": format_date(timezone.localtime(previous.received_at)),
            },
            code="already_answered",
        )
        self.previous = previous


@transaction.atomic
def response_submit(
    *,
    consultation: Consultation,
    user: User,
    organisation: Organisation,
    text: str,
    upload: UploadedFile | None = None,
    replace: bool = False,
) -> ConsultationResponse:
    """A representative answers for their organisation: registered on arrival, with a receipt.

    Only a consultee's approved representative may, or any organisation's when the
    consultation is open to all. A second response replaces the first only with
    ``replace=True`` (the representative confirmed it); the first is kept, superseded."""
    from samverkan.consultations.rules import can_answer_for

    consultation = _locked(consultation)
    if not can_answer_for(user, consultation, organisation):
        raise ValidationError(
            {"organisation": _("You cannot answer for this organisation.")}, code="forbidden"
        )
    check_can_answer(consultation, organisation)
    text = _plain("text", text)
    checked = _check_upload(upload)
    previous = previous_response(consultation, organisation=organisation)
    if previous is not None and not replace:
        raise AlreadyAnswered(previous)
    response = ConsultationResponse(
        consultation=consultation,
        organisation=organisation,
        author=user,
        responder_name=user.full_name,
        responder_email=user.email.lower(),
        text=text,
    )
    _save_file(response, upload, checked)
    _register(response, previous)
    return response


@transaction.atomic
def response_submit_open(
    *,
    consultation: Consultation,
    name: str,
    email: str,
    text: str,
    organisation_text: str = "",
    upload: UploadedFile | None = None,
) -> ConsultationResponse:
    """Anyone answers a consultation open to all: kept as a pending response until the
    emailed link is used (within 48 hours); nothing is registered before that."""
    if not consultation.open_to_all:
        raise ValidationError(
            _("Only the consultees may answer this consultation."), code="not_open_to_all"
        )
    check_can_answer(consultation, None)
    name = _plain("name", name)
    organisation_text = _plain("organisation_text", organisation_text, required=False)
    text = _plain("text", text)
    email = (email or "").strip().lower()
    if not email:
        raise ValidationError({"email": _("This field is required.")})
    checked = _check_upload(upload)
    response = ConsultationResponse(
        consultation=consultation,
        organisation_text=organisation_text,
        responder_name=name,
        responder_email=email,
        text=text,
    )
    _save_file(response, upload, checked)
    response.save()
    raw, token_hash = new_token()
    ResponseLink.objects.create(
        response=response,
        token_hash=token_hash,
        expires_at=response.created_at + timedelta(hours=CONFIRMATION_HOURS),
    )
    email_queue_template(
        to=email,
        template="consultations/email/confirm",
        context={
            "consultation": consultation,
            "response": response,
            "path": reverse("consultations:confirm", args=[raw]),
            "hours": CONFIRMATION_HOURS,
        },
        dedup_key=f"consultation-response:{response.pk}:confirm",
    )
    response.raw_token = raw  # type: ignore[attr-defined]  # for tests; never stored
    return response


def response_link_check(*, raw_token: str) -> ResponseLink:
    """The confirmation link for this token if it may still be used; else a ValidationError."""
    link = (
        ResponseLink.objects.select_related(
            "response", "response__consultation", "response__consultation__department"
        )
        .filter(token_hash=hash_token(raw_token))
        .first()
    )
    if link is None:
        raise ValidationError(_("This link is not valid."), code="invalid")
    if link.is_used or link.response.status != ResponseStatus.PENDING:
        raise ValidationError(
            _("This response has already been confirmed. Its registration number is %(ref)s.")
            % {"ref": link.response.reference},
            code="used",
        )
    if link.is_expired:
        raise ValidationError(
            _(
                "This confirmation link has expired (links work for %(hours)s hours), so the "
                "response was never sent. Please fill in the form again."
            )
            % {"hours": CONFIRMATION_HOURS},
            code="expired",
        )
    return link


@transaction.atomic
def response_confirm(*, raw_token: str) -> ConsultationResponse:
    """The responder confirms their address: the response arrives and is registered. A
    current response from the same address is replaced (the confirmation page said so)."""
    link = response_link_check(raw_token=raw_token)
    claimed = ResponseLink.objects.filter(pk=link.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    response = ConsultationResponse.objects.select_for_update(of=("self",)).get(pk=link.response_id)
    if not claimed or response.status != ResponseStatus.PENDING:
        raise ValidationError(_("This response has already been confirmed."), code="used")
    consultation = _locked(response.consultation)
    response.consultation = consultation
    check_can_answer(consultation, None)
    previous = previous_response(consultation, email=response.responder_email)
    _register(response, previous)
    return response


def responses_purge_unconfirmed(*, now=None) -> int:
    """Delete open responses whose confirmation link expired unused; returns how many."""
    now = now or timezone.now()
    expired = ConsultationResponse.objects.filter(
        status=ResponseStatus.PENDING, created_at__lt=now - timedelta(hours=CONFIRMATION_HOURS)
    )
    count = 0
    for response in expired:
        with transaction.atomic():
            if response.file:
                response.file.delete(save=False)
            response.delete()
            count += 1
    return count


@transaction.atomic
def response_secrecy_mark(
    *, response: ConsultationResponse, actor: User | None, note: str = ""
) -> ConsultationResponse:
    """Hold a response back from publication until a secrecy review has cleared it."""
    if response.status != ResponseStatus.REGISTERED:
        raise ValidationError(_("Only registered responses can be marked."), code="pending")
    if response.secrecy_review:
        return response
    ConsultationResponse.objects.filter(pk=response.pk).update(secrecy_review=True)
    response.secrecy_review = True
    _record(
        response.consultation,
        Kind.SECRECY_MARKED,
        actor=actor,
        before={"reference": response.reference, "secrecy_review": False},
        after={"reference": response.reference, "secrecy_review": True},
        note=_plain("note", note, required=False),
    )
    return response


@transaction.atomic
def response_secrecy_clear(
    *, response: ConsultationResponse, actor: User | None, note: str = ""
) -> ConsultationResponse:
    """The secrecy review is done and found nothing secret: the response may be published."""
    if not response.secrecy_review:
        return response
    ConsultationResponse.objects.filter(pk=response.pk).update(secrecy_review=False)
    response.secrecy_review = False
    _record(
        response.consultation,
        Kind.SECRECY_CLEARED,
        actor=actor,
        before={"reference": response.reference, "secrecy_review": True},
        after={"reference": response.reference, "secrecy_review": False},
        note=_plain("note", note, required=False),
    )
    return response


# --- Reminders ----------------------------------------------------------------------------------


def consultation_reminders_send(*, today: date | None = None) -> int:
    """Remind the consultees that have not answered, 7 and 2 days before their last day.

    Safe to run as often as one likes: each reminder (consultation, deadline, step,
    organisation, address) is queued once only. Returns the number of emails queued."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=max(REMINDER_DAYS))
    queued = 0
    consultations = Consultation.objects.filter(state=S.OPEN).select_related("department")
    for consultation in consultations:
        answered = set(
            ConsultationResponse.objects.current()
            .filter(consultation=consultation, organisation__isnull=False)
            .values_list("organisation_id", flat=True)
        )
        for consultee in consultation.consultees.select_related("organisation"):
            if consultee.organisation_id in answered:
                continue
            deadline = max(d for d in (consultation.reply_by, consultee.extended_until) if d)
            if deadline > horizon:
                continue
            days_left = (deadline - today).days
            steps = [d for d in REMINDER_DAYS if 0 <= days_left <= d]
            if not steps:
                continue
            step = min(steps)
            for address in consultee_addresses(consultee.organisation):
                with transaction.atomic():
                    message = email_queue_template(
                        to=address,
                        template="consultations/email/reminder",
                        context={
                            "consultation": consultation,
                            "organisation": consultee.organisation,
                            "path": reverse("consultations:respond", args=[consultation.pk]),
                            "reply_by": format_date(deadline, weekday=True),
                            "days_left": days_left,
                        },
                        dedup_key=(
                            f"consultation:{consultation.pk}:reminder:{deadline.isoformat()}:"
                            f"{step}:{consultee.organisation_id}:{address}"
                        ),
                    )
                queued += message is not None
    return queued
