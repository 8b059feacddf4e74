"""Split each article into headline, standfirst, captions, body and junk."""

from ..language.junk import JUNK_RULES, classify_line
from .segment import segment_document, split_lines

__all__ = ["JUNK_RULES", "classify_line", "segment_document", "split_lines"]
