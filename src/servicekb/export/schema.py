"""The exported schema: its tables and columns, the full-text table, and the rows of every table.

`TABLES` is the one definition of the exported schema: the SQL (sqlite.py), Datasette's metadata
(datasette.py) and the Data Package descriptor (csv.py) are all made from it, and README's
"Export" section documents it (a test compares the two). Change it and bump `SCHEMA_VERSION`
(written as `PRAGMA user_version`). `build_rows` gives both writers the same rows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from ..constants import SCOPES, STATUSES
from ..money import project_amount
from ..reference import Reference
from ..text import visible

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


# The two columns every per-project list table has (project_links, project_tags, …).
_PROJECT_ID = Column("project_id", "text", "The project.", references="projects.id")
_POSITION = Column("position", "integer", "Order within the project, from 1.", minimum=1)


def _link(name: str, column: Column, what: str) -> Table:
    return Table(
        name,
        f"One row per project and {what}, in the order the project file lists them.",
        (_PROJECT_ID, column, _POSITION),
        ("project_id", column.name),
    )


def _items(name: str, column: Column, what: str) -> Table:
    return Table(
        name,
        f"One row per {what} of a project, in order.",
        (_PROJECT_ID, _POSITION, column),
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


def table(name: str) -> Table:
    return next(t for t in TABLES if t.name == name)


# --- rows ---------------------------------------------------------------------------


def _none_if_empty(text: str) -> Optional[str]:
    return text or None


def _source_columns(r: dict, ref: Reference) -> tuple:
    """source, source_publisher, …: the project's source with sources.yaml's fields filled in."""
    from ..status import source_of

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
