"""Datasette metadata for the SQLite export (`datasette FILE.db -m FILE.metadata.yaml`): the
schema's descriptions, facets, the full-text search box and canned queries for the money.

    write_datasette_metadata(Path("kb.metadata.yaml"), Path("kb.db"))
"""

from __future__ import annotations

from pathlib import Path

from ..messages import MESSAGES
from . import atomic_target
from .schema import FTS_COLUMNS, FTS_TABLE, LICENCE_NOTE, MONEY_NOTE, SCHEMA_VERSION, SOURCE, TABLES, TITLE

_COUNT_MONEY = """count(p.id) AS projects,
  sum(p.total_cost_sek) AS total_cost_sek, count(p.total_cost_sek) AS total_cost_projects,
  sum(p.budget_sek) AS budget_sek, count(p.budget_sek) AS budget_projects,
  sum(p.public_support_sek) AS public_support_sek, count(p.public_support_sek) AS public_support_projects,
  count(p.id) - count(p.amount_sek) AS without_amount"""

# The export's documents are English in every run (as its metadata): the row of the projects
# without a county carries the message table's English label of that group.
NO_COUNTY_ROW = MESSAGES["group.no_county"][1]

CANNED_QUERIES: dict[str, dict[str, str]] = {
    "money_per_county": {
        "title": "Money per county",
        "description": "As `servicekb report`: a project in several counties counts in each county; total cost, "
        "budget and public support are summed separately; projects without an amount are counted, "
        f"not summed as 0. The last row, {NO_COUNTY_ROW}, holds the nationwide projects (no county).",
        "sql": f"""WITH per_county AS (
SELECT c.name AS county, c.official_name, c.code,
  {_COUNT_MONEY}
FROM counties c
LEFT JOIN project_counties pc ON pc.county = c.name
LEFT JOIN projects p ON p.id = pc.project_id
GROUP BY c.name
UNION ALL
SELECT '{NO_COUNTY_ROW}', NULL, NULL,
  {_COUNT_MONEY}
FROM projects p
WHERE NOT EXISTS (SELECT 1 FROM project_counties pc WHERE pc.project_id = p.id)
)
SELECT * FROM per_county ORDER BY code IS NULL, code""",
    },
    "county_totals": {
        "title": "One county's totals",
        "description": "Projects and money of one county (name, official name, code or letter: Dalarna, "
        "Dalarnas län, 20, W), each project counted once — the numbers of `servicekb report --region`.",
        "sql": f"""SELECT c.official_name AS county, c.code, c.letter,
  {_COUNT_MONEY}
FROM counties c
LEFT JOIN project_counties pc ON pc.county = c.name
LEFT JOIN projects p ON p.id = pc.project_id
WHERE lower(trim(:county)) IN (lower(c.name), lower(c.official_name), c.code, lower(c.letter))
GROUP BY c.name""",
    },
    "national_totals": {
        "title": "Totals, every project once",
        "description": "All exported projects, each counted once however many counties it works in.",
        "sql": f"""SELECT
  {_COUNT_MONEY}
FROM projects p""",
    },
    "lessons_about": {
        "title": "Lessons about a word",
        "description": "Every lesson that contains a word or part of a word (e.g. paket, ombud, samverkan).",
        "sql": """SELECT p.title, l.position, l.lesson, p.id AS project_id
FROM project_lessons l
JOIN projects p ON p.id = l.project_id
WHERE :word != '' AND l.lesson LIKE '%' || :word || '%'
ORDER BY p.title, l.position""",
    },
    "ongoing_past_end_date": {
        "title": "Ongoing projects whose end date has passed",
        "description": "Told as ongoing by the source, though their end date is before today: the source page "
        "may not have been updated since.",
        "sql": """SELECT id, title, end_date, owner_name, budget_sek
FROM projects
WHERE status = 'ongoing' AND end_date < date('now')
ORDER BY end_date, title""",
    },
}


def folded_column_notes(description: str, columns: dict[str, str]) -> str:
    """A table's description with its column notes in a closed <details> (HTML, escaped)."""
    from html import escape

    notes = "".join(f"<dt>{escape(name)}</dt><dd>{escape(note)}</dd>" for name, note in columns.items())
    return (
        f"<p>{escape(description)}</p>"
        f'<details class="column-notes"><summary>Column notes ({len(columns)})</summary><dl>{notes}</dl></details>'
    )


def datasette_metadata(database: str, selection: str = "") -> dict:
    """Datasette metadata (`datasette FILE.db -m FILE.metadata.yaml`) for a database named `database`.

    Money columns carry their unit in their description and name (_sek): Datasette's `units` are
    Pint units, and Pint has no currencies.
    """
    tables: dict[str, dict] = {}
    for t in TABLES:
        entry: dict = {"description": t.description, "columns": {c.name: c.description for c in t.columns}}
        if t.label_column:
            entry["label_column"] = t.label_column
        tables[t.name] = entry
    tables["projects"].update(
        {
            "sort": "title",
            "facets": ["theme", {"array": "counties"}, "status", "kind"],
            "fts_table": FTS_TABLE,
            "fts_pk": "rowid",
        }
    )
    # Datasette lists a table's column notes above its rows: 30 notes push the projects out of
    # view. Folded into the description instead (one line until opened), rows in view.
    projects = tables["projects"]
    projects["description_html"] = folded_column_notes(projects["description"], projects.pop("columns"))
    tables[FTS_TABLE] = {
        "description": "Full-text index of the projects' text (FTS5); use the search box of projects.",
        "columns": dict(FTS_COLUMNS),
        "hidden": True,
    }
    description = (
        f"Tillväxtverket's rural-service pilot projects (Landsbygdsprogrammet 2014–2020), exported by "
        f"servicekb (schema version {SCHEMA_VERSION}). {MONEY_NOTE} Total cost, budget and public "
        "support are different things: sum them separately."
    )
    if selection:
        description += f" Selection: {selection}."
    return {
        "title": TITLE,
        "description": description,
        "license": "No licence stated",
        "source": SOURCE,
        "about": LICENCE_NOTE,
        "databases": {
            database: {
                "description": description,
                "tables": tables,
                "queries": {name: dict(q) for name, q in CANNED_QUERIES.items()},
            }
        },
    }


def write_datasette_metadata(path: Path, database_file: Path, selection: str = "") -> None:
    """Write Datasette metadata for the database file as YAML (SQL as block scalars), atomically."""
    import yaml

    database = Path(database_file).stem  # Datasette names a database after its file

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper, value: str):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)

    Dumper.add_representer(str, text)
    document = yaml.dump(
        datasette_metadata(database, selection), Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    with atomic_target(Path(path)) as tmp:
        tmp.write_text(
            f"# Datasette metadata for {database} (servicekb export, schema version {SCHEMA_VERSION}).\n"
            f"#   datasette {Path(database_file).name} -m {Path(path).name}\n" + document,
            encoding="utf-8",
        )
