"""validate, list, show, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import app
from .common import (
    FILTER_OPTIONS,
    IDS_OPTION,
    OUTPUT_OPTIONS,
    DataDir,
    NoCache,
    answer,
    load_kb,
    out,
    read_ids,
    resolve_filters,
    stdout_is_terminal,
    with_options,
)


@app.command("list")
@with_options(IDS_OPTION, "ids_opt")
@with_options(OUTPUT_OPTIONS, "output_opts")
@with_options(FILTER_OPTIONS, "filter_opts")
def list_(data_dir: DataDir = None, no_cache: NoCache = False, filter_opts=None, output_opts=None, ids_opt=None) -> None:
    """List projects (sorted by title), optionally filtered.

    Examples:

      servicekb list --region Dalarna

      servicekb list --theme kommunala --format csv > kommunala.csv
    """
    kb = load_kb(data_dir, no_cache)
    filters = resolve_filters(kb, filter_opts)
    ids = read_ids(ids_opt["ids"])
    projects = answer(kb, lambda: kb.select(filters, ids))
    emit_projects(projects, output_opts, title=f"{len(projects)} project(s)")
    if not projects:
        raise typer.Exit(1)


def emit_projects(projects, output_opts: dict, title: Optional[str] = None, columns=None) -> None:
    """Render project records in the chosen format (shared by list, search, report)."""
    from ..fields import COLUMNS, DEFAULT_LIST, DEFAULT_TABLE
    from ..output import choose_format, pick_columns, render

    fmt = choose_format(output_opts.get("format"), stdout_is_terminal())
    default = columns or (DEFAULT_TABLE if fmt == "table" else DEFAULT_LIST)
    cols = pick_columns(output_opts.get("fields"), default, COLUMNS)
    render(projects, cols, fmt, records=projects, console=out(), title=title,
           excel=output_opts.get("excel", False), fields_chosen=bool(output_opts.get("fields")))


@app.command()
def show(
    project_id: Annotated[Optional[str], typer.Argument(metavar="ID", help="The project's id (see `servicekb list --format ids`).", show_default=False)] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="text (default), json or yaml.", show_default=False)] = None,
    ids: Annotated[Optional[str], typer.Option("--ids", help="Show every id read from a file, or '-' for stdin.", show_default=False)] = None,
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """Show every field of one project.

    Example: servicekb show servicepunkt-2-0-i-hoga-kusten
    """
    from ..errors import UsageError

    kb = load_kb(data_dir, no_cache)
    wanted = read_ids(ids)
    if project_id is None and wanted is None:
        raise UsageError("give a project ID (or --ids FILE|-); `servicekb list` shows the ids.")
    projects = answer(kb, lambda: ([kb.get(project_id)] if project_id else []) + (kb.restrict(wanted) if wanted else []))
    fmt = (format or "text").lower()
    if fmt in ("json", "yaml", "jsonl"):
        from ..output import render

        records = projects
        if fmt == "json" and len(records) == 1 and wanted is None:
            import json

            typer.echo(json.dumps(records[0], ensure_ascii=False, indent=2))
        else:
            render(records, [], fmt, records=records)
        return
    if fmt != "text":
        raise UsageError(f"unknown format {format!r} for show. Formats: text, json, yaml.")
    from ..render_project import project_text

    for i, p in enumerate(projects):
        if i:
            out().print()
        out().print(project_text(p, kb.reference))


@app.command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders to check. Default: the knowledge base's projects/.", show_default=False)] = None,
    data_dir: DataDir = None,
) -> None:
    """Check project files and report every problem, with file, line and field.

    Exit status: 0 all valid, 1 problems found, 2 usage error.

    Example: servicekb validate data/projects/servicepunkt-2-0-i-hoga-kusten.yaml
    """
    from ..errors import EXIT_NO_RESULTS, UsageError
    from ..loader import load_projects, project_files
    from ..paths import data_dir as resolve_data_dir
    from ..paths import reference_dir
    from ..reference import Reference

    root = resolve_data_dir(data_dir)
    files: list[Path] = []
    for p in paths or [root / "projects"]:
        if p.is_dir():
            files += project_files(p)
        elif p.is_file():
            files.append(p)
        else:
            raise UsageError(f"no such file or folder: {str(p)!r}")
    ref = Reference(reference_dir(root))
    # `related` may point at any project of the knowledge base, not only the files checked.
    known = {f.stem for f in project_files(root / "projects")} if (root / "projects").is_dir() else set()
    result = load_projects(files, ref, known_ids=known)
    for problem in result.problems:
        typer.echo(str(problem))
    bad = result.invalid_files
    typer.echo(
        f"{result.files} file(s) checked: {result.files - bad} valid, {bad} with problems "
        f"({len(result.problems)} problem(s))."
    )
    if result.problems:
        raise typer.Exit(EXIT_NO_RESULTS)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a project file.

    It is the same as schemas/project.schema.json.

    Example: servicekb schema > project.schema.json
    """
    import json

    from ..model import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))
