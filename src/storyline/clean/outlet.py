"""Guess the outlet of an article from the lines the cleaner removed.

Recirculation widgets and copyright lines name their own site: "More from
The Atlantic", "Related: Defense One's coverage of Syria", "© 2016 The
Washington Post". Only removed junk lines are read, never the article body.
"""

from __future__ import annotations

import re
from collections import Counter

from ..models import Document
from ..text import plain

__all__ = ["guess_outlet"]

_NAME = r"((?:The |the )?[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,4})"
_PATTERNS = (
    re.compile(rf"^More (?:from|on) {_NAME}\s*$"),
    re.compile(rf"^(?:Related|See also|Read more)\s*:\s*{_NAME}'s (?:coverage|reporting|stories)\b"),
    re.compile(rf"^(?:©|\(c\)|Copyright)\s*(?:\d{{4}}\s*)?{_NAME}(?:[.,]|\s+All rights|\s*$)"),
)


def guess_outlet(doc: Document) -> tuple[str, str] | None:
    """(outlet, the line it came from), or None when no removed line names one."""
    votes: Counter[str] = Counter()
    evidence: dict[str, str] = {}
    for removed in doc.removed:
        line = plain(removed.text)
        for pat in _PATTERNS:
            m = pat.match(line)
            if m:
                name = m.group(1).strip().rstrip(".,")
                votes[name] += 1
                evidence.setdefault(name, removed.text)
    if not votes:
        return None
    name, _ = votes.most_common(1)[0]
    return name, evidence[name]
