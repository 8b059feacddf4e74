"""Static checks run by the test command (and so by CI): ruff and mypy --strict on src/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    exe = BIN / name
    if exe.exists():
        return str(exe)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: it is part of the test extra (pip install -e '.[test]')")
    return found


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_ruff_reports_no_problem() -> None:
    res = _run(_tool("ruff"), "check", "src", "tests", "benchmarks", "--output-format", "concise")
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy_strict_reports_no_problem() -> None:
    res = _run(_tool("mypy"), "--strict", "src")
    assert res.returncode == 0, res.stdout + res.stderr
