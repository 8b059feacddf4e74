"""story.md: the report as Markdown, every item with its sources."""

from __future__ import annotations

from ..models import Span, Story
from ..text import collapse_ws
from .view import ReportView, build_view, published_label, span_text

__all__ = ["render_markdown"]

MAX_ACTORS = 15


def _esc(text: str) -> str:
    return collapse_ws(text).replace("|", "\\|")


def _cite(view: ReportView, spans: list[Span], quote: bool = False) -> str:
    if not spans:
        return ""
    if quote:
        return "; ".join(f"{view.cite(s)}: “{_esc(span_text(view.story, s))}”" for s in spans)
    seen = list(dict.fromkeys(view.cite(s) for s in spans))
    return "[" + "; ".join(seen) + "]"


def _summary(view: ReportView) -> list[str]:
    story = view.story
    if not story.summary:
        return []
    out = ["## Brief", ""]
    for s in story.summary:
        out.append(f"- {_esc(s.text)} {_cite(view, s.sources)}")
    return [*out, ""]


def _actors(view: ReportView) -> list[str]:
    if not view.main_actors:
        return []
    out = ["## Actors", "", "| Actor | Kind | Country | Role | Mentions | Strongest relations |", "|---|---|---|---|---|---|"]
    for a in view.main_actors[:MAX_ACTORS]:
        rels = []
        for r in view.relations_by_actor.get(a.id, [])[:3]:
            other = r.target if r.source == a.id else r.source
            rels.append(f"{r.type} {view.actor_name(other)} ({r.weight:g})")
        aka = f" (also: {', '.join(a.aliases[:4])})" if a.aliases else ""
        out.append(
            f"| {_esc(a.name)}{_esc(aka)} | {a.kind} | {a.country or ''} | {_esc(a.role or '')} | {len(a.mentions)} | {_esc('; '.join(rels))} |"
        )
    rest = len(view.main_actors) - MAX_ACTORS
    if rest > 0:
        out.append(f"\n…and {rest} more in story.json.")
    return [*out, ""]


def _timeline(view: ReportView) -> list[str]:
    if not view.story.events:
        return []
    out = ["## Timeline", ""]
    for e in view.dated_events:
        flag = f" *({e.modality})*" if e.modality != "asserted" else ""
        whom = f" → {view.actor_name(e.whom)}" if e.whom else ""
        out.append(f"- **{e.date}** {view.actor_name(e.who)}{whom}: {_esc(e.text)} `{e.category}`{flag} {_cite(view, e.evidence)}")
    if view.undated_events:
        out += ["", "Undated:", ""]
        for e in view.undated_events:
            whom = f" → {view.actor_name(e.whom)}" if e.whom else ""
            out.append(f"- {view.actor_name(e.who)}{whom}: {_esc(e.text)} `{e.category}` {_cite(view, e.evidence)}")
    return [*out, ""]


def _quotes(view: ReportView) -> list[str]:
    if not view.story.quotes:
        return []
    out = ["## Who said what", ""]
    for name, quotes in view.quotes_by_speaker:
        out.append(f"**{_esc(name)}**")
        out.append("")
        for q in quotes:
            cue = f" ({q.cue})" if q.cue else ""
            out.append(f"- “{_esc(q.text)}”{cue} [{view.labels.get(q.doc, q.doc)}]")
        out.append("")
    if view.unattributed_quotes:
        out.append("Quoted wording with no speaker (scare quotes, documents): " + ", ".join(f"“{_esc(q.text)}”" for q in view.unattributed_quotes))
        out.append("")
    return out


def _compared(view: ReportView) -> list[str]:
    story = view.story
    if not (story.agreements or story.divergences or story.questions or view.unique_claims):
        return []
    out = ["## Sources compared", ""]
    if story.agreements:
        out += ["### Where they agree", ""]
        for a in story.agreements:
            conf = f" (confidence {a.confidence:.2f})" if a.confidence is not None else ""
            out.append(f"- {_esc(a.claim)}{conf} — {_cite(view, a.evidence, quote=True)}")
        out.append("")
    if story.divergences:
        out += ["### Where they part ways", ""]
        for d in story.divergences:
            conf = f" (confidence {d.confidence:.2f})" if d.confidence is not None else ""
            out.append(f"- {_esc(d.topic)}{conf}")
            for p in d.positions:
                out.append(f"  - {view.cite(p)}: “{_esc(span_text(story, p))}”")
        out.append("")
    if view.unique_claims and len(story.documents) > 1:
        out += ["### What only one source says", ""]
        for doc_id, claims in view.unique_claims.items():
            out.append(f"- **{view.labels.get(doc_id, doc_id)}**")
            for c in claims:
                out.append(f"  - {_esc(c.text)} *({c.type})*")
        out.append("")
    if story.questions:
        out += ["### Open questions", ""]
        for q in story.questions:
            out.append(f"- {_esc(q.text)} [{view.labels.get(q.doc, q.doc)}]")
            for ans in q.answers:
                out.append(f"  - answered by {view.cite(ans)}: “{_esc(span_text(story, ans))}”")
            if not q.answers:
                out.append("  - no source answers it")
        out.append("")
    return out


def _sources(view: ReportView) -> list[str]:
    out = ["## Sources", ""]
    for d in view.story.documents:
        when = published_label(d)
        out.append(f"### {d.id}: {_esc(d.title or '(no headline)')}")
        out.append("")
        meta = [f"Outlet: {d.source or 'unknown'}" + (" (inferred)" if d.source_why else ""), f"Published: {when}"]
        if d.file:
            meta.append(f"File: `{d.file}`")
        if d.url:
            meta.append(f"URL: {d.url}")
        out.append(" · ".join(meta))
        out.append("")
        if d.dek:
            out += [f"*{_esc(d.dek)}*", ""]
        for c in d.captions:
            out += [f"> Caption: {_esc(c)}", ""]
        for p in d.paragraphs:
            out += [_esc(p), ""]
        if d.removed:
            out.append(f"Removed {len(d.removed)} line{'s' if len(d.removed) != 1 else ''}:")
            out.append("")
            for r in d.removed:
                out.append(f"- ~~{_esc(r.text)}~~ ({r.reason})")
            out.append("")
    return out


def _skipped(story: Story) -> list[str]:
    if not story.skipped:
        return []
    return ["## Skipped inputs", "", *[f"- `{s.input}`: {s.problem}" for s in story.skipped], ""]


def render_markdown(story: Story) -> str:
    view = build_view(story)
    titles = [d.title for d in story.documents if d.title]
    head = story.title or (titles[0] if titles else "Untitled story")
    n = len(story.documents)
    lines = [f"# {_esc(head)}", "", f"Situation report from {n} source{'s' if n != 1 else ''}: " + ", ".join(view.labels.values()) + ".", ""]
    for section in (_summary, _actors, _timeline, _quotes, _compared, _sources):
        lines += section(view)
    lines += _skipped(story)
    return "\n".join(lines).rstrip() + "\n"
