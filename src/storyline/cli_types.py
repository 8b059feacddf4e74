"""Argument types shared by the ``storyline`` sub-commands (cli, cli_store, cli_batch)."""

from __future__ import annotations

import argparse
from datetime import date

__all__ = ["formats_list", "iso_date", "positive_int"]


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from None


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return n


def formats_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]
