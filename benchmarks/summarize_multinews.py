#!/usr/bin/env python3
"""Benchmark storyline's brief against unsupervised baselines on Multi-News.

    python benchmarks/summarize_multinews.py [--data ../shared/data/multinews/dev.jsonl]
        [--words 300] [--limit N] [--systems storyline,lead,lexrank,textrank] [--pred-dir DIR]
        [--full-spacy] [--ablation] [--halves]

Protocol (the same for every system, in one run): raw untruncated articles;
each system's output cut to ``--words`` words (storyline picks whole
sentences under the budget; baselines are truncated mid-sentence if need
be); rouge-score 0.1.2 F1 with the Porter stemmer; the reference's leading
newser dash "– " stripped; ROUGE-Lsum on one sentence per line (references
and outputs split with the same regex splitter).

Baselines: round-robin lead (1st sentence of each article, then the 2nd,
...), LexRank and TextRank from sumy 0.13.0. sumy normally tokenizes with
NLTK punkt, which cannot be downloaded at run time, so it is given
:class:`RegexTokenizer` (the same sentence splitter, a regex word
tokenizer) and sumy's own Snowball stemmer and English stop words.

Prints one table: R-1 / R-2 / R-Lsum and seconds per cluster; with
``--halves``, the same table on each half of the file (A: the first half of
the lines, B: the rest). The weights in defaults.toml [summarize.weights]
were chosen on the dev sample only, by two-fold checks on these halves
(choose on A and read B, choose on B and read A) before one choice on both. Needs the
``bench`` extra (rouge-score, sumy, nltk).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("bench")

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews" / "dev.jsonl"

_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Prof|Rev|No|vs|etc|Inc|Corp|Co|Ltd|U\.S|U\.N|U\.K"
    r"|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|a\.m|p\.m))\.$"
)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``: lines first, then a regex on sentence-final punctuation."""
    out: list[str] = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        start = 0
        for m in _BOUNDARY.finditer(line):
            head = line[start : m.start()].rstrip()
            cut = m.start()
            # keep closing quotes/brackets with the sentence they end
            while cut < len(line) and line[cut] in "\"'”’)]":
                cut += 1
            piece = line[start:cut].strip()
            if _ABBREV.search(head) or not piece:
                continue
            out.append(piece)
            start = cut
        tail = line[start:].strip()
        if tail:
            out.append(tail)
    return out


def cut_words(sentences: Iterable[str], budget: int) -> list[str]:
    """The sentences, cut so that they hold at most ``budget`` words in all."""
    out: list[str] = []
    left = budget
    for s in sentences:
        words = s.split()
        if left <= 0:
            break
        if len(words) > left:
            words = words[:left]
        out.append(" ".join(words))
        left -= len(words)
    return out


def round_robin_lead(documents: list[str], budget: int) -> list[str]:
    """1st sentence of each article, then the 2nd of each, ... until the budget is spent."""
    per_doc = [split_sentences(d) for d in documents]
    out: list[str] = []
    words = 0
    i = 0
    while words < budget and any(i < len(s) for s in per_doc):
        for sents in per_doc:
            if i < len(sents):
                out.append(sents[i])
                words += len(sents[i].split())
        i += 1
    return cut_words(out, budget)


class RegexTokenizer:
    """A sumy tokenizer that needs no NLTK data: the benchmark's regex splitters."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return split_sentences(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return [w for w in _WORD.findall(sentence) if any(c.isalnum() for c in w)]


def _sumy(kind: str) -> Callable[[list[str], int], list[str]]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    cls = LexRankSummarizer if kind == "lexrank" else TextRankSummarizer
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = RegexTokenizer()

    def run(documents: list[str], budget: int) -> list[str]:
        text = "\n\n".join(documents)
        parser = PlaintextParser.from_string(text, tokenizer)
        captured: dict = {}

        def grab(sentences, count, rating, *args, **kwargs):  # sumy's hook: keep the ratings
            captured["ratings"] = rating
            return ()

        summarizer._get_best_sentences = grab
        summarizer(parser.document, len(parser.document.sentences))
        ratings = captured.get("ratings") or {}
        chosen = sorted(parser.document.sentences, key=lambda s: -ratings.get(s, 0.0))
        # take the best sentences until the budget, then restore document order
        picked: list = []
        words = 0
        for s in chosen:
            if words >= budget:
                break
            picked.append(s)
            words += len(str(s).split())
        index = {id(s): i for i, s in enumerate(parser.document.sentences)}
        picked.sort(key=lambda s: index[id(s)])
        return cut_words([str(s) for s in picked], budget)

    return run


@dataclass
class Result:
    name: str
    r1: list[float] = field(default_factory=list)
    r2: list[float] = field(default_factory=list)
    rl: list[float] = field(default_factory=list)
    seconds: float = 0.0
    clusters: int = 0

    def row(self, part: slice = slice(None)) -> str:
        per = self.seconds / max(self.clusters, 1)
        r1, r2, rl = (100 * statistics.mean(x[part]) for x in (self.r1, self.r2, self.rl))
        return f"| {self.name:<22} | {r1:6.2f} | {r2:6.2f} | {rl:6.2f} | {per:8.3f} |"


def halves(n: int) -> list[tuple[str, slice]]:
    """The two halves of the dev sample: A (the first half of the lines), B (the rest); weights chosen on one are read on the other."""
    return [("half A", slice(0, n // 2)), ("half B", slice(n // 2, n))]


def reference_text(summary: str) -> str:
    """The reference with the newser dash stripped, one sentence per line."""
    s = summary.strip()
    if s.startswith("–"):
        s = s[1:].lstrip()
    return "\n".join(split_sentences(s))


def score_all(results: dict[str, Result], name: str, preds: list[list[str]], refs: list[str], budget: int) -> None:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    res = results[name]
    for pred, ref in zip(preds, refs, strict=True):
        text = "\n".join(cut_words(pred, budget))
        sc = scorer.score(ref, text)
        res.r1.append(sc["rouge1"].fmeasure)
        res.r2.append(sc["rouge2"].fmeasure)
        res.rl.append(sc["rougeLsum"].fmeasure)


def run_storyline(rows: list[dict], budget: int, pred_path: Path, light: bool = True) -> tuple[list[list[str]], float]:
    from storyline.settings import load_options
    from storyline.summarize.batch import load_batch_model, summarize_clusters

    tmp_in = pred_path.with_suffix(".in.jsonl")
    tmp_in.write_text("".join(json.dumps({"id": r["id"], "documents": r["documents"]}) + "\n" for r in rows), encoding="utf-8")
    options = load_options()
    load_batch_model(options)  # models load outside the timed region
    t0 = time.perf_counter()
    summarize_clusters(tmp_in, pred_path, budget, options, light=light)
    secs = time.perf_counter() - t0
    tmp_in.unlink()
    by_id = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        by_id[obj["id"]] = obj["summary"].split("\n")
    return [by_id.get(r["id"], []) for r in rows], secs


#: What each signal buys: the default weights with one signal switched off (or on).
ABLATIONS: list[tuple[str, dict]] = [
    ("storyline (defaults)", {}),
    ("- lead prior", {"lead": 0.0}),
    ("- centrality", {"centrality": 0.0}),
    ("- agreement across sources", {"agreement": 0.0}),
    ("- concept coverage", {"coverage": 0.0}),
    ("- quoted testimony bonus", {"quoted": 0.0}),
    ("- headline similarity", {"headline": 0.0}),
    ("- person penalty", {"person_penalty": 0.0}),
    ("- redundancy filter (0.9)", {"redundancy": 0.9}),
    ("+ entity density 1.0", {"entities": 1.0}),
    ("+ dangling-opener penalty 0.3", {"dangling_penalty": 0.3}),
    ("- containment filter", {"containment": 0.0}),
]


def _clean_lead(cands: list, budget: int) -> list[str]:
    """Round-robin lead over storyline's cleaned candidate sentences: what cleaning alone buys."""
    by_doc: dict[int, list] = {}
    for c in cands:
        by_doc.setdefault(c.doc_index, []).append(c)
    out: list[str] = []
    words, i = 0, 0
    while words < budget and any(i < len(v) for v in by_doc.values()):
        for k in sorted(by_doc):
            if i < len(by_doc[k]):
                out.append(" ".join(by_doc[k][i].text.split()))
                words += by_doc[k][i].words
        i += 1
    return out


def run_ablation(rows: list[dict], refs: list[str], budget: int) -> None:
    """Parse every cluster once, then score the brief under each ablation."""
    from dataclasses import replace

    from storyline.api import story_from_articles
    from storyline.ingest.read import RawArticle
    from storyline.pipeline import Context, run_pipeline
    from storyline.settings import load_options
    from storyline.summarize.candidates import collect_candidates, collect_headlines
    from storyline.summarize.select import select_sentences
    from storyline.summarize.stage import DEFAULT_WEIGHTS

    options = load_options()
    nlp = Context(options).nlp
    parsed = []
    for r in rows:
        arts = [RawArticle(text=d, file=f"{r['id']}.{i}") for i, d in enumerate(r["documents"], 1) if d.strip()]
        story = story_from_articles(arts, options)
        ctx = Context(options)
        ctx.set_nlp(nlp)
        story = run_pipeline(story, ctx, ["clean", "nlp"])
        parsed.append((collect_candidates(story, ctx), collect_headlines(story, ctx)))
    results: dict[str, Result] = {}
    for name, change in ABLATIONS:
        w = replace(DEFAULT_WEIGHTS, **change)
        preds = []
        for cands, heads in parsed:
            picks = select_sentences(cands, budget, w, headlines=heads).picks
            picks.sort(key=lambda p: (cands[p.index].position, cands[p.index].doc_index))
            preds.append([" ".join(cands[p.index].text.split()) for p in picks])
        results[name] = Result(name, clusters=len(rows))
        score_all(results, name, preds, refs, budget)
    name = "round-robin lead, cleaned sentences"
    results[name] = Result(name, clusters=len(rows))
    score_all(results, name, [_clean_lead(cands, budget) for cands, _ in parsed], refs, budget)
    print("Ablation (same clusters, budget and scorer; seconds not measured):")
    print("| variant                              |    R-1 |    R-2 | R-Lsum |")
    print("|--------------------------------------|--------|--------|--------|")
    for name in [n for n, _ in ABLATIONS] + ["round-robin lead, cleaned sentences"]:
        res = results[name]
        r1, r2, rl = (100 * statistics.mean(x) for x in (res.r1, res.r2, res.rl))
        print(f"| {name:<36} | {r1:6.2f} | {r2:6.2f} | {rl:6.2f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--limit", type=int, default=0, help="only the first N clusters")
    ap.add_argument("--systems", default="storyline,lead,lexrank,textrank")
    ap.add_argument("--full-spacy", action="store_true", help="run storyline with the full spaCy pipeline (NER on)")
    ap.add_argument("--ablation", action="store_true", help="also print what each signal of storyline's score buys")
    ap.add_argument("--pred-dir", type=Path, default=Path("/tmp/storyline-bench"))
    ap.add_argument("--halves", action="store_true", help="also print the table on each half of the data (A: tuning, B: held out)")
    a = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(levelname)s: %(message)s")
    rows = [json.loads(line) for line in a.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    if a.limit:
        rows = rows[: a.limit]
    refs = [reference_text(r["summary"]) for r in rows]
    a.pred_dir.mkdir(parents=True, exist_ok=True)
    systems = [s.strip() for s in a.systems.split(",") if s.strip()]
    results: dict[str, Result] = {}
    for name in systems:
        results[name] = Result(name, clusters=len(rows))
        if name == "storyline":
            preds, secs = run_storyline(rows, a.words, a.pred_dir / "storyline.jsonl", light=not a.full_spacy)
        else:
            fn = round_robin_lead if name == "lead" else _sumy(name)
            t0 = time.perf_counter()
            preds = [fn([d for d in r["documents"] if d.strip()], a.words) for r in rows]
            secs = time.perf_counter() - t0
            with (a.pred_dir / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
                for r, p in zip(rows, preds, strict=True):
                    fh.write(json.dumps({"id": r["id"], "summary": "\n".join(p)}) + "\n")
        results[name].seconds = secs
        score_all(results, name, preds, refs, a.words)
    print(f"Multi-News {a.data.name}: {len(rows)} clusters, {a.words}-word budget, rouge-score F1 (stemmed), R-Lsum one sentence per line")
    print("| system                 |    R-1 |    R-2 | R-Lsum | s/cluster |")
    print("|------------------------|--------|--------|--------|----------|")
    for name in systems:
        print(results[name].row())
    if a.halves:
        for label, part in halves(len(rows)):
            print(f"{label}: {len(rows[part])} clusters")
            for name in systems:
                print(results[name].row(part))
    if a.ablation:
        run_ablation(rows, refs, a.words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
