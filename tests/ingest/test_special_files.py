"""Only regular files are read; the size limit is applied before reading; dates out of range are not dates."""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path

import pytest

from storyline.ingest.read import read_inputs

ARTICLE = "Storm Hits Coast\n\nA storm hit the coast on Monday, officials said.\n\nPower was cut to 4,000 homes.\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    t0 = time.monotonic()
    res = read_inputs([fifo])
    assert time.monotonic() - t0 < 5
    assert not res.articles and len(res.skipped) == 1
    assert "FIFO" in res.skipped[0].problem and "\n" not in res.skipped[0].problem


@pytest.mark.parametrize("device", ["/dev/urandom", "/dev/zero", "/dev/null"])
def test_device_is_skipped_before_reading(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is absent on this platform")
    t0 = time.monotonic()
    res = read_inputs([device], max_bytes=1000)
    assert time.monotonic() - t0 < 5
    assert not res.articles and res.skipped[0].problem.startswith("a device")


@pytest.mark.skipif(sys.platform == "win32", reason="no Unix sockets")
def test_socket_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.bind(str(path))
        res = read_inputs([path])
    assert not res.articles and "socket" in res.skipped[0].problem


def test_size_limit_is_applied_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 100, encoding="utf-8")
    res = read_inputs([big], max_bytes=200)
    assert not res.articles and res.skipped[0].problem.startswith("too large")


def test_regular_files_in_a_folder_beside_a_fifo_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "b.txt")
    res = read_inputs([tmp_path])
    assert [a.file for a in res.articles] == ["a.txt"]


@pytest.mark.parametrize("value", ["0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "9999-99-99", "-0001-01-01", "2016-02-30", "99999999999-01-01"])
def test_published_out_of_range_is_not_a_date(tmp_path: Path, value: str) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": ARTICLE, "published": value}) + "\n", encoding="utf-8")
    res = read_inputs([p])
    assert len(res.articles) == 1 and res.articles[0].published is None


def test_a_plausible_published_date_is_kept(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": ARTICLE, "published": "2016-03-15T10:00:00Z"}) + "\n", encoding="utf-8")
    assert read_inputs([p]).articles[0].published is not None
