"""Data text that would be markup or terminal control somewhere else (issue 20): a title with
`<script>`, emphasis, a link, ESC, RLO, BEL and NUL, and a summary that looks like a formula
(tests/fixtures/hostile/text-project.yaml). Each output shows it as written, and none runs it."""

from __future__ import annotations

import csv
import sqlite3

import pytest
from conftest import FIXTURES

PROJECT = FIXTURES / "hostile" / "text-project.yaml"
RAW = ("\x1b", "\x07", "\x00", "\u202e")  # what must never reach a terminal, a cell or a shell raw


@pytest.fixture
def hostile_kb(tmp_path):
    kb = tmp_path / "kb"
    (kb / "projects").mkdir(parents=True)
    (kb / "projects" / "text-project.yaml").write_text(PROJECT.read_text(encoding="utf-8"), encoding="utf-8")
    return kb


def test_the_fixture_is_a_valid_project(cli, hostile_kb):
    assert cli("validate", "--data-dir", hostile_kb).exit_code == 0


def test_markdown_report_renders_data_as_text_in_a_commonmark_renderer(cli, hostile_kb):
    """markdown-it (CommonMark, the renderer of most wikis and site generators) is rich's own."""
    from markdown_it import MarkdownIt

    source = cli("report", "--format", "markdown", "--data-dir", hostile_kb).stdout
    html = MarkdownIt("commonmark").enable("table").render(source)
    for markup in ("<script", "<img", "<em>fet", "<a href", "<strong>bold"):
        assert markup not in html, markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *fet* _x_ [l](http://e)" in html  # shown as written
    assert not any(c in source for c in RAW)


def test_citation_shows_control_characters_as_escapes(cli, hostile_kb):
    out = cli("show", "text-project", "--format", "citation", "--data-dir", hostile_kb).stdout
    assert not any(c in out for c in RAW)
    assert "\\x1b[31mRÖD\\u202e\\x07 \\x00slut" in out and out.count("\n") == 1


def test_csv_and_sqlite_exports_hold_no_raw_control_characters(cli, hostile_kb, tmp_path):
    assert cli("export", "csv", tmp_path / "csv", "--data-dir", hostile_kb).exit_code == 0
    for f in (tmp_path / "csv").iterdir():
        assert not any(c in f.read_text(encoding="utf-8") for c in RAW), f.name
    with open(tmp_path / "csv" / "projects.csv", encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["title"].endswith("\\x1b[31mRÖD\\u202e\\x07 \\x00slut")  # as `list` shows it
    assert row["summary"].startswith("'=HYPERLINK")  # the CSV formula guard
    assert cli("export", "sqlite", tmp_path / "kb.db", "--data-dir", hostile_kb).exit_code == 0
    conn = sqlite3.connect(tmp_path / "kb.db")
    (title,) = conn.execute("SELECT title FROM projects").fetchone()
    assert title == row["title"] and not any(c in title for c in RAW)


def test_completion_never_offers_a_value_with_control_characters(hostile_kb, monkeypatch):
    from servicekb.cli.complete import project_ids

    (hostile_kb / "projects" / "text-project\x1b[2J.yaml").write_text("id: x\n", encoding="utf-8")
    (hostile_kb / "projects" / "text-\u202eproject.yaml").write_text("id: x\n", encoding="utf-8")
    monkeypatch.setenv("SERVICEKB_DATA", str(hostile_kb))
    assert project_ids("text") == ["text-project"]
