"""Every way a run can end: one error format, documented exit codes, pipes, global options."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import BUNDLED, DATA, run_servicekb

USAGE_ERRORS = [  # in Swedish, as the tests pin it; tests/test_language.py runs them in both languages
    (["list", "--min-cost", "abc"], "servicekb: error: --min-cost tar hela kronor"),
    (
        ["search", "x", "--limit", "abc"],
        "servicekb: error: ogiltigt värde för '--limit' / '-n': 'abc' är inte ett giltigt heltal",
    ),
    (["list", "--limit", "3"], "servicekb: error: okänd flagga: --limit (se `servicekb list -h`)"),
    (["help"], "servicekb: error: det finns inget kommando 'help'; skriv `servicekb --help`"),
    (["lsit"], "servicekb: error: okänt kommando 'lsit'. Menade du 'list'?"),
    (["stats", "--by"], "servicekb: error: flaggan '--by' behöver ett värde"),
    (["show"], "servicekb: error: ange ett projekt-id"),
]


@pytest.mark.parametrize(("args", "start"), USAGE_ERRORS, ids=[" ".join(a) for a, _ in USAGE_ERRORS])
def test_usage_errors_are_one_line(cli, args, start):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.output.startswith(start), result.output
    assert result.output.count("\n") == 1, result.output


@pytest.mark.parametrize(
    "args", [["list"], ["list", "--format", "table"], ["search", "service"], ["report", "-r", "Dalarna"]]
)
def test_a_closed_pipe_is_success(args):
    """`servicekb list | head -1` under pipefail: the reader left early, nothing went wrong."""
    proc = subprocess.run(
        f'"{sys.executable}" -m servicekb {" ".join(args)} | head -1 >/dev/null; echo "${{PIPESTATUS[0]}}"',
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"},
    )
    assert proc.stdout.strip() == "0", proc.stderr
    assert proc.stderr == ""


def test_global_options_before_the_command(cli, tmp_path, valid_text):
    (tmp_path / "projects").mkdir()
    (tmp_path / "projects" / "valid-project.yaml").write_text(valid_text, encoding="utf-8")
    assert cli("--data-dir", tmp_path, "list", "--format", "ids").stdout == "valid-project\n"
    assert (
        cli("--data-dir", tmp_path, "--no-cache", "search", "testprojekt", "--format", "ids").stdout
        == "valid-project\n"
    )
    # The command's own option wins over the global one.
    assert len(cli("--data-dir", tmp_path, "list", "--data-dir", DATA, "--format", "ids").stdout.split()) == BUNDLED


def test_unexpected_errors_are_one_line_without_traceback(monkeypatch, cli):
    from servicekb import kb

    def boom(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(kb.KnowledgeBase, "select", boom)
    result = cli("list")
    assert result.exit_code == 2
    assert (
        result.output
        == "servicekb: error: oväntat fel, RuntimeError: simulated bug (sätt SERVICEKB_DEBUG=1 för att se var det uppstod)\n"
    )
    result = cli("list", env={"SERVICEKB_LANG": "en"})
    assert (
        result.output
        == "servicekb: error: unexpected RuntimeError: simulated bug (set SERVICEKB_DEBUG=1 for a traceback)\n"
    )


def test_module_run_names_itself_servicekb():
    proc = run_servicekb("list", "--bogus")
    assert "`servicekb list -h`" in proc.stderr and "python" not in proc.stderr


def test_an_excluded_word_read_as_flags_says_how_to_write_it(cli):
    """`search paket -ombud`: click reads -ombud as the short flags -o -m …; the error says how to
    exclude the word (new-user walk), and the way it shows works."""
    result = cli("--lang", "en", "search", "paket", "-ombud")
    assert result.exit_code == 2
    assert "'-ombud' was read as a flag" in result.stderr
    assert "servicekb search --format ids -- paket -ombud" in result.stderr
    shown = cli("search", "--format", "ids", "--", "paket", "-ombud")
    assert shown.exit_code == 0 and shown.stdout.split()
    everything = cli("search", "--format", "ids", "paket").stdout.split()
    assert set(shown.stdout.split()) < set(everything)  # the word excluded some
