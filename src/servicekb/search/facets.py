"""Facets: counts of all matches by theme, county, status and kind (Datasette's shape)."""

from __future__ import annotations

import sqlite3

from .ranking import SearchResult

FACETS = ("theme", "county", "status", "kind")
FACET_SIZE = 30  # values per facet, as Datasette's default_facet_size
_FACET_SQL = {
    "theme": "SELECT theme, count(*) FROM projects WHERE rowid IN (SELECT rowid FROM results) GROUP BY theme",
    "status": "SELECT status, count(*) FROM projects WHERE rowid IN (SELECT rowid FROM results) GROUP BY status",
    "kind": "SELECT kind, count(*) FROM projects WHERE rowid IN (SELECT rowid FROM results) GROUP BY kind",
    "county": "SELECT c.county, count(*) FROM projects p LEFT JOIN project_counties c "
    "ON c.project = p.rowid WHERE p.rowid IN (SELECT rowid FROM results) GROUP BY 1",
}


def facets(conn: sqlite3.Connection, result: SearchResult) -> dict[str, dict]:
    """Counts of all matches by theme, county, status and kind, keyed by facet name in
    Datasette's shape: {"theme": {"name", "results": [{"value", "count"}], "truncated"}}.

    A project in two counties counts under both; projects without a county count under the
    value null (as Datasette's facets count empty values) — so county counts can add up to more
    than the number of projects.
    """
    out = {}
    for name in FACETS:
        rows = conn.execute(f"{result.matches} {_FACET_SQL[name]}", result.params).fetchall()
        rows.sort(key=lambda r: (-r[1], r[0] is not None, r[0] or ""))  # the group without a value first, as before
        out[name] = {
            "name": name,
            "results": [{"value": v, "count": c} for v, c in rows[:FACET_SIZE]],
            "truncated": len(rows) > FACET_SIZE,
        }
    return out
