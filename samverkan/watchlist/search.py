"""The watch list and the portfolios' initiatives in the one search."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.search.registry import Document, Source, register
from samverkan.watchlist.models import (
    Initiative,
    PortfolioGoal,
    WatchItem,
    WatchItemUpdate,
)
from samverkan.watchlist.selectors import PUBLIC_UPDATE

# How many of the latest public updates an item's document says.
LATEST_UPDATES = 5


def watch_item_document(item: WatchItem) -> Document:
    """Title, description and the latest public updates; the owner's name and the minutes'
    short form (KLF) are searched too. Dated by the latest public update."""
    if hasattr(item, "public_updates"):
        updates = item.public_updates
    else:
        updates = list(
            item.updates.filter(PUBLIC_UPDATE).select_related("meeting").order_by("-date", "-pk")
        )
    latest = updates[:LATEST_UPDATES]
    text = "\n\n".join([item.description, *(u.note for u in latest if u.note)]).strip()
    return Document(
        title=item.title,
        text=text,
        path=reverse("watchlist:item_detail", args=[item.pk]),
        date=latest[0].date if latest else item.created_at.date(),
        extra=" ".join(
            part for part in (item.owner.name if item.owner else "", item.owner_text) if part
        ),
    )


def watch_items():
    return WatchItem.objects.select_related("owner").prefetch_related(
        Prefetch(
            "updates",
            queryset=WatchItemUpdate.objects.filter(PUBLIC_UPDATE).order_by("-date", "-pk"),
            to_attr="public_updates",
        )
    )


def initiative_document(initiative: Initiative) -> Document:
    return Document(
        title=initiative.title,
        text=initiative.description,
        path=reverse("watchlist:portfolio") + f"#initiativ-{initiative.pk}",
        date=initiative.starts_on,
        extra=" ".join(
            [initiative.portfolio.name, initiative.owner.name if initiative.owner else ""]
            + [goal.name for goal in initiative.goals.all()]
        ).strip(),
    )


register(
    Source(
        kind="watch_item",
        label=_("The watch list"),
        model=WatchItem,
        document=watch_item_document,
        queryset=watch_items,
        dependants={WatchItemUpdate: lambda update: [update.item]},
    )
)

register(
    Source(
        kind="initiative",
        label=_("Portfolio initiatives"),
        model=Initiative,
        document=initiative_document,
        queryset=lambda: Initiative.objects.select_related("portfolio", "owner").prefetch_related(
            "goals"
        ),
        dependants={PortfolioGoal: lambda goal: list(goal.initiatives.all())},
    )
)
