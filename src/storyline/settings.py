"""Layered settings: packaged defaults, then a user file, then flags.

All three layers fold into one immutable :class:`Options` object that every
stage receives. Unknown keys and wrong types raise :class:`ConfigError`
naming the key and the file it came from; every option is validated here,
when it is loaded, before any work (formats, stage names, the endpoint URL).

Thresholds and weights live in one typed section per stage of
``defaults.toml`` (``[compare]``, ``[summarize.weights]``, ...): the packaged
value of a key fixes its type (whole number, number or true/false), and a user
file may override any key of a section with a value of that type
(``[compare]\nmax_agreements = 4``). Stages read them with :meth:`Options.tuned`,
module constants with :func:`tuned` (read once, at first import, from the
process's defaults and user file: see :func:`use_config_file`).
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["FORMATS", "Options", "Tuning", "load_options", "packaged_defaults", "tuned", "tuned_int", "tuned_section", "use_config_file", "user_config_path"]

log = logging.getLogger(__name__)

#: Output formats of ``storyline brief`` (render.FORMATS writes them).
FORMATS = ("json", "md", "html", "csv", "tsv")

#: section ("compare", "summarize.weights") -> key -> value (int, float or bool)
Tuning = Mapping[str, Mapping[str, int | float | bool]]


@cache
def packaged_defaults() -> dict[str, Any]:
    """The packaged ``defaults.toml``, parsed."""
    text = resources.files("storyline").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _sections(table: Mapping[str, Any], prefix: str = "") -> dict[str, dict[str, Any]]:
    """Flatten nested tables into dotted section names: {"summarize.weights": {...}}."""
    out: dict[str, dict[str, Any]] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            name = f"{prefix}{key}"
            out[name] = {k: v for k, v in value.items() if not isinstance(v, dict)}
            out.update(_sections({k: v for k, v in value.items() if isinstance(v, dict)}, f"{name}."))
    return out


def _packaged_tuning() -> dict[str, dict[str, Any]]:
    return _sections(packaged_defaults())


@dataclass(frozen=True)
class Options:
    """Every setting of a run. Build it with :func:`load_options`."""

    pipeline: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    summary_words: int = 120
    max_input_bytes: int = field(default_factory=lambda: int(packaged_defaults()["max_input_bytes"]))
    max_parse_chars: int = field(default_factory=lambda: int(packaged_defaults()["max_parse_chars"]))  # a longer block is parsed in pieces
    max_document_chars: int = field(default_factory=lambda: int(packaged_defaults()["max_document_chars"]))  # analysed per document; the rest is cut (reported)
    max_story_chars: int = field(default_factory=lambda: int(packaged_defaults()["max_story_chars"]))  # analysed per story; the rest is cut (reported)
    source: str | None = None  # outlet name for inputs that do not carry one
    published: date | None = None  # publication date for inputs that do not carry one
    llm_url: str | None = None  # OpenAI-compatible endpoint for the abstractive brief
    tuning: Tuning = field(default_factory=_packaged_tuning)  # thresholds and weights, one section per stage

    def tuned(self, section: str, key: str) -> float:
        """A threshold or weight of ``[section]`` (a number)."""
        return _number(self.tuning, section, key)

    def tuned_int(self, section: str, key: str) -> int:
        """A whole-number setting of ``[section]`` (a count or a length)."""
        return int(_number(self.tuning, section, key))

    def section(self, section: str) -> dict[str, Any]:
        """Every key of one section (a copy)."""
        if section not in self.tuning:
            raise ConfigError(section, "no such settings section")
        return dict(self.tuning[section])


def _number(tuning: Tuning, section: str, key: str) -> float:
    try:
        return tuning[section][key]
    except KeyError:
        raise ConfigError(f"{section}.{key}", "no such setting in defaults.toml") from None


_KNOWN = {f.name: f for f in fields(Options) if f.name != "tuning"}
_TUPLES = {"pipeline", "models", "formats"}


def user_config_path() -> Path | None:
    """The user settings file, if one exists."""
    env = os.environ.get("STORYLINE_CONFIG")
    if env:
        return Path(env)
    p = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "storyline" / "config.toml"
    return p if p.is_file() else None


def _read_toml(path: Path, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("config", "file not found", origin) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError("config", f"not valid TOML: {exc}", origin) from None


def _tune(tuning: dict[str, dict[str, Any]], section: str, table: Mapping[str, Any], origin: str) -> None:
    """Fold one user table ``[section]`` into ``tuning``, each value checked against the packaged type."""
    known = _packaged_tuning()
    for key, value in table.items():
        name = f"{section}.{key}"
        if isinstance(value, dict):
            if name not in known:
                raise ConfigError(name, "unknown settings section", origin)
            _tune(tuning, name, value, origin)
            continue
        if key not in known[section]:
            raise ConfigError(name, f"unknown setting; [{section}] has: {', '.join(sorted(known[section]))}", origin)
        default = known[section][key]
        if isinstance(default, bool):
            if not isinstance(value, bool):
                raise ConfigError(name, "expected true or false", origin)
        elif isinstance(default, int):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ConfigError(name, "expected a whole number >= 0", origin)
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(name, "expected a number >= 0", origin)
        else:
            value = float(value)
        tuning[section][key] = value


def _coerce(key: str, value: Any, origin: str) -> Any:
    if key not in _KNOWN:
        raise ConfigError(key, "unknown setting", origin)
    if key in _TUPLES:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ConfigError(key, "expected a list of names", origin)
        if key == "formats":
            unknown = [v for v in value if v not in FORMATS]
            if unknown:
                raise ConfigError(key, f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}", origin)
        if key == "pipeline":
            from .pipeline import available_stages  # not at module level: pipeline imports settings

            unknown = [v for v in value if v not in available_stages()]
            if unknown:
                raise ConfigError(key, f"no stage called {unknown[0]!r}; known: {', '.join(available_stages())}", origin)
        return tuple(value)
    if key in {"summary_words", "max_input_bytes", "max_parse_chars", "max_document_chars", "max_story_chars"}:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ConfigError(key, "expected a positive whole number", origin)
        return value
    if key == "published":
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(key, f"expected a date YYYY-MM-DD, got {value!r}", origin) from None
    if value is not None and not isinstance(value, str):
        raise ConfigError(key, "expected text", origin)
    if key == "llm_url" and value is not None and not value.startswith(("http://", "https://")):
        raise ConfigError(key, f"expected an http:// or https:// URL, got {value!r}", origin)
    return value


def load_options(config_file: str | Path | None = None, **flags: Any) -> Options:
    """Fold packaged defaults, the user file and explicit flags into Options.

    Flags whose value is ``None`` are treated as not given.
    """
    layers: list[tuple[str, dict[str, Any]]] = []
    layers.append(("packaged defaults", packaged_defaults()))
    path = Path(config_file) if config_file else user_config_path()
    if path is not None:
        layers.append((str(path), _read_toml(path, str(path))))
    layers.append(("command line", {k: v for k, v in flags.items() if v is not None}))
    values: dict[str, Any] = {}
    tuning = {name: dict(keys) for name, keys in _packaged_tuning().items()}
    for origin, layer in layers:
        for key, value in layer.items():
            if isinstance(value, dict):
                if key not in tuning:
                    raise ConfigError(key, f"unknown settings section; known: {', '.join(sorted(tuning))}", origin)
                if origin != "packaged defaults":
                    _tune(tuning, key, value, origin)
                continue
            values[key] = _coerce(key, value, origin)
    options = replace(Options(), **values, tuning=tuning)
    if path is not None and _READ:
        _warn_if_read_differ(options.tuning)
    return options


# -- the tuning modules read at import -------------------------------------
#
# A module constant (``LINK = tuned("compare", "link")``) is read once, when
# its module is first imported, from the process's settings: the packaged
# defaults and the user file ($STORYLINE_CONFIG, ~/.config/storyline/config.toml,
# or the file the command line names with --config, see :func:`use_config_file`).
# Options loaded later with another file carry their own tuning (Options.tuned);
# a module constant they change is reported once, as it cannot change any more.

_PROCESS: dict[str, Any] = {}
_READ: dict[tuple[str, str], Any] = {}


def use_config_file(path: str | Path | None) -> None:
    """Make ``path`` the user file module constants read (the CLI calls this before any stage is loaded).

    Modules imported from then on read ``path``; a constant some module read
    before, with another value, cannot change and is reported.
    """
    tuning = load_options(path).tuning
    _warn_if_read_differ(tuning)
    _PROCESS["tuning"] = tuning


def _process_tuning() -> Tuning:
    if "tuning" not in _PROCESS:
        _PROCESS["tuning"] = load_options().tuning
    tuning: Tuning = _PROCESS["tuning"]
    return tuning


def _warn_if_read_differ(tuning: Tuning) -> None:
    changed = sorted(f"{s}.{k}" for (s, k), v in _READ.items() if tuning.get(s, {}).get(k, v) != v)
    if changed:
        log.warning("settings %s differ from the values the loaded modules read; they apply in a new process", ", ".join(changed))


def tuned(section: str, key: str) -> float:
    """A threshold or weight for a module constant, from the process's settings."""
    value = _number(_process_tuning(), section, key)
    _READ[(section, key)] = value
    return value


def tuned_int(section: str, key: str) -> int:
    """A whole-number setting for a module constant (see :func:`tuned`)."""
    return int(tuned(section, key))


def tuned_section(section: str) -> dict[str, Any]:
    """Every key of one section, for a module constant (see :func:`tuned`)."""
    tuning = _process_tuning()
    if section not in tuning:
        raise ConfigError(section, "no such settings section")
    values = dict(tuning[section])
    _READ.update({(section, k): v for k, v in values.items()})
    return values
