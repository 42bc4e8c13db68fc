"""The index's layout, and building it: projects → an SQLite database with FTS5.

This module holds the whole layout (every table, column, version and meta key) and writes
projects into it; `sync.py` decides what to write, `search/` and `kb.py` only read. The database holds
- `meta`: key → value (META_KEYS below);
- `files`: every project file as last read — its stat data, content hash, racy mark, the project's
  rowid (NULL when invalid), id, related ids and problems (what `sync` compares against);
- `projects`: one row per project with the columns filters need and the full record as JSON;
- `project_counties`, `project_municipalities`, `project_tags`: the list-valued filter fields;
- `fts`: an FTS5 table of the project's words, one column per weighted field;
- `vocab`: every indexed word with its Snowball stem and its diacritic-folded forms, so a query
  word expands to its inflections, compounds and keyboard-without-åäö spellings (see search/);
- `thesaurus`: the pairs of reference/synonyms.yaml (term → related term), looked up by stem.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from typing import Optional

from .digest import blake2b
from .money import cost_amount
from .text import fold, swedish_key

MAGIC = "servicekb-index"  # meta 'magic': this file is a servicekb index (cache.py checks it before use)

# The meta table's keys (values are text; those marked checked carry a checksum, freshness.put_checked).
META_KEYS = {
    "magic": "MAGIC: the file is a servicekb index",
    "index_version": "INDEX_VERSION: the layout it was made with",
    "fingerprint": "code, model, layout and reference data the index was built from (freshness.fingerprint)",
    "files_digest": "one hash of every file's path and stat data at the last update (freshness.files_digest)",
    "racy_files": "how many files are marked racy (their content is compared again)",
    "active_projects": "projects in answers (a damaged index shows as a count that differs)",
    "reference": "checked: the reference files as parsed, so warm commands need no YAML parser",
    "cross_file_problems": "checked: the problems of the rules that span files",
}

# bump when the layout below changes (6: problems stored as message key and values; 7: files
# recorded by their whole stat data — ctime and inode too — and the racily clean ones marked;
# 8: of two files with one id, the shallower keeps it; 10: the owner type's words beside the
# owner's name; 11: a file's stored problems name every duplicate key beside its other problems,
# and YAML errors in the message table's words)
INDEX_VERSION = 11

# FTS columns in weight order; search.py weights them with bm25().
FTS_COLUMNS = ("title", "owner", "tags", "summary", "places", "activities", "results", "lessons")

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files(
    path TEXT PRIMARY KEY,          -- relative to projects/, '/'-separated
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    hash TEXT NOT NULL,
    racy INTEGER NOT NULL,          -- 1: written too close to its reading; the hash is compared again
    project INTEGER,                -- rowid in projects, NULL when the file is invalid
    pid TEXT,                       -- the project's id (valid files), for the cross-file rules
    related TEXT,                   -- JSON [[id, line, column], …] of its related ids
    problems TEXT                   -- JSON list of the file's own problems, NULL when none
);
-- Every command reads the problems: without this it would scan every file's row (30 ms at 100,000).
CREATE INDEX IF NOT EXISTS files_with_problems ON files(path) WHERE problems IS NOT NULL;
CREATE INDEX IF NOT EXISTS files_racy ON files(path) WHERE racy;
CREATE TABLE IF NOT EXISTS projects(
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,               -- unique among active rows (see checks.cross_file_problems)
    file TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,  -- 0: a later file repeating another file's id
    title TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    theme TEXT, kind TEXT, status TEXT, owner_type TEXT, scope TEXT,
    total_cost_sek INTEGER, budget_sek INTEGER, public_support_sek INTEGER, cost_sek INTEGER,
    record TEXT NOT NULL,
    checksum TEXT NOT NULL          -- of the record (see record_checksum): damage is an error, not an answer
);
CREATE INDEX IF NOT EXISTS projects_sort ON projects(sort_key);
CREATE INDEX IF NOT EXISTS projects_id ON projects(id);
CREATE INDEX IF NOT EXISTS projects_file ON projects(file);
CREATE TABLE IF NOT EXISTS project_counties(project INTEGER NOT NULL, county TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS project_counties_county ON project_counties(county, project);
CREATE INDEX IF NOT EXISTS project_counties_project ON project_counties(project);
CREATE TABLE IF NOT EXISTS project_municipalities(project INTEGER NOT NULL, municipality TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS project_municipalities_m ON project_municipalities(municipality, project);
CREATE INDEX IF NOT EXISTS project_municipalities_project ON project_municipalities(project);
CREATE TABLE IF NOT EXISTS project_tags(project INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS project_tags_tag ON project_tags(tag, project);
CREATE INDEX IF NOT EXISTS project_tags_project ON project_tags(project);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5({", ".join(FTS_COLUMNS)}, tokenize="unicode61 remove_diacritics 0");
CREATE VIRTUAL TABLE IF NOT EXISTS fts_terms USING fts5vocab(fts, 'row');
CREATE TABLE IF NOT EXISTS vocab(term TEXT PRIMARY KEY, stem TEXT NOT NULL, folded TEXT NOT NULL,
    folded_stem TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS vocab_stem ON vocab(stem);
CREATE INDEX IF NOT EXISTS vocab_folded ON vocab(folded);
CREATE INDEX IF NOT EXISTS vocab_folded_stem ON vocab(folded_stem);
CREATE TABLE IF NOT EXISTS thesaurus(term TEXT NOT NULL, stem TEXT NOT NULL, folded_stem TEXT NOT NULL,
    related TEXT NOT NULL, relation TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS thesaurus_stem ON thesaurus(stem);
CREATE INDEX IF NOT EXISTS thesaurus_folded_stem ON thesaurus(folded_stem);
"""

_stemmer = None


def stem_words(words: list[str]) -> list[str]:
    """Snowball Swedish stems (PyStemmer, a C implementation of the Snowball algorithm)."""
    global _stemmer
    if _stemmer is None:
        import Stemmer

        _stemmer = Stemmer.Stemmer("swedish")
    return _stemmer.stemWords(words)


TABLES = (
    "meta",
    "files",
    "projects",
    "project_counties",
    "project_municipalities",
    "project_tags",
    "fts_terms",
    "fts",
    "vocab",
    "thesaurus",
)


def create_schema(conn: sqlite3.Connection) -> None:
    # One statement at a time: executescript() would COMMIT the caller's transaction.
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT OR REPLACE INTO meta VALUES('index_version', ?)", (str(INDEX_VERSION),))


def reset(conn: sqlite3.Connection) -> None:
    """Empty the index (new reference data, model or layout): everything is indexed again."""
    for table in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    create_schema(conn)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('magic', ?)", (MAGIC,))


def _join(items: Iterable[str]) -> str:
    return "\n".join(i for i in items if i)


def fts_fields(
    record: dict, tag_labels: dict[str, str], theme_label: str, kind_label: str, owner_type_words: str = ""
) -> tuple[str, ...]:
    """The text of each FTS column for one project record. `owner_type_words` (the owner type's
    label and aliases, e.g. 'Kommun kommuner') go with the owner's name: a question about a
    class of organisation (kommunerna, regionerna, föreningarna) finds the projects its members
    own (issue 25, class 5)."""
    geo = record["geography"]
    owner = record.get("owner") or {}
    funding = record.get("funding") or {}
    tags = _join(
        [*(t.replace("-", " ") + " " + tag_labels.get(t, "") for t in record["tags"]), theme_label, kind_label]
    )
    # The owner has a column of its own, weighted like the title: a query naming an
    # organisation ranks the projects it owns above those that merely mention it.
    places = _join(
        [
            record.get("contact_organisation") or "",
            *geo["places"],
            *geo["municipalities"],
            *geo["counties"],
            *funding.get("co_funders", []),
        ]
    )
    return (
        record["title"],
        owner.get("name", ""),
        _join([tags, owner_type_words]),
        record["summary"],
        places,
        _join(record["activities"]),
        _join(record["results"]),
        _join(record["lessons"]),
    )


def indexed_fields(record: dict, labels: Labels) -> tuple[str, ...]:
    """The FTS columns' text as the index holds it for `record`: with its tags' labels, its
    theme's and kind's, and its owner type's words (so --explain finds the words a search matched)."""
    owner = record.get("owner") or {}
    return fts_fields(
        record,
        labels.tags,
        labels.themes.get(record["theme"], ""),
        labels.kinds.get(record["kind"], ""),
        labels.owner_types.get(owner["type"], "") if owner else "",
    )


def record_checksum(record_text: str) -> str:
    """A stored record's checksum: a record damaged on disk is detected when it is read
    (SQLite checks its pages' structure, not the bytes of the values in them)."""
    return blake2b(record_text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def add_project(conn: sqlite3.Connection, record: dict, file: str, labels) -> int:
    """Insert one project (a model_dump(mode='json') record); returns its rowid."""
    funding = record["funding"]
    total, budget = funding["total_cost_sek"], funding["budget_sek"]
    owner = record.get("owner")
    text = json.dumps(record, ensure_ascii=False)
    cur = conn.execute(
        "INSERT INTO projects(id, file, title, sort_key, theme, kind, status, owner_type, scope, "
        "total_cost_sek, budget_sek, public_support_sek, cost_sek, record, checksum) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            record["id"],
            file,
            record["title"],
            swedish_key(record["title"]),
            record["theme"],
            record["kind"],
            record["status"],
            owner["type"] if owner else None,
            record["geography"]["scope"],
            total,
            budget,
            funding["public_support_sek"],
            cost_amount(total, budget),
            text,
            record_checksum(text),
        ),
    )
    rowid = cur.lastrowid
    assert rowid is not None
    geo = record["geography"]
    conn.executemany("INSERT INTO project_counties VALUES (?, ?)", [(rowid, c) for c in geo["counties"]])
    conn.executemany("INSERT INTO project_municipalities VALUES (?, ?)", [(rowid, m) for m in geo["municipalities"]])
    conn.executemany("INSERT INTO project_tags VALUES (?, ?)", [(rowid, t) for t in record["tags"]])
    fields = indexed_fields(record, labels)
    conn.execute(
        f"INSERT INTO fts(rowid, {', '.join(FTS_COLUMNS)}) VALUES (?{', ?' * len(FTS_COLUMNS)})", (rowid, *fields)
    )
    return rowid


def remove_project(conn: sqlite3.Connection, rowid: int) -> None:
    conn.execute("DELETE FROM fts WHERE rowid = ?", (rowid,))
    for table in ("project_counties", "project_municipalities", "project_tags"):
        conn.execute(f"DELETE FROM {table} WHERE project = ?", (rowid,))
    conn.execute("DELETE FROM projects WHERE rowid = ?", (rowid,))


_TOKEN = re.compile(r"[^\W_]+")


def refresh_vocab(conn: sqlite3.Connection, records: Optional[list[dict]] = None) -> int:
    """Add stems and folded forms for words the index has and `vocab` lacks.

    Without `records`, every word is read back from FTS5 (after a rebuild); with them, only
    their words are looked at (after a small change: reading back a 100,000-project index
    costs a quarter of a second). The vocabulary only widens a query (inflections, compound
    parts); exact words are matched whether it has them or not.
    """
    if records is None:
        new = [r[0] for r in conn.execute("SELECT term FROM fts_terms WHERE term NOT IN (SELECT term FROM vocab)")]
    else:
        words: set[str] = set()
        for record in records:
            for text in fts_fields(record, {}, "", ""):
                words.update(_TOKEN.findall(text.lower()))
        known = {
            r[0]
            for r in conn.execute(
                "SELECT term FROM vocab WHERE term IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(words), ensure_ascii=False),),
            )
        }
        new = sorted(words - known)
    if new:
        stems = stem_words(new)
        conn.executemany(
            "INSERT INTO vocab VALUES (?, ?, ?, ?)",
            [(t, s, fold(t), fold(s)) for t, s in zip(new, stems)],
        )
    return len(new)


def store_thesaurus(conn: sqlite3.Connection, thesaurus) -> None:
    """Write the thesaurus pairs (see thesaurus.py), keyed by each term's stem for lookup."""
    conn.execute("DELETE FROM thesaurus")
    rows = []
    related = thesaurus.related()
    terms = sorted(related)
    single = [t for t in terms if " " not in t and "-" not in t]
    stems = dict(zip(single, stem_words(single)))
    for term in terms:
        stem = stems.get(term, term)
        for other, relation in sorted(related[term].items()):
            rows.append((term, stem, fold(stem), other, relation))
    conn.executemany("INSERT INTO thesaurus VALUES (?, ?, ?, ?, ?)", rows)


class Labels:
    """Tag/theme/kind labels that go into the index text (so 'Paketautomat' is searchable)."""

    def __init__(self, ref):
        self.tags = {t.slug: t.label for t in ref.tags.terms}
        self.themes = {t.slug: t.label for t in ref.themes.terms}
        self.kinds = {t.slug: t.label for t in ref.kinds.terms}
        self.owner_types = {t.slug: t.label for t in ref.owner_types.terms}
