"""The ``summarize`` stage: a short, cited, extractive brief of the story.

The brief is built from whole body sentences (see :mod:`.candidates` and
:mod:`.select`) within ``options.summary_words`` words. Each brief sentence
cites every document span that carries the same fact: the chosen sentence
first, then the most similar sentence of every other document that tells
it too. Sentences are ordered so the brief reads as an account: the lead
facts first (by position in their article), and never a sentence that
opens on a pronoun or a connective at the start.

With ``options.llm_url`` set, the extractive brief is then rewritten
through an OpenAI-compatible chat endpoint and every generated sentence is
checked against the spans it cites (:mod:`.llm`).
"""

from __future__ import annotations

import logging
from functools import lru_cache

import numpy as np
from threadpoolctl import ThreadpoolController

from ..language.connectives import opener_length
from ..models import Limit, Span, Story, SummarySentence
from ..pipeline import Context, register_stage
from ..settings import tuned_section
from .candidates import Candidate, collect_candidates, collect_headlines
from .select import Pick, Weights, select_sentences
from .signals import story_signals

__all__ = ["DEFAULT_WEIGHTS", "build_brief", "order_picks", "summarize_story"]

log = logging.getLogger(__name__)

#: Weights measured on the Multi-News dev sample (benchmarks/summarize_multinews.py).
DEFAULT_WEIGHTS = Weights(**tuned_section("summarize.weights"))  # [summarize.weights] of defaults.toml


def order_picks(picks: list[Pick], cands: list[Candidate], scores: dict[int, float] | None = None) -> list[Pick]:
    """Order chosen sentences for reading: the main event first, then by position in their article.

    The main event is the best-scored sentence that stands alone (the greedy
    choice takes it first). A sentence that leans on its predecessor (a
    pronoun no name replaces, a connective) follows that predecessor when it
    was chosen too, and never opens the brief.
    """
    scores = scores or {}
    if not picks:
        return []
    chosen = {p.index for p in picks}

    def follows(p: Pick) -> bool:
        c = cands[p.index]
        return (c.needy or c.dangling) and c.prev is not None and c.prev in chosen

    free = [p for p in picks if not follows(p)] or list(picks)
    lead = max(free, key=lambda p: (not cands[p.index].needy, scores.get(p.index, 0.0), -p.index))
    rest = sorted((p for p in free if p is not lead), key=lambda p: (cands[p.index].position, -scores.get(p.index, 0.0), cands[p.index].doc_index))
    out: list[Pick] = [lead, *rest]
    pending = [p for p in picks if p not in out]
    while pending:
        placed = False
        for p in list(pending):
            at = next((k for k, q in enumerate(out) if q.index == cands[p.index].prev), None)
            if at is not None:
                out.insert(at + 1, p)
                pending.remove(p)
                placed = True
        if not placed:
            out.extend(pending)
            break
    return out


def _span(story: Story, cand: Candidate) -> Span:
    text = story.doc(cand.doc).text[cand.start : cand.end]
    return Span(doc=cand.doc, start=cand.start, end=cand.end, text=text)


def _sources(story: Story, pick: Pick, cands: list[Candidate]) -> list[Span]:
    """The chosen span, then the best supporting span of every other document."""
    chosen = cands[pick.index]
    spans = [_span(story, chosen)]
    seen = {chosen.doc}
    for j in pick.support:  # already best first
        if cands[j].doc not in seen:
            seen.add(cands[j].doc)
            spans.append(_span(story, cands[j]))
    return spans


def _dangling_opener(text: str) -> int:
    """How many leading characters are connectives that lean on a sentence the brief does not have ("Then, ...")."""
    cut = opener_length(text)
    if not cut or len(text[cut:].split()) < 5 or not (text[cut:][:1].isalnum() or text[cut:][:1] in "\"“"):
        return 0
    return cut


def _sentence(story: Story, pick: Pick, cands: list[Candidate]) -> SummarySentence:
    """One brief sentence that reads alone.

    A connective opener is dropped (a bullet is read on its own, even after
    its predecessor) and the edits that make the sentence stand alone are
    applied (a bare quotation gets its speaker, a person pronoun the name it
    stands for); the span each added name comes from is cited after the
    sources of the fact.
    """
    cand = cands[pick.index]
    sources = _sources(story, pick, cands)
    cut = 0 if cand.continues_quote else _dangling_opener(cand.text)  # a quotation's words are never cut
    edits = [e for e in cand.edits if e.start >= cut]
    text = cand.text
    for e in sorted(edits, key=lambda e: -e.start):
        text = text[: e.start] + e.text + text[e.end :]
    if cut:
        text = text[cut:]
        text = text[:1].upper() + text[1:]
        first = sources[0]
        sources[0] = Span(doc=first.doc, start=first.start + cut, end=first.end, text=(first.text or "")[cut:] or None)
    doc = story.doc(cand.doc)
    for e in edits:
        cite = Span(doc=cand.doc, start=e.cite[0], end=e.cite[1], text=doc.text[e.cite[0] : e.cite[1]])
        if all((sp.doc, sp.start, sp.end) != (cite.doc, cite.start, cite.end) for sp in sources):
            sources.append(cite)
    return SummarySentence(text=text, sources=sources)


def _compared(story: Story, cands: list[Candidate]) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Which candidates the compare stage linked: (same topic: agreement or divergence, same fact: agreement)."""
    if not (story.agreements or story.divergences):
        return None, None
    n = len(cands)
    same, agree = np.zeros((n, n), dtype=bool), np.zeros((n, n), dtype=bool)

    def members(spans: list[Span]) -> list[int]:
        return [i for i, c in enumerate(cands) for sp in spans if sp.doc == c.doc and sp.start < c.end and c.start < sp.end]

    groups = [(members(list(a.evidence)), True) for a in story.agreements]
    groups += [(members(list(d.positions)), False) for d in story.divergences]
    for idx, is_agreement in groups:
        for i in idx:
            for j in idx:
                if i != j:
                    same[i, j] = True
                    agree[i, j] |= is_agreement
    return same, agree


def within_budget(cands: list[Candidate], limit: int) -> list[Candidate]:
    """At most ``limit`` candidates, the earliest in their articles first (in document order), the cut logged.

    The selection compares every candidate with every other (memory and time
    grow with the square of their number), so a story of a thousand articles
    keeps the first sentences of each article, where news puts its facts.
    """
    if len(cands) <= limit:
        return cands
    keep = sorted(sorted(range(len(cands)), key=lambda i: cands[i].position)[:limit])
    log.warning("summarize: %d candidate sentences, the earliest %d of their articles considered (budget [summarize] max_candidates = %d), %d cut",
                len(cands), len(keep), limit, len(cands) - len(keep))
    return [cands[i] for i in keep]


@lru_cache(maxsize=1)
def _threadpools() -> ThreadpoolController:
    """The process's native thread pools, looked up once (each look-up walks every loaded library)."""
    return ThreadpoolController()


def build_brief(story: Story, ctx: Context, words: int, weights: Weights | None = None) -> list[SummarySentence]:
    """The extractive brief of ``story`` in at most ``words`` words.

    numpy's BLAS runs on one thread meanwhile: the similarity products are
    small, and a second BLAS thread spins on after each product (about 0.5 s
    CPU on 20 stories) and slows the next stage's parsing on a shared core.
    """
    with _threadpools().limit(limits=1, user_api="blas"):
        return _build_brief(story, ctx, words, weights)


def _build_brief(story: Story, ctx: Context, words: int, weights: Weights | None) -> list[SummarySentence]:
    every = collect_candidates(story, ctx)
    cands = within_budget(every, ctx.options.tuned_int("summarize", "max_candidates"))
    story.limits = [lim for lim in story.limits if lim.stage != "summarize"]  # a second run starts afresh
    if len(cands) < len(every):
        story.limits.append(Limit(stage="summarize", setting="[summarize] max_candidates", what="candidate sentences for the brief", total=len(every), kept=len(cands)))
    if not cands:
        return []
    weights = weights or Weights(**ctx.options.section("summarize.weights"))
    bonus = story_signals(story, cands) if weights.signals else None
    same, agree = _compared(story, cands)
    result = select_sentences(cands, words, weights, bonus=bonus, headlines=collect_headlines(story, ctx), same=same, agree=agree)
    ordered = order_picks(result.picks, cands, result.scores)
    return [_sentence(story, p, cands) for p in ordered]


@register_stage("summarize", requires=("sentences", "entities", "parses"), assigns=("summary",), uses=("actors", "events", "quotes", "agreements"))
def summarize_story(story: Story, ctx: Context) -> Story:
    """Fill ``story.summary`` (extractive; rewritten when ``options.llm_url`` is set)."""
    if not any(d.sentences for d in story.documents):
        log.warning("summarize: no sentences (run the nlp stage before summarize); the brief is empty")
    story.summary = build_brief(story, ctx, ctx.options.summary_words)  # BLAS on one thread (see build_brief)
    if ctx.options.llm_url and story.summary:
        from .llm import rewrite_brief

        story.summary = rewrite_brief(story, story.summary, ctx.options.llm_url, ctx.options.summary_words)
    log.info("brief: %d sentences, %d words", len(story.summary), sum(len(s.text.split()) for s in story.summary))
    return story
