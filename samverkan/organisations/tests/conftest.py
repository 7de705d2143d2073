"""Data for the register's tests, built through the real services."""

from datetime import date

import pytest

from samverkan.accounts.models import Role
from samverkan.accounts.services import role_grant, user_get_or_create
from samverkan.organisations import services
from samverkan.organisations.models import Agreement, AgreementSection, Area, District, TargetGroup


def make_agreement(title: str, start: date, end: date, *, publish: bool = True) -> Agreement:
    agreement = Agreement.objects.create(
        title=title,
        period_start=start,
        period_end=end,
        adopted_by="Kommunfullmäktige",
        introduction="Kommunen och civilsamhället samverkar.",
        easy_read_text="Vi jobbar tillsammans.",
    )
    AgreementSection.objects.create(
        agreement=agreement,
        kind="values",
        title="Värdegrund",
        body="Självständighet och oberoende. Dialog. Öppenhet.",
        easy_read_body="Vi lyssnar på varandra.",
    )
    AgreementSection.objects.create(
        agreement=agreement,
        kind="commitments",
        title="Åtaganden",
        body="Vi bjuder in tidigt.",
    )
    if publish:
        services.agreement_publish(agreement=agreement)
    return agreement


@pytest.fixture
def terms(db):
    return {
        "idrott": services.term_create(model=Area, name="Idrott", slug="idrott"),
        "kultur": services.term_create(model=Area, name="Kultur", slug="kultur"),
        "unga": services.term_create(model=TargetGroup, name="Unga", slug="unga"),
        "norrby": services.term_create(model=District, name="Norrby", slug="norrby"),
        "angsbacka": services.term_create(model=District, name="Ängsbacka", slug="angsbacka"),
    }


@pytest.fixture
def previous_agreement(db) -> Agreement:
    return make_agreement("Överenskommelsen 2020–2023", date(2020, 1, 1), date(2023, 12, 31))


@pytest.fixture
def agreement(db) -> Agreement:
    return make_agreement("Överenskommelsen 2024–2027", date(2024, 1, 1), date(2027, 12, 31))


@pytest.fixture
def secretary(db):
    user = user_get_or_create(email="sekreterare@example.org", full_name="Sara Sekreterare")
    role_grant(user=user, role=Role.SECRETARY)
    return user


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


def sign_pending(
    agreement,
    *,
    name: str,
    number: str | None = None,
    kind="association",
    email: str = "",
    terms=(),
    signatory_name: str = "Pia Persson",
    signatory_role: str = "ordförande",
) -> "services.Signature":
    """The real path up to the review: submit, confirm by link. The signature is pending."""
    data = {
        "name": name,
        "kind": kind,
        "organisation_number": number or "",
        "website": "",
        "public_email": "",
        "description": "",
        "easy_read_description": "",
        "signatory_name": signatory_name,
        "signatory_role": signatory_role,
        "signatory_email": email or f"{abs(hash(name)) % 10**8}@example.org",
        "areas": [t.pk for t in terms if isinstance(t, Area)],
        "target_groups": [t.pk for t in terms if isinstance(t, TargetGroup)],
        "districts": [t.pk for t in terms if isinstance(t, District)],
    }
    application = services.signature_application_submit(agreement=agreement, data=data)
    return services.signature_application_confirm(raw_token=application.raw_token)


def sign_and_approve(
    agreement,
    secretary,
    *,
    name: str,
    number: str | None = None,
    kind="association",
    email: str = "",
    terms=(),
) -> "services.Signature":
    """The real path: submit, confirm by link, approve."""
    signature = sign_pending(
        agreement, name=name, number=number, kind=kind, email=email, terms=terms
    )
    return services.signature_approve(signature=signature, actor=secretary)
