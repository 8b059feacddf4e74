"""The ``timexes`` stage: every temporal expression of every kept block.

Each kept block (never junk) is scanned by
:func:`~storyline.language.time.find_timexes`; values are resolved against
the document's publication date, else the story's (the median of the known
publication dates), and the tense of the clause each expression sits in
(from the ``nlp`` stage's parses, when there are any). The result is the
top-level ``Story.timexes`` list, in document and text order, offsets into
``Document.text``.
"""

from __future__ import annotations

import logging
from datetime import date
from statistics import median_low

from ..language.time import Tense, TimexState, date_tense_of_span, find_timexes
from ..models import Document, Story, Timex
from ..pipeline import Context, register_stage
from ..text import normalize_same_length

__all__ = ["document_timexes", "story_reference_date", "timexes_stage"]

log = logging.getLogger(__name__)


def story_reference_date(story: Story) -> date | None:
    """The story's reference date: the median of its documents' known publication dates."""
    known = sorted(d.published.anchor for d in story.documents if d.published.anchor is not None)
    return median_low(known) if known else None


def document_timexes(document: Document, anchor: date | None, ctx: Context | None = None) -> list[Timex]:
    """The temporal expressions of ``document``'s kept blocks, valued against ``anchor``."""
    out: list[Timex] = []
    state = TimexState()
    for bi, block in enumerate(document.blocks):
        if block.kind == "junk":
            continue
        text = normalize_same_length(block.text)
        parse = ctx.parses.get(document.id, bi) if ctx is not None else None

        def tense_at(start: int, end: int, parse: object = parse) -> Tense | None:
            return date_tense_of_span(parse, start, end) if parse is not None else None  # type: ignore[arg-type]

        for t in find_timexes(text, anchor, tense_at if parse is not None else None, state):
            start, end = t.start + block.start, t.end + block.start
            out.append(Timex(doc=document.id, start=start, end=end, text=document.text[start:end], type=t.type, value=t.value))
    return out


def timexes_stage(story: Story, ctx: Context) -> Story:
    fallback = story_reference_date(story)
    found: list[Timex] = []
    for document in story.documents:
        anchor = document.published.anchor or fallback
        found.extend(document_timexes(document, anchor, ctx))
    log.debug("timexes: %d temporal expressions", len(found))
    story.timexes = found
    return story


register_stage("timexes", requires=("blocks", "published"), assigns=("timexes",), uses=("parses",))(timexes_stage)
