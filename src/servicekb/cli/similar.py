"""similar: the projects most like one project, each with a one-line reason."""

from typing import Annotated, NamedTuple, Optional

import typer

from ..formats import formats_help
from ..messages import command_help, help_t, t
from .common import command_app
from .complete import project_ids
from .options import OUTPUT, DataDir, Fields, ListingOptions, NoCache, _opt

app = command_app()
DEFAULT_LIMIT = 10

SimilarFormat = Annotated[
    Optional[str], _opt("--format", "-f", panel=OUTPUT, help=help_t("opt.format", formats=formats_help("similar")))
]


class SimilarRow(NamedTuple):  # (a NamedTuple: a frozen dataclass costs 0.7 ms at import)
    """One similar project as the output layer sees it."""

    record: dict
    rank: int
    score: float
    reason: str
    sources: Optional[dict] = None

    def document(self) -> dict:
        from ..status import provenance

        similar = {"rank": self.rank, "score": round(self.score, 4), "reason": self.reason}
        return {**self.record, "provenance": provenance(self.record, self.sources), "similar": similar}


@app.command(help=command_help("similar"))
def similar(
    project_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help=help_t("arg.id"),
            show_default=False,
            autocompletion=project_ids,
        ),
    ],
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", help=help_t("opt.similar_limit"), rich_help_panel=OUTPUT),
    ] = DEFAULT_LIMIT,
    format: SimilarFormat = None,
    fields: Fields = None,
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """servicekb similar (its help: messages `cmd.similar`, `help.similar`)."""
    from ..errors import EXIT_NO_RESULTS, UsageError
    from .common import emit_listing, load_kb, note, stdout_is_terminal

    if limit < 0:
        raise UsageError(t("err.limit_negative"))
    if not project_id.strip():
        raise UsageError(t("err.show_needs_id"))
    options = ListingOptions.of(locals(), without=(*ListingOptions.FILTER_OPTIONS, "excel"))
    fmt = options.output_format(stdout_is_terminal(), "similar")
    kb = load_kb(options.data_dir, options.no_cache)
    record = kb.find(project_id)
    if project_id.strip().lower() in (record.get("former_ids") or []):
        note(t("show.renamed", old=project_id.strip().lower(), new=record["id"]))
    found = kb.similar(record, limit=limit or None)
    if not found:
        note(t("similar.none", id=record["id"]))
        raise typer.Exit(EXIT_NO_RESULTS)
    rows = similar_rows(kb, record, found)
    name, pid = record["title"], record["id"]
    emit_listing(_listing(rows, options, fmt, t("title.similar", title=name, id=pid)), fmt)


def similar_rows(kb, record: dict, found) -> list[SimilarRow]:
    """The similar projects' records, in rank order, with their reasons in the run's language."""
    from ..search.similar import reason

    ref = kb.reference
    records = {r["id"]: r for r in kb.restrict([s.project_id for s in found])}
    theme, kind = ref.themes.label(record["theme"]), ref.kinds.label(record["kind"])
    return [
        SimilarRow(records[s.project_id], rank, s.score, reason(s, ref.tags.label, theme, kind), ref.sources)
        for rank, s in enumerate(found, 1)
    ]


def _listing(rows: list[SimilarRow], options: ListingOptions, fmt: str, title: str):
    from ..fields import record_columns
    from ..output import Column, Listing, pick_columns

    rank = Column("rank", "#", lambda r: r.rank, "int")
    score = Column("score", t("col.score"), lambda r: round(r.score, 3))
    why = Column("reason", t("col.reason"), lambda r: r.reason, ratio=1)
    available = {**record_columns(), "rank": rank, "score": score, "reason": why}
    if fmt == "table" and not options.fields:
        default = [
            rank,
            Column(
                "project",
                t("col.project"),
                lambda r: (r.record["title"], r.record["id"], []),
                "title_id",
                ratio=1,
                min_width=24,
                max_width=40,
            ),
            why._replace(ratio=2, drop_priority=1),
        ]
    else:
        default = [rank, available["id"], available["title"], score, why]
    return Listing(
        rows,
        pick_columns(options.fields, default, available),
        document=SimilarRow.document,
        title=title,
        fields_chosen=bool(options.fields),
        id_of=lambda r: r.record["id"],
    )
