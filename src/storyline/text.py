"""Small text utilities shared by every stage.

:func:`normalize_same_length` maps typographic characters to their plain
forms one character for one, so offsets computed on the normalized text are
offsets into the original. :func:`doc_text` is a parse's text, built once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["SAME_LENGTH_MAP", "collapse_ws", "doc_text", "normalize_same_length", "plain", "remember_text"]

SAME_LENGTH_MAP = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u00ad": "-",
        "\ufeff": " ",
        "\u200b": " ",
    }
)


def normalize_same_length(text: str) -> str:
    """Replace typographic spaces, quotes and hyphens one-for-one."""
    return text.translate(SAME_LENGTH_MAP)


_WS = re.compile(r"\s+")


def collapse_ws(text: str) -> str:
    return _WS.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """Text for comparisons: NFKC, plain quotes, single spaces (remembered: the cleaner asks for one line again and again)."""
    return collapse_ws(normalize_same_length(unicodedata.normalize("NFKC", text)))


_DOC_TEXT = "storyline.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built on the first call and kept in ``doc.user_data``.

    spaCy's ``Doc.text`` joins every token again on each access; the stages
    read a block parse's text many times, and its tokens never change.
    """
    text = doc.user_data.get(_DOC_TEXT)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_DOC_TEXT] = text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep ``text`` as what :func:`doc_text` returns for ``doc``: the text it was parsed from.

    spaCy's tokenizer loses no character, so the text of a parse (or of parses
    joined by ``Doc.from_docs`` without added white space) is its input.
    """
    doc.user_data[_DOC_TEXT] = text
    return doc
