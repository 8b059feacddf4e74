"""Layered settings: packaged defaults, then a user file, then flags.

All three layers fold into one immutable :class:`Options` object that every
stage receives. Unknown keys and wrong types raise :class:`ConfigError`
naming the key and the file it came from.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["Options", "load_options", "user_config_path"]


@dataclass(frozen=True)
class Options:
    """Every setting of a run. Build it with :func:`load_options`."""

    pipeline: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    summary_words: int = 120
    max_input_bytes: int = 20_000_000
    source: str | None = None  # outlet name for inputs that do not carry one
    published: date | None = None  # publication date for inputs that do not carry one
    llm_url: str | None = None  # OpenAI-compatible endpoint for the abstractive brief
    stream: dict[str, Any] = field(default_factory=dict)  # [stream]: the story clusterer (storyline.stream.cluster.StreamSettings)


_KNOWN = {f.name: f for f in fields(Options)}
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


def _coerce(key: str, value: Any, origin: str) -> Any:
    if key not in _KNOWN:
        raise ConfigError(key, "unknown setting", origin)
    if key in _TUPLES:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ConfigError(key, "expected a list of names", origin)
        return tuple(value)
    if key in {"summary_words", "max_input_bytes"}:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ConfigError(key, "expected a positive whole number", origin)
        return value
    if key == "stream":
        if not isinstance(value, dict):
            raise ConfigError(key, "expected a [stream] table", origin)
        from .stream.cluster import StreamSettings

        StreamSettings.from_mapping(value, origin)  # validates every key and value
        return dict(value)
    if key == "published":
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(key, f"expected a date YYYY-MM-DD, got {value!r}", origin) from None
    if value is not None and not isinstance(value, str):
        raise ConfigError(key, "expected text", origin)
    return value


def load_options(config_file: str | Path | None = None, **flags: Any) -> Options:
    """Fold packaged defaults, the user file and explicit flags into Options.

    Flags whose value is ``None`` are treated as not given.
    """
    layers: list[tuple[str, dict[str, Any]]] = []
    default_text = resources.files("storyline").joinpath("defaults.toml").read_text(encoding="utf-8")
    layers.append(("packaged defaults", tomllib.loads(default_text)))
    path = Path(config_file) if config_file else user_config_path()
    if path is not None:
        layers.append((str(path), _read_toml(path, str(path))))
    layers.append(("command line", {k: v for k, v in flags.items() if v is not None}))
    values: dict[str, Any] = {}
    for origin, layer in layers:
        for key, value in layer.items():
            value = _coerce(key, value, origin)
            if key == "stream":  # a section: later layers override key by key
                value = {**values.get(key, {}), **value}
            values[key] = value
    return replace(Options(), **values)
