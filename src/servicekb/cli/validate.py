"""validate and schema: the data contract, checked and printed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..messages import command_help, help_t, t
from .common import command_app
from .options import DataDir

validate_app = command_app()
schema_app = command_app()


@validate_app.command(help=command_help("validate"))
def validate(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(help=help_t("arg.paths"), show_default=False),
    ] = None,
    spelling: Annotated[bool, typer.Option("--spelling", help=help_t("opt.spelling"))] = False,
    data_dir: DataDir = None,
) -> None:
    """servicekb validate (its help: messages `cmd.validate`, `help.validate`)."""
    import os

    from ..errors import EXIT_NO_RESULTS
    from ..files import expand_paths
    from ..loader import validate as check
    from ..paths import data_dir as resolve_data_dir
    from ..text import visible

    if data_dir is None and not os.environ.get("SERVICEKB_DATA") and paths:
        data_dir = _knowledge_base_of(paths)
    root = resolve_data_dir(data_dir)
    reference = (root / "reference").resolve()
    given = paths or []
    # a changed reference file: the whole knowledge base is checked
    whole = not given or any(p.is_file() and p.resolve().parent == reference for p in given)
    named = expand_paths([p for p in given if not (p.is_file() and p.resolve().parent == reference)])
    result = check(root, None if whole else named, spelling=spelling)
    own, elsewhere = result.own, result.elsewhere
    for problem in own:
        typer.echo(visible(str(problem)))
    if elsewhere:  # the rules spanning files: e.g. a link elsewhere to an id a named file dropped
        typer.echo(t("validate.elsewhere_heading"))
        for problem in elsewhere:
            typer.echo(visible(str(problem)))
    bad = result.invalid_files
    files = result.files
    typer.echo(t("validate.summary", files=files, valid=max(files - bad, 0), bad=bad, problems=len(own)))
    if elsewhere:
        typer.echo(t("validate.elsewhere", n=len(elsewhere), files=len({p.file for p in elsewhere})))
    if result.problems:
        raise typer.Exit(EXIT_NO_RESULTS)


def _knowledge_base_of(paths: list[Path]) -> Optional[Path]:
    """The knowledge base the named files belong to, when they all lie in one folder's projects/
    (a commit hook names the changed files of a data repository): its rules, not the bundled
    knowledge base's, are the ones to check them by."""
    roots = set()
    for p in paths:
        parts = p.resolve().parts
        folders = [i for i, part in enumerate(parts[:-1]) if part in ("projects", "reference")]
        if not folders:
            return None
        roots.add(Path(*parts[: folders[-1]]))
    return roots.pop() if len(roots) == 1 else None


@schema_app.command(help=command_help("schema"))
def schema() -> None:
    """servicekb schema (its help: messages `cmd.schema`, `help.schema`)."""
    import json

    from ..model import json_schema
    from ..paths import data_dir as resolve_data_dir
    from ..paths import reference_dir
    from ..reference import Reference

    ref = Reference(reference_dir(resolve_data_dir(None)))  # the bundled reference data: the committed schema
    typer.echo(json.dumps(json_schema(ref), ensure_ascii=False, indent=2))
