"""Export: the knowledge base as a documented SQLite database (for Datasette) or as CSV files
with a Frictionless `datapackage.json`.

Library only (no typer, no rich). In: project records (plain dicts with the model's field
names, as `KnowledgeBase.select` returns them) and the `Reference`. Out: files.

    schema.py     the exported tables and their columns (`TABLES`, the one definition of the
                  schema), the full-text table's columns, and the rows of every table
    sqlite.py     the SQLite database: CREATE statements made from `TABLES`, the FTS rows with
                  servicekb's Swedish analysis, the writer
    datasette.py  Datasette's metadata for that database: descriptions, facets, canned queries
    csv.py        one CSV file per table and the Data Package descriptor, made from `TABLES`

    write_sqlite(Path("kb.db"), records, ref)          # sqlite.py: kb.db, atomically
    write_datasette_metadata(Path("kb.metadata.yaml"), Path("kb.db"))   # datasette.py
    write_csv(Path("kb-csv"), records, ref)            # csv.py: one CSV per table + datapackage.json

Each writer writes through `atomic_target` below (the one thing they share beside the schema),
and a file they cannot write is one error: `err.cannot_write`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ServiceKBError
from ..messages import t


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary file beside `path`, moved over it when the block succeeds (atomic.py: the one
    way every file is written; removed on failure, at exit, on SIGTERM, and by the next run)."""
    from ..atomic import atomic_path

    try:
        with atomic_path(path) as tmp:
            yield tmp
    except OSError as exc:
        raise ServiceKBError(t("err.cannot_write", path=path, reason=exc.strerror or exc)) from None
