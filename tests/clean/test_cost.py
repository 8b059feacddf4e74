"""The cleaner's cost grows with the text, not with the square of its lines (issue 18)."""

from __future__ import annotations

import time

from storyline.clean.segment import segment_document
from storyline.models import Document


def _timed(text: str) -> tuple[float, Document]:
    t0 = time.process_time()  # CPU seconds: a machine busy with other work does not fail the bound
    doc = segment_document(Document(id="d1", text=text))
    return time.process_time() - t0, doc


def test_many_identical_lines_are_cheap() -> None:
    seconds, doc = _timed("\n".join(["The storm hit the coast on Monday night"] * 5000))
    assert seconds < 5
    assert len(doc.paragraphs) == 1 and all(r.reason == "duplicate line" for r in doc.removed)


def test_many_captions_with_credits_are_matched_in_n_log_n() -> None:
    caps = [f"Rescuers carry a child through the flooded street number {i}" for i in range(2000)]
    text = "\n".join(caps + [f"{c} (AP Photo/Jane Roe)" for c in caps])
    small, _ = _timed("\n".join(caps[:500] + [f"{c} (AP Photo/Jane Roe)" for c in caps[:500]]))
    seconds, doc = _timed(text)
    assert len(doc.captions) == 2000 and len(doc.removed) == 2000
    assert seconds < 5 and seconds < 12 * max(small, 0.05)  # 4x the lines: far from 16x
