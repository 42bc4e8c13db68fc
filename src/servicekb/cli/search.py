"""search: ranked, Swedish-aware full-text search with the shared filters and facets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Optional

import typer

from .options import (
    OUTPUT,
    DataDir,
    Excel,
    Fields,
    Format,
    HasCost,
    Ids,
    Kind,
    ListingOptions,
    MaxCost,
    MinCost,
    Municipality,
    NoCache,
    OwnerType,
    Region,
    Status,
    Tag,
    Theme,
    command_app,
)

SEARCH_HELP = """Search projects: ranked full-text search that knows Swedish.

Finds inflections (servicepunkt → servicepunkter), compound parts (ombud → paketombud,
apoteksombud) and words typed without å, ä, ö (Orebro → Örebro); exact matches rank first.
Searches title, summary, activities, results, lessons, tags, owner, places and municipalities.

Syntax: words are all required; "quoted phrase"; -word excludes; a OR b.
Quote phrases for the shell too: servicekb search '"lokal mat"'.

Exit status: 0 results, 1 no results, 2 usage error.

Examples:

\b
  servicekb search paketautomat
  servicekb search servicepunkt --region Norrbotten --format csv > punkter.csv
  servicekb search --limit 5 -- paketombud OR apoteksombud -Dalarna
  servicekb search --theme logistik --facets
"""

app = command_app()


@dataclass(frozen=True)
class SearchRow:
    """One hit as the output layer sees it: the project's record and how it matched."""

    record: dict
    rank: int
    level: int
    score: float
    snippet: list[tuple[str, bool]]  # (text, is_match) pieces

    def document(self) -> dict:
        from ..search import snippet_text

        return {**self.record, "search": {"rank": self.rank, "level": self.level, "score": round(self.score, 4),
                                          "snippet": snippet_text(self.snippet)}}


@app.command(help=SEARCH_HELP)
def search(
    query: Annotated[
        Optional[list[str]],
        typer.Argument(help="Search words (see syntax above). Empty: everything that passes the filters.", show_default=False),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most N results (0 for all).", rich_help_panel=OUTPUT)] = 20,
    show_facets: Annotated[
        bool, typer.Option("--facets", help="Add counts of the results by theme, county, status and kind.", rich_help_panel=OUTPUT)
    ] = False,
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
    format: Format = None,
    fields: Fields = None,
    excel: Excel = False,
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    from ..errors import UsageError
    from ..output import choose_format
    from ..search import no_match_message, parse_query, snippet
    from .common import err, load_kb, report_problems, stdout_is_terminal

    options = ListingOptions.of(locals())
    if limit < 0:
        raise UsageError("--limit must be 0 (all) or more.")
    parsed = parse_query(" ".join(query or []))  # syntax errors before any work
    fmt = choose_format(options.format, stdout_is_terminal())
    if show_facets and fmt not in ("table", "markdown", "json", "yaml"):
        raise UsageError("--facets works with --format table, markdown, json or yaml.")
    kb = load_kb(options.data_dir, options.no_cache)
    filters = options.filters(kb.reference)
    wanted = options.read_ids()
    result, records, facet_data = kb.search(parsed, filters, wanted, limit=limit or None, count=fmt in ("table", "markdown"),
                                            with_facets=show_facets)
    report_problems(kb)
    if not result.hits:
        err().print("servicekb: " + no_match_message(result, filters.active or wanted is not None), soft_wrap=True)
        raise typer.Exit(1)
    rows = [
        SearchRow(record, rank, hit.level, hit.score, snippet(record, result.matched_words) if not parsed.empty else [])
        for rank, (hit, record) in enumerate(zip(result.hits, records), 1)
    ]
    total = result.total
    title = f"{total} project(s) match" + (f", showing {len(rows)} (--limit 0 shows all)" if total and len(rows) < total else "")
    _render(rows, fmt, options, title, facet_data, kb)


def _render(rows: list[SearchRow], fmt: str, options: ListingOptions, title: str, facet_data: Any, kb) -> None:
    import sys

    from ..fields import COLUMNS
    from ..output import Column, Listing, dotted_getter, dump_document, pick_columns, render
    from .common import out

    def on_record(column: Column) -> Column:  # project columns read the hit's record
        get = column.get
        return Column(column.name, column.header, lambda r: get(r.record), column.kind, column.min_width, column.max_width,
                      column.ratio, column.drop_below)

    rank = Column("rank", "#", lambda r: r.rank, "int")
    snip = Column("snippet", "Snippet", lambda r: r.document()["search"]["snippet"])
    available = {**{n: on_record(c) for n, c in COLUMNS.items()}, "rank": rank, "snippet": snip}
    if fmt == "table" and not options.fields:
        columns = [
            rank,
            Column("project", "Project", lambda r: (r.record["title"], r.record["id"], r.snippet), "title_id", ratio=1, min_width=30),
            Column("counties", "Counties", lambda r: dotted_getter("geography.counties")(r.record), "list", max_width=16),
            Column("theme", "Theme", lambda r: r.record["theme"], drop_below=110, max_width=19),
            available["cost_sek"],
        ]
    else:
        default = [rank, available["id"], available["title"], available["counties"], available["theme"], available["cost_sek"], snip]
        columns = pick_columns(options.fields, default, available)
    listing = Listing(rows, columns, documents=[r.document() for r in rows], title=title, fields_chosen=bool(options.fields),
                      excel=options.excel, id_of=lambda r: r.record["id"])
    if facet_data is not None and fmt in ("json", "yaml"):
        dump_document({"projects": listing.objects(), "facets": facet_data}, fmt, sys.stdout)
        return
    render(listing, fmt, console=out() if fmt == "table" else None)
    if facet_data is not None:
        _render_facets(facet_data, fmt, kb)


def _render_facets(facet_data, fmt, kb) -> None:
    from ..output import Column, Listing, render
    from .common import out

    labels = {"theme": kb.reference.themes.label, "kind": kb.reference.kinds.label}
    for facet in facet_data.values():
        name = facet["name"]
        label = labels.get(name, lambda v: v)
        rows = [{"value": label(x["value"]), "count": x["count"]} for x in facet["results"]]
        cols = [Column("value", name.capitalize(), lambda r: r["value"]), Column("count", "Projects", lambda r: r["count"], "int")]
        note = " (a project in two counties counts in both)" if name == "county" else ""
        if fmt == "markdown":
            typer.echo(f"\n### {name.capitalize()}{note}\n")
        render(Listing(rows, cols, title=f"By {name}{note}"), fmt, console=out())
