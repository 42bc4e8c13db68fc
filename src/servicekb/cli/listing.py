"""list: the projects that pass the filters, in Swedish title order."""

from __future__ import annotations

import typer

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
    OwnerType,
    Region,
    Status,
    Tag,
    Theme,
    command_app,
)

app = command_app()


@app.command("list")
def list_(
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
    format: Format = None,
    fields: Fields = None,
    excel: Excel = False,
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """List projects (sorted by title), optionally filtered.

    Examples:

    \b
      servicekb list --region Dalarna
      servicekb list --theme kommunala --format csv > kommunala.csv
    """
    from .common import emit_listing, load_kb, report_problems

    options = ListingOptions.of(locals())
    kb = load_kb(options.data_dir, options.no_cache)
    projects = kb.select(options.filters(kb.reference), options.read_ids())
    emit_listing(project_listing(projects, options, title=f"{len(projects)} project(s)"), options)
    report_problems(kb)
    if not projects:
        raise typer.Exit(1)


def project_listing(projects: list[dict], options: ListingOptions, title=None, columns=None):
    """Project records as a listing: the default columns for the format, or --fields."""
    from ..fields import COLUMNS, DEFAULT_LIST, DEFAULT_TABLE
    from ..output import Listing, choose_format, pick_columns
    from .common import stdout_is_terminal

    fmt = choose_format(options.format, stdout_is_terminal())
    default = columns or (DEFAULT_TABLE if fmt == "table" else DEFAULT_LIST)
    cols = pick_columns(options.fields, default, COLUMNS)
    return Listing(projects, cols, documents=projects, title=title, fields_chosen=bool(options.fields), excel=options.excel)
