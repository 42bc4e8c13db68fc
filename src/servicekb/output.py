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
import re
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any, NamedTuple, Optional

from .errors import UsageError
from .formats import COMMAND_FORMATS, DOCUMENT_COMMANDS, DOCUMENT_FORMATS, LISTING_FORMATS, REGISTRY
from .messages import t
from .money import format_sek
from .text import has_invisible, json_visible, visible

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # and full-width ＝ ＋ － ＠


class Column(NamedTuple):
    """A column of a listing: `name` is what --fields uses, `get` reads it from a row."""

    name: str
    header: str
    get: Callable[[Any], Any]
    kind: str = "text"  # text | money | int | list | title_id
    min_width: Optional[int] = None
    max_width: Optional[int] = None
    ratio: Optional[int] = None
    drop_priority: Optional[int] = None  # tables may leave it out when too narrow: lower goes first; None never


class Listing(NamedTuple):
    """What a listing command hands the output layer.

    `rows` are whatever the columns read (records, typed rows); `document` turns a row into
    its full object for json/jsonl/yaml when no --fields were chosen (only those formats call
    it: `--format ids` over 100,000 projects copies nothing); `id_of` gives a row's id.
    """

    rows: Sequence[Any]
    columns: Sequence[Column]
    document: Optional[Callable[[Any], Any]] = None
    title: Optional[str] = None
    fields_chosen: bool = False
    excel: bool = False
    id_of: Callable[[Any], str] = lambda r: r["id"]

    def objects(self) -> list:
        if self.document is not None and not self.fields_chosen:
            return [self.document(r) for r in self.rows]
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
            from .text import hint_for

            hint = hint_for(name, available, cutoff=0.5)
            raise UsageError(t("err.unknown_field", name=repr(name), hint=hint, fields=", ".join(available)))
        out.append(available[name])
    if not out:
        raise UsageError(t("err.fields_empty"))
    return out


# --- formats: one registry, one decision per run ------------------------------------------


FORMATS = LISTING_FORMATS  # (the name other modules know)


def choose_format(
    fmt: Optional[str],
    stdout_is_terminal: bool,
    allowed: Sequence[str] = LISTING_FORMATS,
    *,
    excel: bool = False,
    output: Any = None,
    fields: Optional[str] = None,
    document: bool = False,
) -> str:
    """THE format decision of a run, made once: --format, else --excel (csv), else the name of
    -o FILE, else the default: for a listing a table on a terminal and TSV when piped (as gh
    does), for a document (report, show) the document as text. An option that would be ignored
    is an error, and every error lists exactly the formats this command accepts."""
    from .text import hint_for

    if fmt is not None:
        value = fmt.strip().lower()
        if value not in allowed:
            raise UsageError(
                t(
                    "err.unknown_format",
                    fmt=repr(fmt),
                    hint=hint_for(value, allowed),
                    formats=", ".join(allowed),
                )
            )
    elif excel:
        value = "csv"
    elif output is not None:
        value = format_for_path(output, allowed)
    elif document:
        value = "text"
    else:
        value = "table" if stdout_is_terminal else "tsv"
    if excel and value != "csv":
        raise UsageError(t("err.excel_needs_csv", fmt=value))
    if fields and document and value in DOCUMENT_FORMATS:
        raise UsageError(t("err.fields_in_document"))
    return value


def command_format(command: str, fmt: Optional[str], stdout_is_terminal: bool, **choices: Any) -> str:
    """`choose_format` for one command, with its formats from `COMMAND_FORMATS`."""
    return choose_format(
        fmt, stdout_is_terminal, COMMAND_FORMATS[command], document=command in DOCUMENT_COMMANDS, **choices
    )


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
        raise UsageError(t("err.document_format", fmt=repr(fmt)))


# --- files ------------------------------------------------------------------------------


def format_for_path(path: Any, allowed: Sequence[str] = LISTING_FORMATS) -> str:
    """The format a file name asks for, among a command's formats (-o dalarna.html → html)."""
    from pathlib import Path

    suffix = Path(path).suffix.lower()
    for name in allowed:
        if suffix and suffix in REGISTRY[name].suffixes:
            return name
    suffixes = [s for name in allowed for s in REGISTRY[name].suffixes]
    raise UsageError(
        t(
            "err.format_from_name",
            path=repr(str(path)),
            formats=", ".join(n for n in allowed if REGISTRY[n].suffixes),
            suffixes=", ".join(suffixes),
        )
    )


def refuse_overwrite(path: Any, force: bool, data_root: Any = None) -> None:
    """Fail early, before any work: -o naming an existing file without --force; anything but a
    regular file (a FIFO would block for ever, a device or folder is not a document) even with
    it; and a file inside the knowledge base being read (see `refuse_inside_kb`)."""
    import os
    import stat

    if data_root is not None:
        refuse_inside_kb(path, data_root)
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise UsageError(t("err.output_not_regular", path=repr(str(path))))
    if not force and os.path.lexists(path):
        raise _exists(path)


def refuse_inside_kb(path: Any, data_root: Any) -> None:
    """The tool never writes where it reads: projects/ and reference/ of the knowledge base
    (a report saved over a project file, a metadata file the next run reads as a project)."""
    from pathlib import Path

    target = Path(path).expanduser().resolve()
    root = Path(data_root).resolve()
    for folder in (root / "projects", root / "reference"):
        if target == folder or folder in target.parents:
            raise UsageError(t("err.output_in_kb", path=repr(str(path)), folder=str(folder)))


def _exists(path: Any) -> UsageError:
    return UsageError(t("err.file_exists", path=repr(str(path))))


def write_file(path: Any, text: str, force: bool) -> None:
    """Write a document to a file (UTF-8), atomically (atomic.py): a full disk leaves the old
    file. Without `force` an existing file is never replaced, not even one created since
    `refuse_overwrite` looked."""
    from pathlib import Path

    from .atomic import atomic_path

    try:
        with atomic_path(Path(path), replace=force) as tmp:
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    except FileExistsError:
        raise _exists(path) from None
    except OSError as exc:
        raise UsageError(t("err.cannot_write", path=repr(str(path)), reason=exc.strerror or exc)) from None


# --- writers ------------------------------------------------------------------------------


LIST_SEPARATOR = " | "  # lists in one CSV/TSV cell: lessons contain commas, never ' | '


def _plain(value: Any, sep: str = ", ") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # one spelling in every format, JSON's (not Python's True)
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return sep.join(_plain(v) for v in value)
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
        writer.writerow([_neutralise(visible(_plain(c.get(r), LIST_SEPARATOR))) for c in listing.columns])
    stream.write(("\ufeff" if listing.excel else "") + buf.getvalue())


def _write_tsv(listing: Listing, stream: IO[str], console: Any) -> None:
    stream.write("\t".join(c.name for c in listing.columns) + "\n")
    for r in listing.rows:
        stream.write("\t".join(visible(_one_line(_plain(c.get(r), LIST_SEPARATOR))) for c in listing.columns) + "\n")


def _write_markdown(listing: Listing, stream: IO[str], console: Any) -> None:
    stream.write(markdown_table(listing.rows, listing.columns))


def _write_table(listing: Listing, stream: IO[str], console: Any) -> None:
    from rich import box

    columns = list(listing.columns)
    cells = [[table_cell(c.get(r), c.kind) for c in columns] for r in listing.rows]
    specs = [
        FitColumn(
            c.header,
            no_wrap=c.kind in NUMERIC or c.name == "id",
            priority=c.drop_priority,
            justify="right" if c.kind in NUMERIC else "left",
            ratio=c.ratio,
            max_width=c.max_width,
            compact=_COMPACT_ROLES.get(c.kind) or ("rank" if c.name == "rank" else None),
        )
        for c in columns
    ]
    if listing.title:
        print_words(console, listing.title)
    print_fitted(console, specs, cells, box=box.SIMPLE_HEAD)


NUMERIC = ("money", "int", "cost")
_COMPACT_ROLES = {"title_id": "title", "cost": "amount"}  # (see FitColumn.compact)


class FitColumn(NamedTuple):
    """How a table column may be fitted to a terminal (see `print_fitted`)."""

    header: str
    no_wrap: bool = False  # numbers and ids: shown whole on one line, or not at all
    priority: Optional[int] = None  # None: never left out; otherwise lower numbers go first
    justify: str = "left"
    ratio: Optional[int] = None
    max_width: Optional[int] = None
    # Too narrow for a table: the column that a compact listing shows as the line ('title': a
    # title with its id beneath), the one at its right end ('amount') and the one before the
    # title ('rank': a search's rank, with its ≈ mark for a project like the answers).
    compact: Optional[str] = None


def _longest_word(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(w) for w in text.split()), default=0)


def _min_width(spec: FitColumn, column_cells: list) -> int:
    """The narrowest this column can be without cutting anything: whole lines for numbers and
    ids, whole words for prose (and the header's longest word)."""
    from rich.cells import cell_len

    widest = _longest_word(spec.header)
    for cell in column_cells:
        lines = cell.plain.split("\n")
        widest = max(widest, *(cell_len(line) if spec.no_wrap else _longest_word(line) for line in lines))
    return max(widest, 1)


def fit_columns(
    specs: Sequence[FitColumn], cells: Sequence[Sequence[Any]], width: int, gap: int = 2
) -> Optional[list[int]]:
    """Which columns to show so that no number, id or word is ever cut: leave out the lowest
    priority columns until the rest fit; None when even the essential ones do not fit."""
    mins = [_min_width(spec, [row[i] for row in cells]) for i, spec in enumerate(specs)]
    kept = list(range(len(specs)))
    while True:
        needed = sum(mins[i] for i in kept) + gap * (len(kept) - 1)  # padding (and a box's divider) between columns
        if needed <= width:
            return kept
        droppable = [i for i in kept if specs[i].priority is not None]
        if not droppable:
            return None
        kept.remove(min(droppable, key=lambda i: (specs[i].priority, -i)))


def _widths(specs: Sequence[FitColumn], cells: Sequence[Sequence[Any]], width: int, gap: int) -> list[int]:
    """Column widths: each at least its minimum; spare room goes to prose columns up to their
    natural width, the flexible (ratio) column first."""
    from rich.cells import cell_len

    mins = [_min_width(spec, [row[i] for row in cells]) for i, spec in enumerate(specs)]
    natural = []
    for i, spec in enumerate(specs):
        longest = max([cell_len(spec.header)] + [cell_len(line) for row in cells for line in row[i].plain.split("\n")])
        natural.append(max(mins[i], min(longest, spec.max_width) if spec.max_width else longest))
    widths = list(mins)
    spare = width - sum(widths) - gap * (len(widths) - 1)
    for i in sorted(range(len(specs)), key=lambda i: (specs[i].ratio is None, i)):
        grow = max(0, min(spare, natural[i] - widths[i]))
        widths[i] += grow
        spare -= grow
    return widths


def print_fitted(
    console: Any, specs: Sequence[FitColumn], cells: Sequence[Sequence[Any]], box: Any = None, title: Any = None
) -> list[str]:
    """Print a table that never cuts a number, an id or a word: it leaves out optional columns
    (and says so in one dim line), or, when even the essential ones do not fit, prints each row
    as a block of 'header: value' lines. Returns the headers left out."""
    from rich.table import Table
    from rich.text import Text

    gap = 2 if box is None else 3  # a box (even SIMPLE_HEAD) puts a divider between the paddings
    kept = fit_columns(specs, cells, console.width, gap)
    roles = {spec.compact: i for i, spec in enumerate(specs) if spec.compact}
    if kept is None and {"title", "amount"} <= set(roles):  # too narrow: title and amount, the id beneath
        if title is not None:
            console.print(title)
        ranks = [row[roles["rank"]].plain for row in cells] if "rank" in roles else None
        print_compact(console, [[row[roles["title"]], row[roles["amount"]]] for row in cells], ranks)
        left_out = [spec.header for spec in specs if not spec.compact and spec.header]
        if left_out:
            console.print(Text(t("note.columns_left_out", columns=", ".join(left_out)), style="dim"))
        return left_out
    if kept is None:  # too narrow for a table: one block per row
        if title is not None:
            console.print(title)
        for row in cells:
            console.print()
            for spec, cell in zip(specs, row):
                for n, part in enumerate(cell.split("\n")):  # continuation lines (an id, a snippet) indented
                    line = (Text(spec.header + ": ", style="bold") if n == 0 else Text("  ")) + part
                    # Prose wraps at spaces; an id or a number is never broken (the terminal may wrap it whole).
                    console.print(line, soft_wrap=" " not in part.plain.strip())
        return []
    widths = _widths([specs[i] for i in kept], [[row[i] for i in kept] for row in cells], console.width, gap)
    table = Table(box=box, title=title, title_justify="left", pad_edge=False, header_style="bold", show_edge=False)
    for i, width in zip(kept, widths):  # every width decided here: rich never has to squeeze (or cut) a column
        spec = specs[i]
        # No column is no_wrap: each is at least as wide as its widest number or id, so those never
        # wrap, while a header may wrap between its words ("Utan / belopp").
        table.add_column(spec.header, justify=spec.justify, width=width, overflow="fold")  # type: ignore[arg-type]
    for row in cells:
        table.add_row(*(row[i] for i in kept))
    console.print(table)
    left_out = [specs[i].header for i in range(len(specs)) if i not in kept and specs[i].header]
    if left_out:
        console.print(Text(t("note.columns_left_out", columns=", ".join(left_out)), style="dim"))
    return left_out


def print_words(console: Any, text: str, style: str = "") -> None:
    """A line of prose on a terminal, wrapped between words at its width (left to the terminal,
    a long title was cut inside a word); a word wider than the terminal (an id) stays whole."""
    import textwrap

    from rich.text import Text

    width = max(console.width, 20)
    for line in textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [""]:
        console.print(Text(line, style=style), soft_wrap=True)


def print_compact(console: Any, rows: Sequence[Sequence[Any]], ranks: Optional[Sequence[str]] = None) -> None:
    """A listing for a narrow terminal: each title wrapped at its words with the amount at the
    right of its first line, the id on a line of its own beneath (never broken inside: it is
    one word, printed whole and left to the terminal only when wider than the screen). With
    `ranks`, each title starts with its rank ('3.', '≈5.' for a project like the answers)."""
    import textwrap

    from rich.cells import cell_len
    from rich.text import Text

    width = max(console.width, 20)
    amounts = [" ".join(cell.plain.split("\n")) for _, cell in rows]
    room = max((cell_len(a) for a in amounts), default=0)
    for n, ((project, _), amount) in enumerate(zip(rows, amounts)):
        title, ident, *_ = project.plain.split("\n") + [""]
        if ranks is not None:
            title = f"{ranks[n]}. {title}"
        lines = textwrap.wrap(title, width=max(width - room - 2, 12), break_long_words=False, break_on_hyphens=False)
        lines = lines or [""]
        first = Text(lines[0], style="bold")
        first.append(" " * max(1, width - cell_len(lines[0]) - cell_len(amount)))
        first.append(amount, style="dim" if amount in ("–", "") else "")
        console.print(first, soft_wrap=True)
        for line in lines[1:]:
            console.print(Text(line, style="bold"), soft_wrap=True)
        indent = "  " if cell_len(ident) + 2 <= width else ""
        console.print(Text(indent + ident, style="dim"), soft_wrap=True)


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
        raise UsageError(t("err.unknown_format", fmt=repr(fmt), hint="", formats=", ".join(WRITERS)))
    writer(listing, stream or sys.stdout, console)


def markdown_table(rows: Sequence[Any], columns: Sequence[Column]) -> str:
    def cell(c: Column, r) -> str:
        v = c.get(r)
        if c.kind == "cost":
            s = format_sek(v[0]) + (" " + t("cost.budget_mark") if v[1] == "budget" else "")
        else:
            s = format_sek(v) if c.kind == "money" else _plain(v)
        return md_escape(s)

    lines = ["| " + " | ".join(c.header for c in columns) + " |"]
    lines.append("|" + "|".join("---:" if c.kind in ("money", "int", "cost") else "---" for c in columns) + "|")
    lines += ["| " + " | ".join(cell(c, r) for c in columns) + " |" for r in rows]
    return "\n".join(lines) + "\n"


_AMOUNT = r"\d{1,3}(?: \d{3})* kr"  # patterns compiled on first use (by re's own cache)


def unbreakable_amounts(text: str) -> str:
    """'32 037 624 kr' with no-break spaces, so that wrapped prose on a terminal never splits
    an amount across lines (Swedish typography sets thousands apart with a no-break space)."""
    return re.sub(_AMOUNT, lambda m: m.group().replace(" ", "\u00a0"), text)


# What CommonMark reads as markup inside a line (raw HTML, emphasis, links, code, entities,
# table cells), and what it reads as a block at the start of one (headings, lists, quotes).
_MD_INLINE = r"([\\`*_\[\]<>|~&])"
_MD_LINE_START = r"^(\d+)([.)])|^([#+=-])"


def md_escape(text: str) -> str:
    """Data text as one Markdown table cell or line, shown as written: control characters
    visible, and every character CommonMark would read as markup (a `<script>`, `*emphasis*`,
    a link, a table break, a heading or list at the start) escaped with a backslash."""
    escaped = re.sub(_MD_INLINE, r"\\\1", visible(" ".join(str(text).split())))
    return re.sub(_MD_LINE_START, lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def table_cell(value: Any, kind: str):
    """A value as a rich Text (never markup)."""
    from rich.text import Text

    if kind == "money":
        return Text(format_sek(value), style="dim" if value is None else "")
    if kind == "cost":  # (amount, 'total_cost' | 'budget' | None): a budget says so
        amount, which = value
        # "(budget)" on a line of its own: the column stays as narrow as the amount
        mark = "\n" + t("cost.budget_mark") if which == "budget" else ""
        return Text(format_sek(amount) + mark, style="dim" if amount is None else "")
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
