"""Writing output files safely: checked before the work starts, never half-written.

Every report is written to a temporary file in the output folder and renamed
over its final name, so a kill or a full disk leaves either the old file or
the new one, never a truncated mix. The rename replaces a symlink planted in
the output folder instead of writing through it to its target.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import OutputError

__all__ = ["atomic_write", "check_out_dir", "check_out_file", "os_problem"]


def os_problem(exc: OSError) -> str:
    """The reason of an OSError as a short phrase ("permission denied")."""
    return (exc.strerror or type(exc).__name__).lower()


def _nearest_existing(path: Path) -> Path:
    p = path
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


def check_out_dir(out_dir: Path) -> None:
    """Raise :class:`OutputError` when ``out_dir`` cannot be a folder of reports (nothing is created)."""
    if out_dir.exists() or out_dir.is_symlink():
        if not out_dir.is_dir():
            raise OutputError(str(out_dir), "exists and is not a folder")
        if not os.access(out_dir, os.W_OK | os.X_OK):
            raise OutputError(str(out_dir), "folder is not writable")
        return
    parent = _nearest_existing(out_dir.absolute())
    if not parent.is_dir():
        raise OutputError(str(out_dir), f"cannot create it: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(str(out_dir), f"cannot create it: {parent} is not writable")


def check_out_file(path: Path) -> None:
    """Raise :class:`OutputError` when ``path`` cannot be written as a file (nothing is created)."""
    if path.is_dir():
        raise OutputError(str(path), "is a folder, expected a file")
    check_out_dir(path.parent if str(path.parent) else Path("."))


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(str(exc.filename or folder), os_problem(exc)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        if path.is_dir() and not path.is_symlink():
            raise OutputError(str(path), "is a folder, expected a file")
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(str(path), os_problem(exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
