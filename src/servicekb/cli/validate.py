"""validate and schema: the data contract, checked and printed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..messages import command_help, t
from .options import DataDir, command_app

validate_app = command_app()
schema_app = command_app()


@validate_app.command(help=command_help("validate"))
def validate(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(help=t("arg.paths"), show_default=False),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """servicekb validate (its help: messages `cmd.validate`, `help.validate`)."""
    from ..errors import EXIT_NO_RESULTS, UsageError
    from ..files import project_files
    from ..loader import load_projects
    from ..paths import data_dir as resolve_data_dir
    from ..paths import reference_dir
    from ..reference import Reference
    from ..text import visible

    root = resolve_data_dir(data_dir)
    files: list[Path] = []
    for p in paths or [root / "projects"]:
        if p.is_dir():
            files += project_files(p)
        elif p.is_file():
            files.append(p)
        else:
            raise UsageError(t("err.no_such_path", path=repr(str(p))))
    ref = Reference(reference_dir(root))
    # `related` may point at any project of the knowledge base, not only the files checked.
    known = {f.stem for f in project_files(root / "projects")} if (root / "projects").is_dir() else set()
    result = load_projects(files, ref, known_ids=known, projects_dir=root / "projects")
    for problem in result.problems:
        typer.echo(visible(str(problem)))
    bad = result.invalid_files
    typer.echo(
        t("validate.summary", files=result.files, valid=result.files - bad, bad=bad, problems=len(result.problems))
    )
    if result.problems:
        raise typer.Exit(EXIT_NO_RESULTS)


@schema_app.command(help=command_help("schema"))
def schema() -> None:
    """servicekb schema (its help: messages `cmd.schema`, `help.schema`)."""
    import json

    from ..model import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))
