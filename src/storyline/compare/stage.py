"""The ``compare`` stage: where the sources agree, where they part ways, what only one says.

1. Every claim and question is weighed (tf-idf over the story's sentences,
   actor mentions counted as their actor) and read as frames (who does what
   to whom, see :mod:`.frames`).
2. Two claims' similarity combines both: ``1 - (1 - lexical)(1 - frame)``,
   so "Moscow went into Syria" and "Russian forces did not come to Syria to
   fight ISIS" are close though they share few words. Claims of different
   documents are aligned one-to-one per document pair, most similar first,
   when that reaches ``LINK`` and they share two terms (one not an actor) or
   a strong frame (``FRAME_ALONE``).
3. An aligned pair is a *divergence* when a polarity cue opposes them: the
   same frame negated on one side only, the same predicate negated in one
   only, a word of doubt ("wishful thinking") on one side only, or opposite
   predicates (gain/lose) — else an *agreement*. Pairs sharing one claim are
   merged, so three outlets saying the same thing make one agreement with
   three pieces of evidence. A frame stated with the opposite polarity by
   another source ("Trump asked Comey to ..." / "the president never asked
   Mr. Comey to ...") is a divergence even when both are aligned elsewhere;
   each claim is in at most one divergence.
4. ``confidence`` is the similarity rescaled to [0, 1]; only the strongest
   ``MAX_ITEMS`` of each kind are kept (a short, precise list beats a long
   noisy one).
5. A claim with nothing similar in any other document is marked ``unique``.
6. Questions get the answering spans of other documents (:mod:`.questions`),
   scored the same way.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import TypeVar

from ..artifacts import ClaimUnits
from ..claim_features.features import ANTONYMS, TextUnit, cosine, fold_prefixes, idf_weights, weigh
from ..claim_features.frames import Families, Frame, actor_families, best_frame_match
from ..claim_features.questions import link_answers
from ..errors import ConfigError
from ..models import Agreement, Claim, Divergence, Position, Span, Story
from ..pipeline import Context, register_stage
from ..settings import tuned, tuned_int

__all__ = ["LINK", "MAX_ITEMS", "Link", "Similarity", "align_claims", "compare_sources", "enough_overlap", "opposition", "similarity"]

log = logging.getLogger(__name__)

_ACTOR_TERM = re.compile(r"@\w+")

#: Minimum similarity for two claims to be linked at all.
LINK = tuned("compare", "link")
#: Below this, a claim has no counterpart anywhere else: it is unique to its source.
UNIQUE = tuned("compare", "unique")
#: A third source joins an agreement when this close, relative to the closest pair.
JOIN = tuned("compare", "join")
#: Negation and opposite-predicate divergences need claims at least this similar.
DIVERGE = tuned("compare", "diverge")
#: An actor named in more than this share of all claims is the story's backdrop, not a topic.
DISTINCTIVE = tuned("compare", "distinctive")
#: At most this many agreements and divergences are reported.
MAX_ITEMS = tuned_int("compare", "max_items")
#: Frames at least this similar are named in an agreement's ``why``.
FRAME_SHOWN = tuned("compare", "frame_shown")
#: A frame match this strong (related predicate, same subject and object) links claims with no other word in common.
FRAME_ALONE = tuned("compare", "frame_alone")
#: Frames this similar (same actors, related predicate) with opposite polarity diverge even when aligned elsewhere.
FRAME_NEGATION = tuned("compare", "frame_negation")
#: Frames at least this similar, negated on one side only, make a divergence.
FRAME_DIVERGE = tuned("compare", "frame_diverge")


@dataclass(frozen=True)
class Similarity:
    """How alike two claims are: in words (tf-idf cosine), in frames, and both combined."""

    lexical: float
    frame: float
    frames: tuple[Frame, Frame] | None = None  # the best matching pair of frames

    @property
    def combined(self) -> float:
        """Either kind of evidence counts: 1 - (1 - lexical)(1 - frame)."""
        return 1.0 - (1.0 - self.lexical) * (1.0 - self.frame)


def similarity(a: TextUnit, b: TextUnit, families: Families | None = None) -> Similarity:
    """Lexical and frame similarity of two weighted units.

    Frames of opposite polarity count only when they are close enough to make
    a divergence (``FRAME_DIVERGE``); otherwise the best pair of equal polarity.
    """
    fam = families or Families()
    f, fa, fb = best_frame_match(a.frames, b.frames, fam)
    if fa is not None and fb is not None and fa.negated != fb.negated and f < FRAME_DIVERGE:
        f, fa, fb = best_frame_match(a.frames, b.frames, fam, same_polarity=True)
    return Similarity(cosine(a, b), f, (fa, fb) if fa is not None and fb is not None else None)


def _frame_opposition(sim: Similarity) -> str | None:
    if sim.frames is None or sim.frame < FRAME_DIVERGE:
        return None
    fa, fb = sim.frames
    if fa.negated != fb.negated:
        verbs = fa.lemma if fa.lemma == fb.lemma else f"{fa.lemma}' / '{fb.lemma}"
        return f"'{verbs}' is negated on one side only (same actors)"
    return None


@dataclass(frozen=True)
class Link:
    """Two aligned claims of different documents."""

    a: str
    b: str
    similarity: float
    opposition: str | None  # why they disagree, or None when they agree
    frames: tuple[Frame, Frame] | None = None  # the matching frames, when frames contributed


def opposition(a: TextUnit, b: TextUnit, similarity: float = 1.0) -> str | None:
    """The polarity cue that opposes two similar claims, or None.

    Negation and opposite predicates count only for a predicate with the same
    subject on both sides and for claims at least ``DIVERGE`` similar: "she
    signed" and "Trump never signed" are not a disagreement.
    """
    if a.doubt != b.doubt:
        return "one side casts doubt on it"
    if similarity < DIVERGE:
        return None
    shared = a.predicates & b.predicates
    figures = sorted(p for p in shared if p in a.figures and p in b.figures and a.figures[p] != b.figures[p])
    if figures and not (a.negated | b.negated) & set(figures):
        p = figures[0]
        return f"different figures for '{p}': {a.figures[p]} / {b.figures[p]}"
    flipped = sorted(p for p in shared if (p in a.negated) != (p in b.negated) and _same_subject(a, b, p, p))
    if flipped:
        return f"'{flipped[0]}' is negated on one side only"
    for p in sorted(a.predicates):
        opposite = sorted(q for q in ANTONYMS.get(p, frozenset()) & b.predicates if _same_subject(a, b, p, q))
        if opposite and p not in b.predicates and opposite[0] not in a.predicates:
            return f"opposite predicates '{p}' / '{opposite[0]}'"
    return None


def _same_subject(a: TextUnit, b: TextUnit, pa: str, pb: str) -> bool:
    sa, sb = a.subjects.get(pa), b.subjects.get(pb)
    return sa is not None and sa == sb


def doubt_against_prediction(units: dict[str, TextUnit], taken: set[str], max_share: float = DISTINCTIVE) -> list[Link]:
    """A claim casting doubt on an actor's prospects vs another source predicting them.

    "Any talk of ... in favor of the opposition is wishful thinking" against
    "the opposition will gain strength": the doubted claim names the actor the
    other predicts something for, and is not named everywhere in the story.
    The most similar such claim is kept.
    """
    links: list[Link] = []
    n = max(1, len(units))
    share = Counter(t for u in units.values() for t in set(u.terms) if t.startswith("@"))
    distinctive = {t for t, c in share.items() if c <= 2 or c / n <= max_share}
    for a in units.values():
        if not a.doubt or a.key in taken:
            continue
        best: dict[str, tuple[float, TextUnit, str]] = {}
        for b in units.values():
            if b.doc == a.doc or b.doubt or b.key in taken:
                continue
            shared = sorted(t for t in b.predicted if t in a.terms and t not in a.predicted and t in distinctive)
            if not shared:
                continue
            sim = cosine(a, b)
            if sim > best.get(b.doc, (-1.0, b, ""))[0]:
                best[b.doc] = (sim, b, shared[0])
        for sim, b, actor in sorted(best.values(), key=lambda x: -x[0])[:1]:
            links.append(Link(a.key, b.key, round(sim, 3), f"one source doubts what the other predicts for {actor}"))
    return links


def enough_overlap(a: TextUnit, b: TextUnit) -> bool:
    """At least two shared terms, one of them not an actor: one common word is no alignment."""
    shared = set(a.terms) & set(b.terms)
    return len(shared) >= 2 and any(not t.startswith("@") for t in shared)


def _linkable(sim: Similarity, a: TextUnit, b: TextUnit) -> bool:
    return sim.frame >= FRAME_ALONE or enough_overlap(a, b)


def align_claims(units: dict[str, TextUnit], threshold: float = LINK, families: Families | None = None) -> list[Link]:
    """One-to-one alignment of claims for every pair of documents, most similar first.

    Besides, a claim whose frame another source states with the opposite
    polarity ("Trump asked Comey to ..." / "the president never asked Mr.
    Comey to ...") is linked to it as a divergence even when both are aligned
    elsewhere (each claim in at most one such link).
    """
    by_doc: dict[str, list[TextUnit]] = {}
    for u in units.values():
        by_doc.setdefault(u.doc, []).append(u)
    docs = sorted(by_doc)
    links: list[Link] = []
    negations: list[tuple[Similarity, TextUnit, TextUnit]] = []
    for i, da in enumerate(docs):
        for db in docs[i + 1 :]:
            scored = [(similarity(a, b, families), a, b) for a in by_doc[da] for b in by_doc[db]]
            negations.extend(s for s in scored if s[0].frame >= FRAME_NEGATION and _frame_opposition(s[0]))
            scored = [s for s in scored if s[0].combined >= threshold and _linkable(s[0], s[1], s[2])]
            scored.sort(key=lambda s: -s[0].combined)
            used: set[str] = set()
            for sim, a, b in scored:
                if a.key in used or b.key in used:
                    continue
                used.update((a.key, b.key))
                why = _frame_opposition(sim) or opposition(a, b, sim.lexical)
                frames = sim.frames if sim.frame >= FRAME_SHOWN else None
                links.append(Link(a.key, b.key, round(sim.combined, 3), why, frames))
    return links + _negation_links(negations, links)


def _negation_links(candidates: list[tuple[Similarity, TextUnit, TextUnit]], links: list[Link]) -> list[Link]:
    """Opposite-polarity frame pairs not yet linked as divergences, each claim once, closest first."""
    taken = {k for lk in links if lk.opposition for k in (lk.a, lk.b)}
    out: list[Link] = []
    for sim, a, b in sorted(candidates, key=lambda s: -s[0].combined):
        if a.key in taken or b.key in taken:
            continue
        taken.update((a.key, b.key))
        out.append(Link(a.key, b.key, round(sim.combined, 3), _frame_opposition(sim), sim.frames))
    return out


def _one_per_claim(links: list[Link]) -> list[Link]:
    """Most similar first, skipping links whose claims are already in one (a denial opposed by three reports is one item)."""
    seen: set[str] = set()
    out: list[Link] = []
    for lk in sorted(links, key=lambda x: -x.similarity):
        if lk.a in seen or lk.b in seen:
            continue
        seen.update((lk.a, lk.b))
        out.append(lk)
    return out


def _confidence(sim: float) -> float:
    return round(min(1.0, max(0.0, (sim - LINK) / (0.7 - LINK)) * 0.6 + 0.4), 2)


def _describe(terms: list[str], story: Story) -> str:
    names = []
    for t in terms:
        if t.startswith("@"):
            try:
                names.append(story.actor(t[1:]).name)
            except KeyError:
                continue
        else:
            names.append(t)
    return ", ".join(names)


def _describe_frames(frames: tuple[Frame, Frame], story: Story) -> str:
    """ "Russia go / come -> Syria": the shared actors and both predicates."""
    fa, fb = frames
    names = {a.id: a.name for a in story.actors}
    subj = " / ".join(dict.fromkeys(names.get(x, x) for x in sorted(fa.subj | fb.subj)))
    args = " / ".join(dict.fromkeys(names.get(x, x) for x in sorted(fa.args & fb.args or fa.args | fb.args)))
    verbs = fa.lemma if fa.lemma == fb.lemma else f"{fa.lemma} / {fb.lemma}"
    modal = f" ({fa.modality})" if fa.modality and fa.modality == fb.modality else ""
    return f"{subj} {verbs}{modal}" + (f" -> {args}" if args else "")


def _shared_terms(a: TextUnit, b: TextUnit, k: int = 4) -> list[str]:
    shared = sorted(set(a.weights) & set(b.weights), key=lambda t: (-(a.weights[t] * b.weights[t]), t))
    return shared[:k]


_S = TypeVar("_S", bound=Span)


def _span(claim: Claim, cls: type[_S]) -> _S:
    return cls(doc=claim.doc, start=claim.start, end=claim.end, text=claim.text)


def _group(links: list[Link], units: dict[str, TextUnit], threshold: float = LINK, families: Families | None = None) -> list[list[Link]]:
    """Agreeing links that share a claim, merged (three sources, one agreement).

    A link joins a group only when its new claim comes from a document the
    group does not cite yet and is similar to every claim already there (at
    least ``JOIN`` times as similar as the group's closest pair).
    """
    groups: list[tuple[set[str], list[Link]]] = []
    for link in sorted(links, key=lambda x: -x.similarity):
        home = None
        for keys, members in groups:
            if link.a in keys or link.b in keys:
                new = link.b if link.a in keys else link.a
                docs = {units[k].doc for k in keys}
                floor = max(threshold, JOIN * members[0].similarity)  # members[0] is the group's closest pair
                close = all(similarity(units[new], units[k], families).combined >= floor for k in keys)
                if new in keys or (units[new].doc not in docs and close):
                    home = (keys, members)
                break
        if home is None:
            if not any(link.a in g[0] or link.b in g[0] for g in groups):
                groups.append(({link.a, link.b}, [link]))
            continue
        home[0].update((link.a, link.b))
        home[1].append(link)
    return [g[1] for g in groups]


def _agreement(group: list[Link], claims: dict[str, Claim], units: dict[str, TextUnit], story: Story) -> Agreement:
    members: dict[str, Claim] = {}
    for link in group:
        for key in (link.a, link.b):
            c = claims[key]
            members.setdefault(c.doc, c)
    best = max(group, key=lambda x: x.similarity)
    headline = min(members.values(), key=lambda c: len(c.text))
    terms = _shared_terms(units[best.a], units[best.b])
    why = f"similarity {best.similarity:.2f}; shared: {_describe(terms, story)}"
    if best.frames is not None:
        why += f"; same frame: {_describe_frames(best.frames, story)}"
    return Agreement(
        claim=headline.text,
        evidence=[_span(c, Span) for _, c in sorted(members.items())],
        confidence=_confidence(best.similarity),
        claims=[c.id for _, c in sorted(members.items())],
        why=why,
    )


def _divergence(link: Link, claims: dict[str, Claim], units: dict[str, TextUnit], story: Story) -> Divergence:
    a, b = claims[link.a], claims[link.b]
    terms = _shared_terms(units[link.a], units[link.b])
    names = {f"@{actor.id}": actor.name for actor in story.actors}
    why = _ACTOR_TERM.sub(lambda m: names.get(m.group(0), m.group(0)), link.opposition or "")
    return Divergence(
        topic=_describe(terms, story) or a.text[:60],
        positions=[_span(a, Position), _span(b, Position)],
        confidence=_confidence(link.similarity) if link.similarity >= LINK else 0.3,
        claims=[a.id, b.id],
        why=why or None,
    )


def _answer_score(question: TextUnit, candidate: TextUnit, families: Families) -> tuple[float, float]:
    sim = similarity(question, candidate, families)
    return sim.combined, sim.frame


def _units(story: Story, ctx: Context) -> ClaimUnits:
    if ctx.claim_units is None:  # the contract check makes this unreachable from run_pipeline
        raise ConfigError("pipeline", "stage 'compare' requires claim_units, which no earlier stage assigns; add 'claims' before it")
    return ctx.claim_units


@register_stage("compare", requires=("claims", "questions", "claim_units"), assigns=("agreements", "divergences", "answers"))
def compare_sources(story: Story, ctx: Context) -> Story:
    """Fill ``agreements``, ``divergences``, ``Claim.unique`` and question answers."""
    cu = _units(story, ctx)
    units = cu.claims
    fold_prefixes([*units.values(), *(u for _, u in cu.questions)])
    idf = idf_weights([*units.values(), *(u for _, u in cu.questions)])
    for u in [*units.values(), *(u for _, u in cu.questions)]:
        weigh(u, idf)
    claims = {c.id: c for c in story.claims if c.id in units}
    families = actor_families(story)
    links = [lk for lk in align_claims(units, families=families) if lk.a in claims and lk.b in claims]
    agree = [lk for lk in links if lk.opposition is None]
    oppose = [lk for lk in links if lk.opposition is not None]
    taken = {k for lk in oppose for k in (lk.a, lk.b)}
    oppose += [lk for lk in doubt_against_prediction(units, taken) if lk.a in claims and lk.b in claims]
    agreements = [_agreement(g, claims, units, story) for g in _group(agree, units, families=families)]
    agreements.sort(key=lambda x: -(x.confidence or 0))
    story.agreements = agreements[:MAX_ITEMS]
    divergences = [_divergence(lk, claims, units, story) for lk in _one_per_claim(oppose)]
    story.divergences = divergences[:MAX_ITEMS]
    if len({c.doc for c in story.claims}) > 1:
        # a claim linked to another source (by words or by frame) is not unique to its source
        linked = {k for lk in links for k in (lk.a, lk.b)}
        for c in story.claims:
            unit = units.get(c.id)
            if unit is not None:
                c.unique = c.id not in linked and not any(cosine(unit, o) >= UNIQUE for o in units.values() if o.doc != c.doc)
    texts = {d.id: d.text for d in story.documents}
    candidates = [u for k, u in units.items() if k in claims]
    for question, unit in cu.questions:
        question.answers, question.confidence = [], []
        link_answers(question, unit, candidates, texts, lambda q, c: _answer_score(q, c, families))
    log.debug("compare: %d links, %d agreements, %d divergences", len(links), len(story.agreements), len(story.divergences))
    return story
