"""The SQLite export: the schema's tables as CREATE statements, the full-text table's rows (with
servicekb's Swedish analysis, so that Datasette's search box finds what `servicekb search`
finds), and the writer.

    write_sqlite(Path("kb.db"), records, ref, index)   # kb.db, atomically
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Optional

from ..errors import EXIT_PROBLEMS, ServiceKBError
from ..messages import t as tr  # `t` names a table in this module
from ..reference import Reference
from . import atomic_target
from .schema import FTS_COLUMNS, FTS_TABLE, FTS_TOKENIZER, PROJECTS, SCHEMA_VERSION, TABLES, Column, build_rows

# --- the full-text table's rows -----------------------------------------------------


def fts_rows(records: Sequence[dict], ref: Reference, index: Optional[sqlite3.Connection] = None) -> list[tuple]:
    """(rowid, project_id, title, …, search_terms) for projects_fts; rowid n is the n-th project as
    exported. `index`: servicekb's index of the knowledge base, for the thesaurus (see search_terms)."""
    out = []
    for n, r in enumerate(records, 1):
        geo, owner = r["geography"], r.get("owner")
        counties = [ref.counties[c].official_name for c in geo["counties"] if c in ref.counties]
        out.append(
            (
                n,
                r["id"],
                r["title"],
                r["summary"],
                "\n".join(r["activities"]),
                "\n".join(r["results"]),
                "\n".join(r["lessons"]),
                " ".join([*r["tags"], *(ref.tags.label(t) for t in r["tags"])]),
                " ".join([*geo["places"], *geo["municipalities"], *geo["counties"], *counties]),
                " ".join(
                    [
                        *([owner["name"]] if owner else []),
                        *([r["contact_organisation"]] if r.get("contact_organisation") else []),
                        *r["funding"]["co_funders"],
                    ]
                ),
            )
        )
    analyse = SwedishAnalysis([" ".join(row[2:]) for row in out], index)
    return [(*row, analyse(" ".join(row[2:]))) for row in out]


class SwedishAnalysis:
    """servicekb search's analysis, done once at export time for FTS5's plain token matching: for
    each word of a project's text, its stems (search.stems_of), the words of the exported text
    inside it of search.MIN_PART_LENGTH letters or more (what a query's compound rule matches:
    paketombud holds ombud), and the thesaurus's related terms (search.related_terms, from the
    index). Datasette's search box then finds "ombud" in the 16 projects servicekb finds."""

    def __init__(self, texts: Sequence[str], index: Optional[sqlite3.Connection] = None) -> None:
        from ..search import MIN_PART_LENGTH, STOP_WORDS, stems_of

        self.index = index
        self.min_part = MIN_PART_LENGTH
        self.vocabulary = {
            w for text in texts for w in _words(text) if len(w) >= MIN_PART_LENGTH and w not in STOP_WORDS
        }
        # A query word matches compounds holding any of its stems: lanthandel's other stem
        # lanthandl is inside lanthandlardagar (search/matching.py), so that word carries lanthandel.
        self.inside: dict[str, set[str]] = {}
        for w in self.vocabulary:
            for stem in stems_of(w):
                if len(stem) >= MIN_PART_LENGTH and stem != w:
                    self.inside.setdefault(stem, set()).add(w)
        self._cache: dict[str, set[str]] = {}

    def __call__(self, text: str) -> str:
        words = set(_words(text))
        terms: set[str] = set()
        for w in words:
            terms |= self._terms(w)
        return " ".join(sorted(terms - words))

    def _terms(self, word: str) -> set[str]:
        if word not in self._cache:
            from ..search import related_terms, stems_of

            out = set(stems_of(word))
            n = len(word)
            for i in range(n - self.min_part + 1):
                for j in range(i + self.min_part, n + 1):
                    if (i, j) != (0, n):
                        if word[i:j] in self.vocabulary:
                            out.add(word[i:j])
                        out |= self.inside.get(word[i:j], set())
            if self.index is not None:
                for related in related_terms(self.index, word):
                    out.update(_words(related))
            self._cache[word] = out
        return self._cache[word]


def _words(text: str) -> list[str]:
    """Words as FTS5's unicode61 tokenizer sees them (letters and digits), lower case."""
    import re

    return re.findall(r"[^\W_]+", text.lower())


# --- SQLite -------------------------------------------------------------------------


_SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "date": "TEXT", "json": "TEXT"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_sql(c: Column) -> str:
    sql = f"{_quote(c.name)} {_SQL_TYPES[c.type]}"
    if c.required:
        sql += " NOT NULL"
    if c.unique:
        sql += " UNIQUE"
    checks = []
    if c.minimum is not None:
        checks.append(f"{_quote(c.name)} >= {c.minimum}")
    if c.enum:
        checks.append(f"{_quote(c.name)} IN ({', '.join(repr(v) for v in c.enum)})")
    if c.type == "date":
        checks.append(f"{_quote(c.name)} IS date({_quote(c.name)})")
    if c.type == "json":
        checks.append(f"json_type({_quote(c.name)}) = 'array'")
    if c.type == "integer":
        checks.append(f"typeof({_quote(c.name)}) IN ('integer', 'null')")
    if checks:
        sql += f" CHECK ({' AND '.join(checks)})"
    return sql


def schema_sql() -> list[str]:
    """CREATE statements of the exported schema: tables, foreign-key indexes, the FTS table."""
    statements = []
    for t in TABLES:
        parts = [_column_sql(c) for c in t.columns]
        parts.append(f"PRIMARY KEY ({', '.join(map(_quote, t.primary_key))})")
        for c in t.columns:
            if c.references:
                target, target_column = c.references.split(".")
                parts.append(f"FOREIGN KEY ({_quote(c.name)}) REFERENCES {_quote(target)} ({_quote(target_column)})")
        body = ",\n  ".join(parts)
        statements.append(f"CREATE TABLE {_quote(t.name)} (\n  {body}\n)")
        for c in t.columns:
            # Every foreign key gets an index, unless the primary key already starts with it.
            if c.references and t.primary_key[0] != c.name:
                statements.append(f"CREATE INDEX {_quote(f'{t.name}_{c.name}')} ON {_quote(t.name)} ({_quote(c.name)})")
    fts_columns = ", ".join(_quote(n) + (" UNINDEXED" if n == "project_id" else "") for n, _ in FTS_COLUMNS)
    statements.append(
        f"CREATE VIRTUAL TABLE {_quote(FTS_TABLE)} USING fts5({fts_columns}, tokenize = '{FTS_TOKENIZER}')"
    )
    return statements


def write_sqlite(
    path: Path, records: Sequence[dict], ref: Reference, index: Optional[sqlite3.Connection] = None
) -> None:
    """Write the export database to `path` atomically (a temporary file, then a rename); `index`:
    servicekb's index, for the thesaurus terms of the search column (fts_rows)."""
    rows = build_rows(records, ref)
    with atomic_target(Path(path)) as tmp:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("BEGIN")
            for statement in schema_sql():
                conn.execute(statement)
            for t in TABLES:
                if t is PROJECTS:  # rowids 1…n, as projects_fts uses them
                    names = ", ".join(_quote(c.name) for c in t.columns)
                    sql = f"INSERT INTO projects (rowid, {names}) VALUES ({', '.join('?' * (len(t.columns) + 1))})"
                    conn.executemany(sql, [(n, *row) for n, row in enumerate(rows[t.name], 1)])
                else:
                    conn.executemany(
                        f"INSERT INTO {_quote(t.name)} VALUES ({', '.join('?' * len(t.columns))})", rows[t.name]
                    )
            conn.executemany(
                f"INSERT INTO {_quote(FTS_TABLE)} (rowid, {', '.join(_quote(n) for n, _ in FTS_COLUMNS)}) "
                f"VALUES ({', '.join('?' * (len(FTS_COLUMNS) + 1))})",
                fts_rows(records, ref, index),
            )
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:  # the loader's checks should make this impossible
                raise ServiceKBError(tr("err.export_foreign_keys", broken=broken[:3]), exit_code=EXIT_PROBLEMS)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise ServiceKBError(tr("err.cannot_write", path=path, reason=exc), exit_code=EXIT_PROBLEMS) from None
        finally:
            conn.close()
