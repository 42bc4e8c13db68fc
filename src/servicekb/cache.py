"""Where the persistent index lives, and opening it safely.

One SQLite file per data directory in the user's cache directory ($SERVICEKB_CACHE, else
$XDG_CACHE_HOME/servicekb, else the platform's convention). A cache that is corrupt or not
ours is rebuilt with a one-line notice; a cache directory we cannot write to means an
in-memory index, without error.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import Callable, Optional

MAGIC = "servicekb-index"


def cache_dir() -> Path:
    env = os.environ.get("SERVICEKB_CACHE")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "servicekb" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "servicekb"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "servicekb"


def cache_path(data_root: Path) -> Path:
    """The index file of one data directory (named by a hash of its absolute path)."""
    key = hashlib.sha256(str(data_root.resolve()).encode("utf-8")).hexdigest()[:16]
    return cache_dir() / f"index-{key}.sqlite"


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA busy_timeout = 600000")  # wait for another process's build, not fail
    conn.execute("PRAGMA journal_mode = WAL")  # readers see the last committed index, never half of one
    conn.execute("PRAGMA synchronous = NORMAL")


def _is_ours(conn: sqlite3.Connection) -> bool:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return True  # new, empty file
    if "meta" not in tables:
        return False
    row = conn.execute("SELECT value FROM meta WHERE key = 'magic'").fetchone()
    return row is not None and row[0] == MAGIC


def remove_cache_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(str(path) + suffix)
        except FileNotFoundError:
            pass


def open_cache(data_root: Path, notice: Callable[[str], None]) -> Optional[sqlite3.Connection]:
    """Open (creating if needed) the index of `data_root`; None when the cache is unusable
    (unwritable directory): the caller then builds in memory."""
    path = cache_path(data_root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            return None
    except OSError:
        return None
    for attempt in (1, 2):
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=600)
            _configure(conn)
            if _is_ours(conn):
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            conn.close()
            problem = "is not a servicekb index"
        except sqlite3.DatabaseError as exc:
            problem = f"is damaged ({exc})"
        except OSError:
            return None
        if attempt == 2:
            return None
        notice(f"servicekb: the index cache {path} {problem}; rebuilding it.")
        try:
            remove_cache_file(path)
        except OSError:
            return None
    return None
