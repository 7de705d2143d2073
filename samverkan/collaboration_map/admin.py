"""The catalogue in Django's admin, for the secretary. Changes of state go through services;
the web pages under /sekreterare/kontaktytor/ are the everyday way to edit."""

from django.contrib import admin
from django.db import models

from samverkan.collaboration_map import services
from samverkan.collaboration_map.models import (
    CatalogueChange,
    ContactLink,
    ContactPoint,
    LadderStep,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    fields = ["name", "slug"]

    def save_model(self, request, obj, form, change):
        if change:
            services.theme_update(theme=obj, name=obj.name, slug=obj.slug, actor=request.user)
        else:
            created = services.theme_create(name=obj.name, slug=obj.slug, actor=request.user)
            obj.pk = created.pk

    def delete_model(self, request, obj):
        services.theme_delete(theme=obj, actor=request.user)


@admin.register(ContactPoint)
class ContactPointAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "owner", "is_active", "position"]
    list_filter = ["kind", "is_active", "themes"]
    search_fields = ["name", "purpose"]
    autocomplete_fields = ["owner"]
    filter_horizontal = ["themes"]
    exclude = ["name_sort"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        fields = {name: getattr(obj, name) for name in services.CONTACT_POINT_FIELDS}
        themes = list(form.cleaned_data.get("themes") or [])
        if change:
            services.contact_point_update(
                contact_point=obj, themes=themes, actor=request.user, **fields
            )
        else:
            created = services.contact_point_create(themes=themes, actor=request.user, **fields)
            obj.pk, obj._state = created.pk, created._state

    def save_related(self, request, form, formsets, change):
        """The themes were saved by the service, with the rest."""


@admin.register(ContactLink)
class ContactLinkAdmin(admin.ModelAdmin):
    """Links are added and removed, never changed."""

    list_display = ["source", "kind", "target"]
    list_filter = ["kind"]
    autocomplete_fields = ["source", "target"]

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        created = services.contact_link_create(
            source=obj.source, target=obj.target, kind=obj.kind, actor=request.user
        )
        obj.pk = created.pk

    def delete_model(self, request, obj):
        services.contact_link_delete(link=obj, actor=request.user)


@admin.register(LadderStep)
class LadderStepAdmin(admin.ModelAdmin):
    list_display = ["position", "name"]

    def save_model(self, request, obj, form, change):
        fields = {
            "position": obj.position,
            "name": obj.name,
            "explanation": obj.explanation,
            "wants": obj.wants,
        }
        if change:
            services.ladder_step_update(step=obj, actor=request.user, **fields)
        else:
            obj.pk = services.ladder_step_create(actor=request.user, **fields).pk

    def delete_model(self, request, obj):
        services.ladder_step_delete(step=obj, actor=request.user)


@admin.register(CatalogueChange)
class CatalogueChangeAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "contact_point", "description"]
    readonly_fields = ["at", "actor", "contact_point", "description"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
