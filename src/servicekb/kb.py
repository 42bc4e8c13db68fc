"""The knowledge base: the validated projects of one data directory, in an SQLite index.

Files → loader → index (index.py) → this object → queries (filters here, text in search.py).
Commands get records (plain dicts with the model's field names), never re-read files.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from .errors import ServiceKBError, UsageError
from .problem import Problem
from .paths import data_dir as resolve_data_dir
from .paths import reference_dir
from .query import Filters
from .reference import Reference
from .text import did_you_mean, suggest


@dataclass
class KnowledgeBase:
    root: Path
    reference: Reference
    conn: sqlite3.Connection
    problems: list[Problem] = field(default_factory=list)
    _pending: Optional[Callable[[], bool]] = field(default=None, repr=False)

    def verify(self) -> bool:
        """Finish the freshness check that runs beside the first query (see open_kb).

        Returns True when files had changed: the index is brought up to date now, and an
        answer computed before this call must be computed again.
        """
        pending, self._pending = self._pending, None
        if pending is None or not pending():
            return False
        from .sync import stored_problems

        self.problems = stored_problems(self.conn)
        return True

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM projects").fetchone()[0]

    def condition(self, filters: Filters = Filters(), ids: Optional[list[str]] = None) -> tuple[str, list]:
        """Filters and --ids as one SQL condition on projects p (unknown ids are an error)."""
        where, params = filters.where()
        if ids is not None:
            self._check_ids(ids)
            where += " AND p.id IN (SELECT value FROM json_each(?))"
            params = [*params, json.dumps(ids)]
        return where, params

    def rowids(self, filters: Filters = Filters(), ids: Optional[list[str]] = None) -> list[int]:
        """Rowids of matching projects in title order (Swedish alphabetical)."""
        where, params = self.condition(filters, ids)
        sql = f"SELECT p.rowid FROM projects p WHERE {where} ORDER BY p.sort_key"
        return [r[0] for r in self.conn.execute(sql, params)]

    def records(self, rowids: list[int]) -> list[dict]:
        """Full records for rowids, in the given order."""
        if not rowids:
            return []
        found = dict(self.conn.execute(
            "SELECT rowid, record FROM projects WHERE rowid IN (SELECT value FROM json_each(?))", (json.dumps(rowids),)))
        return [json.loads(found[r]) for r in rowids if r in found]

    def select(self, filters: Filters = Filters(), ids: Optional[list[str]] = None) -> list[dict]:
        return self.records(self.rowids(filters, ids))

    def get(self, project_id: str) -> dict:
        row = self.conn.execute("SELECT record FROM projects WHERE id = ?", (project_id,)).fetchone()
        if row is None:
            hint = did_you_mean(suggest(project_id, self.all_ids(), cutoff=0.5))
            raise UsageError(f"no project with id {project_id!r}.{hint} `servicekb list --format ids` lists the ids.")
        return json.loads(row[0])

    def restrict(self, ids: list[str]) -> list[dict]:
        """The projects with these ids, in the given order; unknown ids are one error naming them all."""
        self._check_ids(ids)
        return [self.get(i) for i in dict.fromkeys(ids)]

    def all_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM projects")]

    def _check_ids(self, ids: list[str]) -> None:
        known = {r[0] for r in self.conn.execute(
            "SELECT id FROM projects WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))}
        unknown = [i for i in dict.fromkeys(ids) if i not in known]
        if unknown:
            raise UsageError(f"unknown project id(s): {', '.join(unknown)}")


def open_kb(
    data_dir: str | Path | None = None,
    use_cache: bool = True,
    notice: Callable[[str], None] = lambda message: None,
    progress: Optional[Callable] = None,
    speculate: bool = False,
) -> KnowledgeBase:
    """The knowledge base at --data-dir / $SERVICEKB_DATA / the bundled data, indexed.

    With the cache, the index persists between runs and only changed files are re-read;
    without it (or when the cache directory is not writable) it is built in memory. Either
    way the same code builds it, so results are identical. Invalid files are left out and
    reported in `problems`; the rest stays usable.

    With `speculate`, a warm index is returned at once while a thread checks every file
    (one stat each: the slowest part of a warm command at 100,000 files); the caller must
    call `kb.verify()` before it shows an answer, and compute again when it returns True.
    """
    from .cache import cache_path, open_cache, remove_cache_file
    from .sync import files_digest, fingerprint, meta_value, scan, stored_problems, sync

    root = resolve_data_dir(data_dir)
    refdir = reference_dir(root)
    ref = Reference(refdir)
    conn = (open_cache(root, notice) if use_cache else None) or sqlite3.connect(":memory:", isolation_level=None)

    def bring_up_to_date(entries=None) -> None:
        nonlocal conn
        try:
            sync(conn, root, refdir, lambda: ref, progress, entries)
        except sqlite3.DatabaseError as exc:  # damage that opening the file did not reveal
            if not use_cache:
                raise
            path = cache_path(root)
            notice(f"servicekb: the index cache {path} is damaged ({exc}); rebuilding it.")
            conn.close()
            remove_cache_file(path)
            conn = open_cache(root, notice) or sqlite3.connect(":memory:", isolation_level=None)
            sync(conn, root, refdir, lambda: ref, progress)

    def up_to_date(entries=None) -> None:
        try:
            bring_up_to_date(entries)
        except OSError as exc:
            raise ServiceKBError(f"cannot read the knowledge base at {root}: {exc}") from None

    try:
        stored_digest = meta_value(conn, "files_digest")
        warm = bool(speculate and use_cache and stored_digest and meta_value(conn, "fingerprint") == fingerprint(refdir))
    except (OSError, sqlite3.DatabaseError):  # sync reports or repairs it
        warm = False
    if not warm:
        up_to_date()
        return KnowledgeBase(root, ref, conn, stored_problems(conn))

    import threading

    outcome: dict = {}

    def check() -> None:  # filesystem work only: the connection stays in the main thread
        try:
            outcome["entries"] = scan(root / "projects")
            outcome["digest"] = files_digest(outcome["entries"])
        except BaseException as exc:  # reported in the main thread
            outcome["error"] = exc

    thread = threading.Thread(target=check, name="servicekb-freshness", daemon=True)
    thread.start()

    def pending() -> bool:
        thread.join()
        if "error" in outcome or outcome.get("digest") != stored_digest:
            up_to_date(outcome.get("entries"))
            kb.conn = conn
            return True
        return False

    kb = KnowledgeBase(root, ref, conn, stored_problems(conn), pending)
    return kb
