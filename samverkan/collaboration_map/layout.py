"""The map's layout: where each contact point is drawn. Pure geometry, no database, no chance.

The municipality is a box at the centre. Around it lie rectangular rings: the inner ring holds
forums and networks, the outer ring department entries, handling teams, places and external
bodies. Each ring is the outline of a rectangle with a slot at each corner and slots evenly
spaced along its sides, far enough apart that boxes never overlap, and each ring lies far
enough outside the one within for the lines between them. A ring grows, half a slot at a time,
until it has a slot for each of its contact points, in width or in height, whichever keeps the
map nearest the shape of a landscape A4 page: a big catalogue makes a bigger map, never a
cramped one.

The contact points of a ring are taken in map order (by kind, then the secretary's position,
then Swedish alphabetical order, then identity) and spread evenly over the ring's slots,
clockwise from the top centre. The kinds therefore lie in sectors, in the same order on every
visit: the same catalogue and filter always give the same picture, byte for byte.

Links are straight lines between the borders of the two boxes (arrows stay visible); a line
that would cross the municipality's box is bent around it, so it never seems to end there. Labels
are wrapped to at most three lines; a long Swedish compound is broken before a known tail
("stadsbyggnads-/förvaltningen").
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

BOX_W, BOX_H = 184, 58
FONT_SIZE = 13
LINE_HEIGHT = 15
CHARS_PER_LINE = 23
MAX_LINES = 3
SLOT_X = BOX_W + 18  # distance between neighbours on a top or bottom side
SLOT_Y = BOX_H + 16  # distance between neighbours on a left or right side
RING_STEP_X = BOX_W + 60  # from one ring's side to the next one's: room for lines
RING_STEP_Y = BOX_H + 46
CENTRE_W, CENTRE_H = 240, 72
CENTRE_CLEARANCE = 14  # lines keep this far from the municipality's box
RING0_A = CENTRE_W // 2 + 64 + BOX_W // 2  # half-width of the innermost ring
RING0_B = CENTRE_H // 2 + 52 + BOX_H // 2  # its least half-height
MARGIN = 24
TITLE_H = 44
MIN_WIDTH = 820
PAGE_RATIO = 297 / 210  # landscape A4
LEGEND_ITEM_W = 232
LEGEND_ROW_H = 34
LEGEND_HEADING_H = 30
LEGEND_SAMPLE_W, LEGEND_SAMPLE_H = 44, 22

#: Swedish compound tails a long word is broken before, longest first.
COMPOUND_TAILS = (
    "förvaltningen",
    "förvaltning",
    "partnerskapet",
    "partnerskap",
    "föreningarna",
    "föreningen",
    "föreningar",
    "förening",
    "nätverket",
    "nätverk",
    "gruppen",
    "grupp",
    "bidraget",
    "bidrag",
    "rådet",
    "huset",
    "teamet",
    "stödet",
)


@dataclass(frozen=True)
class NodeIn:
    key: str
    kind: str
    label: str


@dataclass(frozen=True)
class EdgeIn:
    source: str
    target: str
    kind: str


@dataclass(frozen=True)
class PlacedNode:
    key: str
    kind: str
    x: int  # centre
    y: int
    lines: tuple[str, ...]
    ring: int

    @property
    def left(self) -> int:
        return self.x - BOX_W // 2

    @property
    def top(self) -> int:
        return self.y - BOX_H // 2

    @property
    def text_lines(self) -> list[tuple[int, str]]:
        first = self.y - (len(self.lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35
        return [(round(first + n * LINE_HEIGHT), line) for n, line in enumerate(self.lines)]


@dataclass(frozen=True)
class PlacedEdge:
    source: str
    target: str
    kind: str
    x1: int
    y1: int
    x2: int
    y2: int
    #: The control point of a line bent around the municipality in the centre, else None.
    qx: int | None = None
    qy: int | None = None

    @property
    def d(self) -> str:
        """The SVG path: straight, or a quadratic curve around the centre."""
        if self.qx is None:
            return f"M{self.x1} {self.y1} L{self.x2} {self.y2}"
        return f"M{self.x1} {self.y1} Q{self.qx} {self.qy} {self.x2} {self.y2}"


@dataclass(frozen=True)
class LegendItem:
    value: str
    x: int
    y: int


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    centre_x: int
    centre_y: int
    centre_lines: tuple[str, ...]
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]
    title_y: int
    legend_top: int
    kind_legend: tuple[LegendItem, ...]
    link_legend: tuple[LegendItem, ...]
    link_legend_top: int

    @property
    def centre_left(self) -> int:
        return self.centre_x - CENTRE_W // 2

    @property
    def centre_top(self) -> int:
        return self.centre_y - CENTRE_H // 2

    @property
    def centre_text_lines(self) -> list[tuple[int, str]]:
        first = self.centre_y - (len(self.centre_lines) - 1) * 18 / 2 + 16 * 0.35
        return [(round(first + n * 18), line) for n, line in enumerate(self.centre_lines)]


# --- Labels -----------------------------------------------------------------------------------


def _break_word(word: str, width: int) -> list[str]:
    """A word longer than a line, in pieces that end with a hyphen."""
    pieces: list[str] = []
    while len(word) > width:
        lowered = word.casefold()
        cut = next(
            (
                len(word) - len(tail)
                for tail in COMPOUND_TAILS
                if lowered.endswith(tail) and 2 <= len(word) - len(tail) <= width - 1
            ),
            width - 1,
        )
        if word[cut - 1] == "-":
            pieces.append(word[:cut])
        else:
            pieces.append(word[:cut] + "-")
        word = word[cut:]
    return [*pieces, word]


def wrap_label(
    text: str, width: int = CHARS_PER_LINE, max_lines: int = MAX_LINES
) -> tuple[str, ...]:
    words: list[str] = []
    for word in text.split():
        words.extend(_break_word(word, width))
    glued = textwrap.wrap(
        " ".join(words), width=width, break_long_words=False, break_on_hyphens=False
    )
    if len(glued) > max_lines:
        glued = glued[:max_lines]
        glued[-1] = glued[-1][: width - 1].rstrip() + "…"
    return tuple(glued) or ("",)


# --- Rings ------------------------------------------------------------------------------------


def _interior(count: int, half: float) -> list[float]:
    """``count`` points evenly spaced strictly between -half and half."""
    step = 2 * half / (count + 1)
    return [-half + step * (n + 1) for n in range(count)]


def _side_counts(a: float, b: float) -> tuple[int, int]:
    return max(int(2 * a // SLOT_X) - 1, 0), max(int(2 * b // SLOT_Y) - 1, 0)


def ring_capacity(a: float, b: float) -> int:
    top, side = _side_counts(a, b)
    return 4 + 2 * top + 2 * side


def ring_slots(a: float, b: float) -> list[tuple[float, float]]:
    """The slots of a ring, clockwise from the top centre."""
    top, side = _side_counts(a, b)
    xs, ys = _interior(top, a), _interior(side, b)
    upper_right = [(x, -b) for x in xs if x >= -1e-9]
    upper_left = [(x, -b) for x in xs if x < -1e-9]
    return [
        *upper_right,
        (a, -b),
        *[(a, y) for y in ys],
        (a, b),
        *[(x, b) for x in reversed(xs)],
        (-a, b),
        *[(-a, y) for y in reversed(ys)],
        (-a, -b),
        *upper_left,
    ]


def ring_size(least_a: float, least_b: float, count: int) -> tuple[float, float]:
    """The smallest ring from (``least_a``, ``least_b``) up with ``count`` slots. It grows by
    half a slot at a time, in width or in height, whichever keeps the map nearer the shape of
    a landscape A4 page."""
    a, b = least_a, least_b
    while ring_capacity(a, b) < count:
        wider = (a + SLOT_X / 2 + BOX_W / 2) / (b + BOX_H / 2)
        taller = (a + BOX_W / 2) / (b + SLOT_Y / 2 + BOX_H / 2)
        if abs(wider - PAGE_RATIO) <= abs(taller - PAGE_RATIO):
            a += SLOT_X / 2
        else:
            b += SLOT_Y / 2
    return a, b


# --- Lines ------------------------------------------------------------------------------------


def _border_distance(dx: float, dy: float, half_w: float, half_h: float) -> float:
    """How far from a box's centre a ray in direction (dx, dy) (a unit vector) leaves it."""
    tx = half_w / abs(dx) if dx else math.inf
    ty = half_h / abs(dy) if dy else math.inf
    return min(tx, ty)


def segment_hits_box(
    x1: float, y1: float, x2: float, y2: float, cx: float, cy: float, hw: float, hh: float
) -> bool:
    """Whether the segment crosses the box centred on (cx, cy) (Liang–Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = x2 - x1, y2 - y1
    for p, q in (
        (-dx, x1 - (cx - hw)),
        (dx, cx + hw - x1),
        (-dy, y1 - (cy - hh)),
        (dy, cy + hh - y1),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return False
    return True


def _quadratic(s: tuple[float, float], q: tuple[float, float], t: tuple[float, float], u: float):
    return (
        (1 - u) ** 2 * s[0] + 2 * (1 - u) * u * q[0] + u**2 * t[0],
        (1 - u) ** 2 * s[1] + 2 * (1 - u) * u * q[1] + u**2 * t[1],
    )


def _bend(
    s: tuple[float, float], t: tuple[float, float], centre: tuple[float, float]
) -> tuple[float, float] | None:
    """A control point that bends the line from s to t around the centre box, or None when the
    straight line misses it. The bend goes to the side of the centre the line already leans
    to (to its left when it runs straight through), just far enough."""
    hw, hh = CENTRE_W / 2 + CENTRE_CLEARANCE, CENTRE_H / 2 + CENTRE_CLEARANCE
    if not segment_hits_box(*s, *t, *centre, hw, hh):
        return None
    length = math.hypot(t[0] - s[0], t[1] - s[1])
    nx, ny = -(t[1] - s[1]) / length, (t[0] - s[0]) / length
    mx, my = (s[0] + t[0]) / 2, (s[1] + t[1]) / 2
    offset = (mx - centre[0]) * nx + (my - centre[1]) * ny
    if offset < 0:
        nx, ny, offset = -nx, -ny, -offset
    reach = 2 * (abs(nx) * hw + abs(ny) * hh - offset)
    for _attempt in range(12):
        q = (mx + nx * reach, my + ny * reach)
        samples = [_quadratic(s, q, t, step / 20) for step in range(21)]
        if not any(abs(x - centre[0]) < hw and abs(y - centre[1]) < hh for x, y in samples):
            return q
        reach *= 1.25
    return q


def _edge(
    source: PlacedNode, target: PlacedNode, kind: str, centre: tuple[float, float]
) -> PlacedEdge | None:
    s, t = (float(source.x), float(source.y)), (float(target.x), float(target.y))
    if s == t:
        return None
    q = _bend(s, t, centre)
    # The line leaves the source towards the control point (or the target) and reaches the
    # target from the control point (or the source).
    out = q or t
    back = q or s
    ux, uy = out[0] - s[0], out[1] - s[1]
    vx, vy = t[0] - back[0], t[1] - back[1]
    out_len, back_len = math.hypot(ux, uy), math.hypot(vx, vy)
    ux, uy, vx, vy = ux / out_len, uy / out_len, vx / back_len, vy / back_len
    start = _border_distance(ux, uy, BOX_W / 2, BOX_H / 2) + 2
    end = _border_distance(vx, vy, BOX_W / 2, BOX_H / 2) + 4
    if q is None and start + end >= math.hypot(t[0] - s[0], t[1] - s[1]):
        return None
    return PlacedEdge(
        source=source.key,
        target=target.key,
        kind=kind,
        x1=round(s[0] + ux * start),
        y1=round(s[1] + uy * start),
        x2=round(t[0] - vx * end),
        y2=round(t[1] - vy * end),
        qx=round(q[0]) if q else None,
        qy=round(q[1]) if q else None,
    )


# --- The whole map ----------------------------------------------------------------------------


def _legend(values: Sequence[str], top: int, width: int) -> tuple[tuple[LegendItem, ...], int]:
    per_row = max((width - 2 * MARGIN) // LEGEND_ITEM_W, 1)
    items = tuple(
        LegendItem(
            value=value,
            x=MARGIN + (n % per_row) * LEGEND_ITEM_W,
            y=top + (n // per_row) * LEGEND_ROW_H,
        )
        for n, value in enumerate(values)
    )
    rows = math.ceil(len(values) / per_row) if values else 0
    return items, top + rows * LEGEND_ROW_H


def compute_layout(
    *,
    rings: Sequence[Sequence[NodeIn]],
    edges: Sequence[EdgeIn],
    centre_label: str,
    node_kinds: Sequence[str],
    link_kinds: Sequence[str],
) -> Layout:
    """Place ``rings`` (lists of nodes already in map order, innermost first; empty ones are
    skipped) around the centre and draw ``edges`` between placed nodes."""
    filled = [list(ring) for ring in rings if ring]
    placed_at: list[tuple[NodeIn, float, float, int]] = []
    a = b = 0.0
    for number, ring in enumerate(filled):
        if number == 0:
            a, b = ring_size(RING0_A, RING0_B, len(ring))
        else:
            a, b = ring_size(a + RING_STEP_X, b + RING_STEP_Y, len(ring))
        slots = ring_slots(a, b)
        for index, node in enumerate(ring):
            x, y = slots[index * len(slots) // len(ring)]
            placed_at.append((node, x, y, number))

    half_w = (a + BOX_W / 2) if filled else CENTRE_W / 2
    half_h = (b + BOX_H / 2) if filled else CENTRE_H / 2
    width = max(round(2 * half_w + 2 * MARGIN), MIN_WIDTH)
    centre_x = width // 2
    centre_y = round(MARGIN + TITLE_H + half_h)
    nodes = tuple(
        PlacedNode(
            key=node.key,
            kind=node.kind,
            x=round(centre_x + x),
            y=round(centre_y + y),
            lines=wrap_label(node.label),
            ring=number,
        )
        for node, x, y, number in placed_at
    )
    by_key = {node.key: node for node in nodes}
    placed_edges = tuple(
        edge
        for edge in (
            _edge(by_key[e.source], by_key[e.target], e.kind, (centre_x, centre_y))
            for e in edges
            if e.source in by_key and e.target in by_key
        )
        if edge is not None
    )
    legend_top = round(centre_y + half_h + MARGIN)
    kind_legend, after_kinds = _legend(node_kinds, legend_top + LEGEND_HEADING_H, width)
    link_top = after_kinds + LEGEND_HEADING_H
    link_legend, after_links = _legend(link_kinds, link_top, width)
    return Layout(
        width=width,
        height=after_links + MARGIN,
        centre_x=centre_x,
        centre_y=centre_y,
        centre_lines=wrap_label(centre_label, width=26, max_lines=2),
        nodes=nodes,
        edges=placed_edges,
        title_y=MARGIN + 22,
        legend_top=legend_top,
        kind_legend=kind_legend,
        link_legend=link_legend,
        link_legend_top=link_top,
    )
