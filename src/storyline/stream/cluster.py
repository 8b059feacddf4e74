"""Online story clustering: each article joins the story it belongs to or opens a new one.

One pass, in arrival order, no look-ahead. Each article is first turned into
its features by the pure function :func:`featurize` (sentences with their
fingerprints and index terms: words, names, numbers and two-word phrases;
see :mod:`storyline.stream.features`), which may run ahead on other workers;
:meth:`Clusterer.assign` then does the one stateful step. An article (less
its recurring boilerplate sentences, :meth:`Clusterer.content`) is a TF-IDF
vector over those terms (document frequencies counted online over the
articles seen so far, never fitted on a corpus; ``idf ** idf_power``, so rare
names, phrases and words weigh most), truncated to its strongest terms. A story is
the sum of its articles' vectors (its centroid, also truncated). Only stories
seen within ``window_hours`` of the stream's clock are *active*; an inverted
index maps each term to the active stories whose centroid carries it, so an
article is compared with the few stories that share its strongest terms, and
the cost per article depends on the active stories, never on all stories
ever seen. An article joins the most similar candidate when the cosine
similarity, minus a penalty per hour since the story was first seen
(``age_penalty``: stories burst and fade, so an old story needs a closer
match) and per hour since it was last seen (``hours_penalty``), reaches
``threshold`` (raised with the log of the number of active stories, and while
document frequencies are young and many stories are active,
:meth:`Clusterer.needed`), else it opens a new story. Where the article has a
sentence embedding (:mod:`storyline.stream.embed`) and the best candidate a
mean embedding, the learned join model (:mod:`storyline.stream.join`) makes
that decision instead, from the score, the embeddings' cosine, the story's
size and age and the runner-up (:meth:`Clusterer.decision_features`): it
joins when the probability reaches ``join_probability``.

The whole state is plain data (:meth:`Clusterer.state` /
:meth:`Clusterer.from_state`), so a store can save it with the assignments
it belongs to and a resumed run continues exactly where the last one stopped.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import ConfigError
from ..settings import packaged_defaults
from .features import ArticleFeatures, featurize
from .join import NO_RUNNER_UP, JoinModel, packaged_model

__all__ = ["ArticleFeatures", "Assignment", "Clusterer", "StreamSettings", "featurize"]

STATE_VERSION = 3  # 3: stories carry their summed embeddings; 2 (without) still loads
_Sum = npt.NDArray[np.float64]
_NO_MODEL = object()


def _packaged(key: str) -> Any:
    """A field whose default is ``key`` of ``[stream]`` in the packaged defaults.toml (the tunables' one home)."""
    return field(default_factory=lambda: packaged_defaults()["stream"][key])


@dataclass(frozen=True)
class StreamSettings:
    """The tunables of the clusterer; each defaults to its value in ``[stream]`` of defaults.toml, where it is described."""

    threshold: float = _packaged("threshold")
    competition: float = _packaged("competition")
    window_hours: float = _packaged("window_hours")
    article_terms: int = _packaged("article_terms")
    story_terms: int = _packaged("story_terms")
    query_terms: int = _packaged("query_terms")
    name_weight: float = _packaged("name_weight")
    number_weight: float = _packaged("number_weight")
    phrase_weight: float = _packaged("phrase_weight")
    lead_sentences: int = _packaged("lead_sentences")
    lead_weight: float = _packaged("lead_weight")
    age_penalty: float = _packaged("age_penalty")
    hours_penalty: float = _packaged("hours_penalty")
    max_candidates: int = _packaged("max_candidates")
    members: int = _packaged("members")
    member_weight: float = _packaged("member_weight")
    warmup: float = _packaged("warmup")
    crowd_margin: float = _packaged("crowd_margin")
    join_model: int = _packaged("join_model")
    join_probability: float = _packaged("join_probability")
    idf_power: float = _packaged("idf_power")
    max_df: float = _packaged("max_df")
    max_df_after: int = _packaged("max_df_after")
    boiler_min_seen: int = _packaged("boiler_min_seen")
    boiler_age_hours: float = _packaged("boiler_age_hours")
    boiler_memory_days: float = _packaged("boiler_memory_days")

    @classmethod
    def from_mapping(cls, values: dict[str, Any], origin: str = "[stream]") -> StreamSettings:
        known = {f.name: f for f in fields(cls)}
        out: dict[str, Any] = {}
        for key, value in values.items():
            if key not in known:
                raise ConfigError(f"stream.{key}", "unknown setting", origin)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ConfigError(f"stream.{key}", "expected a number >= 0", origin)
            out[key] = int(value) if known[key].type == "int" else float(value)
        return cls(**out)


@dataclass(frozen=True)
class Assignment:
    story: str  # the story label, e.g. "s0000042"
    new: bool  # the article opened this story
    similarity: float  # the score of the chosen story (0 for a new story)
    content: str  # the text the decision was made on (boilerplate removed)


class _Story:
    __slots__ = ("centroid", "emb", "first_seen", "last_seen", "members", "n", "norm", "sid")

    def __init__(
        self,
        sid: int,
        centroid: dict[str, float],
        first_seen: float,
        last_seen: float,
        n: int,
        members: list[dict[str, float]] | None = None,
        emb: _Sum | None = None,
    ) -> None:
        self.sid = sid
        self.emb = emb  # the sum of its articles' embeddings (those that had one)
        self.members = members or []
        self.centroid = centroid
        self.norm = math.sqrt(math.fsum(v * v for v in centroid.values())) or 1.0
        self.first_seen = first_seen
        self.last_seen = last_seen
        self.n = n


def _top(vec: dict[str, float], k: int) -> dict[str, float]:
    if len(vec) <= k:
        return vec
    keep = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return dict(keep)


def story_label(sid: int) -> str:
    return f"s{sid:07d}"


class Clusterer:
    """The online clusterer; feed it articles in arrival order with :meth:`add`."""

    def __init__(self, settings: StreamSettings | None = None, model: JoinModel | object | None = _NO_MODEL) -> None:
        """``model`` decides joins (default: the packaged model where ``join_model`` is on; None: the threshold rule)."""
        self.settings = settings or StreamSettings()
        if model is _NO_MODEL:
            model = packaged_model() if self.settings.join_model else None
        self.model: JoinModel | None = model if isinstance(model, JoinModel) else None
        self.df: Counter[str] = Counter()
        self.n_docs = 0
        self.clock = -math.inf
        self.next_sid = 1
        self.active: dict[int, _Story] = {}
        self.postings: dict[str, set[int]] = {}
        self._expiry: list[tuple[float, int]] = []
        self.sentences: dict[int, list[float]] = {}  # fingerprint -> [times seen, first seen]
        self._pruned = 0.0

    # -- vectors -------------------------------------------------------------

    def content(self, features: ArticleFeatures, now: float) -> tuple[str, dict[str, float]]:
        """The text of ``features`` without boilerplate, and the term counts of what is kept.

        The terms of the first ``lead_sentences`` sentences kept (the headline
        or the lede: what the article is about) count ``1 + lead_weight`` times.

        A sentence (of four words or more) seen in more than ``boiler_min_seen``
        articles, the first of them more than ``boiler_age_hours`` ago, is page
        furniture (a sharing widget, a video player notice, an archive note), not
        news: it would tie unrelated stories together. Copies within the window
        (wire copy republished by several outlets) are kept: they are evidence.
        """
        s = self.settings
        keep: list[str] = []
        counts: dict[str, float] = {}
        for sent in features.sentences:
            if s.boiler_min_seen and sent.key is not None:
                seen = self.sentences.get(sent.key)
                if seen is None:
                    self.sentences[sent.key] = [1.0, now]
                else:
                    seen[0] += 1
                    if seen[0] > s.boiler_min_seen and now - seen[1] > s.boiler_age_hours * 3600.0:
                        continue
            keep.append(sent.text)
            boost = 1.0 + s.lead_weight if len(keep) <= s.lead_sentences else 1.0
            for term, n in sent.terms:
                counts[term] = counts.get(term, 0.0) + n * boost
        if s.boiler_min_seen and now - self._pruned > 86400.0:
            self._prune(now)
        return " ".join(keep), counts

    def _prune(self, now: float) -> None:
        horizon = now - self.settings.boiler_memory_days * 86400.0
        self.sentences = {k: v for k, v in self.sentences.items() if v[0] > 1 or v[1] >= horizon}
        self._pruned = now

    def vector(self, counts: dict[str, float]) -> dict[str, float]:
        """Count ``counts`` into the document frequencies and return its unit TF-IDF vector."""
        s = self.settings
        self.n_docs += 1
        self.df.update(counts.keys())
        n = self.n_docs
        common = s.max_df * n if n >= s.max_df_after else math.inf
        vec: dict[str, float] = {}
        for term, tf in counts.items():
            df = self.df[term]
            if df > common:
                continue
            w = (1.0 + math.log(tf)) * (math.log((n + 1) / (df + 1)) + 1.0) ** s.idf_power
            if term[0] == "@":
                w *= s.name_weight
            elif " " in term:
                w *= s.phrase_weight
            elif term[0].isdigit():
                w *= s.number_weight
            vec[term] = w
        vec = _top(vec, s.article_terms)
        norm = math.sqrt(math.fsum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    # -- the active window ---------------------------------------------------

    def _advance(self, t: float | None) -> float:
        if t is not None and t > self.clock:
            self.clock = t
        now = self.clock if self.clock != -math.inf else 0.0
        horizon = now - self.settings.window_hours * 3600.0
        while self._expiry and self._expiry[0][0] < horizon:
            seen, sid = heapq.heappop(self._expiry)
            st = self.active.get(sid)
            if st is not None and st.last_seen == seen:
                self._unindex(st)
                del self.active[sid]
        return now

    def _index(self, st: _Story) -> None:
        for term in st.centroid:
            self.postings.setdefault(term, set()).add(st.sid)

    def _unindex(self, st: _Story) -> None:
        for term in st.centroid:
            ids = self.postings.get(term)
            if ids is not None:
                ids.discard(st.sid)
                if not ids:
                    del self.postings[term]

    # -- assignment ----------------------------------------------------------

    def _candidates(self, vec: dict[str, float]) -> list[int]:
        s = self.settings
        query = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[: s.query_terms]
        hits: dict[int, float] = {}
        for term, w in query:
            for sid in self.postings.get(term, ()):
                hits[sid] = hits.get(sid, 0.0) + w
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[: s.max_candidates]
        return [sid for sid, _ in ranked]

    def similarity(self, vec: dict[str, float], st: _Story) -> float:
        """Cosine of ``vec`` and the story's centroid (or, with ``members``, its best member link if higher)."""
        sim = sum(w * st.centroid.get(t, 0.0) for t, w in vec.items()) / st.norm
        if st.members:
            link = max(sum(w * m.get(t, 0.0) for t, w in vec.items()) for m in st.members)
            sim = max(sim, self.settings.member_weight * link)
        return sim

    def penalty(self, st: _Story, now: float) -> float:
        s = self.settings
        gap_h = max(0.0, now - st.last_seen) / 3600.0
        age_h = max(0.0, now - st.first_seen) / 3600.0
        return s.hours_penalty * gap_h + s.age_penalty * age_h

    def score(self, vec: dict[str, float], st: _Story, now: float) -> float:
        return self.similarity(vec, st) - self.penalty(st, now)

    def decision_features(
        self, ranked: list[tuple[float, float, int]], emb: npt.NDArray[np.float32] | None, now: float, cap_hours: float, needed: float
    ) -> list[float] | None:
        """What the join model reads of the best candidate (:data:`storyline.stream.join.FEATURES`), or None.

        ``ranked``: (score, similarity, story) of every candidate, best first. None
        when the article or the best story has no embedding (the threshold rule decides).
        """
        if emb is None or not ranked:
            return None
        cos: list[float] = []
        for _score, _sim, sid in ranked:
            st_emb = self.active[sid].emb
            if st_emb is None:
                if not cos:
                    return None
                cos.append(0.0)
                continue
            cos.append(float(st_emb @ emb) / (float(np.linalg.norm(st_emb)) or 1.0))
        score, sim, sid = ranked[0]
        st = self.active[sid]
        second = ranked[1][0] if len(ranked) > 1 else NO_RUNNER_UP
        cos2 = cos[1] if len(cos) > 1 else 0.0
        age = min(max(0.0, now - st.first_seen) / 3600.0, cap_hours)
        gap = min(max(0.0, now - st.last_seen) / 3600.0, cap_hours)
        return [
            score, sim, cos[0], math.log(st.n), age, gap, math.log(max(1, len(self.active))),
            score - second, cos[0] - cos2, max(cos) - cos[0], float(len(ranked)), score - needed,
        ]  # fmt: skip

    def decide(self, best: int, best_score: float, needed: float, x: list[float] | None) -> bool:
        """Join story ``best``, the best candidate? The model's probability where it has its features, else the threshold rule."""
        if x is not None and self.model is not None:
            return self.model.probability(x) >= self.settings.join_probability
        return best_score >= needed

    def needed(self) -> float:
        """The score the best candidate must reach to be joined, for the article being assigned.

        ``threshold``, plus ``competition`` per natural log of the active stories:
        the best of many unrelated stories scores higher by chance than the only
        one, so a crowded window asks for a closer match and a quiet one for less.
        Document frequencies of the first few articles say little about which
        words are common: ask for more at the start of a stream (``warmup`` /
        articles seen squared). And while the frequencies rest on few articles
        per competing story (many stories active, few articles seen), a word
        of the week's news still looks rare and two stories on one topic look
        alike: ask for ``crowd_margin`` * sqrt(active stories / articles seen)
        more. A stream with few stories at once (nothing to confuse) or a long
        one (frequencies that have learned the topical words) asks for little.
        """
        s = self.settings
        n = max(self.n_docs, 1)
        active = len(self.active)
        return s.threshold + s.competition * math.log(max(1, active)) + s.warmup / n**2 + s.crowd_margin * math.sqrt(active / n)

    def add(self, text: str, published: float | None = None) -> Assignment:
        """Assign one article (its text and POSIX publication time, if known)."""
        return self.assign(featurize(text), published)

    def assign(self, features: ArticleFeatures, published: float | None = None) -> Assignment:
        """Assign one article given its :func:`featurize` features (and POSIX publication time, if known)."""
        now = self._advance(published)
        t = published if published is not None else now
        content, counts = self.content(features, now)
        vec = self.vector(counts)
        ranked: list[tuple[float, float, int]] = []
        for sid in self._candidates(vec):
            st = self.active[sid]
            sim = self.similarity(vec, st)
            ranked.append((sim - self.penalty(st, now), sim, sid))
        ranked.sort(key=lambda r: -r[0])  # stable: equal scores keep the candidates' order
        best, best_sim = (ranked[0][2], ranked[0][0]) if ranked else (None, -math.inf)
        needed = self.needed()
        x = self.decision_features(ranked, features.embedding, now, self.model.cap_hours, needed) if self.model is not None else None
        if best is not None and self.decide(best, best_sim, needed, x):
            st = self.active[best]
            self._unindex(st)
            merged = dict(st.centroid)
            for term, w in vec.items():
                merged[term] = merged.get(term, 0.0) + w
            keep = self.settings.members
            members = [*st.members, vec][-keep:] if keep else []
            emb = st.emb
            if features.embedding is not None:
                emb = features.embedding.astype(np.float64) if emb is None else emb + features.embedding
            st2 = _Story(st.sid, _top(merged, self.settings.story_terms), st.first_seen, max(st.last_seen, t), st.n + 1, members, emb)
            self.active[best] = st2
            self._index(st2)
            heapq.heappush(self._expiry, (st2.last_seen, st2.sid))
            return Assignment(story_label(best), False, best_sim, content)
        sid = self.next_sid
        self.next_sid += 1
        emb = features.embedding.astype(np.float64) if features.embedding is not None else None
        st = _Story(sid, vec, t, t, 1, [vec] if self.settings.members else [], emb)
        self.active[sid] = st
        self._index(st)
        heapq.heappush(self._expiry, (t, sid))
        return Assignment(story_label(sid), True, 0.0, content)

    # -- persistence ---------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """The whole state as JSON-ready data (deterministic order)."""
        return {
            "version": STATE_VERSION,
            "settings": asdict(self.settings),
            "n_docs": self.n_docs,
            "clock": None if self.clock == -math.inf else self.clock,
            "next_sid": self.next_sid,
            "df": dict(sorted(self.df.items())),
            "pruned": self._pruned,
            "sentences": [[k, v[0], v[1]] for k, v in sorted(self.sentences.items())],
            "stories": [
                {
                    "sid": st.sid,
                    "first": st.first_seen,
                    "last": st.last_seen,
                    "n": st.n,
                    "centroid": dict(sorted(st.centroid.items())),
                    "members": [dict(sorted(m.items())) for m in st.members],
                    "emb": None if st.emb is None else [float(v) for v in st.emb],
                }
                for st in sorted(self.active.values(), key=lambda x: x.sid)
            ],
        }

    @classmethod
    def from_state(cls, data: dict[str, Any], settings: StreamSettings | None = None, model: JoinModel | object | None = _NO_MODEL) -> Clusterer:
        if data.get("version") not in (2, STATE_VERSION):
            raise ConfigError("stream state", f"unsupported version {data.get('version')!r}")
        known = {f.name for f in fields(StreamSettings)}
        c = cls(settings or StreamSettings(**{k: v for k, v in data["settings"].items() if k in known}), model)
        c.n_docs = int(data["n_docs"])
        c.clock = -math.inf if data["clock"] is None else float(data["clock"])
        c.next_sid = int(data["next_sid"])
        c.df = Counter({str(k): int(v) for k, v in data["df"].items()})
        c._pruned = float(data["pruned"])
        c.sentences = {int(k): [float(n), float(first)] for k, n, first in data["sentences"]}
        for row in data["stories"]:
            members = [{str(k): float(v) for k, v in m.items()} for m in row["members"]]
            centroid = {str(k): float(v) for k, v in row["centroid"].items()}
            emb = None if row.get("emb") is None else np.asarray(row["emb"], dtype=np.float64)
            st = _Story(int(row["sid"]), centroid, float(row["first"]), float(row["last"]), int(row["n"]), members, emb)
            c.active[st.sid] = st
            c._index(st)
            heapq.heappush(c._expiry, (st.last_seen, st.sid))
        return c
