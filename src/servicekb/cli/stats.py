"""stats: counts and separate money sums per county, theme, tag …"""

from typing import Annotated

import typer

from ..errors import EXIT_NO_RESULTS
from ..messages import command_help, help_t, t
from .common import command_app
from .options import (
    DataDir,
    Excel,
    Fields,
    Format,
    HasCost,
    Ids,
    Kind,
    ListingOptions,
    MaxCost,
    MinCost,
    Municipality,
    NoCache,
    Own,
    OwnerType,
    Region,
    Status,
    Tag,
    Theme,
)

app = command_app()
PRIORITY = {
    "median_cost_sek": 1,
    "shared_budget_sek": 2,
    "public_support_sek": 3,
    "without_amount": 4,
    "shared_projects": 5,
    "shared_total_cost_sek": 6,
    "budget_sek": 7,
    "total_cost_sek": 8,
    "projects": 9,
}
SORT_COLUMNS = {
    "projects": "projects",
    "total-cost": "total_cost_sek",
    "budget": "budget_sek",
    "support": "public_support_sek",
    "without-amount": "without_amount",
    "median": "median_cost_sek",
}
# Other words for a grouping, the Swedish ones of the help text among them (--by län, --by typ).
BY_ALIASES = {
    "region": "county",
    "lan": "county",
    "län": "county",
    "kommun": "municipality",
    "tema": "theme",
    "owner_type": "owner-type",
    "tags": "tag",
    "typ": "kind",
    "tagg": "tag",
    "taggar": "tag",
    "ägartyp": "owner-type",
    "agartyp": "owner-type",
}


@app.command(help=command_help("stats"))
def stats(
    by: Annotated[str, typer.Option("--by", "-b", help=help_t("opt.by"))] = "county",
    sort: Annotated[str, typer.Option("--sort", "-s", help=help_t("opt.sort"))] = "name",
    theme: Theme = None,
    region: Region = None,
    municipality: Municipality = None,
    status: Status = None,
    kind: Kind = None,
    owner_type: OwnerType = None,
    tag: Tag = None,
    min_cost: MinCost = None,
    max_cost: MaxCost = None,
    has_cost: HasCost = None,
    ids: Ids = None,
    own: Own = False,
    format: Format = None,
    fields: Fields = None,
    excel: Excel = False,
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """servicekb stats (its help: messages `cmd.stats`, `help.stats`)."""
    from ..errors import UsageError
    from ..money import own_projects, summarise
    from ..output import Column, Listing, pick_columns
    from ..stats import GROUPINGS, SORTS, StatsRow, stats_rows
    from ..text import hint_for
    from .common import emit_listing, load_kb, stdout_is_terminal

    options = ListingOptions.of(locals())
    fmt = options.output_format(stdout_is_terminal(), "stats")  # once: columns and writer follow it
    by = BY_ALIASES.get(by.strip().lower(), by.strip().lower())
    if by not in GROUPINGS:
        raise UsageError(
            t(
                "err.unknown_grouping",
                by=repr(by),
                hint=hint_for(by, GROUPINGS),
                valid=", ".join(GROUPINGS),
            )
        )
    if sort not in SORTS:
        raise UsageError(t("err.unknown_sort", sort=repr(sort), hint=hint_for(sort, SORTS), valid=", ".join(SORTS)))
    kb = load_kb(options.data_dir, options.no_cache)
    projects = kb.select(options.filters(kb.reference), options.read_ids())
    if own:  # every sum from projects that no other county shares
        projects = own_projects(projects)
    # Every county has its row, zeros too, as in a report's overview: a county missing from the
    # table would read as a county the register forgot (Gotland had none; new-user walk).
    rows = stats_rows(projects, by, kb.reference, sort, every=kb.reference.counties if by == "county" else ())

    kept = SORT_COLUMNS.get(sort)  # a narrow table never leaves out the column it is sorted by

    def money(name: str, header: str, get) -> Column:
        return Column(
            name, header, lambda r: get(r.summary), "money", drop_priority=None if name == kept else PRIORITY[name]
        )

    def count(name: str, header: str, get) -> Column:
        return Column(
            name, header, lambda r: get(r.summary), "int", drop_priority=None if name == kept else PRIORITY[name]
        )

    columns = [
        Column(
            "value", t(f"by.{by}"), lambda r: r.label if fmt in ("table", "markdown") else r.key, ratio=1, min_width=12
        ),
        Column("label", t("col.label"), lambda r: r.label),
        count("projects", t("col.projects"), lambda s: s.projects),
        money("total_cost_sek", t("col.total_cost"), lambda s: s.total_cost.value),
        money("budget_sek", t("col.budget"), lambda s: s.budget.value),
        money("public_support_sek", t("col.public_support"), lambda s: s.public_support.value),
        count("without_amount", t("col.without_amount"), lambda s: s.without_amount),
        money("median_cost_sek", t("col.median"), lambda s: s.median_cost),
    ]
    if by == "county":  # how much of each county's sums other counties share (a shared project is in each)

        def part(get):
            return lambda s: get(s.shared) if s.shared is not None else None

        columns += [
            count("shared_projects", t("col.shared_projects"), part(lambda s: s.projects)),
            money("shared_total_cost_sek", t("col.shared_total_cost"), part(lambda s: s.total_cost.value)),
            money("shared_budget_sek", t("col.shared_budget"), part(lambda s: s.budget.value)),
        ]
    available = {c.name: c for c in columns}
    default = [c for c in columns if c.name != "label" or fmt not in ("table", "markdown")]
    chosen = pick_columns(options.fields, default, available)
    shown = rows
    if fmt in ("table", "markdown") and rows:
        shown = [*rows, StatsRow(t("rep.total_once"), t("rep.total_once"), summarise(projects))]
    title = t("title.stats", n=len(projects), by=t(f"by.{by}").lower()) + (
        " " + t("title.stats_multi") if by in ("county", "tag", "municipality") and not own else ""
    )
    if own:
        title += " " + t("title.stats_own")
    listing = Listing(
        shown,
        chosen,
        document=StatsRow.as_dict,
        title=title,
        fields_chosen=bool(options.fields),
        excel=options.excel,
        id_of=lambda r: r.key or "",
    )
    emit_listing(listing, fmt)
    if not projects:
        raise typer.Exit(EXIT_NO_RESULTS)
