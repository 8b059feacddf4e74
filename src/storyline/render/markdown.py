"""story.md: the report as Markdown, every item with its sources.

Every text taken from an article (or a file name, an outlet, a URL) is
escaped: ASCII punctuation that Markdown or HTML could read as syntax gets a
backslash, so a CommonMark renderer shows it as text and never as a link,
an image, raw HTML or a heading. Citations are links to the anchor of the
source's section (``#src-d1``).
"""

from __future__ import annotations

import re

from ..models import Event, Span, Story
from ..settings import tuned_int
from ..text import collapse_ws
from .view import AGREEMENT_CONFIDENCE, ReportView, build_view, published_label, safe_url

__all__ = ["md_escape", "render_markdown"]

MAX_ACTORS = tuned_int("render", "max_actors")

# characters CommonMark (and GFM tables and strikethrough) reads as syntax anywhere in a line:
# emphasis, code, links and images ("![" needs its "["), raw HTML and autolinks, entities, cells
_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
# and at the start of a line: headings, quotes, list items, setext underlines, ordered lists
_LINE_START = re.compile(r"^([#>+=-]|\d+(?=[.)]))")


def md_escape(text: str | None) -> str:
    """``text`` on one line, with every character Markdown or HTML could read as syntax backslash-escaped."""
    out = _SPECIAL.sub(r"\\\1", collapse_ws(text or ""))
    m = _LINE_START.match(out)
    if m:
        out = out[: m.end()] + "\\" + out[m.end() :] if m.group(1)[0].isdigit() else "\\" + out
    return out


_esc = md_escape


def _anchor(doc_id: str) -> str:
    return "src-" + re.sub(r"[^A-Za-z0-9_-]", "-", doc_id)


def _link(view: ReportView, span: Span) -> str:
    return f"[{_esc(view.cite(span))}](#{_anchor(span.doc)})"


def _cite(view: ReportView, spans: list[Span], quote: bool = False) -> str:
    if not spans:
        return ""
    if quote:
        return "; ".join(f"{_link(view, s)}: “{_esc(view.text(s))}”" for s in spans)
    seen: dict[str, Span] = {}
    for s in spans:
        seen.setdefault(s.doc, s)
    return "[" + "; ".join(_link(view, s) for s in seen.values()) + "]"


def _summary(view: ReportView) -> list[str]:
    story = view.story
    if not story.summary:
        return []
    out = ["## Brief", ""]
    for s in story.summary:
        flag = f" *({_esc(s.flag)})*" if s.flag else ""
        out.append(f"- {_esc(s.text)}{flag} {_cite(view, s.sources)}")
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
        aka = f" (also: {_esc(', '.join(a.aliases[:4]))})" if a.aliases else ""
        out.append(
            f"| {_esc(a.name)}{aka} | {_esc(a.kind)} | {_esc(a.country)} | {_esc(a.role)} | {len(a.mentions)} | {_esc('; '.join(rels))} |"
        )
    rest = len(view.main_actors) - MAX_ACTORS
    if rest > 0:
        out += ["", f"…and {rest} more in story.json."]
    return [*out, ""]


def _event_line(view: ReportView, e: Event) -> str:
    flag = f" *({_esc(e.modality)})*" if e.modality != "asserted" else ""
    whom = f" → {_esc(view.actor_name(e.whom))}" if e.whom else ""
    date = f"**{_esc(e.date)}** " if e.date else ""
    return f"- {date}{_esc(view.actor_name(e.who))}{whom}: {_esc(e.text)} ({_esc(e.category)}){flag} {_cite(view, e.evidence)}"


def _timeline(view: ReportView) -> list[str]:
    if not view.story.events:
        return []
    out = ["## Timeline", ""]
    out += [_event_line(view, e) for e in view.dated_events]
    if view.undated_events:
        if view.dated_events:
            out.append("")
        out += ["Undated:", ""]
        out += [_event_line(view, e) for e in view.undated_events]
    return [*out, ""]


def _quotes(view: ReportView) -> list[str]:
    if not view.story.quotes:
        return []
    out = ["## Who said what", ""]
    for name, quotes in view.quotes_by_speaker:
        out += [f"**{_esc(name)}**", ""]
        for q in quotes:
            cue = f" ({_esc(q.cue)})" if q.cue else ""
            out.append(f"- “{_esc(q.text)}”{cue} {_cite(view, [Span(doc=q.doc, start=q.start, end=q.end)])}")
        out.append("")
    if view.unattributed_quotes:
        items = ", ".join(f"“{_esc(q.text)}” {_cite(view, [Span(doc=q.doc, start=q.start, end=q.end)])}" for q in view.unattributed_quotes)
        out += ["Quoted wording with no speaker (scare quotes, documents): " + items, ""]
    return out


def _compared(view: ReportView) -> list[str]:
    story = view.story
    if not (story.agreements or story.divergences or story.questions or view.unique_claims):
        return []
    out = ["## Sources compared", ""]
    if story.agreements:
        out += ["### Where they agree", "", f"*{AGREEMENT_CONFIDENCE}*", ""]
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
                out.append(f"  - {_link(view, p)}: “{_esc(view.text(p))}”")
        out.append("")
    if view.unique_claims and len(story.documents) > 1:
        out += ["### What only one source says", ""]
        for doc_id, claims in view.unique_claims.items():
            out.append(f"- **{_esc(view.labels.get(doc_id, doc_id))}**")
            for c in claims:
                out.append(f"  - {_esc(c.text)} *({_esc(c.type)})* {_cite(view, [Span(doc=c.doc, start=c.start, end=c.end)])}")
        out.append("")
    if story.questions:
        out += ["### Open questions", ""]
        for q in story.questions:
            out.append(f"- {_esc(q.text)} {_cite(view, [Span(doc=q.doc, start=q.start, end=q.end)])}")
            for i, ans in enumerate(q.answers):
                kind = q.answer_kinds[i] if i < len(q.answer_kinds) else "answered by"
                out.append(f"  - {kind} {_link(view, ans)}: “{_esc(view.text(ans))}”")
            if not q.answers:
                out.append("  - no source answers it")
        out.append("")
    return out


def _sources_table(view: ReportView) -> list[str]:
    out = ["| | Outlet | Headline | Published | Words |", "|---|---|---|---|---|"]
    for r in view.sources:
        outlet = _esc(r.outlet) + (" (inferred)" if r.outlet_inferred else "")
        date = _esc(r.date) + (" (inferred)" if r.date_inferred else "")
        head = f"[{_esc(r.headline)}](#{_anchor(r.doc)})"
        out.append(f"| {_esc(r.doc)} | {outlet} | {head} | {date} | {r.words} |")
    return [*out, ""]


def _sources(view: ReportView) -> list[str]:
    out = ["## Sources", ""]
    for d in view.story.documents:
        out += [f'<a id="{_anchor(d.id)}"></a>', "", f"### {_esc(d.id)}: {_esc(d.title or '(no headline)')}", ""]
        meta = [f"Outlet: {_esc(d.source or 'unknown')}" + (" (inferred)" if d.source_why else ""), f"Published: {_esc(published_label(d))}"]
        if d.file:
            meta.append(f"File: {_esc(d.file)}")
        url = safe_url(d.url)
        if url:
            meta.append(f"URL: <{url}>")
        elif d.url:
            meta.append(f"URL (not a web address, not linked): {_esc(d.url)}")
        out += [" · ".join(meta), ""]
        if d.dek:
            out += [f"*{_esc(d.dek)}*", ""]
        for c in d.captions:
            out += [f"> Caption: {_esc(c)}", ""]
        for p in d.paragraphs:
            out += [_esc(p), ""]
        if d.removed:
            out += [f"Removed {len(d.removed)} line{'s' if len(d.removed) != 1 else ''}:", ""]
            out += [f"- ~~{_esc(r.text)}~~ ({_esc(r.reason)})" for r in d.removed]
            out.append("")
    return out


def _skipped(story: Story) -> list[str]:
    if not story.skipped:
        return []
    return ["## Skipped inputs", "", *[f"- {_esc(s.input)}: {_esc(s.problem)}" for s in story.skipped], ""]


def render_markdown(story: Story) -> str:
    if not story.documents:
        return "# No report\n\nNo article could be read." + ("\n\n" + "\n".join(_skipped(story)) if story.skipped else "") + "\n"
    view = build_view(story)
    ov = view.overview
    assert ov is not None
    n = len(story.documents)
    lines = [f"# {_esc(ov.title)}", ""]
    glance = []
    if ov.what:
        glance.append(f"**What:** {_esc(ov.what)}")
    if ov.when:
        glance.append(f"**When:** {_esc(ov.when)}")
    if ov.where:
        glance.append(f"**Where:** {_esc(', '.join(ov.where))}")
    if glance:
        lines += [" · ".join(glance), ""]
    cover = f", published {_esc(ov.coverage)}" if ov.coverage else ""
    lines += [f"Situation report from {n} source{'s' if n != 1 else ''}{cover}.", ""]
    lines += _sources_table(view)
    for section in (_summary, _actors, _timeline, _quotes, _compared, _sources):
        lines += section(view)
    lines += _skipped(story)
    return "\n".join(lines).rstrip() + "\n"
