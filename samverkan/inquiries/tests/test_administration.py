"""The secretary edits teams and routing rules in the web interface and sees what is wrong
with them; there is always exactly one fallback team."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.inquiries import services
from samverkan.inquiries.models import HandlingTeam, RoutingRule
from samverkan.inquiries.tests.conftest import URLS

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]


@pytest.fixture
def sara(secretary, client_for):
    return client_for(secretary)


def test_the_secretary_creates_a_team_with_members_by_email(setup, sara):
    response = sara.post(
        reverse("inquiries:team_create"),
        {
            "name": "IOP och partnerskap",
            "slug": "iop",
            "description": "Idéburet offentligt partnerskap.",
            "function_email": "IOP@kommun.example.org",
            "reply_target": "5",
            "reply_target_unit": "working_days",
            "member_emails": "ida@kommun.example.org\nOla@Kommun.example.org",
        },
    )
    assert response.status_code == 302
    team = HandlingTeam.objects.get(slug="iop")
    assert team.function_email == "iop@kommun.example.org"
    assert sorted(team.members.values_list("email", flat=True)) == [
        "ida@kommun.example.org",
        "ola@kommun.example.org",
    ]
    assert not team.is_fallback
    page = sara.get(reverse("inquiries:routing")).content.decode()
    assert "IOP och partnerskap" in page
    assert "?team=iop" in page, "the link for the ladder and the map is shown"


def test_team_form_errors_are_shown_next_to_the_field(setup, sara):
    response = sara.post(
        reverse("inquiries:team_create"),
        {
            "name": "Lokalbidrag",
            "slug": "ny",
            "reply_target": "0",
            "reply_target_unit": "hours",
            "member_emails": "inte en adress",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_member_emails_error"' in body
    assert HandlingTeam.objects.count() == 3


def test_there_is_always_exactly_one_fallback_team(setup, sara):
    with pytest.raises(ValidationError):
        services.team_update(team=setup.general, is_fallback=False)
    response = sara.post(
        reverse("inquiries:team_edit", args=[setup.general.pk]),
        {
            "name": setup.general.name,
            "slug": "allmant",
            "reply_target": "2",
            "reply_target_unit": "working_days",
            "member_emails": "alva@kommun.example.org",
        },
    )
    assert response.status_code == 200
    assert 'id="id_is_fallback_error"' in response.content.decode()
    assert HandlingTeam.objects.get(is_fallback=True) == setup.general

    services.team_update(team=setup.culture, is_fallback=True)
    assert list(HandlingTeam.objects.filter(is_fallback=True)) == [setup.culture]


def test_the_first_team_becomes_the_fallback(db):
    team = services.team_create(name="Allmänt", slug="allmant")
    assert team.is_fallback
    second = services.team_create(name="Bidrag", slug="bidrag")
    assert not second.is_fallback


def test_the_secretary_adds_edits_and_removes_rules(setup, sara):
    response = sara.post(
        reverse("inquiries:rule_create"),
        {
            "priority": "5",
            "team": setup.culture.pk,
            "kind": "grant",
            "topic": "",
            "organisation_kind": "",
            "words": " Konsert,  utställning ,konsert",
            "note": "Arrangemang",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    rule = RoutingRule.objects.get(note="Arrangemang")
    assert rule.words == "Konsert, utställning", "tidied, duplicates dropped, case kept"
    sara.post(
        reverse("inquiries:rule_edit", args=[rule.pk]),
        {"priority": "50", "team": setup.culture.pk, "kind": "idea", "words": "konsert"},
    )
    rule.refresh_from_db()
    assert (rule.priority, rule.kind, rule.is_active) == (50, "idea", False)
    assert sara.post(reverse("inquiries:rule_delete", args=[rule.pk])).status_code == 302
    assert not RoutingRule.objects.filter(pk=rule.pk).exists()


def test_a_rule_without_conditions_is_refused(setup, sara):
    response = sara.post(
        reverse("inquiries:rule_create"), {"priority": "1", "team": setup.grants.pk}
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert RoutingRule.objects.count() == 2


def test_the_routing_page_shows_the_warnings(setup, sara):
    services.team_create(name="Föreningslokaler", slug="lokaler")
    services.routing_rule_create(team=setup.culture, priority=30, kind="grant", words="lokalbidrag")
    page = sara.get(reverse("inquiries:routing")).content.decode()
    assert "Föreningslokaler" in page and "status--pending" in page, "a team with nobody in it"
    assert "message--warning" in page
    assert reverse("inquiries:rule_edit", args=[setup.grant_rule.pk]) in page
    assert (
        reverse("inquiries:team_edit", args=[HandlingTeam.objects.get(slug="lokaler").pk]) in page
    )
