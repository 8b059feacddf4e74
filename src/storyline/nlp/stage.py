"""The ``nlp`` stage: spaCy over every kept block, one block at a time.

Blocks (headline, standfirst, captions, body paragraphs) are parsed
separately so that a headline never glues onto the first body sentence. The
text given to spaCy is :func:`~storyline.text.normalize_same_length` of the
block, so token offsets plus ``block.start`` are offsets into the document.
Parses are kept in ``ctx.parses`` for later stages.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Entity, Sentence, Story
from ..pipeline import Context, register_stage
from ..text import normalize_same_length

__all__ = ["parse_blocks", "LIST_MARKER"]

#: An enumeration marker inside running text: "1)", "(2)", "3.", "a)".
LIST_MARKER = re.compile(r"^(?:\(?\d{1,2}\)|\(?[a-h]\)|\d{1,2}\.)$")

_COMPONENT = "storyline_list_boundaries"


@Language.component(_COMPONENT)
def mark_list_boundaries(doc: Doc) -> Doc:
    """Start a sentence at each enumeration marker ("1) ... 2) ...").

    Also stop sentences from running over a paragraph-internal line break.
    """
    for i, tok in enumerate(doc):
        if i == 0:
            continue
        prev = doc[i - 1]
        if LIST_MARKER.match(tok.text) and (i + 1 < len(doc)) and not prev.like_num:
            # "(2)" tokenizes as "(", "2", ")": mark the first piece
            tok.is_sent_start = True
        elif tok.text == "(" and i + 2 < len(doc) and doc[i + 1].like_num and doc[i + 2].text == ")" and prev.text in {".", "?", "!", ":", ";"}:
            tok.is_sent_start = True
        elif "\n" in prev.text and not prev.text.strip():
            tok.is_sent_start = True
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
        for bi, block in enumerate(doc.blocks):
            if block.kind == "junk":
                continue
            jobs.append((di, bi))
            texts.append(normalize_same_length(block.text))
    for (di, bi), parsed in zip(jobs, nlp.pipe(texts, batch_size=64), strict=True):
        document = story.documents[di]
        block = document.blocks[bi]
        ctx.parses[(document.id, bi)] = parsed
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


register_stage("nlp")(parse_blocks)
