"""Every regular expression storyline uses on article text, run on adversarial strings under a time bound.

The patterns are collected as the package compiles them: a hook on
``re._compile`` records each pattern compiled from storyline's own code while
all its modules are imported and a small story runs through the whole
pipeline (so patterns built inside functions are caught too). Each pattern
then meets long runs of capitalized words, spaces, punctuation, nested
quotes and the like; a pattern that backtracks catastrophically takes
seconds on these, a sound one microseconds. The check runs in a subprocess
with a time bound so that a catastrophic pattern fails the test instead of
hanging the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PER_PATTERN_SECONDS = 0.5
HANG_SECONDS = 30

_COLLECT = r'''
import importlib, json, pkgutil, re, sys, time
recorded = {}
_orig = re._compile
def _hook(pattern, flags):
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.endswith(("re/__init__.py", "re/_compiler.py")):
        frame = frame.f_back
    if frame is not None and "/storyline/" in frame.f_code.co_filename and isinstance(pattern, str):
        recorded.setdefault((pattern, int(flags)), frame.f_code.co_filename.rsplit("/storyline/", 1)[-1] + ":" + str(frame.f_lineno))
    return _orig(pattern, flags)
re._compile = _hook
import storyline
for m in pkgutil.walk_packages(storyline.__path__, "storyline."):
    if not m.name.endswith("__main__"):
        importlib.import_module(m.name)
from storyline.api import story_from_articles
from storyline.ingest.read import RawArticle
from storyline.pipeline import Context, run_pipeline
from storyline.settings import load_options
opts = load_options()
text = ("Port Strike Ends\n\nBy Ana Ruiz and Tom Lee\n\nPORTVALE (Wire) - Dock workers voted on Sunday, May 6, 2018, to end "
        "a strike, the union said. \u201cWe won,\u201d said Mara Lind, its leader. Officials said 3,000 people were evacuated "
        "last week. It was not clear whether talks would resume next month.\n\nPhoto: Agency / Staff\n\nRead more: Other story\n")
story = story_from_articles([RawArticle(text=text, file="a.txt"), RawArticle(text=text.replace("3,000", "2,500"), file="b.txt")], opts)
run_pipeline(story, Context(opts))
re._compile = _orig
print(json.dumps([[p, f, w] for (p, f), w in sorted(recorded.items(), key=lambda kv: kv[1])]))
'''

_PROBE = r"""
import json, re, sys, time
patterns = json.loads(sys.stdin.read())
first = int(sys.argv[1])
attacks = {
    "capitalized words": "By " + " ".join(["Xaand"] * 40) + "!",
    "capitalized words, no end": " ".join(["Said"] * 200),
    "spaces": "a" + " " * 1000 + "!",
    "tabs and newlines": "\t \n" * 350 + "x",
    "punctuation": ".,;:-" * 200,
    "dashes": "- " * 500,
    "nested quotes": ('"' + "\u201c" + "'") * 300,
    "open quotes": "\u201c" + "word " * 200,
    "parentheses": "(" * 1000 + ")" * 10,
    "digits": "1," * 500 + "x",
    "dots": "." * 1000,
    "letters": "a" * 1000,
    "titles": "Mr. " * 250,
    "mixed case words": "Aa aA " * 170,
    "dates": "May 8, " * 150,
    "hyphenated": "-".join(["Xa"] * 340),
}
for i in range(first, len(patterns)):
    pattern, flags, where = patterns[i]
    rx = re.compile(pattern, flags)
    for name, s in attacks.items():
        print("START", i, name, flush=True)
        t0 = time.process_time()  # CPU seconds: load on the machine does not count
        rx.search(s); rx.match(s)
        for _ in rx.finditer(s):
            pass
        print("TIME", i, name, time.process_time() - t0, flush=True)
print("END", flush=True)
"""


def _collect() -> list[list[object]]:
    proc = subprocess.run([sys.executable, "-c", _COLLECT], capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    patterns: list[list[object]] = json.loads(proc.stdout.strip().splitlines()[-1])
    return patterns


def test_no_pattern_backtracks_catastrophically() -> None:
    patterns = _collect()
    assert len(patterns) >= 40, "the hook should see the package's patterns"
    slow: list[str] = []
    first = 0
    while first < len(patterns):
        try:
            proc = subprocess.run([sys.executable, "-c", _PROBE, str(first)], input=json.dumps(patterns), capture_output=True,
                                  text=True, timeout=HANG_SECONDS, check=False)
            out = proc.stdout
            assert proc.returncode == 0, proc.stderr[-3000:]
        except subprocess.TimeoutExpired as exc:
            raw = exc.stdout or b""
            out = raw.decode() if isinstance(raw, bytes) else raw
        lines = out.splitlines()
        for line in lines:
            if line.startswith("TIME "):
                _, i, rest = line.split(" ", 2)
                name, seconds = rest.rsplit(" ", 1)
                if float(seconds) > PER_PATTERN_SECONDS:
                    slow.append(f"{patterns[int(i)][2]} {str(patterns[int(i)][0])[:80]!r} on {name}: {float(seconds):.2f}s")
        if lines and lines[-1] == "END":
            break
        starts = [ln for ln in lines if ln.startswith("START ")]
        if not starts:
            pytest.fail("the probe printed nothing")
        _, i, name = starts[-1].split(" ", 2)
        slow.append(f"{patterns[int(i)][2]} {str(patterns[int(i)][0])[:80]!r} on {name}: over {HANG_SECONDS}s (catastrophic)")
        first = int(i) + 1
    assert not slow, "\n".join(slow)
