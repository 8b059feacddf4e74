"""The ``clean`` stage: split each article into headline, standfirst, captions, body and junk.

Stage contract (see :mod:`storyline.pipeline`):

- requires: documents
- assigns: blocks
"""

from ..language.junk import JUNK_RULES, classify_line
from .segment import segment_document, split_lines

__all__ = ["JUNK_RULES", "classify_line", "segment_document", "split_lines"]
