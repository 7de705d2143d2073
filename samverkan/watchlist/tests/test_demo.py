"""The demo watch list and portfolio, loaded after the other demos: every kind and status,
updates at the demo's public meetings, the imported items reused, nothing twice.

The demos are loaded once for the module inside a transaction rolled back at the end.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from samverkan.collaboration_map.demo import load_demo as load_map
from samverkan.meetings.demo import load_demo as load_meetings
from samverkan.meetings.models import Meeting
from samverkan.minutes_import.demo import load_demo as load_import
from samverkan.organisations.demo import load_demo as load_organisations
from samverkan.watchlist.demo import GOALS, ITEMS, PORTFOLIO, PRIORITIES, load_demo
from samverkan.watchlist.models import (
    Portfolio,
    WatchItem,
    WatchItemKind,
    WatchItemStatus,
    WatchItemUpdate,
)

TODAY = timezone.localdate()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic(), translation.override("sv"):
        load_organisations(seed=2024, today=TODAY)
        load_meetings(seed=2024, today=TODAY)
        load_import(today=TODAY)
        load_map(seed=2024)
        imported = set(WatchItem.objects.values_list("title", flat=True))
        counts = load_demo(seed=2024, today=TODAY)
        counts["_imported"] = imported
        counts["_again"] = load_demo(seed=2024, today=TODAY)
        yield counts
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_demo_has_every_kind_and_status_and_reuses_imported_items(demo):
    assert demo["watch_items"] >= 15
    assert demo["_imported"], "the minutes import demo put items on the list"
    assert demo["_imported"] <= set(WatchItem.objects.values_list("title", flat=True))
    assert demo["watch_items"] == len(ITEMS) + len(demo["_imported"])
    assert set(WatchItem.objects.values_list("kind", flat=True)) >= set(WatchItemKind.values)
    assert set(WatchItem.objects.values_list("status", flat=True)) == set(WatchItemStatus.values)
    assert demo["_again"] == {k: v for k, v in demo.items() if not k.startswith("_")}, (
        "loading twice adds nothing"
    )


@pytest.mark.django_db
def test_the_demo_updates_are_at_public_meetings_with_owners_and_themes(demo):
    dialogue = WatchItem.objects.get(title="Utveckla dialogen med det civila samhället")
    assert dialogue.status == WatchItemStatus.STRUCK
    assert list(dialogue.updates.values_list("status", flat=True)) == ["paused", "struck"]
    updates = WatchItemUpdate.objects.filter(item__title__in=[s.title for s in ITEMS])
    assert updates.filter(meeting__visibility=Meeting.Visibility.PUBLIC).count() == updates.count()
    assert all(u.date <= TODAY for u in updates)
    assert not WatchItem.objects.filter(owner__isnull=True, title__in=[s.title for s in ITEMS])
    assert WatchItem.objects.filter(themes__isnull=False).distinct().count() >= 15
    assert WatchItem.objects.filter(districts__name="Norrby").exists()


@pytest.mark.django_db
def test_the_demo_portfolio_has_the_five_goals_two_priorities_and_initiatives(demo, client):
    portfolio = Portfolio.objects.get(name=PORTFOLIO)
    assert list(portfolio.goals.values_list("name", flat=True)) == GOALS
    assert sorted(portfolio.priorities.values_list("name", flat=True)) == sorted(PRIORITIES)
    assert portfolio.initiatives.filter(watch_item__isnull=False).count() >= 2
    assert client.get(reverse("watchlist:portfolio")).status_code == 200
    page = client.get(reverse("watchlist:list")).content.decode()
    assert "Klimatneutrala städer" in page and "Utveckla dialogen" not in page
