"""The story's title: the most representative headline of its documents.

Each document's headline (found by ``segment``, or given by the input) is
scored by how much of it the story's other documents also say: the share
of its content words found in each other document, summed. The best one is
the title. A headline that is a quote, a credit or a widget never gets here
(``segment`` does not take such lines as headlines). When no document has a
headline, a short title is generated from the first document's lead
sentence -- its subject and action, up to the first clause break -- and
marked generated.
"""

from __future__ import annotations

import re

from ..models import Document
from ..text import plain

__all__ = ["generated_title", "story_title"]

_WORD = re.compile(r"[A-Za-z][\w'-]+")
_STOP = frozenset(
    "the a an and or of to in on at for with by from as is are was were be been has have had it its this that these those "
    "will would could should may might can not no but if than then so such their his her they he she we you i our after "
    "before over under into about new says said say".split()
)
_DATELINE = re.compile(r"^(?:[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,5},?\s*)?(?:\([\w .]{2,20}\)\s*)?(?:—|–|-{1,2}|:)\s+")
_LEAD_PHRASE = re.compile(r"^(?:in|on|at|after|before|during|with|amid|despite|as|for|by|when|while|following)\b[^,]{0,80},\s*", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",|;|:|\s[—–]\s|\s--\s|\s(?:that|which|who|because|after|when|while|as|but|and then)\s")
_MAX_WORDS = 12


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP}


def story_title(documents: list[Document]) -> tuple[str | None, bool]:
    """(title, generated) for the story of ``documents``."""
    heads = [(i, plain(d.title)) for i, d in enumerate(documents) if d.title and plain(d.title)]
    if heads:
        texts = [_content_words(d.text) for d in documents]
        best: tuple[float, int, str] | None = None
        for i, head in heads:
            words = _content_words(head)
            score = sum(len(words & t) / len(words) for j, t in enumerate(texts) if j != i) if words else 0.0
            if best is None or score > best[0]:
                best = (score, i, head)
        assert best is not None
        return documents[best[1]].title, False
    for d in documents:
        for lead in [p for p in d.paragraphs if len(p.split()) >= 6][:LEAD_PARAGRAPHS]:
            title = generated_title(lead)
            if title:
                return title, True
    return None, False


#: How many paragraphs from the top of each document a generated title may be made from.
LEAD_PARAGRAPHS = 3
_QUOTE_START = tuple("\"'\u201c\u2018")


def generated_title(lead: str) -> str | None:
    """A short title from a lead sentence: its subject and action, up to the first clause break."""
    s = plain(lead)
    if s.startswith(_QUOTE_START) or ":" in s[:40]:
        return None  # a quote, or a labelled line ("Update 11:32 a.m.", "Crawl start date: ..."), is no title
    s = _DATELINE.sub("", s, count=1)
    s = _LEAD_PHRASE.sub("", s, count=1)
    first = re.split(r"(?<=[a-z0-9]{3}[.!?])\s+(?=[A-Z\"'])", s, maxsplit=1)[0]
    m = _CLAUSE_BREAK.search(first)
    clause = first[: m.start()] if m and len(first[: m.start()].split()) >= 4 else first
    words = clause.rstrip(" .!?").split()
    if len(words) < 3:
        return None
    words = words[:_MAX_WORDS]
    title = " ".join(words)
    return title[0].upper() + title[1:]
