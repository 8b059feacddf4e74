"""What the other stages know, turned into one bonus per candidate sentence.

Each signal is 0..1 per sentence and they are averaged:

- **events**: the sentence is evidence of an extracted event (who did what);
- **agreements**: the sentence is evidence of a point the sources agree on;
- **actors**: the sentence names the story's main actors (share of all actor
  mentions held by the actors it mentions, so the protagonists count most);
- **quotes**: the sentence holds an attributed quote (a speaker is known).

A signal whose stage did not run (no events, no actors...) is left out of
the average, so the bonus never punishes a story for a missing stage.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from ..models import Span, Story
from .candidates import Candidate

__all__ = ["story_signals"]


def _overlap_flags(cands: list[Candidate], spans: list[tuple[str, int, int]]) -> np.ndarray:
    by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, s, e in spans:
        by_doc[doc].append((s, e))
    out = np.zeros(len(cands))
    for i, c in enumerate(cands):
        if any(s < c.end and c.start < e for s, e in by_doc.get(c.doc, ())):
            out[i] = 1.0
    return out


def _spans(items: list[Span]) -> list[tuple[str, int, int]]:
    return [(sp.doc, sp.start, sp.end) for sp in items]


def _actor_salience(story: Story, cands: list[Candidate]) -> np.ndarray:
    total = sum(len(a.mentions) for a in story.actors) or 1
    share = {a.id: len(a.mentions) / total for a in story.actors}
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for a in story.actors:
        for m in a.mentions:
            by_doc[m.doc].append((m.start, m.end, a.id))
    out = np.zeros(len(cands))
    for i, c in enumerate(cands):
        ids = {aid for s, e, aid in by_doc.get(c.doc, ()) if s < c.end and c.start < e}
        out[i] = sum(share[a] for a in ids)
    top = out.max() if len(out) else 0.0
    return out / top if top > 0 else out


def story_signals(story: Story, cands: list[Candidate]) -> np.ndarray:
    """The averaged bonus (0..1) of each candidate from the story's other stages."""
    parts: list[np.ndarray] = []
    if story.events:
        parts.append(_overlap_flags(cands, [s for e in story.events for s in _spans(e.evidence)]))
    if story.agreements:
        parts.append(_overlap_flags(cands, [s for a in story.agreements for s in _spans(a.evidence)]))
    if story.actors:
        parts.append(_actor_salience(story, cands))
    if story.quotes:
        parts.append(_overlap_flags(cands, [(q.doc, q.start, q.end) for q in story.quotes if q.speaker]))
    if not parts:
        return np.zeros(len(cands))
    mean: np.ndarray = np.mean(parts, axis=0)
    return mean
