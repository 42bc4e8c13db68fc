"""Valid files that look odd (issue 12): each one in tests/fixtures/good/ validates and is indexed.

Adding a case is adding a file. The bracket-depth pre-check once refused all of these."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES, run_servicekb


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """These tests are about robustness; the messages they expect are the English ones."""
    monkeypatch.setenv("SERVICEKB_LANG", "en")


CASES = sorted(p.stem for p in (FIXTURES / "good").glob("*.yaml"))


def test_corpus_exists():
    assert len(CASES) >= 3


@pytest.mark.parametrize("stem", CASES)
def test_odd_but_valid_file_validates(cli, stem):
    result = cli("validate", FIXTURES / "good" / f"{stem}.yaml")
    assert result.exit_code == 0, result.output
    assert "1 file checked: 1 valid, 0 with problems" in result.output


def test_odd_but_valid_files_are_indexed(kb_copy, cli):
    for stem in CASES:
        shutil.copy(FIXTURES / "good" / f"{stem}.yaml", kb_copy / "projects")
    result = cli("list", "--data-dir", kb_copy, "--format", "ids")
    assert result.exit_code == 0 and result.stderr == ""
    assert set(CASES) <= set(result.stdout.split())


def test_compact_block_bomb_does_not_crash_the_process(tmp_path):
    """'- - - … x' nests one level per two characters: 100,000 levels in 200 kB."""
    bomb = tmp_path / "block-bomb.yaml"
    bomb.write_text("id: x\ntags:\n  " + "- " * 100_000 + "x\n", encoding="utf-8")
    proc = run_servicekb("validate", bomb, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "block-bomb.yaml:3:" in proc.stdout and "nested more than 64 levels deep" in proc.stdout
