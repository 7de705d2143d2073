"""An organisation that exists only through a signature nobody has approved is not published."""

import pytest
from django.test import Client
from django.urls import reverse

from samverkan.accounts.services import user_get_or_create
from samverkan.organisations import services
from samverkan.organisations.tests.conftest import sign_and_approve

pytestmark = pytest.mark.django_db


def _apply(agreement, name: str):
    data = {
        "name": name,
        "kind": "network",
        "organisation_number": "",
        "website": "",
        "public_email": "",
        "description": "Ogranskad text.",
        "easy_read_description": "",
        "signatory_name": "Vera Väntar",
        "signatory_role": "ordförande",
        "signatory_email": "vera@example.org",
        "areas": [],
        "target_groups": [],
        "districts": [],
    }
    application = services.signature_application_submit(agreement=agreement, data=data)
    return services.signature_application_confirm(raw_token=application.raw_token)


def test_a_pending_application_is_published_only_when_approved(client, agreement, secretary):
    signature = _apply(agreement, "Väntande nätverket")
    url = reverse("organisations:organisation_detail", args=[signature.organisation_id])
    assert client.get(url).status_code == 404
    signatory = Client()
    signatory.force_login(user_get_or_create(email="vera@example.org"))
    assert signatory.get(url).status_code == 404, "not even the signatory, before approval"
    secretary_client = Client()
    secretary_client.force_login(secretary)
    assert secretary_client.get(url).status_code == 200

    services.signature_approve(signature=signature, actor=secretary)
    assert client.get(url).status_code == 200
    services.signature_withdraw(signature=signature, actor=secretary, reason="Nedlagt")
    assert client.get(url).status_code == 200, "once approved, its history stays public"


def test_a_declined_application_is_never_published(client, agreement, secretary):
    signature = _apply(agreement, "Avböjda nätverket")
    services.signature_decline(signature=signature, actor=secretary, reason="Nej.")
    url = reverse("organisations:organisation_detail", args=[signature.organisation_id])
    assert client.get(url).status_code == 404


def test_a_renewal_waiting_for_review_keeps_the_page(client, agreement, secretary):
    signature = sign_and_approve(agreement, secretary, name="Norrby IK", kind="network")
    signature = services.signature_withdraw(signature=signature, actor=secretary, reason="Paus")
    _apply(agreement, "Norrby IK")  # a new, pending signature of a new organisation
    url = reverse("organisations:organisation_detail", args=[signature.organisation_id])
    assert client.get(url).status_code == 200


def test_an_organisation_that_never_applied_is_public(client):
    department = services.organisation_create(
        name="Kultur- och fritidsförvaltningen", kind="municipal_department"
    )
    url = reverse("organisations:organisation_detail", args=[department.pk])
    assert client.get(url).status_code == 200


def test_the_thank_you_page_links_to_the_page_only_when_it_is_public(client, agreement):
    data = {
        "name": "Nya nätverket",
        "kind": "network",
        "organisation_number": "",
        "website": "",
        "public_email": "",
        "description": "",
        "easy_read_description": "",
        "signatory_name": "Nils Ny",
        "signatory_role": "ordförande",
        "signatory_email": "nils@example.org",
        "areas": [],
        "target_groups": [],
        "districts": [],
    }
    application = services.signature_application_submit(agreement=agreement, data=data)
    response = client.post(
        reverse("organisations:sign_confirm", args=[application.raw_token]), {"accept_values": "on"}
    )
    assert response.status_code == 200
    application.refresh_from_db()
    organisation = application.organisation
    assert organisation is not None and application.signature is not None, "signed"
    assert reverse("organisations:organisation_detail", args=[organisation.pk]) not in (
        response.content.decode()
    )
