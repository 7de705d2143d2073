"""The shared pages: start, accessibility statement, privacy, contact form."""

import pytest
from django.urls import reverse

from samverkan.outbox.services import outbox_deliver

pytestmark = pytest.mark.django_db


def test_the_accessibility_statement_has_what_digg_asks_for(client):
    body = client.get(reverse("core:accessibility")).content.decode()
    assert "Älvstads kommun" in body
    assert body.count("delvis förenlig") == 1
    assert 'href="https://www.digg.se/tdosanmalan"' in body
    assert reverse("core:contact") in body
    assert body.count('<time datetime="') == 2


def test_every_page_links_the_statement_and_privacy_in_the_footer(client):
    for url in ["/", reverse("core:contact"), reverse("accounts:login"), "/finns-inte/"]:
        body = client.get(url).content.decode()
        assert reverse("core:accessibility") in body and reverse("core:privacy") in body


def test_feedback_reaches_the_function_mailbox(client, smtp_server, settings):
    response = client.post(
        reverse("core:contact"),
        {
            "topic": "accessibility",
            "message": "Knappen går inte att nå med tangentbordet.",
            "email": "besok@example.org",
        },
    )
    assert response.status_code == 302
    outbox_deliver()
    (mail,) = smtp_server.wait_for(1)
    assert mail["To"] == settings.CONTACT_EMAIL
    assert mail["Reply-To"] == "besok@example.org"
    assert "tangentbordet" in mail.get_content()


def test_feedback_without_a_message_is_refused_with_a_message(client):
    response = client.post(reverse("core:contact"), {"topic": "other", "message": ""})
    assert response.status_code == 200
    assert "Detta fält måste fyllas i" in response.content.decode()


def test_an_unknown_page_is_a_friendly_404(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert (
        "Sidan finns inte" in response.content.decode()
        or "hittades inte" in response.content.decode()
    )
