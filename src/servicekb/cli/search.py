"""search: ranked, Swedish-aware full-text search with the shared filters and facets."""

from typing import Annotated, Any, NamedTuple, Optional

import typer

from ..errors import EXIT_NO_RESULTS
from ..messages import command_help, help_t, t
from .common import command_app
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
)

app = command_app()
DEFAULT_LIMIT = 20  # on a terminal


class SearchRow(NamedTuple):  # (a NamedTuple: a frozen dataclass costs 0.7 ms at import)
    """One hit as the output layer sees it: the project's record and how it matched."""

    record: dict
    rank: int
    level: int
    score: float
    snippet: list[tuple[str, bool]]  # (text, is_match) pieces
    why: Optional[list[dict]] = None  # per query word: how it matched (search.explain)
    sources: Optional[dict] = None  # reference/sources.yaml, for the provenance
    like_matches: bool = False  # a project like the first answers, not a match of the words

    def document(self) -> dict:
        from ..search import snippet_text
        from ..status import provenance

        search = {
            "rank": self.rank,
            "level": self.level,
            "score": round(self.score, 4),
            "snippet": snippet_text(self.snippet),
        }
        if self.why is not None:
            search["why"] = self.why
        if self.like_matches:
            search["like_matches"] = True
        return {**self.record, "provenance": provenance(self.record, self.sources), "search": search}


def _why_text(why: Optional[list[dict]], people: bool = False) -> str:
    """'hemkörning: synonym (hemsändning); glesbygd: exact' — the tiers in this run's words for
    `people` (a table, Markdown), else as the machine formats' stable values."""
    return "; ".join(
        f"{w['word']}: {t('tier.' + w['tier']) if people else w['tier']}"
        + (f" ({', '.join(w['matched'])})" if w["matched"] and w["matched"] != [w["word"]] else "")
        + (_where(w["fields"], people) if w.get("fields") else "")
        for w in why or []
    )


def _where(fields: list[str], people: bool) -> str:
    """' i titeln, taggar/tema' for people; ' [title, tags]' (the stable field names) for scripts."""
    if people:
        return " " + t("why.in", fields=", ".join(t(f"why.field.{f}") for f in fields))
    return f" [{', '.join(fields)}]"


@app.command(help=command_help("search"))
def search(
    query: Annotated[
        Optional[list[str]],
        typer.Argument(help=help_t("arg.query"), show_default=False),
    ] = None,
    limit: Annotated[
        Optional[int],
        typer.Option("--limit", "-n", help=help_t("opt.limit"), rich_help_panel=OUTPUT, show_default=False),
    ] = None,
    show_facets: Annotated[bool, typer.Option("--facets", help=help_t("opt.facets"), rich_help_panel=OUTPUT)] = False,
    all_words: Annotated[bool, typer.Option("--all-words", help=help_t("opt.all_words"))] = False,
    similar_after: Annotated[
        Optional[bool], typer.Option("--similar/--no-similar", help=help_t("opt.similar_after"), show_default=False)
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", rich_help_panel=OUTPUT, help=help_t("opt.explain"))] = False,
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
    """servicekb search (its help: messages `cmd.search`, `help.search`)."""
    from ..errors import UsageError
    from ..search import no_match_message, parse_query, snippet
    from .common import load_kb, note, stdout_is_terminal

    options = ListingOptions.of(locals())
    if limit is not None and limit < 0:
        raise UsageError(t("err.limit_negative"))
    parsed = parse_query(" ".join(query or []))  # syntax errors before any work
    fmt = options.output_format(stdout_is_terminal(), "search")  # once: columns and writer follow it
    # A page of 20 is for reading on a terminal; a pipe or a file gets every match (as gh does).
    effective = (limit if limit is not None else DEFAULT_LIMIT if fmt == "table" else 0) or None
    kb = load_kb(options.data_dir, options.no_cache)
    filters = options.filters(kb.reference)
    wanted = options.read_ids()
    # Counting every match is a second pass over them (half a second at 100,000 projects for a
    # common word): only for a table or Markdown, whose title gives the count. Elsewhere one row
    # more than the limit tells whether the limit hides any.
    counted = fmt in ("table", "markdown")
    probe = effective + 1 if effective and not counted else effective
    result, records, facet_data = kb.search(
        parsed,
        filters,
        wanted,
        limit=probe,
        count=counted,
        with_facets=show_facets,
        all_words=all_words,
        # A table is read by a person: the projects like its first answers follow a short answer.
        # Elsewhere (a pipe, a file) the answer is the projects with the words, unless asked.
        feedback=similar_after if similar_after is not None else fmt == "table",
    )
    more = bool(effective and not counted and len(result.hits) > effective)
    if more:
        result.hits, records = result.hits[:effective], records[:effective]
    from ..search import notices

    for line in notices(result):  # a corrected, split or relaxed word: said once, on stderr
        note(line)
    if not result.hits:
        filtered = filters.active or wanted is not None
        note(no_match_message(result, filtered), dim=False)
        raise typer.Exit(EXIT_NO_RESULTS)
    from ..search import explain as explain_hit

    # "why" goes into JSON/YAML always, elsewhere when asked for (it costs a pass over each record's text)
    want_why = explain or fmt in ("json", "jsonl", "yaml") or "why" in str(options.fields or "")
    labels = None
    if want_why:
        from ..index import Labels

        labels = Labels(kb.reference)  # the tags' labels are searched: --explain names their words
    rows = [
        SearchRow(
            record,
            rank,
            hit.level,
            hit.score,
            snippet(record, result.matched_words) if not parsed.empty and fmt != "ids" else [],  # ids show none
            # A project like the first answers matched none of the words: its why is that likeness.
            (explain_hit(result, hit, record, labels) if not hit.feedback else []) if want_why else None,
            kb.reference.sources,
            hit.feedback,
        )
        for rank, (hit, record) in enumerate(zip(result.hits, records), 1)
    ]
    total = result.total if counted and result.total else len(rows)
    like = sum(1 for r in rows if r.like_matches)
    if like:  # the projects like the best answers are not matches: the title counts them apart
        title = t("title.matches_like", n=len(rows) - like, like=like)
    elif len(rows) < total:
        title = t("title.matches_shown", n=total, shown=len(rows))
    else:
        title = t("title.matches", n=total)
    _render(rows, fmt, options, title, facet_data, kb, explain)
    if more or (fmt == "markdown" and len(rows) < total):  # a table says so in its title; elsewhere stderr does
        note(t("note.limited", shown=len(rows)) if more else t("note.limited_of", shown=len(rows), total=total))


def _render(
    rows: list[SearchRow], fmt: str, options: ListingOptions, title: str, facet_data: Any, kb, explain: bool = False
) -> None:
    import sys

    from ..fields import counties_or_national, on_record, record_columns, theme_column
    from ..messages import t
    from ..money import cost_kind, project_amount
    from ..output import Column, Listing, dump_document, pick_columns, render
    from .common import out

    # In a table a project like the best answers has its rank marked (≈5): it matched no word.
    rank = Column("rank", "#", lambda r: f"≈{r.rank}" if r.like_matches and fmt == "table" else r.rank, "int")
    from ..search import snippet_text

    snip = Column("snippet", t("col.snippet"), lambda r: snippet_text(r.snippet))
    for_people = fmt in ("table", "markdown")
    why = Column(
        "why",
        t("col.why"),
        lambda r: t("search.why_like") if r.like_matches else _why_text(r.why, people=for_people),
    )
    available = {**record_columns(), "rank": rank, "snippet": snip, "why": why}
    if fmt == "table" and not options.fields:
        columns = [
            rank,
            Column(
                "project",
                t("col.project"),
                lambda r: (r.record["title"], r.record["id"], r.snippet),
                "title_id",
                ratio=1,
                min_width=30,
            ),
            Column(
                "counties",
                t("col.counties"),
                lambda r: counties_or_national(r.record),  # as `list` shows them
                "list",
                max_width=16,
                drop_priority=2,
            ),
            on_record(theme_column(kb.reference.themes, drop_priority=1, max_width=22)),  # the label, as list
            Column("cost", t("col.cost"), lambda r: (project_amount(r.record), cost_kind(r.record)), "cost"),
        ] + ([Column("why", t("col.why"), why.get, ratio=1)] if explain else [])
    else:
        if fmt == "markdown":  # read by people: the theme's label, as in the table
            available["theme"] = on_record(theme_column(kb.reference.themes))
        default = [rank, *(available[n] for n in ("id", "title", "counties", "theme", "cost_sek", "cost_kind")), snip]
        default += [why] if explain else []
        columns = pick_columns(options.fields, default, available)
    listing = Listing(
        rows,
        columns,
        document=SearchRow.document,
        title=title,
        fields_chosen=bool(options.fields),
        excel=options.excel,
        id_of=lambda r: r.record["id"],
    )
    if facet_data is not None and fmt in ("json", "yaml"):  # one document: {"projects": […], "facets": {name: …}}
        dump_document({"projects": listing.objects(), "facets": facet_data}, fmt, sys.stdout)
        return
    render(listing, fmt, console=out() if fmt == "table" else None)
    if facet_data is not None:
        _render_facets(facet_data, fmt, kb)


def _render_facets(facet_data, fmt, kb) -> None:
    """Facets beside the results: after a table or Markdown; on stderr (as text) when the results
    are a machine format, so the data stream stays one format (`| jq`, `> file.tsv`)."""
    from ..messages import status_label, t
    from ..money import NATIONAL, placeholder_label
    from ..output import Column, Listing, render
    from .common import err, out

    labels = {  # people read labels (issue 26.5: Swedish facets showed `completed`); JSON keeps values
        "theme": kb.reference.themes.label,
        "kind": kb.reference.kinds.label,
        "status": status_label,
        "county": lambda v: placeholder_label(NATIONAL) if v is None else v,
    }
    to_stderr = fmt not in ("table", "markdown")
    for facet in facet_data.values():
        name = facet["name"]
        label = labels.get(name, lambda v: v)
        rows = [{"value": label(x["value"]), "count": x["count"]} for x in facet["results"]]
        header = t(f"by.{name}")
        cols = [
            Column("value", header, lambda r: r["value"]),
            Column("count", t("col.projects"), lambda r: r["count"], "int"),
        ]
        note = t("facet.county_note") if name == "county" else ""
        if fmt == "markdown":
            typer.echo(f"\n### {header}{note}\n")
        render(
            Listing(rows, cols, title=t("title.facet", name=header.lower()) + note),
            "table" if to_stderr else fmt,
            console=err() if to_stderr else out(),
        )
