"""Is the index current? What a warm command reads before it answers: the fingerprint of code,
model, layout and reference data, one digest of every file's stat data, and the meta values and
problems the last update stored. Light on purpose (no parsing, no writing): every command runs
it, and `sync` (which updates the index) is imported only when something changed.
"""

from __future__ import annotations

import json
import marshal
import os
import sqlite3
from pathlib import Path
from typing import Optional

from . import __version__
from .cache import IndexDamage
from .constants import MODEL_VERSION
from .digest import blake2b, sha256
from .files import Entry, stat_data
from .index import INDEX_VERSION, MAGIC
from .problem import Problem


def files_digest(entries: list[Entry]) -> str:
    """One hash of every file's path and stat data: the fast path compares just this."""
    # marshal's version 2 (no back-references, so equal entries give equal bytes) writes a list
    # of tuples of str and int three times faster than repr: 20 ms instead of 58 at 100,000
    # files. Another Python may write other bytes: then the digest differs once, and the files
    # are compared one by one, as after any change.
    return blake2b(marshal.dumps(entries, 2), digest_size=16).hexdigest()


REFERENCE_HASH_BYTES = 16 * 1024 * 1024  # beyond what any reference file may be (the readers bound them)


def fingerprint(reference: Path) -> str:
    """What the index was built from besides the files: code, model, layout, reference data.

    Every reference file, the thesaurus too, by its stat data (as project files) and its
    content: a few small files, so hashing them on every run costs less than a racy-clean
    rule would, and no kept mtime or same-second write can hide an edit.
    """
    from .reference import FILES, REFERENCE_FORMAT

    parts = [
        MAGIC,
        __version__,
        str(MODEL_VERSION),
        str(INDEX_VERSION),
        str(REFERENCE_FORMAT),
        str(reference.absolute()),
    ]
    for name in (*FILES, THESAURUS_FILE):  # a missing or odd file is reported when it is read, not here
        try:
            st = os.stat(reference / name)
            content = ""
            if st.st_size <= REFERENCE_HASH_BYTES and os.path.isfile(reference / name):
                with open(reference / name, "rb") as fh:
                    content = blake2b(fh.read(REFERENCE_HASH_BYTES + 1), digest_size=16).hexdigest()
            parts.append(f"{name}:{stat_data(st)}:{st.st_mode}:{content}")
        except OSError as exc:
            parts.append(f"{name}:{exc.errno}")
    return sha256("\n".join(parts).encode("utf-8")).hexdigest()


THESAURUS_FILE = "synonyms.yaml"  # read by thesaurus.load_thesaurus; its index rows are built from it


def meta_value(conn: sqlite3.Connection, key: str) -> Optional[str]:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def put_checked(conn: sqlite3.Connection, key: str, text: str) -> None:
    """Store a meta value with its checksum (see `checked_value`)."""
    from .index import record_checksum

    conn.execute(
        "INSERT OR REPLACE INTO meta VALUES (?, ?), (?, ?)", (key, text, f"{key}:checksum", record_checksum(text))
    )


def stored_json(text: str, what: str):
    """JSON the index stored, decoded; text that no longer decodes is damage (sqlite3.DatabaseError,
    which the knowledge base repairs), never a ValueError that could as well be a bug."""
    try:
        return json.loads(text)
    except ValueError:
        raise IndexDamage(f"the stored {what} does not decode") from None


def checked_value(conn: sqlite3.Connection, key: str) -> Optional[str]:
    """A meta value stored by `put_checked`; damage on disk raises instead of misleading."""
    from .index import record_checksum

    text = meta_value(conn, key)
    if text is not None and meta_value(conn, f"{key}:checksum") != record_checksum(text):
        raise IndexDamage(f"the stored {key} does not match its checksum")
    return text


def is_current(conn: sqlite3.Connection, print_: str, digest: str) -> bool:
    """Was the index built from exactly these files (digest) and this code and reference data,
    with no file whose content must be compared again (racily clean, see files.is_racy)?"""
    return (
        meta_value(conn, "fingerprint") == print_
        and meta_value(conn, "files_digest") == digest
        and not has_racy_files(conn)
    )


def has_racy_files(conn: sqlite3.Connection) -> bool:
    """Does the index hold a file whose stat data cannot vouch for its content yet?"""
    return meta_value(conn, "racy_files") not in (None, "0")


def stored_problems(conn: sqlite3.Connection) -> list[Problem]:
    """Every problem the last indexing found: each file's own, then the cross-file ones."""
    out = []
    stored = [text for (text,) in conn.execute("SELECT problems FROM files WHERE problems IS NOT NULL ORDER BY path")]
    stored.append(checked_value(conn, "cross_file_problems") or "[]")
    for text in stored:
        try:
            out += [Problem.from_dict(d) for d in stored_json(text, "problems")]
        except (KeyError, TypeError, AttributeError):  # decodes, but is not a list of problems
            raise IndexDamage("the stored problems lost their shape") from None
    out.sort(key=lambda p: (p.file, p.line or 0, p.column or 0))
    return out
