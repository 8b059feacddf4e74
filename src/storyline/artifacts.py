"""Typed artifacts that stages hand to later stages besides the Story.

An artifact lives on the pipeline :class:`~storyline.pipeline.Context` for
one run; a stage that assigns one declares it in its contract (``assigns``)
and a stage that reads one declares it in ``requires``.

- :class:`Parses` (``parses``, assigned by ``nlp``): the spaCy parse of each
  kept block;
- :class:`ClaimUnits` (``claim_units``, assigned by ``claims``, required by
  ``compare``): the comparison features of every claim and question.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .claim_features.features import TextUnit
    from .models import Question

__all__ = ["ClaimUnits", "Parses"]


@dataclass
class ClaimUnits:
    """Comparison features of every claim (by claim id) and question of a story."""

    claims: dict[str, TextUnit]
    questions: list[tuple[Question, TextUnit]]


class Parses:
    """The spaCy parse of each kept block of each document.

    Token offsets of a parse are offsets into its block's text; add
    ``document.blocks[block].start`` for offsets into the document.
    """

    def __init__(self) -> None:
        self._by_doc: dict[str, dict[int, Doc]] = {}  # by document, then block: dropping one document is not a scan of all

    def get(self, doc_id: str, block: int) -> Doc | None:
        """The parse of block ``block`` of document ``doc_id``, or None when it was not parsed (junk)."""
        blocks = self._by_doc.get(doc_id)
        return blocks.get(block) if blocks is not None else None

    def put(self, doc_id: str, block: int, parse: Doc) -> None:
        self._by_doc.setdefault(doc_id, {})[block] = parse

    def drop(self, doc_id: str) -> None:
        """Forget every parse of one document (before it is parsed again)."""
        self._by_doc.pop(doc_id, None)

    def blocks(self, doc_id: str) -> list[int]:
        """The parsed block indexes of one document, in order."""
        return sorted(self._by_doc.get(doc_id, {}))

    def __len__(self) -> int:
        return sum(len(b) for b in self._by_doc.values())

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(sorted((d, b) for d, blocks in self._by_doc.items() for b in blocks))
