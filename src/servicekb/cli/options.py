"""Every shared option, defined once: typed `Annotated` aliases that commands use as parameter
annotations, and one frozen `ListingOptions` that a listing command builds from them.

A command lists the options it takes in its own signature (so typer and type checkers see
them), e.g. `theme: Theme = None`; `ListingOptions.of(locals())` collects them by name in one
place (tests/test_cli_options.py checks that every listing command declares every field).
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

if TYPE_CHECKING:
    from ..query import Filters
    from ..reference import Reference

def command_app(**settings: Any) -> typer.Typer:
    """A Typer holding one command (or a family): plain click help, as the root has."""
    return typer.Typer(rich_markup_mode=None, add_completion=False, pretty_exceptions_enable=False, **settings)


FILTERS = "Filters"
OUTPUT = "Output"
KB = "Knowledge base"


def _opt(*names: str, help: str, panel: str = FILTERS, complete: str = "") -> Any:
    extra: dict[str, Any] = {}
    if complete:  # values from the knowledge base, when the shell asks (see cli/complete.py)
        def completer(incomplete: str) -> list[str]:
            from . import complete as completers

            return getattr(completers, complete)(incomplete)

        extra["autocompletion"] = completer
    return typer.Option(*names, help=help, rich_help_panel=panel, show_default=False, **extra)


Theme = Annotated[
    Optional[list[str]],
    _opt("--theme", "-t", complete="themes",
         help="Theme: slug, label or alias; a unique prefix is enough (repeatable, or comma-separated).")]
Region = Annotated[
    Optional[list[str]],
    _opt("--region", "--county", "-r", complete="counties",
         help="County: name, 'Dalarnas län', letter W, code 20, 'Region Dalarna'; diacritics optional (repeatable: any of).")]
Municipality = Annotated[Optional[list[str]], _opt("--municipality", "-m", complete="municipalities",
                                                      help="Municipality name or a unique beginning, e.g. Mora (repeatable: any of).")]
Status = Annotated[Optional[list[str]], _opt("--status", complete="statuses", help="completed (avslutat), ongoing (pågående) or planned (planerat) (repeatable).")]
Kind = Annotated[Optional[list[str]], _opt("--kind", complete="kinds", help="forstudie, genomforande, information, utbildning, process (repeatable).")]
OwnerType = Annotated[
    Optional[list[str]],
    _opt("--owner-type", complete="owner_types", help="kommun, region, lansstyrelse, myndighet, forening, foretag, universitet (repeatable).")]
Tag = Annotated[Optional[list[str]], _opt("--tag", complete="tags", help="Tag slug or label, e.g. paketautomat (repeatable: all of).")]
MinCost = Annotated[
    Optional[str],
    _opt("--min-cost", help="Only projects whose total cost (or budget) is at least this many kronor, e.g. 1000000 or '1 000 000 kr'.")]
MaxCost = Annotated[Optional[str], _opt("--max-cost", help="Only projects whose total cost (or budget) is at most this many kronor.")]
HasCost = Annotated[Optional[bool], _opt("--has-cost/--no-cost", help="Only projects with / without an amount on record.")]
Ids = Annotated[
    Optional[str],
    _opt("--ids", help="Restrict to ids read from a file, or '-' for stdin (one per line; '#' comments ignored).")]

Format = Annotated[
    Optional[str],
    _opt("--format", "-f", panel=OUTPUT,
         help="table, json, jsonl, csv, tsv, yaml, ids or markdown. Default: table on a terminal, tsv when piped.")]
Fields = Annotated[Optional[str], _opt("--fields", panel=OUTPUT, help="Comma-separated columns, e.g. id,title,funding.total_cost_sek.")]
Excel = Annotated[bool, _opt("--excel", panel=OUTPUT, help="With --format csv: UTF-8 with BOM and ';' separators, for Swedish Excel.")]
ReportFormat = Annotated[
    Optional[str],
    _opt("--format", "-f", panel=OUTPUT,
         help="table, markdown, html, json, yaml (documents); csv, tsv, jsonl, ids (the project list). "
              "Default: table on a terminal, tsv when piped; with -o, from the file name.")]
Output = Annotated[
    Optional[Path],
    _opt("--output", "-o", panel=OUTPUT,
         help="Write the document (markdown, html, json, yaml) to this file instead of stdout; "
              "an existing file is kept unless --force.")]
Force = Annotated[bool, _opt("--force", panel=OUTPUT, help="With -o: overwrite the file if it exists.")]

DataDir = Annotated[
    Optional[Path],
    typer.Option("--data-dir", envvar="SERVICEKB_DATA", show_default=False, rich_help_panel=KB,
                 help="Knowledge base folder holding projects/ (and optionally reference/). Default: the bundled data."),
]
NoCache = Annotated[bool, typer.Option("--no-cache", rich_help_panel=KB, help="Read the files afresh instead of using the index cache.")]


@dataclass(frozen=True)
class ListingOptions:
    """The options every listing command (list, search, report, stats, export) shares."""

    theme: Optional[list[str]] = None
    region: Optional[list[str]] = None
    municipality: Optional[list[str]] = None
    status: Optional[list[str]] = None
    kind: Optional[list[str]] = None
    owner_type: Optional[list[str]] = None
    tag: Optional[list[str]] = None
    min_cost: Optional[str] = None
    max_cost: Optional[str] = None
    has_cost: Optional[bool] = None
    ids: Optional[str] = None
    format: Optional[str] = None
    fields: Optional[str] = None
    excel: bool = False
    data_dir: Optional[Path] = None
    no_cache: bool = False

    @classmethod
    def of(cls, params: dict[str, Any]) -> ListingOptions:
        """Collect the options from a command's parameters (pass `locals()`)."""
        return cls(**{f.name: params[f.name] for f in dataclasses.fields(cls) if f.name in params})

    def filters(self, ref: Reference) -> Filters:
        """The filter options resolved against the reference data (an unknown value is a UsageError)."""
        from ..money import parse_amount
        from ..query import resolve_filters

        return resolve_filters(
            ref,
            theme=_split(self.theme),
            region=_split(self.region),
            municipality=_split(self.municipality),
            status=_split(self.status),
            kind=_split(self.kind),
            owner_type=_split(self.owner_type),
            tag=_split(self.tag),
            min_cost=parse_amount(self.min_cost, "--min-cost"),
            max_cost=parse_amount(self.max_cost, "--max-cost"),
            has_cost=self.has_cost,
        )

    def read_ids(self) -> Optional[list[str]]:
        return read_ids(self.ids)

    def output_format(self, terminal: bool, document: bool = False, extra: tuple[str, ...] = ()) -> str:
        """The format to write: --format, else a table on a terminal; piped, TSV for a listing and
        plain text for a document (report). --excel implies csv; an option that would be ignored
        is an error instead."""
        from ..errors import UsageError
        from ..output import FORMATS, choose_format

        allowed = (*FORMATS, "text", *extra) if document else (*FORMATS, *extra)
        default = self.format or ("csv" if self.excel else None)
        if default is None and document:
            default = "table" if terminal else "text"
        fmt = choose_format(default, terminal, allowed)
        if self.excel and fmt != "csv":
            raise UsageError(f"--excel goes with --format csv (not {fmt}).")
        if self.fields and document and fmt in ("table", "text", "markdown", "json", "yaml", "html"):
            raise UsageError("--fields chooses the columns of the project list: use it with --format tsv, csv, jsonl or ids.")
        return fmt


def _split(values: Optional[list[str]]) -> list[str]:
    """Repeated options and comma lists alike: -r Norrbotten,Västerbotten = -r Norrbotten -r Västerbotten."""
    out: list[str] = []
    for v in values or ():
        out += [part.strip() for part in v.split(",") if part.strip()] or [v]
    return out


MAX_IDS_BYTES = 10 * 1024 * 1024  # far more than any real list of ids (100,000 ids ≈ 5 MB)


def read_ids(source: Optional[str]) -> Optional[list[str]]:
    """--ids FILE or '-' → ids (one per line; blank lines and # comments ignored; the first
    column of piped TSV works too, minus its header row)."""
    if source is None:
        return None
    from ..errors import UsageError

    try:
        if source == "-":
            stdin = sys.stdin
            if stdin is None or (stdin.isatty() if hasattr(stdin, "isatty") else False):
                raise UsageError("--ids - reads ids from standard input, but nothing is piped in "
                                 "(e.g. `servicekb search paketautomat --format ids | servicekb report --ids -`).")
            text = stdin.read(MAX_IDS_BYTES + 1)
        else:
            with open(source, encoding="utf-8-sig") as fh:
                text = fh.read(MAX_IDS_BYTES + 1)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        where = "standard input" if source == "-" else repr(source)
        raise UsageError(f"cannot read ids from {where}: {getattr(exc, 'strerror', None) or exc}") from None
    if len(text) > MAX_IDS_BYTES:
        raise UsageError(f"--ids reads at most {MAX_IDS_BYTES // (1024 * 1024)} MB of ids; split the list or use filters instead.")
    ids = []
    for n, line in enumerate(text.splitlines()):
        line = line.split("#", 1)[0].strip()
        first_cell = line.split("\t", 1)[0].strip()
        if first_cell and not (n == 0 and first_cell == "id"):
            ids.append(first_cell)
    return ids
