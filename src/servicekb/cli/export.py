"""export sqlite, export csv: the knowledge base as a Datasette-ready database or CSV + datapackage.json."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import EXIT_NO_RESULTS
from ..messages import command_help, help_t, help_text, t
from .common import command_app, load_kb, note
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
)

export_app = command_app(name="export", help=help_text("export"), no_args_is_help=True)

Force = Annotated[bool, typer.Option("--force", help=help_t("opt.export_force"))]


@export_app.command("sqlite", help=command_help("export.sqlite"))
def sqlite(
    file: Annotated[Path, typer.Argument(metavar="FILE", help=help_t("arg.export_file"), show_default=False)],
    metadata: Annotated[
        Optional[Path], typer.Option("--metadata", help=help_t("opt.metadata"), show_default=False)
    ] = None,
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
    """servicekb export sqlite (its help: messages `cmd.export.sqlite`, `help.export.sqlite`)."""
    from ..export.datasette import write_datasette_metadata
    from ..export.schema import SCHEMA_VERSION
    from ..export.sqlite import write_sqlite

    if str(file) == "-":
        raise _usage(t("err.export_to_stdout"))
    metadata = metadata or file.with_name(file.stem + ".metadata.yaml")
    if metadata.resolve() == file.resolve():
        raise _usage(t("err.metadata_is_database", file=repr(str(file))))
    for folder in {file.parent, metadata.parent}:
        if not folder.is_dir():
            raise _usage(t("err.no_such_folder", folder=repr(str(folder))))
    _check_targets([file, metadata], force, data_dir)
    projects, reference, selection, index = _select(ListingOptions.of(locals(), without=ListingOptions.OUTPUT_OPTIONS))
    write_sqlite(file, projects, reference, index)
    write_datasette_metadata(metadata, file, selection)
    note(t("note.wrote_sqlite", file=file, n=len(projects), version=SCHEMA_VERSION, metadata=metadata))


@export_app.command("csv", help=command_help("export.csv"))
def csv(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help=help_t("arg.export_dir"), show_default=False)],
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
    """servicekb export csv (its help: messages `cmd.export.csv`, `help.export.csv`)."""
    from ..export.csv import csv_files, write_csv

    if folder.exists() and not folder.is_dir():
        raise _usage(t("err.not_a_folder", path=repr(str(folder))))
    _check_targets([folder / name for name in csv_files()], force, data_dir)
    projects, reference, selection, _ = _select(ListingOptions.of(locals(), without=ListingOptions.OUTPUT_OPTIONS))
    write_csv(folder, projects, reference, selection)
    note(
        t("note.wrote_csv", files=len(csv_files()), folder=folder, n=len(projects), package=folder / "datapackage.json")
    )


def _select(options: ListingOptions):
    """The selected projects (as `list` selects them), the reference data, the selection in words,
    and the index (its thesaurus feeds the SQLite export's search column)."""
    kb = load_kb(options.data_dir, options.no_cache)
    filters = options.filters(kb.reference)
    ids = options.read_ids()
    projects = kb.select(filters, ids)
    if not projects:
        note(t("note.nothing_written"))
        raise typer.Exit(EXIT_NO_RESULTS)
    return projects, kb.reference, _describe(filters, ids), kb.conn


def _describe(filters, ids: Optional[list[str]]) -> str:
    """The filters in words for the export's metadata, e.g. 'county Dalarna; theme logistik'. English, as
    the rest of the metadata file export/datasette.py writes (a file, not this run's interface)."""
    parts = []
    for label, values in (
        ("county", filters.counties),
        ("municipality", filters.municipalities),
        ("theme", filters.themes),
        ("status", filters.statuses),
        ("kind", filters.kinds),
        ("owner type", filters.owner_types),
        ("tags (all of)", filters.tags),
    ):
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


def _check_targets(paths: list[Path], force: bool, data_dir: Optional[Path]) -> None:
    """Refuse to overwrite without --force; refuse a folder that does not exist, anything but a
    regular file, and a place inside the knowledge base being read (output.refuse_overwrite)."""
    from ..output import refuse_inside_kb, refuse_overwrite
    from ..paths import data_dir as resolve_data_dir

    root = resolve_data_dir(data_dir)
    for p in paths:
        refuse_inside_kb(p, root)
        if not p.is_dir():
            refuse_overwrite(p, True)  # not a FIFO or device (existing files: below, all named at once)
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing[:3]) + (" …" if len(existing) > 3 else "")
        raise _usage(t("err.exists_one" if len(existing) == 1 else "err.exists_many", names=names))
    for p in paths:
        if p.is_dir():
            raise _usage(t("err.is_a_folder", path=repr(str(p))))


def _usage(message: str):
    from ..errors import UsageError

    return UsageError(message)
