"""Where the knowledge base lives: --data-dir, SERVICEKB_DATA, or the bundled data."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UsageError

_PACKAGE = Path(__file__).resolve().parent


def bundled_data_dir() -> Path:
    """The data shipped with servicekb: inside the wheel, or the repository's data/ when editable."""
    inside = _PACKAGE / "data"
    if (inside / "projects").is_dir():
        return inside
    return _PACKAGE.parent.parent / "data"


def data_dir(option: str | Path | None = None) -> Path:
    """The knowledge base folder: the option, else $SERVICEKB_DATA, else the bundled data."""
    chosen = option if option not in (None, "") else os.environ.get("SERVICEKB_DATA") or None
    if chosen is None:
        return bundled_data_dir()
    path = Path(chosen).expanduser()
    if not path.is_dir():
        raise UsageError(f"data directory {str(path)!r} does not exist; give a folder that holds projects/")
    if not (path / "projects").is_dir():
        raise UsageError(f"{str(path)!r} has no projects/ folder; a knowledge base is a folder holding projects/ (and optionally reference/)")
    return path


def reference_dir(base: Path) -> Path:
    """A knowledge base's own reference/ folder when it has one, else the bundled one."""
    own = base / "reference"
    return own if own.is_dir() else bundled_data_dir() / "reference"
