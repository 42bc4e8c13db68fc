"""File names a knowledge base may hold by accident (issue 20): every command goes on, and the
file is reported with its name shown safely. The cases are data: tests/fixtures/hostile/file-names.json
(`listed`: how many projects list compared with the bundled knowledge base, -1 when the case
moves a project's only file out of reach)."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from conftest import BUNDLED, FIXTURES

CASES = json.loads((FIXTURES / "hostile" / "file-names.json").read_text(encoding="utf-8"))
COMMANDS = [
    ["list", "--format", "ids"],
    ["search", "ica", "--format", "ids"],
    ["report", "--format", "markdown"],
    ["stats", "--by", "county", "--format", "json"],
    ["export", "csv", "{out}"],
    ["export", "sqlite", "{out}.db"],
]


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    monkeypatch.setenv("SERVICEKB_LANG", "en")


def arrange(kb, case) -> None:
    projects = kb / "projects"
    name = os.fsdecode(bytes.fromhex(case["to_hex"])) if "to_hex" in case else case["to"]
    os.makedirs(os.path.dirname(os.path.join(projects, name)), exist_ok=True)
    shutil.copy(projects / case["copy"], os.path.join(projects, name))
    if case["remove_original"]:
        (projects / case["copy"]).unlink()


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
@pytest.mark.parametrize("no_cache", [(), ("--no-cache",)], ids=["cache", "no-cache"])
def test_every_command_reports_the_file_and_goes_on(kb_copy, cli, tmp_path, case, no_cache):
    arrange(kb_copy, case)
    for n, command in enumerate(COMMANDS):
        args = [a.replace("{out}", str(tmp_path / f"out{n}")) for a in command]
        result = cli(*args, "--data-dir", kb_copy, *no_cache)
        assert result.exit_code == 0, (args, result.stderr)
        assert "unexpected" not in result.stderr
        assert case["shown"] in result.stderr and case["problem"] in result.stderr
    listed = cli("list", "--format", "ids", "--data-dir", kb_copy, *no_cache).stdout.split()
    assert len(listed) == BUNDLED + case["listed"]  # listed: how many more (or fewer) than bundled


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_validate_counts_and_reports_the_file(kb_copy, cli, case):
    arrange(kb_copy, case)
    result = cli("validate", "--data-dir", kb_copy)
    assert result.exit_code == 1
    assert case["problem"] in result.stdout
    assert f"{BUNDLED} files checked" in result.stdout or f"{BUNDLED + 1} files checked" in result.stdout


def test_a_backup_copy_never_replaces_the_real_project(kb_copy, cli):
    """The file nearest the top of projects/ keeps its id, whatever the folder names sort as."""
    for folder in ("a-backup", "0-old", "aaa/deeper"):
        copy = kb_copy / "projects" / folder / "ica.yaml"
        copy.parent.mkdir(parents=True, exist_ok=True)
        text = (kb_copy / "projects" / "ica.yaml").read_text(encoding="utf-8")
        copy.write_text(text.replace("title: Ica", "title: Gammal kopia"), encoding="utf-8")
    for no_cache in ((), ("--no-cache",)):
        shown = cli("show", "ica", "--format", "json", "--data-dir", kb_copy, *no_cache)
        assert shown.exit_code == 0 and '"title": "Ica"' in shown.stdout, shown.stdout[:200]
        assert "3 files with problems: projects/0-old/ica.yaml" in shown.stderr
    problems = cli("validate", "--data-dir", kb_copy).stdout
    for folder in ("a-backup", "0-old", "aaa/deeper"):
        assert f"{folder}/ica.yaml:1:1: id: id 'ica' is already used by projects/ica.yaml" in problems
