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
from collections import Counter, defaultdict

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


#: Lines repeated across documents are furniture only when they are at most this long (longer ones are quotes, tweets).
MAX_REPEATED_FURNITURE_WORDS = 15


def _sentence_like(line: str, max_words: int = MAX_REPEATED_FURNITURE_WORDS) -> bool:
    n = len(line.split())
    return n > max_words or (n > 5 and bool(_SENTENCE_END.search(line)))


#: Two documents sharing this many sentences are copies of one article: their shared lines are the article's.
COPY_SHARED_SENTENCES = 3


def _copy_groups(documents: list[Document], shared: int = COPY_SHARED_SENTENCES, max_words: int = MAX_REPEATED_FURNITURE_WORDS) -> dict[str, str]:
    """Each document's group: documents that share several whole sentences are copies of one article."""
    sentences = {d.id: {plain(b.text).lower() for b in d.blocks if b.kind != "junk" and _sentence_like(plain(b.text), max_words)} for d in documents}
    group = {d.id: d.id for d in documents}

    def root(x: str) -> str:
        while group[x] != x:
            x = group[x]
        return x

    # count shared sentences through an index of sentence -> documents (no loop over all pairs of documents)
    holders: dict[str, list[str]] = defaultdict(list)
    for d in documents:
        for sentence in sorted(sentences[d.id]):
            holders[sentence].append(d.id)
    pairs: Counter[tuple[str, str]] = Counter()
    for ids in holders.values():
        if len(ids) > 1:
            first = ids[0]
            for other in ids[1:]:  # linking each to the first holder is enough to join the group
                pairs[(first, other)] += 1
    for (a, b), n in sorted(pairs.items()):
        if n >= shared:
            group[root(b)] = root(a)
    return {d.id: root(d.id) for d in documents}


def drop_repeated_furniture(documents: list[Document], shared: int = COPY_SHARED_SENTENCES, max_words: int = MAX_REPEATED_FURNITURE_WORDS) -> None:
    """Mark as junk the short body lines that recur verbatim in other articles and are not sentences.

    Copies of one article (documents sharing several sentences) count as one.
    """
    groups = _copy_groups(documents, shared, max_words)
    where: dict[str, set[str]] = defaultdict(set)
    for d in documents:
        for b in d.blocks:
            if b.kind != "junk":
                where[plain(b.text).lower()].add(groups[d.id])
    for d in documents:
        changed = False
        first = next((k for k, b in enumerate(d.blocks) if b.kind != "junk"), None)
        for k, b in enumerate(d.blocks):
            if k != first and b.kind in {"body", "dek"} and len(where[plain(b.text).lower()]) >= 2 and not _sentence_like(plain(b.text), max_words):
                b.kind, b.reason = "junk", "repeated across documents"
                changed = True
        if changed:
            if d.dek is not None and not any(b.kind == "dek" for b in d.blocks):
                d.dek = None
            d.paragraphs = [b.text for b in d.blocks if b.kind == "body"]
            d.removed = [Removed(text=b.text, reason=b.reason or "junk", start=b.start, end=b.end) for b in d.blocks if b.kind == "junk"]


_ARCHIVE_REASONS = frozenset({"web archive or embed debris", "web archive description"})
#: A page mostly made of web-archive or embed text is not an article when it keeps fewer words than this.
MAX_ARCHIVE_PAGE_WORDS = 40


def is_article(doc: Document, min_words: int = MIN_ARTICLE_WORDS, archive_words_max: int = MAX_ARCHIVE_PAGE_WORDS) -> bool:
    """Whether some article text is left once the junk is removed.

    Not an article: a page with no text left, a page of furniture that
    leaves fewer than ``MIN_ARTICLE_WORDS`` words, or a web-archive / embed
    notice ("These crawls are part of...", "Tweet with a location") that
    leaves only a line or two. A short text that is all prose is an article.
    """
    kept = [plain(b.text) for b in doc.blocks if b.kind in {"body", "dek", "title", "caption"}]
    words = sum(len(t.split()) for t in kept)
    removed_words = sum(len(r.text.split()) for r in doc.removed)
    if words == 0:
        return False
    if words < min_words and removed_words >= words:
        return False
    archive_words = sum(len(r.text.split()) for r in doc.removed if r.reason in _ARCHIVE_REASONS)
    return not (words < archive_words_max and archive_words > words)


def _not_article_reason(doc: Document) -> str:
    reasons = sorted({r.reason for r in doc.removed})
    return "not an article: " + (", ".join(reasons) if reasons else "too little text") + " only"


@register_stage("clean", requires=("documents",), assigns=("blocks",))
def clean_documents(story: Story, ctx: Context) -> Story:
    opt = ctx.options.section("clean")

    def setting(key: str, fallback: int) -> int:
        return int(opt.get(key, fallback))

    for doc in story.documents:
        segment_document(doc, title=doc.title, dek=doc.dek, interleaved_min=setting("interleaved_headlines_min", 2))
    drop_repeated_furniture(
        story.documents, setting("copy_shared_sentences", COPY_SHARED_SENTENCES), setting("max_repeated_furniture_words", MAX_REPEATED_FURNITURE_WORDS)
    )
    kept: list[Document] = []
    for doc in story.documents:
        article = is_article(doc, setting("min_article_words", MIN_ARTICLE_WORDS), setting("max_archive_page_words", MAX_ARCHIVE_PAGE_WORDS))
        if not article and len(story.documents) > 1:
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
