"""The ``compare`` stage: where the sources agree, where they part ways, what only one says.

1. Every claim and question is weighed (tf-idf over the story's sentences,
   actor mentions counted as their actor) and read as frames (who does what
   to whom, see :mod:`.frames`) and figures (money, times, dates, ages,
   counts, see :mod:`storyline.language.quantities`).
2. Which claim pairs are scored: all pairs of different documents, or in a
   large story those an index of shared terms proposes, within the
   ``[compare] max_pairs`` budget (:mod:`.candidates`; what is cut is logged).
3. Two claims' similarity combines words, frames and a shared telling figure:
   ``1 - (1 - lexical)(1 - frame)(1 - figure)``, so "Moscow went into Syria"
   and "Russian forces did not come to Syria to fight ISIS" are close though
   they share few words. Claims of different documents are aligned
   one-to-one per document pair, most similar first, when that reaches
   ``link`` and they share two terms (one not an actor), a strong frame
   (``FRAME_ALONE``) or a figure. A long claim telling two facts that the
   other source tells in two sentences gets a second, ``split`` link to the
   other sentence (it shares ``split_terms`` other content words with it).
4. An aligned pair is a *divergence* when something opposes them: the same
   frame negated on one side only, the same predicate negated in one only, a
   denial against a statement, a word of doubt ("wishful thinking") on one
   side only, opposite predicates (gain/lose), or one deed credited to
   different actors -- else it seeds an *agreement*, which grows by one claim
   per further document (:func:`_group`). Conflicting figures of alike claims
   are divergences too (:mod:`.figures`; a position told as steps from another,
   "eight stories below", is reckoned and joins them), and so are a scope
   extended against one limited to the opposite kind (:mod:`.scope`) and a
   hedged answer on knowing against flat statements of it (:mod:`.knowledge`).
   Each divergence is titled as a plain
   sentence and has a ``kind``.
5. ``confidence`` (agreements and divergences alike) is how surely the cited
   sentences are about the same thing: their similarity rescaled so that
   ``LINK`` is 0.4 and 0.7 or more is 1.0. Agreements of ``agreement_sources``
   or more sources are kept, of fewer only at ``agreement_keep`` confidence or
   more; at most ``max_agreements`` / ``max_divergences`` are kept, most
   sources and most confident first.
6. A claim with nothing similar in any other document is marked ``unique``.
7. Questions get the answering spans of other documents (:mod:`.questions`),
   looked for among the claims sharing a term, scored the same way plus the
   question's main predicate, each with its kind (answers / partly answers);
   a document with no answer of its own may answer with its sentence in one
   agreement with another source's answer (:func:`link_answers`).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import TypeVar

from ..artifacts import ClaimUnits
from ..claim_features.features import ANTONYMS, DENIAL_VERBS, Figure, TextUnit, cosine, fold_derivations, fold_prefixes, idf_weights, weigh
from ..claim_features.frames import Families, Frame, actor_families, best_frame_match, different_doers
from ..claim_features.questions import ANSWER_THRESHOLD, MAX_ANSWERS, RETOLD_SHARE, link_answers
from ..errors import ConfigError
from ..language.knowledge import KNOWLEDGE_PREDICATES
from ..language.quantities import ordinal
from ..models import Agreement, Claim, Divergence, Limit, Position, Span, Story
from ..pipeline import Context, register_stage
from ..settings import tuned, tuned_int
from .candidates import INDEX_POSTINGS, candidate_pairs
from .figures import Figure as FigureLike
from .figures import FigureConflict, Reckoned, figure_conflicts, format_value, listed, reckoned_figures
from .knowledge import HedgeConflict, hedge_conflicts
from .scope import ScopeConflict, scope_conflicts
from .speakers import SpeakerConflict, speaker_conflicts

__all__ = ["LINK", "MAX_ITEMS", "Link", "Similarity", "align_claims", "compare_sources", "enough_overlap", "opposition", "similarity"]

log = logging.getLogger(__name__)

_ACTOR_TERM = re.compile(r"@\w+")

#: Minimum similarity for two claims to be linked at all.
LINK = tuned("compare", "link")
#: Below this, a claim has no counterpart anywhere else: it is unique to its source.
UNIQUE = tuned("compare", "unique")
#: A further source joins an agreement when its claim is this similar to every claim already in it
#: (and at least ``LINK`` similar to one of them).
JOIN_FLOOR = tuned("compare", "join_floor")
#: Negation and opposite-predicate divergences need claims at least this similar.
DIVERGE = tuned("compare", "diverge")
#: An actor named in more than this share of all claims is the story's backdrop, not a topic.
DISTINCTIVE = tuned("compare", "distinctive")
#: At most this many agreements and divergences are reported (``[compare] max_agreements`` / ``max_divergences``).
MAX_ITEMS = tuned_int("compare", "max_agreements")
#: Agreements of ``AGREEMENT_SOURCES`` or more sources are kept; those of fewer only when at least ``AGREEMENT_KEEP`` confident.
AGREEMENT_SOURCES = tuned_int("compare", "agreement_sources")
AGREEMENT_KEEP = tuned("compare", "agreement_keep")
#: The same quotation credited to different speakers: the run of words that makes two quotations one, and its confidence.
SAME_QUOTE_WORDS = tuned_int("compare", "same_quote_words")
SPEAKER_CONFIDENCE = tuned("compare", "speaker_confidence")
#: Claims sharing ``WIDE_TERMS`` content words link at ``WIDE_SHARE`` of the usual threshold (long sentences dilute the cosine).
WIDE_TERMS = tuned_int("compare", "wide_terms")
WIDE_SHARE = tuned("compare", "wide_share")
#: An answer that uses the question's main predicate ("did Trump *know*" / "said Trump did not *know*") scores this much more.
FOCUS_BONUS = tuned("compare.answers", "answer_focus")
#: The same telling figure in two claims ("$130,000") counts as this much similarity.
SAME_FIGURE = tuned("compare", "same_figure")
#: Conflicting figures need claims at least this similar in words.
FIGURE_SIMILARITY = tuned("compare", "figure_similarity")
#: Dates conflict only in claims at least this similar; at most this many divergences; the pair budget.
DATE_SIMILARITY = tuned("compare", "date_similarity")
#: A claim extending a thing to one kind and one limiting it to the opposite kind diverge when at least this similar.
SCOPE_SIMILARITY = tuned("compare", "scope_similarity")
MAX_DIVERGENCES = tuned_int("compare", "max_divergences")
MAX_PAIRS = tuned_int("compare", "max_pairs")
INDEX_SHARE = tuned("compare", "index_share")
#: Frames at least this similar are named in an agreement's ``why``.
FRAME_SHOWN = tuned("compare", "frame_shown")
#: A frame match this strong (related predicate, same subject and object) links claims with no other word in common.
FRAME_ALONE = tuned("compare", "frame_alone")
#: Frames this similar (same actors, related predicate) with opposite polarity diverge even when aligned elsewhere.
FRAME_NEGATION = tuned("compare", "frame_negation")
#: Frames at least this similar, negated on one side only, make a divergence.
FRAME_DIVERGE = tuned("compare", "frame_diverge")
#: A claim aligned already links to a second claim of the same other source when they share this many other content words.
SPLIT_TERMS = tuned_int("compare", "split_terms")


@dataclass(frozen=True)
class Similarity:
    """How alike two claims are: in words (tf-idf cosine), in frames, and both combined."""

    lexical: float
    frame: float
    frames: tuple[Frame, Frame] | None = None  # the best matching pair of frames
    figure: float = 0.0  # ``SAME_FIGURE`` when both give one telling figure ("$130,000"), else 0

    @property
    def combined(self) -> float:
        """Any kind of evidence counts: 1 - (1 - lexical)(1 - frame)(1 - figure)."""
        return 1.0 - (1.0 - self.lexical) * (1.0 - self.frame) * (1.0 - self.figure)


def similarity(a: TextUnit, b: TextUnit, families: Families | None = None) -> Similarity:
    """Lexical and frame similarity of two weighted units.

    Frames of opposite polarity count only when they are close enough to make
    a divergence (``FRAME_DIVERGE``); otherwise the best pair of equal polarity.
    """
    fam = families or Families()
    f, fa, fb = best_frame_match(a.frames, b.frames, fam)
    if fa is not None and fb is not None and fa.negated != fb.negated and f < FRAME_DIVERGE:
        f, fa, fb = best_frame_match(a.frames, b.frames, fam, same_polarity=True)
    return Similarity(cosine(a, b), f, (fa, fb) if fa is not None and fb is not None else None, SAME_FIGURE if shared_figure(a, b) else 0.0)


def shared_figure(a: TextUnit, b: TextUnit) -> bool:
    """Both claims give one telling figure: an amount of money, a share, an age, a time, or a count of 10 or more of one noun
    (not a duration nor an ordinal: "the 23rd floor" of one building is in every sentence about it), and not both list it
    among others of its kind ("June (15%) followed by October (14%)" and "15% twice and 4% three times" are two lists
    sharing a number by chance; "a dress ($1,357), dinner ($1,206)" and "a dress: $1,357" tell one price)."""
    mine = {_figure_key(f): listed(a, f) for f in a.quantities if _telling(f)}
    return any(_figure_key(f) in mine and not (mine[_figure_key(f)] and listed(b, f)) for f in b.quantities)


def _figure_key(fig: Figure) -> tuple[str, str, float]:
    return fig.quantity.kind, fig.quantity.unit, fig.quantity.value


def _telling(fig: Figure) -> bool:
    return fig.quantity.kind not in {"duration", "ordinal"} and (fig.quantity.kind != "count" or fig.quantity.value >= 10)


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
    split: bool = False  # a second link of a claim that tells two facts the other source tells in two sentences


def opposition(a: TextUnit, b: TextUnit, similarity: float = 1.0, diverge: float = DIVERGE) -> str | None:
    """The polarity cue that opposes two similar claims, or None.

    Negation and opposite predicates count only for a predicate with the same
    subject on both sides and for claims at least ``DIVERGE`` similar: "she
    signed" and "Trump never signed" are not a disagreement.
    """
    if a.doubt != b.doubt:
        return "one side casts doubt on it"
    if similarity < diverge:
        return None
    if a.denied != b.denied:
        return "one side reports a denial of what the other states"
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
    return _opposite_qualities(a, b)


def _opposite_qualities(a: TextUnit, b: TextUnit) -> str | None:
    """Contradictory characterisations: opposite adjectives on the same noun ("a peaceful protest" / "a violent protest"),
    neither claim using both."""
    for p, noun in sorted(a.qualities.items()):
        opposite = sorted(q for q in ANTONYMS.get(p, frozenset()) if b.qualities.get(q) == noun)
        if opposite and p not in b.qualities and opposite[0] not in a.qualities:
            return f"opposite characterisations of '{noun}': '{p}' / '{opposite[0]}'"
    return None


def _same_subject(a: TextUnit, b: TextUnit, pa: str, pb: str) -> bool:
    sa, sb = a.subjects.get(pa), b.subjects.get(pb)
    return sa is not None and sa == sb


def doubt_against_prediction(units: dict[str, TextUnit], taken: set[str], max_share: float = DISTINCTIVE) -> list[Link]:
    """A claim casting doubt on what another source states or predicts about an actor.

    "Any talk of ... in favor of the opposition is wishful thinking" against
    "the opposition will gain strength": the doubting claim names an actor
    that is the subject of a predicate (or of a prediction) in a claim of
    another document, and that actor is not named everywhere in the story.
    Per doubting claim, the most similar such claim is kept.
    """
    links: list[Link] = []
    widespread = _widespread(units, max_share, actors=True)
    ordered = sorted(units.values(), key=lambda u: u.key)
    for a in ordered:
        if not a.doubt or a.key in taken:
            continue
        best: tuple[float, TextUnit, str] | None = None
        for b in ordered:
            if b.doc == a.doc or b.doubt or b.key in taken:
                continue
            stated = set(b.predicted) | {s for s in b.subjects.values() if s.startswith("@")}
            shared = sorted(t for t in stated if t in a.terms and t not in a.predicted and t not in widespread)
            if not shared:
                continue
            sim = cosine(a, b)
            if best is None or sim > best[0]:
                best = (sim, b, shared[0])
        if best is not None:
            sim, b, actor = best
            verb = "predicts" if actor in b.predicted else "states"
            links.append(Link(a.key, b.key, round(sim, 3), f"one source doubts what the other {verb} for {actor}"))
            taken.update((a.key, b.key))
    return links


def enough_overlap(a: TextUnit, b: TextUnit) -> bool:
    """At least two shared terms, one of them not an actor: one common word is no alignment."""
    shared = a.terms.keys() & b.terms.keys()
    return len(shared) >= 2 and any(not t.startswith("@") for t in shared)


def _wide_overlap(a: TextUnit, b: TextUnit) -> bool:
    """Three or more content words in common: long sentences telling one fact ("violation", "phone", "elevator", "work")."""
    return sum(1 for t in a.terms.keys() & b.terms.keys() if not t.startswith("@")) >= WIDE_TERMS


def _linkable(sim: Similarity, a: TextUnit, b: TextUnit) -> bool:
    return sim.frame >= FRAME_ALONE or enough_overlap(a, b) or (sim.figure > 0 and not a.terms.keys().isdisjoint(b.terms.keys()))


def align_claims(
    units: dict[str, TextUnit],
    threshold: float = LINK,
    families: Families | None = None,
    pairs: list[tuple[str, str]] | None = None,
    diverge: float = DIVERGE,
    neighbours: dict[tuple[str, str], float] | None = None,
    floor: float = JOIN_FLOOR,
) -> list[Link]:
    """One-to-one alignment of claims for every pair of documents, most similar first.

    ``pairs`` are the candidate claim pairs to score (see
    :mod:`.candidates`); by default every pair of claims of different
    documents. ``neighbours``, when given, receives the combined similarity
    of every scored pair that is linkable and at least ``floor`` similar.
    Besides, a claim whose frame another source states with the
    opposite polarity ("Trump asked Comey to ..." / "the president never
    asked Mr. Comey to ...") is linked to it as a divergence even when both
    are aligned elsewhere (each claim in at most one such link).
    """
    if pairs is None:
        by_doc: dict[str, list[TextUnit]] = {}
        for u in units.values():
            by_doc.setdefault(u.doc, []).append(u)
        docs = sorted(by_doc)
        pairs = [(a.key, b.key) for i, da in enumerate(docs) for db in docs[i + 1 :] for a in by_doc[da] for b in by_doc[db]]
    per_docs: dict[tuple[str, str], list[tuple[Similarity, TextUnit, TextUnit]]] = {}
    negations: list[tuple[Similarity, TextUnit, TextUnit]] = []
    for ka, kb in pairs:
        a, b = units[ka], units[kb]
        if a.doc == b.doc:
            continue
        sim = similarity(a, b, families)
        if sim.frame >= FRAME_NEGATION and _frame_opposition(sim):
            negations.append((sim, a, b))
        linkable = _linkable(sim, a, b)
        if neighbours is not None and linkable and sim.combined >= floor:
            neighbours[(a.key, b.key)] = neighbours[(b.key, a.key)] = sim.combined
        if linkable and (sim.combined >= threshold or (sim.combined >= threshold * WIDE_SHARE and _wide_overlap(a, b))):
            per_docs.setdefault((min(a.doc, b.doc), max(a.doc, b.doc)), []).append((sim, a, b))
    links: list[Link] = []
    backdrop = _widespread(units)
    for key in sorted(per_docs):
        scored = sorted(per_docs[key], key=lambda s: (-s[0].combined, s[1].key, s[2].key))
        partner: dict[str, str] = {}
        for sim, a, b in scored:
            if a.key in partner or b.key in partner:
                continue
            partner[a.key], partner[b.key] = b.key, a.key
            links.append(_make_link(sim, a, b, families, diverge))
        split: set[str] = set()
        for sim, a, b in scored:
            if (a.key in partner) == (b.key in partner) or a.key in split or b.key in split:
                continue
            whole, part = (a, b) if a.key in partner else (b, a)
            if _complementary(whole, part, units[partner[whole.key]], threshold, backdrop):
                split.update((a.key, b.key))
                links.append(_make_link(sim, a, b, families, diverge, split=True))
    return links + _negation_links(negations, links)


def _make_link(sim: Similarity, a: TextUnit, b: TextUnit, families: Families | None, diverge: float, split: bool = False) -> Link:
    why = _frame_opposition(sim) or opposition(a, b, sim.lexical, diverge)
    frames = sim.frames if sim.frame >= FRAME_SHOWN else None
    if why is None and sim.lexical >= diverge:
        doers = next(((fa, fb) for fa in a.frames for fb in b.frames if different_doers(fa, fb, families or Families())), None)
        if doers is not None:
            why, frames = f"different actors said to '{doers[0].lemma}': {_ids(doers[0].subj)} / {_ids(doers[1].subj)}", doers
    return Link(a.key, b.key, round(sim.combined, 3), why, frames, split)


def _content(a: TextUnit, b: TextUnit) -> set[str]:
    return {t for t in set(a.terms) & set(b.terms) if not t.startswith("@")}


def _widespread(units: dict[str, TextUnit], max_share: float = DISTINCTIVE, actors: bool = False) -> frozenset[str]:
    """Terms in more than two and more than ``max_share`` of the claims: content words (or, with ``actors``, actors) of the
    story's backdrop ("player", "football" in a story on a football players' union), which every sentence about it shares."""
    n = max(1, len(units))
    df = Counter(t for u in units.values() for t in set(u.terms) if t.startswith("@") == actors)
    return frozenset(t for t, c in df.items() if c > 2 and c / n > max_share)


def _complementary(whole: TextUnit, part: TextUnit, first: TextUnit, threshold: float, backdrop: frozenset[str] = frozenset()) -> bool:
    """One long sentence telling two facts that another source tells in two sentences ("got a violation because its phone
    did not work, but inspectors let it remain in operation"): ``whole`` is aligned with ``first`` already; ``part``, of
    the same document as ``first``, shares at least ``SPLIT_TERMS`` other content words with it, at most one of the
    words it shares with ``first`` (the story's ``backdrop`` words aside), and is no paraphrase of ``first``.
    """
    old, new = _content(whole, first), _content(whole, part)
    return len(new - old) >= SPLIT_TERMS and len((new & old) - backdrop) <= 1 and cosine(part, first) < threshold


def _ids(actors: frozenset[str]) -> str:
    return ", ".join(f"@{x}" for x in sorted(actors))


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


def _kept(agreements: list[Agreement], sources: int = AGREEMENT_SOURCES, keep: float = AGREEMENT_KEEP) -> list[Agreement]:
    """The agreements worth reporting: many sources saying one thing, or two saying it in sentences surely about the same thing.

    A fixed count would cut a story's weaker true agreements when it has many strong ones and keep weak pairs when it has few;
    the bar is on what each agreement is (its sources and its confidence), the ceiling only bounds the report.
    """
    return [a for a in agreements if len(a.evidence) >= sources or (a.confidence or 0.0) >= keep]


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


def _group(
    links: list[Link],
    units: dict[str, TextUnit],
    neighbours: dict[tuple[str, str], float],
    threshold: float = LINK,
    floor: float = JOIN_FLOOR,
    opposed: frozenset[tuple[str, str]] = frozenset(),
) -> list[tuple[list[str], Link]]:
    """Agreements: each agreeing link, strongest first, grown by one claim per further document.

    A claim of a document the agreement does not cite yet joins when it is
    at least ``threshold`` similar to one claim of the agreement and at least
    ``floor`` similar to every one (the best such claim first, until no
    document has one). Every claim is in at most one agreement, so three
    outlets saying the same thing make one agreement with three pieces of
    evidence, and no agreement cites two sentences of one document -- but for
    a ``split`` link: a long claim telling two facts that another source
    tells in two sentences is in one agreement per fact. A claim ``opposed``
    to one of an agreement's claims (a pair of an opposed link) never joins it.
    """
    near: dict[str, list[str]] = {}
    for (ka, kb) in sorted(neighbours):
        near.setdefault(ka, []).append(kb)
    used: set[str] = set()
    out: list[tuple[list[str], Link]] = []
    home: dict[str, int] = {}
    for link in sorted(links, key=lambda x: (x.split, -x.similarity, x.a, x.b)):
        if link.split:
            if link.a in used and link.b in used:
                _join_fact(link, out, home, units, neighbours, floor, opposed)
                continue  # a split link adds a second fact of one claim; both sides taken leaves nothing new
        elif link.a in used or link.b in used:
            continue
        members = [link.a, link.b]
        while True:
            docs = {units[k].doc for k in members}
            options = sorted({c for k in members for c in near.get(k, []) if c not in used and c not in members and units[c].doc not in docs})
            best: tuple[float, str] | None = None
            for c in options:
                if any((c, k) in opposed for k in members):
                    continue  # "will not withdraw" is no further telling of "will withdraw"
                sims = [neighbours.get((c, k), 0.0) for k in members]
                if max(sims) >= threshold and min(sims) >= floor:
                    mean = sum(sims) / len(sims)
                    if best is None or mean > best[0]:
                        best = (mean, c)
            if best is None:
                break
            members.append(best[1])
        used.update(members)
        home.update((k, len(out)) for k in members)
        out.append((members, link))
    return out


def _join_fact(
    link: Link,
    groups: list[tuple[list[str], Link]],
    home: dict[str, int],
    units: dict[str, TextUnit],
    neighbours: dict[tuple[str, str], float],
    floor: float,
    opposed: frozenset[tuple[str, str]] = frozenset(),
) -> None:
    """A split link whose two claims are in agreements already: the long claim telling two facts joins the agreement of
    the other fact too, when that agreement cites no sentence of its document and every claim in it is ``floor`` similar."""
    for whole, part in ((link.a, link.b), (link.b, link.a)):
        if whole not in home or part not in home or home[whole] == home[part]:
            continue
        members = groups[home[part]][0]
        if whole in members or units[whole].doc in {units[k].doc for k in members}:
            continue
        if all(neighbours.get((whole, k), 0.0) >= floor and (whole, k) not in opposed for k in members):
            members.append(whole)
            return


#: What an agreement's statement should not open with: a dash or a connective that leans on the sentence before.
_OPENER = re.compile(r"^(?:[\s\u2014\u2013-]+|(?:but|and|so|yet|also|still|however|meanwhile|then|instead|moreover)\b,?\s+)", re.IGNORECASE)


def _statement(text: str) -> str:
    """A claim's text as a stand-alone statement: no leading dash or connective, first letter capital."""
    out = text.strip()
    m = _OPENER.match(out)
    while m and m.end() > 0 and len(out[m.end() :].split()) >= 3:
        out = out[m.end() :]
        m = _OPENER.match(out)
    return out[:1].upper() + out[1:]


def _mean_similarity(members: list[str], neighbours: dict[tuple[str, str], float], seed: Link) -> float:
    sims = [neighbours.get((a, b), seed.similarity if {a, b} == {seed.a, seed.b} else 0.0) for i, a in enumerate(members) for b in members[i + 1 :]]
    return sum(sims) / len(sims) if sims else seed.similarity


def _agreement(members_keys: list[str], best: Link, claims: dict[str, Claim], units: dict[str, TextUnit], story: Story, neighbours: dict[tuple[str, str], float]) -> Agreement:
    """One agreement: its claims (one per document), the shortest of them as its statement.

    ``confidence`` says how surely the cited sentences state the same thing:
    the mean similarity of every pair of them (words and frames, see
    :func:`similarity`) rescaled so that ``LINK`` (the least similarity that
    links two claims) is 0.4 and 0.7 or more is 1.0.
    """
    members = {claims[k].doc: claims[k] for k in members_keys}
    headline = min(members.values(), key=lambda c: (bool(_OPENER.match(c.text)), len(c.text), c.doc))
    terms = _shared_terms(units[best.a], units[best.b])
    mean = _mean_similarity(members_keys, neighbours, best)
    why = f"{len(members)} sources; mean similarity {mean:.2f}; shared: {_describe(terms, story)}"
    if best.frames is not None:
        why += f"; same frame: {_describe_frames(best.frames, story)}"
    return Agreement(
        claim=_statement(headline.text),
        evidence=[_span(c, Span) for _, c in sorted(members.items())],
        confidence=_confidence(mean),
        claims=[c.id for _, c in sorted(members.items())],
        why=why,
    )


def _source(story: Story, doc: str) -> str:
    return next((d.source or d.id for d in story.documents if d.id == doc), doc)


def _what(link: Link, units: dict[str, TextUnit], story: Story) -> str:
    """What two linked claims are about: their shared frame, else their most telling shared terms."""
    if link.frames is not None:
        return _describe_frames(link.frames, story)
    return _describe(_shared_terms(units[link.a], units[link.b], 3), story)


def _stance(unit: TextUnit, other: TextUnit, link: Link, side: int, story: Story) -> str:
    """How one side of an opposed link stands: it says so, says not, denies, doubts."""
    if link.opposition and "different actors" in link.opposition and link.frames is not None:
        names = {a.id: a.name for a in story.actors}
        return "names " + " and ".join(names.get(x, x) for x in sorted(link.frames[side].subj - link.frames[side].args))
    if unit.denied:
        return "reports a denial"
    if unit.doubt:
        return "casts doubt on it"
    if link.frames is not None:
        return "says not" if link.frames[side].negated else "says so"
    shared = unit.predicates & other.predicates
    return "says not" if any(p in unit.negated and p not in other.negated for p in shared) else "says so"


def _link_kind(why: str) -> str:
    for cue, kind in (
        ("doubt", "doubt"), ("denial", "denial"), ("different actors", "who"), ("figures", "count"),
        ("characterisations", "characterisation"), ("opposite", "opposite"), ("negated", "negation"),
    ):
        if cue in why:
            return kind
    return "negation"


#: The two sides named in an opposition: "opposite predicates 'rise' / 'fall'", "different figures for 'kill': four / five".
_OPPOSED_WORDS = re.compile(r"(?:opposite predicates|opposite characterisations of '[^']*':|different figures for '[^']*':)\s*'?([^'/]+?)'?\s*/\s*'?([^'/]+?)'?$")


def _sides(link: Link, group_of: dict[str, list[str]], units: dict[str, TextUnit]) -> tuple[list[str], list[str]]:
    """Each side of an opposed link with the claims of further sources that agree with it (its agreement's other
    claims): "Post says X; AP and Daily News say not X" is one divergence of three positions, one per source.

    No document is cited twice; sides are not grown when one agreement holds both claims.
    """
    side_a, side_b = [link.a], [link.b]
    ga, gb = group_of.get(link.a, []), group_of.get(link.b, [])
    if link.b in ga or link.a in gb:
        return side_a, side_b
    docs = {units[link.a].doc, units[link.b].doc}
    for side, group in ((side_a, ga), (side_b, gb)):
        for k in sorted(group, key=lambda k: units[k].doc):
            if units[k].doc not in docs:
                side.append(k)
                docs.add(units[k].doc)
    return side_a, side_b


_STANCE_VERB = re.compile(r"^(say|report|cast|name)s\b")


def _agree_verb(stance: str, side: list[str]) -> str:
    """ "says not" of one source, "say not" of several."""
    return stance if len(side) < 2 else _STANCE_VERB.sub(r"\1", stance)


def _sources(story: Story, keys: list[str], claims: dict[str, Claim]) -> str:
    return ", ".join(dict.fromkeys(_source(story, claims[k].doc) for k in keys))


def _divergence(
    link: Link, claims: dict[str, Claim], units: dict[str, TextUnit], story: Story, sides: tuple[list[str], list[str]] | None = None
) -> Divergence:
    """A divergence of two claims, titled as a plain sentence: what, then each side's stance with its sources
    (``sides``: the claims on each side, each opposed claim first; by default the two claims alone)."""
    a = claims[link.a]
    side_a, side_b = sides or ([link.a], [link.b])
    names = {f"@{actor.id}": actor.name for actor in story.actors}
    why = _ACTOR_TERM.sub(lambda m: names.get(m.group(0), m.group(0)), link.opposition or "")
    what = _what(link, units, story) or a.text[:60]
    stance_a, stance_b = _stance(units[link.a], units[link.b], link, 0, story), _stance(units[link.b], units[link.a], link, 1, story)
    pair = _OPPOSED_WORDS.search(link.opposition or "")
    if pair is not None:
        stance_a, stance_b = f"says {pair.group(1)}", f"says {pair.group(2)}"
    elif stance_a == stance_b:
        stance_a, stance_b = "says one thing", "another"
    stance_a, stance_b = _agree_verb(stance_a, side_a), _agree_verb(stance_b, side_b)
    topic = f"{what[:1].upper()}{what[1:]}: {_sources(story, side_a, claims)} {stance_a}; {_sources(story, side_b, claims)} {stance_b}"
    cited = [claims[k] for k in side_a + side_b]
    return Divergence(
        topic=topic,
        positions=[_span(c, Position) for c in cited],
        confidence=_confidence(link.similarity) if link.similarity >= LINK else 0.3,
        claims=[c.id for c in cited],
        why=why or None,
        kind=_link_kind(link.opposition or ""),
    )


def _reckoned(story: Story, claims: dict[str, Claim], units: dict[str, TextUnit]) -> dict[str, list[Reckoned]]:
    """Positions of the claims told as steps from another ("eight stories below" the 23rd floor told just before)."""
    out: dict[str, list[Reckoned]] = {}
    docs = {d.id: d for d in story.documents}
    for key, c in claims.items():
        doc = docs.get(c.doc)
        if doc is None:
            continue
        window = max((x.start for x in doc.sentences if x.end <= c.start), default=c.start)
        found = reckoned_figures(doc.text, window, c.start, c.end, frozenset(units[key].terms))
        if found:
            out[key] = found
    return out


def _ordinal_name(fig: FigureLike) -> str:
    """ "15th floor": a reckoned position, which has no text of its own to show."""
    return f"{ordinal(int(fig.quantity.value))} {fig.quantity.unit}"


def _figure_divergence(conflict: FigureConflict, claims: dict[str, Claim], units: dict[str, TextUnit], story: Story) -> Divergence:
    """ "Age (Love): 32 (AP) vs 33 (Guardian, BBC)": each value with the sources that give it.

    ``confidence`` is on the agreements' scale (how alike the claims are in
    words: ``LINK`` is 0.4, 0.7 or more is 1.0), and 0.3 for claims less alike
    than ``LINK`` (same figure context, but little else in common).
    """
    by_value: dict[float, list[tuple[str, FigureLike]]] = {}
    for key, fig in conflict.positions:
        by_value.setdefault(fig.quantity.value, []).append((key, fig))
    parts = []
    for _value, members in sorted(by_value.items(), key=lambda kv: min(claims[k].doc for k, _f in kv[1])):
        # a value stated outright names it; a source reckoned to give it says how ("AP: eight stories below, from the 23rd floor")
        stated = [(k, f) for k, f in members if not isinstance(f, Reckoned)]
        told = [_source(story, claims[k].doc) for k, _f in stated] + [f"{_source(story, claims[k].doc)}: {f.quantity.text}" for k, f in members if isinstance(f, Reckoned)]
        shown = format_value(stated[0][1]) if stated else _ordinal_name(members[0][1])
        parts.append(f"{shown} ({', '.join(dict.fromkeys(told))})")
    label = conflict.label.capitalize()
    if conflict.kind == "ordinal":
        label = f"Which {conflict.unit}"
    if conflict.kind == "count":
        noun = conflict.positions[0][1].quantity.text.split()[-1]
        label = f"Number of {noun}"
    about = conflict.anchor or tuple(_shared_terms(units[conflict.positions[0][0]], units[conflict.positions[1][0]], 2))
    context = _describe(list(about[:3]), story)
    title = f"{label} ({context}): " if context else f"{label}: "
    cited = [claims[k] for k, _f in conflict.positions]
    return Divergence(
        topic=title + " vs ".join(parts),
        positions=[_span(c, Position) for c in cited],
        confidence=_confidence(conflict.similarity) if conflict.similarity >= LINK else 0.3,
        claims=[c.id for c in cited],
        why=f"different {conflict.label} given for the same thing"
        + (f" (near: {_describe(list(conflict.anchor), story)})" if conflict.anchor else ""),
        kind=conflict.kind,
    )


def _speaker_divergence(conflict: SpeakerConflict, claims: dict[str, Claim], story: Story) -> Divergence:
    """ "Who said “we are cooperating fully with all”: the Acme Corporation (AP) vs Ann Lee (Reuters)"."""
    names = {a.id: a.name for a in story.actors}
    cited = [claims[k] for k in conflict.claims]
    sides = " vs ".join(f"{names.get(sp, sp)} ({_source(story, c.doc)})" for sp, c in zip(conflict.speakers, cited, strict=True))
    return Divergence(
        topic=f"Who said \u201c{conflict.words}\u201d: {sides}",
        positions=[_span(c, Position) for c in cited],
        confidence=SPEAKER_CONFIDENCE,
        claims=[c.id for c in cited],
        why="the same words credited to different speakers",
        kind="who",
    )


def _scope_divergence(conflict: ScopeConflict, claims: dict[str, Claim], units: dict[str, TextUnit], story: Story) -> Divergence:
    """ "Scope (athlete, union): Tribune says public university; LA Times, AP say private school, not public"."""
    first = claims[conflict.claim]
    about = [t for t in _shared_terms(units[conflict.claim], units[conflict.limits[0][0]], 6) if t not in {conflict.quality, conflict.limits[0][1]}][:2]
    what = f" ({_describe(about, story)})" if about else ""
    noun = _describe([conflict.noun], story) or conflict.noun
    parts = [f"{_source(story, first.doc)} says {conflict.quality} {noun}"]
    by_kind: dict[tuple[str, str], list[str]] = {}
    for k, o, n, _s in conflict.limits:
        by_kind.setdefault((o, n), []).append(k)
    for (o, n), keys in sorted(by_kind.items()):
        parts.append(f"{_sources(story, keys, claims)} {_agree_verb('says', keys)} {o} {_describe([n], story) or n}, not {conflict.quality}")
    cited = [first, *(claims[k] for k, *_r in conflict.limits)]
    best = max(s for *_r, s in conflict.limits)
    return Divergence(
        topic=f"Scope{what}: " + "; ".join(parts),
        positions=[_span(c, Position) for c in cited],
        confidence=_confidence(best) if best >= LINK else 0.3,
        claims=[c.id for c in cited],
        why=f"one side extends it to '{conflict.quality}', the other limits it to the opposite and rules '{conflict.quality}' out",
        kind="scope",
    )


def _hedge_divergence(conflict: HedgeConflict, claims: dict[str, Claim], units: dict[str, TextUnit], asked: TextUnit, story: Story) -> Divergence:
    """ "Whether Ann Lee knew (payment): AP answers “Not that I'm aware of”; Reuters, BBC say Ann Lee did not; CNN says so"."""
    names = {f"@{a.id}": a.name for a in story.actors}
    knower = names.get(conflict.knower or "", "they")
    weight: dict[str, float] = {}
    for k, _knew, _s in conflict.flat:
        for t in _shared_terms(asked, units[k], 6):
            weight[t] = weight.get(t, 0.0) + asked.weights[t] * units[k].weights[t]
    about = [t for t, _w in sorted(weight.items(), key=lambda tw: (-tw[1], tw[0])) if t != conflict.knower and t not in KNOWLEDGE_PREDICATES][:2]
    what = f" ({_describe(about, story)})" if about else ""
    hedge = claims[conflict.hedge]
    parts = [f"{_source(story, hedge.doc)} answers \u201c{conflict.words}\u201d (neither yes nor no)"]
    for knew, verb in ((False, "did not know"), (True, "knew")):
        keys = [k for k, k_knew, _s in conflict.flat if k_knew == knew]
        if keys:
            parts.append(f"{_sources(story, keys, claims)} {_agree_verb('says', keys)} {knower} {verb}")
    cited = [hedge, *(claims[k] for k, _knew, _s in conflict.flat)]
    best = max(s for _k, _knew, s in conflict.flat)
    return Divergence(
        topic=f"Whether {knower} knew{what}: " + "; ".join(parts),
        positions=[_span(c, Position) for c in cited],
        confidence=_confidence(min(best, 0.7)) if best >= LINK else 0.3,
        claims=[c.id for c in cited],
        why="a hedged answer on what one knew against flat statements of it",
        kind="knowledge",
    )


def _answer_score(question: TextUnit, candidate: TextUnit, families: Families, focus: float = FOCUS_BONUS) -> tuple[float, float]:
    """An answer's score: its similarity, plus ``focus`` when it uses the question's main predicate ("Did X *know* ...")."""
    sim = similarity(question, candidate, families)
    bonus = focus if question.focus & set(candidate.terms) else 0.0
    return sim.combined + bonus, sim.frame


def _units(story: Story, ctx: Context) -> ClaimUnits:
    if ctx.claim_units is None:  # the contract check makes this unreachable from run_pipeline
        raise ConfigError("pipeline", "stage 'compare' requires claim_units, which no earlier stage assigns; add 'claims' before it")
    return ctx.claim_units


def _setting(ctx: Context, key: str, default: float, section: str = "compare") -> float:
    """A ``[compare]`` (or ``[compare.answers]``) setting of this run's options (the module constant when absent)."""
    return float(ctx.options.section(section).get(key, default))


@register_stage("compare", requires=("claims", "questions", "claim_units"), assigns=("agreements", "divergences", "answers"), uses=("quotes",))
def compare_sources(story: Story, ctx: Context) -> Story:
    """Fill ``agreements``, ``divergences``, ``Claim.unique`` and question answers."""
    link = _setting(ctx, "link", LINK)
    floor = _setting(ctx, "join_floor", JOIN_FLOOR)
    diverge = _setting(ctx, "diverge", DIVERGE)
    cu = _units(story, ctx)
    units = cu.claims
    fold_prefixes([*units.values(), *(u for _, u in cu.questions)])
    fold_derivations([*units.values(), *(u for _, u in cu.questions)])
    idf = idf_weights([*units.values(), *(u for _, u in cu.questions)])
    for u in [*units.values(), *(u for _, u in cu.questions)]:
        weigh(u, idf)
    claims = {c.id: c for c in story.claims if c.id in units}
    units = {k: u for k, u in units.items() if k in claims}
    families = actor_families(story)
    pairs, budget = candidate_pairs(
        units, int(_setting(ctx, "max_pairs", MAX_PAIRS)), _setting(ctx, "index_share", INDEX_SHARE), int(_setting(ctx, "index_postings", INDEX_POSTINGS))
    )
    story.limits = [lim for lim in story.limits if lim.stage != "compare"]  # a second run starts afresh
    if budget.scored < budget.possible:
        story.limits.append(Limit(stage="compare", setting="[compare] max_pairs", what="claim pairs of different sources", total=budget.possible, kept=budget.scored))
    neighbours: dict[tuple[str, str], float] = {}
    links = align_claims(units, link, families, pairs, diverge, neighbours, floor)
    agree = [lk for lk in links if lk.opposition is None]
    oppose = [lk for lk in links if lk.opposition is not None]
    taken = {k for lk in oppose for k in (lk.a, lk.b)}
    oppose += doubt_against_prediction(units, taken)
    opposed = frozenset(p for lk in oppose for p in ((lk.a, lk.b), (lk.b, lk.a)))
    groups = _group(agree, units, neighbours, link, floor, opposed)
    agreements = [_agreement(members, best, claims, units, story, neighbours) for members, best in groups]
    agreements.sort(key=lambda x: (-len(x.evidence), -(x.confidence or 0), x.claims))
    story.agreements = _kept(agreements, int(_setting(ctx, "agreement_sources", AGREEMENT_SOURCES)), _setting(ctx, "agreement_keep", AGREEMENT_KEEP))
    story.agreements = story.agreements[: int(_setting(ctx, "max_agreements", MAX_ITEMS))]
    group_of = {k: members for members, _ in groups for k in members}  # each agreeing claim's agreement
    divergences = [_divergence(lk, claims, units, story, _sides(lk, group_of, units)) for lk in _one_per_claim(oppose)]
    claim_texts = {k: c.text for k, c in claims.items()}
    threshold = _setting(ctx, "answer_threshold", ANSWER_THRESHOLD, "compare.answers")
    focus = _setting(ctx, "answer_focus", FOCUS_BONUS, "compare.answers")
    conflicts = figure_conflicts(
        units, pairs, cosine, enough_overlap, _setting(ctx, "figure_similarity", FIGURE_SIMILARITY), _setting(ctx, "date_similarity", DATE_SIMILARITY),
        claim_texts, _reckoned(story, claims, units),
    )
    divergences += [_figure_divergence(c, claims, units, story) for c in conflicts]
    cited = {k for d in divergences for k in d.claims}
    divergences += [
        _speaker_divergence(c, claims, story)
        for c in speaker_conflicts(story, int(_setting(ctx, "same_quote_words", SAME_QUOTE_WORDS)))
        if not cited & set(c.claims) and all(k in claims for k in c.claims)
    ]
    asked = {u.key: u for _q, u in cu.questions} | units
    hedges = hedge_conflicts(
        units, claim_texts, [u for _q, u in cu.questions], lambda q, c: _answer_score(q, c, families, focus)[0], threshold, DENIAL_VERBS,
    )
    cited = {k for d in divergences for k in d.claims}
    scopes = scope_conflicts(units, pairs, cosine, ANTONYMS, claim_texts, _setting(ctx, "scope_similarity", SCOPE_SIMILARITY))
    divergences += [_scope_divergence(c, claims, units, story) for c in scopes if cited.isdisjoint([c.claim, *(k for k, *_r in c.limits)])]
    cited = {k for d in divergences for k in d.claims}
    divergences += [_hedge_divergence(h, claims, units, asked[h.asked], story) for h in hedges if cited.isdisjoint([h.hedge, *(k for k, _n, _s in h.flat)])]
    divergences.sort(key=lambda x: (-(x.confidence or 0), x.claims))
    story.divergences = divergences[: int(_setting(ctx, "max_divergences", MAX_DIVERGENCES))]
    if len({c.doc for c in story.claims}) > 1:
        # a claim linked to another source (by words or by frame) is not unique to its source
        linked = {k for lk in links for k in (lk.a, lk.b)} | {k for pair in neighbours for k in pair}
        linked |= {k for a, b in pairs if a not in linked or b not in linked if cosine(units[a], units[b]) >= UNIQUE for k in (a, b)}
        for c in story.claims:
            if c.id in units:
                c.unique = c.id not in linked
    texts = {d.id: d.text for d in story.documents}
    postings: dict[str, list[TextUnit]] = {}
    for u in units.values():
        for t in u.terms:
            postings.setdefault(t, []).append(u)
    most = int(_setting(ctx, "max_answers", MAX_ANSWERS, "compare.answers"))
    share = _setting(ctx, "retold_share", RETOLD_SHARE, "compare.answers")
    retold = {k: [units[m] for m in members if units[m].doc != units[k].doc] for k, members in group_of.items()}  # the same thing, told elsewhere
    for question, unit in cu.questions:
        question.answers, question.confidence, question.answer_kinds = [], [], []
        # only claims sharing a term can answer (see link_answers): the index keeps this linear in the claims
        candidates = sorted({u.key: u for t in unit.terms for u in postings.get(t, [])}.values(), key=lambda u: (u.doc, u.start, u.key))
        link_answers(question, unit, candidates, texts, lambda q, c: _answer_score(q, c, families, focus), threshold, most, retold, share)
    log.info(
        "compare: %d claims, %d of %d pairs scored, %d links, %d agreements, %d divergences",
        len(units), budget.scored, budget.possible, len(links), len(story.agreements), len(story.divergences),
    )
    return story
