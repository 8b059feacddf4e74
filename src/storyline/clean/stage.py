"""The ``clean`` stage: segment every document, then clean across the story.

Per document: headline, standfirst, captions, body and junk (``segment``),
and the outlet when the input did not name it (``outlet``). Across the
story: lines repeated verbatim in two or more documents that are not
sentences of an article (the same widget on two pages of one site) are junk;
a document left with no article text (a web-archive crawl notice, a tweet
embed) is skipped and listed in ``story.skipped``; the story's title is
chosen from the documents' headlines (``headline``).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict

from ..models import Document, Removed, Skipped, Story
from ..pipeline import Context, register_stage
from ..text import plain
from .headline import story_title
from .outlet import guess_outlet
from .segment import segment_document

__all__ = ["clean_documents", "drop_repeated_furniture", "is_article"]

log = logging.getLogger(__name__)

MIN_ARTICLE_WORDS = 15
_SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)\]]*$""")


def _sentence_like(line: str) -> bool:
    return len(line.split()) > 5 and bool(_SENTENCE_END.search(line))


def drop_repeated_furniture(documents: list[Document]) -> None:
    """Mark as junk the body lines that recur verbatim in other documents and are not sentences."""
    where: dict[str, set[str]] = defaultdict(set)
    for d in documents:
        for b in d.blocks:
            if b.kind != "junk":
                where[plain(b.text).lower()].add(d.id)
    for d in documents:
        changed = False
        first = next((k for k, b in enumerate(d.blocks) if b.kind != "junk"), None)
        for k, b in enumerate(d.blocks):
            if k != first and b.kind in {"body", "dek"} and len(where[plain(b.text).lower()]) >= 2 and not _sentence_like(plain(b.text)):
                b.kind, b.reason = "junk", "repeated across documents"
                changed = True
        if changed:
            if d.dek is not None and not any(b.kind == "dek" for b in d.blocks):
                d.dek = None
            d.paragraphs = [b.text for b in d.blocks if b.kind == "body"]
            d.removed = [Removed(text=b.text, reason=b.reason or "junk", start=b.start, end=b.end) for b in d.blocks if b.kind == "junk"]


def is_article(doc: Document) -> bool:
    """Whether some article text is left once the junk is removed.

    A short text is an article when it is all prose; a page that was mostly
    furniture (a crawl notice, a tweet embed) and leaves little prose is not.
    """
    kept = [plain(b.text) for b in doc.blocks if b.kind in {"body", "dek", "title"}]
    words = sum(len(t.split()) for t in kept)
    if not kept or not any(_SENTENCE_END.search(t) for t in kept):
        return False
    removed_words = sum(len(r.text.split()) for r in doc.removed)
    return words >= MIN_ARTICLE_WORDS or removed_words < words


def _not_article_reason(doc: Document) -> str:
    reasons = sorted({r.reason for r in doc.removed})
    return "not an article: " + (", ".join(reasons) if reasons else "too little text") + " only"


@register_stage("clean")
def clean_documents(story: Story, ctx: Context) -> Story:
    for doc in story.documents:
        segment_document(doc, title=doc.title, dek=doc.dek)
    drop_repeated_furniture(story.documents)
    kept: list[Document] = []
    for doc in story.documents:
        if not is_article(doc) and len(story.documents) > 1:
            problem = _not_article_reason(doc)
            where = doc.path if doc.path and doc.file and doc.path.endswith(doc.file) else (doc.file or doc.path or doc.id)
            story.skipped.append(Skipped(input=where, problem=problem))
            log.info("skipped %s: %s", doc.file or doc.id, problem)
            continue
        kept.append(doc)
    story.documents = kept
    for doc in story.documents:
        if doc.source is None:
            guess = guess_outlet(doc)
            if guess:
                doc.source, doc.source_why = guess
    story.title, story.title_generated = story_title(story.documents)
    return story
