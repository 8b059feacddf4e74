"""What both human-readable reports show, computed once from a Story.

The renderers only format; ordering, grouping and labelling live here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..models import Actor, Claim, Document, Event, Quote, Relation, Span, Story
from .claim_views import quotes_by_speaker, unique_by_source

__all__ = ["ReportView", "build_view", "doc_label", "published_label", "span_text"]


def doc_label(doc: Document) -> str:
    """How a document is named in a report (see :attr:`Document.label`)."""
    return doc.label


def published_label(doc: Document) -> str:
    """"2016-03-15", "2016-03-18 to 2016-03-23 (inferred from the text)" or "unknown date"."""
    pub = doc.published
    if not pub.earliest:
        return "unknown date"
    when = str(pub.earliest) if pub.earliest == pub.latest else f"{pub.earliest} to {pub.latest}"
    return when + (" (inferred from the text)" if pub.inferred else "")


def span_text(story: Story, span: Span) -> str:
    doc = story.doc(span.doc)
    return doc.text[span.start : span.end]


def _date_key(event: Event) -> tuple[str, str]:
    return (event.date or "", event.id)


@dataclass
class ReportView:
    story: Story
    labels: dict[str, str]  # doc id -> label
    actor_names: dict[str, str]  # actor id -> name
    main_actors: list[Actor] = field(default_factory=list)
    dated_events: list[Event] = field(default_factory=list)
    undated_events: list[Event] = field(default_factory=list)
    quotes_by_speaker: list[tuple[str, list[Quote]]] = field(default_factory=list)
    unattributed_quotes: list[Quote] = field(default_factory=list)
    relations_by_actor: dict[str, list[Relation]] = field(default_factory=dict)
    unique_claims: dict[str, list[Claim]] = field(default_factory=dict)  # doc id -> claims only that source makes

    def actor_name(self, actor_id: str | None) -> str:
        if actor_id is None:
            return "—"
        return self.actor_names.get(actor_id, actor_id)

    def cite(self, span: Span) -> str:
        return self.labels.get(span.doc, span.doc)


def build_view(story: Story) -> ReportView:
    labels = {d.id: doc_label(d) for d in story.documents}
    # two documents from one outlet get their ids appended so citations stay distinct
    counts: dict[str, int] = defaultdict(int)
    for lab in labels.values():
        counts[lab] += 1
    labels = {k: (f"{v} ({k})" if counts[v] > 1 else v) for k, v in labels.items()}
    names = {a.id: a.name for a in story.actors}
    main = sorted(story.actors, key=lambda a: (-len(a.mentions), a.name))
    dated = sorted((e for e in story.events if e.date), key=_date_key)
    undated = [e for e in story.events if not e.date]
    unattributed = [q for q in story.quotes if not q.speaker]
    rel: dict[str, list[Relation]] = defaultdict(list)
    for r in sorted(story.relations, key=lambda r: -r.weight):
        rel[r.source].append(r)
        rel[r.target].append(r)
    return ReportView(
        story=story,
        labels=labels,
        actor_names=names,
        main_actors=main,
        dated_events=dated,
        undated_events=undated,
        quotes_by_speaker=[(names.get(k, k), v) for k, v in quotes_by_speaker(story).items()],
        unattributed_quotes=unattributed,
        relations_by_actor=dict(rel),
        unique_claims=unique_by_source(story),
    )
