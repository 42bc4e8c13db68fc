"""report: a county's (or the country's) projects, money and lessons — honest about what is unknown."""

from __future__ import annotations

import typer

from ..messages import command_help
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
    OwnerType,
    Region,
    ReportFormat,
    Status,
    Tag,
    Theme,
    command_app,
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
    format: ReportFormat = None,
    output: Output = None,
    force: Force = False,
    fields: Fields = None,
    excel: Excel = False,
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """servicekb report (its help: messages `cmd.report`, `help.report`)."""
    import dataclasses
    import sys

    from ..errors import UsageError
    from ..messages import t
    from ..output import choose_format, dump_document, format_for_path, refuse_overwrite
    from ..report import build_report, document, markdown
    from .common import document_console, load_kb, stdout_is_terminal
    from .listing import project_listing

    options = ListingOptions.of(locals())
    if output is not None and str(output) == "-":  # '-' is stdout, as everywhere
        output = None
    if output is not None:
        fmt = choose_format(options.format or format_for_path(output), False, allowed=REPORT_FORMATS)
        if fmt not in FILE_FORMATS:
            raise UsageError(t("err.o_documents_only", formats=", ".join(FILE_FORMATS), fmt=fmt))
        from ..paths import data_dir as resolve_data_dir

        refuse_overwrite(output, force, resolve_data_dir(options.data_dir))  # before any work
    else:
        fmt = options.output_format(stdout_is_terminal(), document=True, extra=("html",))
    kb = load_kb(options.data_dir, options.no_cache)
    filters = options.filters(kb.reference)
    wanted = options.read_ids()
    others = dataclasses.replace(filters, counties=())
    projects = kb.select(filters, wanted)
    # Nationwide projects apply in a county too: named in a footnote, not counted.
    national = kb.select(dataclasses.replace(others, nationwide=True), wanted) if filters.counties else []
    county = kb.reference.counties[filters.counties[0]] if len(filters.counties) == 1 else None
    scope = ""
    if wanted is not None or others.active:
        scope = t("rep.selection")
    elif len(filters.counties) > 1:
        scope = ", ".join(filters.counties)
    # The overview lists every county (zeros too) for the whole knowledge base; for a selection,
    # only the counties its projects are in. The HTML map shows where a county stands among all
    # counties: that needs every county's numbers.
    overview = kb.select(others, wanted) if fmt == "html" and county is not None else None
    rep = build_report(
        kb.reference,
        projects,
        county,
        national,
        counties=filters.counties,
        scope=scope,
        every_county=not scope,
        overview=overview,
    )
    if fmt in FILE_FORMATS:
        if fmt == "markdown":
            text = markdown(_layout(rep, kb))
        elif fmt == "html":
            from ..render_html import render_html

            text = render_html(_layout(rep, kb))
        else:
            import io

            buf = io.StringIO()
            doc = document(rep)
            left_out = kb.left_out()
            if left_out:  # the document itself says what it does not count, not only stderr
                doc["files_left_out"] = left_out
            dump_document(doc, fmt, buf)
            text = buf.getvalue()
        if output is None:
            sys.stdout.write(text)
        else:
            from ..output import write_file

            write_file(output, text, force)
    elif fmt in ("table", "text"):  # the same document on a terminal, in a pipe or in a file
        from ..render_report import print_report

        print_report(_layout(rep, kb), document_console())
    else:
        from .common import emit_listing

        emit_listing(
            project_listing(projects, options, columns=_report_columns(), sources=kb.reference.sources), options
        )
    if not projects:
        raise typer.Exit(1)


def _layout(rep, kb):
    """The report's blocks, with a line right under the heading when files were left out: a
    saved report must not show smaller totals as if they were whole."""
    from ..messages import t
    from ..report import Paragraph, layout

    blocks = layout(rep, kb.reference)
    left_out = kb.left_out()
    if left_out:
        blocks.insert(1, Paragraph(t("rep.left_out", n=len(left_out))))
    return blocks


FILE_FORMATS = ("markdown", "html", "json", "yaml")  # the report as one document (-o writes these)
REPORT_FORMATS = ("table", "markdown", "html", "json", "yaml", "csv", "tsv", "jsonl", "ids")


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
