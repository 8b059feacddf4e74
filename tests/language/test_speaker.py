"""Speaker helpers: the tokens inside a quotation's offsets."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.language.speaker import quote_tokens


def test_quote_tokens_are_the_tokens_wholly_inside() -> None:
    vocab = spacy.blank("en").vocab
    words = ["He", "said", ",", '"', "We", "will", "\n\n", "go", ".", '"']
    doc = Doc(vocab, words=words, spaces=[True, False, True, False, True, True, False, False, False, False])
    for start in range(-1, len(doc.text) + 2):
        for end in range(-1, len(doc.text) + 2):
            expected = [t.i for t in doc if t.idx >= start and t.idx + len(t.text) <= end]
            assert [t.i for t in quote_tokens(doc, start, end)] == expected, (start, end)
    assert [t.text for t in quote_tokens(doc, 10, 17)] == ["We", "will"]
