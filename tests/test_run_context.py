"""Issue 21.3 (first part): one run context on the click context — terminal facts, NO_COLOR,
debug and the consoles — instead of a module global of consoles and isatty() asked everywhere.
A test gives its own context to see what a terminal sees, without a pseudo-terminal."""

from __future__ import annotations

from typer.testing import CliRunner

from servicekb.cli import app
from servicekb.cli.common import RunContext, current, err, out


def _run(*args: str, obj: RunContext | None = None):
    return CliRunner().invoke(app, list(args), obj=obj, env={"COLUMNS": "100"}, catch_exceptions=False)


def test_a_context_that_says_terminal_gets_the_terminal_table():
    piped = _run("list", "--region", "Dalarna")
    assert piped.stdout.startswith("id\t")  # CliRunner's stdout is no terminal: TSV
    terminal = _run("list", "--region", "Dalarna", obj=RunContext(stdout_terminal=True))
    assert "Projekt (id)" in terminal.stdout and "\t" not in terminal.stdout
    assert "\x1b[" in terminal.stdout  # a terminal gets styling
    plain = _run("list", "--region", "Dalarna", obj=RunContext(stdout_terminal=True, no_color=True))
    assert "Projekt (id)" in plain.stdout and "\x1b[" not in plain.stdout  # NO_COLOR: none at all


def test_a_terminal_context_makes_documents_terminal_documents():
    shown = _run("show", "ica", obj=RunContext(stdout_terminal=True))
    assert shown.exit_code == 0 and "\x1b[" in shown.stdout
    assert "\x1b[" not in _run("show", "ica").stdout  # piped: plain text


def test_consoles_are_made_once_per_run():
    run = RunContext(stdout_terminal=False)
    assert run.console(stderr=False) is run.console(stderr=False)
    assert run.console(stderr=True) is not run.console(stderr=False)
    assert RunContext().console(stderr=False) is not run.console(stderr=False)  # a new run, new consoles


def test_outside_a_run_the_context_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("SERVICEKB_DEBUG", "1")
    context = current()
    assert context.no_color and context.debug
    assert out() is not None and err() is not None


def test_help_is_put_in_words_when_printed_not_when_imported(monkeypatch):
    """A command's module imported in one language prints its help in the run's language
    (tests/conftest.py no longer imports every command in Swedish first to keep them apart)."""
    from servicekb.cli import load_command

    monkeypatch.setenv("SERVICEKB_LANG", "en")
    english = load_command("stats")  # imported (or not) in whatever language came first
    english_help = {p.name: p.help for p in english.params}
    monkeypatch.setenv("SERVICEKB_LANG", "sv")
    swedish = load_command("stats")
    assert swedish.help.startswith("Räkna projekt") and not english.help.startswith("Räkna")
    differ = [p.name for p in swedish.params if p.help and p.help != english_help[p.name]]
    assert {"theme", "region", "by", "data_dir"} <= set(differ)
    for lang, word in (("en", "Usage:"), ("sv", "Användning:")):
        result = CliRunner().invoke(app, ["stats", "--help"], env={"SERVICEKB_LANG": lang})
        assert result.stdout.startswith(word), result.stdout[:40]


def test_lang_holds_for_its_run_only_and_never_enters_the_environment(cli):
    """--lang chose the language by writing SERVICEKB_LANG into os.environ: every child process
    (git, for diff and report) and every later run in the same process inherited it."""
    import os
    import re

    english = cli("--lang", "en", "list", "--region", "Dalarna", "--format", "table").stdout
    assert re.match(r"\d+ projects\n", english), english[:40]
    assert os.environ["SERVICEKB_LANG"] == "sv"  # as conftest set it
    swedish = cli("list", "--region", "Dalarna", "--format", "table").stdout
    assert re.match(r"\d+ projekt\n", swedish), swedish[:40]
