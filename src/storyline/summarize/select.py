"""Score candidate sentences and pick the brief under a word budget.

The score of a sentence combines, with weights in :class:`Weights` (each
measured on the Multi-News dev sample; see benchmarks/summarize_multinews.py):

- **lead**: news puts the key facts first, so early sentences of each
  article score higher (a decaying prior on the sentence's position);
- **centrality**: TF-IDF cosine between the sentence and the whole story
  (IDF over the story's own sentences);
- **agreement**: the share of *other* outlets that carry a similar
  sentence (off by default: the coverage gain below already weighs each
  concept by the number of outlets that use it, and the sentence-level
  count on top of it lost ROUGE on both dev halves);
- **headline**: cosine to the outlets' headlines and standfirsts;
- **testimony and rhetoric**: a bonus for words inside quotation marks
  (what the people involved said), a penalty for first- and second-person
  address outside quotes (columnist rhetoric, "you should...");
- **coverage**: during the greedy choice, the weight of the story's
  concepts (content-term unigrams and bigrams, weighted by how many outlets
  use them; a concept of one outlet weighs nothing) that the sentence adds
  to the brief, per word.

Selection is greedy: the best remaining sentence enters the brief unless it
repeats one already chosen (cosine above ``Weights.redundancy``, or most of
its content terms already in it: ``Weights.containment``), so one fact told
by several outlets is one bullet. A sentence that leans on its predecessor
(see :mod:`.readable`) waits until that predecessor is chosen. Sentences
that do not fit the budget are skipped, never cut. Each chosen sentence
then collects its support: the sentences of other documents that tell the
same thing (cosine above ``cite_threshold``, or above ``cite_floor`` while
sharing ``cite_terms`` content terms).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .candidates import Candidate

__all__ = ["Pick", "Selection", "Weights", "score_candidates", "select_sentences", "similarity_matrix"]


@dataclass(frozen=True)
class Weights:
    """Weights of the sentence score and the selection thresholds."""

    lead: float = 2.0
    lead_decay: float = 0.5  # prior = 1 / (1 + position) ** lead_decay
    centrality: float = 2.0
    agreement: float = 0.0  # off: the coverage gain weighs each concept by the outlets using it (measured on the dev halves)
    agreement_threshold: float = 0.3  # cosine above which another outlet "carries" the sentence
    entities: float = 0.0
    quoted: float = 0.6  # weight of the share of words inside quotation marks (attributed testimony)
    person_penalty: float = 0.3  # first- or second-person address outside quotes (columnist rhetoric)
    redundancy: float = 0.3  # cosine above which a sentence repeats a chosen one
    lead_first: bool = True  # the first pick is the best-scored sentence, before any coverage gain
    fill_redundancy: float = 0.0  # when budget is left, a second pass with this looser threshold (0 = none)
    mmr: float = 0.0  # score minus mmr * (highest cosine to a chosen sentence)
    coverage: float = 3.0  # weight of the new-concept gain (see _Concepts)
    coverage_length: float = 0.8  # gain divided by words ** coverage_length
    cite_threshold: float = 0.5  # cosine above which a sentence is cited as carrying a chosen one
    cite_floor: float = 0.25  # ... or above this, when it also shares cite_terms content terms
    cite_terms: int = 4
    min_words: int = 8
    dangling_penalty: float = 0.0  # opens on a pronoun or connective
    headline: float = 0.5  # weight of the highest cosine to a headline or standfirst
    signals: float = 0.0  # weight of the story's own signals (events, agreements, actors; see signals.py)
    containment: float = 0.7  # share of a sentence's content terms in a chosen one above which it repeats it (0 = off)
    concept_docs: int = 2  # outlets a concept needs to count in the coverage gain
    concept_bigram: float = 1.0  # weight of a bigram concept relative to a unigram held by as many outlets


@dataclass
class Pick:
    """A chosen sentence and the other candidates that carry the same fact."""

    index: int
    support: list[int] = field(default_factory=list)  # best first


@dataclass
class Selection:
    """The chosen sentences, in the order they were chosen, and every candidate's score."""

    picks: list[Pick]
    scores: dict[int, float]


def _term_matrix(term_lists: list[list[str]], n_idf: int | None = None) -> np.ndarray:
    """Rows: sentences; columns: terms; values: TF-IDF, rows L2-normalized.

    IDF is counted over the first ``n_idf`` rows (the candidates; headlines
    follow them). Only terms found in two rows or more get a column (a term
    of one row adds nothing to any cosine); every term counts in the norms,
    so the matrix stays small for long stories and cosines stay exact.
    """
    rows = [Counter(terms) for terms in term_lists]
    n_idf = len(term_lists) if n_idf is None else n_idf
    df_idf: Counter[str] = Counter()
    df_all: Counter[str] = Counter()
    for i, counts in enumerate(rows):
        df_all.update(counts.keys())
        if i < n_idf:
            df_idf.update(counts.keys())
    vocab = {t: k for k, t in enumerate(t for t, n in df_all.items() if n >= 2)}
    m = np.zeros((len(term_lists), max(len(vocab), 1)), dtype=np.float32)
    norms = np.ones((len(term_lists), 1), dtype=np.float32)
    for i, counts in enumerate(rows):
        total = 0.0
        for t, n in counts.items():
            value = (1.0 + math.log(n)) * (math.log((1.0 + n_idf) / (1.0 + df_idf[t])) + 1.0)
            total += value * value
            col = vocab.get(t)
            if col is not None:
                m[i, col] = value
        norms[i, 0] = math.sqrt(total) or 1.0
    return m / norms


def similarity_matrix(cands: list[Candidate], headlines: list[list[str]] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(TF-IDF rows, cosine between every pair of candidates, highest cosine of each to a headline)."""
    heads = headlines or []
    full = _term_matrix([c.terms for c in cands] + heads, n_idf=len(cands))
    m = full[: len(cands)]
    head = (m @ full[len(cands):].T).max(axis=1) if heads else np.zeros(len(cands))
    return m, m @ m.T, head


def score_candidates(cands: list[Candidate], sims: np.ndarray, m: np.ndarray, w: Weights, head: np.ndarray | None = None) -> np.ndarray:
    """One score per candidate (higher is better)."""
    n = len(cands)
    if n == 0:
        return np.zeros(0)
    centroid = m.sum(axis=0)
    norm = float(np.linalg.norm(centroid)) or 1.0
    central = m @ (centroid / norm)
    docs = np.array([c.doc_index for c in cands])
    n_docs = len(set(docs.tolist()))
    agree = np.zeros(n)
    if n_docs > 1:
        # number of other documents holding a similar sentence: the similar pairs or-ed over each document's columns
        # (one pass over the matrix, not one per pair of documents)
        order = np.argsort(docs, kind="stable")
        by_doc = docs[order]
        starts = np.flatnonzero(np.r_[True, by_doc[1:] != by_doc[:-1]])
        holds = np.logical_or.reduceat(sims[:, order] > w.agreement_threshold, starts, axis=1)
        holds[np.arange(n), np.searchsorted(by_doc[starts], docs)] = False  # its own document does not count
        agree = holds.sum(axis=1) / (n_docs - 1)
    lead = np.array([1.0 / (1.0 + c.position) ** w.lead_decay for c in cands])
    info = np.array([(len(c.entities) + c.numbers) / max(c.words, 1) for c in cands])
    quote = np.array([c.quoted for c in cands])
    person = np.array([1.0 if (c.first_person or c.second_person) else 0.0 for c in cands])
    dangling = np.array([1.0 if c.dangling else 0.0 for c in cands])
    score = (w.lead * lead + w.centrality * central + w.agreement * agree + w.entities * info
             + w.quoted * quote - w.person_penalty * person - w.dangling_penalty * dangling)
    if head is not None:
        score = score + w.headline * head
    short = np.array([c.words < w.min_words or c.unattributed or (c.needy and c.prev is None) for c in cands])
    score[short] -= 10.0
    result: np.ndarray = score
    return result


@dataclass
class _Concepts:
    """Content-term unigrams and bigrams of each sentence, with story-wide weights."""

    of: list[set[str]]
    weight: dict[str, float]

    def gain(self, i: int, covered: set[str]) -> float:
        return sum(self.weight[c] for c in self.of[i] if c not in covered)


def _concepts(cands: list[Candidate], w: Weights) -> _Concepts:
    """Each concept weighs the number of outlets that use it (bigrams ``w.concept_bigram`` times that).

    A concept only one outlet uses weighs nothing (``w.concept_docs``: the
    outlets a concept needs): what several sources tell is what the story is
    about, while one outlet's own angle, colour and boilerplate are not (a
    story of one outlet has no such concept: its brief is chosen by score).
    """
    of: list[set[str]] = []
    docs_of: dict[str, set[int]] = {}
    for c in cands:
        terms = c.terms
        items = set(terms) | {f"{a} {b}" for a, b in itertools.pairwise(terms)}
        of.append(items)
        for it in items:
            docs_of.setdefault(it, set()).add(c.doc_index)
    weight = {k: len(docs_of[k]) * (w.concept_bigram if " " in k else 1.0) if len(docs_of[k]) >= w.concept_docs else 0.0
              for k in docs_of}
    top = max(weight.values(), default=1.0) or 1.0
    return _Concepts(of, {k: v / top for k, v in weight.items()})


#: The similarity given to a sentence the compare stage linked to a chosen one: above any redundancy threshold.
LINKED = 2.0


class _Greedy:
    """The greedy choice, resumable with a looser redundancy threshold."""

    def __init__(
        self, cands: list[Candidate], score: np.ndarray, sims: np.ndarray, concepts: _Concepts | None, budget: int, w: Weights
    ) -> None:
        self.cands, self.score, self.sims, self.concepts, self.budget, self.w = cands, score, sims, concepts, budget, w
        self.picks: list[Pick] = []
        self.used = 0
        self.max_sim = np.zeros(len(cands))
        self.covered: set[str] = set()
        self.same: np.ndarray | None = None  # same[i, j]: sentences i and j tell one fact (from the compare stage)
        self.inside: _Containment | None = None  # inside[j, i]: share of j's content terms that sentence i holds
        self._gains: list[float] | None = None  # each sentence's gain per word, for the concepts in _gains_for
        self._gains_for: set[str] = set()
        self._holders: dict[str, list[int]] = {}  # concept -> the sentences holding it

    def _gain(self, i: int) -> float:
        assert self.concepts is not None
        per_word: float = self.concepts.gain(i, self.covered) / max(self.cands[i].words, 1) ** self.w.coverage_length
        return per_word

    def _gain_list(self) -> list[float]:
        """Every sentence's gain per word; after a pick only the sentences sharing a newly covered concept are summed again."""
        assert self.concepts is not None
        if self._gains is None:
            self._gains = [self._gain(i) for i in range(len(self.cands))]
            for i, items in enumerate(self.concepts.of):
                for c in items:
                    self._holders.setdefault(c, []).append(i)
        else:
            new = self.covered - self._gains_for  # covered only grows
            for i in sorted({i for c in new for i in self._holders.get(c, ())}):
                self._gains[i] = self._gain(i)
        self._gains_for = set(self.covered)
        return self._gains

    def _total(self) -> np.ndarray:
        total = self.score - self.w.mmr * self.max_sim
        if self.concepts is not None:
            total = total + self.w.coverage * np.array(self._gain_list())
        return total

    def run(self, redundancy: float) -> None:
        chosen = {p.index for p in self.picks}
        alive = np.array([self.score[i] > -5.0 and i not in chosen for i in range(len(self.cands))])
        needy = [i for i, c in enumerate(self.cands) if c.needy]
        while alive.any() and self.budget - self.used >= self.w.min_words:
            total = self.score.copy() if (self.w.lead_first and not self.picks) else self._total()
            total[~alive] = -np.inf
            for k in needy:  # a sentence that leans on its predecessor waits for it to be chosen
                if self.cands[k].prev not in chosen:
                    total[k] = -np.inf
            i = int(np.argmax(total))
            if not np.isfinite(total[i]):
                break
            alive[i] = False
            c = self.cands[i]
            if self.used + c.words > self.budget or self.max_sim[i] > redundancy:
                continue
            self.picks.append(Pick(i))
            chosen.add(i)
            self.used += c.words
            self.max_sim = np.maximum(self.max_sim, self.sims[i])
            if self.same is not None:
                self.max_sim[self.same[i]] = LINKED  # the comparison found they tell this same fact (or dispute it)
            if self.inside is not None:
                self.max_sim[self.inside.column(i) >= self.w.containment] = LINKED  # it says little the chosen one does not
            if self.concepts is not None:
                self.covered |= self.concepts.of[i]


_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def _supporting(i: int, cands: list[Candidate], sims: np.ndarray, w: Weights) -> list[int]:
    """Sentences of other documents that tell what sentence ``i`` tells, best first.

    Similar wording is not enough when the figures differ: a supporting
    sentence must hold every number the chosen sentence states.
    """
    mine = set(cands[i].terms)
    figures = _numbers(cands[i].text)
    out = []
    for j in np.argsort(-sims[i]).tolist():
        if sims[i, j] <= w.cite_floor:
            break
        if j == i or cands[j].doc == cands[i].doc:
            continue
        if figures and not figures <= _numbers(cands[j].text):
            continue
        if sims[i, j] > w.cite_threshold or len(mine & set(cands[j].terms)) >= w.cite_terms:
            out.append(j)
    return out


class _Containment:
    """inside[j, i]: the share of sentence j's distinct content terms that sentence i also holds.

    Only the columns of chosen sentences are ever read, so each is counted
    when asked for, from an index of the terms (not an all-pairs matrix).
    """

    def __init__(self, cands: list[Candidate]) -> None:
        self.terms = [set(c.terms) for c in cands]
        self.holders: dict[str, list[int]] = {}
        for k, ts in enumerate(self.terms):
            for t in ts:
                self.holders.setdefault(t, []).append(k)
        self.sizes = np.maximum(np.array([len(ts) for ts in self.terms], dtype=np.float32), np.float32(1.0))
        self._columns: dict[int, np.ndarray] = {}

    def column(self, i: int) -> np.ndarray:
        """inside[:, i]: how much of every sentence sentence ``i`` holds (0 for itself)."""
        col = self._columns.get(i)
        if col is None:
            shared = np.zeros(len(self.terms), dtype=np.float32)
            for t in self.terms[i]:
                shared[self.holders[t]] += np.float32(1.0)
            col = shared / self.sizes
            col[i] = 0.0
            self._columns[i] = col
        return col


def select_sentences(cands: list[Candidate], budget: int, w: Weights | None = None, bonus: np.ndarray | None = None,
                     headlines: list[list[str]] | None = None, same: np.ndarray | None = None,
                     agree: np.ndarray | None = None) -> Selection:
    """Greedy, redundancy-aware choice of whole sentences within ``budget`` words.

    ``bonus`` (one value per candidate, 0..1) carries signals from other
    stages; it is added with weight ``w.signals``. ``same`` (boolean, one
    row per candidate) marks sentences the comparison of sources links to
    each other (an agreement or a divergence): one of them enters the brief,
    never two. ``agree`` marks those that state one fact (an agreement): they
    are cited as the chosen sentence's support first.
    """
    w = w or Weights()
    if not cands:
        return Selection([], {})
    m, sims, head = similarity_matrix(cands, headlines)
    score = score_candidates(cands, sims, m, w, head)
    if bonus is not None and w.signals:
        score = score + w.signals * bonus
    state = _Greedy(cands, score, sims, _concepts(cands, w) if w.coverage else None, budget, w)
    state.same = same
    if w.containment:
        state.inside = _Containment(cands)
    state.run(w.redundancy)
    if w.fill_redundancy > w.redundancy:
        state.run(w.fill_redundancy)
    picks = state.picks
    chosen = {p.index for p in picks}
    for p in picks:
        p.support = _supporting(p.index, cands, sims, w)
        if state.inside is not None:  # a sentence of another outlet that tells part of it, and no figure it lacks
            held = _numbers(cands[p.index].text)
            inside = state.inside.column(p.index)
            told = [int(j) for j in np.argsort(-inside) if inside[j] >= w.containment]
            p.support += [j for j in told if j not in chosen and j not in p.support and cands[j].doc != cands[p.index].doc
                          and _numbers(cands[j].text) <= held]
        if agree is not None:
            linked = [int(j) for j in np.flatnonzero(agree[p.index]) if cands[int(j)].doc != cands[p.index].doc]
            p.support = [*linked, *(j for j in p.support if j not in linked)]
    return Selection(picks, {i: float(score[i]) for i in range(len(cands))})
