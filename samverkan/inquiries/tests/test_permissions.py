"""Inquiries are never public. A team sees its own inquiries; the secretary sees them all;
another team's member gets a 404 as if the inquiry did not exist; an anonymous visitor is sent
to log in; the sender's private link shows only their own inquiry."""

import pytest
from django.urls import reverse

from samverkan.accounts.services import user_get_or_create
from samverkan.inquiries import services
from samverkan.inquiries.tests.conftest import URLS, pdf

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]


@pytest.fixture
def grant_inquiry(setup, register):
    inquiry, token = register(
        kind="grant", text="Vi söker lokalbidrag.", uploads=[pdf("hyresavtal.pdf")]
    )
    assert inquiry.team == setup.grants
    return inquiry, token


def team_paths(inquiry) -> list[str]:
    return [
        reverse("inquiries:detail", args=[inquiry.pk]),
        reverse("inquiries:attachment", args=[inquiry.pk, inquiry.attachments.get().pk]),
        reverse("inquiries:export", args=[inquiry.pk]),
        reverse("inquiries:erase", args=[inquiry.pk]),
    ]


def test_another_teams_member_gets_404_everywhere(setup, grant_inquiry, client_for):
    inquiry, _ = grant_inquiry
    kurt = client_for(setup.kurt)
    for path in team_paths(inquiry):
        assert kurt.get(path).status_code == 404, path
    assert kurt.post(team_paths(inquiry)[0], {"action": "take"}).status_code == 404
    assert kurt.get(reverse("inquiries:team_queue", args=["lokalbidrag"])).status_code == 404
    inquiry.refresh_from_db()
    assert inquiry.assigned_to is None


def test_the_queue_of_another_team_does_not_list_it(setup, grant_inquiry, client_for):
    inquiry, _ = grant_inquiry
    own = client_for(setup.kurt).get(reverse("inquiries:team_queue", args=["kulturbidrag"]))
    assert inquiry.reference not in own.content.decode()
    index = client_for(setup.kurt).get(reverse("inquiries:team_list")).content.decode()
    assert "Kulturbidrag" in index and "Lokalbidrag" not in index


def test_an_anonymous_visitor_is_sent_to_log_in(setup, grant_inquiry, client):
    inquiry, _ = grant_inquiry
    paths = [
        *team_paths(inquiry),
        reverse("inquiries:team_list"),
        reverse("inquiries:team_queue", args=["lokalbidrag"]),
        reverse("inquiries:routing"),
        reverse("inquiries:statistics"),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("accounts:login")), path


def test_a_logged_in_person_outside_every_team_is_refused(setup, grant_inquiry, client_for):
    inquiry, _ = grant_inquiry
    outsider = client_for(user_get_or_create(email="nyfiken@example.org"))
    assert outsider.get(reverse("inquiries:team_list")).status_code == 403
    assert outsider.get(reverse("inquiries:routing")).status_code == 403
    assert outsider.get(reverse("inquiries:statistics")).status_code == 403
    for path in team_paths(inquiry):
        assert outsider.get(path).status_code == 404, path


def test_the_team_sees_its_own_but_may_not_erase_or_administer(setup, grant_inquiry, client_for):
    inquiry, _ = grant_inquiry
    lena = client_for(setup.lena)
    detail, attachment, export, erase = team_paths(inquiry)
    assert lena.get(detail).status_code == 200
    assert lena.get(attachment).status_code == 200
    assert lena.get(export).status_code == 200
    assert lena.get(erase).status_code == 403
    assert lena.get(reverse("inquiries:routing")).status_code == 403
    assert lena.get(reverse("inquiries:statistics")).status_code == 403


def test_the_secretary_sees_every_team(setup, grant_inquiry, client_for, secretary):
    inquiry, _ = grant_inquiry
    sara = client_for(secretary)
    for path in team_paths(inquiry):
        assert sara.get(path).status_code == 200, path
    for team in ("allmant", "lokalbidrag", "kulturbidrag"):
        assert sara.get(reverse("inquiries:team_queue", args=[team])).status_code == 200


def test_an_unconfirmed_inquiry_is_seen_by_nobody(setup, client_for, secretary):
    draft = services.inquiry_submit(kind="idea", subject="Utkast", text="T", sender_email="a@b.se")
    path = reverse("inquiries:detail", args=[draft.pk])
    assert client_for(secretary).get(path).status_code == 404


def test_the_private_link_shows_only_the_senders_own_inquiry(setup, register, client):
    first, first_token = register(subject="Första ärendet", uploads=[pdf("egen.pdf")])
    second, second_token = register(
        subject="Andra ärendet", sender_email="bo@example.org", uploads=[pdf("annans.pdf")]
    )
    page = client.get(reverse("inquiries:status", args=[first_token])).content.decode()
    assert "Första ärendet" in page and "Andra ärendet" not in page
    others_file = second.attachments.get().pk
    assert (
        client.get(
            reverse("inquiries:status_attachment", args=[first_token, others_file])
        ).status_code
        == 404
    )
    own_file = first.attachments.get().pk
    response = client.get(reverse("inquiries:status_attachment", args=[first_token, own_file]))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "private, no-store"


def test_the_status_page_is_private(setup, register, client):
    _, token = register()
    response = client.get(reverse("inquiries:status", args=[token]))
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "same-origin", "the token never leaves the site"
    assert "noindex" in response["X-Robots-Tag"]
    assert "sekreterare@example.org" not in response.content.decode()
