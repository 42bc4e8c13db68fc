"""What every command shares: consoles, the shared option sets, loading, error output."""

from __future__ import annotations

import functools
import inspect
import os
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

_consoles: dict[str, Any] = {}


def reset_consoles() -> None:
    _consoles.clear()


def out():
    """The stdout console: no markup, no highlighting — data is shown as it is."""
    if "out" not in _consoles:
        from rich.console import Console

        _consoles["out"] = Console(markup=False, highlight=False, emoji=False)
    return _consoles["out"]


def err():
    if "err" not in _consoles:
        from rich.console import Console

        _consoles["err"] = Console(stderr=True, markup=False, highlight=False, emoji=False)
    return _consoles["err"]


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def note(message: str) -> None:
    """A one-line notice on stderr (never mixed into data on stdout)."""
    err().print(message, style="dim", soft_wrap=True)


DataDir = Annotated[
    Optional[Path],
    typer.Option(
        "--data-dir",
        envvar="SERVICEKB_DATA",
        help="Knowledge base folder holding projects/ (and optionally reference/). Default: the bundled data.",
        show_default=False,
        rich_help_panel="Knowledge base",
    ),
]
NoCache = Annotated[
    bool,
    typer.Option("--no-cache", help="Read the files afresh instead of using the index cache.", rich_help_panel="Knowledge base"),
]


def load_kb(data_dir: Optional[Path], no_cache: bool = False):
    """Open the knowledge base. Get answers from it through `answer` (it checks freshness)."""
    from ..kb import open_kb

    return open_kb(data_dir, use_cache=not no_cache, notice=note, progress=_progress if _stderr_is_terminal() else None,
                   speculate=True)


def answer(kb, compute):
    """compute() from the index while the files are checked; again if they had changed.

    Then a one-line notice on stderr when invalid files were left out.
    """
    result = compute()
    if kb.verify():
        result = compute()
    if kb.problems:
        files = len({p.file for p in kb.problems})
        note(f"servicekb: {files} file(s) with problems (invalid ones are left out); run `servicekb validate` for details.")
    return result


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress(total: int):
    """A progress bar on stderr while many files are indexed; returns an update callback."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("Indexing project files"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=err(), transient=True)
    task = bar.add_task("index", total=total)
    bar.start()

    def update(done: int) -> None:
        bar.update(task, completed=done)
        if done >= total:
            bar.stop()

    return update


# --- shared option sets -------------------------------------------------------------

FILTER_PANEL = "Filters"
OUTPUT_PANEL = "Output"

FILTER_OPTIONS: dict[str, tuple[Any, Any]] = {
    "theme": (Annotated[Optional[list[str]], typer.Option("--theme", "-t", help="Theme: slug, label or alias; a unique prefix is enough (repeatable).", rich_help_panel=FILTER_PANEL, show_default=False)], None),
    "region": (Annotated[Optional[list[str]], typer.Option("--region", "--county", "-r", help="County: name, 'Dalarnas län', letter W, code 20, 'Region Dalarna'; diacritics optional (repeatable: any of).", rich_help_panel=FILTER_PANEL, show_default=False)], None),
    "municipality": (Annotated[Optional[list[str]], typer.Option("--municipality", "-m", help="Municipality name, e.g. Mora (repeatable: any of).", rich_help_panel=FILTER_PANEL, show_default=False)], None),
    "status": (Annotated[Optional[list[str]], typer.Option("--status", help="completed, ongoing or planned (repeatable).", rich_help_panel=FILTER_PANEL, show_default=False)], None),
    "kind": (Annotated[Optional[list[str]], typer.Option("--kind", help="forstudie, genomforande, information, utbildning, process (repeatable).", rich_help_panel=FILTER_PANEL, show_default=False)], None),
    "owner_type": (Annotated[Optional[list[str]], typer.Option("--owner-type", help="kommun, region, lansstyrelse, myndighet, forening, foretag, universitet (repeatable).", rich_help_panel=FILTER_PANEL, show_default=False)], None),
    "tag": (Annotated[Optional[list[str]], typer.Option("--tag", help="Tag slug or label, e.g. paketautomat (repeatable: all of).", rich_help_panel=FILTER_PANEL, show_default=False)], None),
    "min_cost": (Annotated[Optional[int], typer.Option("--min-cost", help="Only projects whose total cost (or budget) is at least this many kronor.", rich_help_panel=FILTER_PANEL, show_default=False)], None),
    "max_cost": (Annotated[Optional[int], typer.Option("--max-cost", help="Only projects whose total cost (or budget) is at most this many kronor.", rich_help_panel=FILTER_PANEL, show_default=False)], None),
    "has_cost": (Annotated[Optional[bool], typer.Option("--has-cost/--no-cost", help="Only projects with / without an amount on record.", rich_help_panel=FILTER_PANEL, show_default=False)], None),
}

OUTPUT_OPTIONS: dict[str, tuple[Any, Any]] = {
    "format": (Annotated[Optional[str], typer.Option("--format", "-f", help="table, json, jsonl, csv, tsv, yaml, ids or markdown. Default: table on a terminal, tsv when piped.", rich_help_panel=OUTPUT_PANEL, show_default=False)], None),
    "fields": (Annotated[Optional[str], typer.Option("--fields", help="Comma-separated columns, e.g. id,title,funding.total_cost_sek.", rich_help_panel=OUTPUT_PANEL, show_default=False)], None),
    "excel": (Annotated[bool, typer.Option("--excel", help="With --format csv: UTF-8 with BOM and ';' separators, for Swedish Excel.", rich_help_panel=OUTPUT_PANEL)], False),
}

IDS_OPTION: dict[str, tuple[Any, Any]] = {
    "ids": (Annotated[Optional[str], typer.Option("--ids", help="Restrict to ids read from a file, or '-' for stdin (one per line; '#' comments ignored).", rich_help_panel=FILTER_PANEL, show_default=False)], None),
}


def with_options(options: dict[str, tuple[Any, Any]], collect_as: str):
    """Add a set of options to a command and hand them to it as one dict (`collect_as`).

    One definition of each option, used by every command that offers it (as sqlite-utils'
    `output_options` decorator does for click).
    """

    def decorate(func):
        import typing

        sig = inspect.signature(func)
        hints = typing.get_type_hints(func, include_extras=True)  # resolved in func's own module
        params = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in sig.parameters.values() if p.name != collect_as]
        extra = [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=d, annotation=a) for n, (a, d) in options.items()]

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            collected = {n: kwargs.pop(n, options[n][1]) for n in options}
            return func(*args, **{collect_as: collected}, **kwargs)

        wrapper.__signature__ = sig.replace(parameters=params + extra)
        annotations = {k: v for k, v in hints.items() if k != collect_as}
        annotations.update({n: a for n, (a, _) in options.items()})
        wrapper.__annotations__ = annotations
        del wrapper.__wrapped__  # typer must see the new signature, not the original
        return wrapper

    return decorate


def resolve_filters(kb, raw: dict):
    from ..query import resolve_filters as resolve

    return resolve(
        kb.reference,
        **{k: (v or ()) if k in ("theme", "region", "municipality", "status", "kind", "owner_type", "tag") else v for k, v in raw.items()},
    )


def read_ids(source: Optional[str]) -> Optional[list[str]]:
    """--ids FILE or '-' → ids (one per line; blank lines and # comments ignored)."""
    if source is None:
        return None
    from ..errors import UsageError

    if source == "-":
        if sys.stdin is None or (sys.stdin.isatty() if hasattr(sys.stdin, "isatty") else False):
            raise UsageError("--ids - reads ids from standard input, but nothing is piped in (e.g. `servicekb search paketautomat --format ids | servicekb report --ids -`).")
        text = sys.stdin.read()
    else:
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read ids from {source!r}: {exc}") from None
    ids = []
    for n, line in enumerate(text.splitlines()):
        line = line.split("#", 1)[0].strip()
        first_cell = line.split("\t", 1)[0].strip()  # the first column of piped TSV works too
        if first_cell and not (n == 0 and first_cell == "id"):  # ...minus its header row
            ids.append(first_cell)
    return ids


def env_debug() -> bool:
    return os.environ.get("SERVICEKB_DEBUG", "") not in ("", "0")
