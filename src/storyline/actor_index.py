"""Find which story actor a character span refers to.

Used by events and quotes to turn a subject or speaker span into an actor id,
through the mentions the actors stage recorded.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

from .models import Actor, Story

__all__ = ["ActorIndex"]


class ActorIndex:
    """Mentions of every actor, by document, sorted by start offset."""

    def __init__(self, story: Story) -> None:
        self._by_doc: dict[str, list[tuple[int, int, Actor]]] = defaultdict(list)
        for actor in story.actors:
            for m in actor.mentions:
                self._by_doc[m.doc].append((m.start, m.end, actor))
        for rows in self._by_doc.values():
            rows.sort(key=lambda r: (r[0], r[1]))
        self._starts = {doc: [r[0] for r in rows] for doc, rows in self._by_doc.items()}
        self._longest = {doc: max((r[1] - r[0] for r in rows), default=0) for doc, rows in self._by_doc.items()}
        self._docs = {doc: (rows, self._starts[doc], self._longest[doc]) for doc, rows in self._by_doc.items()}  # one look-up per call

    def mentions_in(self, doc: str, start: int, end: int) -> list[tuple[int, int, Actor]]:
        """Mentions that overlap [start, end), in text order (a look-up in the sorted starts, not a scan)."""
        found = self._docs.get(doc)
        if found is None:
            return []
        rows, starts, longest = found
        lo = bisect_left(starts, start - longest)  # no mention starting earlier can reach `start`
        hi = bisect_right(starts, end - 1)
        if lo >= hi:
            return []
        return [r for r in rows[lo:hi] if r[1] > start]

    def at(self, doc: str, start: int, end: int) -> Actor | None:
        """The actor best matching the span: the mention covering most of it, shortest first."""
        best: tuple[int, int, Actor] | None = None
        best_key: tuple[int, int] | None = None
        for s, e, actor in self.mentions_in(doc, start, end):
            overlap = min(e, end) - max(s, start)
            key = (overlap, -(e - s))
            if best_key is None or key > best_key:
                best, best_key = (s, e, actor), key
        return best[2] if best else None
