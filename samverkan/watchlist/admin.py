"""The admin shows the watch list read-only (changes go through the secretary's pages, so
the history and the followers' news are kept) and lets the secretary edit portfolios."""

from django.contrib import admin

from samverkan.core.swedish import search_document, sort_key
from samverkan.watchlist.models import (
    Initiative,
    Portfolio,
    PortfolioGoal,
    PortfolioPriority,
    WatchItem,
    WatchItemUpdate,
    WatchItemUpdateRevision,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class WatchItemUpdateInline(admin.TabularInline):
    model = WatchItemUpdate
    fields = ["date", "status", "note", "meeting"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(WatchItem)
class WatchItemAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "owner", "status", "status_changed_at"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "owner_text", "description"]
    inlines = [WatchItemUpdateInline]


@admin.register(WatchItemUpdateRevision)
class WatchItemUpdateRevisionAdmin(ReadOnlyAdmin):
    list_display = ["update", "changed_at", "changed_by", "date", "status"]


class PortfolioGoalInline(admin.TabularInline):
    model = PortfolioGoal
    fields = ["position", "name", "description"]
    extra = 0


class PortfolioPriorityInline(admin.TabularInline):
    model = PortfolioPriority
    fields = ["year", "name", "description"]
    extra = 0


@admin.register(Portfolio)
class PortfolioAdmin(admin.ModelAdmin):
    list_display = ["name", "owner"]
    inlines = [PortfolioGoalInline, PortfolioPriorityInline]

    def save_model(self, request, obj, form, change):
        obj.name_sort = sort_key(obj.name)
        super().save_model(request, obj, form, change)


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "portfolio", "funding_source", "status", "starts_on", "ends_on"]
    list_filter = ["portfolio", "funding_source", "status"]
    filter_horizontal = ["goals"]
    search_fields = ["title", "description"]

    def save_model(self, request, obj, form, change):
        obj.title_sort = sort_key(obj.title)
        obj.search_document = search_document(obj.title, obj.description)
        super().save_model(request, obj, form, change)
