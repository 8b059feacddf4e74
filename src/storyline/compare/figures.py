"""Divergences of figures: two sources giving one quantity different values.

"Love, 32" (AP) against "Love, 33" (Guardian); "about 11:45 a.m." against
"around 10:30 a.m."; "$76,000" against "$75,000". Two figures of claims of
different documents are about the same thing when

- they are of one kind and unit (money in one currency, times of day, ages,
  durations, shares, counts of one noun: "3,000 residents" / "2,500 residents");
- their claims are alike (shared terms, one not an actor, and a tf-idf cosine
  of at least ``figure_similarity``);
- for dates, a cosine of at least ``date_similarity`` (a story tells many
  dated events: "complaints from July 17" and "a Sept. 25 complaint" are two);
- the words around them share a content word or actor ("scholarship",
  "Love"; for times of day the claims' likeness is enough: the time is of the
  event the claims both tell).

They conflict when their values differ and neither document also gives the
other's value (a source that says both 9 a.m. and 11:45 a.m. is telling two
moments of the day, not disagreeing), neither claim lists several figures
of that kind, and neither figure is an explicit update
("rose to 30", "now 30"). The pairs are grouped by the claims they join: one
divergence per quantity, each position citing its claim.

A position told as steps from another ("the car was eight stories below",
after "on the 23rd floor") is reckoned (:func:`reckoned_figures`: the 15th
floor) and joins, as its document's position, a conflict of figures stated
outright, on the side it agrees with; it never starts one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ..language.quantities import Quantity, find_quantities, find_steps


class Figure(Protocol):
    """A quantity of a claim and the words around it (``storyline.claim_features.features.Figure`` has it)."""

    @property
    def quantity(self) -> Quantity: ...
    @property
    def context(self) -> frozenset[str]: ...


class TextUnit(Protocol):
    """What the figure comparison reads of a claim (``storyline.claim_features.features.TextUnit`` has it)."""

    @property
    def doc(self) -> str: ...
    @property
    def quantities(self) -> Sequence[Figure]: ...

__all__ = ["FigureConflict", "Reckoned", "figure_conflicts", "format_value", "listed", "reckoned_figures"]

_LABELS = {"money": "amount", "time": "time", "date": "date", "age": "age", "percent": "share", "duration": "duration", "count": "number", "ordinal": "which"}


@dataclass(frozen=True)
class FigureConflict:
    """Claims of different documents giving one quantity different values."""

    kind: str
    unit: str
    positions: tuple[tuple[str, Figure], ...]  # (claim id, its figure), one per document
    anchor: tuple[str, ...]  # content words or actors shared around the figures
    similarity: float

    @property
    def label(self) -> str:
        return _LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Reckoned:
    """A position reckoned from one told relative to another: "eight stories below" the 23rd floor is the 15th floor.

    A reckoned figure never starts a conflict of its own (the steps may count from another point than the one
    reckoned from): it joins, as its document's position, a conflict of figures its sources state outright.
    """

    quantity: Quantity
    context: frozenset[str]


_FROM = re.compile(r"\s+from\s+(?:the\s+)?$", re.IGNORECASE)


def reckoned_figures(text: str, window: int, start: int, end: int, context: frozenset[str]) -> list[Reckoned]:
    """Positions told as steps from another in the claim ``text[start:end]`` ("eight stories below"), reckoned from the
    last ordinal of their unit since ``window`` (the start of the sentence before the claim: "on the 23rd floor"),
    else from one the claim counts them from ("fell eight stories from the 23rd floor"). ``context`` is the claim's
    terms (a step tells where the thing the claim is about was)."""
    steps = find_steps(text[start:end])
    if not steps:
        return []
    ordinals = [q for q in find_quantities(text[window:end]) if q.kind == "ordinal"]
    out: list[Reckoned] = []
    for step in steps:
        s, e = start + step.start, start + step.end
        mine = [q for q in ordinals if q.unit == step.unit]
        before = [q for q in mine if window + q.end <= s]
        after = [q for q in mine if window + q.start >= e and _FROM.search(text[e : window + q.start])]
        ref = before[-1] if before else after[0] if after else None
        if ref is None or ref.value + step.steps < 1:
            continue
        basis = f"{step.text}, from the {ref.text.strip()}"
        out.append(Reckoned(Quantity("ordinal", ref.value + step.steps, step.unit, s, e, basis), context))
    return out


def format_value(fig: Figure) -> str:
    """The figure as its source wrote it, with its approximation word ("about 11:45 a.m.")."""
    return fig.quantity.text.strip(", ")


def _same_kind(a: Figure, b: Figure) -> bool:
    qa, qb = a.quantity, b.quantity
    return qa.kind == qb.kind and qa.unit == qb.unit


def _says(text: str, q: Quantity) -> bool:
    """The number of ``q`` ("seven" of "seven children", "76,000" of "$76,000") occurs as a word in ``text``."""
    if q.kind in {"time", "date"}:
        return False
    m = re.search(r"\d[\d,.]*|[A-Za-z]+", q.text.lstrip("$£€¥ ,"))
    return m is not None and re.search(rf"(?<![\w,.]){re.escape(m.group(0))}(?![\w,])", text, re.IGNORECASE) is not None


def listed(unit: TextUnit, fig: Figure) -> bool:
    """The claim gives other values of ``fig``'s kind and unit too ("June (15%) followed by October (14%)")."""
    q = fig.quantity
    return len({f.quantity.value for f in unit.quantities if f.quantity.kind == q.kind and f.quantity.unit == q.unit}) > 1


def _values_by_doc(units: Mapping[str, TextUnit]) -> dict[tuple[str, str, str], set[float]]:
    out: dict[tuple[str, str, str], set[float]] = defaultdict(set)
    for u in units.values():
        for f in u.quantities:
            out[(u.doc, f.quantity.kind, f.quantity.unit)].add(f.quantity.value)
    return out


_U = TypeVar("_U", bound=TextUnit)


def figure_conflicts(
    units: Mapping[str, _U],
    pairs: list[tuple[str, str]],
    lexical: Callable[[_U, _U], float],
    overlap: Callable[[_U, _U], bool],
    min_similarity: float,
    date_similarity: float = 0.35,
    texts: Mapping[str, str] | None = None,
    reckoned: Mapping[str, Sequence[Figure]] | None = None,
) -> list[FigureConflict]:
    """Conflicting figures among the candidate claim ``pairs``, grouped per quantity, most similar first.

    ``reckoned``: figures of claims reckoned from relative ones (:class:`Reckoned`), which only join a conflict of
    figures stated outright (and are not among what their document also says)."""
    values = _values_by_doc(units)
    found: list[tuple[float, str, Figure, str, Figure, tuple[str, ...]]] = []
    extra = reckoned or {}
    for ka, kb in pairs:
        a, b = units[ka], units[kb]
        qs_a, qs_b = (*a.quantities, *extra.get(ka, ())), (*b.quantities, *extra.get(kb, ()))
        if not qs_a or not qs_b or a.doc == b.doc:
            continue
        sim: float | None = None
        for fa in qs_a:
            for fb in qs_b:
                if isinstance(fa, Reckoned) and isinstance(fb, Reckoned):
                    continue
                qa, qb = fa.quantity, fb.quantity
                same = qa.value == qb.value
                if not _same_kind(fa, fb) or (same and not isinstance(fa, Reckoned) and not isinstance(fb, Reckoned)) or qa.update or qb.update:
                    continue  # (a reckoned figure joins the side it agrees with: "eight stories below" the 23rd is the 15th floor)
                if not same and (qb.value in values[(a.doc, qa.kind, qa.unit)] or qa.value in values[(b.doc, qb.kind, qb.unit)]):
                    continue  # each source also gives the other's figure: two different things, not a conflict
                if not same and texts is not None and (_says(texts.get(kb, ""), qa) or _says(texts.get(ka, ""), qb)):
                    continue  # the other claim also has this figure's number ("seven of those ten children")
                if (not isinstance(fa, Reckoned) and listed(a, fa)) or (not isinstance(fb, Reckoned) and listed(b, fb)):
                    continue  # a claim giving several figures of one kind lists several things ("complaints from July 17 and March 9")
                anchor = tuple(sorted(fa.context & fb.context))
                if qa.kind != "time" and not anchor:
                    continue
                if sim is None:
                    sim = lexical(a, b) if overlap(a, b) else -1.0
                if sim < (date_similarity if qa.kind == "date" else min_similarity):
                    continue  # stories tell many dated events: two dates need claims closer than other figures
                found.append((sim, ka, fa, kb, fb, anchor))
    # figures stated outright first: a reckoned one joins their conflict, never starts one
    found.sort(key=lambda x: (isinstance(x[2], Reckoned) or isinstance(x[4], Reckoned), -x[0], x[1], x[3]))
    groups: list[dict[str, tuple[str, Figure]]] = []
    meta: list[tuple[str, str, tuple[str, ...], float]] = []
    placed: set[str] = set()
    for sim, ka, fa, kb, fb, anchor in found:
        da, db = units[ka].doc, units[kb].doc
        home = None
        for i, g in enumerate(groups):
            members = {k for k, _f in g.values()}
            if (ka in members or kb in members) and meta[i][0] == fa.quantity.kind and meta[i][1] == fa.quantity.unit:
                home = i
                break
        if home is None:
            if ka in placed or kb in placed or isinstance(fa, Reckoned) or isinstance(fb, Reckoned):
                continue
            groups.append({da: (ka, fa), db: (kb, fb)})
            meta.append((fa.quantity.kind, fa.quantity.unit, anchor, sim))
            placed.update((ka, kb))
            continue
        g = groups[home]
        for doc, key, fig in ((da, ka, fa), (db, kb, fb)):
            if doc not in g and key not in placed:
                g[doc] = (key, fig)
                placed.add(key)
    out: list[FigureConflict] = []
    for g, (kind, unit, anchor, sim) in zip(groups, meta, strict=True):
        if len({f.quantity.value for _k, f in g.values()}) < 2:
            continue
        out.append(FigureConflict(kind, unit, tuple(g[d] for d in sorted(g)), anchor, round(sim, 3)))
    return out
