"""Login with a one-time link sent by email, through HTTP and a real SMTP server."""

import re

import pytest
from django.urls import reverse

from samverkan.accounts.models import LoginLink
from samverkan.accounts.services import user_get_or_create
from samverkan.core.testing import links_in
from samverkan.outbox.services import outbox_deliver

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_login_link_works_once(client, smtp_server):
    user_get_or_create(email="Rep@Example.org", full_name="Rut Rep")
    response = client.post(reverse("accounts:login"), {"email": "rep@example.org"})
    assert response.status_code == 200
    outbox_deliver()
    (mail,) = smtp_server.wait_for(1)
    assert mail["To"] == "rep@example.org"
    link = path_of(links_in(mail)[0])

    assert client.get(link).status_code == 200
    assert "_auth_user_id" not in client.session, (
        "opening the link (mail scanners do) logs nobody in"
    )
    assert client.post(link).status_code == 302
    assert client.session["_auth_user_id"]

    client.logout()
    reused = client.post(link)
    assert reused.status_code == 410
    assert "_auth_user_id" not in client.session


def test_unknown_addresses_get_the_same_answer_and_no_email(client, smtp_server):
    response = client.post(reverse("accounts:login"), {"email": "nobody@example.org"})
    assert response.status_code == 200
    assert "nobody@example.org" in response.content.decode()
    assert outbox_deliver().sent == 0
    assert not LoginLink.objects.exists()


def test_expired_links_are_refused(client):
    user_get_or_create(email="rep@example.org")
    client.post(reverse("accounts:login"), {"email": "rep@example.org"})
    LoginLink.objects.update(expires_at="2020-01-01T00:00:00Z")
    from django.core.exceptions import ValidationError

    from samverkan.accounts.services import login_link_check

    with pytest.raises(ValidationError):
        login_link_check(raw_token="anything")
    assert client.post(reverse("accounts:login_confirm", args=["made-up"])).status_code == 410


def test_login_links_are_rate_limited(client):
    user_get_or_create(email="rep@example.org")
    for _ in range(5):
        client.post(reverse("accounts:login"), {"email": "rep@example.org"})
    response = client.post(reverse("accounts:login"), {"email": "rep@example.org"})
    assert "Försök igen om en timme" in response.content.decode()
    assert LoginLink.objects.count() == 5


def test_a_bad_email_gets_a_message(client):
    response = client.post(reverse("accounts:login"), {"email": "inte en adress"})
    assert response.status_code == 200
    assert "giltig e-postadress" in response.content.decode()


def test_logout_is_a_post(client):
    user = user_get_or_create(email="rep@example.org")
    client.force_login(user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
