"""A person's rights over their own data: correction and erasure.

The rules, in domain words:

- **Correction** (GDPR article 16): a person corrects the name in their account, and the name
  and phone number of their entry in the council's list of people (through the meetings app's
  ``person_update``). Each change is recorded with its value before and after.
- **Erasure** (GDPR article 17): what is not part of an official record is erased at once — the
  account's personal fields (the account is closed), login links and e-ID identities, roles,
  the right to act for organisations, subscriptions, everything never confirmed (inquiries,
  consultation responses, signing forms, with their files and history), the copies of emails
  sent to the person, and their contact details in the list of people when they no longer sit
  in any body. What is part of an official record (allmän handling) is kept, because archive
  law comes first: signatures, registered inquiries and consultation responses, minutes and
  attendance, the history of records. An ``ErasureRequest`` records what was erased, and what
  was kept and why, for the municipality's archive process; the secretary is told.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from samverkan.accounts.models import ExternalIdentity, LoginLink, User
from samverkan.accounts.selectors import secretary_emails
from samverkan.consultations.models import ConsultationResponse, ResponseStatus
from samverkan.core.validators import no_markup
from samverkan.history.models import ChangeRecord
from samverkan.inquiries.models import Inquiry, InquiryStatus
from samverkan.inquiries.services import ERASED as ERASED_TEXT
from samverkan.meetings.models import Person
from samverkan.meetings.services import person_update
from samverkan.organisations.models import Representation
from samverkan.outbox.models import OutboundAttachment, OutboundEmail
from samverkan.outbox.services import email_queue_template
from samverkan.privacy import selectors
from samverkan.privacy.models import Correction, ErasureRequest
from samverkan.subscriptions.services import subscriber_unsubscribe

#: What closing an account erases (the codes of ``selectors.ERASED``).
ACCOUNT_CODES = frozenset(
    {"account", "identities", "login_links", "roles", "representations", "corrections"}
)
#: The domain of the address an erased account is given (RFC 2606: never delivered).
ERASED_DOMAIN = "raderad.invalid"


def is_erased(user: User) -> bool:
    return user.email.endswith("@" + ERASED_DOMAIN)


def _plain(value: str, *, field: str, required: bool = False, max_length: int = 200) -> str:
    value = " ".join((value or "").split())
    if required and not value:
        raise ValidationError({field: _("Enter a name.")})
    if len(value) > max_length:
        raise ValidationError(
            {field: _("Write at most %(count)s characters.") % {"count": max_length}}
        )
    try:
        no_markup(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    return value


@transaction.atomic
def correction_make(
    *,
    user: User,
    full_name: str,
    person_name: str | None = None,
    person_phone: str | None = None,
) -> list[Correction]:
    """The person corrects their own name (and, when they are in the council's list of people,
    the name and phone number there). Only what changed is saved and recorded; the entry in
    the list of people changes through the meetings app's ``person_update``, so the minutes
    show the corrected name."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if is_erased(user) or not user.is_active:
        raise ValidationError(_("This account is closed."))
    corrections: list[Correction] = []
    full_name = _plain(full_name, field="full_name")
    if full_name != user.full_name:
        corrections.append(
            Correction(
                user=user,
                field=Correction.Field.ACCOUNT_NAME,
                before=user.full_name,
                after=full_name,
            )
        )
        user.full_name = full_name
        user.save(update_fields=["full_name"])

    person = Person.objects.select_for_update().filter(user=user).first()
    if person is not None and (person_name is not None or person_phone is not None):
        name = (
            person.name
            if person_name is None
            else _plain(person_name, field="person_name", required=True)
        )
        phone = (
            person.phone
            if person_phone is None
            else _plain(person_phone, field="person_phone", max_length=40)
        )
        changed = [
            (Correction.Field.PERSON_NAME, person.name, name),
            (Correction.Field.PERSON_PHONE, person.phone, phone),
        ]
        changed = [(field, before, after) for field, before, after in changed if before != after]
        if changed:
            person_update(person=person, name=name, email=person.email, phone=phone)
            corrections += [
                Correction(user=user, field=field, before=before, after=after)
                for field, before, after in changed
            ]
    return Correction.objects.bulk_create(corrections)


def _forget_history(model: type[models.Model], pks: list[int]) -> int:
    """Delete the change records of drafts that never became official records."""
    if not pks:
        return 0
    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(pk) for pk in pks],
    ).delete()[0]


def _delete_files_on_commit(files: list) -> None:
    files = [f for f in files if f]
    if files:
        transaction.on_commit(lambda: [f.delete(save=False) for f in files])


def _erase_emails(user: User) -> None:
    """Blank the copies of emails to the person (their dedup keys stay, so nothing is ever
    sent twice); what was not yet sent is not sent."""
    emails = selectors.emails_to(user)
    OutboundAttachment.objects.filter(email__in=emails).delete()
    emails.filter(status=OutboundEmail.Status.QUEUED).update(
        status=OutboundEmail.Status.FAILED, last_error=_("Personal data erased before sending.")
    )
    emails.update(
        to="", reply_to="", subject=ERASED_TEXT, body=ERASED_TEXT, html_body="", headers={}
    )


@transaction.atomic
def personal_data_erase(
    *,
    user: User,
    initiated_by: ErasureRequest.Initiator = ErasureRequest.Initiator.PERSON,
) -> ErasureRequest:
    """Erase what Samverkan holds about ``user`` outside official records, close the account,
    and record the request with what was erased and what was kept and why (see the module's
    docstring); the secretary is emailed. The caller logs the person out.

    When the retention rule closes an account nobody has used for a long time
    (``initiated_by=RETENTION``), only the account is erased (``ACCOUNT_CODES``): what the
    address holds apart from it (subscriptions, inquiries, the copies of emails) follows its
    own retention rules, and nobody is emailed."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if is_erased(user):
        raise ValidationError(_("The personal data of this account has already been erased."))
    whole = initiated_by == ErasureRequest.Initiator.PERSON
    plan = selectors.erasure_plan(user)
    erased = [entry for entry in plan.erased if whole or entry.code in ACCOUNT_CODES]
    request = ErasureRequest.objects.create(
        user=user,
        name=user.full_name,
        email=user.email,
        initiated_by=initiated_by,
        erased=[entry.as_json() for entry in erased],
        kept=[entry.as_json() for entry in plan.kept],
    )
    if whole:
        _erase_outside_the_account(user, plan)
    Person.objects.filter(pk__in=plan.linked_people).update(user=None)
    LoginLink.objects.filter(user=user).delete()
    ExternalIdentity.objects.filter(user=user).delete()
    Representation.objects.filter(user=user).delete()
    Correction.objects.filter(user=user).delete()
    user.handling_teams.clear()
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"raderad-{user.pk}@{ERASED_DOMAIN}"
    user.full_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.language = "sv"
    user.set_unusable_password()  # also ends the account's other sessions
    user.save()
    user.__dict__.pop("_role_cache", None)

    if whole:
        for address in secretary_emails():
            email_queue_template(
                to=address,
                template="privacy/email/erasure_done",
                context={
                    "request": request,
                    "kept": sum(entry.count for entry in plan.kept),
                    "path": reverse("privacy:erasure_requests"),
                },
                dedup_key=f"erasure-request:{request.pk}:{address}",
            )
    return request


def _erase_outside_the_account(user: User, plan: selectors.ErasurePlan) -> None:
    for subscriber in selectors.subscribers(user):
        subscriber_unsubscribe(subscriber=subscriber)

    drafts = list(
        selectors.inquiries(user)
        .filter(status=InquiryStatus.UNCONFIRMED)
        .prefetch_related("attachments")
    )
    draft_ids = [inquiry.pk for inquiry in drafts]  # delete() forgets them
    for inquiry in drafts:
        _delete_files_on_commit([a.file for a in inquiry.attachments.all()])
        inquiry.delete()
    _forget_history(Inquiry, draft_ids)

    pending = list(selectors.responses(user).filter(status=ResponseStatus.PENDING))
    pending_ids = [response.pk for response in pending]
    for response in pending:
        _delete_files_on_commit([response.file])
        response.delete()
    _forget_history(ConsultationResponse, pending_ids)

    selectors.unconfirmed_signature_forms(user).delete()
    _erase_emails(user)

    Person.objects.filter(pk__in=plan.deletable_people).delete()
    for person in Person.objects.filter(pk__in=plan.contact_people):
        person_update(person=person, name=person.name, email="", phone="")
