"""Do static sentence embeddings (wordllama) find the agreements and answers the comparison misses?

    python benchmarks/bench_embeddings.py [--wordllama-path DIR]

For every gold agreement pair and every gold answer of the seeds and dev
stories (../shared/gold), the rank of the gold sentence among all claims of its
document, by this checkout's similarity (words, frames, figures:
``storyline.compare.stage.similarity``; for answers plus the focus bonus) and by
the cosine of wordllama's embeddings (``l2_supercat``, 256 dimensions, shipped
inside its wheel; numpy only), with the spread of embedding cosines over all
claim pairs of different documents. A method pays when it ranks the gold
sentence first where the other does not and its cosine for the gold pair stands
clear of the pairs that say different things. ``--wordllama-path`` is a folder
with wordllama installed (``pip install --target DIR wordllama``: it is no
dependency of the project). Exits with a message when the gold data or
wordllama is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STORIES = [("seeds", SHARED / "seeds", SHARED / "gold" / "seeds.json")] + [
    (f"val-{n}", SHARED / "gold" / "dev" / f"val-{n}", SHARED / "gold" / "dev" / f"val-{n}.json") for n in (101, 1397, 2986)
]


def _norm(s: str) -> str:
    return " ".join(s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def _prepared(path: Path) -> tuple[Any, Any, Any]:
    """The story through the claims stage, its claim units weighed as the compare stage weighs them."""
    from storyline.api import read_articles, story_from_articles
    from storyline.claim_features.features import fold_derivations, fold_prefixes, idf_weights, weigh
    from storyline.claim_features.frames import actor_families
    from storyline.pipeline import Context, run_pipeline
    from storyline.settings import load_options

    opts = load_options()
    ctx = Context(opts)
    story = story_from_articles(read_articles(path, opts).articles, opts)
    story = run_pipeline(story, ctx, [s for s in opts.pipeline if s not in ("compare", "summarize")])
    cu = ctx.claim_units
    assert cu is not None
    every = [*cu.claims.values(), *(u for _, u in cu.questions)]
    fold_prefixes(every)
    fold_derivations(every)
    idf = idf_weights(every)
    for u in every:
        weigh(u, idf)
    return story, cu, actor_families(story)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wordllama-path", help="a folder holding wordllama (pip install --target)")
    args = ap.parse_args(argv)
    if not all(g.exists() for _, _, g in STORIES):
        print(f"gold data not found under {SHARED}: nothing to benchmark")
        return 0
    if args.wordllama_path:
        sys.path.append(args.wordllama_path)
    try:
        import numpy as np
        import wordllama
        from wordllama import WordLlama
    except ImportError:
        print("wordllama is not installed (pip install --target DIR wordllama; --wordllama-path DIR)")
        return 0
    from storyline.compare.stage import _answer_score, similarity

    # the weights and tokenizer ship inside the wheel: load them from there, never from a hub
    wl = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    rows: list[tuple[str, str, str, float, int, int, float, int, int]] = []
    for name, path, gold_path in STORIES:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        story, cu, families = _prepared(path)
        by_file = {d.file and Path(d.file).name: d.id for d in story.documents}
        run_doc = {g["id"]: by_file.get(Path(g["file"]).name) for g in gold["documents"]}
        claims = {c.id: c for c in story.claims if c.id in cu.claims}
        keys = sorted(claims)
        emb = wl.embed([claims[k].text for k in keys], norm=True)
        row = {k: i for i, k in enumerate(keys)}

        def claim_of(gid: str, text: str, claims: dict[str, Any] = claims, keys: list[str] = keys, run_doc: dict[str, Any] = run_doc) -> str | None:
            return next((k for k in keys if claims[k].doc == run_doc[gid] and _norm(text)[:40] in _norm(claims[k].text)), None)

        def ranks(score: dict[str, float], gold_key: str) -> int:
            return 1 + sum(1 for v in score.values() if v > score[gold_key])

        for agr in gold.get("agreements", []):
            found = [k for gid, t in agr["evidence"].items() if (k := claim_of(gid, t)) is not None]
            for i, a in enumerate(found):
                for b in found[i + 1 :]:
                    others = [k for k in keys if claims[k].doc == claims[b].doc]
                    ours = {k: similarity(cu.claims[a], cu.claims[k], families).combined for k in others}
                    theirs = {k: float(emb[row[a]] @ emb[row[k]]) for k in others}
                    rows.append((name, "agreement", agr["claim"][:40], ours[b], ranks(ours, b), len(others), theirs[b], ranks(theirs, b), len(others)))
        questions = {q.text: u for q, u in cu.questions}
        for q in gold.get("open_questions", []):
            unit = next((u for text, u in questions.items() if _norm(q["question"])[:40] in _norm(text)), None)
            if unit is None:
                continue
            qe = wl.embed([q["question"]], norm=True)[0]
            for gid, t in q.get("answered_by", {}).items():
                k = claim_of(gid, t)
                if k is None:
                    continue
                others = [c for c in keys if claims[c].doc == claims[k].doc]
                ours = {c: _answer_score(unit, cu.claims[c], families)[0] for c in others}
                theirs = {c: float(emb[row[c]] @ qe) for c in others}
                rows.append((name, "answer", q["question"][:40], ours[k], ranks(ours, k), len(others), theirs[k], ranks(theirs, k), len(others)))
        docs = np.array([claims[k].doc for k in keys])
        cos = emb @ emb.T
        p50, p90, p99 = np.percentile(cos[docs[:, None] != docs[None, :]], [50, 90, 99])
        print(f"{name}: embedding cosine of claim pairs of different documents: median {p50:.2f}, 90th {p90:.2f}, 99th {p99:.2f}")
    print(f"\n{'story':9} {'item':9} {'what':40}  {'ours':>5} {'rank':>7}  {'emb':>5} {'rank':>7}")
    for name, kind, what, s, r, n, e, er, en in rows:
        print(f"{name:9} {kind:9} {what:40}  {s:5.2f} {r:3d}/{n:<3d}  {e:5.2f} {er:3d}/{en:<3d}")
    for kind in ("agreement", "answer"):
        mine = [r for r in rows if r[1] == kind]
        ours_first = sum(1 for r in mine if r[4] == 1)
        emb_first = sum(1 for r in mine if r[7] == 1)
        print(f"{kind}s: gold sentence ranked first by ours {ours_first}/{len(mine)}, by embeddings {emb_first}/{len(mine)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
