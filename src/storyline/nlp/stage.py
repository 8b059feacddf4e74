"""The ``nlp`` stage: spaCy over every kept block, one block at a time.

Blocks (headline, standfirst, captions, body paragraphs) are parsed
separately so that a headline never glues onto the first body sentence. The
text given to spaCy is :func:`~storyline.text.normalize_same_length` of the
block, so token offsets plus ``block.start`` are offsets into the document.
Parses are the ``parses`` artifact (``ctx.parses``) for later stages. Running
the stage again parses every document afresh (same sentences, no duplicates).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from ..models import Cut, Entity, Sentence, Story
from ..pipeline import Context, register_stage
from ..text import normalize_same_length, remember_text

__all__ = ["LIST_MARKER", "parse_blocks", "split_for_parsing"]

log = logging.getLogger(__name__)

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
    words = [t.text for t in doc]  # read once: indexing a Doc makes a new Token each time
    size = len(words)
    i = 1
    while i < size:
        w = words[i]
        # every marker ends in ")" or "." within four characters, or is followed by ")" one or two tokens on
        maybe = (len(w) <= 4 and w[-1:] in {")", "."}) or (i + 1 < size and words[i + 1] == ")") or (i + 2 < size and words[i + 2] == ")")
        n = _marker_length(doc, i) if maybe else 0
        if n and i + n < size and (words[i - 1] in _BOUNDARY or doc[i - 1].is_space):
            doc[i].is_sent_start = True
            for k in range(i + 1, i + n + 1):
                doc[k].is_sent_start = False
            i += n + 1
            continue
        prev = words[i - 1]
        if "\n" in prev and not prev.strip():
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


_SENTENCE_END = re.compile(r"[.!?][\"')\]\u201d\u2019]*\s+")
_WHITESPACE = re.compile(r"\s+")


def split_for_parsing(text: str, max_chars: int) -> list[str]:
    """``text`` cut into pieces of at most ``max_chars`` that join back to ``text``.

    Cuts fall after a sentence end where there is one in the second half of
    the window, else after any white space, else (a run with no space at all)
    at ``max_chars``. Each piece keeps its trailing white space, so
    ``"".join(pieces) == text`` and offsets carry over.
    """
    pieces: list[str] = []
    start = 0
    n = len(text)
    while n - start > max_chars:
        window = text[start : start + max_chars]
        cut = 0
        for m in _SENTENCE_END.finditer(window, max_chars // 2):
            cut = m.end()
        if not cut:
            for m in _WHITESPACE.finditer(window, max_chars // 2):
                cut = m.end()
        if not cut:
            cut = max_chars
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _budgeted_jobs(story: Story, ctx: Context) -> list[tuple[int, int, int]]:
    """(document, block, characters) to parse, within the per-document and per-story budgets.

    What lies past a budget stays in the document (text, paragraphs) but is
    not analysed: a block that crosses the budget is parsed up to the last
    sentence end that fits, and each cut is recorded in ``story.cuts`` with
    its reason.
    """
    opts = ctx.options
    jobs: list[tuple[int, int, int]] = []
    story_left = opts.max_story_chars
    for di, doc in enumerate(story.documents):
        doc_left = opts.max_document_chars
        for bi, block in enumerate(doc.blocks):
            if block.kind == "junk":
                continue
            room = min(doc_left, story_left)
            size = len(block.text)
            if size > room:
                keep = len(split_for_parsing(block.text, room)[0]) if room > 0 else 0
                which = "story" if story_left < doc_left else "document"
                limit = opts.max_story_chars if which == "story" else opts.max_document_chars
                story.cuts.append(Cut(doc=doc.id, start=block.start + keep, end=block.end, reason=f"past the {which} budget of {limit} characters analysed"))
                if keep:
                    jobs.append((di, bi, keep))
                # the budget is spent: later blocks are cut too, so what is analysed is a prefix
                doc_left = 0
                if which == "story":
                    story_left = 0
                continue
            jobs.append((di, bi, size))
            doc_left -= size
            story_left -= size
    if story.cuts:
        log.warning("%d passage(s) not analysed: over the analysis budget (listed in story.cuts)", len(story.cuts))
    return jobs


def _compact(doc: Doc) -> Doc:
    """``doc`` without its tensor (the tok2vec output, read by no later stage).

    The tensor is 96 floats per token and a view into its whole batch's
    array, so keeping it kept about 60% of the memory of every parse.
    """
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def _parse_all(nlp: Language, texts: list[str], max_chars: int) -> Iterator[Doc]:
    """One Doc per text (streamed, without tensors); a text longer than ``max_chars`` is parsed in pieces and joined."""
    pieces: list[str] = []
    counts: list[int] = []
    for text in texts:
        parts = split_for_parsing(text, max_chars) if len(text) > max_chars else [text]
        pieces.extend(parts)
        counts.append(len(parts))
    parsed = iter(nlp.pipe(pieces, batch_size=64))
    for text, count in zip(texts, counts, strict=True):
        docs = [_compact(next(parsed)) for _ in range(count)]
        # the text is kept for doc_text(): spaCy's Doc.text joins every token again on each read
        yield remember_text(docs[0] if count == 1 else _compact(Doc.from_docs(docs, ensure_whitespace=False)), text)


def parse_blocks(story: Story, ctx: Context) -> Story:
    nlp = ctx.nlp
    _ensure_component(nlp)
    story.cuts = []  # a second run starts afresh (the stage is idempotent)
    for doc in story.documents:
        doc.sentences, doc.entities = [], []
        ctx.parses.drop(doc.id)
    jobs = _budgeted_jobs(story, ctx)
    texts = [normalize_same_length(story.documents[di].blocks[bi].text[:size]) for di, bi, size in jobs]
    piece = max(1, min(ctx.options.max_parse_chars, nlp.max_length - 1))  # never a text spaCy refuses (E088), whatever the settings
    for (di, bi, _size), parsed in zip(jobs, _parse_all(nlp, texts, piece), strict=True):
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


register_stage("nlp", requires=("blocks",), assigns=("sentences", "entities", "parses", "cuts"))(parse_blocks)
