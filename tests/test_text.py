"""Text helpers: same-length normalization and a parse's text built once."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.text import doc_text, normalize_same_length, plain


def test_doc_text_is_the_parse_text_and_is_kept() -> None:
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["He", "said", ",", '"', "No", '"', "."], spaces=[True, False, True, False, False, False, False])
    assert doc_text(doc) == doc.text == 'He said, "No".'
    doc.user_data["storyline.text"] = "kept"
    assert doc_text(doc) == "kept"  # read from the Doc, not joined again


def test_normalize_keeps_length_and_plain_collapses() -> None:
    text = "\u201cYes,\u201d\u00a0she said \u2013 twice"
    assert len(normalize_same_length(text)) == len(text)
    assert plain("  a\u00a0\u00a0b  ") == "a b"
