"""Layouts of the report's two charts, computed in Python so the page draws them without a script.

* :func:`timeline_layout`: the dated events on a true time scale. A long empty
  stretch becomes an axis break (drawn as a gap with how long it lasted), a
  day is a dot, a month or a year a bar over its whole length, events close
  together are stacked in lanes, and the main events carry labels placed so
  that no two overlap.
* :func:`graph_layout`: the actor graph. Parallel relations between one pair
  are merged into one edge with their counts, a deterministic force layout
  places the nodes in a box sized to the graph, and each label takes the
  free spot around its node that overlaps least.

Everything here is deterministic (no randomness, stable sorts).
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise

from ..models import Event, Relation, Span, Story
from ..settings import tuned_int

__all__ = ["GraphLayout", "TimelineLayout", "event_interval", "graph_layout", "timeline_layout"]

# --- timeline -------------------------------------------------------------------------------------------

TIMELINE_WIDTH = 900
MARGIN = 24
BREAK_WIDTH = 36  # pixels an axis break takes
BREAK_MIN_DAYS = 14  # a gap shorter than this is never broken
BREAK_FACTOR = 3.0  # ... and a longer one when it is this many times longer than the run of events beside it
MAX_BREAKS = 5
COUNT_SHARE = 0.5  # a segment's width: this share by its number of events, the rest by how long it lasts
MIN_SEGMENT_WIDTH = 90
LANE_HEIGHT = 16
MAX_LANES = 8
LABEL_ROW_HEIGHT = 20
MAX_LABEL_ROWS = 4
MAX_LABELS = 8
LABEL_CHARS = 34
CHAR_WIDTH = 8.4  # estimated width of a character at the charts' 14-unit font
DOT_GAP = 13  # events closer than this share no lane

CATEGORY_GROUPS: dict[str, str] = {
    "ASSAULT": "force", "FIGHT": "force", "COERCE": "force",
    "THREATEN": "pressure", "ACCUSE": "pressure", "DISAPPROVE": "pressure", "REJECT": "pressure", "SANCTION": "pressure",
    "PROTEST": "pressure", "DEMAND": "pressure",
    "AGREE": "cooperation", "COOPERATE": "cooperation", "AID": "cooperation", "SUPPORT": "cooperation", "YIELD": "cooperation",
    "CONSULT": "talks", "NEGOTIATE": "talks",
    "RETREAT": "deployment", "MOBILIZE": "deployment",
}  # fmt: skip
GROUP_LABELS = {
    "force": "force",
    "pressure": "pressure, accusations",
    "cooperation": "agreement, aid",
    "talks": "talks",
    "deployment": "deployment, withdrawal",
    "other": "other",
}

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")


def event_interval(value: str | None) -> tuple[date, date, str] | None:
    """The first and last day an ISO date (``2016``, ``2016-03``, ``2016-03-14``) covers, and its precision."""
    if not value:
        return None
    m = _DATE.match(value)
    if not m:
        return None
    try:
        y = int(m.group(1))
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return d, d, "day"
        if m.group(2):
            mo = int(m.group(2))
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month"
        if y < 1:
            return None
        return date(y, 1, 1), date(y, 12, 31), "year"
    except ValueError:
        return None


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class AxisBreak:
    x: float
    label: str  # how long the skipped stretch is


@dataclass
class Mark:
    event: str  # event id
    x0: float
    x1: float  # == x0 for a day
    y: float
    group: str
    precision: str
    title: str  # tooltip


@dataclass
class Label:
    event: str
    x: float  # anchor x of the text (start)
    y: float
    text: str
    dot_x: float
    dot_y: float


@dataclass
class Segment:
    x0: float
    x1: float


@dataclass
class TimelineLayout:
    width: int
    height: int
    axis_y: float
    segments: list[Segment] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    breaks: list[AxisBreak] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # groups present, in legend order


def _span_words(days: int) -> str:
    if days >= 730:
        return f"{days / 365.25:.0f} years"
    if days >= 60:
        return f"{days / 30.44:.0f} months"
    if days >= 14:
        return f"{days // 7} weeks"
    return f"{days} days"


def _segments(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut the covered range [first day, last day] at its long empty stretches.

    Intervals closer than BREAK_MIN_DAYS form runs; the gap between two runs
    is cut when it is BREAK_FACTOR times longer than the shorter of the two
    (two days of events after a month-long bar, a decade before this week)
    and than the median gap between events (evenly spread events are never
    cut), the longest gaps first, at most MAX_BREAKS.
    """
    ordered = sorted(intervals)
    between = sorted(max(0, nxt[0] - cur[1]) for cur, nxt in pairwise(ordered))
    median = between[len(between) // 2] if between else 0
    runs: list[list[int]] = []
    for a, b in ordered:
        if runs and a <= runs[-1][1] + BREAK_MIN_DAYS:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    gaps = []
    for i in range(len(runs) - 1):
        gap = runs[i + 1][0] - runs[i][1]
        shorter = min(runs[i][1] - runs[i][0] + 1, runs[i + 1][1] - runs[i + 1][0] + 1)
        if gap >= BREAK_FACTOR * shorter and gap >= BREAK_FACTOR * median:
            gaps.append((gap, i))
    cut = {i for _, i in sorted(gaps, reverse=True)[:MAX_BREAKS]}
    segs: list[tuple[int, int]] = []
    start = runs[0][0]
    for i in range(len(runs)):
        if i in cut or i == len(runs) - 1:
            segs.append((start, runs[i][1]))
            if i + 1 < len(runs):
                start = runs[i + 1][0]
    return segs


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _ticks(a: int, b: int, x0: float, x1: float) -> list[Tick]:
    """Round dates inside [a, b] (ordinals) at no less than ~80 px apart."""
    width = max(1.0, x1 - x0)
    span = b + 1 - a
    room = max(1, int(width // 80))

    def x(day: float) -> float:
        return x0 + (day - a) / span * width

    first, last = date.fromordinal(a), date.fromordinal(b)
    out: list[Tick] = []
    for step_days in (1, 2, 7, 14):
        if span / step_days <= room:
            d = first
            while d <= last:
                out.append(Tick(x(d.toordinal() + 0.5), f"{d.day} {_MONTHS[d.month - 1]}"))
                d += timedelta(days=step_days)
            break
    else:
        for months in (1, 2, 3, 6, 12, 24, 60, 120, 600):
            if span / (30.44 * months) <= room:
                y, mo = first.year, first.month
                while (y, mo) <= (last.year, last.month):
                    d = date(y, mo, 1)
                    if d >= first:
                        out.append(Tick(x(d.toordinal()), f"{_MONTHS[mo - 1]} {y}" if months < 12 else str(y)))
                    mo += months
                    y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
                break
    if not out:  # at least the first day of the segment
        out.append(Tick(x0, f"{first.day} {_MONTHS[first.month - 1]} {first.year}"))
    elif span <= 400 and not any(str(first.year) in t.label for t in out):
        out[0] = Tick(out[0].x, f"{out[0].label} {first.year}")
    return out


def _rank(e: Event) -> tuple[bool, float, bool, int, str]:
    """Most prominent first: main events, then by ``rank`` (1 = most prominent), then typed and widely reported ones."""
    r = float(e.rank) if e.rank else float("inf")
    return (not e.main, r, e.category == "OTHER", -len({s.doc for s in e.evidence}) - len(e.evidence), e.id)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def timeline_layout(events: list[Event], names: dict[str, str], width: int = TIMELINE_WIDTH) -> TimelineLayout | None:
    """Where each dated event goes on the chart (None when no event has a usable date)."""
    dated = [(e, iv) for e in events if (iv := event_interval(e.date)) is not None]
    if not dated:
        return None
    spans = [(a.toordinal(), b.toordinal()) for _, (a, b, _) in dated]
    segs = _segments(spans)
    inner = width - 2 * MARGIN - BREAK_WIDTH * (len(segs) - 1)
    durations = [b + 1 - a for a, b in segs]
    counts = [sum(1 for a0, b0 in spans if a <= a0 and b0 <= b) for a, b in segs]
    total, n_events = sum(durations), max(1, sum(counts))
    widths = [max(MIN_SEGMENT_WIDTH, inner * ((1 - COUNT_SHARE) * d / total + COUNT_SHARE * c / n_events)) for d, c in zip(durations, counts, strict=True)]
    scale = inner / sum(widths)
    widths = [w * scale for w in widths]
    seg_x: list[tuple[int, int, float, float]] = []
    x = float(MARGIN)
    for (a, b), w in zip(segs, widths, strict=True):
        seg_x.append((a, b, x, x + w))
        x += w + BREAK_WIDTH

    def to_x(day: float) -> float:
        for a, b, x0, x1 in seg_x:
            if a <= day <= b + 1:
                return x0 + (day - a) / (b + 1 - a) * (x1 - x0)
        return seg_x[-1][3]

    # lanes: events whose marks would touch go one above the other
    placed: list[tuple[float, float, Event, str]] = []
    for e, (first, last, prec) in dated:
        x0 = to_x(first.toordinal() + (0.5 if prec == "day" else 0.0))
        x1 = x0 if prec == "day" else max(x0 + 4, to_x(last.toordinal() + 1))
        placed.append((x0, x1, e, prec))
    placed.sort(key=lambda p: (p[0], p[1], p[2].id))
    lane_end: list[float] = []
    lanes: dict[str, int] = {}
    for x0, x1, e, _ in placed:
        lane = next((i for i, end in enumerate(lane_end) if end + DOT_GAP <= x0), None)
        if lane is None:
            if len(lane_end) < MAX_LANES:
                lane_end.append(-1e9)
                lane = len(lane_end) - 1
            else:
                lane = min(range(len(lane_end)), key=lambda i: (lane_end[i], i))
        lane_end[lane] = max(lane_end[lane], x1)
        lanes[e.id] = lane

    # labels for the main events, greedily in rows above the lanes
    by_rank = sorted((p for p in placed), key=lambda p: _rank(p[2]))[:MAX_LABELS]
    row_end: list[float] = []
    chosen: list[tuple[int, float, str, float, Event]] = []
    for x0, x1, e, _ in sorted(by_rank, key=lambda p: (p[0], p[2].id)):
        who = names.get(e.who or "", "")
        text = _short(f"{who}: {e.text}" if who else e.text, LABEL_CHARS)
        w = len(text) * CHAR_WIDTH
        lx = min(max(MARGIN / 2, (x0 + x1) / 2 - 6), width - MARGIN / 2 - w)
        row = next((i for i, end in enumerate(row_end) if end + 10 <= lx), None)
        if row is None and len(row_end) < MAX_LABEL_ROWS:
            row_end.append(-1e9)
            row = len(row_end) - 1
        if row is None:
            continue
        row_end[row] = lx + w
        chosen.append((row, lx, text, (x0 + x1) / 2, e))
    n_rows = len(row_end)
    n_lanes = max(1, len(lane_end))
    top = 8 + n_rows * LABEL_ROW_HEIGHT
    axis_y = top + 10 + n_lanes * LANE_HEIGHT
    layout = TimelineLayout(width=width, height=int(axis_y + 44), axis_y=axis_y)
    layout.segments = [Segment(x0, x1) for _, _, x0, x1 in seg_x]
    right = -1e9
    for a, b, x0, x1 in seg_x:
        for t in _ticks(a, b, x0, x1):  # a tick whose label would touch the one before is left out
            half = len(t.label) * CHAR_WIDTH / 2
            if t.x - half >= right + 8:
                layout.ticks.append(t)
                right = t.x + half
    for (_, b, _, x1), (a2, _, _, _) in pairwise(seg_x):
        layout.breaks.append(AxisBreak(x1 + BREAK_WIDTH / 2, _span_words(a2 - b)))
    groups_seen: set[str] = set()
    for x0, x1, e, prec in placed:
        group = CATEGORY_GROUPS.get(e.category, "other")
        groups_seen.add(group)
        who = names.get(e.who or "", "")
        flag = f", {e.modality}" if e.modality != "asserted" else ""
        title = f"{e.date}: {who + ': ' if who else ''}{_short(e.text, 160)} ({e.category}{flag})"
        y = axis_y - 10 - lanes[e.id] * LANE_HEIGHT
        layout.marks.append(Mark(e.id, x0, x1, y, group, prec, title))
    ys = {m.event: m.y for m in layout.marks}
    for row, lx, text, cx, e in chosen:
        y = 8 + (n_rows - row) * LABEL_ROW_HEIGHT - 5
        layout.labels.append(Label(e.id, lx, y, text, cx, ys[e.id]))
    layout.groups = [g for g in GROUP_LABELS if g in groups_seen]
    return layout


# --- actor graph ----------------------------------------------------------------------------------------

MAX_GRAPH_NODES = tuned_int("render", "max_graph_nodes")
MAX_EDGE_EVIDENCE = 6
GRAPH_ITERATIONS = 300
NAME_CHARS = 24


@dataclass
class GraphNode:
    id: str
    name: str
    label: str
    kind: str
    x: float
    y: float
    r: float
    mentions: int
    lx: float = 0.0  # label anchor (text-anchor middle)
    ly: float = 0.0
    title: str = ""


@dataclass
class GraphEdge:
    id: str  # anchor of its row in the links table
    source: str
    target: str
    types: dict[str, int]  # relation type -> how many relations of that type link the pair
    main: str  # the type with most weight (the edge's colour)
    weight: float
    evidence: list[Span]
    x1: float = 0.0
    y1: float = 0.0
    x2: float = 0.0
    y2: float = 0.0

    @property
    def count(self) -> int:
        return sum(self.types.values())


@dataclass
class GraphLayout:
    width: int
    height: int
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)


def merge_relations(relations: list[Relation], keep: set[str]) -> list[GraphEdge]:
    """One edge per pair of actors, whatever the direction and type of the relations between them."""
    pairs: dict[tuple[str, str], list[Relation]] = {}
    for r in relations:
        if r.source in keep and r.target in keep and r.source != r.target:
            pairs.setdefault((min(r.source, r.target), max(r.source, r.target)), []).append(r)
    edges = []
    for i, ((a, b), rels) in enumerate(sorted(pairs.items()), 1):
        types: dict[str, int] = {}
        weights: dict[str, float] = {}
        evidence: list[Span] = []
        seen: set[tuple[str, int, int]] = set()
        for r in sorted(rels, key=lambda r: (-r.weight, r.type)):
            types[r.type] = types.get(r.type, 0) + 1
            weights[r.type] = weights.get(r.type, 0.0) + r.weight
            for s in r.evidence:
                if (s.doc, s.start, s.end) not in seen and len(evidence) < MAX_EDGE_EVIDENCE:
                    seen.add((s.doc, s.start, s.end))
                    evidence.append(s)
        main = max(sorted(weights), key=lambda t: weights[t])
        edges.append(GraphEdge(f"rel-{i}", a, b, dict(sorted(types.items())), main, sum(weights.values()), evidence))
    return edges


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def graph_layout(story: Story, max_nodes: int = MAX_GRAPH_NODES) -> GraphLayout | None:
    """Nodes, merged edges and label spots of the actor graph (None without relations)."""
    linked = {r.source for r in story.relations} | {r.target for r in story.relations}
    actors = sorted((a for a in story.actors if a.id in linked), key=lambda a: (-len(a.mentions), a.name, a.id))[:max_nodes]
    if len(actors) < 2:
        return None
    keep = {a.id for a in actors}
    edges = merge_relations(story.relations, keep)
    if not edges:
        return None
    # only actors with an edge among the kept ones
    used = {e.source for e in edges} | {e.target for e in edges}
    actors = [a for a in actors if a.id in used]
    n = len(actors)
    width = int(min(900, 320 + 70 * n))
    height = int(min(560, 200 + 36 * n))
    cx, cy = width / 2, height / 2
    pos = {a.id: [cx + 0.35 * width * math.cos(2 * math.pi * i / n), cy + 0.35 * height * math.sin(2 * math.pi * i / n)] for i, a in enumerate(actors)}
    ids = [a.id for a in actors]
    k = math.sqrt(width * height / n) * 0.6
    temp = width / 8
    # positions and displacements by list index (the lists of ``pos``, moved in place): the same
    # arithmetic in the same order as by actor id, without a dict look-up per term
    at = [pos[i] for i in ids]
    index = {i: j for j, i in enumerate(ids)}
    links = [(index[e.source], index[e.target]) for e in edges]
    for _ in range(GRAPH_ITERATIONS):
        disp = [[0.0, 0.0] for _ in ids]
        for ai in range(n):
            pu, du = at[ai], disp[ai]
            for bi in range(ai + 1, n):
                pv, dv = at[bi], disp[bi]
                dx, dy = pu[0] - pv[0], pu[1] - pv[1]
                d = math.hypot(dx, dy) or 0.01
                f = k * k / d
                fx, fy = dx / d * f, dy / d * f
                du[0] += fx
                du[1] += fy
                dv[0] -= fx
                dv[1] -= fy
        for si, ti in links:
            ps, pt, ds, dt = at[si], at[ti], disp[si], disp[ti]
            dx, dy = ps[0] - pt[0], ps[1] - pt[1]
            d = math.hypot(dx, dy) or 0.01
            f = d * d / k
            fx, fy = dx / d * f, dy / d * f
            ds[0] -= fx
            ds[1] -= fy
            dt[0] += fx
            dt[1] += fy
        for p, (dx, dy) in zip(at, disp, strict=True):
            dx += (cx - p[0]) * 0.05
            dy += (cy - p[1]) * 0.05
            d = math.hypot(dx, dy) or 0.01
            step = min(d, temp)
            p[0] += dx / d * step
            p[1] += dy / d * step
        temp *= 0.985
    # fit into the box, leaving room for labels
    mx, my = 80.0, 40.0
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    for i in ids:
        pos[i][0] = mx + (width - 2 * mx) * ((pos[i][0] - x0) / (x1 - x0) if x1 > x0 else 0.5)
        pos[i][1] = my + (height - 2 * my) * ((pos[i][1] - y0) / (y1 - y0) if y1 > y0 else 0.5)
    nodes = []
    for a in actors:
        r = 6 + min(12.0, math.sqrt(len(a.mentions)) * 1.8)
        extra = ", ".join(x for x in (a.kind, a.country, a.role) if x)
        nodes.append(GraphNode(a.id, a.name, _short(a.name, NAME_CHARS), a.kind, pos[a.id][0], pos[a.id][1], r, len(a.mentions), title=f"{a.name} ({extra}), {len(a.mentions)} mentions"))
    # labels: most mentioned first, each at the candidate spot that overlaps least
    boxes: list[tuple[float, float, float, float]] = [(nd.x - nd.r, nd.y - nd.r, nd.x + nd.r, nd.y + nd.r) for nd in nodes]
    for nd in nodes:
        w, h = len(nd.label) * CHAR_WIDTH, 15.0
        cands = [
            (nd.x, nd.y - nd.r - 5),  # above (baseline)
            (nd.x, nd.y + nd.r + 14),  # below
            (nd.x + nd.r + 4 + w / 2, nd.y + 4),  # right
            (nd.x - nd.r - 4 - w / 2, nd.y + 4),  # left
            (nd.x + w / 2, nd.y - nd.r - 5),
            (nd.x - w / 2, nd.y + nd.r + 14),
        ]
        best, best_cost = cands[0], math.inf
        for lx, ly in cands:
            box = (lx - w / 2, ly - h + 3, lx + w / 2, ly + 3)
            cost = sum(_overlap(box, b) for b in boxes)
            cost += 1000 * (max(0.0, -box[0]) + max(0.0, box[2] - width) + max(0.0, -box[1]) + max(0.0, box[3] - height))
            if cost < best_cost - 1e-9:
                best, best_cost = (lx, ly), cost
        lx, ly = best
        lx = min(max(lx, w / 2 + 2), width - w / 2 - 2)
        ly = min(max(ly, h), height - 4)
        nd.lx, nd.ly = lx, ly
        boxes.append((lx - w / 2, ly - h + 3, lx + w / 2, ly + 3))
    by_id = {nd.id: nd for nd in nodes}
    for e in edges:
        na, nb = by_id[e.source], by_id[e.target]
        e.x1, e.y1, e.x2, e.y2 = na.x, na.y, nb.x, nb.y
    kinds = sorted({nd.kind for nd in nodes})
    types = sorted({t for e in edges for t in e.types})
    return GraphLayout(width, height, nodes, edges, kinds, types)
