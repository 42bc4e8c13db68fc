"""A document that leaves out invalid files says so in itself, not only on stderr; an id whose
file is invalid is not called unknown (issue 20)."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    monkeypatch.setenv("SERVICEKB_LANG", "en")


@pytest.fixture
def kb_with_invalid(kb_copy):
    f = kb_copy / "projects" / "axfood.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("id: axfood\n", "id: axfood2\n"), encoding="utf-8")
    return kb_copy


LINE = "1 project file is invalid or a duplicate and is left out of this report"


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_a_saved_report_says_files_were_left_out(kb_with_invalid, cli, tmp_path, suffix):
    out = tmp_path / f"report.{suffix}"
    result = cli("report", "--data-dir", kb_with_invalid, "-o", out)
    assert result.exit_code == 0
    assert LINE in out.read_text(encoding="utf-8")


def test_a_report_piped_to_a_file_says_so_too(kb_with_invalid, cli):
    result = cli("report", "--region", "Dalarna", "--data-dir", kb_with_invalid)
    assert LINE in " ".join(result.stdout.split())


def test_a_report_as_data_lists_the_files_left_out(kb_with_invalid, cli):
    doc = json.loads(cli("report", "--data-dir", kb_with_invalid, "--format", "json").stdout)
    assert doc["files_left_out"] == ["projects/axfood.yaml"]


def test_a_whole_knowledge_base_has_no_such_line(kb_copy, cli, tmp_path):
    out = tmp_path / "report.md"
    cli("report", "--data-dir", kb_copy, "-o", out)
    assert "left out" not in out.read_text(encoding="utf-8")
    assert "files_left_out" not in cli("report", "--data-dir", kb_copy, "--format", "json").stdout


@pytest.mark.parametrize("no_cache", [(), ("--no-cache",)])
def test_show_of_a_project_whose_file_is_invalid_says_so(kb_with_invalid, cli, no_cache):
    result = cli("show", "axfood", "--data-dir", kb_with_invalid, *no_cache)
    assert result.exit_code == 1
    assert "does not exist" not in result.stderr and "no project" not in result.stderr
    assert "projects/axfood.yaml is invalid" in result.stderr
