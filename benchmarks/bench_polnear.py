"""PolNeAR dev quote attribution: storyline next to textacy's `direct_quotations`, in one run.

    python benchmarks/bench_polnear.py [--textacy-python /tmp/textacy-venv/bin/python] [--limit N] [--jobs 1]

Runs the project's scorer (../shared/tools/score_polnear.py) on the 84 PolNeAR
development articles with this checkout's `storyline` executable and prints
one table: quote recall and precision, speaker accuracy on named sources, on
named + coreference-resolved sources, and end to end. With
``--textacy-python`` (a python in a separate venv holding textacy 0.13 and the
spaCy English model, never the project venv) textacy's figures are printed in
the same table. Exits with a message when the PolNeAR data is absent.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_polnear.py"
DATA = SHARED / "data" / "polnear" / "dev" / "gold.json"


def storyline_cli() -> str:
    """The storyline executable beside the running python (the project venv), else the one on PATH."""
    here = Path(sys.executable).parent / "storyline"
    if here.exists():
        return str(here)
    found = shutil.which("storyline")
    if found is None:
        raise SystemExit("storyline executable not found: install the project (pip install -e .)")
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--textacy-python", help="python with textacy 0.13 and the spaCy English model (a separate venv)")
    ap.add_argument("--limit", type=int, help="score an even spread of N articles")
    ap.add_argument("--jobs", type=int, default=1, help="storyline runs at once (the machine is shared: keep it low)")
    ap.add_argument("--work", help="folder for the storyline outputs (default: a temporary folder)")
    ap.add_argument("--errors", help="write storyline's misses and wrong speakers here (JSON lines)")
    ap.add_argument("--reuse", action="store_true", help="reuse story.json files already in --work (score again without rerunning)")
    a = ap.parse_args(argv)
    if not SCORER.is_file() or not DATA.is_file():
        print(f"PolNeAR data or scorer not found under {SHARED}: nothing to measure", file=sys.stderr)
        return 2
    cmd = [sys.executable, str(SCORER), storyline_cli(), "--split", "dev", "--jobs", str(a.jobs)]
    if a.limit:
        cmd += ["--limit", str(a.limit)]
    if a.work:
        cmd += ["--work", a.work]
    if a.errors:
        cmd += ["--errors", a.errors]
    if a.reuse:
        cmd += ["--reuse"]
    if a.textacy_python:
        cmd += ["--baseline-python", a.textacy_python]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
