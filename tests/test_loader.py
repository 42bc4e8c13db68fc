"""The strict loader: types, YAML 1.1 surprises, normalisation, line numbers."""

from __future__ import annotations

import unicodedata

from conftest import DATA

from servicekb.loader import load_projects, load_text
from servicekb.reference import Reference
from servicekb.yamlfile import parse

REF = Reference(DATA / "reference")


def load(text: str, stem: str = "valid-project", raw: bytes | None = None):
    return load_text(raw if raw is not None else text.encode("utf-8"), f"{stem}.yaml", stem, REF)


def test_valid_fixture_loads(valid_text):
    project, problems = load(valid_text)
    assert problems == []
    assert project.funding.total_cost_sek == 1442919
    assert project.funding.budget_sek is None
    assert project.end_date.isoformat() == "2020-12-31"


def test_yaml_11_surprises_stay_text(valid_text):
    text = valid_text.replace("title: Ett giltigt testprojekt", "title: no").replace(
        "places: [Sollerön]", "places: ['0114', 12:30, on]"
    )
    project, problems = load(text)
    assert problems == []
    assert project.title == "no"
    assert project.geography.places == ["0114", "12:30", "on"]


def test_date_where_text_is_meant_stays_text(valid_text):
    project, problems = load(
        valid_text.replace("summary: Ett påhittat projekt som används i testerna.", "summary: 2020-01-01")
    )
    assert problems == []
    assert project.summary == "2020-01-01"


def test_bom_is_accepted(valid_text):
    project, problems = load("", raw=b"\xef\xbb\xbf" + valid_text.encode("utf-8"))
    assert problems == [] and project is not None


def test_text_is_nfc_normalised(valid_text):
    nfd = unicodedata.normalize("NFD", "Åsele")
    project, problems = load(valid_text.replace("places: [Sollerön]", f"places: [{nfd}]"))
    assert problems == []
    assert project.geography.places == ["Åsele"]
    assert project.geography.places[0] == unicodedata.normalize("NFC", nfd)


def test_null_means_unknown_and_quoted_null_is_text():
    data, _ = parse("a: null\nb: ~\nc:\nd: 'null'\n")
    assert data == {"a": None, "b": None, "c": None, "d": "null"}


def test_marks_are_one_based_lines_and_columns():
    _, marks = parse("id: x\nfunding:\n  total_cost_sek: 12\n")
    assert marks[("funding", "total_cost_sek")].line == 3
    assert marks[("funding", "total_cost_sek")].column == 19


def test_every_problem_is_reported_not_just_the_first(valid_text):
    text = (
        valid_text.replace("status: completed", "status: done")
        .replace("kind: genomforande", "kind: 5")
        .replace("total_cost_sek: 1442919", "total_cost_sek: lots")
    )
    project, problems = load(text)
    assert project is None
    fields = {p.field for p in problems}
    assert {"status", "funding.total_cost_sek"} <= fields
    assert all(p.line for p in problems)


def test_duplicate_ids_across_files(tmp_path, valid_text):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "valid-project.yaml").write_text(valid_text, encoding="utf-8")
    (tmp_path / "b" / "valid-project.yaml").write_text(valid_text, encoding="utf-8")
    result = load_projects(sorted(tmp_path.rglob("*.yaml")), REF)
    assert len(result.projects) == 1
    assert any(p.key == "duplicate_id" for p in result.problems)


def test_bundled_data_is_valid():
    files = sorted((DATA / "projects").glob("*.yaml"))
    result = load_projects(files, REF)
    assert result.problems == []
    assert len(result.projects) == len(files)
