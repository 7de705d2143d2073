"""Data for the tests of En väg in, built through the real services.

``secretary``
    A user with the secretary role (sekreterare@example.org).
``setup``
    A :class:`Setup` with three handling teams and their members, made with ``team_create``:
    ``general`` ("En väg in – allmänt", the fallback team, member Alva), ``grants``
    ("Lokalbidrag", member Lena, function address lokalbidrag@kommun.example.org, target
    2 working days) and ``culture`` ("Kulturbidrag", member Kurt, target 4 hours); the topics
    Idrott and Kultur; routing rules (grant + the words lokalbidrag/hyresbidrag → Lokalbidrag;
    topic Kultur → Kulturbidrag); and a signatory organisation, Norrby IK.
``client_for``
    ``client_for(user)`` gives a new test client logged in as ``user`` (``None``: anonymous).
``register``
    ``register(**fields)`` submits and confirms an inquiry through the services and returns
    ``(inquiry, status_token)``; no email is delivered.

Helpers: ``form_data(**overrides)`` (a valid form), ``path_of(url)`` (the path of a link in an
email), ``pdf(name)`` (a small real PDF upload).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from samverkan.accounts.models import Role, User
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.inquiries import services
from samverkan.inquiries.models import HandlingTeam, Inquiry, RoutingRule
from samverkan.organisations import services as organisation_services
from samverkan.organisations.models import Area, Organisation
from samverkan.organisations.tests.conftest import make_agreement, sign_and_approve
from samverkan.outbox.models import OutboundEmail

URLS = "samverkan.inquiries.tests.urls"


@dataclass
class Setup:
    general: HandlingTeam
    grants: HandlingTeam
    culture: HandlingTeam
    alva: User
    lena: User
    kurt: User
    sport: Area
    culture_topic: Area
    grant_rule: RoutingRule
    culture_rule: RoutingRule
    organisation: Organisation


@pytest.fixture
def secretary(db) -> User:
    user = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekreterare")
    role_grant(user=user, role=Role.SECRETARY)
    return user


@pytest.fixture
def setup(db, secretary) -> Setup:
    general = services.team_create(
        name="En väg in – allmänt",
        slug="allmant",
        description="Tar emot det som inte hör till något annat team.",
        member_emails=["alva@kommun.example.org"],
        is_fallback=True,
    )
    grants = services.team_create(
        name="Lokalbidrag",
        slug="lokalbidrag",
        description="Bidrag till föreningars lokaler.",
        function_email="lokalbidrag@kommun.example.org",
        member_emails=["lena@kommun.example.org"],
    )
    culture = services.team_create(
        name="Kulturbidrag",
        slug="kulturbidrag",
        reply_target=4,
        reply_target_unit="hours",
        member_emails=["kurt@kommun.example.org"],
    )
    sport = organisation_services.term_create(model=Area, name="Idrott", slug="idrott")
    culture_topic = organisation_services.term_create(model=Area, name="Kultur", slug="kultur")
    grant_rule = services.routing_rule_create(
        team=grants, priority=10, kind="grant", words="lokalbidrag, hyresbidrag"
    )
    culture_rule = services.routing_rule_create(team=culture, priority=20, topic=culture_topic)
    agreement = make_agreement("Överenskommelsen 2024–2027", date(2024, 1, 1), date(2027, 12, 31))
    signature = sign_and_approve(
        agreement,
        secretary,
        name="Norrby IK",
        number="802002-4280",
        email="ordf@norrbyik.example.org",
    )
    users = {u.email: u for u in User.objects.filter(email__endswith="@kommun.example.org")}
    for email, name in [
        ("alva@kommun.example.org", "Alva Allmän"),
        ("lena@kommun.example.org", "Lena Lokal"),
        ("kurt@kommun.example.org", "Kurt Kultur"),
    ]:
        users[email].full_name = name
        users[email].save(update_fields=["full_name"])
    # The register's own emails (the signature) are not this app's business.
    OutboundEmail.objects.update(status=OutboundEmail.Status.SENT)
    return Setup(
        general=general,
        grants=grants,
        culture=culture,
        alva=users["alva@kommun.example.org"],
        lena=users["lena@kommun.example.org"],
        kurt=users["kurt@kommun.example.org"],
        sport=sport,
        culture_topic=culture_topic,
        grant_rule=grant_rule,
        culture_rule=culture_rule,
        organisation=signature.organisation,
    )


@pytest.fixture
def client_for():
    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def register(db):
    def make(**fields) -> tuple[Inquiry, str]:
        values = {
            "kind": "question",
            "subject": "Hur söker vi bidrag?",
            "text": "Vi är en ny förening och undrar hur det går till.",
            "sender_email": "anna@example.org",
            "sender_name": "Anna Andersson",
            **fields,
        }
        draft = services.inquiry_submit(**values)
        return services.inquiry_confirm(raw_token=draft.raw_token)

    return make


def form_data(**overrides) -> dict:
    data = {
        "kind": "grant",
        "subject": "Lokalbidrag för klubbstugan",
        "text": "Vi vill söka lokalbidrag för vår klubbstuga i Norrby. Hur gör vi?",
        "topic": "",
        "team": "",
        "organisation_name": "Norrby IK",
        "organisation_kind": "",
        "sender_name": "Anna Andersson",
        "email": "anna@example.org",
    }
    data.update(overrides)
    return data


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "budget.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")
