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
import re

import numpy as np

from ..models import Span, Story, SummarySentence
from ..pipeline import Context, register_stage
from ..settings import tuned_section
from .candidates import _CONNECTIVES, Candidate, collect_candidates, collect_headlines
from .select import Pick, Weights, select_sentences
from .signals import story_signals

__all__ = ["DEFAULT_WEIGHTS", "build_brief", "order_picks", "summarize_story"]

log = logging.getLogger(__name__)

#: Weights measured on the Multi-News dev sample (benchmarks/summarize_multinews.py).
DEFAULT_WEIGHTS = Weights(**tuned_section("summarize.weights"))  # [summarize.weights] of defaults.toml


def order_picks(picks: list[Pick], cands: list[Candidate], scores: dict[int, float] | None = None) -> list[Pick]:
    """Order chosen sentences for reading: by position in their article, best first on ties.

    A sentence that opens on a pronoun or connective never opens the brief,
    and follows its own predecessor when that was chosen too.
    """
    scores = scores or {}
    ordered = sorted(picks, key=lambda p: (cands[p.index].position, -scores.get(p.index, 0.0), cands[p.index].doc_index))
    if ordered and cands[ordered[0].index].dangling:
        lead = next((p for p in ordered if not cands[p.index].dangling), None)
        if lead is not None:
            ordered.remove(lead)
            ordered.insert(0, lead)
    # keep a sentence right after the sentence of its own article it continues
    out: list[Pick] = []
    for p in ordered:
        c = cands[p.index]
        prev = next((i for i, q in enumerate(out) if cands[q.index].doc == c.doc and cands[q.index].position == c.position - 1), None)
        if c.dangling and prev is not None:
            out.insert(prev + 1, p)
        else:
            out.append(p)
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


#: Openers dropped from a brief sentence that does not follow its own predecessor: adverbial connectives
#: ("Then, ...", "Meanwhile ..."); a leading conjunction ("But ...") is kept, it still reads as a contrast.
_OPENER = re.compile(
    r"(?:" + "|".join(sorted(_CONNECTIVES - {"but", "yet", "so", "still"}, key=len, reverse=True)) + r")\b,?\s+", re.IGNORECASE
)


def _dangling_opener(text: str) -> int:
    """How many leading characters are a connective that leans on a sentence the brief does not have ("Then, ...")."""
    m = _OPENER.match(text)
    if m is None or len(text[m.end() :].split()) < 5 or not text[m.end() :][:1].isalpha():
        return 0
    return m.end()


def _sentence(story: Story, pick: Pick, cands: list[Candidate], after_own: bool) -> SummarySentence:
    """One brief sentence; a connective opener is dropped unless the sentence follows its own predecessor."""
    cand = cands[pick.index]
    sources = _sources(story, pick, cands)
    cut = 0 if after_own else _dangling_opener(cand.text)
    if not cut:
        return SummarySentence(text=cand.text, sources=sources)
    rest = cand.text[cut:]
    first = sources[0]
    sources[0] = Span(doc=first.doc, start=first.start + cut, end=first.end, text=(first.text or "")[cut:] or None)
    return SummarySentence(text=rest[:1].upper() + rest[1:], sources=sources)


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


def build_brief(story: Story, ctx: Context, words: int, weights: Weights | None = None) -> list[SummarySentence]:
    """The extractive brief of ``story`` in at most ``words`` words."""
    cands = within_budget(collect_candidates(story, ctx), ctx.options.tuned_int("summarize", "max_candidates"))
    if not cands:
        return []
    weights = weights or Weights(**ctx.options.section("summarize.weights"))
    bonus = story_signals(story, cands) if weights.signals else None
    same, agree = _compared(story, cands)
    result = select_sentences(cands, words, weights, bonus=bonus, headlines=collect_headlines(story, ctx), same=same, agree=agree)
    ordered = order_picks(result.picks, cands, result.scores)
    out: list[SummarySentence] = []
    for i, p in enumerate(ordered):
        prev = cands[ordered[i - 1].index] if i else None
        c = cands[p.index]
        after_own = prev is not None and prev.doc == c.doc and prev.position == c.position - 1
        out.append(_sentence(story, p, cands, after_own))
    return out


@register_stage("summarize", requires=("sentences", "entities", "parses"), assigns=("summary",), uses=("actors", "events", "quotes", "agreements"))
def summarize_story(story: Story, ctx: Context) -> Story:
    """Fill ``story.summary`` (extractive; rewritten when ``options.llm_url`` is set)."""
    if not any(d.sentences for d in story.documents):
        log.warning("summarize: no sentences (run the nlp stage before summarize); the brief is empty")
    story.summary = build_brief(story, ctx, ctx.options.summary_words)
    if ctx.options.llm_url and story.summary:
        from .llm import rewrite_brief

        story.summary = rewrite_brief(story, story.summary, ctx.options.llm_url, ctx.options.summary_words)
    log.info("brief: %d sentences, %d words", len(story.summary), sum(len(s.text.split()) for s in story.summary))
    return story
