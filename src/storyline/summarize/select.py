"""Score candidate sentences and pick the brief under a word budget.

The score of a sentence combines, with weights in :class:`Weights`:

- **lead**: news puts the key facts first, so early sentences of each
  article score higher (a decaying prior on the sentence's position);
- **centrality**: TF-IDF cosine between the sentence and the whole story
  (IDF over the story's own sentences);
- **agreement**: how many *other* outlets carry a similar sentence, the
  cross-source support that a fact told by three outlets deserves;
- **informativeness**: named entities and numbers per word, minus penalties
  for rhetoric a brief does not need: first- and second-person address and
  sentences that are mostly quotation.

Selection is greedy: the best remaining sentence enters the brief unless it
repeats one already chosen (cosine above ``Weights.redundancy``); a repeat
becomes an extra citation of the sentence it repeats instead. Sentences
that do not fit the budget are skipped, never cut.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .candidates import Candidate

__all__ = ["Pick", "Weights", "score_candidates", "select_sentences", "similarity_matrix"]


@dataclass(frozen=True)
class Weights:
    """Weights of the sentence score and the selection thresholds."""

    lead: float = 1.0
    lead_decay: float = 0.5  # prior = 1 / (1 + position) ** lead_decay
    centrality: float = 1.0
    agreement: float = 0.5
    agreement_threshold: float = 0.3  # cosine above which another outlet "carries" the sentence
    entities: float = 0.0
    quote_penalty: float = 0.0
    person_penalty: float = 0.0
    redundancy: float = 0.5  # cosine above which a sentence repeats a chosen one
    cite_threshold: float = 0.45  # cosine above which a sentence is cited as carrying a chosen one
    min_words: int = 8


@dataclass
class Pick:
    """A chosen sentence and the other candidates that carry the same fact."""

    index: int
    support: list[int] = field(default_factory=list)


def _term_matrix(cands: list[Candidate]) -> np.ndarray:
    """Rows: sentences; columns: terms; values: TF-IDF, rows L2-normalized."""
    vocab: dict[str, int] = {}
    rows: list[Counter[str]] = []
    for c in cands:
        counts = Counter(c.terms)
        rows.append(counts)
        for t in counts:
            vocab.setdefault(t, len(vocab))
    m = np.zeros((len(cands), max(len(vocab), 1)), dtype=np.float32)
    for i, counts in enumerate(rows):
        for t, n in counts.items():
            m[i, vocab[t]] = 1.0 + math.log(n)
    df = (m > 0).sum(axis=0)
    idf = np.log((1.0 + len(cands)) / (1.0 + df)) + 1.0
    m *= idf
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def similarity_matrix(cands: list[Candidate]) -> tuple[np.ndarray, np.ndarray]:
    """(TF-IDF rows, cosine similarity between every pair of candidates)."""
    m = _term_matrix(cands)
    return m, m @ m.T


def score_candidates(cands: list[Candidate], sims: np.ndarray, m: np.ndarray, w: Weights) -> np.ndarray:
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
        for d in set(docs.tolist()):
            other = docs != d
            mine = docs == d
            hit = (sims[np.ix_(mine, other)] > w.agreement_threshold)
            # number of other documents holding a similar sentence
            other_docs = docs[other]
            counts = np.zeros(mine.sum())
            for od in set(other_docs.tolist()):
                counts += hit[:, other_docs == od].any(axis=1)
            agree[mine] = counts / (n_docs - 1)
    lead = np.array([1.0 / (1.0 + c.position) ** w.lead_decay for c in cands])
    info = np.array([(len(c.entities) + c.numbers) / max(c.words, 1) for c in cands])
    quote = np.array([c.quoted for c in cands])
    person = np.array([1.0 if (c.first_person or c.second_person) else 0.0 for c in cands])
    score = (w.lead * lead + w.centrality * central + w.agreement * agree + w.entities * info
             - w.quote_penalty * quote - w.person_penalty * person)
    short = np.array([c.words < w.min_words for c in cands])
    score[short] -= 10.0
    return score


def select_sentences(cands: list[Candidate], budget: int, w: Weights | None = None) -> list[Pick]:
    """Greedy, redundancy-aware choice of whole sentences within ``budget`` words."""
    w = w or Weights()
    if not cands:
        return []
    m, sims = similarity_matrix(cands)
    score = score_candidates(cands, sims, m, w)
    order = np.argsort(-score, kind="stable")
    picks: list[Pick] = []
    used = 0
    for i in order.tolist():
        c = cands[i]
        if score[i] < -5.0:
            break
        if used + c.words > budget:
            continue
        if picks and max(sims[i, p.index] for p in picks) > w.redundancy:
            continue
        picks.append(Pick(i))
        used += c.words
        if budget - used < w.min_words:
            break
    for p in picks:
        p.support = [j for j in range(len(cands)) if j != p.index and cands[j].doc != cands[p.index].doc
                     and sims[p.index, j] > w.cite_threshold]
    return picks
