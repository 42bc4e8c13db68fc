"""One format decision per run (issue 21, item 1): every command × every format × a terminal, a
pipe and -o FILE, through the CLI. The terminal is faked through the hook the CLI itself asks
(`servicekb.cli.common.stdout_is_terminal`)."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from servicekb.formats import COMMAND_FORMATS, REGISTRY

ARGS = {
    "list": ["list", "--region", "Dalarna"],
    "search": ["search", "paketombud"],
    "stats": ["stats", "--by", "theme"],
    "report": ["report", "--region", "Dalarna"],
    "show": ["show", "servicepunkt-2-0-i-hoga-kusten"],
    "similar": ["similar", "servicepunkt-2-0-i-hoga-kusten"],
}
CASES = [(command, fmt) for command, formats in COMMAND_FORMATS.items() for fmt in formats]


@pytest.fixture
def terminal(monkeypatch):
    def set_terminal(on: bool) -> None:
        monkeypatch.setattr("servicekb.cli.common.stdout_is_terminal", lambda: on)

    return set_terminal


def looks_like(fmt: str, text: str, command: str) -> None:
    """The output is what the format promises (parsed where a parser exists)."""
    assert text.strip(), fmt
    if fmt == "json":
        json.loads(text)
    elif fmt == "jsonl":
        for line in text.splitlines():
            json.loads(line)
    elif fmt == "yaml":
        assert yaml.safe_load(text) is not None
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 1 and len({len(r) for r in rows}) == 1
        assert " | " not in rows[0][0]  # machine names, never a terminal table's headers
    elif fmt == "tsv":
        lines = text.splitlines()
        assert "\t" in lines[0] and len({line.count("\t") for line in lines}) == 1
    elif fmt == "ids":
        assert all(" " not in line and "\t" not in line for line in text.splitlines())
    elif fmt == "markdown":
        assert "|" in text or text.startswith("#")
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
    elif fmt == "citation":
        assert "Tillväxtverket" in text
    elif fmt in ("table", "text"):
        assert not text.lstrip().startswith(("{", "[", "<"))


@pytest.mark.parametrize(("command", "fmt"), CASES)
@pytest.mark.parametrize("where", ["terminal", "pipe"])
def test_every_format_on_a_terminal_and_in_a_pipe(cli, terminal, command, fmt, where):
    terminal(where == "terminal")
    result = cli(*ARGS[command], "--format", fmt)
    assert result.exit_code == 0, result.output
    looks_like(fmt, result.stdout, command)


@pytest.mark.parametrize("fmt", COMMAND_FORMATS["report"])
def test_every_report_format_to_a_file(cli, terminal, tmp_path, fmt):
    """-o writes whatever the report can be written as; the name asks when --format does not."""
    terminal(True)  # a file is never a terminal, even when run from one
    target = tmp_path / "by-format"
    result = cli(*ARGS["report"], "--format", fmt, "-o", target)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = target.read_text(encoding="utf-8")
    looks_like(fmt, text, "report")
    assert "\x1b[" not in text
    suffixes = REGISTRY[fmt].suffixes
    if suffixes and fmt != "table":
        named = tmp_path / f"named{suffixes[0]}"
        assert cli(*ARGS["report"], "-o", named).exit_code == 0
        assert named.read_text(encoding="utf-8") == text


def test_a_txt_file_gets_the_text_report(cli, tmp_path):
    target = tmp_path / "nb.txt"
    result = cli("report", "--region", "Norrbotten", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == cli("report", "--region", "Norrbotten").stdout


def test_a_name_that_tells_no_format_lists_the_names_that_do(cli, tmp_path):
    result = cli("report", "--region", "Dalarna", "-o", tmp_path / "rapport.docx")
    assert result.exit_code == 2
    assert "'.txt'" not in result.stderr and ".txt" in result.stderr and ".html" in result.stderr


@pytest.mark.parametrize("command", list(COMMAND_FORMATS))
def test_an_unknown_format_lists_exactly_what_the_command_accepts(cli, command):
    result = cli(*ARGS[command], "--format", "docx")
    assert result.exit_code == 2
    listed = result.stderr.rsplit(":", 1)[-1].strip().rstrip(".")
    assert listed.split(", ") == list(COMMAND_FORMATS[command])


@pytest.mark.parametrize("command", ["list", "search", "stats", "report"])
@pytest.mark.parametrize("where", ["terminal", "pipe"])
def test_excel_is_a_semicolon_csv_of_the_machine_columns(cli, terminal, command, where):
    """`list --excel` on a terminal wrote the terminal table's columns ('Title | id'); `search
    --excel` piped wrote TSV."""
    terminal(where == "terminal")
    result = cli(*ARGS[command], "--excel")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("\ufeff")
    header = next(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert "\t" not in text and " | " not in header[0]
    assert header[0] in ("id", "value", "rank")


@pytest.mark.parametrize("command", ["list", "search", "stats", "report"])
def test_excel_with_another_format_is_refused_by_every_command(cli, command):
    result = cli(*ARGS[command], "--excel", "--format", "tsv")
    assert result.exit_code == 2
    assert "--excel" in result.stderr


def test_the_report_renders_exactly_its_registered_formats():
    from servicekb.cli.report import RENDERERS

    assert set(RENDERERS) == set(COMMAND_FORMATS["report"])


@pytest.mark.parametrize("command", list(COMMAND_FORMATS))
def test_help_lists_the_same_formats(cli, command):
    text = " ".join(cli(command, "--help").stdout.split())
    assert ", ".join(COMMAND_FORMATS[command]) in text
