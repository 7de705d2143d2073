"""Every change to the watch list goes through here, in a transaction.

An item's status follows its updates: the latest update (by date) that sets a status decides
it, so the history of an item can be read from its updates and a removed update gives the
status back.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.meetings.models import Meeting
from samverkan.organisations.models import Organisation
from samverkan.watchlist.models import WatchItem, WatchItemKind, WatchItemStatus, WatchItemUpdate
from samverkan.watchlist.selectors import title_key

EDITABLE_FIELDS = ("title", "kind", "owner", "owner_text")


def _check_kind(kind: str) -> None:
    if kind and kind not in WatchItemKind.values:
        raise ValidationError(
            {"kind": _("Unknown kind of watch-list item: %(kind)s.") % {"kind": kind}}
        )


@transaction.atomic
def watch_item_create(
    *,
    title: str,
    kind: str = "",
    owner: Organisation | None = None,
    owner_text: str = "",
) -> WatchItem:
    """Put a project, assignment, development work, network or consultation on the watch
    list. Its status is "ongoing" until an update says otherwise. One item per title: the
    same title (as compared by ``selectors.title_key``) cannot be added twice."""
    title = " ".join(title.split())
    key = title_key(title)
    if not key:
        raise ValidationError({"title": _("Give the item a title.")})
    _check_kind(kind)
    if WatchItem.objects.filter(title_key=key).exists():
        raise ValidationError(
            {"title": _("%(title)s is already on the watch list.") % {"title": title}}
        )
    item = WatchItem(
        title=title, title_key=key, kind=kind, owner=owner, owner_text=owner_text.strip()
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def watch_item_edit(*, item: WatchItem, **fields: Any) -> WatchItem:
    """Change an item's title, kind or owner (the status changes through updates)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown watch-list item fields: {sorted(unknown)}")
    if "kind" in fields:
        _check_kind(fields["kind"])
    if "title" in fields:
        title = " ".join(fields["title"].split())
        key = title_key(title)
        if not key:
            raise ValidationError({"title": _("Give the item a title.")})
        if WatchItem.objects.filter(title_key=key).exclude(pk=item.pk).exists():
            raise ValidationError(
                {"title": _("%(title)s is already on the watch list.") % {"title": title}}
            )
        fields["title"], item.title_key = title, key
    for name, value in fields.items():
        setattr(item, name, value.strip() if name == "owner_text" else value)
    item.full_clean()
    item.save()
    return item


def _refresh_status(item: WatchItem) -> None:
    latest = item.updates.exclude(status="").order_by("-date", "-pk").first()
    if latest is None:
        item.status, item.status_changed_at = WatchItemStatus.ONGOING, None
    else:
        item.status = latest.status
        item.status_changed_at = datetime.combine(
            latest.date, time(12), tzinfo=timezone.get_current_timezone()
        )
    item.save(update_fields=["status", "status_changed_at"])


@transaction.atomic
def watch_item_update_add(
    *,
    item: WatchItem,
    date: date,
    note: str = "",
    meeting: Meeting | None = None,
    status: str = "",
) -> WatchItemUpdate:
    """Record what was said about an item on a date (at a meeting, if given). With a status
    ("paused", "final_phase", "struck" ...) the item takes that status, unless a later
    update has already set another."""
    if status and status not in WatchItemStatus.values:
        raise ValidationError({"status": _("Unknown status: %(status)s.") % {"status": status}})
    update = WatchItemUpdate(
        item=item, date=date, note=note.strip(), meeting=meeting, status=status
    )
    update.full_clean()
    update.save()
    if status:
        _refresh_status(item)
    return update


@transaction.atomic
def watch_item_update_remove(*, update: WatchItemUpdate) -> None:
    """Remove an update; the item's status is again what its remaining updates say."""
    item = update.item
    had_status = bool(update.status)
    update.delete()
    if had_status:
        _refresh_status(item)
