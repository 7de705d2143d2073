"""From the graph of contact points to what the SVG template draws: places, styles, addresses.

Kinds are told apart by more than colour: contact points by the shape and border of their box
(and their sector on the map), links by their dash pattern and line end, all shown in the legend.
Only SVG presentation attributes are used, never a style attribute or element, so the map works
under the site's strict Content Security Policy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverkan.collaboration_map import layout
from samverkan.collaboration_map.models import ContactPoint, ContactPointKind, LinkKind
from samverkan.collaboration_map.selectors import KIND_ORDER, Graph

#: The inner ring holds the forums and networks, the outer ring the entries, teams, places and
#: external bodies.
RINGS = (
    (ContactPointKind.FORUM, ContactPointKind.NETWORK),
    (
        ContactPointKind.DEPARTMENT_ENTRY,
        ContactPointKind.HANDLING_TEAM,
        ContactPointKind.PLACE,
        ContactPointKind.EXTERNAL_BODY,
    ),
)


@dataclass(frozen=True)
class NodeStyle:
    fill: str
    stroke: str
    stroke_width: int
    dash: str  # "" for a solid border
    rx: int  # corner radius: pills for forums and networks, square for entries and teams


@dataclass(frozen=True)
class LinkStyle:
    stroke: str
    stroke_width: int
    dash: str
    marker: str  # "arrow", "circle" or "" (no end: works with goes both ways)


NODE_STYLES = {
    ContactPointKind.FORUM: NodeStyle("#dcebf5", "#005a8c", 2, "", layout.BOX_H // 2),
    ContactPointKind.NETWORK: NodeStyle("#e6f2e7", "#1e6b24", 2, "7 4", layout.BOX_H // 2),
    ContactPointKind.DEPARTMENT_ENTRY: NodeStyle("#ffffff", "#1b1b1b", 2, "", 2),
    ContactPointKind.HANDLING_TEAM: NodeStyle("#f3f6f8", "#4a4a4a", 3, "", 10),
    ContactPointKind.PLACE: NodeStyle("#fff3df", "#8a4b00", 2, "2 3", 10),
    ContactPointKind.EXTERNAL_BODY: NodeStyle("#f1f1f1", "#595959", 2, "10 4 2 4", 0),
}
CENTRE_STYLE = NodeStyle("#003e61", "#003e61", 2, "", 8)
LINK_STYLES = {
    LinkKind.PART_OF: LinkStyle("#1b1b1b", 2, "", "arrow"),
    LinkKind.REPORTS_TO: LinkStyle("#005a8c", 2, "10 6", "arrow"),
    LinkKind.WORKS_WITH: LinkStyle("#1e6b24", 2, "2 5", ""),
    LinkKind.MEETS_IN: LinkStyle("#8a4b00", 2, "14 5 3 5", "circle"),
}


def _dash(style: NodeStyle | LinkStyle) -> str:
    return format_html(' stroke-dasharray="{}"', style.dash) if style.dash else ""


@dataclass(frozen=True)
class DrawnNode:
    placed: layout.PlacedNode
    point: ContactPoint
    url: str
    name: str  # the accessible name: the whole name and the kind
    style: NodeStyle
    link_target: str = ""

    @property
    def is_truncated(self) -> bool:
        return self.placed.lines[-1].endswith("…")

    @property
    def svg(self) -> str:
        """The node's SVG (a link around a box and its text). Written here rather than in the
        template: a map has hundreds of nodes, and this is several times faster."""
        p, style = self.placed, self.style
        return format_html(
            '<a class="collab-map__node collab-map__node--{kind}" href="{url}" aria-label="{name}"'
            ' data-key="{key}" data-kind="{kind}"{target}>{title}\n'
            '<rect x="{left}" y="{top}" width="{w}" height="{h}" rx="{rx}" fill="{fill}"'
            ' stroke="{stroke}" stroke-width="{stroke_width}"{dash}/>\n'
            '<text text-anchor="middle" fill="#1b1b1b">{lines}</text>\n</a>',
            kind=p.kind,
            url=self.url,
            name=self.name,
            key=p.key,
            target=format_html(' target="{}"', self.link_target) if self.link_target else "",
            title=format_html("<title>{}</title>", self.point.name) if self.is_truncated else "",
            left=p.left,
            top=p.top,
            w=layout.BOX_W,
            h=layout.BOX_H,
            rx=style.rx,
            fill=style.fill,
            stroke=style.stroke,
            stroke_width=style.stroke_width,
            dash=_dash(style),
            lines=format_html_join(
                "", '<tspan x="{}" y="{}">{}</tspan>', ((p.x, y, line) for y, line in p.text_lines)
            ),
        )


@dataclass(frozen=True)
class DrawnEdge:
    placed: layout.PlacedEdge
    label: str
    style: LinkStyle

    @property
    def svg(self) -> str:
        """The link's SVG path with its title (see DrawnNode.svg)."""
        p, style = self.placed, self.style
        return format_html(
            '<path class="collab-map__link collab-map__link--{kind}" data-source="{source}"'
            ' data-target="{target}" data-kind="{kind}" d="{d}" stroke="{stroke}"'
            ' stroke-width="{stroke_width}"{dash} stroke-linecap="round"{marker}>'
            "<title>{label}</title></path>",
            kind=p.kind,
            source=p.source,
            target=p.target,
            d=p.d,
            stroke=style.stroke,
            stroke_width=style.stroke_width,
            dash=_dash(style),
            marker=format_html(' marker-end="url(#cm-end-{})"', p.kind) if style.marker else "",
            label=self.label,
        )


@dataclass(frozen=True)
class LegendEntry:
    item: layout.LegendItem
    label: str
    node_style: NodeStyle | None = None
    link_style: LinkStyle | None = None

    @property
    def sample_rx(self) -> int:
        return min(self.node_style.rx, layout.LEGEND_SAMPLE_H // 2) if self.node_style else 0


@dataclass(frozen=True)
class MapDrawing:
    layout: layout.Layout
    title: str
    description: str
    centre_name: str
    centre_url: str
    centre_style: NodeStyle
    nodes: tuple[DrawnNode, ...]
    edges: tuple[DrawnEdge, ...]
    kind_legend: tuple[LegendEntry, ...]
    link_legend: tuple[LegendEntry, ...]
    link_target: str  # "_top" in an embedded map, so a click opens the page, not the frame
    kind_legend_heading: str
    link_legend_heading: str

    @property
    def box_w(self) -> int:
        return layout.BOX_W

    @property
    def box_h(self) -> int:
        return layout.BOX_H

    @property
    def centre_w(self) -> int:
        return layout.CENTRE_W

    @property
    def centre_h(self) -> int:
        return layout.CENTRE_H

    @property
    def legend_sample_w(self) -> int:
        return layout.LEGEND_SAMPLE_W

    @property
    def legend_sample_h(self) -> int:
        return layout.LEGEND_SAMPLE_H

    @property
    def markers(self) -> list[tuple[str, LinkStyle]]:
        return [(kind, style) for kind, style in LINK_STYLES.items() if style.marker]


def draw_map(
    graph: Graph,
    *,
    title: str,
    centre_name: str,
    centre_url: str,
    url_for: Callable[[str], str] = lambda path: path,
    embedded: bool = False,
) -> MapDrawing:
    """Lay out ``graph`` and attach what the template needs. ``url_for`` turns a path into
    the address to link to (absolute, for the embedded map). Each node gets ``map_url``, which
    the text alternative uses too."""
    by_kind: dict[str, list[ContactPoint]] = {}
    for node in graph.nodes:
        node.map_url = url_for(node.get_absolute_url())
        by_kind.setdefault(node.kind, []).append(node)
    rings = [
        [
            layout.NodeIn(key=node.map_key, kind=node.kind, label=node.name)
            for kind in ring
            for node in by_kind.get(kind, [])
        ]
        for ring in RINGS
    ]
    edges = [
        layout.EdgeIn(source=e.source.map_key, target=e.target.map_key, kind=e.kind)
        for e in graph.edges
    ]
    placed = layout.compute_layout(
        rings=rings,
        edges=edges,
        centre_label=centre_name,
        node_kinds=[str(kind) for kind in KIND_ORDER],
        link_kinds=list(LinkKind.values),
    )
    points = {node.map_key: node for node in graph.nodes}
    names = {node.map_key: node.name for node in graph.nodes}
    drawn_nodes = tuple(
        DrawnNode(
            placed=p,
            point=points[p.key],
            url=points[p.key].map_url,
            name=_("%(name)s, %(kind)s")
            % {"name": names[p.key], "kind": str(ContactPointKind(p.kind).label).lower()},
            style=NODE_STYLES[ContactPointKind(p.kind)],
            link_target="_top" if embedded else "",
        )
        for p in placed.nodes
    )
    drawn_edges = tuple(
        DrawnEdge(
            placed=e,
            label=f"{names[e.source]} – {LinkKind(e.kind).label} – {names[e.target]}",
            style=LINK_STYLES[LinkKind(e.kind)],
        )
        for e in placed.edges
    )
    return MapDrawing(
        layout=placed,
        title=title,
        description=ngettext(
            "%(count)s contact point around the municipality and its links. It is a link to "
            "its page. The same content is also written out as a list.",
            "%(count)s contact points around the municipality and the links between them. Each "
            "is a link to its page. The same content is also written out as a list.",
            len(drawn_nodes),
        )
        % {"count": len(drawn_nodes)},
        centre_name=centre_name,
        centre_url=url_for(centre_url),
        centre_style=CENTRE_STYLE,
        nodes=drawn_nodes,
        edges=drawn_edges,
        kind_legend=tuple(
            LegendEntry(
                item=item,
                label=str(ContactPointKind(item.value).label),
                node_style=NODE_STYLES[ContactPointKind(item.value)],
            )
            for item in placed.kind_legend
        ),
        link_legend=tuple(
            LegendEntry(
                item=item,
                label=str(LinkKind(item.value).label),
                link_style=LINK_STYLES[LinkKind(item.value)],
            )
            for item in placed.link_legend
        ),
        link_target="_top" if embedded else "",
        # The template is .svg, which makemessages does not read: its words come from here.
        kind_legend_heading=_("Kinds of contact point"),
        link_legend_heading=_("Kinds of link"),
    )
