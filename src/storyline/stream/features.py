"""What the clusterer reads of one article: a pure function of its text.

:func:`featurize` turns an article's text into :class:`ArticleFeatures`: its
sentences, each with a fingerprint (to recognise recurring boilerplate) and
the counts of its index terms. It depends on nothing but the text (no stream
state), so it can run ahead of the single assigner, on other processes or
machines (the result pickles); :meth:`storyline.stream.cluster.Clusterer.assign`
then weighs the terms with document frequencies learned online.

Index terms: lower-cased content words (function words dropped, plurals and
common suffixes folded, :func:`storyline.language.terms.fold`), numbers as
written, a word capitalized inside a sentence also as a name term ``@word``,
and each pair of adjacent content words (not numbers) as a phrase term ``word word`` (two
words side by side, with no function word between them: ``klux klan``,
``interest rate``). Phrases carry the names of people, places and things even
in lower-cased text, where capitals say nothing.

And the article's sentence embedding (:mod:`storyline.stream.embed`; None
where embeddings are unavailable), which the join decision weighs next to the
TF-IDF similarity.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..language.terms import fold, stopwords
from .embed import Embedder, Vector, default_embedder

__all__ = ["ArticleFeatures", "Sentence", "featurize"]

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_BREAK = re.compile(r"[.!?:;,()\[\]\"\u201c\u201d\n]")
_NAME_BREAK = re.compile(r"[.!?:\n\"\u201c\u201d]")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    key: int | None  # fingerprint of its words (None when under four words: never boilerplate)
    terms: tuple[tuple[str, int], ...]  # index terms and their counts, sorted


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    sentences: tuple[Sentence, ...]
    embedding: Vector | None = field(default=None, compare=False)  # unit sentence embedding of the whole text


def _fingerprint(sentence: str) -> int | None:
    words = _WORD.findall(sentence.lower())
    if len(words) < 4:
        return None
    return int.from_bytes(hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest(), "big")


@lru_cache(maxsize=1 << 17)
def _folded(token: str) -> str:
    stop = stopwords()
    if token.lower() in stop:
        return ""
    w = fold(token)
    return "" if len(w) < 2 or w in stop else w


def _sentence_terms(text: str) -> tuple[tuple[str, int], ...]:
    out: dict[str, int] = {}
    prev: str | None = None  # the previous content word, while no function word or break came since
    prev_end = 0
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            num = tok.replace(",", "")
            out[num] = out.get(num, 0) + 1
            prev, prev_end = None, m.end()  # numbers make no phrases ("30 50", "2018 britain" are lists, not names)
            continue
        w = _folded(tok)
        if not w:
            prev, prev_end = None, m.end()
            continue
        if tok[0].isupper() and prev_end and not _NAME_BREAK.search(text, prev_end, m.start()):
            out["@" + w] = out.get("@" + w, 0) + 1
        out[w] = out.get(w, 0) + 1
        if prev is not None and not _BREAK.search(text, prev_end, m.start()):
            pair = f"{prev} {w}"
            out[pair] = out.get(pair, 0) + 1
        prev, prev_end = w, m.end()
    return tuple(sorted(out.items()))


_DEFAULT = object()


def featurize(text: str, embedder: Embedder | object | None = _DEFAULT) -> ArticleFeatures:
    """The features of one article's text (pure: the same text always gives the same features).

    ``embedder`` embeds the text (default: :func:`default_embedder`; None: no embedding).
    """
    sentences = []
    for sent in _SENTENCE.split(text):
        if sent.strip():
            sentences.append(Sentence(sent, _fingerprint(sent), _sentence_terms(sent)))
    embed = default_embedder() if embedder is _DEFAULT else embedder
    vec = embed(text) if callable(embed) else None
    return ArticleFeatures(tuple(sentences), vec)
