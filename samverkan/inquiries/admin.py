"""Read-only views of En väg in in the Django admin; every change goes through the web pages
and their services."""

from django.contrib import admin

from samverkan.inquiries.models import HandlingTeam, Inquiry, RoutingRule


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(HandlingTeam)
class HandlingTeamAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug", "is_fallback", "reply_target", "reply_target_unit"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(ReadOnlyAdmin):
    list_display = ["pk", "priority", "team", "kind", "topic", "organisation_kind", "words"]


@admin.register(Inquiry)
class InquiryAdmin(ReadOnlyAdmin):
    list_display = ["reference", "kind", "team", "status", "received_at"]
    list_filter = ["status", "kind", "team"]
    search_fields = ["reference"]
    exclude = ["sender_email", "sender_name", "text"]
