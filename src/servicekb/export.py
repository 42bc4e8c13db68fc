"""Export: the knowledge base as a documented SQLite database (for Datasette) or as CSV files
with a Frictionless `datapackage.json`.

Library only (no typer, no rich). In: project records (plain dicts with the model's field
names, as `KnowledgeBase.select` returns them) and the `Reference`. Out: files.

`TABLES` below is the one definition of the exported schema: the SQL, Datasette's metadata and
the Data Package descriptor are all made from it, and README's "Export" section documents it (a
test compares the two). Change it and bump `SCHEMA_VERSION` (written as `PRAGMA user_version`).

    write_sqlite(Path("kb.db"), records, ref)          # kb.db, atomically
    write_datasette_metadata(Path("kb.metadata.yaml"), Path("kb.db"))
    write_csv(Path("kb-csv"), records, ref)            # one CSV per table + datapackage.json
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .constants import SCOPES, STATUSES
from .errors import EXIT_PROBLEMS, ServiceKBError
from .messages import MESSAGES
from .messages import t as tr  # `t` names a table in this module
from .money import project_amount
from .reference import Reference
from .text import visible

SCHEMA_VERSION = 2  # 2: projects_fts.search_terms, servicekb's Swedish analysis of the text

TITLE = "Lokal service: Tillväxtverket's rural-service pilot projects"
SOURCE = "Tillväxtverket: Så utvecklar vi den lokala servicen (Landsbygdsprogrammet 2014–2020)"
LICENCE_NOTE = (
    "No licence has been stated for this data set. The facts (titles, owners, places, amounts) are "
    "as Tillväxtverket's public page gives them; summaries, activities, results and lessons are "
    "written in the servicekb project's own words."
)
MONEY_NOTE = "Whole kronor (SEK); empty (NULL) when the source gives no amount — never 0 for unknown."


@dataclass(frozen=True)
class Column:
    """A column of the exported schema. `type`: text, integer, date (ISO text) or json (a JSON array as text)."""

    name: str
    type: str
    description: str
    required: bool = True
    references: Optional[str] = None  # "table.column"
    minimum: Optional[int] = None
    enum: tuple[str, ...] = ()
    unique: bool = False

    @property
    def money(self) -> bool:
        return self.name.endswith("_sek")


@dataclass(frozen=True)
class Table:
    name: str
    description: str  # what one row is
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    label_column: Optional[str] = None  # what Datasette shows for a foreign key to this table

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _money(name: str, what: str) -> Column:
    return Column(name, "integer", f"{what} {MONEY_NOTE}", required=False, minimum=0)


def _vocabulary(name: str, what: str, details: str = "") -> Table:
    return Table(
        name,
        f"One row per {what}{details} (reference data).",
        (
            Column("slug", "text", "Identifier, as project files use it."),
            Column("label", "text", "Its name, in Swedish.", unique=True),
            Column(
                "description",
                "text",
                "What it means, in Swedish; empty when the reference data gives none.",
                required=False,
            ),
        ),
        ("slug",),
        label_column="label",
    )


def _link(name: str, column: Column, what: str) -> Table:
    return Table(
        name,
        f"One row per project and {what}, in the order the project file lists them.",
        (
            Column("project_id", "text", "The project.", references="projects.id"),
            column,
            Column("position", "integer", "Order within the project, from 1.", minimum=1),
        ),
        ("project_id", column.name),
    )


def _items(name: str, column: Column, what: str) -> Table:
    return Table(
        name,
        f"One row per {what} of a project, in order.",
        (
            Column("project_id", "text", "The project.", references="projects.id"),
            Column("position", "integer", "Order within the project, from 1.", minimum=1),
            column,
        ),
        ("project_id", "position"),
    )


PROJECTS = Table(
    "projects",
    "One row per project.",
    (
        Column("id", "text", "The project's id: its file name in data/projects/ without .yaml."),
        Column("title", "text", "The project's own heading, verbatim."),
        Column("theme", "text", "The source page's section (themes.slug).", references="themes.slug"),
        Column("kind", "text", "What sort of project (kinds.slug).", references="kinds.slug"),
        Column("status", "text", "completed, ongoing or planned.", enum=STATUSES),
        Column("start_date", "date", "Start date (YYYY-MM-DD) where the source gives one.", required=False),
        Column("end_date", "date", "End date (YYYY-MM-DD) where the source gives one.", required=False),
        Column(
            "owner_name",
            "text",
            "The project owner (Projektägare), as written; empty when the source names none.",
            required=False,
        ),
        Column(
            "owner_type", "text", "Kind of owner (owner_types.slug).", required=False, references="owner_types.slug"
        ),
        Column("contact_organisation", "text", "Organisation of a named contact (never a person).", required=False),
        Column("scope", "text", "Where the work is: local, municipal, county, multi-county or national.", enum=SCOPES),
        _money("total_cost_sek", "Actual total cost of a finished project."),
        _money("budget_sek", "Planned total of an ongoing or planned project."),
        _money("public_support_sek", "Support granted by Tillväxtverket / the programme."),
        _money(
            "amount_sek",
            "The project's own amount: total cost, else (not finished) its budget — what --min-cost and "
            "the report's 'without amount' use. Never add it to total_cost_sek or budget_sek.",
        ),
        Column("summary", "text", "What was done, where, and what came of it (2–4 sentences, Swedish)."),
        Column(
            "source",
            "text",
            "The source's slug in sources.yaml; empty when the project names its own source.",
            required=False,
        ),
        Column("source_publisher", "text", "Who published the project's source."),
        Column("source_title", "text", "The source's title (a page, report or decision)."),
        Column("source_url", "text", "The source's web address, where known.", required=False),
        Column("source_date", "date", "The source's date, or when it was read, where known.", required=False),
        Column("source_programme", "text", "The funding programme, where the source names one.", required=False),
        Column(
            "source_section", "text", "The source's heading the project stands under, where it has one.", required=False
        ),
        Column("partners", "json", "Organisations that take part without funding, as a JSON array (as named)."),
        Column("former_ids", "json", "Ids the project had before it was renamed, as a JSON array."),
        Column(
            "counties",
            "json",
            "The project's counties as a JSON array: a copy of project_counties, for Datasette's "
            "array facet. project_counties is the table to join.",
        ),
        Column(
            "tags", "json", "The project's tags as a JSON array: a copy of project_tags, for Datasette's array facet."
        ),
    ),
    ("id",),
    label_column="title",
)

TABLES: tuple[Table, ...] = (
    Table(
        "counties",
        "One row per Swedish county (län), all 21 (reference data).",
        (
            Column("name", "text", "Short name, as project files use it (e.g. Dalarna)."),
            Column("official_name", "text", "Official name (e.g. Dalarnas län).", unique=True),
            Column("code", "text", "SCB's two-digit county code (länskod), e.g. 20.", unique=True),
            Column("letter", "text", "Registration letter (länsbokstav), e.g. W.", unique=True),
            Column("region", "text", "The regional body (e.g. Region Dalarna)."),
        ),
        ("name",),
        label_column="official_name",
    ),
    Table(
        "municipalities",
        "One row per Swedish municipality (kommun), all 290 (reference data).",
        (
            Column("name", "text", "Name without 'kommun', as project files use it (e.g. Mora)."),
            Column("code", "text", "SCB's four-digit municipality code (kommunkod), e.g. 2062.", unique=True),
            Column("county", "text", "The county it lies in.", references="counties.name"),
        ),
        ("name",),
        label_column="name",
    ),
    _vocabulary("themes", "theme", ": a section of the source page"),
    _vocabulary("kinds", "kind of project"),
    _vocabulary("owner_types", "kind of project owner"),
    _vocabulary("tags", "tag"),
    PROJECTS,
    _link(
        "project_counties",
        Column("county", "text", "A county the project works in.", references="counties.name"),
        "county",
    ),
    _link(
        "project_municipalities",
        Column("municipality", "text", "A municipality the project works in.", references="municipalities.name"),
        "municipality",
    ),
    _link("project_tags", Column("tag", "text", "A tag of the project.", references="tags.slug"), "tag"),
    _link(
        "project_related",
        Column(
            "related_id",
            "text",
            "A related project. In a filtered export, relations to projects outside the selection are left out.",
            references="projects.id",
        ),
        "related project",
    ),
    _items("project_places", Column("place", "text", "A village or locality (ort), as the source names it."), "place"),
    _items("project_co_funders", Column("co_funder", "text", "Another financier, as named."), "co-funder"),
    _items("project_links", Column("link", "text", "A web address the source spells out."), "link"),
    _items("project_activities", Column("activity", "text", "What the project did (Swedish)."), "activity"),
    _items(
        "project_results",
        Column("result", "text", "What came of it, or for an ongoing project what is expected (Swedish)."),
        "result",
    ),
    _items("project_lessons", Column("lesson", "text", "A lesson learned (Swedish)."), "lesson"),
)

# Full-text search over each project's text, for Datasette's search box (?_search=).
# Its rowid is the rowid of the project in `projects`; project_id says the same for joins.
# unicode61 without diacritic removal: å, ä and ö are letters of their own (får ≠ far).
FTS_TABLE = "projects_fts"
FTS_COLUMNS: tuple[tuple[str, str], ...] = (
    ("project_id", "The project (not searched)."),
    ("title", "Title."),
    ("summary", "Summary."),
    ("activities", "Activities, one per line."),
    ("results", "Results, one per line."),
    ("lessons", "Lessons, one per line."),
    ("tags", "Tag slugs and labels."),
    ("places", "Places, municipalities and counties (short and official names)."),
    ("organisations", "Owner, contact organisation and co-funders."),
    (
        "search_terms",
        "servicekb's Swedish analysis of the words above: their stems (ombuden → ombud), the words inside "
        "compounds (paketombud → paket, ombud) and the thesaurus's related terms, so that the search box "
        "finds what `servicekb search` finds.",
    ),
)
FTS_TOKENIZER = "unicode61 remove_diacritics 0"

_SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "date": "TEXT", "json": "TEXT"}
_PACKAGE_TYPES = {"text": "string", "integer": "integer", "date": "date", "json": "array"}


def table(name: str) -> Table:
    return next(t for t in TABLES if t.name == name)


# --- rows ---------------------------------------------------------------------------


def _none_if_empty(text: str) -> Optional[str]:
    return text or None


def _source_columns(r: dict, ref: Reference) -> tuple:
    """source, source_publisher, …: the project's source with sources.yaml's fields filled in."""
    from .status import source_of

    s = source_of(r, ref.sources)
    return (s["ref"], s["publisher"], s["title"], s["url"], s["date"], s["programme"], s["section"])


def build_rows(records: Sequence[dict], ref: Reference) -> dict[str, list[tuple]]:
    """The rows of every table (in TABLES' column order), from records and reference data."""
    rows: dict[str, list[tuple]] = {t.name: [] for t in TABLES}
    rows["counties"] = [(c.name, c.official_name, c.code, c.letter, c.region) for c in ref.counties.values()]
    rows["municipalities"] = [(m.name, m.code, m.county) for m in ref.municipalities.values()]
    for name, vocab in (
        ("themes", ref.themes),
        ("kinds", ref.kinds),
        ("owner_types", ref.owner_types),
        ("tags", ref.tags),
    ):
        rows[name] = [(t.slug, t.label, _none_if_empty(t.description)) for t in vocab.terms]

    exported = {r["id"] for r in records}
    for r in records:
        pid, geo, money, owner = r["id"], r["geography"], r["funding"], r.get("owner")
        rows["projects"].append(
            (
                pid,
                r["title"],
                r["theme"],
                r["kind"],
                r["status"],
                r.get("start_date"),
                r.get("end_date"),
                owner["name"] if owner else None,
                owner["type"] if owner else None,
                r.get("contact_organisation"),
                geo["scope"],
                money["total_cost_sek"],
                money["budget_sek"],
                money["public_support_sek"],
                project_amount(r),
                r["summary"],
                *_source_columns(r, ref),
                json.dumps(r.get("partners") or [], ensure_ascii=False),
                json.dumps(r.get("former_ids") or [], ensure_ascii=False),
                json.dumps(geo["counties"], ensure_ascii=False),
                json.dumps(r["tags"], ensure_ascii=False),
            )
        )

        for name, values in (
            ("project_counties", geo["counties"]),
            ("project_municipalities", geo["municipalities"]),
            ("project_tags", r["tags"]),
            ("project_related", [i for i in r["related"] if i in exported]),
        ):
            rows[name] += [(pid, v, n) for n, v in enumerate(dict.fromkeys(values), 1)]
        for name, values in (
            ("project_places", geo["places"]),
            ("project_co_funders", money["co_funders"]),
            ("project_links", r["links"]),
            ("project_activities", r["activities"]),
            ("project_results", r["results"]),
            ("project_lessons", r["lessons"]),
        ):
            rows[name] += [(pid, n, v) for n, v in enumerate(values, 1)]
    # As in every other format, control, bidi and zero-width characters are shown as escapes
    # (a NUL would end the text in many SQLite and CSV readers; an RLO would reorder a cell).
    return {name: [tuple(_shown(v) for v in row) for row in table] for name, table in rows.items()}


def _shown(value):
    return visible(value) if isinstance(value, str) else value


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
        from .search import MIN_PART_LENGTH, STOP_WORDS

        self.index = index
        self.min_part = MIN_PART_LENGTH
        from .search import stems_of

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
            from .search import related_terms, stems_of

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


@contextmanager
def _atomic_path(path: Path) -> Iterator[Path]:
    """A temporary file beside `path`, moved over it when the block succeeds (atomic.py: the one
    way every file is written; removed on failure, at exit, on SIGTERM, and by the next run)."""
    from .atomic import atomic_path

    try:
        with atomic_path(path) as tmp:
            yield tmp
    except OSError as exc:
        raise ServiceKBError(tr("err.cannot_write", path=path, reason=exc.strerror or exc)) from None


def write_sqlite(
    path: Path, records: Sequence[dict], ref: Reference, index: Optional[sqlite3.Connection] = None
) -> None:
    """Write the export database to `path` atomically (a temporary file, then a rename); `index`:
    servicekb's index, for the thesaurus terms of the search column (fts_rows)."""
    rows = build_rows(records, ref)
    with _atomic_path(Path(path)) as tmp:
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


# --- Datasette metadata -------------------------------------------------------------

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
    with _atomic_path(Path(path)) as tmp:
        tmp.write_text(
            f"# Datasette metadata for {database} (servicekb export, schema version {SCHEMA_VERSION}).\n"
            f"#   datasette {Path(database_file).name} -m {Path(path).name}\n" + document,
            encoding="utf-8",
        )


# --- CSV + Data Package -------------------------------------------------------------


def csv_files() -> list[str]:
    """The files `write_csv` writes, datapackage.json last."""
    return [f"{t.name}.csv" for t in TABLES] + ["datapackage.json"]


def _csv_cell(value) -> str:
    from .output import _neutralise  # the one CSV-injection rule

    if value is None:
        return ""
    if isinstance(value, str):
        return _neutralise(value)
    return str(value)


def datapackage(selection: str = "") -> dict:
    """The Frictionless (Tabular) Data Package descriptor of the CSV export."""
    resources = []
    for t in TABLES:
        fields = []
        for c in t.columns:
            constraints: dict = {}
            if c.required:
                constraints["required"] = True
            if c.unique or t.primary_key == (c.name,):
                constraints["unique"] = True
            if c.minimum is not None:
                constraints["minimum"] = c.minimum
            if c.enum:
                constraints["enum"] = list(c.enum)
            field: dict = {"name": c.name, "type": _PACKAGE_TYPES[c.type], "description": c.description}
            if c.money:
                field["unit"] = "SEK"
            if constraints:
                field["constraints"] = constraints
            fields.append(field)
        schema: dict = {"fields": fields, "primaryKey": list(t.primary_key), "missingValues": [""]}
        keys = []
        for c in t.columns:
            if c.references:
                target, target_column = c.references.split(".")
                keys.append({"fields": [c.name], "reference": {"resource": target, "fields": [target_column]}})
        if keys:
            schema["foreignKeys"] = keys
        resources.append(
            {
                "name": t.name,
                "path": f"{t.name}.csv",
                "profile": "tabular-data-resource",
                "description": t.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "schema": schema,
            }
        )
    description = (
        f"Tillväxtverket's rural-service pilot projects, exported by servicekb (schema version "
        f"{SCHEMA_VERSION}). {MONEY_NOTE} Text cells that a spreadsheet would run as a formula "
        "(starting with =, +, -, @, tab or carriage return) are prefixed with '. " + LICENCE_NOTE
    )
    if selection:
        description += f" Selection: {selection}."
    return {
        "profile": "tabular-data-package",
        "name": "servicekb-pilot-projects",
        "title": TITLE,
        "description": description,
        "version": f"{SCHEMA_VERSION}.0.0",
        "sources": [{"title": SOURCE}],
        "resources": resources,
    }


def write_csv(folder: Path, records: Sequence[dict], ref: Reference, selection: str = "") -> list[Path]:
    """One CSV file per table (UTF-8, RFC 4180, formula-neutralised) and datapackage.json.

    Each file is written atomically; datapackage.json comes last, so a package descriptor
    never describes files that were not written.
    """
    import csv
    import io

    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ServiceKBError(tr("err.cannot_create_folder", folder=folder, reason=exc.strerror or exc)) from None
    rows = build_rows(records, ref)
    written = []
    for t in TABLES:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow([c.name for c in t.columns])
        writer.writerows([_csv_cell(v) for v in row] for row in rows[t.name])
        path = folder / f"{t.name}.csv"
        with _atomic_path(path) as tmp:
            tmp.write_text(buf.getvalue(), encoding="utf-8", newline="")
        written.append(path)
    path = folder / "datapackage.json"
    with _atomic_path(path) as tmp:
        tmp.write_text(json.dumps(datapackage(selection), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(path)
    return written
