"""Where the persistent index lives, and opening it safely.

One SQLite file per data directory in the user's cache directory ($SERVICEKB_CACHE, else
$XDG_CACHE_HOME/servicekb, else the platform's convention). A cache that is corrupt or not
ours is rebuilt with a one-line notice; a cache directory we cannot write to means an
in-memory index, without error. Anything else in the way of the index file (a folder, a
pipe, a link to a device) is removed first: opening a pipe would block, and a folder can
never become an index.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, Optional, TypeVar

from .digest import sha256
from .errors import ServiceKBError
from .index import MAGIC
from .messages import t


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
    key = sha256(str(data_root.resolve()).encode("utf-8")).hexdigest()[:16]
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


CACHE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def remove_cache_file(path: Path) -> None:
    """Remove an index and its side files, whatever stands at those paths (a folder too:
    it lies in our own cache directory under our own name). Raises OSError when it cannot."""
    for suffix in CACHE_SUFFIXES:
        name = str(path) + suffix
        try:
            st = os.lstat(name)
        except FileNotFoundError:
            continue
        if stat.S_ISDIR(st.st_mode):
            shutil.rmtree(name)
        else:
            os.remove(name)


def in_the_way(path: Path) -> str | None:
    """What stands at an index path that SQLite must not open (None: nothing, or a regular file)."""
    for suffix in CACHE_SUFFIXES:
        name = str(path) + suffix
        try:
            st = os.stat(name)  # a link to a regular file is fine
        except FileNotFoundError:
            if os.path.islink(name):
                return t("blocker.dangling_link")
            continue
        except OSError as exc:
            return t("blocker.unreadable", reason=exc.strerror or exc)
        if not stat.S_ISREG(st.st_mode):
            kind = t("blocker.folder" if stat.S_ISDIR(st.st_mode) else "blocker.not_regular")
            return f"{kind}{' (' + suffix.lstrip('-') + ')' if suffix else ''}"
    return None


def is_disk_trouble(exc: BaseException) -> bool:
    """Errors that rebuilding in the same place cannot cure: a full disk, a read-only or
    unreachable file. The caller goes to an in-memory index instead of rebuilding."""
    text = str(exc).lower()
    return isinstance(exc, OSError) or any(
        words in text
        for words in ("full", "readonly", "read-only", "i/o error", "unable to open", "locked", "out of memory")
    )


class IndexDamage(sqlite3.DatabaseError):
    """A stored value that fails its own check (a checksum, a count, a shape): the index is
    damaged where SQLite's page checks cannot see it. Raised where such values are read."""


# What a statement's own input can make SQLite refuse: a pattern, value or expression beyond
# its limits (https://sqlite.org/limits.html), or FTS5's query syntax. SQLite's primary result
# codes nomem, interrupt, toobig and range (https://sqlite.org/rescode.html), and these words
# of SQLITE_ERROR, which otherwise means "no such table" as well (an index not of this layout).
_QUERY_CODES = frozenset({7, 9, 18, 25})
_QUERY_WORDS = (
    "pattern too complex",
    "too big",
    "too large",
    "too long",
    "too many",
    "parser stack overflow",
    "maximum depth",
    "syntax error",
    "out of memory",
    "interrupted",
)


def is_index_trouble(exc: BaseException) -> bool:
    """Is this error the index's (damage, a full disk, a file not ours: repair or rebuild it), or
    the query's (a pattern too complex, a value too big, too many terms: the user's input, a
    usage error that must never touch the cache)? Only what a query is known to cause counts as
    the query's; anything else is treated as damage, as before (a rebuild costs time, an
    unrepaired index a wrong answer).

    One rule for every query the knowledge base runs (kb.KnowledgeBase._guarded).
    """
    if isinstance(exc, IndexDamage) or not isinstance(exc, sqlite3.Error):
        return True
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None and (code & 0xFF) in _QUERY_CODES:
        return False
    text = str(exc).lower()
    return not (code in (None, 1) and any(words in text for words in _QUERY_WORDS))


T = TypeVar("T")

# What a damaged index raises on a query: SQLite's errors. Stored JSON that no longer decodes,
# or decodes to the wrong shape, is turned into sqlite3.DatabaseError where it is read
# (freshness.stored_json, kb._record), so that a ValueError/KeyError/TypeError elsewhere stays what it
# is — a bug, reported as one — instead of costing two rebuilds as "damage". Text that no longer
# decodes as UTF-8 is damage too (SQLite hands back the damaged bytes; Python cannot decode them).
INDEX_ERRORS = (sqlite3.Error, UnicodeDecodeError)

# The one retry rule for the index: a failure is repaired (a rebuild on disk, or an index in
# memory) and the work done again, at most this many times; a failure after that is given up.
REPAIRS = 2


def with_repairs(attempt: Callable[[], T], repair: Callable[[Exception], object], give_up: str) -> T:
    """attempt(); after each failure of the index (INDEX_ERRORS), repair(exc) and attempt() again,
    at most REPAIRS times, then ServiceKBError(give_up).

    Every query, update and read of the stored problems goes through this (kb.py). `repair`
    raises when it will not repair: an index in memory that fails is a bug, reported as one, and
    an error that is the query's own is a usage error (see is_index_trouble)."""
    for _ in range(REPAIRS + 1):
        try:
            return attempt()
        except INDEX_ERRORS as exc:
            repair(exc)
    raise ServiceKBError(give_up)


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
        conn = None
        try:
            blocker = in_the_way(path)
            if blocker is not None:
                problem = t("notice.cache_blocked", path=path, blocker=blocker)
            else:
                conn = sqlite3.connect(str(path), isolation_level=None, timeout=600)
                _configure(conn)
                if _is_ours(conn):
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                    return conn
                problem = t("notice.cache_foreign", path=path)
        except (*INDEX_ERRORS, OSError) as exc:
            if conn is not None:
                conn.close()
            if is_disk_trouble(exc):  # rebuilding here cannot work: say so once, use memory
                notice(t("notice.cache_memory", path=path, reason=exc))
                return None
            problem = t("notice.cache_damaged", path=path, reason=exc)
        else:
            if conn is not None:
                conn.close()
        if attempt == 2:
            return None  # the notice below was given; the rebuild happens in memory
        try:
            remove_cache_file(path)
        except OSError as exc:
            notice(t("notice.cache_memory", path=path, reason=exc.strerror or exc))
            return None
        notice(problem)
    return None


class CacheDescription(NamedTuple):  # (a NamedTuple: a frozen dataclass costs 0.7 ms at import)
    """What `servicekb cache info` says about a knowledge base's index, as the cache sees it."""

    path: Path  # the index file
    blocker: Optional[str] = None  # what stands in its place (in words; never opened)
    built: bool = False  # the file exists
    size: Optional[int] = None  # bytes, with its write-ahead log (None: not read)
    projects: Optional[int] = None  # rows indexed (None: not read)
    files: Optional[int] = None
    invalid: Optional[int] = None  # files with problems
    error: Optional[str] = None  # why it could not be read


def describe(data_root: Path) -> CacheDescription:
    """The index of `data_root` as it is on disk, read only (never created, repaired or locked)."""
    path = cache_path(data_root)
    blocker = in_the_way(path)
    if blocker is not None:  # never open it: a pipe would block, a folder cannot be read
        return CacheDescription(path, blocker=blocker)
    if not path.exists():
        return CacheDescription(path)
    size = None
    try:
        size = sum(os.stat(f"{path}{s}").st_size for s in ("", "-wal") if os.path.exists(f"{path}{s}"))
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            files, invalid = conn.execute("SELECT count(*), count(problems) FROM files").fetchone()
            projects = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        return CacheDescription(path, built=True, size=size, error=str(exc))
    return CacheDescription(path, built=True, size=size, projects=projects, files=files, invalid=invalid)
