"""Static checks run by the test command (and so by CI): ruff, mypy --strict on src/, and the import contracts (lint-imports)."""

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


def test_import_contracts_are_kept() -> None:
    res = _run(_tool("lint-imports"), "--no-cache")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 broken" in res.stdout


def test_import_contracts_cover_every_builtin_stage() -> None:
    import tomllib

    from storyline.pipeline import _BUILTIN

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    stages = {module.rsplit(".", 1)[0] for module in _BUILTIN.values()}
    independent = next(c for c in config if c["type"] == "independence")
    forbidden = next(c for c in config if c["type"] == "forbidden")
    assert set(independent["modules"]) == stages
    assert set(forbidden["forbidden_modules"]) == stages
    assert "storyline.language" in forbidden["source_modules"]
