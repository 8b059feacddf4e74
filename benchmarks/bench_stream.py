"""Throughput of `storyline cluster` on a long stream into SQLite.

    python benchmarks/bench_stream.py [--articles 100000] [--keep DIR]
    python benchmarks/bench_stream.py --dask [--articles 14634]   # one process vs features on 1 and 2 Dask workers
    python benchmarks/bench_stream.py --quality   # B-cubed of ours next to the TF-IDF baseline on val and raw-dev

With --quality: runs `storyline cluster` on ../shared/data/stream/val.jsonl and
raw-dev.jsonl (each into a fresh SQLite store) and the scorer's TF-IDF
single-pass baseline (`score_stream.py --baseline --threshold 0.2`, needs
scikit-learn: the `bench` extra) on the same streams, and prints both B-cubed
figures and times side by side, with val split by time into its two halves
(a setting tuned on one half should hold on the other). The join model
(storyline/data/stream_join.json) was trained on val.jsonl: its val figures
are in-sample, and `benchmarks/train_stream_join.py --check` gives the
out-of-sample one (fit on the first half, scored on the second).

With --dask: runs `storyline -v cluster` on the same stream in one process,
then with `--workers 1` and `--workers 2` (the per-article features on Dask
workers, the assignment in the command's process), and prints each run's wall
time, the CPU seconds of the assigning process, the speed-up over one process,
and whether the assignments are identical.

Builds a stream of at least N articles by repeating ../shared/data/stream/val.jsonl
with fresh ids and times shifted by a year per repetition (the `story` field is
dropped from the stream; it is kept aside only to score the result), runs
`storyline -v cluster STREAM --store bench.db --out assignments.jsonl` once in a
subprocess, and prints: total time, articles per second, peak memory (RSS)
of the subprocess, the time per article over the first and the last 10,000
articles (from the command's progress log), the store's integrity check, and
B-cubed F1 of the whole stream against the repeated gold labels.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VAL = ROOT.parent / "shared" / "data" / "stream" / "val.jsonl"
RAW_DEV = VAL.with_name("raw-dev.jsonl")
BASELINE_THRESHOLD = 0.2  # the baseline's best threshold on these streams
SCORER = ROOT.parent / "shared" / "tools" / "score_stream.py"
STEP = 10_000


def build(n: int, folder: Path) -> tuple[Path, Path, int]:
    rows = [json.loads(line) for line in VAL.open(encoding="utf-8") if line.strip()]
    stream, gold = folder / "stream.jsonl", folder / "gold.jsonl"
    written = 0
    with stream.open("w", encoding="utf-8") as s, gold.open("w", encoding="utf-8") as g:
        rep = 0
        while written < n:
            shift = timedelta(days=366 * rep)
            for r in rows:
                when = datetime.fromisoformat(r["published"]).astimezone(UTC) + shift
                aid = f"r{rep}/{r['id']}"
                s.write(json.dumps({"id": aid, "published": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "text": r["text"]}) + "\n")
                g.write(json.dumps({"id": aid, "story": f"r{rep}/{r['story']}", "published": "", "text": ""}) + "\n")
                written += 1
            rep += 1
    return stream, gold, written


def compare_workers(stream: Path, n: int, folder: Path) -> int:
    """One process, then features on 1 and 2 Dask workers: times and identical assignments."""
    exe = Path(sys.executable).with_name("storyline")
    outs: dict[str, bytes] = {}
    base = 0.0
    print(f"storyline cluster, {n} articles")
    for name, extra in (("one process", []), ("--workers 1", ["--workers", "1"]), ("--workers 2", ["--workers", "2"])):
        tag = name.replace(" ", "").replace("-", "")
        for old in folder.glob(f"{tag}.db*"):
            old.unlink()
        out = folder / f"{tag}.jsonl"
        cmd = [str(exe), "-v", "cluster", str(stream), "--store", str(folder / f"{tag}.db"), "--out", str(out), *extra]
        t0 = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        wall = time.monotonic() - t0
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            return 1
        cpu = re.search(r"assigning process: ([\d.]+) s CPU", proc.stderr)
        base = base or wall
        print(f"  {name:12s} {wall:6.1f} s wall ({n / wall:5.0f} articles/s), assigner {cpu[1] if cpu else '?'} s CPU, speed-up {base / wall:.2f}x")
        outs[name] = out.read_bytes()
    same = len(set(outs.values())) == 1
    print("assignments " + ("identical in all three runs" if same else "DIFFER between runs"))
    return 0 if same else 1


@cache
def _scorer() -> Any:
    """The scorer's module (``score_stream.py``), loaded once: its ``bcubed`` is the one figures are judged by."""
    spec = importlib.util.spec_from_file_location("score_stream", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bcubed(gold: list[dict[str, str]], pred: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``pred`` (id -> label) on the ``gold`` rows, by the scorer's own function."""
    got = _scorer().bcubed(gold, [{"id": i, "story": label} for i, label in pred.items()])
    return got["precision"], got["recall"], got["f1"]


def _figures(name: str, rows: list[dict[str, str]], pred: dict[str, str], seconds: float) -> str:
    out = []
    half = len(rows) // 2
    parts = [("all", rows), ("first half", rows[:half]), ("second half", rows[half:])] if len(rows) > 1000 else [("all", rows)]
    for label, part in parts:
        p, r, f = _bcubed(part, pred)
        out.append(f"{label} P {p:.4f} R {r:.4f} F1 {f:.4f}")
    return f"  {name:9s} " + "; ".join(out) + f"  ({seconds:.1f} s, {len(rows) / seconds:.0f} articles/s)"


def quality(folder: Path) -> int:
    """Ours and the TF-IDF baseline on val and raw-dev: B-cubed and time, side by side."""
    exe = Path(sys.executable).with_name("storyline")
    for stream in (VAL, RAW_DEV):
        rows = [json.loads(line) for line in stream.open(encoding="utf-8") if line.strip()]
        print(f"{stream.name}: {len(rows)} articles, {len({r['story'] for r in rows})} stories")
        tag = stream.stem
        for old in folder.glob(f"{tag}.db*"):
            old.unlink()
        out = folder / f"{tag}.jsonl"
        t0 = time.monotonic()
        proc = subprocess.run([str(exe), "cluster", str(stream), "--store", str(folder / f"{tag}.db"), "--out", str(out)], capture_output=True, text=True, check=False)
        ours = time.monotonic() - t0
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            return 1
        pred = {r["id"]: r["story"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
        print(_figures("storyline", rows, pred, ours))
        base_out = folder / f"{tag}-baseline.jsonl"
        cmd = [sys.executable, str(SCORER), str(stream), "--baseline", str(base_out), "--threshold", str(BASELINE_THRESHOLD), "--json"]
        t0 = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        base = time.monotonic() - t0
        if proc.returncode != 0:
            print(f"  baseline failed (scikit-learn is in the bench extra): {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return 1
        pred = {r["id"]: r["story"] for r in map(json.loads, base_out.read_text(encoding="utf-8").splitlines())}
        print(_figures("baseline", rows, pred, base))
    print(
        "note: the packaged join model was trained on val.jsonl, so its val figures are in-sample;"
        " `python benchmarks/train_stream_join.py --check` fits on val's first half and scores the second"
    )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=None, help="stream length (default 100000; with --dask, val.jsonl once)")
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep the stream, store and assignments")
    ap.add_argument("--dask", action="store_true", help="compare one process with features on 1 and 2 Dask workers")
    ap.add_argument("--quality", action="store_true", help="B-cubed of ours next to the TF-IDF baseline on val.jsonl and raw-dev.jsonl")
    a = ap.parse_args()
    if not VAL.is_file():
        print(f"missing {VAL}: the benchmark needs the shared stream data", file=sys.stderr)
        return 1
    folder = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="bench-stream-"))
    folder.mkdir(parents=True, exist_ok=True)
    if a.quality:
        return quality(folder)
    if a.dask:
        stream, _, n = build(a.articles or 1, folder)
        return compare_workers(stream, n, folder)
    a.articles = a.articles or 100_000
    for old in folder.glob("bench.db*"):
        old.unlink()
    stream, gold, n = build(a.articles, folder)
    exe = Path(sys.executable).with_name("storyline")
    cmd = [str(exe), "-v", "cluster", str(stream), "--store", str(folder / "bench.db"), "--out", str(folder / "assignments.jsonl")]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    total = time.monotonic() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        return 1
    marks = [(int(m[1]), float(m[2])) for m in re.finditer(r"progress: (\d+) articles assigned in ([\d.]+) s", proc.stderr)]
    times = dict([(0, 0.0), *marks])
    first = times[STEP] / STEP * 1000
    last_end = max(k for k in times if k % STEP == 0)
    last = (times[last_end] - times[last_end - STEP]) / STEP * 1000
    print(f"articles {n}  total {total:.1f} s  ({n / total:.0f} articles/s, process start and the final check included)")
    print(f"peak memory (RSS) {peak_mb:.0f} MB")
    print(f"time per article: first {STEP} {first:.2f} ms, last {STEP} (to {last_end}) {last:.2f} ms, ratio {last / first:.2f}")
    print(proc.stdout.strip())
    score = subprocess.run([sys.executable, str(SCORER), str(gold), str(folder / "assignments.jsonl")], capture_output=True, text=True, check=False)
    print("whole stream vs repeated gold:", score.stdout.strip())
    if not a.keep:
        print(f"(work folder {folder} can be removed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
