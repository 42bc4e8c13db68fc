"""Where the knowledge base lives: --data-dir, SERVICEKB_DATA, or the bundled data."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UsageError
from .messages import t

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
        raise UsageError(t("err.no_data_dir", path=repr(str(path))))
    if not (path / "projects").is_dir():
        raise UsageError(t("err.no_projects_dir", path=repr(str(path))))
    return path


def reference_dir(base: Path) -> Path:
    """A knowledge base's own reference/ folder when it has one, else the bundled one."""
    own = base / "reference"
    return own if own.is_dir() else bundled_data_dir() / "reference"


def reference_slugs(vocabulary: str) -> list[str]:
    """The slugs of a reference vocabulary ('kinds', 'owner_types') for help texts, read from
    the knowledge base's reference file line by line (`- slug: kommun`): help is put in words
    at start-up, which must not import a YAML parser. A file in another layout, or none, gives
    the bundled file's slugs; validation reports a damaged file, not help."""
    import re

    try:
        base = data_dir()
    except UsageError:  # $SERVICEKB_DATA names no knowledge base: the command itself says so
        base = bundled_data_dir()
    for folder in dict.fromkeys((reference_dir(base), bundled_data_dir() / "reference")):
        try:
            text = (folder / f"{vocabulary}.yaml").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        slugs = re.findall(r"^- slug:\s*['\"]?([\w-]+)", text, flags=re.MULTILINE)
        if slugs:
            return slugs
    return []
