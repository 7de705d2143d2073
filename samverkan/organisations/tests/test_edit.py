"""A representative corrects the organisation's details; bad input loses nothing."""

import pytest
from django.urls import reverse

from samverkan.organisations.tests.conftest import sign_and_approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def represented(agreement, secretary, django_user_model, client):
    signature = sign_and_approve(
        agreement, secretary, name="Norrby IK", number="802002-4280", email="rep@example.org"
    )
    client.force_login(django_user_model.objects.get(email="rep@example.org"))
    return signature.organisation


def edit_data(**overrides):
    data = {
        "name": "Norrby Idrottsklubb",
        "kind": "association",
        "organisation_number": "802002-4280",
        "website": "https://norrbyik.example.org",
        "public_email": "info@norrbyik.example.org",
        "description": "Fotboll och friidrott.",
        "easy_read_description": "",
    }
    data.update(overrides)
    return data


def test_a_representative_updates_the_details_and_search_follows(client, represented, terms):
    url = reverse("organisations:organisation_edit", args=[represented.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {**edit_data(), "areas": [terms["kultur"].pk]})
    assert response.status_code == 302
    represented.refresh_from_db()
    assert represented.name == "Norrby Idrottsklubb"
    assert list(represented.areas.all()) == [terms["kultur"]]
    hits = client.get(reverse("organisations:register"), {"q": "idrottsklubbar"}).content.decode()
    assert "Norrby Idrottsklubb" in hits


def test_a_taken_organisation_number_is_refused_next_to_the_field(
    client, represented, agreement, secretary
):
    sign_and_approve(agreement, secretary, name="Åsens IF", number="202100-5448")
    url = reverse("organisations:organisation_edit", args=[represented.pk])
    response = client.post(url, edit_data(organisation_number="202100-5448"))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_organisation_number_error"' in body
    assert "Norrby Idrottsklubb" in body, "what was typed is still there"
    represented.refresh_from_db()
    assert represented.name == "Norrby IK", "nothing is half-saved"


def test_script_in_a_field_is_refused(client, represented):
    url = reverse("organisations:organisation_edit", args=[represented.pk])
    response = client.post(url, edit_data(description='<img src=x onerror="alert(1)">'))
    assert response.status_code == 200
    assert "HTML" in response.content.decode()
    represented.refresh_from_db()
    assert represented.description == ""


def test_anonymous_visitors_are_sent_to_log_in(represented, client):
    client.logout()
    response = client.get(reverse("organisations:organisation_edit", args=[represented.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
