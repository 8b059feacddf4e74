"""Chart layouts: a true time scale with breaks, labels that never overlap, merged graph edges."""

from __future__ import annotations

from itertools import pairwise

from storyline.models import Actor, Event, Mention, Relation, Span, Story
from storyline.render.charts import CHAR_WIDTH, event_interval, graph_layout, timeline_layout


def _events(dates: list[str], category: str = "CONSULT") -> list[Event]:
    return [Event(id=f"e{i}", date=d, category=category, text=f"event number {i} happened", evidence=[Span(doc="d1", start=0, end=1)]) for i, d in enumerate(dates, 1)]


def test_intervals_cover_their_whole_month_or_year() -> None:
    assert [str(x) for x in event_interval("2016-02")[:2]] == ["2016-02-01", "2016-02-29"]  # type: ignore[index]
    assert event_interval("2016")[2] == "year"  # type: ignore[index]
    assert event_interval("2016-13") is None and event_interval("0000") is None and event_interval("soon") is None


def test_a_long_gap_becomes_an_axis_break_and_order_follows_time() -> None:
    tl = timeline_layout(_events(["1971-05-02", "2016-03-14", "2016-03-15", "2016-03-18", "2016-03"]), {})
    assert tl is not None and len(tl.breaks) == 1 and "years" in tl.breaks[0].label
    x = {m.event: m for m in tl.marks}
    assert x["e1"].x0 < x["e2"].x0 < x["e3"].x0 < x["e4"].x0
    # the month is a bar over all of March, so the 14th lies inside it
    assert x["e5"].x0 <= x["e2"].x0 <= x["e5"].x1 and x["e5"].x1 > x["e5"].x0
    # the month of March gets most of the width although 1971 is 45 years away
    assert x["e4"].x0 - x["e2"].x0 > 60 and x["e2"].x0 - x["e1"].x0 < 0.7 * tl.width


def test_evenly_spread_events_are_never_broken() -> None:
    tl = timeline_layout(_events([f"2019-{m:02d}-01" for m in range(1, 13)]), {})
    assert tl is not None and tl.breaks == []
    xs = [m.x0 for m in sorted(tl.marks, key=lambda m: int(m.event[1:]))]
    steps = [b - a for a, b in pairwise(xs)]
    assert max(steps) < 1.2 * min(steps)  # a true scale: equal months, equal steps


def test_labels_never_overlap_and_stay_inside() -> None:
    tl = timeline_layout(_events(["2020-01-01"] * 6 + ["2020-01-02"] * 6), {})
    assert tl is not None and tl.labels
    boxes = [(lb.x, lb.y, lb.x + len(lb.text) * CHAR_WIDTH) for lb in tl.labels]
    for i, (x0, y, x1) in enumerate(boxes):
        assert x0 >= 0 and x1 <= tl.width
        for u0, v, u1 in boxes[i + 1 :]:
            assert v != y or u1 <= x0 or x1 <= u0


def test_layouts_are_deterministic() -> None:
    evs = _events(["2001", "2016-03-14", "2016-03-20", "2016-05"])
    assert timeline_layout(evs, {}) == timeline_layout(list(evs), {})


def _story(n: int, pairs: list[tuple[int, int, str]]) -> Story:
    actors = [Actor(id=f"a{i}", name=f"Actor Number {i}", kind="person", mentions=[Mention(doc="d1", start=0, end=1, text="x")] * i) for i in range(1, n + 1)]
    rels = [Relation(source=f"a{a}", target=f"a{b}", type=t, weight=1.0, evidence=[Span(doc="d1", start=a, end=b + 5)]) for a, b, t in pairs]  # type: ignore[arg-type]
    return Story(actors=actors, relations=rels)


def test_parallel_relations_merge_into_one_edge_with_counts() -> None:
    g = graph_layout(_story(2, [(1, 2, "supports"), (2, 1, "opposes"), (1, 2, "supports")]))
    assert g is not None and len(g.edges) == 1
    e = g.edges[0]
    assert e.types == {"opposes": 1, "supports": 2} and e.count == 3 and e.main == "supports"
    assert len(e.evidence) == 2  # the same span twice is one piece of evidence


def test_small_graphs_are_drawn_small_and_labels_do_not_collide() -> None:
    small = graph_layout(_story(2, [(1, 2, "supports")]))
    big = graph_layout(_story(12, [(1, i, "opposes") for i in range(2, 13)] + [(2, 3, "negotiates")]))
    assert small is not None and big is not None
    assert small.width * small.height < big.width * big.height / 2
    boxes = [(nd.lx - len(nd.label) * CHAR_WIDTH / 2, nd.ly - 12, nd.lx + len(nd.label) * CHAR_WIDTH / 2, nd.ly) for nd in big.nodes]
    overlaps = sum(1 for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    assert overlaps <= 1
    for nd in big.nodes:
        assert 0 <= nd.x <= big.width and 0 <= nd.y <= big.height


def test_the_most_prominent_event_leads_the_overview() -> None:
    from storyline.models import Document
    from storyline.render.view import build_view

    doc = Document(id="d1", text="x" * 200)
    minor = Event(id="e1", date="2024-05-01", text="the council published minutes", rank=7, evidence=[Span(doc="d1", start=0, end=5)])
    lead = Event(id="e2", date="2024-05-02", text="the mayor resigned", rank=1, main=True, evidence=[Span(doc="d1", start=10, end=20)])
    view = build_view(Story(documents=[doc], events=[minor, lead]))
    assert view.overview is not None and view.overview.what == "the mayor resigned"
