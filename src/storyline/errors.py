"""The exceptions storyline raises.

Every error carries the context a user needs to act on it, and ``str(err)``
is one line suitable for a terminal::

    StorylineError
    ├── InputError        an input file or folder could not be read as articles
    ├── ConfigError       a settings file or option is invalid
    ├── ModelError        a required model package is not installed
    ├── ServiceError      a remote service (``--llm``) failed or answered badly
    └── OutputError       an output file or folder cannot be written
"""

from __future__ import annotations

__all__ = ["ConfigError", "InputError", "ModelError", "OutputError", "ServiceError", "StorylineError"]


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class InputError(StorylineError):
    """An input could not be read as one or more articles."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ConfigError(StorylineError):
    """A setting is invalid (names the setting and where it came from)."""

    def __init__(self, setting: str, problem: str, origin: str | None = None) -> None:
        where = f" (from {origin})" if origin else ""
        super().__init__(f"setting {setting!r}{where}: {problem}")
        self.setting = setting
        self.problem = problem
        self.origin = origin


class ModelError(StorylineError):
    """A model package needed by a stage is not installed."""


class ServiceError(StorylineError):
    """A remote service failed or returned something unusable."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem


class OutputError(StorylineError):
    """An output file or folder cannot be written (names the path)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
