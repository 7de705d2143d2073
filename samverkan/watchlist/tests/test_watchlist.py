"""The watch list: one item per title, updates at meetings, the status follows the updates."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from samverkan.watchlist.models import WatchItemKind, WatchItemStatus
from samverkan.watchlist.selectors import title_key, watch_item_find
from samverkan.watchlist.services import (
    watch_item_create,
    watch_item_edit,
    watch_item_update_add,
    watch_item_update_remove,
)

pytestmark = pytest.mark.django_db


def test_title_key_ignores_case_punctuation_and_a_trailing_acronym():
    assert title_key("Regionalt partnerskap för sociala innovationer (PSI).") == title_key(
        "regionalt  partnerskap för sociala innovationer"
    )
    assert (
        title_key("Översiktsplanen ”Vårt Framtida Örebro”")
        == "översiktsplanen vårt framtida örebro"
    )


def test_an_item_starts_ongoing_and_a_title_is_only_added_once():
    item = watch_item_create(
        title="Klimatneutrala städer", kind=WatchItemKind.PROJECT, owner_text="KLF"
    )
    assert item.status == WatchItemStatus.ONGOING and item.status_changed_at is None
    with pytest.raises(ValidationError, match="already on the watch list"):
        watch_item_create(title="klimatneutrala  städer.")
    with pytest.raises(ValidationError):
        watch_item_create(title="  ")
    with pytest.raises(ValidationError):
        watch_item_create(title="Något", kind="hobby")


def test_find_by_title_tolerates_a_small_misspelling_in_a_long_title():
    item = watch_item_create(title="Regionalt civilsamhällsnätverk")
    assert watch_item_find("Regionalt civilsamhällesnätverk") == item
    assert watch_item_find("REGIONALT CIVILSAMHÄLLSNÄTVERK") == item
    assert watch_item_find("Regionalt kulturnätverk") is None
    watch_item_create(title="Fritidskortet")
    assert watch_item_find("Fritidskorten") is None  # short titles must match exactly


def test_the_status_follows_the_latest_update_that_sets_one():
    item = watch_item_create(title="Utveckla dialogen med det civila samhället")
    watch_item_update_add(item=item, date=date(2023, 9, 13), note="Pausat.", status="paused")
    struck = watch_item_update_add(
        item=item, date=date(2023, 11, 7), note="Stryks från listan.", status="struck"
    )
    # An older update imported later does not undo the newer status.
    watch_item_update_add(item=item, date=date(2023, 5, 1), note="Pågår.", status="ongoing")
    item.refresh_from_db()
    assert item.status == WatchItemStatus.STRUCK
    assert item.status_changed_at.date() == date(2023, 11, 7)
    watch_item_update_remove(update=struck)
    item.refresh_from_db()
    assert item.status == WatchItemStatus.PAUSED
    assert [u.note for u in item.updates.all()] == ["Pågår.", "Pausat."]
    with pytest.raises(ValidationError):
        watch_item_update_add(item=item, date=date(2023, 12, 1), status="forgotten")


def test_edit_checks_the_title_and_the_fields():
    first = watch_item_create(title="Fritidskortet")
    second = watch_item_create(title="Byggreturen")
    watch_item_edit(item=second, kind=WatchItemKind.PROJECT, owner_text=" KFF ")
    second.refresh_from_db()
    assert (second.kind, second.owner_text) == ("project", "KFF")
    with pytest.raises(ValidationError):
        watch_item_edit(item=second, title="fritidskortet")
    with pytest.raises(TypeError):
        watch_item_edit(item=first, status="struck")
