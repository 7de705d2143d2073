"""The retention command removes exactly what is past its time, rule by rule.

For every rule the test makes one thing just past its time and one just inside it, by setting
the timestamps explicitly, and checks that the command removes the first and not the second,
that --dry-run counts the same and removes nothing, and that a second run finds nothing."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.utils import timezone

from samverkan.accounts.models import LoginLink, Role, User
from samverkan.accounts.services import login_link_send, role_grant, user_get_or_create
from samverkan.consultations import services as consultation_services
from samverkan.consultations.models import ConsultationResponse
from samverkan.history.models import ChangeRecord
from samverkan.inquiries import services as inquiry_services
from samverkan.inquiries.models import Inquiry
from samverkan.organisations.models import Representation, SignatureApplication
from samverkan.outbox.models import OutboundEmail
from samverkan.privacy import retention
from samverkan.privacy.models import Correction, ErasureRequest
from samverkan.privacy.services import personal_data_erase
from samverkan.subscriptions import services as subscription_services
from samverkan.subscriptions.models import Subscriber

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def run(*args) -> dict[str, int]:
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    text = out.getvalue()
    counts = {
        key: int(number)
        for key, number in re.findall(r"^([a-z_]+): (\d+) (?:due|removed)", text, re.M)
    }
    assert list(counts) == [rule.key for rule in retention.RULES] or "--rule" in args, text
    return counts


def _history(model: str, pk: int) -> int:
    return ChangeRecord.objects.filter(content_type__model=model, object_id=str(pk)).count()


def _draft(subject: str, age: timedelta) -> Inquiry:
    draft = inquiry_services.inquiry_submit(
        kind="question", subject=subject, text="Text.", sender_email="x@example.org"
    )
    Inquiry.objects.filter(pk=draft.pk).update(created_at=timezone.now() - age)
    return draft


def _subscriber(email: str, topic: str, **times) -> Subscriber:
    subscription_services.subscriber_subscribe(email=email, topics=[topic], frequency="weekly")
    Subscriber.objects.filter(email=email).update(**times)
    return Subscriber.objects.get(email=email)


@pytest.fixture
def due(world):
    """One thing just past its time (``old``) and one just inside it (``new``) per rule."""
    now = timezone.now()
    things: dict[str, tuple] = {}

    things["unconfirmed_inquiries"] = (
        _draft("Gammalt utkast", 49 * HOUR),
        _draft("Nytt utkast", 47 * HOUR),
    )
    registered, _token = inquiry_services.inquiry_confirm(
        raw_token=_draft("Registrerat", 0 * HOUR).raw_token
    )
    Inquiry.objects.filter(pk=registered.pk).update(created_at=now - 100 * DAY)
    things["registered_inquiry"] = (registered,)

    responses = []
    for age in (49 * HOUR, 47 * HOUR):
        response = consultation_services.response_submit_open(
            consultation=world.consultation, name="Olle", email="olle@example.org", text="Svar."
        )
        ConsultationResponse.objects.filter(pk=response.pk).update(created_at=now - age)
        responses.append(response)
    things["unconfirmed_responses"] = tuple(responses)

    topic = f"body:{world.council.pk}"
    things["unconfirmed_subscriptions"] = (
        _subscriber("gammal@example.org", topic, created_at=now - 8 * DAY),
        _subscriber("ny@example.org", topic, created_at=now - 6 * DAY),
        _subscriber("bekraftad@example.org", topic, created_at=now - 30 * DAY, confirmed_at=now),
    )
    things["bounced_subscribers"] = (
        _subscriber("studs1@example.org", topic, confirmed_at=now, bounced_at=now - 181 * DAY),
        _subscriber("studs2@example.org", topic, confirmed_at=now, bounced_at=now - 179 * DAY),
    )

    forms = list(SignatureApplication.objects.order_by("pk")[:2])
    SignatureApplication.objects.filter(pk=forms[0].pk).update(expires_at=now - 2 * DAY)
    SignatureApplication.objects.filter(pk=forms[1].pk).update(expires_at=now - 12 * HOUR)
    SignatureApplication.objects.exclude(pk__in=[f.pk for f in forms]).update(expires_at=now + DAY)
    things["signature_forms"] = tuple(forms)

    links = list(LoginLink.objects.order_by("pk"))
    LoginLink.objects.filter(pk=links[0].pk).update(expires_at=now - 2 * DAY)
    LoginLink.objects.filter(pk=links[1].pk).update(expires_at=now - 12 * HOUR)
    things["login_links"] = tuple(links)

    sessions = []
    for expiry in (now - HOUR, now + HOUR):
        store = SessionStore()
        store.create()
        Session.objects.filter(session_key=store.session_key).update(expire_date=expiry)
        sessions.append(store.session_key)
    things["sessions"] = tuple(sessions)

    OutboundEmail.objects.update(created_at=now)  # what the world sent is recent
    emails = [
        OutboundEmail.objects.create(
            to="a@example.org",
            subject="Gammalt med nyckel",
            body="Text",
            dedup_key="test:1",
            status=OutboundEmail.Status.SENT,
            created_at=now - 91 * DAY,
        ),
        OutboundEmail.objects.create(
            to="b@example.org",
            subject="Gammalt utan nyckel",
            body="Text",
            status=OutboundEmail.Status.FAILED,
            created_at=now - 91 * DAY,
        ),
        OutboundEmail.objects.create(
            to="c@example.org",
            subject="Nyare",
            body="Text",
            dedup_key="test:2",
            status=OutboundEmail.Status.SENT,
            created_at=now - 89 * DAY,
        ),
        OutboundEmail.objects.create(
            to="d@example.org",
            subject="Gammalt i kö",
            body="Text",
            status=OutboundEmail.Status.QUEUED,
            created_at=now - 91 * DAY,
        ),
    ]
    things["email_copies"] = tuple(emails)

    def account(email: str, **fields) -> User:
        user = user_get_or_create(email=email, full_name=email.split("@")[0])
        User.objects.filter(pk=user.pk).update(**fields)
        return User.objects.get(pk=user.pk)

    User.objects.update(date_joined=now, last_login=now)  # the world's people are active
    inactive = account("gammal.inloggning@example.org", last_login=now - 731 * DAY)
    never = account("aldrig@example.org", last_login=None, date_joined=now - 731 * DAY)
    recent = account("nyligen@example.org", last_login=now - 729 * DAY)
    with_role = account("ledamot@example.org", last_login=now - 800 * DAY)
    role_grant(user=with_role, role=Role.COUNCIL_MEMBER)
    staff = account("personal@example.org", last_login=now - 800 * DAY, is_staff=True)
    login_link_send(email=inactive.email)
    things["inactive_accounts"] = (inactive, never, recent, with_role, staff)

    old_correction = Correction.objects.create(
        user=recent, field="account_name", before="a", after="b", at=now - (5 * 365 + 1) * DAY
    )
    new_correction = Correction.objects.create(
        user=recent, field="account_name", before="b", after="c", at=now - (5 * 365 - 1) * DAY
    )
    things["corrections"] = (old_correction, new_correction)
    old_request = ErasureRequest.objects.create(
        email="x@example.org", requested_at=now - (5 * 365 + 1) * DAY
    )
    new_request = ErasureRequest.objects.create(
        email="y@example.org", requested_at=now - (5 * 365 - 1) * DAY
    )
    things["erasure_requests"] = (old_request, new_request)
    assert Group.objects.filter(name=Role.COUNCIL_MEMBER.value).exists()
    return things


def test_the_command_removes_exactly_what_is_past_its_time(due):
    old_draft, new_draft = due["unconfirmed_inquiries"]
    (registered,) = due["registered_inquiry"]
    assert _history("inquiry", old_draft.pk) == 1

    dry = run("--dry-run")
    assert dry == {
        "unconfirmed_inquiries": 1,
        "unconfirmed_responses": 1,
        "draft_history": 0,  # the draft is deleted (and its history found) only for real
        "unconfirmed_subscriptions": 1,
        "bounced_subscribers": 1,
        "signature_forms": 1,
        "login_links": 1,
        "sessions": 1,
        "email_copies": 2,
        "inactive_accounts": 2,
        "corrections": 1,
        "erasure_requests": 1,
    }
    assert Inquiry.objects.filter(pk=old_draft.pk).exists(), "a dry run removes nothing"
    assert Subscriber.objects.filter(email="gammal@example.org").exists()
    assert OutboundEmail.objects.get(pk=due["email_copies"][0].pk).to == "a@example.org"

    removed = run()
    # The history of the two drafts deleted (an inquiry and a response): created and deleted.
    assert removed == {**dry, "draft_history": 4}

    # Inquiries and responses never confirmed, with the drafts' history.
    assert not Inquiry.objects.filter(pk=old_draft.pk).exists()
    assert _history("inquiry", old_draft.pk) == 0
    assert Inquiry.objects.filter(pk=new_draft.pk).exists()
    assert _history("inquiry", new_draft.pk) == 1
    assert Inquiry.objects.filter(pk=registered.pk).exists()
    assert _history("inquiry", registered.pk) >= 2, "an official record's history stays"
    old_response, new_response = due["unconfirmed_responses"]
    assert not ConsultationResponse.objects.filter(pk=old_response.pk).exists()
    assert _history("consultationresponse", old_response.pk) == 0
    assert _history("consultationresponse", new_response.pk) == 1
    assert ConsultationResponse.objects.filter(pk=new_response.pk).exists()
    # Subscriptions.
    assert set(Subscriber.objects.values_list("email", flat=True)) >= {
        "ny@example.org",
        "bekraftad@example.org",
        "studs2@example.org",
    }
    assert not Subscriber.objects.filter(
        email__in=["gammal@example.org", "studs1@example.org"]
    ).exists()
    # Links and sessions.
    old_form, new_form = due["signature_forms"]
    assert not SignatureApplication.objects.filter(pk=old_form.pk).exists()
    assert SignatureApplication.objects.filter(pk=new_form.pk).exists()
    old_link, new_link = due["login_links"][:2]
    assert not LoginLink.objects.filter(pk=old_link.pk).exists()
    assert LoginLink.objects.filter(pk=new_link.pk).exists()
    expired, current = due["sessions"]
    assert not Session.objects.filter(session_key=expired).exists()
    assert Session.objects.filter(session_key=current).exists()
    # Email copies: blanked with the dedup key kept, deleted without one, others untouched.
    keyed, unkeyed, newer, queued = due["email_copies"]
    keyed = OutboundEmail.objects.get(pk=keyed.pk)
    assert (keyed.to, keyed.subject, keyed.body, keyed.dedup_key) == ("", "", "", "test:1")
    assert not OutboundEmail.objects.filter(pk=unkeyed.pk).exists()
    assert OutboundEmail.objects.get(pk=newer.pk).body == "Text"
    assert OutboundEmail.objects.get(pk=queued.pk).to == "d@example.org"
    # Accounts nobody uses: closed as on request, logged for the archive process.
    inactive, never, recent, with_role, staff = (
        User.objects.get(pk=u.pk) for u in due["inactive_accounts"]
    )
    for closed in (inactive, never):
        assert not closed.is_active and closed.email.endswith("@raderad.invalid")
        request = ErasureRequest.objects.get(user=closed)
        assert request.initiated_by == "retention"
    assert not LoginLink.objects.filter(user=inactive).exists()
    for kept in (recent, with_role, staff):
        assert kept.is_active and not kept.email.endswith("@raderad.invalid")
    # Records of requests.
    assert list(Correction.objects.values_list("pk", flat=True)) == [due["corrections"][1].pk]
    assert not ErasureRequest.objects.filter(pk=due["erasure_requests"][0].pk).exists()
    assert ErasureRequest.objects.filter(pk=due["erasure_requests"][1].pk).exists()

    assert set(run().values()) == {0}, "a second run finds nothing"


def test_closing_an_unused_account_leaves_the_addresses_other_data_to_its_own_rules(world):
    """Only the account is erased: the person's subscription and email copies follow their
    own rules (they did not ask for erasure)."""
    bert = world.bert
    bert.user.groups.clear()
    # His right to act for his organisation ended yesterday.
    Representation.objects.filter(user=bert.user).update(
        until=timezone.localdate() - timedelta(days=1)
    )
    User.objects.filter(pk=bert.user.pk).update(last_login=timezone.now() - 800 * DAY)
    run("--rule", "inactive_accounts")
    request = ErasureRequest.objects.get(user=bert.user)
    assert {e["code"] for e in request.erased} <= {
        "account",
        "identities",
        "login_links",
        "roles",
        "representations",
        "corrections",
    }
    assert Subscriber.objects.filter(email="bert@example.org").exists()
    assert OutboundEmail.objects.filter(to="bert@example.org").exists()
    assert Inquiry.objects.filter(pk=bert.draft_inquiry.pk).exists()
    bert.person.refresh_from_db()
    assert bert.person.phone == "073-999 88 77" and bert.person.user_id is None


def test_a_representative_keeps_the_account(world):
    """Bert's approved representation of his organisation is a task: the account stays."""
    bert = world.bert
    bert.user.groups.clear()
    User.objects.filter(pk=bert.user.pk).update(last_login=timezone.now() - 800 * DAY)
    assert run("--rule", "inactive_accounts", "--dry-run") == {"inactive_accounts": 0}


def test_an_unknown_rule_is_refused(db):
    with pytest.raises(CommandError, match="Unknown rule"):
        call_command("apply_retention", "--rule", "allt", stdout=io.StringIO())


def test_every_rule_is_documented_with_its_period():
    """docs/personal-data.md states each rule's key and period as the table does."""
    from pathlib import Path

    from django.utils import translation

    doc = (Path(__file__).resolve().parents[3] / "docs" / "personal-data.md").read_text()
    with translation.override("en"):
        for rule in retention.RULES:
            row = next((line for line in doc.splitlines() if f"`{rule.key}`" in line), "")
            assert row, f"{rule.key} is not in docs/personal-data.md"
            assert str(rule.kept_for) in row, (rule.key, str(rule.kept_for))


def test_erasing_leaves_nothing_for_the_draft_history_rule(world):
    personal_data_erase(user=world.anna.user)
    assert run("--rule", "draft_history") == {"draft_history": 0}
