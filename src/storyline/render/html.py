"""story.html: one self-contained page (no external assets).

Every cited span is a link; clicking it scrolls to the source paragraph and
highlights the exact characters. The timeline and the actor graph are SVG
drawn by a small inline script from JSON embedded in the page.
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources

from ..models import Document, Span, Story
from ..text import collapse_ws
from .view import ReportView, build_view, published_label, span_text

__all__ = ["render_html"]

MAX_GRAPH_NODES = 30


def _e(text: str | None) -> str:
    return escape(collapse_ws(text or ""))


def _ev(view: ReportView, span: Span, label: str | None = None) -> str:
    """A citation link that highlights its span in the source text."""
    lab = _e(label or view.cite(span))
    title = _e(span_text(view.story, span))[:300]
    return f'<a class="ev" href="#{span.doc}" data-doc="{span.doc}" data-start="{span.start}" data-end="{span.end}" title="{title}">{lab}</a>'


def _evs(view: ReportView, spans: list[Span]) -> str:
    seen: set[tuple[str, int, int]] = set()
    links = []
    for s in spans:
        key = (s.doc, s.start, s.end)
        if key not in seen:
            seen.add(key)
            links.append(_ev(view, s))
    return f'<span class="cites">{" ".join(links)}</span>' if links else ""


def _summary(view: ReportView) -> str:
    if not view.story.summary:
        return ""
    items = "".join(f"<li>{_e(s.text)} {_evs(view, s.sources)}</li>" for s in view.story.summary)
    return f'<section id="brief"><h2>Brief</h2><ul class="brief">{items}</ul></section>'


def _graph_data(view: ReportView) -> dict[str, object]:
    story = view.story
    linked = {r.source for r in story.relations} | {r.target for r in story.relations}
    ranked = [a for a in view.main_actors if a.id in linked][:MAX_GRAPH_NODES]
    keep = {a.id for a in ranked}
    nodes = [{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "role": a.role, "mentions": len(a.mentions)} for a in ranked]
    edges = []
    for r in story.relations:
        if r.source in keep and r.target in keep:
            edges.append(
                {
                    "source": r.source,
                    "target": r.target,
                    "type": r.type,
                    "weight": r.weight,
                    "evidence": [_ev(view, s, f"{view.cite(s)}: {collapse_ws(span_text(story, s))[:160]}") for s in r.evidence[:6]],
                }
            )
    return {"nodes": nodes, "edges": edges}


def _actors(view: ReportView) -> str:
    if not view.main_actors:
        return ""
    rows = []
    for a in view.main_actors:
        aka = ", ".join(a.aliases[:6])
        first = a.mentions[0] if a.mentions else None
        cite = _ev(view, Span(doc=first.doc, start=first.start, end=first.end), "first mention") if first else ""
        rows.append(
            f'<tr class="k-{a.kind}"><td><b>{_e(a.name)}</b><div class="aka">{_e(aka)}</div></td><td>{a.kind}</td>'
            f"<td>{_e(a.country)}</td><td>{_e(a.role)}</td><td class=num>{len(a.mentions)}</td><td>{cite}</td></tr>"
        )
    graph = ""
    if view.story.relations:
        data = json.dumps(_graph_data(view), ensure_ascii=False).replace("</", "<\\/")
        graph = (
            '<div class="graphwrap"><svg id="graph" viewBox="0 0 900 520" role="img" aria-label="actor graph"></svg>'
            '<div id="graphinfo" class="panel">Click an edge to see the sentences behind it, a node to see its links.</div></div>'
            '<div class="legend"><span class="lg supports">supports</span><span class="lg opposes">opposes</span>'
            '<span class="lg negotiates">negotiates</span></div>'
            f'<script type="application/json" id="graph-data">{data}</script>'
        )
    return (
        f'<section id="actors"><h2>Actors</h2>{graph}<details {"open" if not graph else ""}><summary>All {len(view.main_actors)} actors</summary>'
        '<table><thead><tr><th>Actor</th><th>Kind</th><th>Country</th><th>Role</th><th>Mentions</th><th></th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></details></section>'
    )


def _event_row(view: ReportView, e) -> str:  # type: ignore[no-untyped-def]
    flag = f' <span class="mod">{e.modality}</span>' if e.modality != "asserted" else ""
    whom = f" → {_e(view.actor_name(e.whom))}" if e.whom else ""
    date = f'<td class="date">{_e(e.date)}</td>' if e.date is not None else ""
    return (
        f'<tr id="{e.id}">{date}<td><b>{_e(view.actor_name(e.who))}</b>{whom}</td><td>{_e(e.text)}{flag}</td>'
        f'<td><span class="cat">{e.category}</span></td><td>{_evs(view, e.evidence)}</td></tr>'
    )


def _timeline(view: ReportView) -> str:
    if not view.story.events:
        return ""
    points = [
        {"id": e.id, "date": e.date, "who": view.actor_name(e.who), "text": collapse_ws(e.text)[:120], "cat": e.category, "mod": e.modality}
        for e in view.dated_events
    ]
    data = json.dumps(points, ensure_ascii=False).replace("</", "<\\/")
    chart = (
        f'<svg id="timeline" viewBox="0 0 900 240" role="img" aria-label="timeline"></svg><script type="application/json" id="timeline-data">{data}</script>'
        if points
        else ""
    )
    dated = "".join(_event_row(view, e) for e in view.dated_events)
    undated = "".join(_event_row(view, e) for e in view.undated_events)
    out = f'<section id="timeline-sec"><h2>Timeline</h2>{chart}'
    if dated:
        out += f"<table><thead><tr><th>Date</th><th>Who</th><th>What</th><th>Type</th><th>Sources</th></tr></thead><tbody>{dated}</tbody></table>"
    if undated:
        out += f"<h3>Undated events</h3><table><tbody>{undated}</tbody></table>"
    return out + "</section>"


def _quotes(view: ReportView) -> str:
    if not view.story.quotes:
        return ""
    parts = ['<section id="quotes"><h2>Who said what</h2>']
    for name, quotes in view.quotes_by_speaker:
        items = "".join(
            f"<li><q>{_e(q.text)}</q>{f' <i>{_e(q.cue)}</i>' if q.cue else ''} "
            f"{_ev(view, Span(doc=q.doc, start=q.start, end=q.end))}</li>"
            for q in quotes
        )
        parts.append(f"<h3>{_e(name)}</h3><ul>{items}</ul>")
    if view.unattributed_quotes:
        items = " ".join(f"<q>{_e(q.text)}</q> {_ev(view, Span(doc=q.doc, start=q.start, end=q.end))}" for q in view.unattributed_quotes)
        parts.append(f'<p class="muted">Quoted wording with no speaker (scare quotes, documents): {items}</p>')
    return "".join(parts) + "</section>"


def _linked_item(view: ReportView, label: str, confidence: float | None, spans: list[Span]) -> str:
    """An agreement or divergence: its label, how sure the link is, and each source's words."""
    conf = f' <span class="conf">confidence {confidence:.2f}</span>' if confidence is not None else ""
    quotes = "".join(f"<li>{_ev(view, s)}: {_e(span_text(view.story, s))}</li>" for s in spans)
    return f"<li>{_e(label)}{conf}<ul class=evlist>{quotes}</ul></li>"


def _compared(view: ReportView) -> str:
    story = view.story
    if not (story.agreements or story.divergences or story.questions or view.unique_claims):
        return ""
    parts = ['<section id="compared"><h2>Sources compared</h2>']
    if story.agreements:
        items = "".join(_linked_item(view, a.claim, a.confidence, a.evidence) for a in story.agreements)
        parts.append(f"<h3>Where they agree</h3><ul>{items}</ul>")
    if story.divergences:
        items = "".join(_linked_item(view, d.topic, d.confidence, list(d.positions)) for d in story.divergences)
        parts.append(f"<h3>Where they part ways</h3><ul>{items}</ul>")
    if view.unique_claims and len(story.documents) > 1:
        parts.append("<h3>What only one source says</h3><ul>")
        for doc_id, claims in view.unique_claims.items():
            items = "".join(
                f'<li>{_e(c.text)} <span class="cat">{c.type}</span> {_ev(view, Span(doc=c.doc, start=c.start, end=c.end), "source")}</li>' for c in claims
            )
            parts.append(f"<li><b>{_e(view.labels.get(doc_id, doc_id))}</b><ul class=evlist>{items}</ul></li>")
        parts.append("</ul>")
    if story.questions:
        parts.append("<h3>Open questions</h3><ul>")
        for q in story.questions:
            answers = "".join(f"<li>answered by {_ev(view, a)}: {_e(span_text(story, a))}</li>" for a in q.answers) or "<li class=muted>no source answers it</li>"
            parts.append(f"<li>{_e(q.text)} {_ev(view, Span(doc=q.doc, start=q.start, end=q.end))}<ul class=evlist>{answers}</ul></li>")
        parts.append("</ul>")
    return "".join(parts) + "</section>"


def _document(view: ReportView, d: Document, open_: bool) -> str:
    meta = [f"outlet {'inferred' if d.source_why else 'given'}" if d.source else "unknown outlet", _e(published_label(d))]
    if d.file:
        meta.append(f"<code>{_e(d.file)}</code>")
    if d.url:
        meta.append(f'<a href="{escape(d.url, quote=True)}">{_e(d.url)}</a>')
    body = []
    for b in d.blocks:
        raw = escape(d.text[b.start : b.end])
        attrs = f'data-start="{b.start}" data-end="{b.end}"'
        if b.kind == "title":
            body.append(f'<h3 class="title" {attrs}>{raw}</h3>')
        elif b.kind == "dek":
            body.append(f'<p class="dek" {attrs}>{raw}</p>')
        elif b.kind == "caption":
            body.append(f'<figure {attrs}><figcaption>{raw}</figcaption></figure>')
        elif b.kind == "body":
            body.append(f"<p {attrs}>{raw}</p>")
    removed = ""
    if d.removed:
        items = "".join(f"<li><s>{_e(r.text)}</s> <span class=reason>{_e(r.reason)}</span></li>" for r in d.removed)
        removed = f'<details class="removed"><summary>{len(d.removed)} removed line{"s" if len(d.removed) != 1 else ""}</summary><ul>{items}</ul></details>'
    label = _e(view.labels.get(d.id, d.id))
    return (
        f'<article id="{d.id}" class="doc"><details{" open" if open_ else ""}><summary><span class="docid">{d.id}</span> {label}: '
        f'{_e(d.title or "(no headline)")}<div class="meta">{" · ".join(meta)}</div></summary>'
        f'<div class="text">{"".join(body)}</div>{removed}</details></article>'
    )


def _skipped(story: Story) -> str:
    if not story.skipped:
        return ""
    items = "".join(f"<li><code>{_e(s.input)}</code>: {_e(s.problem)}</li>" for s in story.skipped)
    return f'<section id="skipped"><h2>Skipped inputs</h2><ul>{items}</ul></section>'


def _asset(name: str) -> str:
    return resources.files("storyline.render").joinpath("assets", name).read_text(encoding="utf-8")


def render_html(story: Story) -> str:
    view = build_view(story)
    titles = [d.title for d in story.documents if d.title]
    head = story.title or (titles[0] if titles else "Untitled story")
    n = len(story.documents)
    nav = [("brief", "Brief", story.summary), ("actors", "Actors", story.actors), ("timeline-sec", "Timeline", story.events),
           ("quotes", "Who said what", story.quotes), ("compared", "Sources compared", story.agreements or story.divergences or story.questions),
           ("sources", "Sources", story.documents), ("skipped", "Skipped", story.skipped)]
    links = "".join(f'<a href="#{i}">{t}</a>' for i, t, have in nav if have)
    docs = "".join(_document(view, d, open_=n <= 3) for d in story.documents)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(head)} — storyline</title><style>{_asset('report.css')}</style></head><body>"
        f'<header class="top"><h1>{_e(head)}</h1><p class="sub">Situation report from {n} source{"s" if n != 1 else ""}: '
        f'{", ".join(_e(v) for v in view.labels.values())}</p><nav>{links}</nav></header><main>'
        f"{_summary(view)}{_actors(view)}{_timeline(view)}{_quotes(view)}{_compared(view)}"
        f'<section id="sources"><h2>Sources</h2>{docs}</section>{_skipped(story)}'
        f"</main><footer>Made by storyline. Every item links to the characters it came from.</footer>"
        f"<script>{_asset('report.js')}</script></body></html>\n"
    )
