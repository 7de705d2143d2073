"""Every change to an inquiry, a team or a rule goes through here, in a transaction, with its
history.

The life of an inquiry:

- ``inquiry_submit``: anyone fills in the form; the inquiry is stored as the sender's
  *unconfirmed draft* and a confirmation link is emailed. Until the link is used nothing is
  sent to the municipality, so nothing is registered or routed.
- ``inquiry_confirm``: the sender confirms; in one transaction the inquiry is registered (its
  gapless reference number and its arrival time, OFF-01), routed (``routing.route``), the
  sender's receipt with a private status link and the team's notice are queued in the outbox.
  Either all of it happens or none of it does: no inquiry is lost half-way.
- ``inquiry_take``, ``inquiry_reply``, ``inquiry_request_info``, ``inquiry_forward``,
  ``inquiry_close``: the team's work. ``inquiry_sender_answer``: the sender writes through the
  private link.
- ``inquiries_purge_unconfirmed``: drafts whose 48 hours have passed are deleted.
- ``inquiry_erase_personal_data``: the secretary erases the sender's personal data on request
  and keeps the anonymised record (see its docstring).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.accounts.selectors import secretary_emails
from samverkan.accounts.services import user_get_or_create
from samverkan.core.models import hash_token, new_token
from samverkan.core.validators import no_markup
from samverkan.inquiries.deadlines import reply_due
from samverkan.inquiries.models import (
    REFERENCE_PREFIX,
    HandlingTeam,
    Inquiry,
    InquiryAttachment,
    InquiryCounter,
    InquiryEvent,
    InquiryKind,
    InquiryLink,
    InquiryMessage,
    InquiryStatus,
    ReplyTargetUnit,
    RoutingRule,
)
from samverkan.inquiries.routing import route
from samverkan.meetings.uploads import check_attachment
from samverkan.organisations.models import Area, Organisation, OrganisationKind
from samverkan.outbox.models import OutboundEmail
from samverkan.outbox.services import email_queue_template

CONFIRMATION_HOURS = 48
STATUS_LINK_DAYS = 365
MAX_ATTACHMENTS = 5
#: What replaces erased free text.
ERASED = "[borttaget]"


# --- Helpers ------------------------------------------------------------------------------------


def _record(
    inquiry: Inquiry,
    kind: str,
    *,
    actor: User | None = None,
    note: str = "",
    from_status: str = "",
    from_team: HandlingTeam | None = None,
    to_team: HandlingTeam | None = None,
) -> InquiryEvent:
    return InquiryEvent.objects.create(
        inquiry=inquiry,
        kind=kind,
        actor=actor,
        note=note,
        from_status=from_status,
        to_status=inquiry.status,
        from_team=from_team,
        to_team=to_team,
    )


def _plain(field: str, value: str, *, required: bool = True) -> str:
    value = value.strip()
    if required and not value:
        raise ValidationError({field: _("This field is required.")})
    try:
        no_markup(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    return value


def _locked(inquiry: Inquiry) -> Inquiry:
    # Lock only the inquiry's row: PostgreSQL refuses FOR UPDATE on the nullable side of the
    # outer joins that select_related makes.
    return (
        Inquiry.objects.select_for_update(of=("self",))
        .select_related("team", "assigned_to")
        .get(pk=inquiry.pk)
    )


def _require_open(inquiry: Inquiry) -> None:
    if not inquiry.is_open:
        raise ValidationError(
            _("The inquiry is %(status)s, so that cannot be done now.")
            % {"status": inquiry.get_status_display().lower()},
            code="wrong_status",
        )


def _require_sender(inquiry: Inquiry) -> None:
    if not inquiry.sender_email:
        raise ValidationError(
            _("The sender's personal data has been erased: nobody can be emailed."),
            code="erased",
        )


def _dedup(inquiry: Inquiry, *parts: object) -> str:
    """Every email about an inquiry has a dedup key starting with ``inquiry:<pk>:``, so that
    erasure can find them all."""
    return ":".join(["inquiry", str(inquiry.pk), *(str(p) for p in parts)])


def _sender_headers(inquiry: Inquiry) -> dict[str, str]:
    return {"X-Samverkan-Reference": inquiry.reference} if inquiry.reference else {}


def _status_link(inquiry: Inquiry) -> str:
    """A fresh private status link for the sender; returns its raw token, which is never
    stored (only its hash is)."""
    raw, token_hash = new_token()
    InquiryLink.objects.create(
        inquiry=inquiry,
        purpose=InquiryLink.Purpose.STATUS,
        token_hash=token_hash,
        expires_at=timezone.now() + timedelta(days=STATUS_LINK_DAYS),
    )
    return raw


def _check_uploads(uploads: Sequence[UploadedFile]) -> list:
    if len(uploads) > MAX_ATTACHMENTS:
        raise ValidationError(
            {"attachments": _("Attach at most %(count)s files.") % {"count": MAX_ATTACHMENTS}}
        )
    checked = []
    for upload in uploads:
        try:
            checked.append(check_attachment(upload))
        except ValidationError as error:
            raise ValidationError({"attachments": error.messages}) from error
    return checked


def _attach(
    inquiry: Inquiry, uploads: Sequence[UploadedFile], message: InquiryMessage | None = None
) -> list[InquiryAttachment]:
    attachments = []
    for upload, checked in zip(uploads, _check_uploads(uploads), strict=True):
        attachment = InquiryAttachment(
            inquiry=inquiry,
            message=message,
            original_name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
        )
        attachment.file.save(checked.name, upload, save=False)
        attachment.save()
        attachments.append(attachment)
    return attachments


def _team_addresses(team: HandlingTeam) -> list[str]:
    return sorted(
        {
            email.lower()
            for email in team.members.filter(is_active=True).values_list("email", flat=True)
        }
    )


def _notify_team(inquiry: Inquiry, *, what: str, context: dict) -> None:
    """Tell the inquiry's team; a team with nobody in it, or no team at all, is the
    secretary's to sort out, so the secretary is emailed (and the team's mailbox, if any)."""
    team = inquiry.team
    context = {"inquiry": inquiry, "team": team, **context}
    members = _team_addresses(team) if team else []
    for address in members:
        email_queue_template(
            to=address,
            template="inquiries/email/team_notice",
            context=context,
            dedup_key=_dedup(inquiry, what, address),
        )
    if members:
        return
    addresses = list(secretary_emails())
    if team is not None and team.function_email:
        addresses.insert(0, team.function_email.lower())
    for address in dict.fromkeys(addresses):
        email_queue_template(
            to=address,
            template="inquiries/email/team_unstaffed",
            context=context,
            dedup_key=_dedup(inquiry, what, "unstaffed", address),
        )


def _describe_routing(inquiry: Inquiry) -> str:
    if inquiry.routed_by == Inquiry.RoutedBy.RULE and inquiry.routed_by_rule is not None:
        return _("Routed by rule %(number)s.") % {"number": inquiry.routed_by_rule.pk}
    if inquiry.routed_by == Inquiry.RoutedBy.SENDER:
        return _("The sender chose the team.")
    if inquiry.routed_by == Inquiry.RoutedBy.FALLBACK:
        return _("No rule matched: the fallback team.")
    return _("No team: the secretary routes it by hand.")


# --- Submitting and confirming ------------------------------------------------------------------


@transaction.atomic
def inquiry_submit(
    *,
    kind: str,
    subject: str,
    text: str,
    sender_email: str,
    sender_name: str = "",
    organisation: Organisation | None = None,
    organisation_text: str = "",
    organisation_kind: str = "",
    topic: Area | None = None,
    requested_team: HandlingTeam | None = None,
    uploads: Sequence[UploadedFile] = (),
) -> Inquiry:
    """Store a filled-in inquiry as the sender's unconfirmed draft and email them a link to
    confirm it. Nothing is registered or routed until the link is used, within 48 hours."""
    if kind not in InquiryKind.values:
        raise ValidationError({"kind": _("Choose a kind of request.")})
    if organisation_kind and organisation_kind not in OrganisationKind.values:
        raise ValidationError({"organisation_kind": _("Choose a kind of organisation.")})
    subject = " ".join(_plain("subject", subject).split())
    text = _plain("text", text)
    sender_name = _plain("sender_name", sender_name, required=False)
    organisation_text = _plain("organisation_text", organisation_text, required=False)
    sender_email = sender_email.strip().lower()
    if not sender_email:
        raise ValidationError({"sender_email": _("This field is required.")})
    _check_uploads(uploads)
    if organisation is not None:
        organisation_text = ""
        organisation_kind = organisation.kind
    inquiry = Inquiry.objects.create(
        kind=kind,
        subject=subject,
        text=text,
        topic=topic,
        organisation=organisation,
        organisation_text=organisation_text,
        organisation_kind=organisation_kind,
        sender_name=sender_name,
        sender_email=sender_email,
        requested_team=requested_team,
    )
    _attach(inquiry, uploads)
    raw, token_hash = new_token()
    InquiryLink.objects.create(
        inquiry=inquiry,
        purpose=InquiryLink.Purpose.CONFIRM,
        token_hash=token_hash,
        expires_at=inquiry.created_at + timedelta(hours=CONFIRMATION_HOURS),
    )
    _record(inquiry, InquiryEvent.Kind.SUBMITTED)
    email_queue_template(
        to=sender_email,
        template="inquiries/email/confirm",
        context={
            "inquiry": inquiry,
            "path": reverse("inquiries:confirm", args=[raw]),
            "hours": CONFIRMATION_HOURS,
        },
        dedup_key=_dedup(inquiry, "confirm"),
    )
    inquiry.raw_token = raw  # type: ignore[attr-defined]  # for the caller's tests; never stored
    return inquiry


def inquiry_link_check(*, raw_token: str, purpose: str) -> InquiryLink:
    """The sender's link for this token if it may still be used; a ValidationError says why
    not."""
    link = (
        InquiryLink.objects.select_related("inquiry", "inquiry__team")
        .filter(token_hash=hash_token(raw_token), purpose=purpose)
        .first()
    )
    if link is None:
        raise ValidationError(_("This link is not valid."), code="invalid")
    if purpose == InquiryLink.Purpose.CONFIRM:
        if link.is_used or link.inquiry.status != InquiryStatus.UNCONFIRMED:
            raise ValidationError(
                _(
                    "This inquiry has already been confirmed and sent. Its reference number is %(reference)s."
                )
                % {"reference": link.inquiry.reference},
                code="used",
            )
        if link.is_expired:
            raise ValidationError(
                _(
                    "This confirmation link has expired (links work for %(hours)s hours), so the "
                    "inquiry was never sent. Please fill in the form again."
                )
                % {"hours": CONFIRMATION_HOURS},
                code="expired",
            )
    elif link.is_expired:
        raise ValidationError(
            _("This link has expired. Use the link in the latest email about your inquiry."),
            code="expired",
        )
    return link


def _next_reference(year: int) -> str:
    """The next number of the year, taken under a row lock: numbers run without gaps, because a
    registration that fails rolls its number back with it."""
    if not InquiryCounter.objects.filter(year=year).exists():
        try:
            with transaction.atomic():
                InquiryCounter.objects.create(year=year)
        except IntegrityError:
            pass  # another registration created the year's counter at the same moment
    counter = InquiryCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{REFERENCE_PREFIX}-{year}-{counter.last_number:05d}"


def _set_reply_due(inquiry: Inquiry) -> None:
    team = inquiry.team
    if team is None or inquiry.received_at is None:
        inquiry.reply_due_at = None
        return
    inquiry.reply_due_at = reply_due(
        inquiry.received_at, target=team.reply_target, unit=team.reply_target_unit
    )


@transaction.atomic
def inquiry_confirm(*, raw_token: str) -> tuple[Inquiry, str]:
    """The sender confirms their email: the inquiry is sent, and so registered on arrival with
    its reference number and time, routed to a team, receipted and announced to the team.

    Returns the inquiry and the raw token of the sender's first private status link."""
    link = inquiry_link_check(raw_token=raw_token, purpose=InquiryLink.Purpose.CONFIRM)
    now = timezone.now()
    claimed = InquiryLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=now)
    inquiry = Inquiry.objects.select_for_update().get(pk=link.inquiry_id)
    if not claimed or inquiry.status != InquiryStatus.UNCONFIRMED:
        raise ValidationError(_("This inquiry has already been confirmed and sent."), code="used")
    routing = route(
        kind=inquiry.kind,
        topic_id=inquiry.topic_id,
        organisation_kind=inquiry.organisation_kind,
        subject=inquiry.subject,
        text=inquiry.text,
        requested_team=inquiry.requested_team,
    )
    inquiry.email_confirmed_at = now
    inquiry.received_at = now
    inquiry.reference = _next_reference(timezone.localtime(now).year)
    inquiry.team = routing.team
    inquiry.routed_by = routing.routed_by
    inquiry.routed_by_rule = routing.rule
    inquiry.status = InquiryStatus.NEW
    _set_reply_due(inquiry)
    inquiry.save()
    _record(
        inquiry,
        InquiryEvent.Kind.REGISTERED,
        from_status=InquiryStatus.UNCONFIRMED,
        to_team=inquiry.team,
        note=_describe_routing(inquiry),
    )
    status_token = _status_link(inquiry)
    email_queue_template(
        to=inquiry.sender_email,
        template="inquiries/email/receipt",
        context={"inquiry": inquiry, "path": reverse("inquiries:status", args=[status_token])},
        reply_to=inquiry.team.function_email if inquiry.team else None,
        headers=_sender_headers(inquiry),
        dedup_key=_dedup(inquiry, "receipt"),
    )
    _notify_team(inquiry, what="registered", context={"event": "registered"})
    return inquiry, status_token


def inquiries_purge_unconfirmed(*, now: datetime | None = None) -> int:
    """Delete the drafts whose confirmation time (48 hours) has run out, with their files and
    the confirmation emails' copies. They were never sent, so they never became public
    records. Returns how many were deleted."""
    cutoff = (now or timezone.now()) - timedelta(hours=CONFIRMATION_HOURS)
    deleted = 0
    stale_ids = list(
        Inquiry.objects.filter(status=InquiryStatus.UNCONFIRMED, created_at__lt=cutoff).values_list(
            "pk", flat=True
        )
    )
    for pk in stale_ids:
        with transaction.atomic():
            inquiry = (
                Inquiry.objects.select_for_update()
                .filter(pk=pk, status=InquiryStatus.UNCONFIRMED)
                .first()
            )
            if inquiry is None:
                continue  # confirmed at the last moment
            files = [a.file for a in inquiry.attachments.all()]
            _forget_emails(inquiry, delete=True)
            inquiry.delete()
            transaction.on_commit(lambda files=files: [f.delete(save=False) for f in files])
            deleted += 1
    return deleted


# --- The team's work ----------------------------------------------------------------------------


@transaction.atomic
def inquiry_take(*, inquiry: Inquiry, actor: User) -> Inquiry:
    """A team member takes the inquiry: it is theirs to handle, and in progress."""
    inquiry = _locked(inquiry)
    _require_open(inquiry)
    previous = inquiry.status
    if inquiry.assigned_to_id == actor.pk and previous not in (
        InquiryStatus.NEW,
        InquiryStatus.FORWARDED,
    ):
        return inquiry  # already theirs: a second click changes nothing
    note = ""
    if inquiry.assigned_to_id and inquiry.assigned_to_id != actor.pk:
        note = _("Taken over from %(name)s.") % {"name": inquiry.assigned_to.display_name}
    inquiry.assigned_to = actor
    if inquiry.status in (InquiryStatus.NEW, InquiryStatus.FORWARDED):
        inquiry.status = InquiryStatus.IN_PROGRESS
    inquiry.save(update_fields=["assigned_to", "status"])
    _record(inquiry, InquiryEvent.Kind.TAKEN, actor=actor, note=note, from_status=previous)
    return inquiry


def _message_to_sender(
    inquiry: Inquiry,
    *,
    actor: User | None,
    kind: str,
    text: str,
    template: str,
    extra: dict | None = None,
) -> InquiryMessage:
    message = InquiryMessage.objects.create(
        inquiry=inquiry,
        direction=InquiryMessage.Direction.OUT,
        kind=kind,
        author=actor,
        text=text,
    )
    token = _status_link(inquiry)
    message.email = email_queue_template(
        to=inquiry.sender_email,
        template=template,
        context={
            "inquiry": inquiry,
            "message": message,
            "author": actor,
            "path": reverse("inquiries:status", args=[token]),
            **(extra or {}),
        },
        reply_to=inquiry.team.function_email if inquiry.team else None,
        headers=_sender_headers(inquiry),
        dedup_key=_dedup(inquiry, "message", message.pk),
    )
    message.save(update_fields=["email"])
    return message


def _answer_sender(inquiry: Inquiry, *, actor: User, text: str, ask: bool) -> InquiryMessage:
    inquiry = _locked(inquiry)
    _require_open(inquiry)
    _require_sender(inquiry)
    text = _plain("text", text)
    previous = inquiry.status
    now = timezone.now()
    inquiry.assigned_to = inquiry.assigned_to or actor
    inquiry.status = InquiryStatus.WAITING_FOR_SENDER if ask else InquiryStatus.IN_PROGRESS
    inquiry.first_reply_at = inquiry.first_reply_at or now
    inquiry.save(update_fields=["assigned_to", "status", "first_reply_at"])
    message = _message_to_sender(
        inquiry,
        actor=actor,
        kind=InquiryMessage.Kind.REQUEST if ask else InquiryMessage.Kind.REPLY,
        text=text,
        template="inquiries/email/request" if ask else "inquiries/email/reply",
    )
    _record(
        inquiry,
        InquiryEvent.Kind.INFO_REQUESTED if ask else InquiryEvent.Kind.REPLIED,
        actor=actor,
        from_status=previous,
    )
    return message


@transaction.atomic
def inquiry_reply(*, inquiry: Inquiry, actor: User, text: str) -> InquiryMessage:
    """The team answers the sender by email from the platform; the thread keeps the answer.
    The first answer (or question) is the first reply that the team's target time measures."""
    return _answer_sender(inquiry, actor=actor, text=text, ask=False)


@transaction.atomic
def inquiry_request_info(*, inquiry: Inquiry, actor: User, text: str) -> InquiryMessage:
    """The team asks the sender for more; the inquiry waits for the sender, who answers
    through the private link."""
    return _answer_sender(inquiry, actor=actor, text=text, ask=True)


@transaction.atomic
def inquiry_sender_answer(
    *, raw_token: str, text: str, uploads: Sequence[UploadedFile] = ()
) -> InquiryMessage:
    """The sender writes through the private link (an answer to a question, or more about the
    matter). The inquiry goes back to the team, who are told by email."""
    link = inquiry_link_check(raw_token=raw_token, purpose=InquiryLink.Purpose.STATUS)
    inquiry = _locked(link.inquiry)
    _require_open(inquiry)
    text = _plain("text", text)
    _check_uploads(uploads)
    message = InquiryMessage.objects.create(
        inquiry=inquiry,
        direction=InquiryMessage.Direction.IN,
        kind=InquiryMessage.Kind.ANSWER,
        text=text,
    )
    _attach(inquiry, uploads, message)
    previous = inquiry.status
    if inquiry.status == InquiryStatus.WAITING_FOR_SENDER:
        inquiry.status = InquiryStatus.IN_PROGRESS
        inquiry.save(update_fields=["status"])
    _record(inquiry, InquiryEvent.Kind.SENDER_ANSWERED, from_status=previous)
    context = {"event": "answered", "message": message}
    handler = inquiry.assigned_to
    if handler is not None and handler.is_active:
        email_queue_template(
            to=handler.email,
            template="inquiries/email/team_notice",
            context={"inquiry": inquiry, "team": inquiry.team, **context},
            dedup_key=_dedup(inquiry, "answer", message.pk, handler.email),
        )
    else:
        _notify_team(inquiry, what=f"answer:{message.pk}", context=context)
    return message


@transaction.atomic
def inquiry_forward(
    *, inquiry: Inquiry, actor: User, to_team: HandlingTeam, reason: str
) -> Inquiry:
    """Send the inquiry on to another team, with a reason. The sender is told where it went
    and why, the new team is emailed, and the target time is the new team's, counted from
    arrival, while there is no first reply yet."""
    inquiry = _locked(inquiry)
    _require_open(inquiry)
    reason = _plain("reason", reason)
    from_team = inquiry.team
    if from_team is not None and to_team.pk == from_team.pk:
        raise ValidationError(
            {"to_team": _("The inquiry is already with %(team)s.") % {"team": to_team.name}}
        )
    previous = inquiry.status
    inquiry.team = to_team
    inquiry.assigned_to = None
    inquiry.status = InquiryStatus.FORWARDED
    if inquiry.first_reply_at is None:
        _set_reply_due(inquiry)
    inquiry.save(update_fields=["team", "assigned_to", "status", "reply_due_at"])
    if inquiry.sender_email:
        _message_to_sender(
            inquiry,
            actor=actor,
            kind=InquiryMessage.Kind.FORWARD,
            text=reason,
            template="inquiries/email/forwarded",
            extra={"from_team": from_team, "to_team": to_team, "reason": reason},
        )
    event = _record(
        inquiry,
        InquiryEvent.Kind.FORWARDED,
        actor=actor,
        note=reason,
        from_status=previous,
        from_team=from_team,
        to_team=to_team,
    )
    _notify_team(
        inquiry,
        what=f"forwarded:{event.pk}",
        context={"event": "forwarded", "from_team": from_team, "reason": reason},
    )
    return inquiry


@transaction.atomic
def inquiry_close(
    *, inquiry: Inquiry, actor: User, outcome: str, tell_sender: bool = True
) -> Inquiry:
    """Close the inquiry with its outcome; by default the sender is emailed the outcome."""
    inquiry = _locked(inquiry)
    _require_open(inquiry)
    outcome = _plain("outcome", outcome)
    previous = inquiry.status
    inquiry.status = InquiryStatus.CLOSED
    inquiry.closed_at = timezone.now()
    inquiry.outcome = outcome
    inquiry.assigned_to = inquiry.assigned_to or actor
    inquiry.save(update_fields=["status", "closed_at", "outcome", "assigned_to"])
    if tell_sender and inquiry.sender_email:
        _message_to_sender(
            inquiry,
            actor=actor,
            kind=InquiryMessage.Kind.OUTCOME,
            text=outcome,
            template="inquiries/email/closed",
        )
    _record(inquiry, InquiryEvent.Kind.CLOSED, actor=actor, note=outcome, from_status=previous)
    return inquiry


# --- Erasure ------------------------------------------------------------------------------------


def _forget_emails(inquiry: Inquiry, *, delete: bool = False) -> int:
    """The outbox keeps a copy of every email about the inquiry (found by their dedup keys):
    delete them (a never-sent draft) or blank their address and text (a registered record).
    Mail not yet sent is not sent."""
    emails = OutboundEmail.objects.filter(dedup_key__startswith=_dedup(inquiry, ""))
    if delete:
        return emails.delete()[0]
    emails.filter(status=OutboundEmail.Status.QUEUED).update(
        status=OutboundEmail.Status.FAILED, last_error=_("Personal data erased before sending.")
    )
    return emails.update(
        to="",
        reply_to="",
        subject=f"{inquiry.reference} {ERASED}",
        body=ERASED,
        html_body="",
        headers={},
    )


@transaction.atomic
def inquiry_erase_personal_data(*, inquiry: Inquiry, actor: User, basis: str) -> Inquiry:
    """Erase the sender's personal data from a closed inquiry, on the sender's request, and
    keep the anonymised record.

    An inquiry is a public record (allmän handling) from its arrival, and archive law comes
    before the right to erasure (GDPR-09): the record itself is only disposed of (gallras)
    under a disposal decision. So erasure here keeps what the register of records and the
    statistics need — the reference number, the arrival, reply and closing times, the kind of
    request, the topic, the organisation from the register (a legal person), the kind of
    organisation, the teams and the history of who in the municipality did what and when —
    and removes what identifies or describes the person: their email address and name, every
    free text they or the team wrote about the matter (the subject, the text, the organisation
    as typed, every message, the outcome and the reasons noted when it was forwarded or closed
    become "[borttaget]"), their attachments (the files are deleted), the copies of the emails
    in the outbox (blanked; those not yet sent are never sent), and every private link (they
    stop working). The secretary's basis is kept as written, so it must hold no personal data.

    Only closed inquiries can be erased, so no case is left that nobody can answer. The
    secretary states the basis (for example that the complete record has been filed in the
    municipality's registry, or the disposal decision); an event records who erased it, when
    and on what basis."""
    inquiry = _locked(inquiry)
    if not inquiry.is_registered:
        raise ValidationError(_("Only registered inquiries can be erased this way."))
    if inquiry.anonymised_at is not None:
        raise ValidationError(_("The sender's personal data has already been erased."))
    if inquiry.status != InquiryStatus.CLOSED:
        raise ValidationError(
            _("Close the inquiry first, with an outcome; then its personal data can be erased."),
            code="open",
        )
    basis = _plain("basis", basis)
    files = [a.file for a in inquiry.attachments.all()]
    removed_files = len(files)
    inquiry.attachments.all().delete()
    transaction.on_commit(lambda: [f.delete(save=False) for f in files])
    inquiry.messages.update(text=ERASED)
    inquiry.events.filter(kind__in=[InquiryEvent.Kind.FORWARDED, InquiryEvent.Kind.CLOSED]).exclude(
        note=""
    ).update(note=ERASED)
    inquiry.links.all().delete()
    _forget_emails(inquiry)
    inquiry.sender_email = ""
    inquiry.sender_name = ""
    inquiry.subject = ERASED
    inquiry.text = ERASED
    if inquiry.organisation_text:
        inquiry.organisation_text = ERASED
    if inquiry.outcome:
        inquiry.outcome = ERASED
    inquiry.anonymised_at = timezone.now()
    inquiry.save()
    _record(
        inquiry,
        InquiryEvent.Kind.ANONYMISED,
        actor=actor,
        note=_("Basis: %(basis)s. Attachments deleted: %(count)s.")
        % {"basis": basis, "count": removed_files},
        from_status=inquiry.status,
    )
    return inquiry


# --- Teams and rules ----------------------------------------------------------------------------

TEAM_FIELDS = (
    "name",
    "slug",
    "description",
    "function_email",
    "reply_target",
    "reply_target_unit",
)


def _members(emails: Iterable[str]) -> list[User]:
    unique = dict.fromkeys(e.strip().lower() for e in emails if e.strip())
    return [user_get_or_create(email=email) for email in unique]


MAX_REPLY_TARGET = 500


def _check_team(team: HandlingTeam) -> None:
    if not 1 <= int(team.reply_target) <= MAX_REPLY_TARGET:
        raise ValidationError(
            {"reply_target": _("Give a target between 1 and %(max)s.") % {"max": MAX_REPLY_TARGET}}
        )
    if team.reply_target_unit not in ReplyTargetUnit.values:
        raise ValidationError({"reply_target_unit": _("Choose working days or hours.")})
    for field in ("name", "description"):
        _plain(field, getattr(team, field), required=field == "name")
    clash = HandlingTeam.objects.exclude(pk=team.pk)
    if clash.filter(name__iexact=team.name).exists():
        raise ValidationError({"name": _("There is already a team with this name.")})
    if clash.filter(slug=team.slug).exists():
        raise ValidationError({"slug": _("There is already a team with this short name.")})
    team.full_clean(exclude=["members"], validate_unique=False, validate_constraints=False)


def _make_fallback(team: HandlingTeam) -> None:
    HandlingTeam.objects.filter(is_fallback=True).exclude(pk=team.pk).update(is_fallback=False)
    HandlingTeam.objects.filter(pk=team.pk).update(is_fallback=True)
    team.is_fallback = True


@transaction.atomic
def team_create(
    *,
    name: str,
    slug: str,
    description: str = "",
    function_email: str = "",
    reply_target: int = 2,
    reply_target_unit: str = ReplyTargetUnit.WORKING_DAYS,
    is_fallback: bool = False,
    member_emails: Iterable[str] = (),
) -> HandlingTeam:
    """Create a handling team. There is always exactly one fallback team once there are teams:
    the first team becomes it, and making a new team the fallback moves the role to it."""
    team = HandlingTeam(
        name=" ".join(name.split()),
        slug=slug,
        description=description.strip(),
        function_email=function_email.strip().lower(),
        reply_target=reply_target,
        reply_target_unit=reply_target_unit,
    )
    _check_team(team)
    team.save()
    team.members.set(_members(member_emails))
    if is_fallback or not HandlingTeam.objects.filter(is_fallback=True).exists():
        _make_fallback(team)
    return team


@transaction.atomic
def team_update(
    *,
    team: HandlingTeam,
    is_fallback: bool | None = None,
    member_emails: Iterable[str] | None = None,
    **fields: object,
) -> HandlingTeam:
    """Change a team. The fallback team cannot stop being it: make another team the fallback
    instead, so that there is always exactly one."""
    unknown = set(fields) - set(TEAM_FIELDS)
    if unknown:
        raise TypeError(f"Unknown team fields: {sorted(unknown)}")
    team = HandlingTeam.objects.select_for_update().get(pk=team.pk)
    for field, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
        if field == "name":
            value = " ".join(str(value).split())
        if field == "function_email":
            value = str(value).lower()
        setattr(team, field, value)
    _check_team(team)
    if is_fallback is False and team.is_fallback:
        raise ValidationError(
            {
                "is_fallback": _(
                    "There must always be a fallback team. Make another team the fallback instead."
                )
            }
        )
    team.save()
    if member_emails is not None:
        team.members.set(_members(member_emails))
    if is_fallback:
        _make_fallback(team)
    return team


RULE_FIELDS = (
    "priority",
    "team",
    "kind",
    "topic",
    "organisation_kind",
    "words",
    "is_active",
    "note",
)


def _check_rule(rule: RoutingRule) -> None:
    words: dict[str, str] = {}
    for part in rule.words.split(","):
        word = " ".join(part.split())
        if word:
            words.setdefault(word.casefold(), word)
    rule.words = ", ".join(words.values())
    _plain("words", rule.words, required=False)
    _plain("note", rule.note, required=False)
    if not (rule.kind or rule.topic_id or rule.organisation_kind or rule.words):
        raise ValidationError(
            _(
                "Give the rule at least one condition. What no rule matches goes to the fallback "
                "team anyway."
            )
        )
    rule.full_clean()


@transaction.atomic
def routing_rule_create(
    *,
    team: HandlingTeam,
    priority: int = 100,
    kind: str = "",
    topic: Area | None = None,
    organisation_kind: str = "",
    words: str = "",
    is_active: bool = True,
    note: str = "",
) -> RoutingRule:
    """A rule that sends inquiries meeting all its conditions to `team` (see routing.py)."""
    rule = RoutingRule(
        team=team,
        priority=priority,
        kind=kind,
        topic=topic,
        organisation_kind=organisation_kind,
        words=words,
        is_active=is_active,
        note=note.strip(),
    )
    _check_rule(rule)
    rule.save()
    return rule


@transaction.atomic
def routing_rule_update(*, rule: RoutingRule, **fields: object) -> RoutingRule:
    """Change a rule. Inquiries already routed keep their team and their history."""
    unknown = set(fields) - set(RULE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown rule fields: {sorted(unknown)}")
    for field, value in fields.items():
        setattr(rule, field, value)
    _check_rule(rule)
    rule.save()
    return rule


@transaction.atomic
def routing_rule_delete(*, rule: RoutingRule) -> None:
    """Remove a rule. Inquiries it routed keep their team; their history names the rule."""
    rule.delete()
