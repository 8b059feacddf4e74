"""Which claim pairs the comparison scores: all of them in a small story, an index of shared terms in a large one.

Scoring every pair of claims of different documents is quadratic (a
200-article story has millions of pairs). When a story has more pairs than
the budget (``[compare] max_pairs``), candidate pairs come from an inverted
index of the claims' terms (content lemmas and actors): two claims are a
candidate when they share a term that is not in more than ``index_share`` of
all claims (the story's backdrop words link everything with everything) nor
in more than ``index_postings`` claims (so that the work per claim is bounded
and the index stays linear in the claims, however long the story). If the
index still yields more than the budget, the pairs sharing the most index
weight (summed idf of shared terms) are kept and the rest are cut; the
:class:`Budget` says how many.
"""

from __future__ import annotations

import bisect
import heapq
import logging
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from ..claim_features.features import TextUnit
from ..settings import tuned_int

__all__ = ["INDEX_POSTINGS", "Budget", "candidate_pairs"]

#: A term held by more claims than this is not indexed (``[compare] index_postings``).
INDEX_POSTINGS = tuned_int("compare", "index_postings")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Budget:
    """What the candidate selection did: pairs possible, pairs the index found, pairs scored."""

    possible: int
    indexed: int
    scored: int

    @property
    def cut(self) -> int:
        """Pairs of different documents that were never scored."""
        return self.possible - self.scored


def candidate_pairs(
    units: Mapping[str, TextUnit], max_pairs: int, index_share: float, index_postings: int = INDEX_POSTINGS
) -> tuple[list[tuple[str, str]], Budget]:
    """Claim-id pairs (a from an earlier document than b, sorted) to score, and the budget report."""
    by_doc: dict[str, list[TextUnit]] = defaultdict(list)
    for u in units.values():
        by_doc[u.doc].append(u)
    docs = sorted(by_doc)
    sizes = [len(by_doc[d]) for d in docs]
    total = sum(sizes)
    possible = (total * total - sum(n * n for n in sizes)) // 2
    if possible <= max_pairs:
        pairs = [(a.key, b.key) for i, da in enumerate(docs) for db in docs[i + 1 :] for a in by_doc[da] for b in by_doc[db]]
        return pairs, Budget(possible, possible, possible)
    # Claims in (document, start, key) order; a pair's weight is summed claim by claim (the earlier one,
    # its terms in sorted order) and only the best ``max_pairs`` are held, so memory stays linear in the
    # claims however many pairs share a term.
    order = sorted(units.values(), key=lambda x: (x.doc, x.start, x.key))
    postings: dict[str, list[int]] = defaultdict(list)
    for pos, u in enumerate(order):
        for t in u.terms:
            postings[t].append(pos)
    cap = max(2, min(int(index_share * total), index_postings))
    weight_of = {t: 1.0 / len(plist) for t, plist in postings.items() if len(plist) <= cap}
    next_doc = [0] * len(order)  # the first position of a later document
    end = len(order)
    for pos in range(len(order) - 1, -1, -1):
        if pos + 1 < len(order) and order[pos + 1].doc != order[pos].doc:
            end = pos + 1
        next_doc[pos] = end
    best: list[tuple[float, tuple[str, str]]] = []  # min-heap of (weight, pair): the best max_pairs so far
    indexed = 0
    for pos, a in enumerate(order):
        acc: dict[int, float] = {}
        for t in sorted(a.terms):
            w = weight_of.get(t)
            if w is None:
                continue
            plist = postings[t]
            for q in plist[bisect.bisect_left(plist, next_doc[pos]) :]:
                acc[q] = acc.get(q, 0.0) + w
        indexed += len(acc)
        for q, w in acc.items():
            if len(best) >= max_pairs and w < best[0][0]:
                continue  # lighter than the lightest pair held (a tie is settled by the keys below)
            item = (w, (a.key, order[q].key))
            if len(best) < max_pairs:
                heapq.heappush(best, item)
            elif item > best[0]:
                heapq.heapreplace(best, item)
    pairs = sorted(k for _, k in best)
    budget = Budget(possible, indexed, len(pairs))
    log.warning(
        "compare: %d claim pairs of different sources; %d share an indexed term, %d scored (budget %d); %d never compared",
        possible, indexed, len(pairs), max_pairs, budget.cut,
    )
    return pairs, budget
