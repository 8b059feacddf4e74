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
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ..language.quantities import Quantity


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

__all__ = ["FigureConflict", "figure_conflicts", "format_value", "listed"]

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
) -> list[FigureConflict]:
    """Conflicting figures among the candidate claim ``pairs``, grouped per quantity, most similar first."""
    values = _values_by_doc(units)
    found: list[tuple[float, str, Figure, str, Figure, tuple[str, ...]]] = []
    for ka, kb in pairs:
        a, b = units[ka], units[kb]
        if not a.quantities or not b.quantities or a.doc == b.doc:
            continue
        sim: float | None = None
        for fa in a.quantities:
            for fb in b.quantities:
                qa, qb = fa.quantity, fb.quantity
                if not _same_kind(fa, fb) or qa.value == qb.value or qa.update or qb.update:
                    continue
                if qb.value in values[(a.doc, qa.kind, qa.unit)] or qa.value in values[(b.doc, qb.kind, qb.unit)]:
                    continue  # each source also gives the other's figure: two different things, not a conflict
                if texts is not None and (_says(texts.get(kb, ""), qa) or _says(texts.get(ka, ""), qb)):
                    continue  # the other claim also has this figure's number ("seven of those ten children")
                if listed(a, fa) or listed(b, fb):
                    continue  # a claim giving several figures of one kind lists several things ("complaints from July 17 and March 9")
                anchor = tuple(sorted(fa.context & fb.context))
                if qa.kind != "time" and not anchor:
                    continue
                if sim is None:
                    sim = lexical(a, b) if overlap(a, b) else -1.0
                if sim < (date_similarity if qa.kind == "date" else min_similarity):
                    continue  # stories tell many dated events: two dates need claims closer than other figures
                found.append((sim, ka, fa, kb, fb, anchor))
    found.sort(key=lambda x: (-x[0], x[1], x[3]))
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
            if ka in placed or kb in placed:
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
