"""Every shared option, defined once: typed `Annotated` aliases that commands use as parameter
annotations, and one frozen `ListingOptions` that a listing command builds from them.

A command lists the options it takes in its own signature (so typer and type checkers see
them), e.g. `theme: Theme = None`; `ListingOptions.of(locals())` collects them by name in one
place (tests/test_cli_options.py checks that every listing command declares every field).
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Optional

import typer

from ..formats import formats_help
from ..messages import help_t, t
from . import complete as completers

if TYPE_CHECKING:
    from ..query import Filters
    from ..reference import Reference


def vocabulary_help(key: str) -> str:
    """A help text that lists a reference vocabulary's slugs ({kinds}, {owner_types}): from the
    knowledge base's reference files, so that a kind added there is in the help too."""
    from ..messages import MESSAGES
    from ..paths import reference_slugs

    template = MESSAGES[key][0]
    values = {name: ", ".join(reference_slugs(name)) for name in ("kinds", "owner_types") if f"{{{name}}}" in template}
    return help_t(key, **values)


FILTERS = t("panel.filters")
OUTPUT = t("panel.output")
KB = t("panel.kb")


def _opt(*names: str, help: str, panel: str = FILTERS, complete: Optional[Callable[[str], list[str]]] = None) -> Any:
    """A shared option; `complete`: a completer of cli/complete.py (values from the knowledge
    base, when the shell asks — it reads them only then)."""
    extra: dict[str, Any] = {"autocompletion": complete} if complete is not None else {}
    return typer.Option(*names, help=help, rich_help_panel=panel, show_default=False, **extra)


# Help texts come from the message table (messages.py, `opt.*`), in the run's language.
Theme = Annotated[Optional[list[str]], _opt("--theme", "-t", complete=completers.themes, help=help_t("opt.theme"))]
Region = Annotated[
    Optional[list[str]], _opt("--region", "--county", "-r", complete=completers.counties, help=help_t("opt.region"))
]
Municipality = Annotated[
    Optional[list[str]],
    _opt("--municipality", "-m", complete=completers.municipalities, help=help_t("opt.municipality")),
]
Status = Annotated[Optional[list[str]], _opt("--status", complete=completers.statuses, help=help_t("opt.status"))]
Kind = Annotated[Optional[list[str]], _opt("--kind", complete=completers.kinds, help=vocabulary_help("opt.kind"))]
OwnerType = Annotated[
    Optional[list[str]], _opt("--owner-type", complete=completers.owner_types, help=vocabulary_help("opt.owner_type"))
]
Tag = Annotated[Optional[list[str]], _opt("--tag", complete=completers.tags, help=help_t("opt.tag"))]
MinCost = Annotated[Optional[str], _opt("--min-cost", help=help_t("opt.min_cost"))]
MaxCost = Annotated[Optional[str], _opt("--max-cost", help=help_t("opt.max_cost"))]
HasCost = Annotated[Optional[bool], _opt("--has-cost/--no-cost", help=help_t("opt.has_cost"))]
Ids = Annotated[Optional[str], _opt("--ids", help=help_t("opt.ids"))]
Own = Annotated[bool, _opt("--own", help=help_t("opt.own"))]  # report, stats: no project another county shares

Format = Annotated[
    Optional[str], _opt("--format", "-f", panel=OUTPUT, help=help_t("opt.format", formats=formats_help("list")))
]
Fields = Annotated[Optional[str], _opt("--fields", panel=OUTPUT, help=help_t("opt.fields"))]
Excel = Annotated[bool, _opt("--excel", panel=OUTPUT, help=help_t("opt.excel"))]
ReportFormat = Annotated[
    Optional[str],
    _opt("--format", "-f", panel=OUTPUT, help=help_t("opt.report_format", formats=formats_help("report"))),
]
Output = Annotated[Optional[Path], _opt("--output", "-o", panel=OUTPUT, help=help_t("opt.output"))]
Force = Annotated[bool, _opt("--force", panel=OUTPUT, help=help_t("opt.force"))]

# A command's --data-dir reads no environment variable of its own: $SERVICEKB_DATA is the root's
# (RootDataDir), so that --data-dir on the command line wins, before or after the command name
# (cli._Context.lookup_default); paths.data_dir falls back to it as well.
DataDir = Annotated[
    Optional[Path],
    typer.Option("--data-dir", show_default=False, rich_help_panel=KB, help=help_t("opt.data_dir")),
]
RootDataDir = Annotated[
    Optional[Path],
    typer.Option(
        "--data-dir", envvar="SERVICEKB_DATA", show_default=False, rich_help_panel=KB, help=help_t("opt.data_dir")
    ),
]
NoCache = Annotated[bool, typer.Option("--no-cache", rich_help_panel=KB, help=help_t("opt.no_cache"))]


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

    # The output options, which a command that writes files of its own (export) does not take.
    OUTPUT_OPTIONS: ClassVar[tuple[str, ...]] = ("format", "fields", "excel")
    # The filters, which a command about one project (similar) does not take.
    FILTER_OPTIONS: ClassVar[tuple[str, ...]] = (
        "theme", "region", "municipality", "status", "kind", "owner_type", "tag", "min_cost", "max_cost",
        "has_cost", "ids",
    )  # fmt: skip

    @classmethod
    def of(cls, params: dict[str, Any], without: tuple[str, ...] = ()) -> ListingOptions:
        """Collect the options from a command's parameters (pass `locals()`). Strict: every
        option must be a parameter of the command unless it is named in `without` (and one
        named there must not be), so a renamed parameter raises instead of silently dropping
        its filter. A TypeError: a mistake in servicekb, not in what a user typed."""
        names = [f.name for f in dataclasses.fields(cls)]
        unknown = set(without) - set(names)
        missing = [n for n in names if n not in params and n not in without]
        taken = [n for n in without if n in params]
        if unknown or missing or taken:
            raise TypeError(
                f"ListingOptions.of: missing parameters {missing}, declared without but present {taken}, "
                f"unknown names in without {sorted(unknown)}"
            )
        return cls(**{n: params[n] for n in names if n not in without})

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

    def output_format(self, terminal: bool, command: str = "list", output: Optional[Path] = None) -> str:
        """The one format decision of a run (`output.choose_format`): --format, --excel, the name
        of -o FILE, else the command's default for a terminal or a pipe."""
        from ..output import command_format

        return command_format(
            command, self.format, terminal and output is None, excel=self.excel, output=output, fields=self.fields
        )


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
                raise UsageError(t("err.ids_nothing_piped"))
            text = stdin.read(MAX_IDS_BYTES + 1)
        else:
            with open(source, encoding="utf-8-sig") as fh:
                text = fh.read(MAX_IDS_BYTES + 1)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        where = t("word.stdin") if source == "-" else repr(source)
        raise UsageError(t("err.ids_unreadable", where=where, reason=getattr(exc, "strerror", None) or exc)) from None
    if len(text) > MAX_IDS_BYTES:
        raise UsageError(t("err.ids_too_many", mb=MAX_IDS_BYTES // (1024 * 1024)))
    ids = []
    for n, line in enumerate(text.splitlines()):
        line = line.split("#", 1)[0].strip()
        first_cell = line.split("\t", 1)[0].strip()
        if first_cell and not (n == 0 and first_cell == "id"):
            ids.append(first_cell)
    return ids
