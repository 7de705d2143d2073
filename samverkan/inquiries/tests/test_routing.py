"""Routing rules, the fallback team, the sender's own choice, and the warnings the secretary
sees about the rule set."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from samverkan.inquiries import services
from samverkan.inquiries.models import HandlingTeam, Inquiry
from samverkan.inquiries.routing import covers, route, routing_warnings
from samverkan.inquiries.tests.conftest import URLS
from samverkan.outbox.models import OutboundEmail

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]


def test_a_rule_needs_all_its_conditions(setup, register):
    by_words, _ = register(kind="grant", text="Vi söker hyresbidrag för vår lokal.")
    assert by_words.team == setup.grants
    assert by_words.routed_by_rule == setup.grant_rule
    wrong_kind, _ = register(kind="question", text="Vi undrar över hyresbidrag.")
    assert wrong_kind.team == setup.general, "the grant rule needs the kind grant as well"


def test_words_match_inside_swedish_compounds_and_in_the_subject(setup, register):
    inquiry, _ = register(kind="grant", subject="LOKALBIDRAGET 2026", text="Se rubriken.")
    assert inquiry.team == setup.grants


def test_the_topic_routes_and_priority_decides(setup, register):
    inquiry, _ = register(kind="grant", topic=setup.culture_topic, text="Om lokalbidrag.")
    assert inquiry.team == setup.grants, "rule 10 comes before rule 20"
    services.routing_rule_update(rule=setup.culture_rule, priority=5)
    inquiry, _ = register(kind="grant", topic=setup.culture_topic, text="Om lokalbidrag.")
    assert inquiry.team == setup.culture


def test_the_kind_of_organisation_from_the_register_routes(setup, register):
    services.routing_rule_create(team=setup.culture, priority=1, organisation_kind="association")
    inquiry, _ = register(organisation=setup.organisation)
    assert inquiry.organisation_kind == "association"
    assert inquiry.team == setup.culture


def test_what_no_rule_matches_goes_to_the_fallback_team(setup, register):
    inquiry, _ = register(kind="idea", text="Ett nytt spår i motionsslingan.")
    assert inquiry.team == setup.general
    assert inquiry.routed_by == Inquiry.RoutedBy.FALLBACK
    assert inquiry.events.get(kind="registered").note


def test_inactive_rules_are_skipped(setup, register):
    services.routing_rule_update(rule=setup.grant_rule, is_active=False)
    inquiry, _ = register(kind="grant", text="lokalbidrag")
    assert inquiry.team == setup.general


def test_the_team_the_sender_chose_goes_first(setup, register):
    inquiry, _ = register(kind="grant", text="lokalbidrag", requested_team=setup.culture)
    assert inquiry.team == setup.culture
    assert inquiry.routed_by == Inquiry.RoutedBy.SENDER


def test_the_form_preselects_team_and_kind_from_the_address(client, setup):
    page = client.get(reverse("inquiries:new") + "?team=kulturbidrag&kind=partnership")
    body = page.content.decode()
    assert '<option value="kulturbidrag" selected>' in body
    assert re.search(r'<input[^>]*value="partnership"[^>]*checked', body)
    unknown = client.get(reverse("inquiries:new") + "?team=finns-inte&kind=nonsense")
    assert unknown.status_code == 200
    body = unknown.content.decode()
    assert '<option value="" selected>' in body
    assert not re.search(r"<input[^>]*checked", body)


def test_without_any_fallback_team_nothing_is_lost_and_the_secretary_is_told(setup, register):
    HandlingTeam.objects.update(is_fallback=False)  # a database edited by hand
    inquiry, _ = register(kind="idea")
    assert inquiry.reference and inquiry.team is None
    assert inquiry.routed_by == Inquiry.RoutedBy.NONE
    assert OutboundEmail.objects.filter(to="sekreterare@example.org").exists()
    assert any(w.level == "error" for w in routing_warnings())


def test_a_team_with_nobody_in_it_still_gets_its_inquiries_and_the_secretary_is_told(
    setup, register
):
    empty = services.team_create(
        name="Föreningslokaler", slug="lokaler", function_email="lokaler@kommun.example.org"
    )
    services.routing_rule_create(team=empty, priority=1, kind="premises")
    inquiry, _ = register(kind="premises")
    assert inquiry.team == empty
    recipients = set(
        OutboundEmail.objects.filter(dedup_key__startswith=f"inquiry:{inquiry.pk}:").values_list(
            "to", flat=True
        )
    )
    assert {"sekreterare@example.org", "lokaler@kommun.example.org"} <= recipients
    assert any(w.team == empty and w.level == "warning" for w in routing_warnings())


def test_overlapping_and_shadowed_rules_are_pointed_out(setup):
    same = services.routing_rule_create(
        team=setup.culture, priority=30, kind="grant", words="hyresbidrag, lokalbidrag"
    )
    narrower = services.routing_rule_create(
        team=setup.culture, priority=40, kind="grant", words="lokalbidragsansökan"
    )
    with translation.override("en"):
        warnings = routing_warnings()
    overlap = [w for w in warnings if same in w.rules and setup.grant_rule in w.rules]
    assert overlap and "different teams" in overlap[0].message
    shadowed = [w for w in warnings if narrower in w.rules]
    assert shadowed and "never matches" in shadowed[0].message
    assert covers(setup.grant_rule, narrower)
    assert not covers(narrower, setup.grant_rule)


def test_a_kind_no_rule_names_is_noted_as_fallback_only(setup):
    with translation.override("en"):
        notes = [w for w in routing_warnings() if w.level == "info"]
    assert any("Consultation" in w.message for w in notes)
    assert not any("Grant" in w.message for w in notes), "the grant rule names its kind"


def test_route_is_a_plain_function_of_the_facts(setup):
    routing = route(
        kind="grant", topic_id=None, organisation_kind="", subject="x", text="Hyresbidrag"
    )
    assert routing.team == setup.grants
