"""show: every field of one project (or of every id given with --ids)."""

from typing import Annotated, Optional

import typer

from ..formats import formats_help
from ..messages import command_help, help_t, t
from .common import command_app
from .complete import project_ids
from .options import DataDir, Ids, NoCache

app = command_app()
SHOWN_SIMILAR = 3


@app.command(help=command_help("show"))
def show(
    project_id: Annotated[
        Optional[str],
        typer.Argument(
            metavar="ID",
            help=help_t("arg.id"),
            show_default=False,
            autocompletion=project_ids,
        ),
    ] = None,
    format: Annotated[
        Optional[str],
        typer.Option(
            "--format", "-f", help=help_t("opt.show_format", formats=formats_help("show")), show_default=False
        ),
    ] = None,
    ids: Ids = None,
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """servicekb show (its help: messages `cmd.show`, `help.show`)."""
    import sys

    from ..errors import UsageError
    from ..output import command_format, dump_document
    from ..status import citation, provenance
    from ..text import visible
    from .common import document_console, load_kb, stdout_is_terminal
    from .options import read_ids
    from .similar import similar_rows

    fmt = command_format("show", format, stdout_is_terminal())
    wanted = read_ids(ids)
    if (project_id is None or not project_id.strip()) and wanted is None:
        raise UsageError(t("err.show_needs_id"))
    kb = load_kb(data_dir, no_cache)
    projects = ([kb.find(project_id)] if project_id is not None else []) + (kb.restrict(wanted) if wanted else [])
    if project_id is not None and projects and project_id.strip().lower() in (projects[0].get("former_ids") or []):
        from .common import note

        note(t("show.renamed", old=project_id.strip().lower(), new=projects[0]["id"]))
    # The three projects most like each one (servicekb similar): ids in JSON/YAML, a section in text.
    alike = (
        {p["id"]: similar_rows(kb, p, kb.similar(p, limit=SHOWN_SIMILAR)) for p in projects}
        if fmt != "citation"
        else {}
    )
    if fmt in ("json", "yaml"):
        documents = [
            {
                **p,
                "provenance": provenance(p, kb.reference.sources),
                "similar": [row.record["id"] for row in alike[p["id"]]],
            }
            for p in projects
        ]
        single = len(documents) == 1 and wanted is None
        dump_document(documents[0] if single else documents, fmt, sys.stdout)
    elif fmt == "citation":
        for p in projects:
            sys.stdout.write(visible(citation(p, kb.reference.sources), one_line=True) + "\n")
    else:
        from ..render_project import project_text

        console = document_console()
        for i, p in enumerate(projects):
            if i:
                console.print()
            shown = [(row.record["title"], row.record["id"], row.reason) for row in alike[p["id"]]]
            console.print(project_text(p, kb.reference, shown), crop=False)  # an id wider than the terminal stays whole
