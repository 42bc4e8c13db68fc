"""The columns a project listing offers to --fields, and the default ones."""

from __future__ import annotations

from .money import project_amount
from .output import Column, dotted_getter

# The model's field names, listed here so that listing a project never imports pydantic
# (start-up time); tests/test_schema.py checks them against model.py.
TOP_FIELDS = ("id", "title", "theme", "kind", "status", "end_date", "contact_organisation", "summary",
              "activities", "results", "lessons", "tags", "related", "links", "source")
NESTED_FIELDS = {
    "owner": ("name", "type"),
    "geography": ("scope", "counties", "municipalities", "places"),
    "funding": ("total_cost_sek", "budget_sek", "public_support_sek", "co_funders"),
}
LIST_FIELDS = {"activities", "results", "lessons", "tags", "related", "links", "counties", "municipalities", "places", "co_funders"}


def _counties_or_national(r: dict):
    geo = r.get("geography") or {}
    return geo.get("counties") or (["hela landet"] if geo.get("scope") == "national" else [])


def _all_columns() -> dict[str, Column]:
    cols: dict[str, Column] = {}
    money = {"total_cost_sek", "budget_sek", "public_support_sek"}
    for name in TOP_FIELDS:
        kind = "list" if name in LIST_FIELDS else "text"
        cols[name] = Column(name, name.replace("_", " ").capitalize(), dotted_getter(name), kind)
    for prefix, names in NESTED_FIELDS.items():
        for name in names:
            dotted = f"{prefix}.{name}"
            kind = "money" if name in money else "list" if name in LIST_FIELDS else "text"
            cols[dotted] = Column(dotted, name.replace("_sek", "").replace("_", " ").capitalize(), dotted_getter(dotted), kind)
    # Short names for the columns people ask for most.
    cols["counties"] = Column("counties", "Counties", dotted_getter("geography.counties"), "list", max_width=18)
    cols["municipalities"] = Column("municipalities", "Municipalities", dotted_getter("geography.municipalities"), "list")
    cols["owner"] = Column("owner", "Owner", dotted_getter("owner.name"))
    cols["cost_sek"] = Column("cost_sek", "Cost", project_amount, "money")
    cols["title"] = Column("title", "Title", dotted_getter("title"), ratio=1, min_width=20)
    cols["id"] = Column("id", "Id", dotted_getter("id"), max_width=24)
    return cols


COLUMNS = _all_columns()
DEFAULT_LIST = [COLUMNS[n] for n in ("id", "title", "counties", "theme", "status", "cost_sek")]
# On a terminal the id sits under the title, so the table fits 80 columns.
DEFAULT_TABLE = [
    Column("project", "Project (id)", lambda r: (r["title"], r["id"]), "title_id", ratio=1, min_width=24),
    Column("counties", "Counties", _counties_or_national, "list", max_width=16),
    Column("theme", "Theme", dotted_getter("theme"), drop_below=110, max_width=19),
    Column("status", "Status", dotted_getter("status"), min_width=9),
    COLUMNS["cost_sek"],
]
