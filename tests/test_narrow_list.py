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


def test_at_100_columns_the_county_outlasts_theme_and_status(narrow, cli):
    """Two ids of 64 letters set the project column's width (an id is never broken); at 100
    columns the table once left out Län and Tema and kept Status (new-user walk): the county is
    what a regional reader looks for, so theme and status go first."""
    ids = cli("list", "--format", "ids").stdout.split()
    out = narrow("list", columns=100).stdout
    header = next(line for line in out.splitlines() if line.startswith("Projekt (id)"))
    assert "Län" in header and "Belopp" in header
    if max(map(len, ids)) > 60:  # the bundled data's longest ids leave room for one column more
        assert "Tema" not in header
        assert "Utelämnade kolumner (för smalt fönster): Tema, Status" in out


def test_a_narrow_search_keeps_its_ranks_and_their_marks(narrow):
    """At 60 columns a search is a compact listing; its ranks stay, with ≈ on the projects like
    the answers (which matched none of the words), or the title's '4 matchar + 16 liknande'
    could not be told apart (new-user walk)."""
    import re

    out = narrow("search", "paketautomat", "--similar").stdout
    lines = out.splitlines()
    assert any(line.startswith("1. ") for line in lines)
    like = re.search(r"(\d+) projekt matchar \+ (\d+) liknande \(≈\)", out)
    marked = [line for line in lines if re.match(r"≈\d+\. ", line)]
    assert len(marked) == (int(like[2]) if like else 0)


def test_a_table_title_wraps_between_words_at_the_terminal_width(narrow):
    """similar's and stats' titles were left to the terminal, which cut them inside a word at 60
    columns (keepers' walk)."""
    out = narrow("similar", "utveckling-av-medskapandeprocesser-for-hallbar-service-i-sorsele", "--limit", "1").stdout
    lines = out.splitlines()
    title = lines[: next(i for i, line in enumerate(lines) if not line.strip() or line.startswith("#"))]
    assert len(title) > 1  # wrapped
    long_id = "utveckling-av-medskapandeprocesser-for-hallbar-service-i-sorsele"
    for line in title:
        assert len(line) <= 60 or long_id in line  # an id wider than the terminal stays whole
    words = " ".join(title).split()
    for word in ("Utveckling", "medskapandeprocesser", "hållbar", "service", "Sorsele"):
        assert word in words  # whole, on one line
