"""The output layer: one writer per format, one document dumper, one table.

- `render(listing, fmt, …)` writes rows of a listing (list, search, stats, a report's project
  list) in a format, through the registry `WRITERS` (as Datasette's renderers are a registry):
  adding a format is adding one entry.
- `dump_document(doc, fmt, stream)` writes a JSON/YAML document (report, show, search with
  facets), with one set of settings for every command.

Data strings are never interpreted: rich tables get `Text` objects (no markup), and control
characters are shown as escapes. Machine formats carry whole numbers and the model's names.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Optional

from .errors import UsageError
from .money import format_sek
from .text import has_invisible, json_visible, visible

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "yaml", "ids", "markdown")
DOCUMENT_FORMATS = ("json", "yaml")
WIDE = 110  # terminals at least this wide get the optional columns (theme, public support, owner)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # and full-width ＝ ＋ － ＠


@dataclass(frozen=True)
class Column:
    """A column of a listing: `name` is what --fields uses, `get` reads it from a row."""

    name: str
    header: str
    get: Callable[[Any], Any]
    kind: str = "text"  # text | money | int | list | title_id
    min_width: Optional[int] = None
    max_width: Optional[int] = None
    ratio: Optional[int] = None
    drop_below: Optional[int] = None  # tables leave the column out on terminals narrower than this


@dataclass
class Listing:
    """What a listing command hands the output layer.

    `rows` are whatever the columns read (records, typed rows); `documents` are the full
    objects for json/jsonl/yaml when no --fields were chosen; `id_of` gives a row's id.
    """

    rows: Sequence[Any]
    columns: Sequence[Column]
    documents: Optional[Sequence[Any]] = None
    title: Optional[str] = None
    fields_chosen: bool = False
    excel: bool = False
    id_of: Callable[[Any], str] = field(default=lambda r: r["id"])

    def objects(self) -> list:
        if self.documents is not None and not self.fields_chosen:
            return list(self.documents)
        return [{c.name: c.get(r) for c in self.columns} for r in self.rows]


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


def choose_format(fmt: Optional[str], stdout_is_terminal: bool, allowed: Sequence[str] = FORMATS) -> str:
    """The default is a table on a terminal and TSV when piped (as gh does)."""
    if fmt is None:
        return "table" if stdout_is_terminal else "tsv"
    value = fmt.strip().lower()
    if value not in allowed:
        from .text import did_you_mean, suggest

        raise UsageError(f"unknown format {fmt!r}.{did_you_mean(suggest(value, allowed))} Formats: {', '.join(allowed)}.")
    return value


# --- documents --------------------------------------------------------------------------


def dump_document(doc: Any, fmt: str, stream: IO[str]) -> None:
    """A JSON or YAML document (report, show, search with facets): one setting for all."""
    if fmt == "json":  # json_visible: C1 and invisible format characters as \u escapes
        stream.write(json_visible(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n")
    elif fmt == "jsonl":
        for item in doc if isinstance(doc, list) else [doc]:
            stream.write(json_visible(json.dumps(item, ensure_ascii=False)) + "\n")
    elif fmt == "yaml":
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text = yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
        if has_invisible(text):  # YAML keeps bidi controls raw: escape all non-ASCII instead (same data)
            text = yaml.dump(doc, Dumper=dumper, allow_unicode=False, sort_keys=False, width=100)
        stream.write(text)
    else:
        raise UsageError(f"a document cannot be written as {fmt!r}; use json or yaml")


# --- writers ------------------------------------------------------------------------------


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


def _write_json(listing: Listing, stream: IO[str], console: Any) -> None:
    dump_document(listing.objects(), "json", stream)


def _write_jsonl(listing: Listing, stream: IO[str], console: Any) -> None:
    dump_document(listing.objects(), "jsonl", stream)


def _write_yaml(listing: Listing, stream: IO[str], console: Any) -> None:
    dump_document(listing.objects(), "yaml", stream)


def _write_ids(listing: Listing, stream: IO[str], console: Any) -> None:
    for r in listing.rows:
        stream.write(f"{visible(str(listing.id_of(r)), one_line=True)}\n")


def _write_csv(listing: Listing, stream: IO[str], console: Any) -> None:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if listing.excel else ",", lineterminator="\r\n")
    writer.writerow([c.name for c in listing.columns])
    for r in listing.rows:
        writer.writerow([_neutralise(visible(_plain(c.get(r)))) for c in listing.columns])
    stream.write(("\ufeff" if listing.excel else "") + buf.getvalue())


def _write_tsv(listing: Listing, stream: IO[str], console: Any) -> None:
    stream.write("\t".join(c.name for c in listing.columns) + "\n")
    for r in listing.rows:
        stream.write("\t".join(visible(_one_line(_plain(c.get(r)))) for c in listing.columns) + "\n")


def _write_markdown(listing: Listing, stream: IO[str], console: Any) -> None:
    stream.write(markdown_table(listing.rows, listing.columns))


def _write_table(listing: Listing, stream: IO[str], console: Any) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    title = listing.title
    table = Table(box=box.SIMPLE_HEAD, title=Text(title) if title else None, title_justify="left", pad_edge=False)
    width = console.width
    columns = [c for c in listing.columns if not (c.drop_below and width < c.drop_below)]
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
    for r in listing.rows:
        table.add_row(*(table_cell(c.get(r), c.kind) for c in columns))
    console.print(table)


Writer = Callable[[Listing, IO[str], Any], None]
WRITERS: dict[str, Writer] = {
    "table": _write_table,
    "json": _write_json,
    "jsonl": _write_jsonl,
    "yaml": _write_yaml,
    "ids": _write_ids,
    "csv": _write_csv,
    "tsv": _write_tsv,
    "markdown": _write_markdown,
}


def render(listing: Listing, fmt: str, *, console: Any = None, stream: Optional[IO[str]] = None) -> None:
    """Write a listing in a format (`console` is the rich console, needed for tables only)."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise UsageError(f"unknown format {fmt!r}. Formats: {', '.join(WRITERS)}.")
    writer(listing, stream or sys.stdout, console)


def markdown_table(rows: Sequence[Any], columns: Sequence[Column]) -> str:
    def cell(c: Column, r) -> str:
        v = c.get(r)
        s = format_sek(v) if c.kind == "money" else _plain(v)
        return md_escape(s)

    lines = ["| " + " | ".join(c.header for c in columns) + " |"]
    lines.append("|" + "|".join("---:" if c.kind in ("money", "int") else "---" for c in columns) + "|")
    lines += ["| " + " | ".join(cell(c, r) for c in columns) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def md_escape(text: str) -> str:
    """Data text as one Markdown table cell or line: no control characters, no table breaks."""
    return visible(" ".join(str(text).split())).replace("\\", "\\\\").replace("|", "\\|")


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
