"""The ``nlp`` stage: spaCy over every kept block, one block at a time.

Blocks (headline, standfirst, captions, body paragraphs) are parsed
separately so that a headline never glues onto the first body sentence. The
text given to spaCy is :func:`~storyline.text.normalize_same_length` of the
block, so token offsets plus ``block.start`` are offsets into the document.
Parses are the ``parses`` artifact (``ctx.parses``) for later stages. Running
the stage again parses every document afresh (same sentences, no duplicates).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Entity, Sentence, Story
from ..pipeline import Context, register_stage
from ..text import normalize_same_length

__all__ = ["LIST_MARKER", "parse_blocks"]

#: An enumeration marker inside running text: "1)", "(2)", "3.", "a)".
LIST_MARKER = re.compile(r"^(?:\(?\d{1,2}\)|\(?[a-h]\)|\d{1,2}\.)$")

_COMPONENT = "storyline_list_boundaries"


_BOUNDARY = {".", "?", "!", ":", ";"}


def _marker_length(doc: Doc, i: int) -> int:
    """Tokens in an enumeration marker starting at ``i`` ("1)", "1 )", "( 1 )"), else 0."""
    tok = doc[i]
    if LIST_MARKER.match(tok.text):
        return 1
    if tok.like_num and len(tok.text) <= 2 and i + 1 < len(doc) and doc[i + 1].text == ")":
        return 2
    if tok.text == "(" and i + 2 < len(doc) and doc[i + 1].like_num and doc[i + 2].text == ")":
        return 3
    return 0


@Language.component(_COMPONENT)
def mark_list_boundaries(doc: Doc) -> Doc:
    """Start a sentence at each enumeration marker ("1) ... 2) ...").

    A marker counts when it follows sentence punctuation or a colon; the
    marker's own tokens and the word after it are kept in its sentence. Also
    stops sentences from running over a line break inside a block.
    """
    i = 1
    while i < len(doc):
        prev = doc[i - 1]
        n = _marker_length(doc, i)
        if n and i + n < len(doc) and (prev.text in _BOUNDARY or prev.is_space):
            doc[i].is_sent_start = True
            for k in range(i + 1, i + n + 1):
                doc[k].is_sent_start = False
            i += n + 1
            continue
        if "\n" in prev.text and not prev.text.strip():
            doc[i].is_sent_start = True
        i += 1
    return doc


def _ensure_component(nlp: Language) -> None:
    if _COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe(_COMPONENT, before=before)
        else:
            nlp.add_pipe(_COMPONENT, first=True)


def parse_blocks(story: Story, ctx: Context) -> Story:
    nlp = ctx.nlp
    _ensure_component(nlp)
    jobs: list[tuple[int, int]] = []  # (document index, block index)
    texts: list[str] = []
    for di, doc in enumerate(story.documents):
        doc.sentences, doc.entities = [], []
        ctx.parses.drop(doc.id)
        for bi, block in enumerate(doc.blocks):
            if block.kind == "junk":
                continue
            jobs.append((di, bi))
            texts.append(normalize_same_length(block.text))
    for (di, bi), parsed in zip(jobs, nlp.pipe(texts, batch_size=64), strict=True):
        document = story.documents[di]
        block = document.blocks[bi]
        ctx.parses.put(document.id, bi, parsed)
        base = block.start
        for sent in parsed.sents:
            text = sent.text.strip()
            if not text:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = base + sent.start_char + lead
            end = start + len(text)
            document.sentences.append(
                Sentence(
                    id=f"{document.id}.s{len(document.sentences) + 1}",
                    doc=document.id,
                    block=bi,
                    start=start,
                    end=end,
                    text=document.text[start:end],
                )
            )
        for ent in parsed.ents:
            document.entities.append(
                Entity(start=base + ent.start_char, end=base + ent.end_char, text=document.text[base + ent.start_char : base + ent.end_char], label=ent.label_)
            )
    return story


register_stage("nlp", requires=("blocks",), assigns=("sentences", "entities", "parses"))(parse_blocks)
