"""Reads of the catalogue: the contact points to show, their links, the map and the ladder.

Bodies from the council's pages are forums without being entered twice: every current body
(started, not ended) that no contact point has adopted is shown as a forum built from the body,
an *unsaved* ``ContactPoint`` with ``body`` set and ``is_from_body`` true. These are never
saved here. A body's place under its parent body ("AU is part of Samverkansrådet") becomes a
"part of" link on the map. Everything here takes a constant number of queries, however large
the catalogue.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samverkan.collaboration_map.models import (
    ContactLink,
    ContactPoint,
    ContactPointKind,
    Frequency,
    LadderStep,
    LinkKind,
    Theme,
    Want,
)
from samverkan.core.swedish import sort_key
from samverkan.meetings.models import Body
from samverkan.organisations.models import OrganisationKind

#: The order of the kinds: on the map (clockwise from the top, inner ring first), in the text
#: alternative and in the legend.
KIND_ORDER = (
    ContactPointKind.FORUM,
    ContactPointKind.NETWORK,
    ContactPointKind.DEPARTMENT_ENTRY,
    ContactPointKind.HANDLING_TEAM,
    ContactPointKind.PLACE,
    ContactPointKind.EXTERNAL_BODY,
)
KIND_PLURALS: dict[str, Promise] = {
    ContactPointKind.FORUM: _("Forums"),
    ContactPointKind.NETWORK: _("Networks"),
    ContactPointKind.DEPARTMENT_ENTRY: _("Department entries"),
    ContactPointKind.HANDLING_TEAM: _("Handling teams"),
    ContactPointKind.PLACE: _("Places"),
    ContactPointKind.EXTERNAL_BODY: _("External bodies"),
}

#: How a link reads from each end: (kind, outgoing?) -> label.
RELATION_LABELS: dict[tuple[str, bool], Promise] = {
    (LinkKind.PART_OF, True): _("Is part of"),
    (LinkKind.PART_OF, False): _("Has as a part"),
    (LinkKind.REPORTS_TO, True): _("Reports to"),
    (LinkKind.REPORTS_TO, False): _("Receives reports from"),
    (LinkKind.WORKS_WITH, True): _("Works with"),
    (LinkKind.WORKS_WITH, False): _("Works with"),
    (LinkKind.MEETS_IN, True): _("Meets in"),
    (LinkKind.MEETS_IN, False): _("Meeting place of"),
}


def organisation_kind_choices() -> list[tuple[str, str]]:
    """The kinds of organisation a contact point can be for: civil society's kinds."""
    return [
        (value, label)
        for value, label in OrganisationKind.choices
        if not value.startswith("municipal_")
    ]


# ---------------------------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------------------------


def _current_bodies(today: date) -> Q:
    return (Q(active_from__isnull=True) | Q(active_from__lte=today)) & (
        Q(active_to__isnull=True) | Q(active_to__gte=today)
    )


def forum_from_body(body: Body) -> ContactPoint:
    """A body that has no contact point of its own, shown as a forum (never saved)."""
    point = ContactPoint(
        name=body.name,
        name_sort=sort_key(body.name),
        slug=body.slug,
        kind=ContactPointKind.FORUM,
        purpose=body.purpose,
        body=body,
        is_active=True,
    )
    point.theme_list = []
    return point


def catalogue_nodes(*, include_inactive: bool = False, today: date | None = None):
    """Every contact point to show, in Swedish alphabetical order, each with ``theme_list``:
    the active ones (all, for the secretary, with ``include_inactive``) and a forum for each
    current body that has no contact point. Three queries."""
    today = today or timezone.localdate()
    points = ContactPoint.objects.select_related("owner", "body").prefetch_related("themes")
    if not include_inactive:
        points = points.filter(is_active=True)
    nodes: list[ContactPoint] = []
    for point in points:
        point.theme_list = list(point.themes.all())
        nodes.append(point)
    bodies = Body.objects.filter(_current_bodies(today), contact_point__isnull=True)
    nodes.extend(forum_from_body(body) for body in bodies)
    return sorted(nodes, key=lambda n: (n.name_sort, n.name, n.map_key))


@dataclass(frozen=True)
class CatalogueFilter:
    theme: str = ""  # a theme's slug
    organisation_kind: str = ""  # an OrganisationKind value
    kind: str = ""  # a ContactPointKind value

    def matches(self, point: ContactPoint) -> bool:
        if self.kind and point.kind != self.kind:
            return False
        if self.theme and self.theme not in {t.slug for t in point.theme_list}:
            return False
        # A contact point for no kind in particular is for every kind.
        return not (
            self.organisation_kind
            and point.organisation_kinds
            and self.organisation_kind not in point.organisation_kinds
        )

    @property
    def is_filtered(self) -> bool:
        return bool(self.theme or self.organisation_kind or self.kind)


def catalogue_search(criteria: CatalogueFilter) -> list[ContactPoint]:
    return [node for node in catalogue_nodes() if criteria.matches(node)]


def themes() -> list[Theme]:
    return list(Theme.objects.all())


# ---------------------------------------------------------------------------------------------
# Links and the graph the map draws
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edge:
    source: ContactPoint
    target: ContactPoint
    kind: str
    #: Made from a body's place under its parent body in the council's pages.
    from_bodies: bool = False

    @property
    def kind_label(self) -> str:
        return str(LinkKind(self.kind).label)


@dataclass(frozen=True)
class Relation:
    label: Promise
    other: ContactPoint
    edge: Edge


@dataclass
class KindGroup:
    kind: str
    heading: Promise
    nodes: list[ContactPoint]


@dataclass
class Graph:
    """Contact points in map order (by kind, then position, then name) and the links
    between them."""

    nodes: list[ContactPoint]
    edges: list[Edge]

    def __post_init__(self) -> None:
        relations: dict[str, list[Relation]] = defaultdict(list)
        for edge in self.edges:
            relations[edge.source.map_key].append(
                Relation(RELATION_LABELS[(edge.kind, True)], edge.target, edge)
            )
            relations[edge.target.map_key].append(
                Relation(RELATION_LABELS[(edge.kind, False)], edge.source, edge)
            )
        order = {node.map_key: number for number, node in enumerate(self.nodes)}
        for node in self.nodes:
            node.relations = sorted(
                relations.get(node.map_key, []),
                key=lambda r: (
                    list(LinkKind.values).index(r.edge.kind),
                    r.other is r.edge.target,
                    order.get(r.other.map_key, 0),
                ),
            )

    def groups(self) -> list[KindGroup]:
        by_kind: dict[str, list[ContactPoint]] = defaultdict(list)
        for node in self.nodes:
            by_kind[node.kind].append(node)
        return [
            KindGroup(kind, KIND_PLURALS[kind], by_kind[kind])
            for kind in KIND_ORDER
            if by_kind[kind]
        ]

    def relations_of(self, node: ContactPoint) -> list[Relation]:
        return getattr(node, "relations", [])


def map_order_key(node: ContactPoint) -> tuple:
    return (
        KIND_ORDER.index(ContactPointKind(node.kind)),
        node.position,
        node.name_sort,
        node.map_key,
    )


def graph_for(nodes: Iterable[ContactPoint]) -> Graph:
    """The links among ``nodes``: the secretary's links and those made from the bodies'
    parents. One query."""
    nodes = sorted(nodes, key=map_order_key)
    saved = {node.pk: node for node in nodes if node.pk is not None}
    by_body = {node.body_id: node for node in nodes if node.body_id is not None}
    edges: list[Edge] = []
    explicit: set[tuple[str, str, str]] = set()
    links = ContactLink.objects.filter(source__in=saved.keys(), target__in=saved.keys())
    for source_id, target_id, kind in links.values_list("source_id", "target_id", "kind"):
        source, target = saved[source_id], saved[target_id]
        edges.append(Edge(source, target, kind))
        explicit.add((source.map_key, target.map_key, kind))
    for node in nodes:
        parent = by_body.get(node.body.parent_id) if node.body_id is not None else None
        if (
            parent is not None
            and parent is not node
            and (node.map_key, parent.map_key, LinkKind.PART_OF) not in explicit
        ):
            edges.append(Edge(node, parent, LinkKind.PART_OF, from_bodies=True))
    order = {node.map_key: number for number, node in enumerate(nodes)}
    edges.sort(
        key=lambda e: (
            order[e.source.map_key],
            order[e.target.map_key],
            list(LinkKind.values).index(e.kind),
        )
    )
    return Graph(nodes=nodes, edges=edges)


@dataclass(frozen=True)
class MapFilter:
    theme: str = ""
    organisation_kind: str = ""

    @property
    def as_catalogue_filter(self) -> CatalogueFilter:
        return CatalogueFilter(theme=self.theme, organisation_kind=self.organisation_kind)

    @property
    def is_filtered(self) -> bool:
        return bool(self.theme or self.organisation_kind)

    def query(self) -> str:
        return urlencode(
            {
                key: value
                for key, value in (
                    ("theme", self.theme),
                    ("organisation_kind", self.organisation_kind),
                )
                if value
            }
        )


def map_graph(criteria: MapFilter | None = None) -> Graph:
    """The map: every active contact point that passes the filter and the links among them.
    Four queries."""
    criteria = criteria or MapFilter()
    wanted = criteria.as_catalogue_filter
    return graph_for(node for node in catalogue_nodes() if wanted.matches(node))


def contact_point_for_page(slug: str, *, include_inactive: bool = False) -> ContactPoint | None:
    points = ContactPoint.objects.select_related("owner", "body").prefetch_related("themes")
    if not include_inactive:
        points = points.filter(is_active=True)
    point = points.filter(slug=slug).first()
    if point is not None:
        point.theme_list = list(point.themes.all())
    return point


def forum_for_body(slug: str, today: date | None = None) -> ContactPoint | None:
    """The forum shown for a current body that has no contact point of its own."""
    body = (
        Body.objects.filter(_current_bodies(today or timezone.localdate()), slug=slug)
        .filter(contact_point__isnull=True)
        .first()
    )
    return forum_from_body(body) if body is not None else None


def relations_for(point: ContactPoint) -> list[Relation]:
    """Where to go on from a contact point: its links to other active contact points."""
    nodes = [node for node in catalogue_nodes() if node.map_key != point.map_key]
    graph = graph_for([*nodes, point])
    return graph.relations_of(point)


# ---------------------------------------------------------------------------------------------
# The inquiry service ("En väg in"), when it is installed
# ---------------------------------------------------------------------------------------------

#: What an answer to "what do you want?" is called in the inquiry form.
INQUIRY_KINDS = {
    Want.INFORMATION: "question",
    Want.DIALOGUE: "idea",
    Want.GRANT: "grant",
    Want.PREMISES: "premises",
    Want.VOLUNTEERS: "question",
    Want.PARTNERSHIP: "partnership",
    Want.CONSULTATION: "consultation",
}


def inquiry_url(*, team: str = "", kind: str = "") -> str | None:
    """The address of the inquiry form for ``team`` and ``kind``, or None when the inquiry
    service is not installed (then people use the contact point's own contact details)."""
    try:
        base = reverse("inquiries:new")
    except NoReverseMatch:
        return None
    query = urlencode({key: value for key, value in (("team", team), ("kind", kind)) if value})
    return f"{base}?{query}" if query else base


def inquiry_url_for(point: ContactPoint, want: str = "") -> str | None:
    """Send an inquiry straight to the team behind a handling team or a department entry."""
    if point.pk is None or point.kind not in (
        ContactPointKind.HANDLING_TEAM,
        ContactPointKind.DEPARTMENT_ENTRY,
    ):
        return None
    return inquiry_url(team=point.team_slug, kind=INQUIRY_KINDS.get(want, ""))


# ---------------------------------------------------------------------------------------------
# The ladder
# ---------------------------------------------------------------------------------------------

#: Which kinds of contact point suit how often the organisation expects to be in touch: for a
#: single errand a handling team or a department's entry, for a lasting relationship a forum.
FREQUENCY_KIND_ORDER: dict[str, tuple[str, ...]] = {
    Frequency.ONCE: (
        ContactPointKind.HANDLING_TEAM,
        ContactPointKind.DEPARTMENT_ENTRY,
        ContactPointKind.PLACE,
        ContactPointKind.NETWORK,
        ContactPointKind.FORUM,
        ContactPointKind.EXTERNAL_BODY,
    ),
    Frequency.SOMETIMES: (
        ContactPointKind.DEPARTMENT_ENTRY,
        ContactPointKind.HANDLING_TEAM,
        ContactPointKind.NETWORK,
        ContactPointKind.FORUM,
        ContactPointKind.PLACE,
        ContactPointKind.EXTERNAL_BODY,
    ),
    Frequency.REGULARLY: (
        ContactPointKind.FORUM,
        ContactPointKind.NETWORK,
        ContactPointKind.DEPARTMENT_ENTRY,
        ContactPointKind.HANDLING_TEAM,
        ContactPointKind.PLACE,
        ContactPointKind.EXTERNAL_BODY,
    ),
}


@dataclass(frozen=True)
class LadderAnswers:
    organisation_kind: str
    want: str
    frequency: str


@dataclass
class LadderResult:
    answers: LadderAnswers
    steps: list[LadderStep]
    step: LadderStep | None
    contact_points: list[ContactPoint]
    #: The team that should receive an inquiry, and the address of the form for it.
    team: ContactPoint | None
    inquiry_url: str | None


def ladder_steps() -> list[LadderStep]:
    return list(LadderStep.objects.all())


def ladder_result(answers: LadderAnswers, *, theme: str = "") -> LadderResult:
    """The step of the ladder the answers land on, with the contact points that offer what
    the organisation wants and are for its kind (and have ``theme``, if given), the best
    suited first."""
    steps = ladder_steps()
    step = next((s for s in steps if answers.want in s.wants), None)
    kind_order = FREQUENCY_KIND_ORDER.get(answers.frequency, KIND_ORDER)
    candidates = [
        node
        for node in catalogue_nodes()
        if node.pk is not None
        and answers.want in node.offers
        and (not node.organisation_kinds or answers.organisation_kind in node.organisation_kinds)
        and (not theme or theme in {t.slug for t in node.theme_list})
    ]
    candidates.sort(
        key=lambda node: (
            kind_order.index(node.kind),
            # A contact point meant for their kind of organisation before one for everybody.
            not node.organisation_kinds,
            node.position,
            node.name_sort,
            node.pk,
        )
    )
    team = next(
        (n for n in candidates if n.kind == ContactPointKind.HANDLING_TEAM),
        next((n for n in candidates if n.kind == ContactPointKind.DEPARTMENT_ENTRY), None),
    )
    if team is not None:
        url = inquiry_url_for(team, answers.want)
    else:
        url = inquiry_url(kind=INQUIRY_KINDS.get(answers.want, ""))
    return LadderResult(
        answers=answers,
        steps=steps,
        step=step,
        contact_points=candidates,
        team=team,
        inquiry_url=url,
    )
