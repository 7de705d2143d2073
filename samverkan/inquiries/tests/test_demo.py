"""The En väg in demo: teams for each grant type, rules, and inquiries in every state with
their threads, loaded through the services after the organisations demo.

Loaded once for the module inside a transaction that is rolled back at the end."""

from collections import Counter

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from samverkan.accounts.models import User
from samverkan.inquiries.demo import load_demo
from samverkan.inquiries.models import (
    HandlingTeam,
    Inquiry,
    InquiryCounter,
    InquiryEvent,
    InquiryStatus,
)
from samverkan.inquiries.routing import routing_warnings
from samverkan.inquiries.selectors import inquiry_statistics
from samverkan.inquiries.tests.conftest import URLS
from samverkan.organisations.demo import SECRETARY_EMAIL, DemoDatabaseNotEmpty
from samverkan.organisations.demo import load_demo as load_organisations
from samverkan.outbox.models import OutboundEmail

pytestmark = pytest.mark.urls(URLS)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> dict[str, int]:
    # The emails' links are reversed while loading, before the tests' urls marker applies.
    with django_db_blocker.unblock(), override_settings(ROOT_URLCONF=URLS), transaction.atomic():
        load_organisations(seed=2024)
        yield load_demo(seed=2024)
        transaction.set_rollback(True)


def test_the_teams_cover_every_grant_type_and_one_fallback(db, demo):
    names = set(HandlingTeam.objects.values_list("name", flat=True))
    assert {
        "Aktivitetsstöd",
        "Lokalbidrag",
        "Kulturbidrag",
        "Bidrag till sociala föreningar",
        "IOP och partnerskap",
        "Lokaler och bokning",
        "En väg in – allmänt",
    } <= names
    assert HandlingTeam.objects.get(is_fallback=True).slug == "allmant"
    assert not HandlingTeam.objects.filter(members=None).exists(), "every team has members"
    secretary = User.objects.get(email=SECRETARY_EMAIL)
    assert secretary.handling_teams.filter(slug="allmant").exists()
    assert not [w for w in routing_warnings() if w.level == "error"]


def test_there_are_inquiries_in_every_state_with_threads(db, demo):
    statuses = Counter(Inquiry.objects.values_list("status", flat=True))
    assert set(statuses) == set(InquiryStatus.values)
    assert statuses[InquiryStatus.CLOSED] >= 20
    assert Inquiry.objects.filter(anonymised_at__isnull=False).count() == 1
    assert Inquiry.objects.overdue().exists()
    assert Inquiry.objects.filter(routed_by=Inquiry.RoutedBy.SENDER).exists()
    assert Inquiry.objects.filter(routed_by=Inquiry.RoutedBy.RULE).exists()
    assert Inquiry.objects.filter(routed_by=Inquiry.RoutedBy.FALLBACK).exists()
    waiting = Inquiry.objects.get(status=InquiryStatus.WAITING_FOR_SENDER)
    assert waiting.messages.filter(kind="request").exists()
    answered = Inquiry.objects.filter(messages__direction="in").distinct()
    assert answered.exists()
    assert InquiryEvent.objects.filter(kind="forwarded").count() >= 2
    assert demo["inquiries"] == Inquiry.objects.count()
    assert demo["inquiries closed"] == statuses[InquiryStatus.CLOSED]


def test_the_story_lies_in_the_past_in_order(db, demo):
    now = timezone.now()
    for inquiry in Inquiry.objects.registered():
        assert inquiry.created_at <= inquiry.received_at <= now
        times = list(inquiry.events.values_list("at", flat=True))
        assert times == sorted(times), inquiry.reference
        if inquiry.first_reply_at:
            assert inquiry.received_at < inquiry.first_reply_at <= now
        if inquiry.closed_at:
            assert inquiry.received_at < inquiry.closed_at <= now


def test_each_years_numbers_run_without_gaps_in_order_of_arrival(db, demo):
    by_year: dict[int, list[str]] = {}
    for inquiry in Inquiry.objects.registered().order_by("received_at", "pk"):
        by_year.setdefault(timezone.localtime(inquiry.received_at).year, []).append(
            inquiry.reference
        )
    for year, references in by_year.items():
        assert references == [f"EVI-{year}-{n:05d}" for n in range(1, len(references) + 1)]
        assert InquiryCounter.objects.get(year=year).last_number == len(references)


def test_the_demo_sends_no_email(db, demo):
    assert not OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED).exists()


def test_the_secretarys_pages_show_the_demo(db, demo, client):
    client.force_login(User.objects.get(email=SECRETARY_EMAIL))
    assert client.get(reverse("inquiries:routing")).status_code == 200
    for team in HandlingTeam.objects.all():
        assert client.get(reverse("inquiries:team_queue", args=[team.slug])).status_code == 200
    page = client.get(reverse("inquiries:statistics")).content.decode()
    assert f'<dd id="total">{inquiry_statistics().total}</dd>' in page
    closed = Inquiry.objects.filter(status="closed").first()
    assert client.get(reverse("inquiries:detail", args=[closed.pk])).status_code == 200


def test_it_loads_only_once(db, demo):
    with pytest.raises(DemoDatabaseNotEmpty):
        load_demo(seed=2024)
