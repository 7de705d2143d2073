"""How long personal data is kept outside official records: one table of rules.

``RULES`` is the whole retention schedule that the scheduled command ``samverkan
apply_retention`` carries out, in order, and that docs/personal-data.md and the privacy pages
state. Each rule names what it removes, after how long, and how; ``candidates`` counts what is
due (``--dry-run`` shows it without removing anything) and ``apply`` removes it, through the
owning app's service where one exists (the purges of unconfirmed inquiries, responses and
subscriptions) so that nothing is done twice in two ways.

Official records (signatures, registered inquiries and consultation responses, minutes,
attendance, decisions, their history) have no rule here: they are kept according to the
municipality's records management plan and disposed of (gallras) only under a disposal
decision, outside Samverkan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samverkan.accounts.models import LoginLink, User
from samverkan.consultations import services as consultation_services
from samverkan.consultations.models import ConsultationResponse, ResponseStatus
from samverkan.history.models import ChangeRecord
from samverkan.inquiries import services as inquiry_services
from samverkan.inquiries.models import HandlingTeam, Inquiry, InquiryStatus
from samverkan.meetings.models import Membership
from samverkan.organisations.models import Representation, SignatureApplication
from samverkan.outbox.models import OutboundAttachment, OutboundEmail
from samverkan.privacy import services
from samverkan.privacy.models import Correction, ErasureRequest
from samverkan.subscriptions import services as subscription_services
from samverkan.subscriptions.models import Subscriber

#: The periods, in one place (docs/personal-data.md states them).
UNCONFIRMED_INQUIRY = timedelta(hours=inquiry_services.CONFIRMATION_HOURS)  # 48 hours
UNCONFIRMED_RESPONSE = timedelta(hours=consultation_services.CONFIRMATION_HOURS)  # 48 hours
UNCONFIRMED_SUBSCRIPTION = timedelta(days=subscription_services.CONFIRMATION_DAYS)  # 7 days
BOUNCED_SUBSCRIBER = timedelta(days=180)
EXPIRED_LINK = timedelta(days=1)
EMAIL_COPY = timedelta(days=90)
INACTIVE_ACCOUNT = timedelta(days=2 * 365)
REQUEST_RECORD = timedelta(days=5 * 365)


@dataclass(frozen=True)
class Rule:
    key: str
    what: Promise
    kept_for: Promise
    then: Promise
    #: What is due at ``now``: a queryset (counted) or a number.
    candidates: Callable[[datetime], QuerySet | int]
    #: Remove what is due at ``now``; returns how many were removed.
    apply: Callable[[datetime], int]

    def count(self, now: datetime) -> int:
        due = self.candidates(now)
        return due if isinstance(due, int) else due.count()


# --- What each rule finds ---------------------------------------------------------------------


def _unconfirmed_inquiries(now: datetime) -> QuerySet:
    return Inquiry.objects.filter(
        status=InquiryStatus.UNCONFIRMED, created_at__lt=now - UNCONFIRMED_INQUIRY
    )


def _unconfirmed_responses(now: datetime) -> QuerySet:
    return ConsultationResponse.objects.filter(
        status=ResponseStatus.PENDING, created_at__lt=now - UNCONFIRMED_RESPONSE
    )


#: The drafts whose history is not an official record's: (model, its draft state).
DRAFT_STATES = (
    (Inquiry, InquiryStatus.UNCONFIRMED),
    (ConsultationResponse, ResponseStatus.PENDING),
)


def _draft_history(now: datetime) -> QuerySet:
    """The change records of drafts that were deleted before they were registered (their last
    record, the deletion, shows them unregistered)."""
    condition = Q(pk__in=[])
    for model, draft_state in DRAFT_STATES:
        content_type = ContentType.objects.get_for_model(model)
        deleted = ChangeRecord.objects.filter(
            content_type=content_type, action=ChangeRecord.Action.DELETED
        ).values_list("object_id", "changes")
        object_ids = [
            object_id
            for object_id, changes in deleted.iterator()
            if (changes.get("status") or [None])[0] == draft_state
            and (changes.get("reference") or [None])[0] is None
        ]
        if object_ids:
            condition |= Q(content_type=content_type, object_id__in=object_ids)
    return ChangeRecord.objects.filter(condition)


def _unconfirmed_subscriptions(now: datetime) -> QuerySet:
    return Subscriber.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_SUBSCRIPTION
    )


def _bounced_subscribers(now: datetime) -> QuerySet:
    return Subscriber.objects.filter(bounced_at__lt=now - BOUNCED_SUBSCRIBER)


def _expired_signature_forms(now: datetime) -> QuerySet:
    return SignatureApplication.objects.filter(expires_at__lt=now - EXPIRED_LINK)


def _expired_login_links(now: datetime) -> QuerySet:
    return LoginLink.objects.filter(expires_at__lt=now - EXPIRED_LINK)


def _session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def _expired_sessions(now: datetime) -> QuerySet | int:
    session_model = getattr(_session_store(), "get_model_class", None)
    if session_model is None:  # sessions kept outside the database expire by themselves
        return 0
    return session_model().objects.filter(expire_date__lt=now)


def _old_email_copies(now: datetime) -> QuerySet:
    """Sent or failed emails older than the period whose content is still there."""
    return OutboundEmail.objects.exclude(status=OutboundEmail.Status.QUEUED).filter(
        Q(dedup_key__isnull=True) | ~Q(to=""), created_at__lt=now - EMAIL_COPY
    )


def _inactive_accounts(now: datetime) -> QuerySet:
    """Accounts nobody has logged in to for the period (or never, since created), with no role,
    no place in a handling team, no current right to act for an organisation and no current
    seat in a body; staff accounts are left to the administrators."""
    cutoff = now - INACTIVE_ACCOUNT
    today = timezone.localdate(now)
    return (
        User.objects.filter(is_active=True, is_staff=False, is_superuser=False)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        .exclude(email__endswith="@" + services.ERASED_DOMAIN)
        .exclude(Exists(User.groups.through.objects.filter(user=OuterRef("pk"))))
        .exclude(Exists(HandlingTeam.members.through.objects.filter(user=OuterRef("pk"))))
        .exclude(
            Exists(
                Representation.objects.filter(user=OuterRef("pk"), approved=True).filter(
                    Q(until__isnull=True) | Q(until__gte=today)
                )
            )
        )
        .exclude(
            Exists(
                Membership.objects.filter(person__user=OuterRef("pk")).filter(
                    Q(end__isnull=True) | Q(end__gte=today)
                )
            )
        )
    )


def _old_corrections(now: datetime) -> QuerySet:
    return Correction.objects.filter(at__lt=now - REQUEST_RECORD)


def _old_erasure_requests(now: datetime) -> QuerySet:
    return ErasureRequest.objects.filter(requested_at__lt=now - REQUEST_RECORD)


# --- How each rule removes it ------------------------------------------------------------------


def _delete(finder: Callable[[datetime], QuerySet]) -> Callable[[datetime], int]:
    def apply(now: datetime) -> int:
        queryset = finder(now)
        count = queryset.count()
        queryset.delete()
        return count

    return apply


def _unsubscribe_bounced(now: datetime) -> int:
    count = 0
    for subscriber in _bounced_subscribers(now):
        subscription_services.subscriber_unsubscribe(subscriber=subscriber)
        count += 1
    return count


def _clear_sessions(now: datetime) -> int:
    count = _expired_sessions(now)
    count = count if isinstance(count, int) else count.count()
    _session_store().clear_expired()  # Django's own, as `clearsessions` does
    return count


@transaction.atomic
def _blank_email_copies(now: datetime) -> int:
    """Emails without a dedup key are deleted; the others keep their row with only the key,
    the status and the times, so that the same message is never sent twice."""
    due = _old_email_copies(now)
    count = due.count()
    OutboundAttachment.objects.filter(email__in=due).delete()
    due.filter(dedup_key__isnull=True).delete()
    due.update(to="", reply_to="", subject="", body="", html_body="", headers={})
    return count


def _close_inactive_accounts(now: datetime) -> int:
    count = 0
    for user in _inactive_accounts(now):
        services.personal_data_erase(user=user, initiated_by=ErasureRequest.Initiator.RETENTION)
        count += 1
    return count


RULES: tuple[Rule, ...] = (
    Rule(
        "unconfirmed_inquiries",
        _("Inquiries whose email address was never confirmed"),
        _("48 hours"),
        _("deleted with their files and email copies"),
        _unconfirmed_inquiries,
        lambda now: inquiry_services.inquiries_purge_unconfirmed(now=now),
    ),
    Rule(
        "unconfirmed_responses",
        _("Consultation responses whose email address was never confirmed"),
        _("48 hours"),
        _("deleted with their files"),
        _unconfirmed_responses,
        lambda now: consultation_services.responses_purge_unconfirmed(now=now),
    ),
    Rule(
        "draft_history",
        _("The change history of those drafts (they never became official records)"),
        _("until the draft is deleted"),
        _("deleted"),
        _draft_history,
        _delete(_draft_history),
    ),
    Rule(
        "unconfirmed_subscriptions",
        _("Subscriptions whose email address was never confirmed"),
        _("7 days"),
        _("deleted"),
        _unconfirmed_subscriptions,
        lambda now: subscription_services.subscribers_purge_unconfirmed(),
    ),
    Rule(
        "bounced_subscribers",
        _("Subscribers whose address bounced and was not confirmed again"),
        _("6 months after the bounce"),
        _("deleted with what they followed"),
        _bounced_subscribers,
        _unsubscribe_bounced,
    ),
    Rule(
        "signature_forms",
        _("Signing forms (confirmed ones are in the signature itself)"),
        _("1 day after the link expired (the link works for 7 days)"),
        _("deleted"),
        _expired_signature_forms,
        _delete(_expired_signature_forms),
    ),
    Rule(
        "login_links",
        _("Login links"),
        _("1 day after the link expired (a link works for 60 minutes)"),
        _("deleted"),
        _expired_login_links,
        _delete(_expired_login_links),
    ),
    Rule(
        "sessions",
        _("Login sessions"),
        _("until they expire"),
        _("deleted"),
        _expired_sessions,
        _clear_sessions,
    ),
    Rule(
        "email_copies",
        _("Copies of sent emails (the contact form's messages among them)"),
        _("90 days"),
        _("address, subject and text removed"),
        _old_email_copies,
        _blank_email_copies,
    ),
    Rule(
        "inactive_accounts",
        _("Accounts with no role, seat or task that nobody has logged in to"),
        _("2 years after the last login"),
        _("closed: name and email address erased, as on request"),
        _inactive_accounts,
        _close_inactive_accounts,
    ),
    Rule(
        "corrections",
        _("Records of corrections made by people to their own data"),
        _("5 years"),
        _("deleted"),
        _old_corrections,
        _delete(_old_corrections),
    ),
    Rule(
        "erasure_requests",
        _("Records of erasure requests"),
        _("5 years"),
        _("deleted"),
        _old_erasure_requests,
        _delete(_old_erasure_requests),
    ),
)

BY_KEY = {rule.key: rule for rule in RULES}


@dataclass(frozen=True)
class Outcome:
    rule: Rule
    count: int


def retention_apply(
    *, now: datetime | None = None, dry_run: bool = False, only=()
) -> list[Outcome]:
    """Carry out the rules in order (or, with ``dry_run``, only count what is due)."""
    now = now or timezone.now()
    outcomes = []
    for rule in RULES:
        if only and rule.key not in only:
            continue
        count = rule.count(now) if dry_run else rule.apply(now)
        outcomes.append(Outcome(rule, count))
    return outcomes
