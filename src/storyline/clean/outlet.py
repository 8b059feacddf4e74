"""Guess the outlet of an article from what its page says about itself.

Evidence, strongest first:

* a dateline with an outlet code: "CHICAGO (AP) —", "LONDON (Reuters) -",
  "Washington (CNN)";
* removed furniture that names its own site: "More from The Atlantic",
  "Related: Defense One's coverage of Syria", "© 2016 The Washington Post",
  "Get breaking news alerts from POLITICO";
* the outlet's own staff in the body: "Associated Press writer Jane Roe
  contributed", photo credits "(Jane Roe/The Daily Item)" of a known outlet
  that is not an agency, "Photo illustration by Slate";
* self-references to a known outlet: "a CNNMoney analysis", "told
  CNNMoney" (twice or more).

The result is always marked as inferred, with the evidence line, by the
caller. Nothing is guessed when no line names an outlet.
"""

from __future__ import annotations

import re
from collections import Counter

from ..language.outlets import dateline_outlet, outlet_named
from ..models import Document
from ..text import plain

__all__ = ["guess_outlet"]

_NAME = r"((?:The |the )?[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,4})"
_OWN_SITE = 3  # the first patterns name the page's own site; the others need a known outlet
_REMOVED_PATTERNS = (
    re.compile(rf"^(?:More|Latest|More stories|More news|Most read|Most popular|Top stories) from {_NAME}(?:\s+on\b.*|\s*:?\s*)$"),
    re.compile(rf"^(?:Related|See also|Read more|More|Read)\s*:?\s*(?:of\s+|more of\s+)?{_NAME}'s (?:coverage|reporting|stories|full coverage)\b"),
    re.compile(rf"^(?:©|\(c\)|Copyright)\s*(?:\d{{4}}\s*)?(?:by\s+)?{_NAME}(?:[.,]|\s+All rights|\s*$)"),
    re.compile(rf"^More (?:on|at) {_NAME}\s*:?\s*$"),
    re.compile(rf"\b(?:alerts|newsletters?|e-?mails|updates) from {_NAME}"),
    re.compile(rf"^Follow {_NAME} on (?:Facebook|Twitter|Instagram)"),
)
_DATELINE = re.compile(r"^(?:[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*){0,5},?\s*)?\((?P<code>[A-Za-z]{2,12})\)(?:\s*(?:—|–|-|:)|\s+[A-Z])")
_STAFF = re.compile(rf"\b{_NAME} (?:writers?|reporters?|correspondents?|staff writers?) [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){{0,3}}\b.{{0,80}}\bcontributed\b")
_CREDIT = re.compile(
    r"(?:\(|\b(?:Credit|Photo|Photograph|Image)s?:?\s+)(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})\s*/\s*(?P<o>[A-Z][\w.&' -]{1,40}?)\)?\.?\s*$"
)
_BY_OUTLET = re.compile(rf"\b(?:illustration|graphic|photo illustration) by {_NAME}[.,]")
_SELF_ANALYSIS = re.compile(rf"\b(?:a|an) {_NAME} (?:analysis|investigation|review|poll|survey|report)\b")
_TOLD = re.compile(rf"\btold {_NAME}")


def _known(name: str, agencies: bool = True) -> str | None:
    """The known outlet that ``name`` (or its longest leading words) spells."""
    words = name.split()
    for k in range(len(words), 0, -1):
        o = outlet_named(" ".join(words[:k]))
        if o is not None:
            return None if o.agency and not agencies else o.name
    return None


def guess_outlet(doc: Document) -> tuple[str, str] | None:
    """(outlet, why), or None when no line names one."""
    content = [b for b in doc.blocks if b.kind != "junk"]
    for b in content[:4]:
        m = _DATELINE.match(plain(b.text))
        if m:
            o = dateline_outlet(m.group("code"))
            if o is not None:
                head = plain(b.text)[: m.end("code") + 1]
                return o.name, f"inferred from the dateline {head.strip()!r}"
    votes: Counter[str] = Counter()
    evidence: dict[str, str] = {}
    for removed in doc.removed:
        line = plain(removed.text)
        for k, pat in enumerate(_REMOVED_PATTERNS):
            m = pat.search(line)
            if m:
                raw = m.group(1).strip().rstrip(".,")
                found = _known(raw)
                name = found or (raw if k < _OWN_SITE else None)
                if name is None:
                    continue
                votes[name] += 1
                evidence.setdefault(name, f"inferred from the removed line {removed.text!r}")
    if votes:
        name, _ = votes.most_common(1)[0]
        return name, evidence[name]
    for text in [b.text for b in content] + [r.text for r in doc.removed if r.reason == "photo credit"]:
        line = plain(text)
        for pat, what in ((_STAFF, "staff line"), (_BY_OUTLET, "credit"), (_CREDIT, "photo credit")):
            for m in pat.finditer(line):
                name = _known(m.group(1) if what != "photo credit" else m.group("o"), agencies=what == "staff line")
                if name:
                    votes[name] += 1
                    evidence.setdefault(name, f"inferred from the {what} {m.group(0).strip()!r}")
    if votes:
        name, _ = votes.most_common(1)[0]
        return name, evidence[name]
    told: Counter[str] = Counter()
    for b in content:
        line = plain(b.text)
        for m in _SELF_ANALYSIS.finditer(line):
            name = _known(m.group(1), agencies=False)
            if name:
                return name, f"inferred from the self-reference {m.group(0)!r}"
        for m in _TOLD.finditer(line):
            name = _known(m.group(1), agencies=False)
            if name:
                told[name] += 1
                evidence.setdefault(name, f"inferred from the self-references {m.group(0)!r} ({{n}} times)")
    if told:
        name, n = told.most_common(1)[0]
        if n >= 2 and len(told) == 1:
            return name, evidence[name].replace("{n}", str(n))
    return None
