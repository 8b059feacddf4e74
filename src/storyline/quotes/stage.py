"""The ``quotes`` stage: direct quotations with their speaker and cue.

For every document: pair the quotation marks of its kept blocks
(:mod:`.marks`), find the speaker span and cue in the block's parse
(:mod:`.speaker`), and resolve the span to a story actor (:mod:`.resolve`).
A whole-paragraph quotation with no attribution of its own, right after an
attributed one, continues the previous speaker (the wire-copy convention).
Scare quotes and quoted wording of documents are kept with no speaker.
"""

from __future__ import annotations

import logging
from bisect import bisect_right

from ..actor_index import ActorIndex
from ..attribution import resolve_speaker
from ..language.speaker import SpeakerSpan, find_speaker
from ..models import Block, Document, Quote, Story
from ..pipeline import Context, register_stage
from .marks import QuotedSpan, find_quoted_spans

__all__ = ["extract_quotes", "quotes_of_document"]

log = logging.getLogger(__name__)


def _kept_blocks(doc: Document) -> list[tuple[int, Block]]:
    return [(i, b) for i, b in enumerate(doc.blocks) if b.kind != "junk"]


def _block_at(kept: list[tuple[int, Block]], starts: list[int], pos: int) -> tuple[int, Block] | None:
    k = bisect_right(starts, pos) - 1
    if k < 0:
        return None
    bi, block = kept[k]
    return (bi, block) if block.start <= pos < block.end else None


def _is_partial(text: str) -> bool:
    words = text.split()
    whole = len(words) >= 4 and text[:1].isupper() and text.rstrip()[-1:] in {".", "?", "!", ",", "…"}
    return not whole


def _speaker_span(doc: Document, ctx: Context, kept: list[tuple[int, Block]], starts: list[int], q: QuotedSpan) -> SpeakerSpan | None:
    """Try the block where the quote opens, then (for a long quote) the block where it closes."""
    tried: set[int] = set()
    for pos in (q.open_at, q.close_at):
        found = _block_at(kept, starts, pos)
        if found is None or found[0] in tried:
            continue
        bi, block = found
        tried.add(bi)
        parse = ctx.parses.get(doc.id, bi)
        if parse is None:
            continue
        start, end = max(q.start, block.start), min(q.end, block.end)
        span = find_speaker(parse, block.start, start, end, q.open_at, q.close_at)
        if span is not None:
            return span
    return None


def _opens_sentence(text: str, q: QuotedSpan, block: Block) -> bool:
    """The quote starts its paragraph or follows the end of a sentence."""
    before = text[block.start : q.open_at].rstrip()
    return not before or before[-1] in ".?!\"'\u201d\u2019"


def _continues(quotes: list[Quote], here: tuple[int, Block] | None, prev_block: int | None, text: str) -> bool:
    """A whole-sentence quote right after an attributed one (same or previous paragraph)."""
    if not quotes or not quotes[-1].speaker or here is None or prev_block is None:
        return False
    return here[0] - prev_block <= 1 and not _is_partial(text)


def quotes_of_document(doc: Document, ctx: Context, index: ActorIndex) -> list[Quote]:
    """Every quotation of ``doc`` with its speaker (an actor id) when one is named."""
    kept = _kept_blocks(doc)
    starts = [b.start for _, b in kept]
    spans = find_quoted_spans(doc.text, [(b.start, b.end) for _, b in kept])
    quoted = [(q.start, q.end) for q in spans]
    quotes: list[Quote] = []
    prev_block: int | None = None
    for q in spans:
        sp = _speaker_span(doc, ctx, kept, starts, q)
        here = _block_at(kept, starts, q.open_at)
        speaker_id: str | None = None
        how = sp.how if sp else None
        if sp is not None:
            actor = resolve_speaker(index, doc.id, sp, quoted, {doc.id: doc.text})
            speaker_id = actor.id if actor else None
        text = doc.text[q.start : q.end]
        if sp is None and _continues(quotes, here, prev_block, text) and here is not None and _opens_sentence(doc.text, q, here[1]):
            speaker_id, how = quotes[-1].speaker, "continuation"
        quotes.append(
            Quote(
                speaker=speaker_id,
                cue=sp.cue if sp else None,
                text=text,
                doc=doc.id,
                start=q.start,
                end=q.end,
                speaker_text=doc.text[sp.phrase[0] : sp.phrase[1]] if sp else None,
                partial=_is_partial(text),
                how=how,
            )
        )
        if here is not None:
            prev_block = here[0]
    return quotes


@register_stage("quotes", requires=("parses", "actors"), assigns=("quotes",))
def extract_quotes(story: Story, ctx: Context) -> Story:
    """Fill ``story.quotes`` for every document."""
    index = ActorIndex(story)
    story.quotes = []
    for doc in story.documents:
        found = quotes_of_document(doc, ctx, index)
        log.debug("%s: %d quotes, %d with a speaker", doc.id, len(found), sum(1 for q in found if q.speaker))
        story.quotes.extend(found)
    return story
