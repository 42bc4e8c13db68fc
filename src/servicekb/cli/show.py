"""show: every field of one project (or of every id given with --ids)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .options import DataDir, Ids, NoCache, command_app

app = command_app()


@app.command()
def show(
    project_id: Annotated[
        Optional[str], typer.Argument(metavar="ID", help="The project's id (see `servicekb list --format ids`).", show_default=False)
    ] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="text (default), json or yaml.", show_default=False)] = None,
    ids: Ids = None,
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """Show every field of one project.

    Example: servicekb show servicepunkt-2-0-i-hoga-kusten
    """
    import sys

    from ..errors import UsageError
    from ..output import choose_format, dump_document
    from .common import load_kb, out, report_problems
    from .options import read_ids

    fmt = choose_format(format or "text", True, allowed=("text", "json", "yaml"))
    wanted = read_ids(ids)
    if project_id is None and wanted is None:
        raise UsageError("give a project ID (or --ids FILE|-); `servicekb list` shows the ids.")
    kb = load_kb(data_dir, no_cache)
    projects = ([kb.get(project_id)] if project_id is not None else []) + (kb.restrict(wanted) if wanted else [])
    if fmt in ("json", "yaml"):
        single = len(projects) == 1 and wanted is None
        dump_document(projects[0] if single else projects, fmt, sys.stdout)
    else:
        from ..render_project import project_text

        for i, p in enumerate(projects):
            if i:
                out().print()
            out().print(project_text(p, kb.reference))
    report_problems(kb)
