"""The secretary edits the catalogue: contact points, their links, the themes and the ladder."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.accounts.decorators import allowed_if
from samverkan.collaboration_map import rules, selectors, services
from samverkan.collaboration_map.forms import (
    ContactLinkForm,
    ContactPointForm,
    LadderStepForm,
    ThemeForm,
    add_service_errors,
)
from samverkan.collaboration_map.models import (
    CatalogueChange,
    ContactLink,
    ContactPoint,
    LadderStep,
    Theme,
)
from samverkan.meetings.models import Body

secretary_only = allowed_if(rules.can_edit_catalogue)
NAV = "manage_catalogue"
POINT_FIELDS = [
    name for name in ContactPointForm.base_fields if name not in ("themes", "organisation_kinds")
]


@secretary_only
def manage(request: HttpRequest) -> HttpResponse:
    nodes = selectors.catalogue_nodes(include_inactive=True)
    return render(
        request,
        "collaboration_map/manage.html",
        {
            "points": [n for n in nodes if n.pk is not None],
            "bodies": [n for n in nodes if n.pk is None],
            "changes": CatalogueChange.objects.select_related("actor", "contact_point")[:15],
            "nav": NAV,
        },
    )


@secretary_only
def contact_point_create(request: HttpRequest) -> HttpResponse:
    form = ContactPointForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            point = services.contact_point_create(actor=request.user, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s is added to the catalogue and the map.") % {"name": point.name}
            )
            return redirect("collaboration_map:contact_point_edit", point.pk)
    return render(request, "collaboration_map/contact_point_form.html", {"form": form, "nav": NAV})


def _initial(point: ContactPoint) -> dict:
    initial = {name: getattr(point, name) for name in POINT_FIELDS}
    initial.update(
        themes=list(point.themes.all()),
        organisation_kinds=point.organisation_kinds,
        offers=point.offers,
    )
    return initial


@secretary_only
def contact_point_edit(request: HttpRequest, pk: int) -> HttpResponse:
    point = get_object_or_404(ContactPoint.objects.select_related("body", "owner"), pk=pk)
    action = request.POST.get("action", "save") if request.method == "POST" else ""
    form = ContactPointForm(
        request.POST if action == "save" else None, initial=_initial(point), contact_point=point
    )
    link_form = ContactLinkForm(
        request.POST if action == "link" else None, source=point, prefix="link"
    )
    if action == "save" and form.is_valid():
        try:
            services.contact_point_update(
                contact_point=point, actor=request.user, **form.service_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("collaboration_map:contact_point_edit", point.pk)
    if action == "link" and link_form.is_valid():
        try:
            services.contact_link_create(
                source=point,
                target=link_form.cleaned_data["target"],
                kind=link_form.cleaned_data["kind"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(link_form, error)
        else:
            messages.success(request, _("The link is added."))
            return redirect("collaboration_map:contact_point_edit", point.pk)
    links = ContactLink.objects.filter(Q(source=point) | Q(target=point))
    return render(
        request,
        "collaboration_map/contact_point_edit.html",
        {
            "point": point,
            "form": form,
            "link_form": link_form,
            "links": links.select_related("source", "target").order_by("kind", "pk"),
            "changes": point.changes.select_related("actor")[:20],
            "nav": NAV,
        },
    )


@secretary_only
@require_POST
def contact_point_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    point = get_object_or_404(ContactPoint, pk=pk)
    services.contact_point_deactivate(contact_point=point, actor=request.user)
    messages.success(
        request,
        _("%(name)s is no longer shown in the catalogue, on the map or in the ladder.")
        % {"name": point.name},
    )
    return redirect("collaboration_map:contact_point_edit", point.pk)


@secretary_only
@require_POST
def contact_point_activate(request: HttpRequest, pk: int) -> HttpResponse:
    point = get_object_or_404(ContactPoint, pk=pk)
    services.contact_point_activate(contact_point=point, actor=request.user)
    messages.success(request, _("%(name)s is shown again.") % {"name": point.name})
    return redirect("collaboration_map:contact_point_edit", point.pk)


@secretary_only
@require_POST
def link_remove(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(ContactLink.objects.select_related("source", "target"), pk=pk)
    # Back to the page the secretary removed it from: either end's.
    back = link.target_id if request.POST.get("back") == str(link.target_id) else link.source_id
    services.contact_link_delete(link=link, actor=request.user)
    messages.success(request, _("The link is removed."))
    return redirect("collaboration_map:contact_point_edit", back)


@secretary_only
@require_POST
def body_adopt(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    try:
        point = services.contact_point_create_from_body(body=body, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("collaboration_map:manage")
    messages.success(
        request,
        _("%(name)s is now in the catalogue. Add its themes, contact details and links.")
        % {"name": point.name},
    )
    return redirect("collaboration_map:contact_point_edit", point.pk)


# --- Themes -----------------------------------------------------------------------------------


@secretary_only
def themes(request: HttpRequest) -> HttpResponse:
    form = ThemeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            theme = services.theme_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The theme %(name)s is added.") % {"name": theme.name})
            return redirect("collaboration_map:themes")
    return render(
        request,
        "collaboration_map/theme_list.html",
        {"form": form, "themes": selectors.themes(), "nav": NAV},
    )


@secretary_only
def theme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_object_or_404(Theme, pk=pk)
    form = ThemeForm(
        request.POST if request.method == "POST" else None,
        initial={"name": theme.name, "slug": theme.slug},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_update(theme=theme, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The theme is saved."))
            return redirect("collaboration_map:themes")
    return render(
        request,
        "collaboration_map/theme_edit.html",
        {"form": form, "theme": theme, "used_by": theme.contact_points.count(), "nav": NAV},
    )


@secretary_only
@require_POST
def theme_delete(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_object_or_404(Theme, pk=pk)
    services.theme_delete(theme=theme, actor=request.user)
    messages.success(request, _("The theme %(name)s is removed.") % {"name": theme.name})
    return redirect("collaboration_map:themes")


# --- The ladder -------------------------------------------------------------------------------


@secretary_only
def ladder_steps(request: HttpRequest) -> HttpResponse:
    form = LadderStepForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            step = services.ladder_step_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The step %(name)s is added.") % {"name": step.name})
            return redirect("collaboration_map:ladder_steps")
    return render(
        request,
        "collaboration_map/ladder_step_list.html",
        {"form": form, "steps": selectors.ladder_steps(), "nav": NAV},
    )


@secretary_only
@require_POST
def ladder_standard_steps(request: HttpRequest) -> HttpResponse:
    try:
        services.ladder_create_standard_steps(actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The four standard steps are added. Adjust them as needed."))
    return redirect("collaboration_map:ladder_steps")


@secretary_only
def ladder_step_edit(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_object_or_404(LadderStep, pk=pk)
    form = LadderStepForm(
        request.POST if request.method == "POST" else None,
        initial={
            "position": step.position,
            "name": step.name,
            "explanation": step.explanation,
            "wants": step.wants,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.ladder_step_update(step=step, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The step is saved."))
            return redirect("collaboration_map:ladder_steps")
    return render(
        request, "collaboration_map/ladder_step_edit.html", {"form": form, "step": step, "nav": NAV}
    )


@secretary_only
@require_POST
def ladder_step_delete(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_object_or_404(LadderStep, pk=pk)
    services.ladder_step_delete(step=step, actor=request.user)
    messages.success(request, _("The step %(name)s is removed.") % {"name": step.name})
    return redirect("collaboration_map:ladder_steps")
