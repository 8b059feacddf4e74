"""A gazetteer of news outlets: names, short forms and dateline codes.

The list lives in ``language/data/outlets.toml``. :func:`outlet_named`
maps any known spelling ("The Associated Press", "AP") to the outlet.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Outlet", "dateline_outlet", "outlet_named", "outlets"]


@dataclass(frozen=True)
class Outlet:
    name: str
    forms: tuple[str, ...]
    dateline: tuple[str, ...]
    agency: bool


@cache
def outlets() -> tuple[Outlet, ...]:
    raw = tomllib.loads(resources.files("storyline.language").joinpath("data/outlets.toml").read_text(encoding="utf-8"))
    return tuple(
        Outlet(str(o["name"]), tuple(str(f) for f in o.get("forms", [])), tuple(str(c) for c in o.get("dateline", [])), bool(o.get("agency", False)))
        for o in raw["outlet"]
    )


@cache
def _by_form() -> dict[str, Outlet]:
    table: dict[str, Outlet] = {}
    for o in outlets():
        for form in (o.name, *o.forms):
            table.setdefault(form.lower(), o)
    return table


def outlet_named(text: str) -> Outlet | None:
    """The outlet a spelling names (case-insensitive), or None."""
    return _by_form().get(" ".join(text.split()).lower().strip(" .,"))


def dateline_outlet(code: str) -> Outlet | None:
    """The outlet of a dateline code ("AP", "Reuters", "CNN"), or None."""
    c = code.strip().lower()
    return next((o for o in outlets() if any(d.lower() == c for d in o.dateline)), None)
