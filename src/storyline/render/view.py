"""What both human-readable reports show, computed once from a Story.

The renderers only format; ordering, grouping and labelling live here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..models import Actor, Claim, Document, Event, Quote, Relation, Span, Story
from ..text import collapse_ws
from .claim_views import quotes_by_speaker, unique_by_source

__all__ = ["AGREEMENT_CONFIDENCE", "Overview", "ReportView", "SourceRow", "build_view", "doc_label", "published_label", "safe_url", "span_text"]

#: What an agreement's confidence means, said once in the reports (see ``storyline.compare.stage``).
AGREEMENT_CONFIDENCE = (
    "Confidence: how surely the cited sentences state the same thing, from how alike they are in words, "
    "who-does-what and figures (0.40: just alike enough to be linked; 1.00: as alike as close paraphrases)."
)


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


WHAT_CHARS = 180  # the what line of the overview is cut to this length

_URL_OK = re.compile(r"[^\s<>\"'`\\\x00-\x1f\x7f]+")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address fit to be a link, else None (no ``javascript:``, ``data:``, ...)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or not _URL_OK.fullmatch(url):
        return None
    return url


@dataclass
class SourceRow:
    """One line of the sources table."""

    doc: str
    outlet: str
    outlet_inferred: bool
    headline: str
    date: str
    date_inferred: bool
    words: int
    url: str | None


@dataclass
class Overview:
    """The at-a-glance layer: title, what/when/where, coverage range."""

    title: str
    what: str | None
    when: str | None
    where: list[str]
    coverage: str | None


def _title(story: Story) -> str:
    for name in ("title", "title_generated"):  # a story-level title when the model carries one
        value = getattr(story, name, None)
        if isinstance(value, str) and value.strip():
            return value
    titles = [d.title for d in story.documents if d.title]
    return titles[0] if titles else "Untitled story"


def _event_rank(e: Event) -> tuple[bool, float, int, str]:
    """Most prominent first: main events, then by ``rank`` (1 = most prominent), then by sources."""
    r = float(e.rank) if e.rank else float("inf")
    return (not e.main, r, -len({s.doc for s in e.evidence}), e.id)


def _overview(story: Story, dated: list[Event]) -> Overview:
    what = story.summary[0].text if story.summary else None
    if what is None and story.events:
        what = min(story.events, key=_event_rank).text
    if what is not None:
        what = collapse_ws(what)
        if len(what) > WHAT_CHARS:
            what = what[: WHAT_CHARS - 1].rsplit(" ", 1)[0] + "…"
    when = None
    if dated:
        first, last = dated[0].date or "", dated[-1].date or ""
        when = first if first == last else f"{first} to {last}"
    places = [a for a in story.actors if a.kind in ("place", "country")]
    places.sort(key=lambda a: (-len(a.mentions), a.name))
    pubs = [d.published for d in story.documents if d.published.earliest]
    coverage = None
    if pubs:
        lo = min(p.earliest for p in pubs if p.earliest)
        hi = max((p.latest or p.earliest) for p in pubs if p.earliest)
        coverage = (str(lo) if lo == hi else f"{lo} to {hi}") + (" (some dates inferred)" if any(p.inferred for p in pubs) else "")
    return Overview(title=_title(story), what=what, when=when, where=[a.name for a in places[:3]], coverage=coverage)


def _source_rows(story: Story) -> list[SourceRow]:
    return [
        SourceRow(
            doc=d.id,
            outlet=d.source or d.file or "unknown outlet",
            outlet_inferred=bool(d.source and d.source_why),
            headline=d.title or "(no headline)",
            date=str(d.published.earliest) if d.published.earliest and d.published.earliest == d.published.latest else published_label(d).replace(" (inferred from the text)", ""),
            date_inferred=d.published.inferred,
            words=len(d.text.split()),
            url=safe_url(d.url),
        )
        for d in story.documents
    ]


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
    overview: Overview | None = None
    sources: list[SourceRow] = field(default_factory=list)
    category_counts: dict[str, int] = field(default_factory=dict)
    docs: dict[str, Document] = field(default_factory=dict)  # doc id -> document

    def text(self, span: Span) -> str:
        """The characters a span points to ("" when its document is unknown)."""
        doc = self.docs.get(span.doc)
        return doc.text[span.start : span.end] if doc else ""

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
        overview=_overview(story, dated),
        sources=_source_rows(story),
        docs={d.id: d for d in story.documents},
        category_counts=dict(sorted(Counter(e.category for e in dated).items(), key=lambda kv: (-kv[1], kv[0]))),
    )
