"""Views of the watch list ("På gång") and the portfolios: public pages for everyone, forms
for the secretary. Each view checks permission, parses a form, calls one service, renders."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samverkan.accounts.decorators import allowed_if
from samverkan.meetings.selectors import meetings_visible_among
from samverkan.watchlist import rules, selectors, services
from samverkan.watchlist.forms import (
    GoalForm,
    InitiativeForm,
    PortfolioForm,
    PriorityForm,
    WatchItemForm,
    WatchItemUpdateForm,
    WatchListFilterForm,
)
from samverkan.watchlist.models import (
    Initiative,
    Portfolio,
    PortfolioGoal,
    PortfolioPriority,
    WatchItem,
    WatchItemUpdate,
)

NAV = "watchlist"
PAGE_SIZE = 20
PORTFOLIOS_PER_PAGE = 5

secretary_only = allowed_if(rules.can_manage_watchlist)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# -- Public pages ----------------------------------------------------------------------------


def watch_list(request: HttpRequest) -> HttpResponse:
    form = WatchListFilterForm(request.GET or None)
    criteria = selectors.WatchListFilter()
    if form.is_bound and form.is_valid():
        criteria = selectors.WatchListFilter(**form.cleaned_data)
    paginator = Paginator(selectors.watch_item_search(request.user, criteria), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("sida"))
    page.object_list = selectors.words_load(page.object_list)
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "watchlist/watchitem_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": criteria != selectors.WatchListFilter(),
            "can_manage": rules.can_manage_watchlist(request.user),
            "nav": NAV,
        },
    )


def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.watch_item_for_page(request.user, pk)
    if item is None:
        raise Http404
    updates = item.visible_updates
    return render(
        request,
        "watchlist/watchitem_detail.html",
        {
            "item": item,
            "updates": updates,
            "history": selectors.status_history(item, updates),
            "linkable_meetings": meetings_visible_among(
                request.user, {u.meeting_id for u in updates}
            ),
            "can_manage": rules.can_manage_watchlist(request.user),
            "nav": NAV,
        },
    )


def portfolio(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(selectors.portfolios_for_page(), PORTFOLIOS_PER_PAGE)
    page = paginator.get_page(request.GET.get("sida"))
    return render(
        request,
        "watchlist/portfolio_list.html",
        {
            "page": page,
            "query": "",
            "can_manage": rules.can_manage_watchlist(request.user),
            "nav": NAV,
        },
    )


# -- The secretary's forms -------------------------------------------------------------------


@secretary_only
def item_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    item = get_object_or_404(WatchItem, pk=pk) if pk else None
    if request.method == "POST":
        form = WatchItemForm(request.POST)
    else:
        form = WatchItemForm(initial=WatchItemForm.initial_for(item) if item else None)
    if request.method == "POST" and form.is_valid():
        try:
            if item is None:
                item = services.watch_item_create(**form.cleaned_data)
            else:
                services.watch_item_edit(item=item, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The item has been saved."))
            return redirect("watchlist:item_detail", item.pk)
    return render(
        request,
        "watchlist/watchitem_form.html",
        {"form": form, "item": item, "nav": NAV},
    )


@secretary_only
def update_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(WatchItem, pk=pk)
    form = WatchItemUpdateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.watch_item_update_add(item=item, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The update has been recorded."))
            return redirect("watchlist:item_detail", item.pk)
    return render(
        request,
        "watchlist/watchitemupdate_form.html",
        {"form": form, "item": item, "update": None, "nav": NAV},
    )


@secretary_only
def update_edit(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_object_or_404(WatchItemUpdate.objects.select_related("item", "meeting"), pk=pk)
    if request.method == "POST":
        form = WatchItemUpdateForm(request.POST, current_meeting=update.meeting)
    else:
        form = WatchItemUpdateForm(
            current_meeting=update.meeting,
            initial={
                "date": update.date,
                "note": update.note,
                "meeting": update.meeting_id,
                "status": update.status,
            },
        )
    if request.method == "POST" and form.is_valid():
        try:
            services.watch_item_update_edit(update=update, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, _("The update has been changed; the earlier version is kept.")
            )
            return redirect("watchlist:item_detail", update.item_id)
    return render(
        request,
        "watchlist/watchitemupdate_form.html",
        {"form": form, "item": update.item, "update": update, "nav": NAV},
    )


def _portfolio_form_page(request, form, heading: str, saved) -> HttpResponse:
    """Validate ``form`` on POST, call ``saved(cleaned_data)``, go back to the portfolios."""
    if request.method == "POST" and form.is_valid():
        try:
            saved(form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("watchlist:portfolio")
    return render(
        request,
        "watchlist/portfolio_form.html",
        {"form": form, "heading": heading, "nav": NAV},
    )


@secretary_only
def portfolio_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = get_object_or_404(Portfolio, pk=pk) if pk else None
    initial = (
        {"name": instance.name, "description": instance.description, "owner": instance.owner_id}
        if instance
        else None
    )
    form = PortfolioForm(request.POST if request.method == "POST" else None, initial=initial)
    heading = _("Edit %(name)s") % {"name": instance.name} if instance else _("New portfolio")
    return _portfolio_form_page(
        request,
        form,
        heading,
        lambda data: services.portfolio_save(portfolio=instance, **data),
    )


@secretary_only
def goal_edit(request: HttpRequest, portfolio_pk: int, pk: int | None = None) -> HttpResponse:
    parent = get_object_or_404(Portfolio, pk=portfolio_pk)
    goal = get_object_or_404(PortfolioGoal, pk=pk, portfolio=parent) if pk else None
    initial = (
        {"name": goal.name, "position": goal.position, "description": goal.description}
        if goal
        else None
    )
    form = GoalForm(request.POST if request.method == "POST" else None, initial=initial)
    heading = _("Goal of %(name)s") % {"name": parent.name}
    return _portfolio_form_page(
        request,
        form,
        heading,
        lambda data: services.portfolio_goal_save(portfolio=parent, goal=goal, **data),
    )


@secretary_only
def priority_edit(request: HttpRequest, portfolio_pk: int, pk: int | None = None) -> HttpResponse:
    parent = get_object_or_404(Portfolio, pk=portfolio_pk)
    priority = get_object_or_404(PortfolioPriority, pk=pk, portfolio=parent) if pk else None
    initial = (
        {"name": priority.name, "year": priority.year, "description": priority.description}
        if priority
        else None
    )
    form = PriorityForm(request.POST if request.method == "POST" else None, initial=initial)
    heading = _("Priority of %(name)s") % {"name": parent.name}
    return _portfolio_form_page(
        request,
        form,
        heading,
        lambda data: services.portfolio_priority_save(portfolio=parent, priority=priority, **data),
    )


@secretary_only
def initiative_edit(request: HttpRequest, portfolio_pk: int, pk: int | None = None) -> HttpResponse:
    parent = get_object_or_404(Portfolio, pk=portfolio_pk)
    initiative = get_object_or_404(Initiative, pk=pk, portfolio=parent) if pk else None
    form = InitiativeForm(
        request.POST if request.method == "POST" else None,
        portfolio=parent,
        initial=InitiativeForm.initial_for(initiative) if initiative else None,
    )
    heading = _("Initiative in %(name)s") % {"name": parent.name}
    return _portfolio_form_page(
        request,
        form,
        heading,
        lambda data: services.initiative_save(portfolio=parent, initiative=initiative, **data),
    )
