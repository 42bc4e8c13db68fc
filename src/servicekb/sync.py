"""Keeping the index in step with the data files: re-index only what changed.

Every command calls `sync` first. It compares each file's path and stat data (size,
modification and change time in nanoseconds, inode: see files.stat_data) with what the index
recorded, and the content hash where those disagree (a touched but unchanged file costs a
read, not a parse) or where the file was written too close to its last reading for its stat
data to tell a second write apart (git's racy-clean rule: files.is_racy). Changed files are parsed and
validated — importing PyYAML and pydantic only then; deleted files disappear; an invalid
file is recorded with its problems and the rest stays usable. A change of reference data,
model or index layout rebuilds everything. Writes happen in one transaction, so another
process never sees half an index; two processes building at once take turns.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple, Optional

from .cache import IndexDamage
from .digest import blake2b
from .files import Entry, Stat, is_racy, read_file, real_path, scan, stat_data
from .freshness import (
    files_digest,
    fingerprint,
    is_current,
    meta_value,
    put_checked,
    stored_json,
)
from .index import (
    Labels,
    add_project,
    refresh_vocab,
    remove_project,
    reset,
    store_thesaurus,
)
from .problem import Problem


class SyncReport:
    """What one update of the index did."""

    def __init__(self) -> None:
        self.added = 0
        self.updated = 0
        self.removed = 0
        self.touched = 0  # mtime changed, content did not
        self.rebuilt = False

    def __repr__(self) -> str:
        return (
            f"SyncReport(added={self.added}, updated={self.updated}, removed={self.removed}, "
            f"touched={self.touched}, rebuilt={self.rebuilt})"
        )

    @property
    def changed(self) -> bool:
        """Did any answer change (files came, went or changed, or everything was re-indexed)?"""
        return bool(self.added or self.updated or self.removed or self.rebuilt)


def sync(
    conn: sqlite3.Connection,
    root: Path,
    reference: Path,
    ref_loader,
    progress: Optional[Callable] = None,
    entries: Optional[list[Entry]] = None,
) -> SyncReport:
    """Bring the index at `conn` up to date with the files under root/projects.

    `entries` is a scan the caller already made (see kb.open_kb); a file changed after it
    is seen by the next command, as its digest will differ.

    The slow part — reading, parsing and validating changed files — happens before the
    write transaction, so readers (who see the last committed index, WAL) and other
    processes never wait behind it; the transaction only writes what was parsed, after
    checking again what another process may have indexed meanwhile.
    """
    projects_dir = root / "projects"
    read_ns = time.time_ns()  # before any file is read: what racily clean is measured against
    print_ = fingerprint(reference)
    if entries is None:
        entries = scan(projects_dir)
    digest = files_digest(entries)
    if is_current(conn, print_, digest):
        return SyncReport()  # the fast path: nothing changed
    current: dict[str, Stat] = {p: (size, mtime, ctime, ino) for p, size, mtime, ctime, ino in entries}
    planned = meta_value(conn, "fingerprint") == print_
    stored = _stored(conn) if planned else {}
    changed = _changed(stored, current)
    parsed = _parse_jobs(projects_dir, changed, stored, current, ref_loader(), progress) if changed else {}
    if planned and meta_value(conn, "files_digest") == digest and _all_confirmed(parsed, stored, current):
        # Only racily clean files were read again, and each is as indexed: the index answers for
        # the files as they are, so a reader does not wait for the write lock. Their marks go
        # when they are old enough, by whoever gets the lock first.
        _clear_racy(conn, parsed, current, read_ns)
        return SyncReport()
    conn.execute("BEGIN IMMEDIATE")  # one writer at a time, for as long as writing takes
    try:  # what another process indexed meanwhile is read inside the lock, in _apply
        report, entries = _apply(conn, projects_dir, entries, print_, ref_loader, parsed, read_ns)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('files_digest', ?)", (files_digest(entries),))
        conn.execute("COMMIT")
    except BaseException:
        # SQLite may have rolled back already (a full disk, an I/O error): a second
        # ROLLBACK would raise and hide the real error.
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        raise
    return report


def _all_confirmed(parsed: Parsed, stored: dict[str, StoredFile], current: dict[str, Stat]) -> bool:
    """Did every file read again prove to be exactly as the index holds it?"""
    return all(
        f.result.record == SAME and f.stat == current[p] == stored[p].stat and f.compared_hash == stored[p].hash
        for p, f in parsed.items()
    )


def _clear_racy(conn: sqlite3.Connection, parsed: Parsed, current: dict[str, Stat], read_ns: int) -> None:
    """Unmark the confirmed files that are no longer racily clean, if the write lock is free now."""
    old = [p for p in parsed if not is_racy(current[p], read_ns)]
    if not old:
        return
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:  # another process is writing: it, or the next run, will do it
        return
    finally:
        conn.execute("PRAGMA busy_timeout = 600000")
    try:
        for p in old:  # only if the row is still the one that was confirmed
            conn.execute(
                "UPDATE files SET racy = 0 WHERE path = ? AND hash = ? AND size = ? AND mtime_ns = ? "
                "AND ctime_ns = ? AND ino = ?",
                (p, parsed[p].result.digest, *current[p]),
            )
        racy = conn.execute("SELECT count(*) FROM files WHERE racy").fetchone()[0]
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('racy_files', ?)", (str(racy),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        raise


PARALLEL_MIN = 500  # from this many changed files on, parse in worker processes too


class StoredFile(NamedTuple):
    """One file as the index recorded it (a row of the `files` table)."""

    stat: Stat
    hash: str  # of its content when it was read
    project: Optional[int]  # its rowid in projects; None when the file is invalid
    racy: bool  # written too close to its reading: the hash is compared again


class ParseResult(NamedTuple):
    """What reading one file gave (see _parse_one)."""

    path: str
    digest: str  # of the content read ("" when it could not be read)
    record: Any  # the project as model_dump(mode="json"), SAME (content as indexed) or None (invalid)
    related: Optional[list]  # [[id, line, column], …] of its related ids
    problems: list[Problem]


class ParsedFile(NamedTuple):
    """A parse made before the write lock, with what it was made against."""

    compared_hash: str  # the stored hash its content was compared with ("" for a new file)
    result: ParseResult
    stat: Stat  # the file's stat data when it was scanned


class Links(NamedTuple):
    """What the cross-file rules read of one file, as the index holds it."""

    id: Optional[str]
    related: Optional[str]  # JSON of its related ids
    valid: bool
    shadowed: bool  # it lost its id to an earlier file

    def rules_input(self) -> tuple:
        """The part the cross-file rules depend on (their outcome can change only with it)."""
        return self.id, self.related, self.valid


def _stored(conn: sqlite3.Connection) -> dict[str, StoredFile]:
    """path → the file as the index recorded it."""
    try:
        rows = conn.execute("SELECT path, size, mtime_ns, ctime_ns, ino, hash, project, racy FROM files").fetchall()
    except sqlite3.OperationalError as exc:  # a new, empty index
        if "no such table" in str(exc):
            return {}
        raise
    stored: dict[str, StoredFile] = {}
    for r in rows:  # damage SQLite cannot see: a value of another type (a NULL path, text for a size)
        if not (isinstance(r[0], str) and all(isinstance(v, int) for v in (*r[1:5], r[7]))):
            raise IndexDamage("a file row of the index has values of the wrong type")
        stored[r[0]] = StoredFile(tuple(r[1:5]), r[5], r[6], bool(r[7]))
    return stored


def _changed(stored: dict[str, StoredFile], current: dict[str, Stat]) -> list[str]:
    """Files to read: new, with other stat data, or racily clean (their content is compared)."""
    return sorted(p for p in current if p not in stored or stored[p].stat != current[p] or stored[p].racy)


Parsed = dict[str, ParsedFile]  # path → its parse


def _parse_jobs(
    projects_dir: Path, paths: list[str], stored: dict[str, StoredFile], current: dict[str, Stat], ref, progress=None
) -> Parsed:
    jobs = [(str(projects_dir / p), p, stored[p].hash if p in stored else "") for p in paths]
    task = progress(len(jobs)) if progress and len(jobs) >= 200 else None
    out: Parsed = {}
    for n, (job, result) in enumerate(zip(jobs, _parse_all(jobs, ref), strict=True)):
        if task:
            task(n)
        out[job[1]] = ParsedFile(job[2], result, current[job[1]])
    if task:
        task(len(jobs))
    return out


def _apply(conn, projects_dir, entries, print_, ref_loader, parsed: Parsed, read_ns: int) -> tuple[SyncReport, list]:
    """Write the parse results, inside the lock; returns the report and the entries as written."""
    report = SyncReport()
    if meta_value(conn, "fingerprint") != print_:
        reset(conn)
        report.rebuilt = True
        # Warm commands read the reference data from here, without a YAML parser.
        put_checked(conn, "reference", json.dumps(ref_loader().parsed(), ensure_ascii=False))
        store_thesaurus(conn, ref_loader().thesaurus)  # reference data changed (or new index)
    stored = _stored(conn)
    current: dict[str, Stat] = {p: (size, mtime, ctime, ino) for p, size, mtime, ctime, ino in entries}
    # The scan was made before the lock, and another process may have indexed a newer state
    # of a file meanwhile: every file where the index and the scan disagree is looked at
    # again now, so that an older state is never written over a newer one (a reader that
    # scanned in between would get a stale answer).
    for path in {p for p in stored if p not in current} | set(_changed(stored, current)):
        try:
            current[path] = stat_data(os.stat(real_path(projects_dir / path)))
        except OSError:
            current.pop(path, None)
    entries = [(p, *current[p]) for p, *_ in entries if p in current]
    listed = {p for p, *_ in entries}
    entries += [(p, *current[p]) for p in current if p not in listed]
    removed = [p for p in stored if p not in current]
    changed = _changed(stored, current)
    before = _links(conn, changed)  # what the cross-file rules read of the changed files
    for path in removed:
        _drop(conn, path, stored[path].project)
        report.removed += 1
    # A parse made before the lock stands if the file is as it was then, unless it said
    # "unchanged" against a hash that another process has replaced meanwhile: the rest (few)
    # are parsed again here.
    redo = [
        p
        for p in changed
        if p not in parsed
        or parsed[p].stat != current[p]
        or (parsed[p].result.record == SAME and parsed[p].compared_hash != (stored[p].hash if p in stored else ""))
    ]
    if redo:
        parsed = {**parsed, **_parse_jobs(projects_dir, redo, stored, current, ref_loader())}
    records: list[dict] = []
    if changed:
        records = _index_changed(
            conn, [parsed[p].result for p in changed], stored, current, Labels(ref_loader()), report, read_ns
        )
    if report.rebuilt or len(records) > 1000:
        refresh_vocab(conn)  # read every word back from FTS5
    elif records:
        refresh_vocab(conn, records)  # only the words of what changed
    # The rules that span files read every file's id and related ids: at 100,000 files that is
    # the slowest part of an edit, so only when a file came, went, or changed its id or links.
    after = _links(conn, changed) if changed and not (report.rebuilt or removed) else {}
    if report.rebuilt or removed or any(_rules_input(after, p) != _rules_input(before, p) for p in changed):
        _apply_cross_file_rules(conn)
    elif changed:  # same ids and links: the files that had lost an id contest still have
        shadowed = [f"projects/{p}" for p in changed if p in before and before[p].shadowed]
        if shadowed:
            conn.execute(
                "UPDATE projects SET active = 0 WHERE file IN (SELECT value FROM json_each(?))",
                (json.dumps(shadowed, ensure_ascii=False),),
            )
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (print_,))
    racy = conn.execute("SELECT count(*) FROM files WHERE racy").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('racy_files', ?)", (str(racy),))
    return report, entries


def _rules_input(links: dict[str, Links], path: str) -> tuple:
    return links[path].rules_input() if path in links else ()


def _links(conn: sqlite3.Connection, paths: list[str]) -> dict[str, Links]:
    """path → what the cross-file rules read of it, as the index holds it."""
    if not paths:
        return {}
    try:
        rows = conn.execute(
            "SELECT f.path, f.pid, f.related, f.project IS NOT NULL, coalesce(NOT p.active, 0) FROM files f "
            "LEFT JOIN projects p ON p.rowid = f.project WHERE f.path IN (SELECT value FROM json_each(?))",
            (json.dumps(paths, ensure_ascii=False),),
        )
        return {r[0]: Links(r[1], r[2], bool(r[3]), bool(r[4])) for r in rows}
    except sqlite3.OperationalError:  # a new, empty index
        return {}


def _apply_cross_file_rules(conn: sqlite3.Connection) -> None:
    """Unique ids and related ids, by the same function `validate` uses: a file that loses
    an id to an earlier file is left out of every answer; the problems are stored."""
    from .checks import FileEntry, cross_file_problems  # only when files changed

    rows = conn.execute(
        "SELECT f.path, f.pid, f.related, json_extract(p.record, '$.former_ids') "
        "FROM files f LEFT JOIN projects p ON p.rowid = f.project"
    ).fetchall()
    entries = [
        FileEntry(
            f"projects/{path}",
            pid,
            tuple(tuple(r) for r in stored_json(related, "links")) if related else (),
            key=path,
            former_ids=tuple(stored_json(former, "former ids")) if former else (),
        )
        for path, pid, related, former in rows
        if pid is not None
    ]
    # As in `validate`: an id whose file exists but is invalid is not dangling (that file's own
    # problem is reported); the file name stands for the id.
    losers, problems = cross_file_problems(entries, known_ids={PurePosixPath(row[0]).stem for row in rows})
    conn.execute("UPDATE projects SET active = 1 WHERE active = 0")
    if losers:
        conn.execute(
            "UPDATE projects SET active = 0 WHERE file IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(losers), ensure_ascii=False),),
        )
    put_checked(conn, "cross_file_problems", json.dumps([p.as_dict() for p in problems], ensure_ascii=False))
    count = conn.execute("SELECT count(*) FROM projects WHERE active").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('active_projects', ?)", (str(count),))


def _index_changed(
    conn,
    results: list[ParseResult],
    stored: dict[str, StoredFile],
    current: dict[str, Stat],
    labels,
    report,
    read_ns: int,
) -> list[dict]:
    """Write the parse results of the changed files; returns the records indexed."""
    indexed: list[dict] = []
    for path, digest, record, related, problems in results:
        old = stored.get(path)
        racy = int(is_racy(current[path], read_ns))
        if record == SAME:  # touched, not changed (or racily clean, and unchanged): new stat data only
            conn.execute(
                "UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, ino = ?, racy = ? WHERE path = ?",
                (*current[path], racy, path),
            )
            if old is None or old.stat != current[path]:
                report.touched += 1
            continue
        if old is not None:
            _drop(conn, path, old.project)
        rowid = None
        if record is not None:
            rowid = add_project(conn, record, f"projects/{path}", labels)
            indexed.append(record)
        conn.execute(
            "INSERT OR REPLACE INTO files(path, size, mtime_ns, ctime_ns, ino, hash, racy, project, pid, related, "
            "problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                path,
                *current[path],
                digest,
                racy,
                rowid,
                record["id"] if record is not None else None,
                json.dumps(related, ensure_ascii=False) if related else None,
                json.dumps([p.as_dict() for p in problems], ensure_ascii=False) if problems else None,
            ),
        )
        if old is None:
            report.added += 1
        else:
            report.updated += 1
    return indexed


SAME = "same"  # a parse result meaning: content unchanged since it was indexed


def _parse_all(jobs: list[tuple[str, str, str]], ref) -> Iterator[ParseResult]:
    """The ParseResult of each job, in order; in worker processes as well when there are many
    (parsing and validating dominate a cold build)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_MIN or workers < 2:
        _init_worker(ref)
        yield from map(_parse_one, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(ref.folder, os.getpid())) as pool:
        yield from pool.map(_parse_one, jobs, chunksize=64)


_worker_ref: Any = None  # the Reference of this process (set by _init_worker)


def _init_worker(ref, parent: Optional[int] = None) -> None:
    global _worker_ref
    if parent is not None:  # in a worker process: die with the parent, however it dies
        die_with_parent(parent)
    if isinstance(ref, Path):  # in a worker process: load the reference data there
        from .reference import Reference

        ref = Reference(ref)
    _worker_ref = ref


def die_with_parent(parent: int) -> None:
    """Make this worker process end when `parent` does, even by SIGKILL (no clean-up runs
    then, and a pool's workers would otherwise live on with PID 1 as their parent).

    Linux: the kernel sends SIGKILL at the parent's death (prctl PR_SET_PDEATHSIG).
    Elsewhere: a daemon thread polls the parent's pid twice a second.
    """
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # 1 = PR_SET_PDEATHSIG
                if os.getppid() != parent:  # the parent died before the prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="servicekb-parent-watch", daemon=True).start()


def _parse_one(job: tuple[str, str, str]) -> ParseResult:
    full, path, old_hash = job
    display = f"projects/{path}"
    raw, problems = read_file(Path(full), display)
    if raw is None:
        return ParseResult(path, "", None, None, problems)
    digest = blake2b(raw, digest_size=16).hexdigest()
    if old_hash and digest == old_hash:
        return ParseResult(path, digest, SAME, None, [])
    from .loader import check_bytes  # imports yaml and pydantic: only when a file changed

    checked = check_bytes(raw, display, Path(path).stem, _worker_ref)
    if checked.project is None or checked.entry is None:
        return ParseResult(path, digest, None, None, checked.problems)
    return ParseResult(
        path,
        digest,
        checked.project.model_dump(mode="json"),
        [list(r) for r in checked.entry.related],
        checked.problems,
    )


def _drop(conn, path: str, rowid) -> None:
    if rowid is not None:
        remove_project(conn, rowid)
    conn.execute("DELETE FROM files WHERE path = ?", (path,))
