"""Signing the agreement through HTTP, with email through a real local SMTP server."""

import re

import pytest
from django.urls import reverse

from samverkan.core.testing import links_in
from samverkan.organisations.models import (
    Organisation,
    Representation,
    Signature,
    SignatureApplication,
    SignatureStatus,
)
from samverkan.organisations.tests.conftest import sign_and_approve
from samverkan.outbox.services import outbox_deliver

pytestmark = pytest.mark.django_db

VALID_NUMBER = "802002-4280"


def form_data(**overrides):
    data = {
        "name": "Norrby Schackklubb",
        "kind": "association",
        "organisation_number": VALID_NUMBER,
        "website": "norrbyschack.example.org",
        "public_email": "info@norrbyschack.example.org",
        "description": "Vi spelar schack med barn och vuxna.",
        "easy_read_description": "Vi spelar schack.",
        "signatory_name": "Anna Andersson",
        "signatory_role": "ordförande",
        "signatory_email": "anna@example.org",
    }
    data.update(overrides)
    return data


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_signing_flow_from_form_to_approval(client, agreement, secretary, terms, smtp_server):
    """A representative without an account signs; confirms by email; the secretary approves;
    both sides are told by email; the organisation then appears in the public register."""
    response = client.post(
        reverse("organisations:sign"),
        {**form_data(), "areas": [terms["idrott"].pk], "districts": [terms["angsbacka"].pk]},
    )
    assert response.status_code == 302
    assert not Organisation.objects.exists(), "nothing is registered before the email is confirmed"

    outbox_deliver()
    (confirm_mail,) = smtp_server.wait_for(1)
    assert confirm_mail["To"] == "anna@example.org"
    assert "Norrby Schackklubb" in confirm_mail["Subject"]
    confirm_path = path_of(links_in(confirm_mail)[0])

    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "Självständighet och oberoende" in page.content.decode(), "the values are shown"

    refused = client.post(confirm_path, {})
    assert refused.status_code == 200
    assert "Kryssa i rutan" in refused.content.decode()
    assert not Signature.objects.exists()

    done = client.post(confirm_path, {"accept_values": "on"})
    assert done.status_code == 200
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.PENDING
    assert signature.organisation.organisation_number == VALID_NUMBER
    assert list(signature.organisation.areas.all()) == [terms["idrott"]]
    assert Representation.objects.get().approved is False

    outbox_deliver()
    smtp_server.wait_for(3)
    assert len(smtp_server.to("anna@example.org")) == 2
    (to_secretary,) = smtp_server.to("sekreterare@example.org")
    review_path = path_of(links_in(to_secretary)[0])

    register = client.get(reverse("organisations:register"))
    assert "Norrby Schackklubb" not in register.content.decode(), (
        "pending signatures are not listed"
    )

    client.force_login(secretary)
    assert client.get(review_path).status_code == 200
    approved = client.post(review_path, {"action": "approve", "approve-note": "Välkomna!"})
    assert approved.status_code == 302
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.ACTIVE
    assert [e.kind for e in signature.events.all()] == ["submitted", "approved"]
    assert Representation.objects.get().approved is True

    outbox_deliver()
    smtp_server.wait_for(4)
    approval_mail = smtp_server.to("anna@example.org")[-1]
    assert "/verifiera/" in approval_mail.get_content() or any(
        "/verifiera/" in link for link in links_in(approval_mail)
    )

    client.logout()
    register = client.get(reverse("organisations:register"))
    assert "Norrby Schackklubb" in register.content.decode()


def test_a_used_confirmation_link_says_so_and_signs_nothing_twice(client, agreement, smtp_server):
    client.post(reverse("organisations:sign"), form_data())
    outbox_deliver()
    confirm_path = path_of(links_in(smtp_server.wait_for(1)[0])[0])
    client.post(confirm_path, {"accept_values": "on"})
    again = client.post(confirm_path, {"accept_values": "on"})
    assert again.status_code == 410
    assert "redan bekräftats" in again.content.decode()
    assert Signature.objects.count() == 1


def test_an_expired_confirmation_link_is_refused(client, agreement, smtp_server):
    client.post(reverse("organisations:sign"), form_data())
    SignatureApplication.objects.update(expires_at="2020-01-01T00:00:00Z")
    outbox_deliver()
    confirm_path = path_of(links_in(smtp_server.wait_for(1)[0])[0])
    response = client.get(confirm_path)
    assert response.status_code == 410
    assert "gått ut" in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_made_up_link_is_refused(client, agreement):
    response = client.get(reverse("organisations:sign_confirm", args=["nonsense"]))
    assert response.status_code == 410


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation_number", "802002-4281", "kontrollsiffra"),
        ("organisation_number", "12345", "10 siffror"),
        ("organisation_number", "19800101-1234", "personnummer"),
        ("organisation_number", "", "organisationsnumret"),
        ("name", "", "Detta fält måste fyllas i"),
        ("name", "x" * 201, "som mest 200 tecken"),
        ("signatory_email", "not-an-email", "giltig e-postadress"),
        ("description", "<script>alert(1)</script>", "HTML"),
        ("signatory_name", "Anna <b>A</b>", "HTML"),
    ],
)
def test_bad_input_gets_a_swedish_message_next_to_the_field_and_nothing_is_saved(
    client, agreement, field, value, message
):
    response = client.post(reverse("organisations:sign"), form_data(**{field: value}))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert f'id="id_{field}_error"' in body, "the message stands next to the field"
    assert "aria-describedby" in body
    assert not SignatureApplication.objects.exists()
    assert not Organisation.objects.exists()


def test_networks_may_sign_without_an_organisation_number(client, agreement):
    response = client.post(
        reverse("organisations:sign"), form_data(kind="network", organisation_number="")
    )
    assert response.status_code == 302
    assert SignatureApplication.objects.count() == 1


def test_a_double_submission_sends_one_email(client, agreement, smtp_server):
    client.post(reverse("organisations:sign"), form_data())
    client.post(reverse("organisations:sign"), form_data())
    outbox_deliver()
    smtp_server.wait_for(1)
    assert SignatureApplication.objects.count() == 1
    assert len(smtp_server.messages) == 1


def test_an_existing_organisation_number_points_to_the_existing_organisation(
    client, agreement, secretary
):
    existing = sign_and_approve(
        agreement, secretary, name="Norrby Schackklubb", number=VALID_NUMBER
    )
    response = client.post(reverse("organisations:sign"), form_data(name="Norrby SK"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "har redan undertecknat" in body
    assert reverse("organisations:organisation_detail", args=[existing.organisation_id]) in body
    assert Organisation.objects.count() == 1


def test_a_near_identical_name_is_pointed_out_before_a_duplicate_is_made(
    client, agreement, secretary, previous_agreement
):
    sign_and_approve(
        previous_agreement,
        secretary,
        name="Betlehemskyrkan",
        kind="faith_community",
        number="802002-4280",
    )
    data = form_data(
        name="Betlehems kyrkan", kind="faith_community", organisation_number="202100-5448"
    )
    first = client.post(reverse("organisations:sign"), data)
    assert first.status_code == 200
    body = first.content.decode()
    assert "Är det här er organisation?" in body
    assert "Betlehemskyrkan" in body
    assert SignatureApplication.objects.count() == 1, "only the first organisation's own"

    existing_pk = Organisation.objects.get().pk
    chosen = client.post(reverse("organisations:sign"), {**data, "existing": str(existing_pk)})
    assert chosen.status_code == 302
    application = SignatureApplication.objects.latest("pk")
    assert application.organisation_id == existing_pk
    assert Organisation.objects.count() == 1


def test_word_order_and_case_do_not_hide_a_duplicate(client, agreement, secretary):
    sign_and_approve(agreement, secretary, name="Folkets hus Vintrosa", number=VALID_NUMBER)
    response = client.post(
        reverse("organisations:sign"),
        form_data(name="vintrosa folkets hus", organisation_number="202100-5448"),
    )
    assert "Är det här er organisation?" in response.content.decode()


def test_a_second_signature_for_the_same_period_is_refused(agreement, secretary):
    from django.core.exceptions import ValidationError

    from samverkan.organisations import services

    signature = sign_and_approve(agreement, secretary, name="Åsens IF", number=VALID_NUMBER)
    with pytest.raises(ValidationError, match="redan undertecknat"):
        services.signature_application_submit(
            agreement=agreement,
            organisation=signature.organisation,
            data={
                "name": "Åsens IF",
                "signatory_name": "B",
                "signatory_role": "r",
                "signatory_email": "b@example.org",
            },
        )


def test_signing_is_rate_limited_per_email(client, agreement):
    for n in range(10):
        client.post(
            reverse("organisations:sign"),
            form_data(name=f"Förening nummer {n}", kind="network", organisation_number=""),
        )
    response = client.post(
        reverse("organisations:sign"),
        form_data(name="Förening elva", kind="network", organisation_number=""),
    )
    assert response.status_code == 200
    assert "Försök igen om en timme" in response.content.decode()
    assert SignatureApplication.objects.count() == 10
