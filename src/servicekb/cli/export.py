"""export sqlite, export csv: the knowledge base as a Datasette-ready database or CSV + datapackage.json."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import load_kb, note
from .options import (
    DataDir,
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

export_app = command_app(
    name="export",
    help="Export projects for other tools: an SQLite database for Datasette, or CSV files with a datapackage.json.\n\n"
    "The schema is documented in the README (section Export) and versioned (PRAGMA user_version).\n\n"
    "Examples:\n\n"
    "\b\n"
    "  servicekb export sqlite kb.db && datasette kb.db -m kb.metadata.yaml\n"
    "  servicekb export csv kb-csv --region Dalarna",
    no_args_is_help=True,
)

Force = Annotated[bool, typer.Option("--force", help="Overwrite files that already exist.")]


@export_app.command("sqlite")
def sqlite(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The database to write, e.g. kb.db.", show_default=False)],
    metadata: Annotated[Optional[Path], typer.Option("--metadata", help="Where to write Datasette's metadata. Default: FILE's name with .metadata.yaml (kb.db → kb.metadata.yaml).", show_default=False)] = None,
    force: Force = False,
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
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """Write an SQLite database (with full-text search) and its Datasette metadata.

    Tables: projects, the reference data (counties, municipalities, themes, kinds, owner_types,
    tags) and one table per list (project_counties, project_lessons, …); amounts in whole kronor,
    empty when unknown. The file is written whole or not at all.

    Examples:

    \b
      servicekb export sqlite kb.db && datasette kb.db -m kb.metadata.yaml
      servicekb export sqlite dalarna.db --region Dalarna
      servicekb search paketautomat --format ids | servicekb export sqlite paket.db --ids -
    """
    from ..export import SCHEMA_VERSION, write_datasette_metadata, write_sqlite

    if str(file) == "-":
        raise _usage("export sqlite writes a file, not standard output: give a file name, e.g. kb.db.")
    metadata = metadata or file.with_name(file.stem + ".metadata.yaml")
    if metadata.resolve() == file.resolve():
        raise _usage(f"--metadata must be another file than the database ({str(file)!r}).")
    for folder in {file.parent, metadata.parent}:
        if not folder.is_dir():
            raise _usage(f"no such folder: {str(folder)!r}.")
    _check_targets([file, metadata], force)
    projects, reference, selection = _select(ListingOptions.of(locals()))
    write_sqlite(file, projects, reference)
    write_datasette_metadata(metadata, file, selection)
    note(f"servicekb: wrote {file} ({len(projects)} project(s), schema version {SCHEMA_VERSION}) and {metadata}. "
         f"Browse: datasette {file} -m {metadata}")


@export_app.command("csv")
def csv(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The folder to write into (created if missing).", show_default=False)],
    force: Force = False,
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
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """Write one CSV file per table and a Frictionless datapackage.json describing them.

    The same tables as `export sqlite` (without the full-text index): UTF-8, RFC 4180, a header
    row, empty cells for unknown values; text a spreadsheet would run as a formula is prefixed
    with '. `frictionless validate DIR/datapackage.json` checks the set.

    Examples:

    \b
      servicekb export csv kb-csv
      servicekb export csv logistik-csv --theme logistik --force
    """
    from ..export import csv_files, write_csv

    if folder.exists() and not folder.is_dir():
        raise _usage(f"{str(folder)!r} is a file, not a folder.")
    _check_targets([folder / name for name in csv_files()], force)
    projects, reference, selection = _select(ListingOptions.of(locals()))
    write_csv(folder, projects, reference, selection)
    note(f"servicekb: wrote {len(csv_files())} files to {folder} ({len(projects)} project(s)). "
         f"Check: frictionless validate {folder / 'datapackage.json'}")


def _select(options: ListingOptions):
    """The selected projects (as `list` selects them), the reference data and the selection in words."""
    from .common import report_problems

    kb = load_kb(options.data_dir, options.no_cache)
    filters = options.filters(kb.reference)
    ids = options.read_ids()
    projects = kb.select(filters, ids)
    report_problems(kb)
    if not projects:
        note("servicekb: no projects match; nothing written.")
        raise typer.Exit(1)
    return projects, kb.reference, _describe(filters, ids)


def _describe(filters, ids: Optional[list[str]]) -> str:
    """The filters in words for the export's metadata, e.g. 'county Dalarna; theme logistik'."""
    parts = []
    for label, values in (("county", filters.counties), ("municipality", filters.municipalities),
                          ("theme", filters.themes), ("status", filters.statuses), ("kind", filters.kinds),
                          ("owner type", filters.owner_types), ("tags (all of)", filters.tags)):
        if values:
            parts.append(f"{label} {', '.join(values)}")
    if filters.min_cost is not None:
        parts.append(f"amount at least {filters.min_cost} kr")
    if filters.max_cost is not None:
        parts.append(f"amount at most {filters.max_cost} kr")
    if filters.has_cost is not None:
        parts.append("with an amount" if filters.has_cost else "without an amount")
    if ids is not None:
        parts.append(f"{len(dict.fromkeys(ids))} chosen project id(s)")
    return "; ".join(parts)


def _check_targets(paths: list[Path], force: bool) -> None:
    """Refuse to overwrite without --force; refuse a folder that does not exist."""
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing[:3]) + (" …" if len(existing) > 3 else "")
        raise _usage(f"{names} already exist{'s' if len(existing) == 1 else ''}; add --force to overwrite.")
    for p in paths:
        if p.is_dir():
            raise _usage(f"{str(p)!r} is a folder; give a file name.")


def _usage(message: str):
    from ..errors import UsageError

    return UsageError(message)
