"""Fixtures of the stream tests: the synthetic stream generator (synth.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest


def load_synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("storyline_test_synth", Path(__file__).with_name("synth.py"))
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def synth() -> ModuleType:
    return load_synth()
