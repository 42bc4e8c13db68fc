"""search: ranked, Swedish-aware full-text search with the shared filters and facets."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from . import app
from .common import FILTER_OPTIONS, IDS_OPTION, OUTPUT_OPTIONS, DataDir, NoCache, answer, err, load_kb, out, read_ids, resolve_filters, stdout_is_terminal, with_options

SEARCH_HELP = """Search projects: ranked full-text search that knows Swedish.

Finds inflections (servicepunkt → servicepunkter), compound parts (ombud → paketombud,
apoteksombud) and words typed without å, ä, ö (Orebro → Örebro); exact matches rank first.
Searches title, summary, activities, results, lessons, tags, owner, places and municipalities.

Projects with every word rank first; when fewer than five have them all, projects with
most of the words follow (stderr names the missing words; --all-words shows only full
matches). Words are also found through synonyms (hemkörning → hemsändning, from
data/reference/synonyms.yaml); an unknown word is split (butiksutveckling → butik +
utveckling) or corrected (ombudsplatform → ombudsplattform), ranked below direct matches.
--explain shows, for each project, which words matched and how.

Syntax: "quoted phrase"; -word excludes (everything the word alone would find); a OR b.
Quote phrases for the shell too: servicekb search '"lokal mat"'.

Exit status: 0 results, 1 no results, 2 usage error.

Examples:

  servicekb search paketautomat

  servicekb search servicepunkt --region Norrbotten --format csv > punkter.csv

  servicekb search --limit 5 -- paketombud OR apoteksombud -Dalarna

  servicekb search --theme logistik --facets

  servicekb search apoteksombud glesbygd --explain
"""


@app.command(help=SEARCH_HELP)
@with_options(IDS_OPTION, "ids_opt")
@with_options(OUTPUT_OPTIONS, "output_opts")
@with_options(FILTER_OPTIONS, "filter_opts")
def search(
    query: Annotated[Optional[list[str]], typer.Argument(help="Search words (see syntax above). Empty: everything that passes the filters.", show_default=False)] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most N results (0 for all).", rich_help_panel="Output")] = 20,
    show_facets: Annotated[bool, typer.Option("--facets", help="Add counts of the results by theme, county, status and kind.", rich_help_panel="Output")] = False,
    all_words: Annotated[bool, typer.Option("--all-words", help="Only projects having every word (no projects with fewer words below them).")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Add a column saying which words matched each project, and how (exact, inflection, compound part, split compound, synonym, compound head, typo, missing).", rich_help_panel="Output")] = False,
    data_dir: DataDir = None,
    no_cache: NoCache = False,
    filter_opts=None,
    output_opts=None,
    ids_opt=None,
) -> None:
    from ..errors import UsageError
    from ..output import choose_format
    from ..search import explain as explain_hit
    from ..search import facets, no_match_message, notices, parse_query, search as run_search, snippet, snippet_text

    if limit < 0:
        raise UsageError("--limit must be 0 (all) or more.")
    text = " ".join(query or [])
    parsed = parse_query(text)  # syntax errors before any work
    fmt = choose_format(output_opts.get("format"), stdout_is_terminal())
    if show_facets and fmt not in ("table", "markdown", "json", "yaml"):
        raise UsageError("--facets works with --format table, markdown, json or yaml.")
    kb = load_kb(data_dir, no_cache)
    filters = resolve_filters(kb, filter_opts)
    ids = read_ids(ids_opt["ids"])

    def compute():
        where, params = kb.condition(filters, ids)
        found = run_search(kb.conn, parsed, where, params, limit=limit or None, count=fmt in ("table", "markdown"),
                           all_words=all_words)
        return found, kb.records([h.rowid for h in found.hits]), (facets(kb.conn, found) if show_facets else None)

    result, records, facet_data = answer(kb, compute)
    if not result.hits:
        err().print("servicekb: " + no_match_message(result, filters.active or ids is not None), soft_wrap=True)
        raise typer.Exit(1)
    for line in notices(result):
        err().print("servicekb: " + line, soft_wrap=True, markup=False, highlight=False)
    shown = result.hits
    # "why" goes into JSON/YAML always, elsewhere when asked for (it costs a pass over each record's text)
    want_why = explain or fmt in ("json", "jsonl", "yaml") or "why" in str(output_opts.get("fields") or "")
    for rank, (hit, record) in enumerate(zip(shown, records), 1):
        parts = snippet(record, result.matched_words) if not parsed.empty else []
        record["search"] = {"rank": rank, "level": hit.level, "score": round(hit.score, 4),
                            "snippet": snippet_text(parts), "_parts": parts}
        if want_why:
            record["search"]["why"] = explain_hit(result, hit, record)
    total = result.total
    title = f"{total} project(s) match" + (f", showing {len(shown)} (--limit 0 shows all)" if total and len(shown) < total else "")
    _render(records, fmt, output_opts, title, facet_data, kb, explain)


def _why_text(why: list[dict]) -> str:
    """'hemkörning: synonym (hemsändning); glesbygd: exact'"""
    return "; ".join(f"{w['word']}: {w['tier']}" + (f" ({', '.join(w['matched'])})" if w["matched"] and w["matched"] != [w["word"]] else "")
                     for w in why)


def _render(records, fmt, output_opts, title, facet_data, kb, explain=False) -> None:
    import json

    from ..fields import COLUMNS
    from ..output import Column, dotted_getter, pick_columns, render

    rank = Column("rank", "#", lambda r: r["search"]["rank"], "int")
    snip = Column("snippet", "Snippet", lambda r: r["search"]["snippet"])
    why = Column("why", "Why", lambda r: _why_text(r["search"]["why"]))
    available = {**COLUMNS, "rank": rank, "snippet": snip, "why": why}
    if fmt == "table" and not output_opts.get("fields"):
        columns = [
            rank,
            Column("project", "Project", lambda r: (r["title"], r["id"], r["search"]["_parts"]), "title_id", ratio=1, min_width=30),
            Column("counties", "Counties", dotted_getter("geography.counties"), "list", max_width=16),
            Column("theme", "Theme", dotted_getter("theme"), drop_below=110, max_width=19),
            COLUMNS["cost_sek"],
        ] + ([Column("why", "Why", why.get, ratio=1, min_width=20)] if explain else [])
    else:
        columns = pick_columns(output_opts.get("fields"), [rank, COLUMNS["id"], COLUMNS["title"], COLUMNS["counties"],
                                                            COLUMNS["theme"], COLUMNS["cost_sek"], snip]
                               + ([why] if explain else []), available)
    clean = [{k: v for k, v in r.items() if k != "search"} | {"search": {k: v for k, v in r["search"].items() if k != "_parts"}} for r in records]
    if facet_data is not None and fmt in ("json", "yaml"):
        objs = clean if not output_opts.get("fields") else [{c.name: c.get(r) for c in columns} for r in records]
        doc = {"projects": objs, "facets": facet_data}
        if fmt == "json":
            typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        else:
            import yaml

            typer.echo(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), nl=False)
        return
    render(records, columns, fmt, records=clean, console=out(), title=title,
           excel=output_opts.get("excel", False), fields_chosen=bool(output_opts.get("fields")))
    if facet_data is not None:
        _render_facets(facet_data, fmt, kb)


def _render_facets(facet_data, fmt, kb) -> None:
    from ..output import Column, render

    labels = {"theme": kb.reference.themes.label, "kind": kb.reference.kinds.label}
    for facet in facet_data:
        name = facet["name"]
        label = labels.get(name, lambda v: v)
        rows = [{"value": label(x["value"]), "count": x["count"]} for x in facet["results"]]
        cols = [Column("value", name.capitalize(), lambda r: r["value"]), Column("count", "Projects", lambda r: r["count"], "int")]
        note = " (a project in two counties counts in both)" if name == "county" else ""
        if fmt == "markdown":
            typer.echo(f"\n### {name.capitalize()}{note}\n")
        render(rows, cols, fmt, console=out(), title=f"By {name}{note}")
