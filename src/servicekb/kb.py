"""The knowledge base: the validated projects of one data directory, in an SQLite index.

Files → loader → index (index.py) → this object → queries (filters here, text in search.py).
Commands get records (plain dicts with the model's field names), never re-read files.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Optional, TypeVar

from .cache import INDEX_ERRORS, IndexDamage, is_index_trouble, with_repairs
from .errors import EXIT_PROBLEMS, ServiceKBError, UsageError
from .messages import t
from .paths import data_dir as resolve_data_dir
from .paths import reference_dir
from .problem import Problem
from .query import Filters
from .reference import Reference
from .text import hint_for

T = TypeVar("T")


class KnowledgeBase:
    """Every answer comes through a public method here, and every such method returns an
    answer that reflects the files as they are now (see `_fresh`): a command cannot forget
    to check freshness, because it has no other way to ask.

    (A plain class, not a dataclass: every warm command creates this type at import.)"""

    def __init__(
        self,
        root: Path,
        reference: Reference,
        conn: sqlite3.Connection,
        problems: Optional[list[Problem]] = None,
        pending: Optional[Callable[[], bool]] = None,
        _recover: Optional[Callable[[BaseException], tuple[sqlite3.Connection, list[Problem]]]] = None,
    ) -> None:
        self.root, self.reference, self.conn = root, reference, conn
        self._problems: list[Problem] = problems if problems is not None else []
        self._pending = pending  # the freshness check still running (see open_kb)
        self._recover = _recover  # how to repair the index after a failed query

    def __repr__(self) -> str:
        return f"KnowledgeBase(root={self.root!r})"

    def _fresh(self, compute: Callable[[], T]) -> T:
        """compute() from the index while the files are checked beside it; again if they changed.

        The freshness check (one stat per file) runs in a thread started by `open_kb`; the
        first query overlaps with it and is redone only when some file had changed. Damage
        that only a query reveals (a malformed page, a record that no longer decodes) is
        repaired by `_recover` — a rebuild, or an index in memory — and the query redone.
        """
        error: Optional[ServiceKBError] = None
        result: Optional[T] = None
        try:
            result = self._guarded(lambda: self._snapshot(compute))
        except ServiceKBError as exc:  # e.g. an id that a file added a moment ago defines
            error = exc
        pending, self._pending = self._pending, None
        if pending is not None and self._guarded(pending):
            from .freshness import stored_problems

            self._problems = self._guarded(lambda: stored_problems(self.conn))
            return self._guarded(lambda: self._snapshot(compute))
        if error is not None:
            raise error
        return result  # type: ignore[return-value]

    def _snapshot(self, compute: Callable[[], T]) -> T:
        """compute() inside one read transaction: its statements see one committed index, so
        what they check against each other (a count, a hit's record) cannot differ because
        another process committed in between (which would look like damage)."""
        if self.conn.in_transaction:
            return compute()
        self.conn.execute("BEGIN")
        try:
            return compute()
        finally:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")  # a read: nothing to keep or lose
            except sqlite3.Error:
                pass  # the query's own error (if any) is the one that counts

    def _guarded(self, compute: Callable[[], T]) -> T:
        """compute(), repairing the index once per failure when it turns out to be damaged.

        An error that is the query's own (SQLite refusing a pattern too complex, a value too
        big: see cache.is_index_trouble) is a usage error, and the index is left as it is."""

        def repair(exc: Exception) -> None:
            if not is_index_trouble(exc):
                raise UsageError(t("err.query_refused", reason=_one_line(exc))) from None
            if self._recover is None:
                raise exc
            self.conn, self._problems = self._recover(exc)

        return with_repairs(compute, repair, t("err.index_unrepairable"))

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
            sql = f"SELECT p.record, p.checksum FROM projects p WHERE {where} ORDER BY p.sort_key"
            records = [_record(*r) for r in self.conn.execute(sql, params)]
            if where == "p.active":  # everything: as many as the index says it holds
                _check_count(self.conn, len(records))
            return records

        return self._fresh(compute)

    def search(
        self,
        query,
        filters: Filters = Filters(),
        ids: Optional[list[str]] = None,
        limit: Optional[int] = None,
        count: bool = True,
        with_facets: bool = False,
        all_words: bool = False,
        feedback: bool = False,
    ):
        """Ranked search (search.py) → (SearchResult, records of the hits in rank order, facets or None).
        With `feedback`, a question finding fewer than a page of projects is followed by the
        projects most like its first answers (search/feedback.py); facets count the word matches."""
        from .search import facets, search

        if limit is not None and limit >= 2**31:  # more than any index holds, and SQLite's integers end at 2^63
            limit = None

        def compute():
            where, params = self.condition(filters, ids)
            found = search(
                self.conn,
                query,
                where,
                params,
                limit=limit,
                count=count,
                all_words=all_words,
                focus=filters.counties,
                places=self.reference.place_named,  # a word naming a county or municipality is a place
            )
            records = self._records([h.rowid for h in found.hits])
            facet_data = facets(self.conn, found) if with_facets else None
            if feedback and not all_words and not query.empty:
                from .index import Labels
                from .search.feedback import feedback as likes

                more = likes(self.conn, found, records, Labels(self.reference), where, params, limit)
                if more:
                    found.hits += [hit for hit, _ in more]
                    records += self._records([hit.rowid for hit, _ in more])
                    found.feedback = len(more)
                    if found.total is not None:
                        found.total += len(more)
            return found, records, facet_data

        return self._fresh(compute)

    def similar(self, record: dict, limit: Optional[int] = 10, related_boost: Optional[float] = None):
        """The projects most like `record` (search/similar.py), best first: [Similar]."""
        from .index import Labels
        from .search.similar import RELATED_BOOST, similar

        labels = Labels(self.reference)
        boost = RELATED_BOOST if related_boost is None else related_boost
        return self._fresh(lambda: similar(self.conn, record, labels, limit=limit, related_boost=boost))

    def get(self, project_id: str) -> dict:
        """One project by id; an unknown id is a UsageError with the closest ids."""
        if not project_id.strip():
            raise UsageError(t("err.id_empty"))

        def compute() -> Optional[dict]:
            row = self.conn.execute(
                "SELECT record, checksum FROM projects WHERE id = ? AND active", (project_id,)
            ).fetchone()
            return _record(row[0], row[1], project_id=project_id) if row else None

        found = self._fresh(compute)
        if found is None:
            self._why_left_out(project_id)
            hint = hint_for(project_id, self.all_ids(), cutoff=0.5)
            raise UsageError(t("err.id_unknown", id=project_id, hint=hint))
        return found

    def left_out(self) -> list[str]:
        """The project files left out of every answer: invalid ones, and those repeating an
        earlier file's id (what a document says it does not count)."""

        def compute() -> list[str]:
            invalid = {f"projects/{r[0]}" for r in self.conn.execute("SELECT path FROM files WHERE project IS NULL")}
            shadowed = {r[0] for r in self.conn.execute("SELECT file FROM projects WHERE NOT active")}
            return sorted(invalid | shadowed)

        return self._fresh(compute)

    def _why_left_out(self, project_id: str) -> None:
        """An id whose file is there but left out is not "unknown": say which file, and why."""

        def compute() -> Optional[tuple[str, str]]:
            name = f"{project_id}.yaml"
            row = self.conn.execute(
                "SELECT path FROM files WHERE project IS NULL AND (path = ? OR substr(path, -?) = ?) ORDER BY path",
                (name, len(name) + 1, "/" + name),
            ).fetchone()
            if row is not None:
                return "invalid", f"projects/{row[0]}"
            row = self.conn.execute("SELECT file FROM projects WHERE id = ? AND NOT active", (project_id,)).fetchone()
            return ("shadowed", row[0]) if row is not None else None

        found = self._fresh(compute)
        if found is None:
            return
        why, file = found
        first = next((p for p in self._problems if p.file == file), None)
        problem = str(first).rstrip(".") if first is not None else ""
        raise ServiceKBError(t(f"err.id_{why}_file", id=project_id, file=file, problem=problem), EXIT_PROBLEMS)

    def find(self, typed: str) -> dict:
        """One project by what a person types: the id in any case, an id it had before it was
        renamed (its `former_ids`), or a unique beginning of its id."""
        key = typed.strip().lower()

        def compute() -> list[str]:
            exact = self.conn.execute("SELECT id FROM projects WHERE active AND id = ?", (key,)).fetchall()
            if exact:
                return [exact[0][0]]
            # An id from before `servicekb rename` still finds its project.
            former = self.conn.execute(
                "SELECT p.id FROM projects p, json_each(p.record, '$.former_ids') f WHERE p.active AND f.value = ?",
                (key,),
            ).fetchall()
            if former:
                return [former[0][0]]
            like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            return [
                r[0]
                for r in self.conn.execute(
                    "SELECT id FROM projects WHERE active AND id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 6", (like,)
                )
            ]

        found = self._fresh(compute)
        if len(found) == 1:
            return self.get(found[0])
        if len(found) > 1:
            key = "err.id_prefix_more" if len(found) > 5 else "err.id_prefix"  # (at most 6 were asked for)
            raise UsageError(t(key, typed=typed, shown=", ".join(found[:5])))
        return self.get(typed)

    def restrict(self, ids: list[str]) -> list[dict]:
        """The projects with these ids, in the given order; unknown ids are one error naming them all."""

        def compute() -> list[dict]:
            self._check_ids(ids)
            rows = {
                r[0]: (r[1], r[2])
                for r in self.conn.execute(
                    "SELECT id, record, checksum FROM projects WHERE active AND id IN (SELECT value FROM json_each(?))",
                    (json.dumps(ids),),
                )
            }
            return [_record(rows[i][0], rows[i][1], project_id=i) for i in dict.fromkeys(ids)]

        return self._fresh(compute)

    def all_ids(self) -> list[str]:
        return self._fresh(lambda: [r[0] for r in self.conn.execute("SELECT id FROM projects WHERE active")])

    def _records(self, rowids: list[int]) -> list[dict]:
        """Full records for rowids, in the given order (inside a query: freshness is the caller's)."""
        if not rowids:
            return []
        found = {
            r[0]: r[1:]
            for r in self.conn.execute(
                "SELECT rowid, record, checksum FROM projects WHERE rowid IN (SELECT value FROM json_each(?))",
                (json.dumps(rowids),),
            )
        }
        if len(found) != len(set(rowids)):
            raise IndexDamage("a search hit has no record")
        return [_record(*found[r]) for r in rowids]

    def _check_ids(self, ids: list[str]) -> None:
        known = {
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM projects WHERE active AND id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
            )
        }
        unknown = [i for i in dict.fromkeys(ids) if i not in known]
        if unknown:
            raise UsageError(t("err.ids_unknown", ids=", ".join(unknown)))


def _record(text: str, checksum: str, project_id: Optional[str] = None) -> dict:
    """A stored record, verified: a damaged one is an error here (and repaired), never an answer."""
    from .index import record_checksum

    if record_checksum(text) != checksum:
        raise IndexDamage("a stored record does not match its checksum")
    from .freshness import stored_json

    record = stored_json(text, "record")
    if not isinstance(record, dict) or not isinstance(record.get("id"), str) or project_id not in (None, record["id"]):
        raise IndexDamage("a stored record lost its shape")
    return record


def _check_count(conn: sqlite3.Connection, found: int) -> None:
    """An unfiltered answer holds as many projects as the last update counted."""
    from .freshness import meta_value

    if meta_value(conn, "active_projects") != str(found):
        counted = meta_value(conn, "active_projects")
        raise IndexDamage(f"the index holds {found} projects, not the {counted} it counted")


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

    The cache can never take the knowledge base down: any error of the cached index, on
    opening, updating or querying it, gives one notice and a rebuild (damage) or an index
    in memory (a full disk, a read-only file), and the answer is computed again.

    With `speculate`, a warm index is returned at once while a thread checks every file
    (one stat each: the slowest part of a warm command at 100,000 files); the knowledge
    base's query methods finish that check before they answer (see KnowledgeBase._fresh).
    """
    from .files import scan
    from .freshness import (
        checked_value,
        files_digest,
        fingerprint,
        has_racy_files,
        meta_value,
        stored_json,
        stored_problems,
    )

    root = resolve_data_dir(data_dir)
    refdir = reference_dir(root)
    ref = Reference(refdir)
    index = _Index(root, refdir, ref, use_cache, notice, progress)

    try:
        stored_digest = meta_value(index.conn, "files_digest")
        current = meta_value(index.conn, "fingerprint") == fingerprint(refdir)
        warm = bool(speculate and index.on_disk and stored_digest and current)
        racy = warm and has_racy_files(index.conn)  # files whose content is compared again
        snapshot = checked_value(index.conn, "reference") if current else None
        if snapshot:  # the reference data as parsed when the index was built from these files
            ref.snapshot = stored_json(snapshot, "reference data")
            if not isinstance(ref.snapshot, dict):
                raise IndexDamage("the stored reference data lost its shape")
    except INDEX_ERRORS:  # the update below reports and repairs it
        ref.snapshot = None
        warm = False
    if not warm:
        index.update()
        problems = index.problems()
        return KnowledgeBase(root, ref, index.conn, problems, _recover=index.recover)

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
            index.update(outcome.get("entries"))
            kb.conn = index.conn
            return True
        if racy:  # the stat data is as recorded, but cannot vouch for these files' content yet
            report = index.update(outcome.get("entries"))
            kb.conn = index.conn
            return report is None or report.changed
        return False

    try:
        problems = stored_problems(index.conn)
    except INDEX_ERRORS as exc:  # the warm path's first read: damage shows here first
        thread.join()
        index.recover(exc)
        return KnowledgeBase(root, ref, index.conn, index.problems(), _recover=index.recover)
    kb = KnowledgeBase(root, ref, index.conn, problems, pending, _recover=index.recover)
    return kb


class _Index:
    """The connection behind a knowledge base, and what to do when it fails.

    On disk first; on damage the file is removed and rebuilt once, with one notice; on
    trouble that a rebuild cannot cure (full disk, read-only), or a second failure, the
    index is built in memory. An error of the in-memory index is a real bug: it is raised.
    """

    def __init__(
        self,
        root: Path,
        refdir: Path,
        ref: Reference,
        use_cache: bool,
        notice: Callable[[str], None],
        progress: Optional[Callable],
    ):
        from .cache import open_cache

        self.root, self.refdir, self.ref, self.notice, self.progress = root, refdir, ref, notice, progress
        self.failures = 0
        conn = open_cache(root, notice) if use_cache else None
        self.on_disk = conn is not None
        self.conn = conn or _memory()

    def update(self, entries=None):
        """Bring the index up to date with the files (repairing it if it fails); returns the
        SyncReport (None when it had to be repaired: then anything may have changed)."""
        from .sync import sync

        repaired = False

        def attempt():
            try:
                report = sync(self.conn, self.root, self.refdir, lambda: self.ref, self.progress, entries)
            except OSError as exc:
                raise ServiceKBError(t("err.cannot_read_kb", root=self.root, reason=exc)) from None
            return None if repaired else report

        def repair(exc: Exception) -> None:
            nonlocal entries, repaired
            if not self.on_disk:
                raise exc
            self._switch(exc)
            entries, repaired = None, True  # the new index is built from a new scan

        return with_repairs(attempt, repair, t("err.index_unbuildable"))

    def problems(self) -> list[Problem]:
        from .freshness import stored_problems

        return with_repairs(lambda: stored_problems(self.conn), self.recover, t("err.index_unreadable"))

    def recover(self, exc: BaseException) -> tuple[sqlite3.Connection, list[Problem]]:
        """After a failed query: a new index (rebuilt, or in memory), up to date."""
        if not self.on_disk:
            raise exc
        self._switch(exc)
        self.update()
        from .freshness import stored_problems

        return self.conn, stored_problems(self.conn)

    def _switch(self, exc: BaseException) -> None:
        """Leave the failed on-disk index for a rebuilt one or one in memory (one notice)."""
        from .cache import cache_path, is_disk_trouble, open_cache, remove_cache_file

        path = cache_path(self.root)
        self.failures += 1
        self.ref.snapshot = None  # it came from the failed index: read the files again
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
        conn = None
        if is_disk_trouble(exc) or self.failures > 1:
            self.notice(t("notice.cache_memory", path=path, reason=_one_line(exc)))
        else:
            self.notice(t("notice.cache_damaged", path=path, reason=_one_line(exc)))
            try:
                remove_cache_file(path)
                conn = open_cache(self.root, lambda message: None)
            except OSError:
                conn = None
        self.on_disk = conn is not None
        self.conn = conn or _memory()


def _memory() -> sqlite3.Connection:
    return sqlite3.connect(":memory:", isolation_level=None)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
