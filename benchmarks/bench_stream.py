"""Throughput of `storyline cluster` on a long stream into SQLite.

    python benchmarks/bench_stream.py [--articles 100000] [--keep DIR]

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
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAL = ROOT.parent / "shared" / "data" / "stream" / "val.jsonl"
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep the stream, store and assignments")
    a = ap.parse_args()
    if not VAL.is_file():
        print(f"missing {VAL}: the benchmark needs the shared stream data", file=sys.stderr)
        return 1
    folder = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="bench-stream-"))
    folder.mkdir(parents=True, exist_ok=True)
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
