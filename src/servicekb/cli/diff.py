"""diff: what changed in the knowledge base between two versions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..messages import command_help, help_t, t
from .common import command_app
from .options import DataDir

diff_app = command_app()

DIFF_FORMATS = ("table", "text", "markdown", "json")


@diff_app.command(help=command_help("diff"))
def diff(
    revs: Annotated[Optional[list[str]], typer.Argument(help=help_t("arg.diff_revs"), show_default=False)] = None,
    against: Annotated[
        Optional[Path], typer.Option("--against", help=help_t("opt.diff_against"), show_default=False)
    ] = None,
    format: Annotated[
        Optional[str], typer.Option("--format", "-f", help=help_t("opt.diff_format"), show_default=False)
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """servicekb diff (its help: messages `cmd.diff`, `help.diff`)."""
    import json
    import sys

    from ..errors import UsageError
    from ..kbdiff import run
    from ..paths import data_dir as resolve_data_dir
    from .common import stdout_is_terminal

    fmt = format or ("table" if stdout_is_terminal() else "text")
    if fmt not in DIFF_FORMATS:
        raise UsageError(t("err.unknown_format", fmt=repr(fmt), hint="", formats=", ".join(DIFF_FORMATS)))
    result = run(resolve_data_dir(data_dir), list(revs or []), against)
    if fmt == "json":
        json.dump(result.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "markdown":
        sys.stdout.write(markdown(result))
    else:
        from .common import document_console

        document_console().print(text(result), crop=False)


def _value(v) -> str:
    from ..money import format_sek

    if isinstance(v, int) and not isinstance(v, bool):
        return format_sek(v)
    if v is None:
        return "–"
    if isinstance(v, list):
        return ", ".join(map(str, v)) or "[]"
    return str(v)


def _money_line(f) -> str:
    from ..money import format_sek

    line = f"{_value(f.old)} → {_value(f.new)}"
    if f.difference is not None:
        sign = "+" if f.difference > 0 else "−" if f.difference < 0 else "±"
        line += f" ({sign}{format_sek(abs(f.difference))})"
    return line


def _lines(result) -> list[tuple[str, str]]:
    """(kind, line) pairs, shared by the text and Markdown forms: heading, item, note."""
    from ..money import format_sek, grouped

    out: list[tuple[str, str]] = [
        ("heading", t("diff.title", old=result.old.label, new=result.new.label)),
    ]
    if result.empty:
        out.append(("note", t("diff.none")))
    if result.added:
        out.append(("heading", t("diff.added", n=len(result.added))))
        out += [("item", f"{p['title']} ({p['id']})") for p in result.added]
    if result.removed:
        out.append(("heading", t("diff.removed", n=len(result.removed))))
        out += [("item", f"{p['title']} ({p['id']})") for p in result.removed]
    if result.changed:
        out.append(("heading", t("diff.changed", n=len(result.changed))))
        for c in result.changed:
            head = f"{c.title} ({c.id})"
            if c.renamed_from:
                head += " – " + t("diff.renamed", old=c.renamed_from)
            out.append(("item", head))
            for f in c.changes:
                out.append(("sub", f"{f.field}: {_money_line(f)}"))
    if result.reference:
        out.append(("heading", t("diff.reference", n=len(result.reference))))
        out += [("item", f"{file}: {key} ({t('diff.ref_' + what)})") for file, key, what in result.reference]
    out.append(("heading", t("diff.totals")))
    for what, a, b in result.totals:
        if what == "projects":
            out.append(("item", t("diff.total_projects", old=grouped(a), new=grouped(b), diff=f"{b - a:+d}")))
        else:
            d = b - a
            sign = "+" if d > 0 else "−" if d < 0 else "±"
            out.append(
                ("item", f"{t('diff.money.' + what)}: {format_sek(a)} → {format_sek(b)} ({sign}{format_sek(abs(d))})")
            )
    for v in (result.old, result.new):
        if v.problems:
            out.append(("note", t("diff.invalid_left_out", version=v.label, n=v.problems)))
    return out


def text(result):
    from rich.text import Text

    body = Text()
    for kind, line in _lines(result):
        if kind == "heading":
            if body:
                body.append("\n")
            body.append(line + "\n", style="bold")
        elif kind == "item":
            body.append("  " + line + "\n")
        elif kind == "sub":
            body.append("      " + line + "\n")
        else:
            body.append(line + "\n")
    return body


def markdown(result) -> str:
    from ..output import md_escape

    out = []
    first = True
    for kind, line in _lines(result):
        if kind == "heading":
            out.append(("## " if first else "\n### ") + md_escape(line) + "\n")
            first = False
        elif kind == "item":
            out.append(f"- {md_escape(line)}")
        elif kind == "sub":
            out.append(f"  - {md_escape(line)}")
        else:
            out.append(f"\n{md_escape(line)}")
    return "\n".join(out) + "\n"
