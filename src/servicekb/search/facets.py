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
    "county": "SELECT coalesce(c.county, '(nationellt)'), count(*) FROM projects p LEFT JOIN project_counties c "
    "ON c.project = p.rowid WHERE p.rowid IN (SELECT rowid FROM results) GROUP BY 1",
}


def facets(conn: sqlite3.Connection, result: SearchResult) -> dict[str, dict]:
    """Counts of all matches by theme, county, status and kind, keyed by facet name in
    Datasette's shape: {"theme": {"name", "results": [{"value", "count"}], "truncated"}}.

    A project in two counties counts under both; projects without a county count under
    "(nationellt)" — so county counts can add up to more than the number of projects.
    """
    out = {}
    for name in FACETS:
        rows = sorted(conn.execute(f"{result.matches} {_FACET_SQL[name]}", result.params), key=lambda r: (-r[1], r[0]))
        out[name] = {
            "name": name,
            "results": [{"value": v, "count": c} for v, c in rows[:FACET_SIZE]],
            "truncated": len(rows) > FACET_SIZE,
        }
    return out
