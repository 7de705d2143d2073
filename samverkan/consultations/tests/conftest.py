"""Data for the tests of consultations, built through the real services.

``world``: the secretary, a department (Kommunledningsförvaltningen), two consultee
associations with approved representatives (Norrby IK: ordf@norrbyik.example.org, public
address info@norrbyik.example.org; Vivalla kulturförening: ordf@vivalla.example.org), an
association that is not a consultee (Söder schack: ordf@soderschack.example.org), a theme
and a district. ``consultation``: a draft with both consultees. ``opened``: the same, open
with reply-by in 14 days. ``client_for(user)``: a logged-in client.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from samverkan.accounts.models import Role, User
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.collaboration_map.services import theme_create
from samverkan.consultations import services
from samverkan.consultations.models import Consultation
from samverkan.organisations import services as organisation_services
from samverkan.organisations.models import District, Organisation
from samverkan.organisations.tests.conftest import make_agreement, sign_and_approve
from samverkan.outbox.models import OutboundEmail


@dataclass
class World:
    secretary: User
    department: Organisation
    norrby: Organisation
    vivalla: Organisation
    schack: Organisation
    norrby_rep: User
    vivalla_rep: User
    schack_rep: User
    theme: object
    district: District


@pytest.fixture
def world(db) -> World:
    secretary = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekreterare")
    role_grant(user=secretary, role=Role.SECRETARY)
    department = organisation_services.organisation_create(
        name="Kommunledningsförvaltningen", kind="municipal_department"
    )
    agreement = make_agreement("Överenskommelsen 2024–2027", date(2024, 1, 1), date(2027, 12, 31))
    orgs = {}
    for name, number, email in [
        ("Norrby IK", "802002-4280", "ordf@norrbyik.example.org"),
        ("Vivalla kulturförening", None, "ordf@vivalla.example.org"),
        ("Söder schack", None, "ordf@soderschack.example.org"),
    ]:
        orgs[name] = sign_and_approve(
            agreement, secretary, name=name, number=number, email=email
        ).organisation
    norrby = orgs["Norrby IK"]
    norrby.public_email = "info@norrbyik.example.org"
    norrby.save(update_fields=["public_email"])
    theme = theme_create(name="Boende")
    district = organisation_services.term_create(model=District, name="Vivalla", slug="vivalla")
    OutboundEmail.objects.update(status=OutboundEmail.Status.SENT)
    users = {u.email: u for u in User.objects.all()}
    return World(
        secretary=secretary,
        department=department,
        norrby=norrby,
        vivalla=orgs["Vivalla kulturförening"],
        schack=orgs["Söder schack"],
        norrby_rep=users["ordf@norrbyik.example.org"],
        vivalla_rep=users["ordf@vivalla.example.org"],
        schack_rep=users["ordf@soderschack.example.org"],
        theme=theme,
        district=district,
    )


def make_consultation(world: World, *, open_to_all: bool = False, title: str = "") -> Consultation:
    consultation = services.consultation_create(
        actor=world.secretary,
        title=title or "Remiss: vräkningsförebyggande arbete",
        department=world.department,
        reference_number="Ks 1216/2018",
        summary="Kommunen vill veta hur föreningarna kan hjälpa till att förebygga vräkningar.",
        easy_read_summary="Kommunen vill att färre ska förlora sitt hem.",
        open_to_all=open_to_all,
        themes=[world.theme],
        districts=[world.district],
    )
    for organisation in (world.norrby, world.vivalla):
        services.consultee_add(
            consultation=consultation, actor=world.secretary, organisation=organisation
        )
    return consultation


def open_consultation(world: World, consultation: Consultation, days: int = 14) -> Consultation:
    return services.consultation_open(
        consultation=consultation,
        actor=world.secretary,
        reply_by=timezone.localdate() + timedelta(days=days),
    )


@pytest.fixture
def consultation(world) -> Consultation:
    return make_consultation(world)


@pytest.fixture
def opened(world, consultation) -> Consultation:
    consultation = open_consultation(world, consultation)
    OutboundEmail.objects.update(status=OutboundEmail.Status.SENT)
    return consultation


@pytest.fixture
def client_for():
    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


def set_reply_by(consultation: Consultation, day: date) -> None:
    """Move time instead of waiting: the reply-by date as if it had been set long ago."""
    Consultation.objects.filter(pk=consultation.pk).update(reply_by=day)
    consultation.refresh_from_db()


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "svar.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")
