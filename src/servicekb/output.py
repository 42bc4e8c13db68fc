"""One `render(rows, columns, fmt)` for every listing command.

Data strings are never interpreted: rich tables get `Text` objects (no markup), and control
characters are shown as escapes. Machine formats carry whole numbers and the model's names.
"""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from .errors import UsageError
from .money import format_sek
from .text import visible

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "yaml", "ids", "markdown")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    """A column of a listing: `name` is what --fields uses, `get` reads it from a row."""

    name: str
    header: str
    get: Callable[[Any], Any]
    kind: str = "text"  # text | money | int | list
    min_width: Optional[int] = None
    max_width: Optional[int] = None
    ratio: Optional[int] = None
    drop_below: Optional[int] = None  # tables leave the column out on terminals narrower than this


def dotted_getter(path: str) -> Callable[[Any], Any]:
    parts = path.split(".")

    def get(row):
        value = row
        for part in parts:
            if not isinstance(value, dict):
                return None
            value = value.get(part)
        return value

    return get


def pick_columns(fields: Optional[str], default: Sequence[Column], available: dict[str, Column]) -> list[Column]:
    """--fields a,b,c → columns; an unknown name lists the available ones (as gh does)."""
    if not fields:
        return list(default)
    out = []
    for name in (f.strip() for f in fields.split(",")):
        if not name:
            continue
        if name not in available:
            from .text import did_you_mean, suggest

            hint = did_you_mean(suggest(name, available, cutoff=0.5))
            raise UsageError(f"unknown field {name!r} in --fields.{hint} Available fields: {', '.join(available)}")
        out.append(available[name])
    if not out:
        raise UsageError("--fields is empty; name one or more fields, e.g. --fields id,title")
    return out


def choose_format(fmt: Optional[str], stdout_is_terminal: bool) -> str:
    """The default is a table on a terminal and TSV when piped (as gh does)."""
    if fmt is None:
        return "table" if stdout_is_terminal else "tsv"
    value = fmt.strip().lower()
    if value not in FORMATS:
        from .text import did_you_mean, suggest

        raise UsageError(f"unknown format {fmt!r}.{did_you_mean(suggest(value, FORMATS))} Formats: {', '.join(FORMATS)}.")
    return value


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split()) if any(c in text for c in "\t\r\n") else text


def _neutralise(cell: str) -> str:
    """OWASP CSV-injection advice: prefix a cell that a spreadsheet would run as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def render(
    rows: Sequence[Any],
    columns: Sequence[Column],
    fmt: str,
    *,
    records: Optional[Sequence[dict]] = None,
    console=None,
    stream=None,
    title: Optional[str] = None,
    excel: bool = False,
    fields_chosen: bool = False,
) -> None:
    """Write rows in a format. `records` are the full records for json/jsonl/yaml when no
    --fields were chosen; otherwise those formats carry the chosen columns."""
    stream = stream or sys.stdout
    if fmt == "table":
        _table(rows, columns, console, title)
        return
    if fmt in ("json", "jsonl", "yaml"):
        if records is not None and not fields_chosen:
            objs = list(records)
        else:
            objs = [{c.name: c.get(r) for c in columns} for r in rows]
        if fmt == "json":
            stream.write(json.dumps(objs, ensure_ascii=False, indent=2) + "\n")
        elif fmt == "jsonl":
            for o in objs:
                stream.write(json.dumps(o, ensure_ascii=False) + "\n")
        else:
            import yaml

            dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
            stream.write(yaml.dump(objs, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100))
        return
    if fmt == "ids":
        for r in rows:
            stream.write(f"{r['id'] if isinstance(r, dict) else r.id}\n")
        return
    if fmt in ("csv", "tsv"):
        import csv

        if fmt == "csv":
            buf = io.StringIO()
            writer = csv.writer(buf, delimiter=";" if excel else ",", lineterminator="\r\n")
            writer.writerow([c.name for c in columns])
            for r in rows:
                writer.writerow([_neutralise(_plain(c.get(r))) for c in columns])
            stream.write(("\ufeff" if excel else "") + buf.getvalue())
        else:
            stream.write("\t".join(c.name for c in columns) + "\n")
            for r in rows:
                stream.write("\t".join(visible(_one_line(_plain(c.get(r)))) for c in columns) + "\n")
        return
    if fmt == "markdown":
        stream.write(markdown_table(rows, columns))
        return
    raise UsageError(f"unknown format {fmt!r}")


def markdown_table(rows: Sequence[Any], columns: Sequence[Column]) -> str:
    def cell(c: Column, r) -> str:
        v = c.get(r)
        s = format_sek(v) if c.kind == "money" else _plain(v)
        return visible(_one_line(s)).replace("\\", "\\\\").replace("|", "\\|")

    lines = ["| " + " | ".join(c.header for c in columns) + " |"]
    lines.append("|" + "|".join("---:" if c.kind in ("money", "int") else "---" for c in columns) + "|")
    lines += ["| " + " | ".join(cell(c, r) for c in columns) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def table_cell(value: Any, kind: str):
    """A value as a rich Text (never markup)."""
    from rich.text import Text

    if kind == "money":
        return Text(format_sek(value), style="dim" if value is None else "")
    if kind == "title_id":  # (title, id[, snippet parts]): the title, its id dimmed, a snippet
        title, ident, *rest = value
        cell = Text()
        cell.append(visible(_one_line(title)), style="bold" if rest else "")  # style the title only
        cell.append("\n" + visible(ident), style="dim")
        if rest and rest[0]:
            cell.append("\n")
            for piece, hit in rest[0]:
                cell.append(visible(_one_line(piece)) if piece.strip() else " ", style="bold yellow" if hit else "")
        return cell
    if value is None:
        return Text("–", style="dim")
    return Text(visible(_one_line(_plain(value))))


def _table(rows, columns, console, title) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, title=Text(title) if title else None, title_justify="left", pad_edge=False)
    width = console.width
    columns = [c for c in columns if not (c.drop_below and width < c.drop_below)]
    for c in columns:
        numeric = c.kind in ("money", "int")
        table.add_column(
            c.header,
            justify="right" if numeric else "left",
            no_wrap=numeric or c.name == "id",
            min_width=c.min_width,
            max_width=c.max_width,
            ratio=c.ratio,
            overflow="fold" if c.name == "id" else "ellipsis" if c.max_width else "fold",
        )
    for r in rows:
        table.add_row(*(table_cell(c.get(r), c.kind) for c in columns))
    console.print(table)
