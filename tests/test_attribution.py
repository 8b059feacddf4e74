"""Offsets inside quotations are found by look-up, nested and overlapping quotations included."""

from __future__ import annotations

from storyline.attribution import _Covered


def test_covered_agrees_with_a_plain_scan() -> None:
    quoted = [(50, 60), (10, 40), (12, 15), (38, 45), (70, 71)]
    inside = _Covered(quoted)
    for pos in range(80):
        assert inside(pos) == any(a <= pos < b for a, b in quoted), pos
    assert not _Covered([])(5)
