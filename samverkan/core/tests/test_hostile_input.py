"""Hostile input: random and adversarial submissions to every public form and API.

Property-based tests (Hypothesis) with the Django test client against the real views and the
real database. For every form, each example sends a submission built from valid values with
some fields replaced by hostile text (control characters, NUL bytes, very long strings,
SQL/HTML/script/template fragments, formula injections, invalid dates, huge and negative
numbers, unknown choices), left out, sent twice, with unknown fields added, URL-encoded
instead of multipart, sent with another method, or replaced by a raw body of a wrong or broken
content type; uploads get random bytes with misleading names and extensions, and real Office
documents with a corrupted zip header. The properties:

* no response is a server error (5xx), and no text/html page echoes a script unescaped;
* a refused submission changes nothing: the number of rows of every table is the same
  before and after (nothing half-saved, no email queued);
* an accepted submission is consistent: exactly the expected rows are added or changed, and
  they hold what was sent (normalised as the form says).

Forms and endpoints covered (see config/urls.py), as the person who may use them:

Anonymous visitor (POST forms)
    /kontakt/ (feedback), /konto/logga-in/ (login link), /konto/logga-in/losenord/ (password
    login), /konto/logga-ut/, /sprak/ (Django's set_language), /en-vag-in/ (the one-way-in
    inquiry, with attachments), /anslut/ (signing form), /remisser/<pk>/svara/ (a
    consultation open to all, with a file), /prenumerera/ (subscribe).
Holders of an emailed link (POST forms, token in the address)
    /konto/logga-in/lank/<token>/, /en-vag-in/bekrafta/<token>/, /en-vag-in/status/<token>/
    (the sender's answer, with attachments), /anslut/bekrafta/<token>/,
    /anslut/fornya/<token>/, /anslut/svara/<token>/, /uteslutning/svar/<token>/,
    /remisser/bekrafta/<token>/, /prenumerera/bekrafta/<token>/,
    /prenumerera/hantera/<token>/ (and ny-lank/), /prenumerera/avsluta/<token>/,
    /svar/<token>/ (a member's answer to a meeting notice); and every one of these with
    made-up tokens.
Logged-in organisation representative
    /organisationer/<pk>/andra/, /underskrifter/<pk>/lamna/, /remisser/<pk>/svara/ (for the
    organisation, with a file).
Public pages with query parameters (GET filters)
    /sok/ (q, typ, fran, till, sida), /anslutna/, /karta/ and its embeds
    (/karta/inbaddning/, /karta/inbaddning/ram/, /karta/inbaddning.svg), /kontaktytor/,
    /trappan/, /kalender/ (organ, sida, tidigare), /beslut/, /uppdrag/, /bordlagt/,
    /narvaro/ (and format=csv), /pa-gang/, /portfolj/, /remisser/, /prenumerera/?amne=,
    /prenumerera/hantera/<token>/?amne=, /en-vag-in/?team=&kind=&topic=,
    /sprak/<language>/?next=, /organ/, /anslutna/fornyelse/, /oppna-data/.
Open data and feeds
    /api/v1/organisations/ (page, page_size, q, kind, area, district, target_group),
    /api/v1/organisations/<pk>/, /api/v1/agreements/, /api/v1/verify/<uuid>/,
    /api/v1/<anything>/, /oppna-data/anslutna.csv and .json, /flode/alla.atom,
    /flode/<segment>/<value>.atom, /kalender.ics, /organ/<slug>/kalender.ics.
Addresses with ids, slugs and tokens
    every public address with an <int:pk>, a <slug:slug> or a <str:token> in it, with
    huge, negative-looking (as text), zero and random values, and every method.

The secretary's forms are not public and not covered here.

Rate limits: every example runs in a savepoint that is rolled back and starts with the cache
(where the limits are counted) emptied, so the limits never refuse a fuzzed submission. The
limits themselves are tested elsewhere (login links: accounts/tests/test_login.py; inquiries:
inquiries/tests/test_bad_input.py; signing: organisations/tests/test_signing.py; subscribing:
subscriptions/tests/test_subscribe.py) and, for the four that had no test (feedback, a
response to a consultation open to all, the inquiry sender's answer, a new subscription
link), at the end of this module.

Hypothesis runs with the derandomized ``samverkan-ci`` profile (core/tests/hostile.py): the
same examples in CI as on a developer's machine. The number of examples each test ran is
printed at the end of the module.
"""

from __future__ import annotations

import struct
from collections import Counter
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, note, settings
from hypothesis import strategies as st

from samverkan.accounts.models import LoginLink, Role, User
from samverkan.accounts.services import login_link_send, role_grant, user_get_or_create
from samverkan.collaboration_map.models import Theme
from samverkan.collaboration_map.services import theme_create
from samverkan.consultations import services as consultation_services
from samverkan.consultations.models import (
    Consultation,
    ConsultationEvent,
    ConsultationResponse,
    ResponseCounter,
    ResponseLink,
)
from samverkan.core.models import new_token
from samverkan.core.tests.hostile import (
    ACCEPTED,
    DOCX_BYTES,
    EXAMPLES,
    PROFILE,
    Submission,
    changes,
    example,
    form_post,
    good_upload,
    hostile_number,
    hostile_text,
    hostile_upload,
    query_params,
    report,
    summary,
    table_counts,
)
from samverkan.core.tests.hostile import assert_not_server_error as assert_ok
from samverkan.inquiries import services as inquiry_services
from samverkan.inquiries.models import (
    Inquiry,
    InquiryAttachment,
    InquiryEvent,
    InquiryKind,
    InquiryLink,
    InquiryMessage,
)
from samverkan.meetings import services as meeting_services
from samverkan.meetings.models import BodyKind, Invitation, Meeting
from samverkan.organisations import services as organisation_services
from samverkan.organisations.models import (
    Agreement,
    Area,
    District,
    ExclusionCase,
    Organisation,
    OrganisationKind,
    RenewalInvitation,
    Signature,
    SignatureApplication,
    SignatureStatus,
    TargetGroup,
)
from samverkan.organisations.tests.conftest import make_agreement, sign_and_approve
from samverkan.outbox.models import OutboundEmail
from samverkan.subscriptions import services as subscription_services
from samverkan.subscriptions.models import Frequency, Subscriber, SubscriptionTopic

pytestmark = pytest.mark.django_db

#: Examples per form; the GET filters and addresses get fewer each.
FORM_EXAMPLES = 60
TOKEN_FORM_EXAMPLES = 40
QUERY_EXAMPLES = 25


@pytest.fixture(scope="module", autouse=True)
def _closing_summary(request):
    """Print how many examples each test ran (the figure for the issue's closing note)."""
    names_before = set(EXAMPLES)
    yield
    names = sorted(set(EXAMPLES) - names_before)
    if names:
        report(request.config, summary("Hostile input (Hypothesis)", names))


# --------------------------------------------------------------------------------------------
# Valid values
# --------------------------------------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789 -.,!?'&()/:;"


def plain_text(max_size: int = 60) -> st.SearchStrategy[str]:
    return st.text(LETTERS, min_size=1, max_size=max_size).filter(lambda s: s.strip())


def optional_text(max_size: int = 60) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), plain_text(max_size))


def emails() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(
            [
                "anna@example.org",
                "Bo.Ek+remiss@Example.ORG",
                "sara@förening.example",
                "o'brien@example.org",
                "info@norrbyik.example.org",
            ]
        ),
        st.emails(),
    )


def organisation_numbers() -> st.SearchStrategy[str]:
    """Ten-digit numbers with a correct check digit (third digit 2–9), written both ways."""

    def with_check_digit(first9: str) -> str:
        total = 0
        for position, char in enumerate(reversed(first9)):
            value = int(char) * (2 if position % 2 == 0 else 1)
            total += value - 9 if value > 9 else value
        return first9 + str((10 - total % 10) % 10)

    numbers = st.builds(
        lambda a, b, c: with_check_digit(f"{a:02d}{b}{c:06d}"),
        st.integers(10, 99),
        st.integers(2, 9),
        st.integers(0, 999_999),
    )
    return st.one_of(
        st.sampled_from(["556036-0793", "5560360793", ""]),
        numbers,
        numbers.map(lambda n: f"{n[:6]}-{n[6:]}"),
    )


def choice(values) -> st.SearchStrategy[str]:
    return st.sampled_from([str(v) for v in values])


# --------------------------------------------------------------------------------------------
# The world: built through the real services
# --------------------------------------------------------------------------------------------


@dataclass
class World:
    secretary: User
    agreement: Agreement
    previous: Agreement
    terms: dict[str, Any]
    norrby: Organisation
    norrby_signature: Signature
    representative: User
    department: Organisation
    theme: Theme


def _forget_emails() -> None:
    OutboundEmail.objects.update(status=OutboundEmail.Status.SENT)


@pytest.fixture
def world(db) -> World:
    secretary = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekreterare")
    role_grant(user=secretary, role=Role.SECRETARY)
    previous = make_agreement("Överenskommelsen 2020–2023", date(2020, 1, 1), date(2023, 12, 31))
    agreement = make_agreement("Överenskommelsen 2024–2027", date(2024, 1, 1), date(2027, 12, 31))
    terms = {
        "idrott": organisation_services.term_create(model=Area, name="Idrott", slug="idrott"),
        "kultur": organisation_services.term_create(model=Area, name="Kultur", slug="kultur"),
        "unga": organisation_services.term_create(model=TargetGroup, name="Unga", slug="unga"),
        "norrby": organisation_services.term_create(model=District, name="Norrby", slug="norrby"),
    }
    signature = sign_and_approve(
        agreement,
        secretary,
        name="Norrby IK",
        number="802002-4280",
        email="ordf@norrbyik.example.org",
        terms=list(terms.values()),
    )
    department = organisation_services.organisation_create(
        name="Kulturförvaltningen", kind=OrganisationKind.MUNICIPAL_DEPARTMENT
    )
    theme = theme_create(name="Boende", slug="boende")
    _forget_emails()
    return World(
        secretary=secretary,
        agreement=agreement,
        previous=previous,
        terms=terms,
        norrby=signature.organisation,
        norrby_signature=signature,
        representative=User.objects.get(email="ordf@norrbyik.example.org"),
        department=department,
        theme=theme,
    )


def session_of(user: User) -> str:
    """A session cookie for ``user``, made once; examples roll back, so it stays valid."""
    client = Client()
    client.force_login(user)
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


def client_with(cookie: str | None = None) -> Client:
    client = Client()
    if cookie:
        client.cookies[django_settings.SESSION_COOKIE_NAME] = cookie
    return client


# --------------------------------------------------------------------------------------------
# The harness
# --------------------------------------------------------------------------------------------


#: The audit trail of changes (samverkan.history): written with every accepted change.
AUDIT_TABLES = {"history_changerecord"}


def redirected_to(response, path: str) -> bool:
    return response.status_code == 302 and response["Location"] == path


def rendered(response, template: str) -> bool:
    return response.status_code == 200 and template in [t.name for t in response.templates or []]


def expect_rows(changed: dict[str, int], exact: dict[type, int], allowed: set[type] = frozenset()):
    """The tables of ``exact`` changed by exactly that many rows; others only if ``allowed``."""
    tables = {model._meta.db_table: delta for model, delta in exact.items()}
    for table, delta in tables.items():
        assert changed.get(table, 0) == delta, f"{table}: {changed.get(table, 0)} != {delta}"
    allowed_tables = set(tables) | {model._meta.db_table for model in allowed} | AUDIT_TABLES
    unexpected = {t: d for t, d in changed.items() if t not in allowed_tables}
    assert not unexpected, f"unexpected changes: {unexpected}"


def fuzz_form(
    name: str,
    url: str,
    strategy: st.SearchStrategy[Submission],
    *,
    accepted,
    check,
    cookie: str | None = None,
    max_examples: int = FORM_EXAMPLES,
    min_accepted: int = 1,
) -> None:
    """Send ``max_examples`` submissions; refused ones change nothing, accepted ones pass
    ``check(submission, changed, response)``."""

    @settings(parent=PROFILE, max_examples=max_examples)
    @given(submission=strategy)
    def run(submission: Submission) -> None:
        with example(name):
            before = table_counts()
            note(repr(submission))
            response = submission.send(client_with(cookie), url)
            assert_ok(response, f"{submission.method} {url}")
            changed = changes(before, table_counts())
            if accepted(response, submission):
                ACCEPTED[name] += 1
                check(submission, changed, response)
            else:
                assert not changed, f"refused ({response.status_code}) but changed {changed}"

    run()
    assert EXAMPLES[name] >= max_examples // 2
    assert ACCEPTED[name] >= min_accepted, f"{name}: no submission was accepted"


def normalised(value: str) -> str:
    return " ".join(value.split())


# --------------------------------------------------------------------------------------------
# Anonymous visitors' forms
# --------------------------------------------------------------------------------------------


def test_feedback_form(db):
    url = reverse("core:contact")
    strategy = form_post(
        {
            "topic": choice(["accessibility", "content", "other"]),
            "message": plain_text(500),
            "email": st.one_of(st.just(""), emails()),
        },
        methods=("POST", "PUT", "DELETE"),
    )

    def check(submission, changed, response):
        expect_rows(changed, {OutboundEmail: 1})
        message = OutboundEmail.objects.latest("pk")
        assert message.to == django_settings.CONTACT_EMAIL
        assert message.reply_to == (submission.last("email") or "").strip()

    fuzz_form(
        "feedback /kontakt/",
        url,
        strategy,
        accepted=lambda r, s: redirected_to(r, url),
        check=check,
    )


def test_login_link_form(world):
    url = reverse("accounts:login")
    strategy = form_post(
        {"email": st.one_of(st.just("ordf@norrbyik.example.org"), emails())},
        methods=("POST", "PUT"),
    )

    def check(submission, changed, response):
        if submission.last("email").strip().lower() == "ordf@norrbyik.example.org":
            expect_rows(changed, {LoginLink: 1, OutboundEmail: 1})
            assert OutboundEmail.objects.latest("pk").to == "ordf@norrbyik.example.org"
        else:  # no account: the same answer, nothing sent (no account enumeration)
            expect_rows(changed, {})

    fuzz_form(
        "login link /konto/logga-in/",
        url,
        strategy,
        accepted=lambda r, s: rendered(r, "accounts/login_sent.html"),
        check=check,
    )


def test_password_login_form(world):
    url = reverse("accounts:login_password")
    strategy = form_post(
        {
            "username": st.one_of(st.just("ordf@norrbyik.example.org"), emails()),
            "password": hostile_text(),
        }
    )
    fuzz_form(
        "password login /konto/logga-in/losenord/",
        url,
        strategy,
        accepted=lambda r, s: r.status_code == 302,
        check=lambda *a: pytest.fail("no account here has a password"),
        max_examples=TOKEN_FORM_EXAMPLES,
        min_accepted=0,
    )


def test_language_form_and_logout(world):
    """Django's set_language and the logout button write nothing, whatever is sent."""
    cookie = session_of(world.representative)
    for name, url, fields in [
        (
            "language /sprak/",
            reverse("set_language"),
            {"language": choice(["sv", "en", "de", ""]), "next": st.just("/anslutna/")},
        ),
        ("logout /konto/logga-ut/", reverse("accounts:logout"), {"next": st.just("/")}),
    ]:
        fuzz_form(
            name,
            url,
            form_post(fields, methods=("POST", "GET", "PUT")),
            accepted=lambda r, s: False,
            check=None,
            cookie=cookie,
            max_examples=QUERY_EXAMPLES,
            min_accepted=0,
        )


@dataclass
class InquirySetup:
    teams: list
    topic: Area


@pytest.fixture
def inquiry_setup(world) -> InquirySetup:
    general = inquiry_services.team_create(
        name="En väg in – allmänt",
        slug="allmant",
        member_emails=["alva@kommun.example.org"],
        is_fallback=True,
    )
    grants = inquiry_services.team_create(
        name="Lokalbidrag", slug="lokalbidrag", member_emails=["lena@kommun.example.org"]
    )
    _forget_emails()
    return InquirySetup(teams=[general, grants], topic=world.terms["idrott"])


def _inquiry_fields(setup: InquirySetup) -> dict[str, st.SearchStrategy]:
    return {
        "kind": choice(InquiryKind.values),
        "subject": plain_text(200),
        "text": plain_text(2000),
        "topic": st.one_of(st.just(""), st.just(str(setup.topic.pk))),
        "team": st.sampled_from(["", *[t.slug for t in setup.teams]]),
        "organisation_name": st.sampled_from(["", "Norrby IK", "norrby  ik", "Ny förening"]),
        "organisation_kind": choice(["", *OrganisationKind.values]),
        "sender_name": optional_text(),
        "email": emails(),
        "attachments": st.one_of(st.none(), good_upload()),
    }


def test_inquiry_form(inquiry_setup):
    url = reverse("inquiries:new")
    strategy = form_post(
        _inquiry_fields(inquiry_setup),
        hostile={
            "attachments": hostile_upload(),
            "topic": hostile_number(),
        },
    )

    def check(submission, changed, response):
        files = [v for v in submission.fields.get("attachments", []) if v is not None]
        expect_rows(
            changed,
            {Inquiry: 1, InquiryAttachment: len(files), OutboundEmail: 1, InquiryLink: 1},
            allowed={InquiryEvent},
        )
        inquiry = Inquiry.objects.latest("pk")
        assert inquiry.subject == normalised(submission.last("subject"))
        assert inquiry.sender_email.lower() == submission.last("email").strip().lower()
        assert inquiry.kind == submission.last("kind")
        assert inquiry.status == "unconfirmed"

    fuzz_form(
        "inquiry /en-vag-in/",
        url,
        strategy,
        accepted=lambda r, s: redirected_to(r, reverse("inquiries:sent")),
        check=check,
    )


def _sign_fields(world: World) -> dict[str, st.SearchStrategy]:
    def pks(model) -> st.SearchStrategy[str]:
        return st.sampled_from([str(t.pk) for t in world.terms.values() if isinstance(t, model)])

    return {
        "name": st.one_of(plain_text(200), st.just("Norrby IK")),
        "kind": choice(OrganisationKind.values),
        "organisation_number": organisation_numbers(),
        "areas": pks(Area),
        "target_groups": pks(TargetGroup),
        "districts": pks(District),
        "website": st.sampled_from(["", "https://example.org", "example.org/förening"]),
        "public_email": st.one_of(st.just(""), emails()),
        "description": optional_text(2000),
        "easy_read_description": optional_text(1000),
        "signatory_name": plain_text(200),
        "signatory_role": plain_text(200),
        "signatory_email": emails(),
        "existing": st.sampled_from(["", "new"]),
    }


def test_signing_form(world):
    url = reverse("organisations:sign")
    strategy = form_post(
        _sign_fields(world),
        hostile={
            "existing": st.one_of(st.just(str(world.norrby.pk)), hostile_number()),
            "organisation_number": st.one_of(
                st.sampled_from(["802002-4280", "8020024280", "19800101-1234"]), hostile_text()
            ),
        },
    )

    def check(submission, changed, response):
        expect_rows(changed, {SignatureApplication: 1, OutboundEmail: 1})
        application = SignatureApplication.objects.latest("pk")
        assert application.agreement == world.agreement
        assert application.email == submission.last("signatory_email").strip()
        assert application.data["signatory_name"] == submission.last("signatory_name").strip()
        if application.organisation is None:
            assert application.data["name"] == submission.last("name").strip()
        else:
            assert application.organisation.signatures.filter(agreement=world.agreement)

    fuzz_form(
        "signing /anslut/",
        url,
        strategy,
        accepted=lambda r, s: redirected_to(r, reverse("organisations:sign_sent")),
        check=check,
    )


@pytest.fixture
def open_consultation(world) -> Consultation:
    consultation = consultation_services.consultation_create(
        actor=world.secretary,
        title="Remiss: lokaler för föreningar",
        department=world.department,
        summary="Kommunen vill veta hur föreningarna använder lokalerna.",
        open_to_all=True,
        themes=[world.theme],
    )
    consultation_services.consultee_add(
        consultation=consultation, actor=world.secretary, organisation=world.norrby
    )
    consultation = consultation_services.consultation_open(
        consultation=consultation,
        actor=world.secretary,
        reply_by=timezone.localdate() + timedelta(days=14),
    )
    _forget_emails()
    return consultation


def test_consultation_response_open_to_all(open_consultation):
    url = reverse("consultations:respond", args=[open_consultation.pk])
    strategy = form_post(
        {
            "name": plain_text(200),
            "organisation_text": optional_text(200),
            "email": emails(),
            "text": plain_text(3000),
            "file": st.one_of(st.none(), good_upload()),
        },
        hostile={"file": hostile_upload()},
    )

    def check(submission, changed, response):
        expect_rows(changed, {ConsultationResponse: 1, ResponseLink: 1, OutboundEmail: 1})
        answer = ConsultationResponse.objects.latest("pk")
        assert answer.responder_email == submission.last("email").strip().lower()
        assert answer.responder_name == normalised(submission.last("name"))
        assert answer.status == "pending" and answer.reference is None
        assert bool(answer.file) == bool(submission.fields.get("file"))

    fuzz_form(
        "consultation response (open to all) /remisser/<pk>/svara/",
        url,
        strategy,
        accepted=lambda r, s: redirected_to(
            r, reverse("consultations:sent", args=[open_consultation.pk])
        ),
        check=check,
    )


UNKNOWN_TOPICS = st.sampled_from(
    ["consultation:1", "watchitem:99999999999", "body:x", "theme:", ":", "department:-1"]
)


def test_subscribe_form(world):
    url = reverse("subscriptions:subscribe")
    topics = [f"theme:{world.theme.slug}", f"district:{world.terms['norrby'].slug}"]
    strategy = form_post(
        {
            "themes": st.just(topics[0]),
            "districts": st.just(topics[1]),
            "departments": st.just(f"department:{world.department.pk}"),
            "items": st.none(),
            "frequency": choice(Frequency.values),
            "language": choice(["sv", "en"]),
            "email": emails(),
        },
        hostile={"items": st.one_of(UNKNOWN_TOPICS, hostile_text())},
    )

    def check(submission, changed, response):
        subscriber = Subscriber.objects.get(email=submission.last("email").strip().lower())
        expect_rows(changed, {Subscriber: 1, OutboundEmail: 1}, allowed={SubscriptionTopic})
        assert subscriber.confirmed_at is None
        assert subscriber.topics.exists()
        assert subscriber.frequency == submission.last("frequency")

    fuzz_form(
        "subscribe /prenumerera/",
        url,
        strategy,
        accepted=lambda r, s: redirected_to(r, reverse("subscriptions:sent")),
        check=check,
    )


# --------------------------------------------------------------------------------------------
# A logged-in organisation representative
# --------------------------------------------------------------------------------------------


def test_organisation_edit_as_representative(world):
    organisation = world.norrby
    url = reverse("organisations:organisation_edit", args=[organisation.pk])
    fields = _sign_fields(world)
    fields = {k: v for k, v in fields.items() if not k.startswith("signatory") and k != "existing"}

    def check(submission, changed, response):
        expect_rows(
            changed,
            {},
            allowed={
                type(organisation).areas.through,
                type(organisation).target_groups.through,
                type(organisation).districts.through,
            },
        )
        saved = Organisation.objects.get(pk=organisation.pk)
        assert saved.name == normalised(submission.last("name")) or saved.name == (
            submission.last("name").strip()
        )
        assert saved.kind == submission.last("kind")

    fuzz_form(
        "organisation edit (representative) /organisationer/<pk>/andra/",
        url,
        form_post(fields),
        accepted=lambda r, s: redirected_to(
            r, reverse("organisations:organisation_detail", args=[organisation.pk])
        ),
        check=check,
        cookie=session_of(world.representative),
    )


def test_signature_withdrawal_as_representative(world):
    signature = world.norrby_signature
    url = reverse("organisations:signature_withdraw", args=[signature.pk])

    def check(submission, changed, response):
        signature.refresh_from_db()
        assert signature.status == SignatureStatus.WITHDRAWN
        assert not {t: d for t, d in changed.items() if d < 0}, "nothing is deleted"

    fuzz_form(
        "signature withdrawal (representative) /underskrifter/<pk>/lamna/",
        url,
        form_post({"reason": plain_text(2000)}),
        accepted=lambda r, s: redirected_to(
            r, reverse("organisations:organisation_detail", args=[signature.organisation_id])
        ),
        check=check,
        cookie=session_of(world.representative),
        max_examples=TOKEN_FORM_EXAMPLES,
    )


def test_consultation_response_as_representative(world, open_consultation):
    url = reverse("consultations:respond", args=[open_consultation.pk])
    strategy = form_post(
        {
            "organisation": st.sampled_from([str(world.norrby.pk), str(world.department.pk)]),
            "text": plain_text(3000),
            "file": st.one_of(st.none(), good_upload()),
            "replace": st.sampled_from(["", "on"]),
        },
        hostile={"file": hostile_upload(), "organisation": hostile_number()},
    )

    def check(submission, changed, response):
        expect_rows(
            changed,
            {ConsultationResponse: 1},
            allowed={OutboundEmail, ConsultationEvent, ResponseCounter},
        )
        answer = ConsultationResponse.objects.latest("pk")
        assert answer.organisation == world.norrby
        assert answer.text == submission.last("text").strip()

    fuzz_form(
        "consultation response (representative) /remisser/<pk>/svara/",
        url,
        strategy,
        accepted=lambda r, s: redirected_to(
            r, reverse("consultations:detail", args=[open_consultation.pk])
        ),
        check=check,
        cookie=session_of(world.representative),
    )


# --------------------------------------------------------------------------------------------
# Holders of an emailed link
# --------------------------------------------------------------------------------------------


def _known_token(model, pk: int, field: str = "token_hash") -> str:
    """Give a link made by the real service a token this test knows (the service emails its
    own; only the hash is stored)."""
    raw, token_hash = new_token()
    model.objects.filter(pk=pk).update(**{field: token_hash})
    return raw


@pytest.fixture
def inquiry_tokens(inquiry_setup) -> dict[str, str]:
    draft = inquiry_services.inquiry_submit(
        kind="question",
        subject="Hur söker vi bidrag?",
        text="Vi är en ny förening.",
        sender_email="anna@example.org",
        sender_name="Anna",
    )
    other = inquiry_services.inquiry_submit(
        kind="idea",
        subject="En idé",
        text="Bygg fler spontanidrottsplatser.",
        sender_email="bo@example.org",
    )
    _inquiry, status = inquiry_services.inquiry_confirm(raw_token=other.raw_token)
    _forget_emails()
    return {"confirm": draft.raw_token, "status": status}


def test_inquiry_confirmation(inquiry_tokens):
    url = reverse("inquiries:confirm", args=[inquiry_tokens["confirm"]])

    def check(submission, changed, response):
        inquiry = Inquiry.objects.get(subject="Hur söker vi bidrag?")
        assert inquiry.status != "unconfirmed"
        assert not {t: d for t, d in changed.items() if d < 0}

    fuzz_form(
        "inquiry confirmation /en-vag-in/bekrafta/<token>/",
        url,
        form_post({"confirm": st.just("1")}, methods=("POST", "GET")),
        accepted=lambda r, s: rendered(r, "inquiries/inquiry_confirmed.html"),
        check=check,
        max_examples=TOKEN_FORM_EXAMPLES,
    )


def test_inquiry_sender_answer(inquiry_tokens):
    url = reverse("inquiries:status", args=[inquiry_tokens["status"]])
    strategy = form_post(
        {"text": plain_text(3000), "attachments": st.one_of(st.none(), good_upload())},
        hostile={"attachments": hostile_upload()},
    )

    def check(submission, changed, response):
        files = [v for v in submission.fields.get("attachments", []) if v is not None]
        expect_rows(
            changed,
            {InquiryMessage: 1, InquiryAttachment: len(files)},
            allowed={OutboundEmail, InquiryEvent},
        )
        message = InquiryMessage.objects.latest("pk")
        assert message.text == submission.last("text").strip()

    fuzz_form(
        "inquiry sender's answer /en-vag-in/status/<token>/",
        url,
        strategy,
        accepted=lambda r, s: redirected_to(r, url),
        check=check,
    )


@pytest.fixture
def signing_tokens(world) -> dict[str, Any]:
    application = organisation_services.signature_application_submit(
        agreement=world.agreement,
        data={
            "name": "Vivalla kulturförening",
            "kind": "association",
            "organisation_number": "",
            "website": "",
            "public_email": "",
            "description": "",
            "easy_read_description": "",
            "signatory_name": "Vera Vivalla",
            "signatory_role": "ordförande",
            "signatory_email": "ordf@vivalla.example.org",
            "areas": [],
            "target_groups": [],
            "districts": [],
        },
    )
    # A pending signature with a question from the secretary.
    asked_application = organisation_services.signature_application_submit(
        agreement=world.agreement,
        data={**application.data, "name": "Söder schack", "signatory_email": "s@schack.example"},
    )
    asked = organisation_services.signature_application_confirm(
        raw_token=asked_application.raw_token
    )
    info = organisation_services.signature_request_info(
        signature=asked, actor=world.secretary, question="Hur många medlemmar har ni?"
    )
    # An exclusion case against Norrby IK.
    case = organisation_services.exclusion_case_open(
        signature=world.norrby_signature,
        actor=world.secretary,
        grounds="Föreningen har brutit mot värdegrunden.",
        response_deadline=timezone.localdate() + timedelta(days=21),
    )
    # A renewal invitation: an organisation that signed the previous period only.
    old = sign_and_approve(world.previous, world.secretary, name="Gamla föreningen", kind="network")
    organisation_services.renewal_invite_all(agreement=world.agreement, actor=world.secretary)
    invitation = RenewalInvitation.objects.get(organisation=old.organisation)
    _forget_emails()
    return {
        "confirm": application.raw_token,
        "info": info.raw_token,
        "info_request": info,
        "exclusion": case.raw_token,
        "case": case,
        "renew": _known_token(RenewalInvitation, invitation.pk),
        "renewal_organisation": old.organisation,
    }


def test_signature_confirmation(signing_tokens):
    url = reverse("organisations:sign_confirm", args=[signing_tokens["confirm"]])

    def check(submission, changed, response):
        signature = Signature.objects.get(organisation__name="Vivalla kulturförening")
        assert signature.status == SignatureStatus.PENDING
        assert changed[Signature._meta.db_table] == 1
        assert changed[Organisation._meta.db_table] == 1

    fuzz_form(
        "signature confirmation /anslut/bekrafta/<token>/",
        url,
        form_post({"accept_values": st.sampled_from(["on", "1", "true"])}),
        accepted=lambda r, s: rendered(r, "organisations/sign_done.html"),
        check=check,
        max_examples=TOKEN_FORM_EXAMPLES,
    )


def test_information_request_answer(signing_tokens):
    url = reverse("organisations:info_answer", args=[signing_tokens["info"]])
    info = signing_tokens["info_request"]

    def check(submission, changed, response):
        info.refresh_from_db()
        assert info.answer == submission.last("answer").strip()
        assert not {t: d for t, d in changed.items() if d < 0}

    fuzz_form(
        "information request answer /anslut/svara/<token>/",
        url,
        form_post({"answer": plain_text(5000)}),
        accepted=lambda r, s: r.status_code == 302,
        check=check,
        max_examples=TOKEN_FORM_EXAMPLES,
    )


def test_exclusion_response(signing_tokens):
    url = reverse("organisations:exclusion_respond", args=[signing_tokens["exclusion"]])
    case = signing_tokens["case"]

    def check(submission, changed, response):
        case.refresh_from_db()
        assert case.response == submission.last("response").strip()
        assert case.responded_by == submission.last("responder_name").strip()
        assert case.status == ExclusionCase.Status.ANSWERED

    fuzz_form(
        "exclusion response /uteslutning/svar/<token>/",
        url,
        form_post({"responder_name": plain_text(200), "response": plain_text(5000)}),
        accepted=lambda r, s: redirected_to(r, url),
        check=check,
        max_examples=TOKEN_FORM_EXAMPLES,
    )


def test_signature_renewal(signing_tokens):
    url = reverse("organisations:sign_renew", args=[signing_tokens["renew"]])
    organisation = signing_tokens["renewal_organisation"]

    def check(submission, changed, response):
        expect_rows(changed, {SignatureApplication: 1, OutboundEmail: 1})
        application = SignatureApplication.objects.latest("pk")
        assert application.organisation == organisation
        assert application.email == submission.last("signatory_email").strip()

    fuzz_form(
        "signature renewal /anslut/fornya/<token>/",
        url,
        form_post(
            {
                "signatory_name": plain_text(200),
                "signatory_role": plain_text(200),
                "signatory_email": emails(),
            }
        ),
        accepted=lambda r, s: redirected_to(r, reverse("organisations:sign_sent")),
        check=check,
        max_examples=TOKEN_FORM_EXAMPLES,
    )


def test_consultation_response_confirmation(open_consultation):
    pending = consultation_services.response_submit_open(
        consultation=open_consultation,
        name="Anna Andersson",
        email="anna@example.org",
        text="Vi behöver fler lokaler på kvällstid.",
    )
    _forget_emails()
    url = reverse("consultations:confirm", args=[pending.raw_token])

    def check(submission, changed, response):
        pending.refresh_from_db()
        assert pending.status != "pending" and pending.reference
        assert not {t: d for t, d in changed.items() if d < 0}

    fuzz_form(
        "consultation response confirmation /remisser/bekrafta/<token>/",
        url,
        form_post({"confirm": st.just("1")}, methods=("POST", "GET")),
        accepted=lambda r, s: rendered(r, "consultations/response_confirmed.html"),
        check=check,
        max_examples=TOKEN_FORM_EXAMPLES,
    )


@pytest.fixture
def subscriber(world) -> tuple[Subscriber, str, str]:
    """A confirmed subscriber with their personal token, and an unconfirmed one's link."""
    subscription_services.subscriber_subscribe(
        email="anna@example.org", topics=[f"theme:{world.theme.slug}"], frequency="weekly"
    )
    anna = Subscriber.objects.get(email="anna@example.org")
    subscription_services.subscriber_confirm(
        raw_token=_known_token(Subscriber, anna.pk, "confirm_token_hash")
    )
    subscription_services.subscriber_subscribe(
        email="bo@example.org", topics=[f"theme:{world.theme.slug}"], frequency="immediate"
    )
    bo = Subscriber.objects.get(email="bo@example.org")
    _forget_emails()
    anna.refresh_from_db()
    return (
        anna,
        subscription_services.manage_token(anna),
        _known_token(Subscriber, bo.pk, "confirm_token_hash"),
    )


def test_subscription_manage_page(world, subscriber):
    anna, token, _confirm = subscriber
    url = reverse("subscriptions:manage", args=[token])
    strategy = form_post(
        {
            "themes": st.just(f"theme:{world.theme.slug}"),
            "districts": st.just(f"district:{world.terms['norrby'].slug}"),
            "items": st.none(),
            "frequency": choice(Frequency.values),
            "language": choice(["sv", "en"]),
        },
        hostile={"items": st.one_of(UNKNOWN_TOPICS, hostile_text())},
    )

    def check(submission, changed, response):
        expect_rows(changed, {Subscriber: 0}, allowed={SubscriptionTopic})
        anna.refresh_from_db()
        assert anna.frequency == submission.last("frequency")
        assert anna.language == submission.last("language")
        assert anna.topics.exists()

    fuzz_form(
        "subscription manage page /prenumerera/hantera/<token>/",
        url,
        strategy,
        accepted=lambda r, s: redirected_to(r, url),
        check=check,
    )


def test_subscription_links(subscriber):
    """Confirm, ask for a new link and unsubscribe: buttons whose extra fields mean nothing."""
    anna, token, confirm = subscriber
    manage = reverse("subscriptions:manage", args=[token])
    for name, url, accepted, check in [
        (
            "subscription confirmation /prenumerera/bekrafta/<token>/",
            reverse("subscriptions:confirm", args=[confirm]),
            lambda r, s: r.status_code == 302,
            lambda s, changed, r: Subscriber.objects.get(email="bo@example.org").confirmed_at,
        ),
        (
            "new subscription link /prenumerera/hantera/<token>/ny-lank/",
            reverse("subscriptions:reconfirm", args=[token]),
            lambda r, s: s.method == "POST" and redirected_to(r, manage),
            lambda s, changed, r: expect_rows(changed, {OutboundEmail: 1}),
        ),
        (
            "unsubscribe /prenumerera/avsluta/<token>/",
            reverse("subscriptions:unsubscribe", args=[token]),
            lambda r, s: rendered(r, "subscriptions/unsubscribed.html"),
            lambda s, changed, r: expect_rows(
                changed, {Subscriber: -1}, allowed={SubscriptionTopic}
            ),
        ),
    ]:
        fuzz_form(
            name,
            url,
            form_post({"confirm": st.just("1")}, methods=("POST", "GET", "HEAD")),
            accepted=accepted,
            check=check,
            max_examples=QUERY_EXAMPLES,
        )


@pytest.fixture
def meeting_invitation(world) -> tuple[Invitation, str]:
    council = meeting_services.body_create(
        name="Samverkansrådet", slug="samverkansradet", kind=BodyKind.COUNCIL
    )
    person = meeting_services.person_create(name="Maria Haglund", email="maria@example.org")
    meeting_services.membership_add(
        body=council, person=person, start=timezone.localdate() - timedelta(days=30)
    )
    meeting = meeting_services.meeting_create(
        bodies=[council],
        title="Samverkansrådet",
        date=timezone.localdate() + timedelta(days=30),
        start_time=time(16),
        end_time=time(18),
        place="Föreningarnas Hus",
        visibility=Meeting.Visibility.PUBLIC,
    )
    meeting_services.notice_send(meeting=meeting)
    invitation = Invitation.objects.get(meeting=meeting, person=person)
    _forget_emails()
    return invitation, _known_token(Invitation, invitation.pk)


def test_meeting_invitation_answer(meeting_invitation):
    invitation, token = meeting_invitation
    url = reverse("meetings:invitation_respond", args=[token])

    def check(submission, changed, response):
        invitation.refresh_from_db()
        assert invitation.response == submission.last("response")
        expect_rows(changed, {})

    fuzz_form(
        "meeting invitation answer /svar/<token>/",
        url,
        form_post({"response": choice(Invitation.Response.values)}, methods=("POST", "PUT")),
        accepted=lambda r, s: redirected_to(r, url),
        check=check,
        max_examples=TOKEN_FORM_EXAMPLES,
    )


def test_login_link_use(world):
    login_link_send(email="ordf@norrbyik.example.org")
    link = LoginLink.objects.latest("pk")
    url = reverse("accounts:login_confirm", args=[_known_token(LoginLink, link.pk)])

    def check(submission, changed, response):
        link.refresh_from_db()
        assert link.is_used
        expect_rows(changed, {})

    fuzz_form(
        "login link use /konto/logga-in/lank/<token>/",
        url,
        form_post({"confirm": st.just("1")}, methods=("POST", "GET")),
        accepted=lambda r, s: redirected_to(r, reverse("core:home")),
        check=check,
        max_examples=QUERY_EXAMPLES,
    )


# --------------------------------------------------------------------------------------------
# Uploads: every form that takes files, with a hostile file in every example
# --------------------------------------------------------------------------------------------


def test_uploads(inquiry_tokens, world, open_consultation):
    """A valid form with a random, disguised or corrupted file: refused with a message, or
    stored whole; never a server error."""
    representative = session_of(world.representative)
    forms = [
        (
            reverse("inquiries:new"),
            None,
            "attachments",
            {"kind": "question", "subject": "Fråga", "text": "Text", "email": "anna@example.org"},
        ),
        (
            reverse("inquiries:status", args=[inquiry_tokens["status"]]),
            None,
            "attachments",
            {"text": "Svar"},
        ),
        (
            reverse("consultations:respond", args=[open_consultation.pk]),
            None,
            "file",
            {"name": "Anna", "email": "anna@example.org", "text": "Svar"},
        ),
        (
            reverse("consultations:respond", args=[open_consultation.pk]),
            representative,
            "file",
            {"organisation": str(world.norrby.pk), "text": "Svar"},
        ),
    ]
    name = "uploads (4 forms with files)"

    @settings(parent=PROFILE, max_examples=FORM_EXAMPLES)
    @given(
        form=st.sampled_from(range(len(forms))),
        uploads=st.lists(hostile_upload(), min_size=1, max_size=3),
    )
    def run(form: int, uploads) -> None:
        url, cookie, field_name, data = forms[form]
        with example(name):
            note(f"{url} {uploads!r}")
            before = table_counts()
            response = client_with(cookie).post(
                url, {**data, field_name: [u.file() for u in uploads]}
            )
            assert_ok(response, url)
            changed = changes(before, table_counts())
            if response.status_code == 302:
                ACCEPTED[name] += 1
                assert changed, "accepted but nothing stored"
            else:
                assert not changed, f"refused ({response.status_code}) but changed {changed}"

    run()
    assert EXAMPLES[name] >= FORM_EXAMPLES // 2


# --------------------------------------------------------------------------------------------
# Public pages with query parameters
# --------------------------------------------------------------------------------------------


def dates() -> st.SearchStrategy[str]:
    return st.dates().map(lambda d: d.isoformat())


def _get_endpoints(world: World, subscriber_token: str) -> list[tuple[str, dict]]:
    kinds = choice(OrganisationKind.values)
    themes = st.sampled_from(["", world.theme.slug])
    pages = hostile_number()
    bodies = st.sampled_from(["", "samverkansradet"])
    return [
        (
            reverse("search:results"),
            {
                "q": plain_text(),
                "typ": st.sampled_from(["", "organisation", "meeting"]),
                "fran": dates(),
                "till": dates(),
                "sida": pages,
            },
        ),
        (
            reverse("organisations:register"),
            {
                "q": plain_text(),
                "kind": kinds,
                "area": st.just("idrott"),
                "district": st.just("norrby"),
                "target_group": st.just("unga"),
                "sort": st.sampled_from(["name", "-name"]),
                "sida": pages,
            },
        ),
        (reverse("organisations:renewal_overview"), {}),
        (reverse("collaboration_map:map"), {"theme": themes, "organisation_kind": kinds}),
        (
            reverse("collaboration_map:map_embed_code"),
            {"theme": themes, "organisation_kind": kinds},
        ),
        (
            reverse("collaboration_map:map_embed_frame"),
            {"theme": themes, "organisation_kind": kinds},
        ),
        (reverse("collaboration_map:map_embed_svg"), {"theme": themes, "organisation_kind": kinds}),
        (
            reverse("collaboration_map:catalogue"),
            {
                "theme": themes,
                "organisation_kind": kinds,
                "kind": st.just("forum"),
                "sida": pages,
            },
        ),
        (
            reverse("collaboration_map:ladder"),
            {
                "organisation_kind": kinds,
                "want": st.just("grant"),
                "frequency": st.just("sometimes"),
                "theme": themes,
                "step": pages,
            },
        ),
        (reverse("meetings:calendar"), {"organ": bodies, "sida": pages, "tidigare": st.just("1")}),
        (reverse("meetings:body_list"), {}),
        (
            reverse("meetings:decisions"),
            {
                "q": plain_text(),
                "body": bodies,
                "year": st.just("2024"),
                "sida": pages,
            },
        ),
        (reverse("meetings:action_items"), {"body": bodies}),
        (reverse("meetings:carried_over"), {"body": bodies}),
        (
            reverse("meetings:attendance_statistics"),
            {
                "from": dates(),
                "to": dates(),
                "body": bodies,
                "group_by": st.sampled_from(["organisation", "department", "body", "person"]),
                "format": st.just("csv"),
            },
        ),
        (
            reverse("watchlist:list"),
            {
                "q": plain_text(),
                "status": st.sampled_from(["", "all", "ongoing"]),
                "kind": st.just("project"),
                "owner": st.just(str(world.department.pk)),
                "theme": themes,
                "district": st.just("norrby"),
                "sida": pages,
            },
        ),
        (reverse("watchlist:portfolio"), {"sida": pages}),
        (
            reverse("consultations:list"),
            {
                "state": st.just("open"),
                "theme": themes,
                "district": st.just("norrby"),
                "department": st.just(str(world.department.pk)),
                "sida": pages,
            },
        ),
        (reverse("subscriptions:subscribe"), {"amne": st.just(f"theme:{world.theme.slug}")}),
        (
            reverse("subscriptions:manage", args=[subscriber_token]),
            {"amne": st.just(f"theme:{world.theme.slug}")},
        ),
        (
            reverse("inquiries:new"),
            {
                "team": st.just("allmant"),
                "kind": choice(InquiryKind.values),
                "topic": st.just("idrott"),
            },
        ),
        (reverse("core:language", args=["en"]), {"next": st.sampled_from(["/", "/anslutna/"])}),
        (reverse("opendata:page"), {}),
        (reverse("opendata:register_csv"), {}),
        (reverse("opendata:register_json"), {}),
        (
            reverse("opendata:api_organisations"),
            {
                "page": st.just("1"),
                "page_size": st.just("50"),
                "q": plain_text(),
                "kind": kinds,
                "area": st.just("idrott"),
                "district": st.just("norrby"),
                "target_group": st.just("unga"),
            },
        ),
        (reverse("opendata:api_agreements"), {}),
        (reverse("subscriptions:feed"), {}),
        (reverse("meetings:public_feed"), {}),
        (reverse("core:home"), {}),
    ]


def _consumed(response) -> None:
    """Streamed files are written while they are read: read them, so errors show."""
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)


def test_query_parameters(world, subscriber, inquiry_setup):
    """Every public page with hostile query parameters: no server error, nothing written."""
    council = meeting_services.body_create(
        name="Samverkansrådet", slug="samverkansradet", kind=BodyKind.COUNCIL
    )
    assert council.pk
    endpoints = _get_endpoints(world, subscriber[1])
    name = f"query parameters ({len(endpoints)} pages)"
    examples = QUERY_EXAMPLES * len(endpoints) // 2

    tried: Counter[str] = Counter()

    @settings(parent=PROFILE, max_examples=examples)
    @given(data=st.data())
    def run(data) -> None:
        url, fields = endpoints[data.draw(st.integers(0, len(endpoints) - 1), label="page")]
        query = data.draw(query_params(fields), label="query")
        method = data.draw(st.sampled_from(["get"] * 6 + ["head", "options"]), label="method")
        tried[url] += 1
        with example(name):
            before = table_counts()
            response = getattr(Client(), method)(f"{url}?{urlencode(query, doseq=True)}")
            _consumed(response)
            assert_ok(response, f"{method} {url} {query}")
            assert changes(before, table_counts()) == {}, "a GET wrote to the database"

    run()
    assert EXAMPLES[name] >= examples // 2
    untried = [url for url, _fields in endpoints if not tried[url]]
    assert not untried, f"pages never tried: {untried}"


# --------------------------------------------------------------------------------------------
# Addresses with ids, slugs and tokens, with every method
# --------------------------------------------------------------------------------------------

PATHS = [
    "/overenskommelsen/{int}/",
    "/overenskommelsen/{int}/lattlast/",
    "/organisationer/{int}/",
    "/organisationer/{int}/andra/",
    "/underskrifter/{int}/lamna/",
    "/verifiera/{uuid}/",
    "/anslut/bekrafta/{token}/",
    "/anslut/fornya/{token}/",
    "/anslut/svara/{token}/",
    "/uteslutning/svar/{token}/",
    "/organ/{slug}/",
    "/organ/{slug}/kalender.ics",
    "/moten/{int}/",
    "/moten/{int}/minnesanteckningar.pdf",
    "/moten/{int}/kalender.ics",
    "/moten/bilagor/{int}/",
    "/svar/{token}/",
    "/kontaktytor/{slug}/",
    "/kontaktytor/organ/{slug}/",
    "/remisser/{int}/",
    "/remisser/{int}/dokument/{int}/",
    "/remisser/{int}/svar/{int}/fil/",
    "/remisser/{int}/svara/",
    "/remisser/{int}/svara/skickat/",
    "/remisser/bekrafta/{token}/",
    "/pa-gang/{int}/",
    "/en-vag-in/bekrafta/{token}/",
    "/en-vag-in/status/{token}/",
    "/en-vag-in/status/{token}/bilagor/{int}/",
    "/konto/logga-in/lank/{token}/",
    "/prenumerera/bekrafta/{token}/",
    "/prenumerera/hantera/{token}/",
    "/prenumerera/hantera/{token}/ny-lank/",
    "/prenumerera/avsluta/{token}/",
    "/flode/{token}/{token}.atom",
    "/flode/tema/{token}.atom",
    "/flode/organ/{token}.atom",
    "/sprak/{token}/",
    "/api/v1/organisations/{int}/",
    "/api/v1/verify/{uuid}/",
    "/api/v1/{token}/",
    "/api/v1/{token}/{token}/",
]


def path_parts() -> dict[str, st.SearchStrategy[str]]:
    return {
        "int": st.one_of(
            st.integers(0, 2**80).map(str),
            st.sampled_from(["1", "2", "0", "00001", "9223372036854775807", "9" * 40]),
        ),
        "slug": st.one_of(
            st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True),
            st.sampled_from(["samverkansradet", "-", "_", "a" * 400]),
        ),
        "uuid": st.uuids().map(str),
        "token": st.one_of(hostile_text(), st.sampled_from(["tema", "boende", "theme:boende"]))
        .filter(bool)
        .map(lambda v: quote(v[:2000], safe="")),
    }


def test_addresses_with_parameters(world, open_consultation):
    """Made-up ids, slugs and tokens with every method: a 4xx or a page, never a 5xx, and
    nothing written by anyone who holds no valid link."""
    name = f"addresses with ids, slugs and tokens ({len(PATHS)} patterns)"
    parts = path_parts()
    examples = 4 * len(PATHS)
    tried: Counter[str] = Counter()

    @settings(parent=PROFILE, max_examples=examples)
    @given(data=st.data())
    def run(data) -> None:
        pattern = PATHS[data.draw(st.integers(0, len(PATHS) - 1), label="pattern")]
        path = pattern
        for kind in ("int", "slug", "uuid", "token"):
            while "{" + kind + "}" in path:
                path = path.replace("{" + kind + "}", data.draw(parts[kind], label=kind), 1)
        method = data.draw(
            st.sampled_from(["get", "get", "post", "head", "put", "delete", "patch", "options"]),
            label="method",
        )
        body = data.draw(
            st.dictionaries(
                st.sampled_from(["text", "response", "email"]), hostile_text(), max_size=2
            ),
            label="body",
        )
        tried[pattern] += 1
        with example(name):
            before = table_counts()
            client = Client()
            if method == "post":
                response = client.post(path, body)
            elif method in ("put", "patch", "delete"):
                response = getattr(client, method)(
                    path, urlencode(body), content_type="application/x-www-form-urlencoded"
                )
            else:
                response = getattr(client, method)(path)
            _consumed(response)
            assert_ok(response, f"{method} {path}")
            assert changes(before, table_counts()) == {}, "a made-up address wrote something"

    run()
    assert EXAMPLES[name] >= examples // 2
    assert len(tried) >= len(PATHS) * 3 // 4, "most patterns are tried"


# --------------------------------------------------------------------------------------------
# The rate limits that the examples above clear, where no other test had them
# --------------------------------------------------------------------------------------------

AN_HOUR = "Försök igen om en timme"


def test_feedback_is_limited_to_five_an_hour_per_address(db):
    url = reverse("core:contact")
    data = {"topic": "other", "message": "Bra sida!"}
    for _ in range(5):
        assert Client().post(url, data).status_code == 302
    refused = Client().post(url, data)
    assert refused.status_code == 200 and AN_HOUR in refused.content.decode()
    assert OutboundEmail.objects.count() == 5
    assert Client().post(url, data, REMOTE_ADDR="192.0.2.9").status_code == 302


def test_open_consultation_responses_are_limited_per_email(open_consultation):
    url = reverse("consultations:respond", args=[open_consultation.pk])
    data = {"name": "Anna", "email": "anna@example.org", "text": "Ett svar."}
    for _ in range(5):
        assert Client().post(url, data).status_code == 302
    refused = Client().post(url, data)
    assert refused.status_code == 200 and AN_HOUR in refused.content.decode()
    assert ConsultationResponse.objects.count() == 5


def test_the_inquiry_senders_answers_are_limited_per_address(inquiry_tokens):
    url = reverse("inquiries:status", args=[inquiry_tokens["status"]])
    for n in range(30):
        assert Client().post(url, {"text": f"Tillägg {n}"}).status_code == 302
    before = InquiryMessage.objects.count()
    refused = Client().post(url, {"text": "Ett till"})
    assert refused.status_code == 200
    assert "Försök igen om en timme" in refused.content.decode()
    assert InquiryMessage.objects.count() == before


def test_a_new_subscription_link_is_sent_three_times_an_hour(subscriber):
    _anna, token, _confirm = subscriber
    url = reverse("subscriptions:reconfirm", args=[token])
    for _ in range(4):
        Client().post(url)
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED).count() == 3


# --------------------------------------------------------------------------------------------
# What the examples found, kept as plain tests
# --------------------------------------------------------------------------------------------


def test_a_language_link_whose_next_is_not_a_path_on_the_site_goes_home(db):
    for next_url in ["abc", "a\x00b", "2024-12-31T25:61:61", "//evil.example/", "https://x.se/"]:
        response = Client().get(reverse("core:language", args=["en"]), {"next": next_url})
        assert response.status_code == 302
        assert response["Location"] == "/"


def _damaged_docx(*, version: int | None = None, bad_name: bool = False) -> bytes:
    data = bytearray(DOCX_BYTES)
    header = bytes(data).index(b"PK\x01\x02")  # the first central directory entry
    if version is not None:
        struct.pack_into("<H", data, header + 6, version)  # version needed to extract
    if bad_name:
        flags = struct.unpack_from("<H", data, header + 8)[0]
        struct.pack_into("<H", data, header + 8, flags | 0x800)  # "the name is UTF-8"
        data[header + 46] = 0xFF  # and it is not
    return bytes(data)


@pytest.mark.parametrize("damage", [{"version": 64}, {"bad_name": True}])
def test_a_docx_with_a_damaged_zip_header_is_refused_next_to_the_field(inquiry_setup, damage):
    upload = SimpleUploadedFile("budget.docx", _damaged_docx(**damage))
    data = {"kind": "question", "subject": "Fråga", "text": "Text", "email": "anna@example.org"}
    response = Client().post(reverse("inquiries:new"), {**data, "attachments": [upload]})
    assert response.status_code == 200
    assert 'id="id_attachments_error"' in response.content.decode()
    assert not Inquiry.objects.exists()


def test_nul_bytes_in_addresses_are_never_looked_up(world, inquiry_setup, subscriber):
    """PostgreSQL refuses a NUL byte in a query; these addresses once passed one on."""
    manage = reverse("subscriptions:manage", args=[subscriber[1]])
    for url in [
        "/en-vag-in/?team=a%00b&topic=%00",
        "/prenumerera/?amne=theme:boende%00",
        f"{manage}?amne=district:%00",
        "/flode/tema/boende%00.atom",
    ]:
        assert Client().get(url).status_code in (200, 404), url


def test_an_api_address_with_a_line_break_gets_the_apis_json_404(db):
    response = Client().get("/api/v1/verify/a%0Ab/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "error" in response.json()
