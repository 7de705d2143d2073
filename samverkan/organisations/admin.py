"""The administration of the register, for the secretary. State changes go through services."""

from django.contrib import admin

from samverkan.core.swedish import sort_key
from samverkan.organisations import services
from samverkan.organisations.models import (
    Agreement,
    AgreementSection,
    Area,
    District,
    ExclusionCase,
    Organisation,
    OrganisationLink,
    Signature,
    SignatureEvent,
    TargetGroup,
)


class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        obj.name_sort = sort_key(obj.name)
        super().save_model(request, obj, form, change)


admin.site.register(Area, TermAdmin)
admin.site.register(TargetGroup, TermAdmin)
admin.site.register(District, TermAdmin)


class AgreementSectionInline(admin.StackedInline):
    model = AgreementSection
    extra = 1


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "period_start", "period_end", "status"]
    readonly_fields = ["status", "published_at"]
    inlines = [AgreementSectionInline]


class LinkInline(admin.TabularInline):
    model = OrganisationLink
    fk_name = "successor"
    extra = 0
    autocomplete_fields = ["predecessor"]
    verbose_name_plural = "predecessors"


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organisation_number"]
    list_filter = ["kind"]
    search_fields = ["name", "organisation_number"]
    filter_horizontal = ["areas", "target_groups", "districts"]
    inlines = [LinkInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.name_sort = sort_key(form.instance.name)
        form.instance.save(update_fields=["name_sort"])
        services.organisation_reindex(form.instance)


class SignatureEventInline(admin.TabularInline):
    model = SignatureEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "at", "actor", "from_status", "to_status", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    """Read-only: signatures change through the review queue so their history is kept."""

    list_display = ["organisation", "agreement", "status", "signed_at"]
    list_filter = ["status", "agreement"]
    search_fields = ["organisation__name"]
    inlines = [SignatureEventInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ExclusionCase)
class ExclusionCaseAdmin(admin.ModelAdmin):
    list_display = ["signature", "status", "response_deadline"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
