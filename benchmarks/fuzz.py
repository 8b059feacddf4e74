"""The long fuzz run: N seeded inputs through the API, in chunks, each chunk in a subprocess with a time bound.

    python benchmarks/fuzz.py --count 10000 [--seed 1] [--chunk 250] [--hang 60] [--jobs 2]

Prints crashes (exceptions outside StorylineError), hangs (a chunk over its
bound is re-run one input at a time to name the input), span violations and
schema violations, with counts and timings. Exit status 1 when anything went
wrong. Bounds and per-input seconds are CPU seconds (the chunk's process is
stopped by RLIMIT_CPU), so a machine shared with other work, or a run under
``nice``, does not make slow-but-finite inputs count as hangs; a wall-clock
bound ``--wall-factor`` times larger catches a process that blocks without
using the CPU.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHUNK = """
import json, resource, sys, tempfile
resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu} + 5))
sys.path.insert(0, {here!r})
from fuzz_inputs import generate, run_inputs
items = list(generate({seed}, {stop}))[{start}:{stop}]
with tempfile.TemporaryDirectory() as tmp:
    results = run_inputs(items, tmp)
print(json.dumps([r.__dict__ for r in results]))
"""


def _run_chunk(seed: int, start: int, stop: int, bound: float, wall_factor: float) -> list[dict[str, object]] | None:
    """The results of inputs ``start:stop``, or None when the chunk went over ``bound`` CPU seconds (or the wall bound)."""
    code = _CHUNK.format(here=str(HERE), seed=seed, start=start, stop=stop, cpu=math.ceil(bound))
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=bound * wall_factor, check=False)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return None
    if proc.returncode != 0:
        return [{"name": f"chunk {start}-{stop}", "kind": "runner", "seconds": 0.0, "crash": proc.stderr.strip().splitlines()[-1:], "problems": []}]
    rows: list[dict[str, object]] = json.loads(proc.stdout.strip().splitlines()[-1])
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=250)
    ap.add_argument("--hang", type=float, default=60.0, help="CPU seconds one input may take before it counts as a hang")
    ap.add_argument("--jobs", type=int, default=1, help="chunks run at once")
    ap.add_argument("--wall-factor", type=float, default=20.0, help="wall-clock bound of a chunk, as a multiple of its CPU bound")
    args = ap.parse_args()
    t0 = time.perf_counter()
    hangs: list[str] = []

    def chunk(start: int) -> list[dict[str, object]]:
        stop = min(start + args.chunk, args.count)
        got = _run_chunk(args.seed, start, stop, args.hang * 4 + 60 + 2.0 * (stop - start), args.wall_factor)
        out: list[dict[str, object]] = []
        if got is None:  # find the input that hangs
            for i in range(start, stop):
                one = _run_chunk(args.seed, i, i + 1, args.hang + 30, args.wall_factor)
                if one is None:
                    hangs.append(f"input {i} (seed {args.seed})")
                    print(f"  hang: input {i} (seed {args.seed})", file=sys.stderr, flush=True)
                else:
                    out.extend(one)
        else:
            out.extend(got)
        for r in out:
            if r["crash"] or r["problems"]:
                print(f"  {r['name']}: {r['crash'] or r['problems']}", file=sys.stderr, flush=True)
        print(f"inputs {start}-{stop} of {args.count} done, {time.perf_counter() - t0:.0f}s", file=sys.stderr, flush=True)
        return out

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:  # each chunk is its own process
        rows = [r for part in pool.map(chunk, range(0, args.count, args.chunk)) for r in part]
    crashes = collections.Counter(str(r["crash"])[:160] for r in rows if r["crash"])
    problems = collections.Counter(str(p)[:160] for r in rows for p in r["problems"])  # type: ignore[attr-defined]
    slow = [r for r in rows if float(r["seconds"]) > args.hang]  # type: ignore[arg-type]
    seconds = [float(r["seconds"]) for r in rows]  # type: ignore[arg-type]
    print(f"inputs {len(rows) + len(hangs)}  crashes {sum(crashes.values())}  hangs {len(hangs) + len(slow)}  "
          f"span/schema problems {sum(problems.values())}  total {time.perf_counter() - t0:.0f}s  "
          f"per input: median {sorted(seconds)[len(seconds) // 2]:.3f}s max {max(seconds):.2f}s")
    by_kind = collections.Counter(str(r["kind"]) for r in rows)
    print("by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    for text, n in crashes.most_common(15):
        print(f"  crash x{n}: {text}")
    for text, n in problems.most_common(15):
        print(f"  problem x{n}: {text}")
    for h in hangs:
        print(f"  hang: {h}")
    return 1 if crashes or problems or hangs or slow else 0


if __name__ == "__main__":
    sys.exit(main())
