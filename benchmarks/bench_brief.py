"""Speed and peak memory of `brief`, next to spaCy alone on the same texts.

    python benchmarks/bench_brief.py [--clusters 20] [--repeat 1]

Two inputs: the bundled seed story, and the first N clusters of
../shared/data/multinews/dev.jsonl (each cluster one story). Each measurement
runs in a fresh subprocess so that peak RSS belongs to it alone; model
loading is timed apart from processing. The figure to quote is the ratio
brief / spaCy of CPU seconds (how much the whole pipeline costs over parsing
alone): CPU time of the processing, from the worker's process_time(), so that
other load on the machine does not move it as it moves wall time. Wall
seconds are kept next to it, and the parent checks each worker's whole CPU
time (startup, imports, model load and processing) with
getrusage(RUSAGE_CHILDREN). Both runs of a row come from the same invocation;
compare ratios, not absolute rates, across invocations.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "multinews" / "dev.jsonl"
SEEDS = ROOT / "examples" / "syria-2016"


def load_sets(n_clusters: int) -> dict[str, list[list[str]]]:
    """Stories as lists of article texts."""
    sets = {"seeds": [[p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]]}
    if DEV.is_file():
        clusters = []
        with DEV.open(encoding="utf-8") as fh:
            for line in fh:
                if len(clusters) >= n_clusters:
                    break
                clusters.append(json.loads(line)["documents"])
        sets[f"multinews[:{n_clusters}]"] = clusters
    return sets


def worker(mode: str, set_name: str, n_clusters: int, stages: str | None) -> dict[str, float]:
    stories = load_sets(n_clusters)[set_name]
    t0 = time.perf_counter()
    c0 = time.process_time()
    from storyline.language.model import load_model
    from storyline.settings import load_options

    options = load_options(pipeline=stages) if stages else load_options()
    nlp = load_model(options.models)
    imports_cpu = 0.0
    if mode == "brief":
        # storyline's own code is loaded here, as spaCy's is: a cost per process, not per text
        i0 = time.process_time()
        from storyline.api import story_from_articles
        from storyline.ingest.read import RawArticle
        from storyline.pipeline import Context, get_stage, run_pipeline
        from storyline.render import write_reports

        for name in options.pipeline:  # the stages' modules (imported on first use)
            get_stage(name)
        imports_cpu = time.process_time() - i0
    load_s = time.perf_counter() - t0
    load_cpu = time.process_time() - c0
    n_articles = sum(len(s) for s in stories)
    words = sum(len(t.split()) for s in stories for t in s)
    t1 = time.perf_counter()
    c1 = time.process_time()
    timings: dict[str, float] = {}
    if mode == "spacy":
        for texts in stories:
            for _ in nlp.pipe(texts):
                pass
    else:
        with tempfile.TemporaryDirectory() as tmp:
            for i, texts in enumerate(stories):
                ctx = Context(options)
                ctx.set_nlp(nlp)
                story = story_from_articles([RawArticle(text=t, file=f"a{j}.txt") for j, t in enumerate(texts)], options)
                for name in options.pipeline:  # stage by stage, to take each one's CPU time
                    s0 = time.process_time()
                    story = run_pipeline(story, ctx, [name])
                    timings[name] = timings.get(name, 0.0) + time.process_time() - s0
                r0 = time.process_time()
                write_reports(story, Path(tmp) / str(i), options.formats)
                timings["render"] = timings.get("render", 0.0) + time.process_time() - r0
    run_cpu = time.process_time() - c1
    run_s = time.perf_counter() - t1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"load_s": load_s, "load_cpu": load_cpu, "imports_cpu": imports_cpu, "run_s": run_s, "run_cpu": run_cpu, "articles": n_articles, "words": words, "peak_mb": peak_mb, "stages": timings}


def measure(mode: str, set_name: str, n_clusters: int, stages: str | None = None) -> dict:
    cmd = [sys.executable, __file__, "--worker", mode, "--set", set_name, "--clusters", str(n_clusters)]
    if stages:
        cmd += ["--stages", stages]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    res: dict = json.loads(out.stdout.strip().splitlines()[-1])
    res["child_cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clusters", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement; the one of least CPU time is kept")
    ap.add_argument("--stages", help="comma-separated pipeline for the brief run (default: the packaged pipeline)")
    ap.add_argument("--worker", choices=["spacy", "brief"], help=argparse.SUPPRESS)
    ap.add_argument("--set", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(worker(a.worker, a.set, a.clusters, a.stages)))
        return 0
    rows = []
    for set_name in load_sets(a.clusters):
        runs: dict[str, list[dict]] = {"spacy": [], "brief": []}
        for _ in range(a.repeat):  # interleaved, so that both see the same load on the machine
            for mode in ("spacy", "brief"):
                runs[mode].append(measure(mode, set_name, a.clusters, a.stages if mode == "brief" else None))
        res = {mode: min(rs, key=lambda r: r["run_cpu"]) for mode, rs in runs.items()}
        rows.append((set_name, res))
    print(
        f"{'input':<16} {'articles':>8} {'words':>7} | {'spaCy art/s':>11} {'peak MB':>8} | {'brief art/s':>11} {'peak MB':>8} | "
        f"{'CPU ratio':>9} {'wall ratio':>10} {'load s':>7}"
    )
    for set_name, res in rows:
        s, b = res["spacy"], res["brief"]
        print(
            f"{set_name:<16} {s['articles']:>8} {s['words']:>7} | {s['articles'] / s['run_cpu']:>11.2f} {s['peak_mb']:>8.0f} | "
            f"{b['articles'] / b['run_cpu']:>11.2f} {b['peak_mb']:>8.0f} | {b['run_cpu'] / s['run_cpu']:>9.2f} {b['run_s'] / s['run_s']:>10.2f} "
            f"{b['load_cpu']:>7.2f}"
        )
    print("\n(art/s per CPU second of processing; load s: CPU seconds of loading the model and, for brief, storyline's code;")
    print(" wall ratio: the same runs timed by the clock)")
    print("\nCPU seconds per worker, spaCy / brief: processing; storyline's imports (in load); whole process by getrusage(RUSAGE_CHILDREN)")
    for set_name, res in rows:
        s, b = res["spacy"], res["brief"]
        print(
            f"  {set_name:<16} run {s['run_cpu']:.2f} / {b['run_cpu']:.2f}   imports {b['imports_cpu']:.2f}   "
            f"whole {s['child_cpu']:.2f} / {b['child_cpu']:.2f} (ratio {b['child_cpu'] / s['child_cpu']:.2f})"
        )
    print("\nper-stage CPU seconds of brief (render: write_reports):")
    for set_name, res in rows:
        st = res["brief"]["stages"]
        print(f"  {set_name:<16} " + "  ".join(f"{k} {v:.2f}" for k, v in st.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
