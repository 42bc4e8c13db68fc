"""The columns a project listing offers to --fields, and the default ones.

Built when asked for (not at import): headers follow this run's language.
"""

from __future__ import annotations

from .money import NATIONAL, cost_kind, placeholder_label, project_amount
from .output import Column, dotted_getter

# The model's field names, listed here so that listing a project never imports pydantic
# (start-up time); tests/test_schema.py checks them against model.py.
TOP_FIELDS = (
    "id",
    "title",
    "theme",
    "kind",
    "status",
    "start_date",
    "end_date",
    "contact_organisation",
    "partners",
    "summary",
    "activities",
    "results",
    "lessons",
    "tags",
    "related",
    "links",
    "former_ids",
)
NESTED_FIELDS = {
    "owner": ("name", "type"),
    "geography": ("scope", "counties", "municipalities", "places"),
    "funding": ("total_cost_sek", "budget_sek", "public_support_sek", "co_funders"),
    "source": ("ref", "publisher", "title", "url", "date", "programme", "section"),
}
LIST_FIELDS = {
    "activities",
    "results",
    "lessons",
    "tags",
    "related",
    "links",
    "counties",
    "municipalities",
    "places",
    "co_funders",
    "partners",
    "former_ids",
}
DEFAULT_LIST_FIELDS = ("id", "title", "counties", "theme", "status", "cost_sek", "cost_kind", "past_end_date")


def counties_or_national(r: dict):
    """A project's counties for people: a nationwide one says so instead of showing nothing, in
    the words every grouping by county uses (money.NATIONAL)."""
    geo = r.get("geography") or {}
    return geo.get("counties") or ([placeholder_label(NATIONAL)] if geo.get("scope") == "national" else [])


def _past_end(r: dict):
    from .status import past_end_date

    return True if past_end_date(r) else None


def _source_label(r: dict):
    """A project's source in one cell: its section of a shared source, else the source's title."""
    s = r.get("source") or {}
    if isinstance(s, str):
        return s
    return s.get("section") or s.get("title") or s.get("ref")


def all_columns() -> dict[str, Column]:
    """Every column --fields offers, headed in this run's language (messages `field.*`, `col.*`)."""
    from .messages import t

    cols: dict[str, Column] = {}
    money = {"total_cost_sek", "budget_sek", "public_support_sek"}
    for name in TOP_FIELDS:
        kind = "list" if name in LIST_FIELDS else "text"
        cols[name] = Column(name, _header(name), dotted_getter(name), kind)
    for prefix, names in NESTED_FIELDS.items():
        for name in names:
            dotted = f"{prefix}.{name}"
            kind = "money" if name in money else "list" if name in LIST_FIELDS else "text"
            cols[dotted] = Column(dotted, _header(dotted), dotted_getter(dotted), kind)
    # Short names for the columns people ask for most.
    cols["source"] = Column("source", t("col.source"), _source_label, "text")
    cols["counties"] = Column("counties", t("col.counties"), dotted_getter("geography.counties"), "list", max_width=18)
    cols["municipalities"] = Column(
        "municipalities", t("field.geography.municipalities"), dotted_getter("geography.municipalities"), "list"
    )
    cols["owner"] = Column("owner", t("field.owner"), dotted_getter("owner.name"))
    # The project's own amount (total cost, else budget) and which of the two it is.
    cols["cost_sek"] = Column("cost_sek", t("col.cost"), project_amount, "money")
    cols["cost_kind"] = Column("cost_kind", t("field.cost_kind"), cost_kind)
    cols["past_end_date"] = Column("past_end_date", t("field.past_end_date"), _past_end)
    cols["title"] = Column("title", t("col.title"), dotted_getter("title"), ratio=1, min_width=20)
    cols["id"] = Column("id", t("col.id"), dotted_getter("id"), max_width=24)
    return cols


def on_record(column: Column) -> Column:
    """A project column for rows that carry their project as `.record` (search hits, similar
    projects): the same column, reading the row's record."""
    get = column.get
    return column._replace(get=lambda r: get(r.record))


def record_columns() -> dict[str, Column]:
    """Every --fields column, for rows that carry their project as `.record`."""
    return {name: on_record(c) for name, c in all_columns().items()}


def _header(field: str) -> str:
    """A field's header: `field.NAME` of the message table (`col.*` for the id and the title)."""
    from .messages import t

    return t({"id": "col.id", "title": "col.title"}.get(field, f"field.{field}"))


def default_markdown(themes=None) -> list[Column]:
    """Markdown is read by people: their words, the amount with its kind."""
    from .messages import t
    from .status import status_text

    return [
        Column("id", t("col.id"), dotted_getter("id")),
        Column("title", t("col.title"), dotted_getter("title")),
        Column("counties", t("col.counties"), counties_or_national, "list"),
        theme_column(themes),
        Column("status", t("col.status"), status_text),
        Column("cost", t("col.cost"), lambda r: (project_amount(r), cost_kind(r)), "cost"),
    ]


def default_list() -> list[Column]:
    """Piped and machine formats: stable English names, the model's values."""
    cols = all_columns()
    return [cols[n] for n in DEFAULT_LIST_FIELDS]


def theme_column(themes=None, **layout) -> Column:
    """The theme for people: its label (`Samordnad logistik och pakethantering`) where the
    reference data is at hand (`themes`: its Vocabulary), as show, report and facets write it."""
    from .messages import t

    get = (lambda r: themes.label(r["theme"])) if themes is not None else dotted_getter("theme")
    return Column("theme", t("col.theme"), get, **layout)


def default_table(themes=None) -> list[Column]:
    """On a terminal: the id under the title (the table fits 80 columns), words in this run's language."""
    from .messages import t
    from .status import status_text

    return [
        Column("project", t("col.project_id"), lambda r: (r["title"], r["id"]), "title_id", ratio=1, min_width=24),
        # Left out first when the terminal is narrow: the theme, then the status; the county
        # (what a regional reader looks for first) is kept longest.
        Column("counties", t("col.counties"), counties_or_national, "list", max_width=16, drop_priority=3),
        theme_column(themes, drop_priority=1, max_width=22),
        Column("status", t("col.status"), lambda r: status_text(r, short=True), max_width=16, drop_priority=2),
        Column("cost", t("col.cost"), lambda r: (project_amount(r), cost_kind(r)), "cost"),
    ]
