"""The output formats: one registry for every command, listings and documents alike (as
Datasette's renderers are one registry). Plain data, imported by help texts at start-up; the
decision of a run's format is `output.choose_format`.
"""

from __future__ import annotations

from typing import NamedTuple


class OutputFormat(NamedTuple):  # (not a frozen dataclass: that costs 0.7 ms at every start)
    """A format a command can write (`--format NAME`), and the file names that ask for it (-o)."""

    name: str
    suffixes: tuple[str, ...] = ()


REGISTRY: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("table"),
        OutputFormat("text", (".txt",)),
        OutputFormat("markdown", (".md", ".markdown")),
        OutputFormat("html", (".html", ".htm")),
        OutputFormat("json", (".json",)),
        OutputFormat("jsonl", (".jsonl", ".ndjson")),
        OutputFormat("yaml", (".yaml", ".yml")),
        OutputFormat("csv", (".csv",)),
        OutputFormat("tsv", (".tsv", ".tab")),
        OutputFormat("ids"),
        OutputFormat("citation"),
    )
}
LISTING_FORMATS = ("table", "json", "jsonl", "csv", "tsv", "yaml", "ids", "markdown")
# Each command's formats, in the order its help and its errors list them. Documents (report,
# show) are in the same registry as listings: a report's csv is its project list.
COMMAND_FORMATS: dict[str, tuple[str, ...]] = {
    "list": LISTING_FORMATS,
    "search": LISTING_FORMATS,
    "stats": LISTING_FORMATS,
    "report": ("text", "table", "markdown", "html", "json", "yaml", "csv", "tsv", "jsonl", "ids"),
    "show": ("text", "json", "yaml", "citation"),
    "similar": LISTING_FORMATS,
}
DOCUMENT_COMMANDS = ("report", "show")  # the default is the document (text), on a terminal and piped
# Formats that write a report as one document; --fields chooses columns of the others.
DOCUMENT_FORMATS = ("text", "table", "markdown", "html", "json", "yaml")


def formats_help(command: str) -> str:
    """The formats a command accepts, as its help and its errors list them."""
    return ", ".join(COMMAND_FORMATS[command])
