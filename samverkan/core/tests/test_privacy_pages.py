"""A privacy page per purpose, linked from the forms that collect personal data."""

import re

import pytest
from django.urls import reverse

from samverkan.core.privacy import PURPOSES

pytestmark = pytest.mark.django_db

HEADINGS = ("Vad vi sparar", "Varför", "Rättslig grund", "Vem kan se uppgifterna", "Hur länge")


@pytest.mark.parametrize("purpose", PURPOSES, ids=[p.slug for p in PURPOSES])
def test_each_purpose_has_its_page_with_basis_and_retention(client, purpose):
    response = client.get(reverse("core:privacy_purpose", args=[purpose.slug]))
    page = response.content.decode()
    assert response.status_code == 200
    for heading in HEADINGS:
        assert f"<dt>{heading}</dt>" in page, heading
    assert "GDPR artikel 6.1" in page
    overview = client.get(reverse("core:privacy")).content.decode()
    assert reverse("core:privacy_purpose", args=[purpose.slug]) in overview


def test_an_unknown_purpose_is_not_found(client):
    assert client.get("/personuppgifter/finns-inte/").status_code == 404


def test_every_translation_of_the_pages_is_swedish(client):
    for purpose in PURPOSES:
        page = client.get(reverse("core:privacy_purpose", args=[purpose.slug])).content.decode()
        main = page[page.index("<main") : page.index("</main>")]
        assert not re.search(r"\b(the|and|your|which)\b", main), purpose.slug


@pytest.mark.parametrize(
    ("template", "purpose"),
    [
        ("accounts/login.html", "konto"),
        ("core/contact.html", "kontakt"),
        ("inquiries/inquiry_form.html", "en-vag-in"),
        ("inquiries/inquiry_status.html", "en-vag-in"),
        ("organisations/sign.html", "anslutna"),
        ("organisations/sign_renew.html", "anslutna"),
        ("organisations/organisation_edit.html", "anslutna"),
        ("organisations/info_answer.html", "anslutna"),
        ("organisations/exclusion_respond.html", "anslutna"),
        ("consultations/response_form.html", "remisser"),
        ("subscriptions/subscribe.html", "prenumerationer"),
        ("meetings/invitation_respond.html", "moten"),
        ("meetings/people.html", "moten"),
        ("watchlist/watchitem_form.html", "pa-gang"),
    ],
)
def test_forms_that_collect_personal_data_link_to_their_purpose(template, purpose):
    from django.template.loader import get_template

    source = get_template(template).template.source
    assert f"'core:privacy_purpose' '{purpose}'" in source or f'purpose="{purpose}"' in source


def test_the_subscribe_form_as_served_links_to_its_purpose(client):
    page = client.get(reverse("subscriptions:subscribe")).content.decode()
    assert 'href="/personuppgifter/prenumerationer/"' in page
