"""The secretary's answers to the import's questions: is this name the same as that one?

An unsure match left the document's data on a provisional person (or organisation) named as
written. Confirming moves that data to the known person and removes the provisional one;
rejecting keeps the provisional one as a person of their own. Either way the answer is
remembered (:class:`~.models.IdentityAlias`) and used by the next import, and a rejected pair
is never suggested again.

There is no service in meetings or organisations to move one person's rows to another yet, so
:func:`suggestion_confirm` writes those rows directly, in one transaction.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.meetings.models import (
    ActionItem,
    Attendance,
    Invitation,
    Meeting,
    Membership,
    Person,
)
from samverkan.organisations.models import Organisation

from .identity import alias_key
from .importing import is_unreferenced
from .models import IdentityAlias, IdentityKind, IdentitySuggestion, ImportedDocument


def _pending(suggestion: IdentitySuggestion) -> IdentitySuggestion:
    locked = IdentitySuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.status != IdentitySuggestion.Status.PENDING:
        raise ValidationError(_("This suggestion has already been answered."))
    return locked


def _same_question(suggestion: IdentitySuggestion):
    """Every pending suggestion asking the same thing (the same provisional row and
    candidate), from any document: one answer answers them all."""
    return IdentitySuggestion.objects.filter(
        status=IdentitySuggestion.Status.PENDING,
        kind=suggestion.kind,
        candidate_person_id=suggestion.candidate_person_id,
        candidate_organisation_id=suggestion.candidate_organisation_id,
        provisional_person_id=suggestion.provisional_person_id,
        provisional_organisation_id=suggestion.provisional_organisation_id,
    )


def _remember(kind: str, text: str, target: Person | Organisation) -> None:
    key = alias_key(kind, text)
    if not key:
        return
    values = (
        {"person": target, "organisation": None}
        if kind == IdentityKind.PERSON
        else {
            "person": None,
            "organisation": target,
        }
    )
    IdentityAlias.objects.update_or_create(kind=kind, text=key, defaults=values)


def _close(question, status: str, actor: User | None) -> list[int]:
    documents = list(question.values_list("document_id", flat=True).distinct())
    question.update(status=status, decided_by=actor, decided_at=timezone.now())
    return documents


def _refresh_documents(document_ids: list[int]) -> None:
    """A document needs review as long as one of its suggestions is pending."""
    for document in ImportedDocument.objects.filter(pk__in=document_ids):
        pending = document.suggestions.filter(status=IdentitySuggestion.Status.PENDING).exists()
        status = (
            ImportedDocument.Status.NEEDS_REVIEW if pending else ImportedDocument.Status.IMPORTED
        )
        if document.status != status and document.status != ImportedDocument.Status.FAILED:
            document.status = status
            document.save(update_fields=["status"])


def _merge_person(provisional: Person, person: Person) -> None:
    """Move everything of ``provisional`` to ``person`` and delete ``provisional``."""
    clashes = Meeting.objects.filter(attendances__person=provisional).filter(
        attendances__person=person
    )
    if clashes.exists():
        raise ValidationError(
            _(
                "%(a)s and %(b)s are both in the attendance of %(meeting)s, so they are two "
                "different people."
            )
            % {"a": provisional.name, "b": person.name, "meeting": clashes.first()}
        )
    Attendance.objects.filter(person=provisional).update(person=person)
    Attendance.objects.filter(substitute_for=provisional).update(substitute_for=person)
    ActionItem.objects.filter(owner=provisional).update(owner=person)
    Meeting.objects.filter(minutes_taker=provisional).update(minutes_taker=person)
    for invitation in Invitation.objects.filter(person=provisional):
        if Invitation.objects.filter(meeting=invitation.meeting_id, person=person).exists():
            invitation.delete()
        else:
            Invitation.objects.filter(pk=invitation.pk).update(person=person)
    for seat in Membership.objects.filter(person=provisional):
        overlapping = Membership.objects.filter(body=seat.body_id, person=person).filter(
            Q(end__isnull=True) | Q(end__gte=seat.start)
        )
        if seat.end is not None:
            overlapping = overlapping.filter(start__lte=seat.end)
        if overlapping.exists():
            seat.delete()  # the known person's own seat covers that time
        else:
            Membership.objects.filter(pk=seat.pk).update(person=person)
    IdentityAlias.objects.filter(person=provisional).update(person=person)
    IdentitySuggestion.objects.filter(candidate_person=provisional).update(candidate_person=person)
    if person.user_id is None and provisional.user_id is not None:
        user_id = provisional.user_id
        Person.objects.filter(pk=provisional.pk).update(user=None)
        Person.objects.filter(pk=person.pk).update(user_id=user_id)
    provisional.delete()


def _merge_organisation(provisional: Organisation, organisation: Organisation) -> None:
    """Move the import's rows of ``provisional`` to ``organisation`` and delete it, if
    nothing else (a signature, a link) uses it; otherwise it stays, empty of those rows."""
    from samverkan.watchlist.models import WatchItem

    Membership.objects.filter(organisation=provisional).update(organisation=organisation)
    Attendance.objects.filter(organisation=provisional).update(organisation=organisation)
    WatchItem.objects.filter(owner=provisional).update(owner=organisation)
    IdentityAlias.objects.filter(organisation=provisional).update(organisation=organisation)
    IdentitySuggestion.objects.filter(candidate_organisation=provisional).update(
        candidate_organisation=organisation
    )
    if is_unreferenced(provisional):
        provisional.delete()


@transaction.atomic
def suggestion_confirm(*, suggestion: IdentitySuggestion, actor: User | None) -> IdentitySuggestion:
    """The secretary says *yes, the same*: the attendance, seats and tasks the import gave the
    provisional person move to the known one, the provisional person is removed, and the
    name as written is remembered for the next import. The same question from other
    documents is answered with it."""
    suggestion = _pending(suggestion)
    question = IdentitySuggestion.objects.filter(
        pk__in=list(_same_question(suggestion).values_list("pk", flat=True))
    )
    target = suggestion.candidate
    provisional = suggestion.provisional
    if target is None:
        raise ValidationError(_("The suggested match no longer exists."))
    texts = set(question.values_list("text", flat=True)) | {suggestion.text}
    if provisional is not None and provisional.pk != target.pk:
        if suggestion.kind == IdentityKind.PERSON:
            _merge_person(provisional, target)  # type: ignore[arg-type]
        else:
            _merge_organisation(provisional, target)  # type: ignore[arg-type]
    for text in texts:
        _remember(suggestion.kind, text, target)
    documents = _close(question, IdentitySuggestion.Status.CONFIRMED, actor)
    _refresh_documents(documents)
    suggestion.refresh_from_db()
    return suggestion


@transaction.atomic
def suggestion_reject(*, suggestion: IdentitySuggestion, actor: User | None) -> IdentitySuggestion:
    """The secretary says *no, two different*: the provisional person (organisation) stays as
    one of their own, the name as written is remembered as them, and this name is never
    suggested as the candidate again."""
    suggestion = _pending(suggestion)
    question = IdentitySuggestion.objects.filter(
        pk__in=list(_same_question(suggestion).values_list("pk", flat=True))
    )
    provisional = suggestion.provisional
    texts = set(question.values_list("text", flat=True)) | {suggestion.text}
    if provisional is not None:
        for text in texts:
            _remember(suggestion.kind, text, provisional)
    documents = _close(question, IdentitySuggestion.Status.REJECTED, actor)
    _refresh_documents(documents)
    suggestion.refresh_from_db()
    return suggestion
