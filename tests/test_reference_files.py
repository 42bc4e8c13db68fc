"""Broken reference data (issue 12): each case in tests/fixtures/bad-reference/ replaces one file
of a knowledge base's reference/ folder and must give one clear line naming file, line and field.

Adding a case is adding a file (its first line says which file it replaces) and its .expect.json."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES, run_servicekb

from servicekb.paths import bundled_data_dir


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """These tests are about robustness; the messages they expect are the English ones."""
    monkeypatch.setenv("SERVICEKB_LANG", "en")


CASES = sorted(p.stem for p in (FIXTURES / "bad-reference").glob("*.yaml"))


@pytest.fixture
def own_reference(kb_copy):
    shutil.copytree(bundled_data_dir() / "reference", kb_copy / "reference")
    return kb_copy


def _check(proc, messages):
    """proc: a finished process or a CliRunner result (both have returncode/exit_code, stdout, stderr)."""
    code = getattr(proc, "returncode", getattr(proc, "exit_code", None))
    assert code == 2, (proc.stdout, proc.stderr)
    assert proc.stderr.startswith("servicekb: error: reference data "), proc.stderr
    assert len(proc.stderr.splitlines()) == 1, proc.stderr
    assert "error: unexpected" not in proc.stderr and "Traceback" not in proc.stderr
    for message in messages:
        assert message in proc.stderr, proc.stderr
    assert "remove this knowledge base's reference/ folder" in proc.stderr  # what to do


def test_corpus_is_complete():
    for stem in CASES:
        assert (FIXTURES / "bad-reference" / f"{stem}.expect.json").is_file(), stem
    assert len(CASES) >= 10


@pytest.mark.parametrize("stem", CASES)
def test_broken_reference_file_gives_one_located_line(own_reference, cli, stem):
    expect = json.loads((FIXTURES / "bad-reference" / f"{stem}.expect.json").read_text(encoding="utf-8"))
    shutil.copy(FIXTURES / "bad-reference" / f"{stem}.yaml", own_reference / "reference" / expect["file"])
    for command in (["list", "--format", "ids"], ["validate"], ["search", "ombud"], ["list", "--no-cache"]):
        _check(cli(*command, "--data-dir", own_reference), expect["messages"])


def test_broken_reference_file_as_a_process(own_reference):
    shutil.copy(FIXTURES / "bad-reference" / "tags-unquoted-comma.yaml", own_reference / "reference" / "tags.yaml")
    _check(run_servicekb("list", "--data-dir", own_reference), ["tags.yaml:2:", "unknown field 'region och län.'"])


def test_broken_reference_after_a_warm_index(own_reference, cli):
    assert cli("list", "--data-dir", own_reference).exit_code == 0
    counties = own_reference / "reference" / "counties.yaml"
    counties.write_text(counties.read_text(encoding="utf-8").replace('code: "20", ', "", 1), encoding="utf-8")
    _check(cli("list", "--data-dir", own_reference), ["counties.yaml:", "required field 'code' is missing"])


@pytest.mark.parametrize("how", ["missing", "folder", "dangling-link", "empty"])
def test_missing_or_odd_reference_file(own_reference, cli, how):
    path = own_reference / "reference" / "themes.yaml"
    path.unlink()
    if how == "folder":
        path.mkdir()
    elif how == "dangling-link":
        path.symlink_to(own_reference / "nowhere.yaml")
    elif how == "empty":
        path.write_text("", encoding="utf-8")
    expected = {
        "missing": "the file is missing",
        "folder": "themes.yaml: is a folder; it must be a YAML file",
        "dangling-link": "cannot read the file",
        "empty": "must be a list of entries",
    }[how]
    _check(cli("list", "--data-dir", own_reference), ["themes.yaml", expected])


def test_bundled_reference_data_is_valid():
    from servicekb.reference import FILES, load_reference_file

    for name in FILES:
        assert load_reference_file(bundled_data_dir() / "reference", name)


@pytest.mark.parametrize("stem", CASES)
def test_broken_reference_file_in_swedish(own_reference, cli, stem, monkeypatch):
    """The same one line in a Swedish run: located the same way, worded in Swedish."""
    monkeypatch.setenv("SERVICEKB_LANG", "sv")
    expect = json.loads((FIXTURES / "bad-reference" / f"{stem}.expect.json").read_text(encoding="utf-8"))
    shutil.copy(FIXTURES / "bad-reference" / f"{stem}.yaml", own_reference / "reference" / expect["file"])
    result = cli("list", "--format", "ids", "--data-dir", own_reference)
    assert result.exit_code == 2
    assert result.stderr.startswith("servicekb: error: referensdata "), result.stderr
    assert len(result.stderr.splitlines()) == 1
    where = expect["messages"][0].split(": ")[0]  # file:line:column
    assert where in result.stderr
    assert "ta bort den här kunskapsbankens mapp reference/" in result.stderr
    for english in ("must be", "unknown", "is missing", "not valid", "invalid YAML", "not allowed", "listed twice"):
        assert english not in result.stderr, result.stderr
