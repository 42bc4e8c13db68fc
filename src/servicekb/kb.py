"""The knowledge base: the validated projects of one data directory, in an SQLite index.

Files → loader → index (index.py) → this object → queries (filters here, text in search.py).
Commands get records (plain dicts with the model's field names), never re-read files.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, TypeVar

from .errors import ServiceKBError, UsageError
from .problem import Problem
from .paths import data_dir as resolve_data_dir
from .paths import reference_dir
from .query import Filters
from .reference import Reference
from .text import did_you_mean, suggest


T = TypeVar("T")


@dataclass
class KnowledgeBase:
    """Every answer comes through a public method here, and every such method returns an
    answer that reflects the files as they are now (see `_fresh`): a command cannot forget
    to check freshness, because it has no other way to ask."""

    root: Path
    reference: Reference
    conn: sqlite3.Connection
    _problems: list[Problem] = field(default_factory=list, repr=False)
    _pending: Optional[Callable[[], bool]] = field(default=None, repr=False)

    def _fresh(self, compute: Callable[[], T]) -> T:
        """compute() from the index while the files are checked beside it; again if they changed.

        The freshness check (one stat per file) runs in a thread started by `open_kb`; the
        first query overlaps with it and is redone only when some file had changed.
        """
        error: Optional[ServiceKBError] = None
        try:
            result = compute()
        except ServiceKBError as exc:  # e.g. an id that a file added a moment ago defines
            error = exc
        pending, self._pending = self._pending, None
        if pending is not None and pending():
            from .sync import stored_problems

            self._problems = stored_problems(self.conn)
            return compute()
        if error is not None:
            raise error
        return result

    @property
    def problems(self) -> list[Problem]:
        """Problems of the files as they are now (invalid files are left out of answers)."""
        return self._fresh(lambda: self._problems)

    def count(self) -> int:
        return self._fresh(lambda: self.conn.execute("SELECT count(*) FROM projects WHERE active").fetchone()[0])

    def condition(self, filters: Filters = Filters(), ids: Optional[list[str]] = None) -> tuple[str, list]:
        """Filters and --ids as one SQL condition on projects p (unknown ids are an error)."""
        where, params = filters.where()
        if ids is not None:
            self._check_ids(ids)
            where += " AND p.id IN (SELECT value FROM json_each(?))"
            params = [*params, json.dumps(ids)]
        return where, params

    def select(self, filters: Filters = Filters(), ids: Optional[list[str]] = None) -> list[dict]:
        """Records of the matching projects in title order (Swedish alphabetical)."""

        def compute() -> list[dict]:
            where, params = self.condition(filters, ids)
            sql = f"SELECT p.record FROM projects p WHERE {where} ORDER BY p.sort_key"
            return [json.loads(r[0]) for r in self.conn.execute(sql, params)]

        return self._fresh(compute)

    def search(self, query, filters: Filters = Filters(), ids: Optional[list[str]] = None, limit: Optional[int] = None,
               count: bool = True, with_facets: bool = False, all_words: bool = False):
        """Ranked search (search.py) → (SearchResult, records of the hits in rank order, facets or None)."""
        from .search import facets, search

        def compute():
            where, params = self.condition(filters, ids)
            found = search(self.conn, query, where, params, limit=limit, count=count, all_words=all_words)
            return found, self._records([h.rowid for h in found.hits]), (facets(self.conn, found) if with_facets else None)

        return self._fresh(compute)

    def get(self, project_id: str) -> dict:
        """One project by id; an unknown id is a UsageError with the closest ids."""

        def compute() -> Optional[str]:
            row = self.conn.execute("SELECT record FROM projects WHERE id = ? AND active", (project_id,)).fetchone()
            return row[0] if row else None

        found = self._fresh(compute)
        if found is None:
            hint = did_you_mean(suggest(project_id, self.all_ids(), cutoff=0.5))
            raise UsageError(f"no project with id {project_id!r}.{hint} `servicekb list --format ids` lists the ids.")
        return json.loads(found)

    def find(self, typed: str) -> dict:
        """One project by what a person types: the id in any case, or a unique beginning of it."""
        key = typed.strip().lower()

        def compute() -> list[str]:
            exact = self.conn.execute("SELECT id FROM projects WHERE active AND id = ?", (key,)).fetchall()
            if exact:
                return [exact[0][0]]
            like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            return [r[0] for r in self.conn.execute(
                "SELECT id FROM projects WHERE active AND id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 6", (like,))]

        found = self._fresh(compute)
        if len(found) == 1:
            return self.get(found[0])
        if len(found) > 1:
            shown = ", ".join(found[:5]) + (" …" if len(found) > 5 else "")
            raise UsageError(f"{typed!r} is the beginning of several ids: {shown}. Type more of the id.")
        return self.get(typed)

    def restrict(self, ids: list[str]) -> list[dict]:
        """The projects with these ids, in the given order; unknown ids are one error naming them all."""

        def compute() -> list[dict]:
            self._check_ids(ids)
            rows = dict(self.conn.execute("SELECT id, record FROM projects WHERE active AND id IN (SELECT value FROM json_each(?))",
                                          (json.dumps(ids),)))
            return [json.loads(rows[i]) for i in dict.fromkeys(ids)]

        return self._fresh(compute)

    def all_ids(self) -> list[str]:
        return self._fresh(lambda: [r[0] for r in self.conn.execute("SELECT id FROM projects WHERE active")])

    def _records(self, rowids: list[int]) -> list[dict]:
        """Full records for rowids, in the given order (inside a query: freshness is the caller's)."""
        if not rowids:
            return []
        found = dict(self.conn.execute(
            "SELECT rowid, record FROM projects WHERE rowid IN (SELECT value FROM json_each(?))", (json.dumps(rowids),)))
        return [json.loads(found[r]) for r in rowids if r in found]

    def _check_ids(self, ids: list[str]) -> None:
        known = {r[0] for r in self.conn.execute(
            "SELECT id FROM projects WHERE active AND id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))}
        unknown = [i for i in dict.fromkeys(ids) if i not in known]
        if unknown:
            raise UsageError(f"unknown project id(s): {', '.join(unknown)}")


def open_kb(
    data_dir: str | Path | None = None,
    use_cache: bool = True,
    notice: Callable[[str], None] = lambda message: None,
    progress: Optional[Callable] = None,
    speculate: bool = True,
) -> KnowledgeBase:
    """The knowledge base at --data-dir / $SERVICEKB_DATA / the bundled data, indexed.

    With the cache, the index persists between runs and only changed files are re-read;
    without it (or when the cache directory is not writable) it is built in memory. Either
    way the same code builds it, so results are identical. Invalid files are left out and
    reported in `problems`; the rest stays usable.

    With `speculate`, a warm index is returned at once while a thread checks every file
    (one stat each: the slowest part of a warm command at 100,000 files); the knowledge
    base's query methods finish that check before they answer (see KnowledgeBase._fresh).
    """
    from .cache import cache_path, open_cache, remove_cache_file
    from .files import scan
    from .sync import files_digest, fingerprint, meta_value, stored_problems, sync

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
        current = meta_value(conn, "fingerprint") == fingerprint(refdir)
        warm = bool(speculate and use_cache and stored_digest and current)
        snapshot = meta_value(conn, "reference") if current else None
        if snapshot:  # the reference data as parsed when the index was built from these files
            ref.snapshot = json.loads(snapshot)
    except (OSError, sqlite3.DatabaseError, ValueError):  # sync reports or repairs it
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
