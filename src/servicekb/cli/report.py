"""report: a county's (or the country's) projects, money and lessons — honest about what is unknown."""

from collections.abc import Callable
from typing import IO, Any, Optional

import typer

from ..errors import EXIT_NO_RESULTS
from ..messages import command_help, t
from .common import command_app
from .options import (
    DataDir,
    Excel,
    Fields,
    Force,
    HasCost,
    Ids,
    Kind,
    ListingOptions,
    MaxCost,
    MinCost,
    Municipality,
    NoCache,
    Output,
    Own,
    OwnerType,
    Region,
    ReportFormat,
    Status,
    Tag,
    Theme,
)

app = command_app()


@app.command(help=command_help("report"))
def report(
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
    own: Own = False,
    format: ReportFormat = None,
    output: Output = None,
    force: Force = False,
    fields: Fields = None,
    excel: Excel = False,
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """servicekb report (its help: messages `cmd.report`, `help.report`)."""
    from ..money import own_projects
    from ..output import DOCUMENT_FORMATS, refuse_overwrite
    from ..paths import data_dir as resolve_data_dir
    from ..report import build_report, start_data_state
    from .common import load_kb, stdout_is_terminal

    options = ListingOptions.of(locals())
    if output is not None and str(output) == "-":  # '-' is stdout, as everywhere
        output = None
    fmt = options.output_format(stdout_is_terminal(), "report", output)  # once: what is built and written follows it
    root = resolve_data_dir(options.data_dir)  # kb.root is this folder: load_kb resolves it the same way
    if output is not None:
        refuse_overwrite(output, force, root)  # before any work
    # The data's state (git commit, uncommitted changes) is asked for first: git runs while the
    # index is read.
    state = start_data_state(root) if fmt in DOCUMENT_FORMATS else None
    kb = load_kb(options.data_dir, options.no_cache)
    filters = options.filters(kb.reference)
    wanted = options.read_ids()
    others = filters._replace(counties=())
    projects = kb.select(filters, wanted)
    if own:  # every sum from projects that no other county shares
        projects = own_projects(projects)
    # Nationwide projects apply in a county too: named in a footnote, not counted.
    national = kb.select(others._replace(nationwide=True), wanted) if filters.counties else []
    county = kb.reference.counties[filters.counties[0]] if len(filters.counties) == 1 else None
    scope = ""
    if wanted is not None or others.active:
        scope = t("rep.selection")
    elif len(filters.counties) > 1:
        scope = ", ".join(filters.counties)
    every_county = not scope
    if own:
        scope = ", ".join(filter(None, [scope, t("rep.own_scope")]))
    # The overview lists every county (zeros too) for the whole knowledge base; for a selection,
    # only the counties its projects are in. The HTML map shows where a county stands among all
    # counties: that needs every county's numbers.
    overview = kb.select(others, wanted) if fmt == "html" and county is not None else None
    if overview is not None and own:
        overview = own_projects(overview)
    rep = build_report(
        kb.reference,
        projects,
        county,
        national,
        counties=filters.counties,
        scope=scope,
        every_county=every_county,
        overview=overview,
        own=own,
        state=state() if state is not None else None,  # a project list has no stamp
    )
    write = RENDERERS[fmt]
    if output is None:
        write(rep, kb, options, fmt, None)
    else:
        import io

        from ..output import write_file

        buf = io.StringIO()
        write(rep, kb, options, fmt, buf)
        write_file(output, buf.getvalue(), force)
    if not projects:
        raise typer.Exit(EXIT_NO_RESULTS)


def _layout(rep, kb, with_similar: bool = False):
    """The report's blocks, with a line right under the heading when files were left out: a
    saved report must not show smaller totals as if they were whole. `with_similar`: each
    project's three most similar projects (the HTML report shows them)."""
    from ..messages import t
    from ..report import Paragraph, layout

    similar = None
    if with_similar:
        found = {p["id"]: [s.project_id for s in kb.similar(p, limit=3)] for p in rep.projects}
        wanted = sorted({pid for ids in found.values() for pid in ids})
        titles = {r["id"]: r["title"] for r in kb.restrict(wanted)} if wanted else {}
        similar = {pid: [(titles[i], i) for i in ids] for pid, ids in found.items()}
    blocks = layout(rep, kb.reference, similar)
    left_out = kb.left_out()
    if left_out:
        blocks.insert(1, Paragraph(t("rep.left_out", n=len(left_out))))
    return blocks


# --- the report's formats: one writer each (the registry's names: formats.COMMAND_FORMATS["report"]) ---


def _stream(stream: Optional[IO[str]]) -> IO[str]:
    import sys

    return stream if stream is not None else sys.stdout


def _text(rep, kb, options, fmt: str, stream: Optional[IO[str]]) -> None:
    """The document drawn with rich: on a terminal in colour, piped or saved as plain text."""
    from ..render_report import print_report
    from .common import document_console

    console = document_console(stream)
    print_report(_layout(rep, kb), console)
    if stream is not None:
        console.file.flush()


def _markdown(rep, kb, options, fmt: str, stream: Optional[IO[str]]) -> None:
    from ..report import markdown

    _stream(stream).write(markdown(_layout(rep, kb)))


def _html(rep, kb, options, fmt: str, stream: Optional[IO[str]]) -> None:
    from ..render_html import render_html

    _stream(stream).write(render_html(_layout(rep, kb, with_similar=True)))


def _data(rep, kb, options, fmt: str, stream: Optional[IO[str]]) -> None:
    from ..output import dump_document
    from ..report import document

    doc = document(rep)
    left_out = kb.left_out()
    if left_out:  # the document itself says what it does not count, not only stderr
        doc["files_left_out"] = left_out
    dump_document(doc, fmt, _stream(stream))


def _project_list(rep, kb, options, fmt: str, stream: Optional[IO[str]]) -> None:
    from .common import emit_listing
    from .listing import project_listing

    listing = project_listing(rep.projects, options, fmt, columns=_report_columns(), sources=kb.reference.sources)
    emit_listing(listing, fmt, stream)


Renderer = Callable[[Any, Any, ListingOptions, str, Optional[IO[str]]], None]
RENDERERS: dict[str, Renderer] = {
    "text": _text,
    "table": _text,  # the same document: the word listings use for "what a terminal shows"
    "markdown": _markdown,
    "html": _html,
    "json": _data,
    "yaml": _data,
    "csv": _project_list,
    "tsv": _project_list,
    "jsonl": _project_list,
    "ids": _project_list,
}


def _report_columns():
    from ..fields import all_columns

    names = (
        "id",
        "title",
        "counties",
        "municipalities",
        "owner",
        "status",
        "past_end_date",
        "funding.total_cost_sek",
        "funding.budget_sek",
        "funding.public_support_sek",
    )
    columns = all_columns()
    return [columns[n] for n in names]
