"""The map: an SVG whose every part is a link to its page, lines for the links, a stable layout,
a text alternative with the same content, filters, and an embeddable picture and frame."""

import random
import re
import xml.etree.ElementTree as ET
from itertools import combinations

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverkan.collaboration_map import layout, selectors, services
from samverkan.collaboration_map.drawing import draw_map
from samverkan.collaboration_map.models import ContactPointKind, LinkKind
from samverkan.collaboration_map.tests.conftest import URLS

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]

NS = "{http://www.w3.org/2000/svg}"


def inline_svg(response) -> ET.Element:
    html = response.content.decode()
    (svg,) = re.findall(r"<svg\b.*?</svg>", html, re.S)
    return ET.fromstring(svg)


def map_links(svg: ET.Element) -> list[ET.Element]:
    return [a for a in svg.iter(f"{NS}a")]


def node_hrefs(svg: ET.Element) -> dict[str, str]:
    return {a.get("data-key"): a.get("href") for a in map_links(svg) if a.get("data-key")}


def svg_edges(svg: ET.Element) -> set[tuple[str, str, str]]:
    return {
        (line.get("data-source"), line.get("data-target"), line.get("data-kind"))
        for line in svg.iter(f"{NS}path")
        if line.get("data-kind")
    }


def expected_nodes(catalogue) -> dict[str, str]:
    """Every active contact point, and every current body that has none, with its page."""
    nodes = {point.map_key: point.get_absolute_url() for point in catalogue.saved}
    for body in (catalogue.network_body, catalogue.group_body):
        nodes[f"b{body.pk}"] = reverse("collaboration_map:body_forum", args=[body.slug])
    return nodes


def test_every_part_of_the_map_is_a_link_to_its_page(client, catalogue):
    svg = inline_svg(client.get(reverse("collaboration_map:map")))
    links = map_links(svg)
    assert links, "the map has links"
    for a in links:
        assert a.get("href"), "every part is a link"
        assert a.get("aria-label"), "every link has an accessible name"
        assert a.find(f"{NS}rect") is not None and a.find(f"{NS}text") is not None
    centre = links[0]
    assert centre.get("aria-label") == settings.MUNICIPALITY_NAME
    assert centre.get("href") == reverse("collaboration_map:catalogue")
    assert node_hrefs(svg) == expected_nodes(catalogue)
    council = next(a for a in links if a.get("data-key") == catalogue.council.map_key)
    assert council.get("aria-label") == "Samverkansrådet, forum"
    assert council.get("href") == "/kontaktytor/samverkansradet/"
    # Each of them leads to a page that says more.
    for href in node_hrefs(svg).values():
        assert client.get(href).status_code == 200


def test_nothing_else_than_active_contact_points_and_current_bodies_is_drawn(client, catalogue):
    services.contact_point_deactivate(contact_point=catalogue.county)
    svg = inline_svg(client.get(reverse("collaboration_map:map")))
    keys = set(node_hrefs(svg))
    assert catalogue.county.map_key not in keys
    text = ET.tostring(svg, encoding="unicode")
    assert "Länsstyrelsen" not in text
    assert "Arbetsgrupp som har slutat" not in text, "an ended body is not a forum any more"
    # The council's body is shown once, through its contact point.
    assert f"b{catalogue.council_body.pk}" not in keys
    assert [t.text for t in svg.iter(f"{NS}tspan")].count("Samverkansrådet") == 1


def test_links_are_drawn_as_lines_with_their_kind(client, catalogue):
    svg = inline_svg(client.get(reverse("collaboration_map:map")))
    council, entry = catalogue.council.map_key, catalogue.entry.map_key
    assert svg_edges(svg) == {
        (council, catalogue.house.map_key, LinkKind.MEETS_IN),
        (catalogue.grant_team.map_key, entry, LinkKind.PART_OF),
        (entry, council, LinkKind.WORKS_WITH),
        # From the council's pages: the working group is part of the council.
        (f"b{catalogue.group_body.pk}", council, LinkKind.PART_OF),
    }
    lines = {line.get("data-kind"): line for line in svg.iter(f"{NS}path") if line.get("data-kind")}
    # The kinds differ by more than colour: dash pattern and line end.
    patterns = {
        kind: (line.get("stroke-dasharray"), line.get("marker-end")) for kind, line in lines.items()
    }
    assert len(set(patterns.values())) == len(patterns) == 3


def test_the_legend_explains_every_kind_without_colour_alone(client, catalogue):
    svg = inline_svg(client.get(reverse("collaboration_map:map")))
    legend = next(g for g in svg.iter(f"{NS}g") if g.get("class") == "collab-map__legend")
    words = [t.text for t in legend.iter(f"{NS}text")]
    assert "Typer av kontaktytor" in words and "Typer av kopplingar" in words
    for label in ["Forum", "Förvaltningens ingång", "Handläggarteam", "Plats", "Extern aktör"]:
        assert label in words
    for label in ["Ingår i", "Rapporterar till", "Samarbetar med", "Möts i"]:
        assert label in words
    samples = [line for line in legend.iter(f"{NS}line")]
    styles = {(s.get("stroke-dasharray"), s.get("marker-end")) for s in samples}
    assert len(styles) == len(LinkKind.values) == len(samples)


def test_the_layout_is_the_same_on_every_visit(client, catalogue):
    url = reverse("collaboration_map:map_embed_svg")
    first, second = client.get(url).content, client.get(url).content
    assert first == second
    page_one = re.search(
        rb"<svg\b.*?</svg>", client.get(reverse("collaboration_map:map")).content, re.S
    )
    page_two = re.search(
        rb"<svg\b.*?</svg>", client.get(reverse("collaboration_map:map")).content, re.S
    )
    assert page_one.group() == page_two.group()


def test_the_layout_does_not_depend_on_the_order_the_rows_come_in(catalogue):
    nodes = selectors.catalogue_nodes()

    def drawn(order):
        drawing = draw_map(
            selectors.graph_for(order), title="Karta", centre_name="Älvstad", centre_url="/"
        )
        return [(n.placed.key, n.placed.x, n.placed.y) for n in drawing.nodes], [
            (e.placed.source, e.placed.target, e.placed.x1, e.placed.y2) for e in drawing.edges
        ]

    shuffled = list(nodes)
    random.Random(4).shuffle(shuffled)
    assert drawn(nodes) == drawn(shuffled) == drawn(list(reversed(nodes)))


def test_keyboard_order_follows_the_map_the_centre_first_then_kind_by_kind(client, catalogue):
    svg = inline_svg(client.get(reverse("collaboration_map:map")))
    kinds = [a.get("data-kind") for a in map_links(svg)[1:]]
    order = [str(kind) for kind in selectors.KIND_ORDER]
    assert kinds == sorted(kinds, key=order.index)
    for a in map_links(svg):
        assert a.get("tabindex") in (None, "0"), "no link is taken out of the tab order"


def text_alternative(response) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    html = response.content.decode()
    tree = html[html.index('id="map-text-tree"') :]
    nodes = dict(re.findall(r'<li data-key="([^"]+)"><a href="([^"]+)"', tree))
    links = set()
    for found in re.findall(r'<li data-link="([^"]+)">', tree):
        source, kind, target = found.split(" ")
        links.add((source, target, kind))
    return nodes, links


def test_the_text_alternative_lists_the_same_content_as_nested_lists(client, catalogue):
    response = client.get(reverse("collaboration_map:map"))
    svg = inline_svg(response)
    nodes, links = text_alternative(response)
    assert nodes == node_hrefs(svg)
    assert links == svg_edges(svg)
    html = response.content.decode()
    tree = html[html.index('id="map-text-tree"') :]
    assert re.search(r"Forum\s*<ul>", tree) and re.search(r"Handläggarteam\s*<ul>", tree)
    assert 'Ingår i: <a href="/kontaktytor/kultur-och-fritidsforvaltningens-ingang/"' in tree
    assert 'Här ingår: <a href="/kontaktytor/handlaggarteam-aktivitetsstod/"' in tree


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"theme": "idrott"}, {"entry", "grant_team"}, {"council", "house", "county", "iop_team"}),
        ({"theme": "integration"}, {"council", "iop_team"}, {"entry", "grant_team"}),
        (
            {"organisation_kind": "foundation"},
            {"council", "entry", "iop_team", "house", "county"},
            {"grant_team"},
        ),
        ({"theme": "idrott", "organisation_kind": "foundation"}, {"entry"}, {"grant_team"}),
    ],
)
def test_filters_redraw_the_map(client, catalogue, query, shown, hidden):
    response = client.get(reverse("collaboration_map:map"), query)
    svg = inline_svg(response)
    keys = set(node_hrefs(svg))
    assert {getattr(catalogue, name).map_key for name in shown} <= keys
    assert not {getattr(catalogue, name).map_key for name in hidden} & keys
    nodes, links = text_alternative(response)
    assert set(nodes) == keys
    # Only links between what is shown are drawn.
    for source, target, _kind in svg_edges(svg):
        assert source in keys and target in keys
    assert links == svg_edges(svg)


def test_a_filter_for_a_theme_leaves_out_the_bodies_without_themes(client, catalogue):
    svg = inline_svg(client.get(reverse("collaboration_map:map"), {"theme": "integration"}))
    assert f"b{catalogue.network_body.pk}" not in node_hrefs(svg)
    svg = inline_svg(client.get(reverse("collaboration_map:map"), {"organisation_kind": "network"}))
    assert f"b{catalogue.network_body.pk}" in node_hrefs(svg), "a body's forum is for everyone"


def test_an_unknown_filter_value_is_explained_and_the_whole_map_shown(client, catalogue):
    response = client.get(reverse("collaboration_map:map"), {"theme": "finns-inte"})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert node_hrefs(inline_svg(response)) == expected_nodes(catalogue)


def test_the_map_page_runs_no_script_and_uses_no_inline_style(client, catalogue):
    response = client.get(reverse("collaboration_map:map"))
    html = response.content.decode()
    assert "<script" not in html and "<style" not in html and " style=" not in html
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_embeddable_picture_is_an_svg_without_script_that_any_site_may_show(client, catalogue):
    response = client.get(reverse("collaboration_map:map_embed_svg"), {"theme": "idrott"})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy and "default-src 'none'" in policy
    assert "script-src" not in policy, "scripts fall back to default-src 'none'"
    body = response.content.decode()
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<script" not in body.lower() and "<style" not in body and " style=" not in body
    svg = ET.fromstring(response.content)
    assert svg.tag == f"{NS}svg"
    for a in map_links(svg):
        assert a.get("href").startswith(settings.SITE_URL + "/kontaktytor/")
        assert a.get("target") == "_top", "a click opens the page, not the picture"
    assert set(node_hrefs(svg)) == {catalogue.entry.map_key, catalogue.grant_team.map_key}


def test_the_embeddable_frame_may_be_framed_and_has_the_text_alternative(client, catalogue):
    response = client.get(reverse("collaboration_map:map_embed_frame"))
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "<script" not in html and " style=" not in html
    svg = inline_svg(response)
    nodes, links = text_alternative(response)
    assert (
        {key: settings.SITE_URL + href for key, href in expected_nodes(catalogue).items()}
        == (node_hrefs(svg))
        == nodes
    )
    assert 'target="_top"' in html


def test_the_snippet_page_shows_code_to_copy_without_script(client, catalogue):
    response = client.get(reverse("collaboration_map:map_embed_code"), {"theme": "idrott"})
    html = response.content.decode()
    assert "<script" not in html
    frame = f"{settings.SITE_URL}/karta/inbaddning/ram/?theme=idrott"
    picture = f"{settings.SITE_URL}/karta/inbaddning.svg?theme=idrott"
    assert f"&lt;iframe src=&quot;{frame}&quot;" in html or f'&lt;iframe src="{frame}"' in html
    assert f"&lt;img src=&quot;{picture}&quot;" in html or f'&lt;img src="{picture}"' in html
    assert response["X-Frame-Options"] == "DENY"


def test_the_map_page_takes_the_same_number_of_queries_for_3_or_40_contact_points(
    client, secretary, make_points, django_assert_max_num_queries
):
    make_points(3)
    url = reverse("collaboration_map:map")
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"theme": "idrott"})
    make_points(37)
    with django_assert_max_num_queries(len(few)):
        response = client.get(url, {"theme": "idrott"})
    assert len(node_hrefs(inline_svg(response))) > 3
    with CaptureQueriesContext(connection) as embed:
        client.get(reverse("collaboration_map:map_embed_svg"))
    assert len(embed) <= len(few)


# --- The layout on its own --------------------------------------------------------------------


def _boxes_overlap(a: layout.PlacedNode, b: layout.PlacedNode) -> bool:
    return abs(a.x - b.x) < layout.BOX_W and abs(a.y - b.y) < layout.BOX_H


@pytest.mark.parametrize("counts", [(0, 0), (1, 0), (0, 1), (3, 5), (12, 30), (25, 27), (60, 90)])
def test_no_two_boxes_overlap_and_all_fit_on_the_canvas(counts):
    inner, outer = counts
    rings = [
        [layout.NodeIn(f"f{n}", ContactPointKind.FORUM, f"Forum {n}") for n in range(inner)],
        [layout.NodeIn(f"t{n}", ContactPointKind.HANDLING_TEAM, f"Team {n}") for n in range(outer)],
    ]
    placed = layout.compute_layout(
        rings=rings, edges=[], centre_label="Älvstads kommun", node_kinds=[], link_kinds=[]
    )
    assert len(placed.nodes) == inner + outer
    for a, b in combinations(placed.nodes, 2):
        assert not _boxes_overlap(a, b), (a, b)
    for node in placed.nodes:
        assert node.left >= 0 and node.left + layout.BOX_W <= placed.width
        assert node.top >= 0 and node.top + layout.BOX_H <= placed.legend_top
        assert not (
            abs(node.x - placed.centre_x) < (layout.BOX_W + layout.CENTRE_W) / 2
            and abs(node.y - placed.centre_y) < (layout.BOX_H + layout.CENTRE_H) / 2
        )
    if inner and outer:
        assert {n.ring for n in placed.nodes if n.key.startswith("f")} == {0}
        assert {n.ring for n in placed.nodes if n.key.startswith("t")} == {1}


def test_the_first_node_of_a_ring_is_at_the_top_and_the_rest_follow_clockwise():
    rings = [[layout.NodeIn(f"f{n}", ContactPointKind.FORUM, f"F{n}") for n in range(4)]]
    placed = layout.compute_layout(
        rings=rings, edges=[], centre_label="Mitt", node_kinds=[], link_kinds=[]
    )
    first, right, bottom, left = placed.nodes
    assert first.y < placed.centre_y and first.x >= placed.centre_x
    assert right.x > placed.centre_x and bottom.y > placed.centre_y and left.x < placed.centre_x


def test_lines_end_at_the_border_of_the_boxes():
    rings = [[layout.NodeIn("a", "forum", "A"), layout.NodeIn("b", "forum", "B")]]
    placed = layout.compute_layout(
        rings=rings,
        edges=[layout.EdgeIn("a", "b", "part_of")],
        centre_label="Mitt",
        node_kinds=[],
        link_kinds=[],
    )
    (edge,) = placed.edges
    a, b = placed.nodes
    for x, y, node in [(edge.x1, edge.y1, a), (edge.x2, edge.y2, b)]:
        inside = abs(x - node.x) < layout.BOX_W / 2 - 1 and abs(y - node.y) < layout.BOX_H / 2 - 1
        assert not inside


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("Samverkansrådet", ("Samverkansrådet",)),
        (
            "Miljö- och stadsbyggnadsförvaltningen",
            ("Miljö- och", "stadsbyggnads-", "förvaltningen"),
        ),
        ("Förskole- och grundskoleförvaltningen", ("Förskole- och", "grundskoleförvaltningen")),
    ],
)
def test_long_swedish_names_are_wrapped_before_a_compound_tail(name, lines):
    assert layout.wrap_label(name) == lines


def test_a_very_long_name_is_shortened_on_the_map_and_whole_in_its_name():
    lines = layout.wrap_label("Ett mycket långt namn " * 6)
    assert len(lines) == layout.MAX_LINES and lines[-1].endswith("…")


def test_a_line_that_would_cross_the_municipality_is_bent_around_it():
    rings = [[layout.NodeIn(f"f{n}", "forum", f"F{n}") for n in range(4)]]
    placed = layout.compute_layout(
        rings=rings,
        edges=[layout.EdgeIn("f0", "f2", "part_of"), layout.EdgeIn("f0", "f1", "works_with")],
        centre_label="Mitt",
        node_kinds=[],
        link_kinds=[],
    )
    across, aside = placed.edges
    top, bottom = placed.nodes[0], placed.nodes[2]
    assert top.x == bottom.x == placed.centre_x, "the two face each other across the centre"
    assert across.qx is not None and across.d.startswith(f"M{across.x1} {across.y1} Q")
    hw = layout.CENTRE_W / 2 + layout.CENTRE_CLEARANCE
    hh = layout.CENTRE_H / 2 + layout.CENTRE_CLEARANCE
    for step in range(21):
        u = step / 20
        x = (1 - u) ** 2 * top.x + 2 * (1 - u) * u * across.qx + u**2 * bottom.x
        y = (1 - u) ** 2 * top.y + 2 * (1 - u) * u * across.qy + u**2 * bottom.y
        assert not (abs(x - placed.centre_x) < hw and abs(y - placed.centre_y) < hh)
    assert aside.qx is None and " L" in aside.d, "a line that misses the centre stays straight"
