"""Hedged statements: sentences that say what is not known (yet).

An open question is not only a sentence ending in "?": news states most of
its unknowns as hedges. :func:`find_hedge` finds, in plain text, the first of

- *unknown*: "it was not immediately clear what the defect was", "the cause
  remains unknown", "it's unclear whether ...";
- *not said*: "prosecutors haven't indicated whether charges will be
  brought", "police did not say what caused it", "has not said.";
- *phrase*: "it remains to be seen", "too early to say", "raises the question
  of whether", "the incident is under investigation";
- *whether*: any "whether" clause that is not concessive ("regardless of
  whether", "whether or not", "..., whether young or old") nor a choice
  ("decide whether to") -- "the
  question for the court might be whether ...";
- *deferred*: a decision put off to later ("the precise number will be
  hammered out after ...", "will be decided later");
- *likely*: a hedged prediction ("it probably will go to the appeals court");
- *speculative*: may/might/could with an unknown subject ("someone may have
  tampered with the brakes"; not the counterfactual "someone could have been killed").

The word lists are in ``data/hedges.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .words import phrase_alternation

__all__ = ["Hedge", "asks_yes_no", "find_hedge", "hedge_words"]


@dataclass(frozen=True)
class Hedge:
    """A hedge in a text: its kind, where its cue is, and where the unknown starts (a wh-word, or the cue)."""

    kind: str  # "unknown" | "not_said" | "phrase" | "whether" | "deferred" | "likely" | "speculative"
    start: int  # start of the cue
    end: int  # end of the cue
    focus: int  # start of what is not known: the wh-word when there is one, else the cue


@cache
def hedge_words() -> dict[str, Any]:
    """The word lists of ``language/data/hedges.toml``."""
    text = resources.files("storyline.language").joinpath("data/hedges.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)




@cache
def _yes_no() -> re.Pattern[str]:
    return re.compile(rf"^\W*(?:{phrase_alternation(hedge_words()['yes_no_openers'])})\b", re.IGNORECASE)


def asks_yes_no(question: str) -> bool:
    """The question opens with an auxiliary ("Did Trump know ...?", "Will air operations continue?")."""
    return _yes_no().match(question) is not None


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    w = hedge_words()
    wh = phrase_alternation(w["wh_words"])
    words = [c for c in w["copulas"] if c[0].isalpha()]
    clitics = [c for c in w["copulas"] if not c[0].isalpha()]
    unknown = re.compile(rf"(?:(?<![\w'’])(?:{phrase_alternation(words)})|(?:{phrase_alternation(clitics)}))\s+(?:{phrase_alternation(w['unknown'])})\b(?P<tail>\s*,?\s*(?P<wh>{wh})\b)?", re.IGNORECASE)
    not_said = re.compile(
        rf"\b(?:{phrase_alternation(w['not_said_negators'])})\s+(?:yet\s+)?(?:{phrase_alternation(w['not_said_verbs'])})\b"
        rf"(?P<tail>(?:\s+\w+){{0,3}}?\s+(?P<wh>{wh})\b|\s*[.;]|\s*$)",
        re.IGNORECASE,
    )
    phrase = re.compile(rf"\b(?:{phrase_alternation(w['phrases'])})\b(?P<tail>(?:\s+of)?\s*,?\s*(?P<wh>{wh})\b)?", re.IGNORECASE)
    whether = re.compile(rf"(?<!{_alt_lookbehind(w['concessive_before_whether'])})\b(?P<wh>whether)\b(?!\s+or\s+not\b|\s+to\b)", re.IGNORECASE)
    deferred = re.compile(
        rf"\b(?:{phrase_alternation(w['deferred_markers'])})\s+(?:{phrase_alternation(w['deferred_verbs'])})\b(?P<tail>[^.;]*?\b(?:{phrase_alternation(w['deferred_cues'])})\b)?",
        re.IGNORECASE,
    )
    likely = re.compile(
        rf"\b(?:(?:{phrase_alternation(w['likelihood_adverbs'])})\s+(?:{phrase_alternation(w['modals'])})|(?:{phrase_alternation(w['modals'])})\s+(?:{phrase_alternation(w['likelihood_adverbs'])}))\b",
        re.IGNORECASE,
    )
    subject = rf"(?:\b(?:{phrase_alternation(w['unknown_subjects'])})|\b(?:{phrase_alternation(w['unknown_subject_determiners'])})\s+(?-i:[a-z]+))"
    modal = phrase_alternation(m for m in w["speculative_modals"] if m != "could")
    speculative = re.compile(rf"{subject}\s+(?:(?:{modal})\b(?!\s+not\b)|could\b(?!\s+(?:have|not)\b))", re.IGNORECASE)
    return [
        ("unknown", unknown), ("not_said", not_said), ("phrase", phrase), ("deferred", deferred), ("speculative", speculative),
        ("whether", whether), ("likely", likely),
    ]


def _cue(phrase: str) -> str:
    """The longest word of a phrase: a match of the phrase contains it."""
    return max(phrase.lower().split(), key=len)


#: Letters that match an ASCII letter when case is ignored but whose ``lower()`` is not it (İ ı ſ):
#: a span holding one is searched without the gate.
_UNLOWERED = ("\u0130", "\u0131", "\u017f")


@cache
def _gates() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Per kind of hedge, groups of words that each match must contain, one of every group.

    The patterns match only spans holding one word of each group (a word of
    a required alternation), so a lower-cased span lacking every word of a
    group cannot match and is not searched: one substring test per word
    instead of a pass of the pattern.
    """
    w = hedge_words()

    def group(*keys: str) -> tuple[str, ...]:
        return tuple(sorted({_cue(p) for k in keys for p in w[k] if p.strip()}))

    return {
        "unknown": (group("unknown"),),
        "not_said": (group("not_said_negators"), group("not_said_verbs")),
        "phrase": (group("phrases"),),
        "deferred": (group("deferred_markers"), group("deferred_verbs")),
        "speculative": (group("unknown_subjects", "unknown_subject_determiners"), group("speculative_modals")),
        "whether": (("whether",),),
        "likely": (group("likelihood_adverbs"), group("modals")),
    }


def _alt_lookbehind(phrases: list[str]) -> str:
    """Fixed-width lookbehinds, one per phrase ("regardless of " before "whether")."""
    return ")(?<!".join(re.escape(p.lower() + " ") for p in sorted(set(phrases)))


#: "not known *to* security services", "unknown *to* his family": not familiar to somebody, no unknown of the story
#: (unless a wh-clause follows: "it was not clear to investigators what caused the crash").
_FAMILIAR_TO = re.compile(r"\s+(?:to|for|by)\b(?![^,.;]{0,60}\b(?:whether|what|how|why|when|where|who|whom|which|if)\b)", re.IGNORECASE)

_PREPOSITION_AFTER = re.compile(r"\s+(?:for|in|by|from|on|at|with|as)\b", re.IGNORECASE)


def _concessive(text: str, start: int, end: int, ws: int, we: int) -> bool:
    """ "..., whether they are 30 or 15" and "Whether for work or play, ...": alternatives, not a question."""
    if _PREPOSITION_AFTER.match(text, we):
        return True
    before = text[start:ws].rstrip()
    clause_end = min((i for i in (text.find(",", we, end), text.find(";", we, end)) if i >= 0), default=end)
    return (not before or before.endswith((",", "\u2014", "-", "("))) and " or " in text[we:clause_end]


def find_hedge(text: str, start: int = 0, end: int | None = None) -> Hedge | None:
    """The first hedge in ``text[start:end]`` (offsets into ``text``), or None.

    A "deferred" cue counts only with a word of later ("will be decided
    later", "will be hammered out after the talks"); a "whether" clause only
    when the sentence has no other hedge.
    """
    end = len(text) if end is None else end
    best: Hedge | None = None
    span = text[start:end]
    # None: no gate, for a span with a letter that matches an ASCII one ignoring case but does not lower-case to it
    low = None if any(c in span for c in _UNLOWERED) else span.lower()
    gates = _gates()
    for kind, pat in _patterns():
        if low is not None and not all(any(c in low for c in cues) for cues in gates[kind]):
            continue
        src, off, lo, hi = text, 0, start, end
        if kind == "whether":  # matched on the lower-cased span only (not the whole text, once per sentence)
            window = text[start:end].lower()
            if len(window) == end - start:
                src, off, lo, hi = window, start, 0, len(window)
            else:  # a character whose lower case is longer: keep the offsets of the text itself
                src = text.lower() if len(text.lower()) == len(text) else text
        for m in pat.finditer(src, lo, hi):
            m_start, m_end = m.start() + off, m.end() + off
            if kind == "deferred" and not m.group("tail"):
                continue
            if kind == "whether" and _concessive(text, start, end, m_start, m_end):
                continue
            if kind == "unknown" and m.group("wh") is None and _FAMILIAR_TO.match(text, m_end, end):
                continue
            if not re.search(r"\w", text[m_end:end].split(":", 1)[0]) and ":" in text[m_end:end]:
                continue  # a lead-in to a list ("Big questions remain:"), not a question itself
            groups = m.groupdict()
            focus = m.start("wh") + off if groups.get("wh") is not None else m_start
            hedge = Hedge(kind, m_start, m_end, focus)
            if best is None or (kind != "whether" and best.kind == "whether") or (hedge.start < best.start and (kind == "whether") == (best.kind == "whether")):
                best = hedge
            break
    return best
