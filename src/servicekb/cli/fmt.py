"""fmt: every project file in the one canonical form (see writer.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..messages import command_help, help_t, t
from .common import command_app, note
from .options import DataDir

fmt_app = command_app()


@fmt_app.command(help=command_help("fmt"))
def fmt(
    paths: Annotated[Optional[list[Path]], typer.Argument(help=help_t("arg.fmt_paths"), show_default=False)] = None,
    check: Annotated[bool, typer.Option("--check", help=help_t("opt.fmt_check"))] = False,
    drop_comments: Annotated[bool, typer.Option("--drop-comments", help=help_t("opt.drop_comments"))] = False,
    data_dir: DataDir = None,
) -> None:
    """servicekb fmt (its help: messages `cmd.fmt`, `help.fmt`)."""
    from ..errors import EXIT_PROBLEMS
    from ..files import expand_paths
    from ..loader import _display
    from ..maintenance import format_file
    from ..paths import data_dir as resolve_data_dir
    from ..paths import reference_dir
    from ..reference import Reference
    from ..text import visible

    root = resolve_data_dir(data_dir)
    files = expand_paths(paths or [root / "projects"])
    ref = Reference(reference_dir(root))
    counts = {"canonical": 0, "changed": 0, "invalid": 0, "comments": 0}
    for path in files:
        done = format_file(path, _display(path, root), ref, check=check, drop_comments=drop_comments)
        counts[done.state] += 1
        shown = visible(done.shown, one_line=True)
        if done.state == "changed":
            typer.echo(t("fmt.would_change" if check else "fmt.changed", file=shown))
        elif done.state == "comments":
            lines = ", ".join(map(str, done.comment_lines))
            note(t("fmt.comments", file=shown, lines=lines), dim=False)
        elif done.state == "invalid":
            for problem in done.problems:
                typer.echo(visible(str(problem)), err=True)
            note(t("fmt.invalid", file=shown), dim=False)
    note(
        t(
            "fmt.summary_check" if check else "fmt.summary",
            files=len(files),
            changed=counts["changed"],
            canonical=counts["canonical"],
            skipped=counts["invalid"] + counts["comments"],
        ),
        dim=False,
    )
    if counts["invalid"] or counts["comments"] or (check and counts["changed"]):
        raise typer.Exit(EXIT_PROBLEMS)
