"""report and stats: sums of money by county, theme and more — honest about what is unknown."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from . import app
from .common import FILTER_OPTIONS, IDS_OPTION, OUTPUT_OPTIONS, DataDir, NoCache, answer, load_kb, out, read_ids, resolve_filters, stdout_is_terminal, with_options


@app.command()
@with_options(IDS_OPTION, "ids_opt")
@with_options(OUTPUT_OPTIONS, "output_opts")
@with_options(FILTER_OPTIONS, "filter_opts")
def report(data_dir: DataDir = None, no_cache: NoCache = False, filter_opts=None, output_opts=None, ids_opt=None) -> None:
    """Report on a county or the whole country: projects, money, lessons.

    Without --region: one row per county. With --region: that county's projects.

    Total cost (finished projects), budgets (ongoing ones) and public support are summed
    separately; projects without an amount are counted as such, never as 0. A project in
    several counties appears under each county and counts once in every total.

    --format markdown gives the same report as a Markdown document; json/yaml give its numbers;
    csv/tsv/jsonl/ids give its project list.

    Examples:

      servicekb report --region Dalarna

      servicekb report --region W --format markdown > dalarna.md

      servicekb search paketautomat --format ids | servicekb report --ids -
    """
    import dataclasses

    from ..output import choose_format
    from ..report import build_report, document, markdown

    kb = load_kb(data_dir, no_cache)
    filters = resolve_filters(kb, filter_opts)
    ids = read_ids(ids_opt["ids"])
    fmt = choose_format(output_opts.get("format"), stdout_is_terminal())
    others = dataclasses.replace(filters, counties=())

    def compute():
        chosen = kb.select(filters, ids)
        # Nationwide projects apply in a county too: named in a footnote, not counted.
        everywhere = kb.select(dataclasses.replace(others, nationwide=True), ids) if filters.counties else []
        return chosen, everywhere

    projects, national = answer(kb, compute)
    county = kb.reference.counties[filters.counties[0]] if len(filters.counties) == 1 else None
    scope = ""
    if ids is not None or others.active:
        scope = "urval av pilotprojekt"
    elif len(filters.counties) > 1:
        scope = ", ".join(filters.counties)
    rep = build_report(kb.reference, projects, county, national, counties=filters.counties, scope=scope)
    if fmt == "markdown":
        typer.echo(markdown(rep, kb.reference), nl=False)
    elif fmt in ("json", "yaml"):
        _dump(document(rep), fmt)
    elif fmt == "table":
        _rich_report(rep, kb.reference)
    else:
        from .basic import emit_projects

        emit_projects(projects, output_opts, columns=_report_columns())
    if not projects:
        raise typer.Exit(1)


def _report_columns():
    from ..fields import COLUMNS

    return [COLUMNS[n] for n in ("id", "title", "counties", "municipalities", "owner", "status",
                                 "funding.total_cost_sek", "funding.budget_sek", "funding.public_support_sek")]


def _dump(doc, fmt: str) -> None:
    import json

    if fmt == "json":
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        import yaml

        typer.echo(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100), nl=False)


def _rich_report(rep, ref) -> None:
    from rich.table import Table
    from rich.text import Text

    from ..output import table_cell
    from ..report import STATUS_LABELS, amount_label, heading, where
    from ..text import visible

    con = out()
    s = rep.summary
    con.print(Text(heading(rep), style="bold"))
    multi = f", varav {len(rep.multi_county)} i flera län (markerade med *)" if rep.multi_county else ""
    con.print(Text(f"{s.projects} projekt{multi}"))
    for line in s.describe():
        con.print(Text("  " + line))
    con.print(Text("Kostnad, budget och stöd summeras var för sig; projekt utan belopp räknas inte som 0.", style="dim"))

    def money_table(title: str, rows: list[dict], header: str, total: Optional[dict] = None) -> None:
        top = max((r["total_cost_sek"] or 0) for r in rows) if rows else 0
        wide = con.width >= 110
        t = Table(title=Text(title, style="bold"), title_justify="left", pad_edge=False, box=None, header_style="bold")
        t.add_column(header, ratio=1, min_width=12)
        t.add_column("Projekt", justify="right")
        t.add_column("Total kostnad", justify="right", no_wrap=True)
        t.add_column("Budget", justify="right", no_wrap=True)
        if wide:
            t.add_column("Offentligt stöd", justify="right", no_wrap=True)
        t.add_column("Utan belopp", justify="right")
        if wide:
            t.add_column("", no_wrap=True, width=20)
        for r in rows:
            cells = [Text(visible(r["label"])), Text(str(r["projects"])), table_cell(r["total_cost_sek"], "money"),
                     table_cell(r["budget_sek"], "money")]
            if wide:
                cells.append(table_cell(r["public_support_sek"], "money"))
            cells.append(Text(str(r["without_amount"])))
            if wide:
                bar = round(20 * (r["total_cost_sek"] or 0) / top) if top else 0
                cells.append(Text("█" * bar, style="cyan"))
            t.add_row(*cells)
        if total is not None:
            t.add_section()
            cells = [Text("Totalt (varje projekt en gång)", style="bold"), Text(str(total["projects"])),
                     table_cell(total["total_cost_sek"], "money"), table_cell(total["budget_sek"], "money")]
            if wide:
                cells.append(table_cell(total["public_support_sek"], "money"))
            cells.append(Text(str(total["without_amount"])))
            if wide:
                cells.append(Text(""))
            t.add_row(*cells)
        con.print()
        con.print(t)

    if rep.county is None:
        money_table("Per län", rep.by_county, "Län", total=s.as_dict())
        con.print(Text(f"Totalt {s.projects} projekt: ett projekt i flera län står under varje län men räknas en gång i totalen.", style="dim"))
    money_table("Per tema", rep.by_theme, "Tema")

    t = Table(title=Text("Projekt", style="bold"), title_justify="left", pad_edge=False, box=None, header_style="bold")
    t.add_column("Projekt", ratio=3, min_width=20)
    t.add_column("Kommun/orter", ratio=2, max_width=24)
    if con.width >= 110:
        t.add_column("Projektägare", ratio=2, max_width=30)
    t.add_column("Status", no_wrap=True)
    t.add_column("Belopp", justify="right")
    for p in rep.projects:
        title = Text(visible(p["title"])) + (Text(" *", style="bold") if len(p["geography"]["counties"]) > 1 else Text(""))
        cells = [title, Text(visible(where(p, ref, rep.county)))]
        if con.width >= 110:
            cells.append(Text(visible(p["owner"]["name"]) if p.get("owner") else "–"))
        cells += [Text(STATUS_LABELS.get(p["status"], p["status"])), Text(amount_label(p))]
        t.add_row(*cells)
    con.print()
    con.print(t)
    if rep.multi_county:
        con.print(Text("* arbetar i flera län och står med i varje läns rapport.", style="dim"))
    if rep.lessons:
        con.print()
        con.print(Text("Några lärdomar", style="bold"))
        for title, lesson in rep.lessons:
            con.print(Text("• ") + Text(visible(title), style="italic") + Text(": " + visible(lesson)))
    if rep.national_projects:
        con.print()
        names = ", ".join(p["title"] for p in rep.national_projects)
        con.print(Text(visible(f"Nationella projekt som gäller hela landet räknas inte ovan ({len(rep.national_projects)} st): {names}."), style="dim"))


@app.command()
@with_options(IDS_OPTION, "ids_opt")
@with_options(OUTPUT_OPTIONS, "output_opts")
@with_options(FILTER_OPTIONS, "filter_opts")
def stats(
    by: Annotated[str, typer.Option("--by", "-b", help="county, theme, status, kind, owner-type, tag or municipality.")] = "county",
    sort: Annotated[str, typer.Option("--sort", "-s", help="name (Swedish order), projects, total-cost, budget, support, without-amount or median.")] = "name",
    data_dir: DataDir = None,
    no_cache: NoCache = False,
    filter_opts=None,
    output_opts=None,
    ids_opt=None,
) -> None:
    """Count projects and sum their money per county, theme, tag …

    Groups: county, theme, status, kind, owner type, tag or municipality.

    A project in two counties (or with two tags) counts in both groups; the table's total
    row counts it once. The median is over projects with a known cost or budget.

    Examples:

      servicekb stats --by theme

      servicekb stats --by county --sort total-cost --format csv
    """
    from ..errors import UsageError
    from ..money import summarise
    from ..output import Column, choose_format, pick_columns, render
    from ..report import GROUPINGS, SORTS, stats_rows
    from ..text import did_you_mean, suggest

    if by not in GROUPINGS:
        raise UsageError(f"unknown grouping {by!r} for --by.{did_you_mean(suggest(by, GROUPINGS))} Valid: {', '.join(GROUPINGS)}.")
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}.{did_you_mean(suggest(sort, SORTS))} Valid: {', '.join(SORTS)}.")
    kb = load_kb(data_dir, no_cache)
    filters = resolve_filters(kb, filter_opts)
    ids = read_ids(ids_opt["ids"])
    projects = answer(kb, lambda: kb.select(filters, ids))
    rows = stats_rows(projects, by, kb.reference, sort)
    fmt = choose_format(output_opts.get("format"), stdout_is_terminal())
    columns = [
        Column("value", by.capitalize(), lambda r: r["value"] if fmt != "table" else r["label"], ratio=1, min_width=12),
        Column("label", "Label", lambda r: r["label"]),
        Column("projects", "Projects", lambda r: r["projects"], "int"),
        Column("total_cost_sek", "Total cost", lambda r: r["total_cost_sek"], "money"),
        Column("budget_sek", "Budget", lambda r: r["budget_sek"], "money"),
        Column("public_support_sek", "Public support", lambda r: r["public_support_sek"], "money"),
        Column("without_amount", "No amount", lambda r: r["without_amount"], "int"),
        Column("median_cost_sek", "Median cost", lambda r: r["median_cost_sek"], "money"),
    ]
    available = {c.name: c for c in columns}
    default = [c for c in columns if c.name != "label" or fmt not in ("table", "markdown")]
    if fmt == "table" and out().width < 110:
        default = [c for c in default if c.name not in ("public_support_sek", "median_cost_sek")]
    chosen = pick_columns(output_opts.get("fields"), default, available)
    shown = rows
    if fmt in ("table", "markdown") and rows:
        total = summarise(projects).as_dict()
        shown = rows + [{"value": "Totalt (varje projekt en gång)", "label": "Totalt (varje projekt en gång)", **total}]
    records = [{k: v for k, v in r.items() if k != "_summary"} for r in rows]
    title = f"{len(projects)} project(s) by {by}" + (" — a project in several groups counts in each; the total counts it once" if by in ("county", "tag", "municipality") else "")
    render(shown, chosen, fmt, records=records, console=out(), title=title, excel=output_opts.get("excel", False),
           fields_chosen=bool(output_opts.get("fields")))
    if not projects:
        raise typer.Exit(1)
