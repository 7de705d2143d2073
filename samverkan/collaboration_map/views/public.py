"""The public catalogue of contact points and the page of each one."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from samverkan.collaboration_map import rules, selectors
from samverkan.collaboration_map.forms import CatalogueFilterForm
from samverkan.collaboration_map.models import ContactPoint, Want
from samverkan.organisations.models import OrganisationKind

PAGE_SIZE = 20
NAV = "collaboration_map"


def query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("sida", None)
    return query.urlencode()


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None)
    criteria = selectors.CatalogueFilter()
    if form.is_bound and form.is_valid():
        criteria = selectors.CatalogueFilter(**form.cleaned_data)
    nodes = selectors.catalogue_search(criteria)
    page = Paginator(nodes, PAGE_SIZE).get_page(request.GET.get("sida"))
    return render(
        request,
        "collaboration_map/contact_point_list.html",
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "filtered": criteria.is_filtered,
            "nav": NAV,
        },
    )


def _detail(request: HttpRequest, point: ContactPoint) -> HttpResponse:
    return render(
        request,
        "collaboration_map/contact_point_detail.html",
        {
            "point": point,
            "relations": selectors.relations_for(point),
            "organisation_kinds": [OrganisationKind(v).label for v in point.organisation_kinds],
            "offers": [Want(v).label for v in point.offers],
            "inquiry_url": selectors.inquiry_url_for(point),
            "can_edit": rules.can_edit_catalogue(request.user),
            "nav": NAV,
        },
    )


@require_GET
def contact_point_detail(request: HttpRequest, slug: str) -> HttpResponse:
    point = selectors.contact_point_for_page(
        slug, include_inactive=rules.can_edit_catalogue(request.user)
    )
    if point is None or not rules.can_view_contact_point(request.user, point):
        raise Http404
    return _detail(request, point)


@require_GET
def body_forum(request: HttpRequest, slug: str) -> HttpResponse:
    """A body of the council's pages shown as a forum; once adopted, its contact point."""
    adopted = ContactPoint.objects.filter(body__slug=slug, is_active=True).first()
    if adopted is not None:
        return redirect(adopted)
    point = selectors.forum_for_body(slug)
    if point is None:
        raise Http404
    return _detail(request, point)
