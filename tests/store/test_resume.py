"""Kill ``storyline cluster`` mid-stream (SIGKILL), re-run it, and compare with one uninterrupted run."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

from storyline.store.store import Store


def _cluster(path: Path, url: str, out: Path | None = None) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "storyline", "cluster", str(path), "--store", url, "--batch", "5", "--snapshot-every", "40"]
    if out is not None:
        cmd += ["--out", str(out)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _assignments(path: Path) -> dict[str, str]:
    return {r["id"]: r["story"] for r in map(json.loads, path.read_text().splitlines())}


def test_killed_and_resumed_run_equals_one_run(store_url: str, synth: ModuleType, tmp_path: Path) -> None:
    rows = synth.stream(200, per_story=3, seed=11, hours_apart=3.0)
    stream = tmp_path / "stream.jsonl"
    stream.write_text("".join(json.dumps(r) + "\n" for r in rows))

    ref = _cluster(stream, str(tmp_path / "ref.db"), tmp_path / "ref.jsonl")
    assert ref.wait(timeout=300) == 0, ref.communicate()[1]

    proc = _cluster(stream, store_url)
    deadline = time.monotonic() + 120
    with Store(store_url) as st:
        while st.counts()["articles"] < 100 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        stored = st.counts()["articles"]
        assert 0 < stored < len(rows), "the run was not killed mid-stream"
        assert stored % 5 == 0  # whole batches only: no half-written transaction
        assert st.check() == []

    again = _cluster(stream, store_url, tmp_path / "resumed.jsonl")
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{stored} already stored (skipped)" in out
    assert _assignments(tmp_path / "resumed.jsonl") == _assignments(tmp_path / "ref.jsonl")
    with Store(store_url) as st:
        assert st.check() == []
        assert st.counts()["articles"] == len(rows)
