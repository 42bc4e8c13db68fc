"""list: the projects that pass the filters, in Swedish title order."""

import typer

from ..errors import EXIT_NO_RESULTS
from ..messages import command_help
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
    OwnerType,
    Region,
    Status,
    Tag,
    Theme,
)

app = command_app()


@app.command("list", help=command_help("list"))
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
    """servicekb list (its help: messages `cmd.list`, `help.list`)."""
    from .common import emit_listing, load_kb, stdout_is_terminal

    options = ListingOptions.of(locals())
    fmt = options.output_format(stdout_is_terminal(), "list")  # once: columns and writer follow it
    kb = load_kb(options.data_dir, options.no_cache)
    projects = kb.select(options.filters(kb.reference), options.read_ids())
    from ..messages import t

    emit_listing(
        project_listing(
            projects,
            options,
            fmt,
            title=t("title.projects", n=len(projects)),
            sources=kb.reference.sources,
            themes=kb.reference.themes,
        ),
        fmt,
    )
    if not projects:
        raise typer.Exit(EXIT_NO_RESULTS)


def project_listing(
    projects: list[dict], options: ListingOptions, fmt: str, title=None, columns=None, sources=None, themes=None
):
    """Project records as a listing: the default columns for the run's format, or --fields
    (`themes`: the reference's themes, for the labels people read in a table or Markdown)."""
    from ..fields import all_columns, default_list, default_markdown, default_table
    from ..output import Listing, pick_columns
    from ..status import provenance

    default = columns or (
        default_table(themes) if fmt == "table" else default_markdown(themes) if fmt == "markdown" else default_list()
    )
    cols = pick_columns(options.fields, default, all_columns())
    return Listing(
        projects,
        cols,
        document=lambda p: {**p, "provenance": provenance(p, sources)},
        title=title,
        fields_chosen=bool(options.fields),
        excel=options.excel,
    )
