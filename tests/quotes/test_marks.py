"""Pairing quotation marks without a parse."""

from __future__ import annotations

import itertools

from storyline.quotes.marks import find_quoted_spans


def _paras(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _inside(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text, _paras(text))]


def test_curly_and_straight_pairs():
    assert _inside("He said \u201cyes\u201d and she said \"no\".") == ["yes", "no"]


def test_apostrophes_are_not_quotes():
    assert _inside("Russia\u2019s leaders didn't say; the players' union and the '90s stay.") == []


def test_unclosed_mark_is_dropped_and_later_pairs_survive():
    text = "He said \u201cwe will win.\n\nLater she said \u201cno\u201d."
    assert _inside(text) == ["no"]


def test_stray_closing_mark_is_ignored():
    assert _inside("It ended\u201d and then \u201cit began\u201d again.") == ["it began"]


def test_quote_runs_over_paragraphs_when_next_opens_with_mark():
    text = "\u201cFirst part.\n\n\u201cSecond part,\u201d she said."
    spans = find_quoted_spans(text, _paras(text))
    assert len(spans) == 1 and spans[0].paragraphs == 2
    assert text[spans[0].start : spans[0].end].endswith("Second part,")


def test_nested_quote_is_folded_into_outer():
    assert _inside("\u201cHe shouted \u2018stop\u2019 twice,\u201d she said.") == ["He shouted \u2018stop\u2019 twice,"]


def test_any_mix_of_marks_never_crashes_and_spans_stay_in_text():
    marks = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u201e", "\u00ab", "\u00bb", " ", "a", "\n"]
    for combo in itertools.product(marks, repeat=4):
        text = "x" + "".join(combo) + "y z"
        for s in find_quoted_spans(text, _paras(text)):
            assert 0 <= s.open_at < s.start <= s.end <= s.close_at <= len(text)
