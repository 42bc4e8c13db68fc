"""rename: a project's id and file, and every link to it."""

from __future__ import annotations

from typing import Annotated

import typer

from ..messages import command_help, help_t, t
from .common import command_app, note
from .options import DataDir

rename_app = command_app()


@rename_app.command(help=command_help("rename"))
def rename(
    old: Annotated[str, typer.Argument(help=help_t("arg.rename_old"), show_default=False)],
    new: Annotated[str, typer.Argument(help=help_t("arg.rename_new"), show_default=False)],
    data_dir: DataDir = None,
) -> None:
    """servicekb rename (its help: messages `cmd.rename`, `help.rename`)."""
    from ..maintenance import rename as rename_project
    from ..paths import data_dir as resolve_data_dir

    done = rename_project(resolve_data_dir(data_dir), old, new)
    note(t("rename.done", old=done.old, new=done.new, file=done.file, links=len(done.links)), dim=False)
    for path in done.links:
        typer.echo(t("rename.link", file=path), err=True)
