"""Read-only views of the quotes and claims for the report renderers.

"Who said what" groups the attributed quotations by speaker; "Sources
compared" lists, per source, the claims nobody else makes (prescriptions and
predictions first: they are where a source stakes out a position).
"""

from __future__ import annotations

from ..models import Claim, Quote, Story

__all__ = ["quotes_by_speaker", "unique_by_source"]

_TYPE_ORDER = {"prescription": 0, "prediction": 1, "assertion": 2}


def quotes_by_speaker(story: Story) -> dict[str, list[Quote]]:
    """Attributed quotations by speaker actor id, speakers with most quotations first."""
    groups: dict[str, list[Quote]] = {}
    for q in story.quotes:
        if q.speaker:
            groups.setdefault(q.speaker, []).append(q)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def unique_by_source(story: Story, per_doc: int = 3) -> dict[str, list[Claim]]:
    """Up to ``per_doc`` claims per document that no other source makes, in a stable order."""
    out: dict[str, list[Claim]] = {}
    for doc in story.documents:
        mine = [c for c in story.claims if c.doc == doc.id and c.unique]
        mine.sort(key=lambda c: (_TYPE_ORDER.get(c.type, 3), c.voice != "outlet", c.start))
        if mine:
            out[doc.id] = sorted(mine[:per_doc], key=lambda c: c.start)
    return out
