"""Issue 26, item 7: at 60 columns `list` is a compact listing — each title with its amount on
the first line, its id whole on a line of its own — not 81 seven-line blocks with ids split."""

from __future__ import annotations

import json

import pytest

from servicekb.money import format_sek, project_amount


@pytest.fixture
def narrow(cli, monkeypatch):
    monkeypatch.setattr("servicekb.cli.common.stdout_is_terminal", lambda: True)

    def run(*args, columns=60):
        monkeypatch.setenv("COLUMNS", str(columns))
        return cli(*args)

    return run


def test_a_narrow_list_is_title_and_amount_with_the_id_whole_beneath(cli, narrow):
    projects = json.loads(cli("list", "--format", "json").stdout)
    result = narrow("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    stripped = [line.strip() for line in lines]
    for p in projects:
        at = stripped.index(p["id"])  # the id whole, on a line of its own
        assert len(p["id"]) > 58 or lines[at].startswith("  ")
        # the title's first line (a few lines up) ends in the project's amount
        first = next(i for i in range(at - 1, -1, -1) if lines[i].rstrip().endswith(("kr", "–", "(budget)")))
        amount = format_sek(project_amount(p)) + (" (budget)" if p["funding"]["total_cost_sek"] is None else "")
        assert lines[first].rstrip().endswith(amount.replace("– (budget)", "–")), p["id"]
        assert p["title"].split()[0] in lines[first]
    assert all(len(line) <= 60 for line in lines if line.strip() not in {p["id"] for p in projects})
    assert len(lines) < 3.5 * len(projects)  # was 7 lines a project
    assert "Projekt (id):" not in result.stdout


def test_a_wide_terminal_keeps_the_table(narrow):
    out = narrow("list", columns=160).stdout
    assert "Projekt (id)" in out and "Tema" in out
