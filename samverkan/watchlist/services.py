"""Every change to the watch list and the portfolios goes through here, in a transaction.

An item's status follows its updates: the latest update (by date) that sets a status decides
it, so the history of an item can be read from its updates and a removed update gives the
status back. An update is never silently edited: its earlier version is kept as a revision.

Followers are told (``subscriptions.services.happening_record``) when an item is put on the
list and when a public update is recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.core.swedish import search_document, sort_key
from samverkan.meetings.models import Meeting
from samverkan.organisations.models import District, Organisation
from samverkan.subscriptions import topics
from samverkan.subscriptions.models import HappeningKind
from samverkan.subscriptions.services import happening_record
from samverkan.watchlist.models import (
    FundingSource,
    Initiative,
    InitiativeStatus,
    Portfolio,
    PortfolioGoal,
    PortfolioPriority,
    WatchItem,
    WatchItemKind,
    WatchItemStatus,
    WatchItemUpdate,
    WatchItemUpdateRevision,
)
from samverkan.watchlist.selectors import title_key, update_is_public

EDITABLE_FIELDS = (
    "title",
    "kind",
    "owner",
    "owner_text",
    "description",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_email_public",
    "themes",
    "districts",
)
_TEXT_FIELDS = ("owner_text", "description", "contact_name", "contact_role", "contact_email")


def _check_kind(kind: str) -> None:
    if kind and kind not in WatchItemKind.values:
        raise ValidationError(
            {"kind": _("Unknown kind of watch-list item: %(kind)s.") % {"kind": kind}}
        )


def _clean_title(title: str, *, exclude_pk: int | None) -> tuple[str, str]:
    title = " ".join(title.split())
    key = title_key(title)
    if not key:
        raise ValidationError({"title": _("Give the item a title.")})
    existing = WatchItem.objects.filter(title_key=key).exclude(pk=exclude_pk).first()
    if existing is not None:
        raise ValidationError(
            {"title": _("%(title)s is already on the watch list.") % {"title": existing.title}}
        )
    return title, key


def _item_topics(item: WatchItem) -> list[str]:
    found = [topics.watch_item(item)]
    if item.owner_id is not None:
        found.append(f"department:{item.owner_id}")
    found += [topics.theme(theme) for theme in item.themes.all()]
    found += [topics.district(district) for district in item.districts.all()]
    return found


def _reindex(item: WatchItem) -> None:
    """The item's search document: title, description, owner, contact, themes, districts
    and the notes of its public updates."""
    texts = [item.title, item.description, item.owner_text, item.contact_name, item.contact_role]
    if item.owner_id is not None:
        texts.append(Organisation.objects.get(pk=item.owner_id).name)
    texts += [theme.name for theme in item.themes.all()]
    texts += [district.name for district in item.districts.all()]
    for update in item.updates.select_related("meeting").order_by("-date", "-pk"):
        if update_is_public(update):
            texts.append(update.note)
    WatchItem.objects.filter(pk=item.pk).update(search_document=search_document(*texts))


@transaction.atomic
def watch_item_create(
    *,
    title: str,
    kind: str = "",
    owner: Organisation | None = None,
    owner_text: str = "",
    description: str = "",
    contact_name: str = "",
    contact_role: str = "",
    contact_email: str = "",
    contact_email_public: bool = False,
    themes: Iterable[Any] = (),
    districts: Iterable[District] = (),
) -> WatchItem:
    """Put a project, assignment, development work, network or consultation on the watch
    list. Its status is "ongoing" until an update says otherwise. One item per title: the
    same title (as compared by ``selectors.title_key``) cannot be added twice. Followers of
    the owner, the themes and the districts are told."""
    title, key = _clean_title(title, exclude_pk=None)
    _check_kind(kind)
    item = WatchItem(
        title=title,
        title_key=key,
        title_sort=sort_key(title),
        kind=kind,
        owner=owner,
        owner_text=owner_text.strip(),
        description=description.strip(),
        contact_name=contact_name.strip(),
        contact_role=contact_role.strip(),
        contact_email=contact_email.strip(),
        contact_email_public=contact_email_public,
    )
    item.full_clean()
    item.save()
    item.themes.set(list(themes))
    item.districts.set(list(districts))
    _reindex(item)
    happening_record(
        kind=HappeningKind.WATCH_ITEM,
        title=_("On the watch list: %(title)s") % {"title": item.title},
        path=reverse("watchlist:item_detail", args=[item.pk]),
        topics=_item_topics(item),
        summary=item.description,
        dedup_key=f"watchitem:{item.pk}:created",
    )
    return item


@transaction.atomic
def watch_item_edit(*, item: WatchItem, **fields: Any) -> WatchItem:
    """Change an item's title, kind, owner, description, contact, themes or districts (the
    status changes through updates)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown watch-list item fields: {sorted(unknown)}")
    if "kind" in fields:
        _check_kind(fields["kind"])
    if "title" in fields:
        fields["title"], item.title_key = _clean_title(fields["title"], exclude_pk=item.pk)
        item.title_sort = sort_key(fields["title"])
    themes = fields.pop("themes", None)
    districts = fields.pop("districts", None)
    for name, value in fields.items():
        setattr(item, name, value.strip() if name in _TEXT_FIELDS else value)
    item.full_clean()
    item.save()
    if themes is not None:
        item.themes.set(list(themes))
    if districts is not None:
        item.districts.set(list(districts))
    _reindex(item)
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


def _check_update(status: str) -> None:
    if status and status not in WatchItemStatus.values:
        raise ValidationError({"status": _("Unknown status: %(status)s.") % {"status": status}})


def _record_update_happening(update: WatchItemUpdate) -> None:
    if not update_is_public(update):
        return
    item = update.item
    summary = update.note
    if update.status:
        summary = f"{update.get_status_display()}. {summary}".strip()
    happening_record(
        kind=HappeningKind.WATCH_ITEM,
        title=_("News on the watch list: %(title)s") % {"title": item.title},
        path=reverse("watchlist:item_detail", args=[item.pk]),
        topics=_item_topics(item),
        summary=summary,
        occurred_at=datetime.combine(update.date, time(12), tzinfo=timezone.get_current_timezone()),
        dedup_key=f"watchupdate:{update.pk}",
    )


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
    update has already set another. Followers are told when the update is public."""
    _check_update(status)
    update = WatchItemUpdate(
        item=item, date=date, note=note.strip(), meeting=meeting, status=status
    )
    update.full_clean()
    update.save()
    if status:
        _refresh_status(item)
    _reindex(item)
    _record_update_happening(update)
    return update


@transaction.atomic
def watch_item_update_edit(
    *,
    update: WatchItemUpdate,
    actor: User | None,
    date: date,
    note: str = "",
    meeting: Meeting | None = None,
    status: str = "",
) -> WatchItemUpdate:
    """Correct an update. The version before the change is kept as a revision, shown with
    the update, so nothing said about an item disappears silently. Nothing changes (and no
    revision is kept) when the values are the same."""
    _check_update(status)
    note = note.strip()
    before = (update.date, update.note, update.meeting_id, update.status)
    if before == (date, note, meeting.pk if meeting else None, status):
        return update
    WatchItemUpdateRevision.objects.create(
        update=update,
        changed_by=actor,
        date=update.date,
        note=update.note,
        status=update.status,
        meeting_title=update.meeting.title if update.meeting else "",
    )
    update.date, update.note, update.meeting, update.status = date, note, meeting, status
    update.full_clean()
    update.save()
    _refresh_status(update.item)
    _reindex(update.item)
    return update


@transaction.atomic
def watch_item_update_remove(*, update: WatchItemUpdate) -> None:
    """Remove an update (a corrected import); the item's status is again what its remaining
    updates say."""
    item = update.item
    had_status = bool(update.status)
    update.delete()
    if had_status:
        _refresh_status(item)
    _reindex(item)


# -- Portfolios ------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


@transaction.atomic
def portfolio_save(
    *,
    portfolio: Portfolio | None = None,
    name: str,
    description: str = "",
    owner: Organisation | None = None,
) -> Portfolio:
    """Create a portfolio, or change one. Names are unique whatever the case."""
    name = _one_line(name)
    if not name:
        raise ValidationError({"name": _("Give the portfolio a name.")})
    others = Portfolio.objects.filter(name__iexact=name)
    if portfolio is not None:
        others = others.exclude(pk=portfolio.pk)
    if others.exists():
        raise ValidationError({"name": _("There is already a portfolio with this name.")})
    portfolio = portfolio or Portfolio()
    portfolio.name, portfolio.name_sort = name, sort_key(name)
    portfolio.description, portfolio.owner = description.strip(), owner
    portfolio.full_clean()
    portfolio.save()
    return portfolio


@transaction.atomic
def portfolio_goal_save(
    *,
    portfolio: Portfolio,
    goal: PortfolioGoal | None = None,
    name: str,
    position: int | None = None,
    description: str = "",
) -> PortfolioGoal:
    """Add a goal to a portfolio (last, unless a position is given) or change one."""
    name = _one_line(name)
    if not name:
        raise ValidationError({"name": _("Give the goal a name.")})
    others = portfolio.goals.filter(name__iexact=name)
    if goal is not None:
        others = others.exclude(pk=goal.pk)
    if others.exists():
        raise ValidationError({"name": _("The portfolio already has this goal.")})
    if position is None:
        position = goal.position if goal else portfolio.goals.count() + 1
    goal = goal or PortfolioGoal(portfolio=portfolio)
    goal.name, goal.position, goal.description = name, position, description.strip()
    goal.full_clean()
    goal.save()
    return goal


@transaction.atomic
def portfolio_priority_save(
    *,
    portfolio: Portfolio,
    priority: PortfolioPriority | None = None,
    name: str,
    year: int,
    description: str = "",
) -> PortfolioPriority:
    """Add a priority for a year to a portfolio, or change one."""
    name = _one_line(name)
    if not name:
        raise ValidationError({"name": _("Give the priority a name.")})
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Give a year between 2000 and 2100.")})
    others = portfolio.priorities.filter(name__iexact=name, year=year)
    if priority is not None:
        others = others.exclude(pk=priority.pk)
    if others.exists():
        raise ValidationError({"name": _("The portfolio already has this priority that year.")})
    priority = priority or PortfolioPriority(portfolio=portfolio)
    priority.name, priority.year, priority.description = name, year, description.strip()
    priority.full_clean()
    priority.save()
    return priority


@transaction.atomic
def initiative_save(
    *,
    portfolio: Portfolio,
    initiative: Initiative | None = None,
    title: str,
    goals: Iterable[PortfolioGoal],
    funding_source: str,
    description: str = "",
    starts_on: date | None = None,
    ends_on: date | None = None,
    owner: Organisation | None = None,
    status: str = InitiativeStatus.APPROVED,
    watch_item: WatchItem | None = None,
) -> Initiative:
    """Put an approved initiative in a portfolio, or change one. It serves at least one of
    the portfolio's goals; its period ends after it starts."""
    title = _one_line(title)
    goals = list(goals)
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("Give the initiative a title.")
    elif (
        portfolio.initiatives.filter(title__iexact=title)
        .exclude(pk=initiative.pk if initiative else None)
        .exists()
    ):
        errors["title"] = _("The portfolio already has an initiative with this title.")
    if not goals:
        errors["goals"] = _("Choose at least one goal that the initiative serves.")
    elif any(goal.portfolio_id != portfolio.pk for goal in goals):
        errors["goals"] = _("Choose goals of this portfolio.")
    if funding_source not in FundingSource.values:
        errors["funding_source"] = _("Choose how the initiative is funded.")
    if status not in InitiativeStatus.values:
        errors["status"] = _("Choose a status.")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The end cannot be before the start.")
    if errors:
        raise ValidationError(errors)
    initiative = initiative or Initiative(portfolio=portfolio)
    initiative.title, initiative.title_sort = title, sort_key(title)
    initiative.description = description.strip()
    initiative.funding_source, initiative.status = funding_source, status
    initiative.starts_on, initiative.ends_on = starts_on, ends_on
    initiative.owner, initiative.watch_item = owner, watch_item
    initiative.search_document = search_document(
        title, description, owner.name if owner else "", *(goal.name for goal in goals)
    )
    initiative.full_clean()
    initiative.save()
    initiative.goals.set(goals)
    return initiative
