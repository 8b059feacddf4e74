"""The one stemmer, and the word families it lets the comparison fold."""

from __future__ import annotations

from storyline.language.stem import stem, word_family


def test_a_noun_meets_its_verb_under_one_stem():
    assert stem("payment") in word_family("payment") and "pay" in word_family("payment")
    assert "sign" in word_family("signature")
    assert set(word_family("hospitalize")) & set(word_family("hospital"))
    assert set(word_family("unionize")) & set(word_family("union"))


def test_a_short_stem_keeps_its_suffix():
    # "ment" of a word too short to hold a verb before it is no suffix
    assert word_family("cement") == (stem("cement"),)
