"""Country, capital, demonym and organization look-ups, read once per process.

Countries, their ISO 3166-1 alpha-3 codes, alternative spellings, capitals and
demonyms come from the ``countryinfo`` and ``pycountry`` packages. Seats of
power ("the Kremlin") and well-known organizations whose short names cannot
be derived from their full names come from ``data/actors_known.toml``.
When two countries share a name or demonym ("American"), the more populous
one wins.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pycountry

from ..language.names import name_key

__all__ = ["Gazetteer", "KnownOrg", "gazetteer", "name_key"]

log = logging.getLogger(__name__)

_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f .'\-]+$")


@dataclass(frozen=True)
class KnownOrg:
    """An organization or group known by name (from the data file)."""

    name: str
    kind: str
    role: str | None
    country: str | None
    aliases: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """Look-up tables keyed by :func:`name_key`."""

    country_names: dict[str, str] = field(default_factory=dict)  # name -> ISO3
    country_codes: dict[str, str] = field(default_factory=dict)  # short code forms ("us", "uk") -> ISO3
    capitals: dict[str, str] = field(default_factory=dict)  # capital -> ISO3
    demonyms: dict[str, str] = field(default_factory=dict)  # "russian" -> ISO3
    seats: dict[str, str] = field(default_factory=dict)  # "kremlin" -> ISO3
    canonical: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name
    demonym_of: dict[str, str] = field(default_factory=dict)  # ISO3 -> demonym
    orgs: dict[str, KnownOrg] = field(default_factory=dict)  # any alias -> org
    upper_only: set[str] = field(default_factory=set)  # org aliases that match only in capitals ("WHO", not "Who")
    max_words: int = 1

    def country_of_code(self, text: str) -> str | None:
        """ISO3 of a code form written in capitals ("US", "U.K.", "USA"), else None."""
        if not text.replace(".", "").isupper():
            return None
        return self.country_codes.get(name_key(text))

    def lookup(self, text: str) -> tuple[str, str] | None:
        """What a proper name stands for: ("country"|"capital"|"seat"|"demonym"|"org", key)."""
        k = name_key(text)
        if k in self.country_names:
            return "country", self.country_names[k]
        if k in self.seats:
            return "seat", self.seats[k]
        if k in self.capitals:
            return "capital", self.capitals[k]
        if k in self.orgs and (k not in self.upper_only or text.replace(".", "").isupper()):
            return "org", k
        if k in self.demonyms:
            return "demonym", self.demonyms[k]
        return None


def _put(table: dict[str, str], weight: dict[str, float], key: str, iso: str) -> None:
    """Keep, for each key, the country with the largest population."""
    if not key:
        return
    old = table.get(key)
    if old is None or weight.get(iso, 0.0) > weight.get(old, 0.0):
        table[key] = iso


def _capital_forms(capital: str | list[str]) -> list[str]:
    """'Washington D.C.' -> ['Washington D.C.', 'Washington']; 'A / B' -> ['A', 'B']."""
    out: list[str] = []
    parts = capital if isinstance(capital, list) else capital.split("/")
    for part in parts:
        part = part.strip()
        if not part:
            continue
        out.append(part)
        words = part.split()
        if len(words) > 1 and re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,3}", words[-1]):
            out.append(" ".join(words[:-1]))
    return out


def _load_countryinfo(gz: Gazetteer, weight: dict[str, float]) -> None:
    from countryinfo._cache import load_countries

    for info in load_countries()["countries"].values():
        iso = (info.get("ISO") or {}).get("alpha3")
        if not iso:
            continue
        weight[iso] = float(info.get("population") or 0)
        name = info.get("name") or ""
        gz.canonical.setdefault(iso, name)
        _put(gz.country_names, weight, name_key(name), iso)
        for alt in info.get("altSpellings") or []:
            if alt.isupper() and len(alt) <= 4:
                # two-letter codes ("US", "U.K.") only for large countries: "L.A." is not Laos
                if len(alt) == 3 or weight[iso] >= 50_000_000:
                    gz.country_codes.setdefault(name_key(alt), iso)
            elif _LATIN.match(alt) and not alt.islower():
                _put(gz.country_names, weight, name_key(alt), iso)
        for cap in _capital_forms(info.get("capital") or ""):
            _put(gz.capitals, weight, name_key(cap), iso)
        dem = info.get("demonym") or ""
        if dem:
            _put(gz.demonyms, weight, name_key(dem), iso)
            if gz.demonyms.get(name_key(dem)) == iso:
                gz.demonym_of[iso] = dem


def _load_pycountry(gz: Gazetteer, weight: dict[str, float]) -> None:
    for c in pycountry.countries:
        iso = c.alpha_3
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val and "," not in val:
                k = name_key(val)
                if k not in gz.country_names:
                    gz.country_names[k] = iso
        common = getattr(c, "common_name", None)
        if iso not in gz.canonical:
            gz.canonical[iso] = common or c.name


def _load_known(gz: Gazetteer) -> None:
    text = resources.files("storyline").joinpath("data/actors_known.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for name, iso in data.get("seats", {}).items():
        gz.seats[name_key(name)] = iso
    for row in data.get("orgs", []):
        org = KnownOrg(
            name=row["name"], kind=row.get("kind", "organization"), role=row.get("role"), country=row.get("country"), aliases=tuple(row.get("aliases", []))
        )
        for alias in (org.name, *org.aliases):
            gz.orgs[name_key(alias)] = org
            if alias.replace(".", "").isupper():
                gz.upper_only.add(name_key(alias))
    for row in data.get("country_names", []):
        gz.country_names.setdefault(name_key(row["name"]), row["country"])


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    gz = Gazetteer()
    weight: dict[str, float] = {}
    _load_countryinfo(gz, weight)
    _load_pycountry(gz, weight)
    _load_known(gz)
    # a capital that is also a country name ("Singapore", "Kuwait") is the country
    for k in list(gz.capitals):
        if k in gz.country_names:
            del gz.capitals[k]
    keys = [*gz.country_names, *gz.capitals, *gz.seats, *gz.orgs, *gz.demonyms]
    gz.max_words = max(len(k.split()) for k in keys)
    log.debug("gazetteer: %d country names, %d capitals, %d demonyms", len(gz.country_names), len(gz.capitals), len(gz.demonyms))
    return gz
