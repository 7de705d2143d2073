"""The map of collaboration: the page, the embeddable picture and frame, and the snippet page.

The embeddable views are meant to be shown inside the municipality's own website, so they
set their own Content Security Policy (any site may frame them; nothing may run in them) and
are exempt from the site-wide X-Frame-Options: DENY. Their links are absolute and open in the
top window.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from samverkan.collaboration_map import selectors
from samverkan.collaboration_map.drawing import MapDrawing, draw_map
from samverkan.collaboration_map.forms import MapFilterForm
from samverkan.collaboration_map.views.public import NAV
from samverkan.core import pagecache

#: For the embeddable picture and frame: framed by any site, no script, no plugin, styles only
#: from this site.
EMBED_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors *",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)
EMBED_MAX_AGE = 300  # seconds: the municipality's visitors need not ask again at each view


def _criteria(request: HttpRequest) -> tuple[MapFilterForm, selectors.MapFilter]:
    form = MapFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, selectors.MapFilter(**form.cleaned_data)
    return form, selectors.MapFilter()


def _title(form: MapFilterForm, criteria: selectors.MapFilter) -> str:
    """The map's title, naming the filter, so an embedded map says what it shows."""
    title = _("Map of collaboration – %(municipality)s") % {
        "municipality": settings.MUNICIPALITY_NAME
    }
    shown = [
        str(dict(form.fields[name].choices).get(value, value))
        for name, value in (
            ("theme", criteria.theme),
            ("organisation_kind", criteria.organisation_kind),
        )
        if value
    ]
    return f"{title} ({', '.join(shown)})" if shown else title


def _drawing(
    graph: selectors.Graph,
    form: MapFilterForm,
    criteria: selectors.MapFilter,
    *,
    embedded: bool,
) -> MapDrawing:
    def absolute(path: str) -> str:
        return settings.SITE_URL + path if embedded else path

    return draw_map(
        graph,
        title=_title(form, criteria),
        centre_name=settings.MUNICIPALITY_NAME,
        centre_url=reverse("collaboration_map:catalogue"),
        url_for=absolute,
        embedded=embedded,
    )


_MAP_BODY_MARK = mark_safe("<!-- map body -->")  # noqa: S308 (a constant)


@require_GET
def map_page(request: HttpRequest) -> HttpResponse:
    form, criteria = _criteria(request)

    def body() -> str:
        graph = selectors.map_graph(criteria)
        context = {"graph": graph, "drawing": _drawing(graph, form, criteria, embedded=False)}
        return render_to_string("collaboration_map/_map_body.html", context)

    # The picture and its list are the same for every visitor: kept until the data change.
    picture = pagecache.fragment("map", (criteria.query(),), body)
    response = render(
        request,
        "collaboration_map/map.html",
        {"form": form, "criteria": criteria, "map_body": _MAP_BODY_MARK, "nav": NAV},
    )
    # Put in after rendering: a rendered template's context stays in reference cycles until
    # Python's full garbage collection, and the picture (1.1 MB at full scale) in it left each
    # worker holding some 100 MB of such garbage under load. Visitors' input on the page is
    # escaped, so the marker (a comment) cannot come from them, and only the first counts.
    response.content = response.content.replace(_MAP_BODY_MARK.encode(), picture.encode(), 1)
    return response


def _embeddable(response: HttpResponse) -> HttpResponse:
    response.headers["Content-Security-Policy"] = EMBED_POLICY
    response.headers["Cache-Control"] = f"public, max-age={EMBED_MAX_AGE}"
    return response


@require_GET
@xframe_options_exempt
def map_embed_svg(request: HttpRequest) -> HttpResponse:
    """The map as a standalone SVG picture (for <img> or <object> on another site)."""
    form, criteria = _criteria(request)
    graph = selectors.map_graph(criteria)
    svg = render_to_string(
        "collaboration_map/map.svg",
        {"drawing": _drawing(graph, form, criteria, embedded=True), "standalone": True},
        request=request,
    )
    return _embeddable(HttpResponse(svg, content_type="image/svg+xml; charset=utf-8"))


@require_GET
@xframe_options_exempt
def map_embed_frame(request: HttpRequest) -> HttpResponse:
    """The map with its text alternative, as a small page for an <iframe> on another site."""
    form, criteria = _criteria(request)
    graph = selectors.map_graph(criteria)
    query = criteria.query()
    return _embeddable(
        render(
            request,
            "collaboration_map/map_embed_frame.html",
            {
                "graph": graph,
                "drawing": _drawing(graph, form, criteria, embedded=True),
                "map_url": settings.SITE_URL
                + reverse("collaboration_map:map")
                + (f"?{query}" if query else ""),
            },
        )
    )


@require_GET
def map_embed_code(request: HttpRequest) -> HttpResponse:
    """The snippets to copy onto the municipality's website; no script needed."""
    form, criteria = _criteria(request)
    query = criteria.query()
    suffix = f"?{query}" if query else ""
    graph = selectors.map_graph(criteria)
    drawing = _drawing(graph, form, criteria, embedded=True)
    return render(
        request,
        "collaboration_map/map_embed_code.html",
        {
            "form": form,
            "frame_url": settings.SITE_URL + reverse("collaboration_map:map_embed_frame") + suffix,
            "svg_url": settings.SITE_URL + reverse("collaboration_map:map_embed_svg") + suffix,
            "map_url": settings.SITE_URL + reverse("collaboration_map:map") + suffix,
            "title": drawing.title,
            "width": drawing.layout.width,
            "height": drawing.layout.height,
            "nav": NAV,
        },
    )
