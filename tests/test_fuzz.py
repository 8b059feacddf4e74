"""A seeded fuzz run through the API: no crash outside StorylineError, no hang, exact spans, a valid story.json.

The inputs (random bytes, mutated hand-written articles, random Unicode,
broken HTML, odd JSON Lines, unclosed and nested quotes, dates at the edges
of the calendar) come from ``benchmarks/fuzz_inputs.py``; the long run is
``benchmarks/fuzz.py``. The run happens in a subprocess with a time bound,
so a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNT = 300
PER_INPUT_SECONDS = 20.0
TOTAL_SECONDS = 600

_SCRIPT = """
import json, sys, tempfile
sys.path.insert(0, {bench!r})
from fuzz_inputs import generate, run_inputs
with tempfile.TemporaryDirectory() as tmp:
    results = run_inputs(list(generate({seed}, {count})), tmp)
print(json.dumps([r.__dict__ for r in results]))
"""


def test_fuzzed_inputs_never_crash_hang_or_break_a_span(tmp_path: Path) -> None:
    script = _SCRIPT.format(bench=str(ROOT / "benchmarks"), seed=20261201, count=COUNT)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=TOTAL_SECONDS, check=False, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    assert len(results) == COUNT
    crashes = [f"{r['name']} ({r['kind']}): {r['crash']}" for r in results if r["crash"]]
    assert not crashes, "\n".join(crashes[:20])
    broken = [f"{r['name']} ({r['kind']}): {p}" for r in results for p in r["problems"]]
    assert not broken, "\n".join(broken[:20])
    slow = [f"{r['name']} ({r['kind']}): {r['seconds']:.1f}s" for r in results if r["seconds"] > PER_INPUT_SECONDS]
    assert not slow, "\n".join(slow)


def test_inputs_that_once_crashed_now_pass(tmp_path: Path) -> None:
    """Found by the long fuzz run (benchmarks/fuzz.py --seed 2): a name of symbols only made actor folding index an empty list."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from fuzz_inputs import generate, run_inputs

    item = list(generate(2, 2766))[2765]
    [result] = run_inputs([item], str(tmp_path))
    assert result.crash is None and not result.problems
