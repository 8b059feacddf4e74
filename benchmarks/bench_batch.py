"""`storyline batch` with 1 and 2 workers on the same input: wall times, speed-up, and byte-identical outputs.

    python benchmarks/bench_batch.py [INPUT] [--workers 2]

INPUT defaults to ../shared/data/multinews/dev.jsonl. Each run goes to its
own fresh output folder; the script then compares every output file of the
two runs byte for byte and prints both times and their ratio.
"""

from __future__ import annotations

import argparse
import filecmp
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "multinews" / "dev.jsonl"


def _run(src: Path, out: Path, workers: int) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "storyline", "batch", str(src), "--out", str(out), "--workers", str(workers)],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    print(f"  --workers {workers}: {seconds:.1f}s  {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ''}")
    return seconds


def _differences(a: Path, b: Path) -> list[str]:
    names_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    names_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if names_a != names_b:
        return [f"different files: {sorted(set(map(str, names_a)) ^ set(map(str, names_b)))[:5]}"]
    return [str(n) for n in names_a if not filecmp.cmp(a / n, b / n, shallow=False)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="?", default=str(DEV))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    src = Path(args.input)
    if not src.exists():
        print(f"skipped: {src} is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp) / "w1", Path(tmp) / f"w{args.workers}"
        print(f"storyline batch {src}")
        t1 = _run(src, one, 1)
        tn = _run(src, many, args.workers)
        diffs = _differences(one, many)
        files = sum(1 for p in one.rglob("*") if p.is_file())
        print(f"speed-up {t1 / tn:.2f}x with {args.workers} workers; {files} files, "
              + ("all byte-identical" if not diffs else f"{len(diffs)} differ: {diffs[:5]}"))
        return 0 if not diffs else 1


if __name__ == "__main__":
    sys.exit(main())
