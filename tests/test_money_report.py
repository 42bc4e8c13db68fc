"""Sums are right to the krona and honest about unknowns; formats round-trip; pipes compose.

Every expected number here is computed independently from the YAML files with PyYAML.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
import subprocess
import sys

import pytest
import yaml
from conftest import BUNDLED, DATA

from servicekb.money import MoneySummary, format_sek, summarise


@pytest.fixture(scope="module")
def raw():
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((DATA / "projects").glob("*.yaml"))]


def independent(projects, county=None):
    ps = [p for p in projects if county is None or county in p["geography"]["counties"]]
    f = [p["funding"] for p in ps]
    known = lambda key: [x[key] for x in f if x[key] is not None]  # noqa: E731
    costs = [x["total_cost_sek"] if x["total_cost_sek"] is not None else x["budget_sek"] for x in f]
    return {
        "projects": len(ps),
        "total_cost_sek": sum(known("total_cost_sek")) if known("total_cost_sek") else None,
        "budget_sek": sum(known("budget_sek")) if known("budget_sek") else None,
        "public_support_sek": sum(known("public_support_sek")) if known("public_support_sek") else None,
        "without_amount": sum(1 for c in costs if c is None),
        "median_cost_sek": round(statistics.median([c for c in costs if c is not None]))
        if any(c is not None for c in costs)
        else None,
    }


def test_format_sek():
    assert format_sek(1442919) == "1 442 919 kr"
    assert format_sek(0) == "0 kr"
    assert format_sek(None) == "–"


def test_unknown_is_not_zero():
    s = summarise([{"funding": {"total_cost_sek": None, "budget_sek": None, "public_support_sek": None}}])
    assert s.total_cost.value is None and s.without_amount == 1
    assert MoneySummary().as_dict()["total_cost_sek"] is None


def test_national_report_sums(cli, raw):
    doc = json.loads(cli("report", "--format", "json").stdout)
    want = independent(raw)
    for key, value in want.items():
        assert doc["summary"][key] == value, key


@pytest.mark.parametrize("county", ["Dalarna", "Norrbotten", "Västerbotten", "Kalmar", "Gotland"])
def test_county_report_sums(cli, raw, county):
    result = cli("report", "--region", county, "--format", "json")
    want = independent(raw, county)
    if want["projects"] == 0:
        assert result.exit_code == 1
        return
    doc = json.loads(result.stdout)
    for key, value in want.items():
        assert doc["summary"][key] == value, key
    assert doc["county"]["name"] == county


def test_by_county_rows_and_grand_total_counts_each_project_once(cli, raw):
    doc = json.loads(cli("report", "--format", "json").stdout)
    rows = {r["value"]: r for r in doc["by_county"]}
    assert len(rows) == 22  # 21 counties and the national row
    for county in rows:
        if county is not None:
            assert rows[county]["projects"] == independent(raw, county)["projects"]
    assert rows[None]["national"] is True and "national" not in rows["Dalarna"]
    assert rows[None]["projects"] == sum(1 for p in raw if not p["geography"]["counties"])
    multi = [p for p in raw if len(p["geography"]["counties"]) > 1]
    assert multi, "the data has multi-county projects"
    assert sum(r["projects"] for r in rows.values()) == len(raw) + sum(
        len(p["geography"]["counties"]) - 1 for p in multi
    )
    assert doc["summary"]["projects"] == len(raw)
    assert set(doc["multi_county_projects"]) == {p["id"] for p in multi}


def test_county_report_mentions_national_projects_without_counting_them(cli, raw):
    doc = json.loads(cli("report", "--region", "Dalarna", "--format", "json").stdout)
    national = {p["id"] for p in raw if not p["geography"]["counties"]}
    assert set(doc["national_projects_not_counted"]) == national
    assert not national & {p["id"] for p in doc["projects"]}
    text = cli("report", "--region", "Dalarna", "--format", "table").stdout
    assert "Dalarnas län" in text and "Region Dalarna" in text
    assert "Nationella projekt" in text


def test_report_markdown(cli):
    md = cli("report", "--region", "W", "--format", "markdown").stdout
    assert md.startswith("# Dalarnas län (länskod 20, W) – Region Dalarna")
    assert "| Projekt | Kommun/orter | Projektägare | Status | Belopp |" in md
    assert "32 037 624 kr" in md


@pytest.mark.parametrize("by", ["county", "theme", "status", "kind", "owner-type", "tag", "municipality"])
def test_stats_sums_per_group(cli, raw, by):
    rows = json.loads(cli("stats", "--by", by, "--format", "json").stdout)
    keyfn = {
        "county": lambda p: p["geography"]["counties"] or [None],
        "theme": lambda p: [p["theme"]],
        "status": lambda p: [p["status"]],
        "kind": lambda p: [p["kind"]],
        "owner-type": lambda p: [p["owner"]["type"]] if p["owner"] else [None],
        "tag": lambda p: p["tags"],
        "municipality": lambda p: p["geography"]["municipalities"] or [None],
    }[by]
    groups: dict[object, list[dict]] = {}
    for p in raw:
        for k in keyfn(p):
            groups.setdefault(k, []).append(p)
    if by == "county":  # every county has its row, zeros too (as in a report's overview)
        from servicekb.kb import open_kb

        for county in open_kb(None).reference.counties:
            groups.setdefault(county, [])
    assert {r["value"] for r in rows} == set(groups)
    for r in rows:
        want = independent(groups[r["value"]])
        for key, value in want.items():
            assert r[key] == value, (r["value"], key)


def test_stats_by_county_lists_every_county_even_without_projects(cli, raw):
    """Gotland has no project on the page: `stats --by county` left it out while `report` lists
    it with zeros (new-user walk). A county missing from the table reads as one forgotten."""
    rows = {r["value"]: r for r in json.loads(cli("stats", "--by", "county", "--format", "json").stdout)}
    assert len([v for v in rows if v is not None]) == 21
    have = {c for p in raw for c in p["geography"]["counties"]}
    for county in set(rows) - have - {None}:  # Gotland in the page's data
        assert rows[county]["projects"] == 0 and rows[county]["total_cost_sek"] is None  # unknown, not 0
        assert f"\n{county}\t{county}\t0\t" in cli("stats", "--by", "county", "--format", "tsv").stdout


def test_stats_names_sort_in_swedish_order(cli):
    rows = json.loads(cli("stats", "--by", "county", "--format", "json").stdout)
    names = [r["value"] for r in rows]
    assert names[-3:] == ["Örebro", "Östergötland", None]
    assert names.index("Västra Götaland") < names.index("Örebro")


def test_stats_sort_by_column(cli):
    rows = json.loads(cli("stats", "--by", "county", "--sort", "total-cost", "--format", "json").stdout)
    values = [r["total_cost_sek"] for r in rows if r["total_cost_sek"] is not None]
    assert values == sorted(values, reverse=True)


def test_stats_table_total_row_counts_once(cli, raw):
    out = cli("stats", "--by", "county", "--format", "table").stdout
    total_line = next(line for line in out.splitlines() if "Totalt (varje projekt en gång)" in line)
    assert total_line.split()[5] == str(len(raw))  # 'Totalt (varje projekt en gång) 81 …': each project once
    per_county = [line for line in out.splitlines() if line.strip() and line.split()[0] in {"Dalarna", "Gävleborg"}]
    assert len(per_county) == 2


def test_stats_bad_grouping(cli):
    result = cli("stats", "--by", "contry")
    assert result.exit_code == 2 and "Menade du 'county'" in result.output


# --- formats ---------------------------------------------------------------------------


def test_json_round_trip(cli, raw):
    data = json.loads(cli("list", "--format", "json").stdout)
    assert len(data) == BUNDLED
    by_id = {p["id"]: p for p in raw}
    for record in data:
        assert record["funding"] == by_id[record["id"]]["funding"]


def test_jsonl_one_object_per_line(cli):
    lines = cli("list", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == BUNDLED
    assert all(json.loads(line)["id"] for line in lines)


def test_yaml_output(cli):
    data = yaml.safe_load(cli("list", "--format", "yaml", "--region", "Gotland").stdout or "[]")
    assert data in (None, [])
    data = yaml.safe_load(cli("list", "--format", "yaml", "--region", "Uppsala").stdout)
    assert data[0]["id"] == "servicepunkter-i-uppsala-kommun"


def test_csv_is_rfc4180_and_neutralises_formulas(cli, tmp_path, valid_text):
    (tmp_path / "projects").mkdir()
    text = valid_text.replace("title: Ett giltigt testprojekt", 'title: "=HYPERLINK(\\"x\\")"').replace(
        "places: [Sollerön]", "places: ['+46 ort', '@ort', '-ort', 'vanlig, ort']"
    )
    (tmp_path / "projects" / "valid-project.yaml").write_text(text, encoding="utf-8")
    out = cli(
        "list", "--data-dir", tmp_path, "--format", "csv", "--fields", "id,title,geography.places,cost_sek"
    ).stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["id", "title", "geography.places", "cost_sek"]
    assert rows[1][1] == '\'=HYPERLINK("x")'
    assert rows[1][2].startswith("'+46 ort")
    assert rows[1][3] == "1442919"


def test_csv_real_data_parses(cli):
    rows = list(csv.DictReader(io.StringIO(cli("list", "--format", "csv").stdout)))
    assert len(rows) == BUNDLED
    assert {r["cost_sek"] for r in rows if r["id"] == "leaxw-dalarna-gavleborg"} == {"2969000"}


def test_excel_csv_has_bom_and_semicolons():

    proc = subprocess.run(
        [sys.executable, "-m", "servicekb", "list", "--format", "csv", "--excel", "--fields", "id,title"],
        capture_output=True,
    )
    assert proc.stdout.startswith("\ufeffid;title\r\n".encode("utf-8"))  # CRLF as RFC 4180 says


def test_markdown_listing(cli):
    out = cli("list", "--region", "Uppsala", "--format", "markdown").stdout
    assert out.splitlines()[0] == "| Id | Titel | Län | Tema | Status | Belopp |"
    assert "3 257 425 kr" in out


def test_fields_unknown_lists_available(cli):
    result = cli("list", "--fields", "id,totl_cost")
    assert result.exit_code == 2
    assert "Tillgängliga fält:" in result.output and "funding.total_cost_sek" in result.output


def test_fields_pick_columns(cli):
    out = cli("list", "--format", "tsv", "--fields", "id,funding.total_cost_sek", "--region", "Uppsala").stdout
    assert out == "id\tfunding.total_cost_sek\nservicepunkter-i-uppsala-kommun\t3257425\n"


# --- composition -----------------------------------------------------------------------


def test_ids_feed_ids(cli):
    ids = cli("search", "paketautomat", "--format", "ids").stdout
    assert ids
    listed = cli("list", "--ids", "-", "--format", "ids", input=ids).stdout
    assert sorted(listed.split()) == sorted(ids.split())
    rep = json.loads(cli("report", "--ids", "-", "--format", "json", input=ids).stdout)
    assert sorted(p["id"] for p in rep["projects"]) == sorted(ids.split())


def test_ids_ignore_comments_blank_lines_and_tsv_header(cli):
    text = "# chosen\n\nleaxw-dalarna-gavleborg  # a comment\n"
    assert cli("list", "--ids", "-", "--format", "ids", input=text).stdout == "leaxw-dalarna-gavleborg\n"
    tsv = cli("list", "--region", "Uppsala").stdout
    assert cli("list", "--ids", "-", "--format", "ids", input=tsv).stdout == "servicepunkter-i-uppsala-kommun\n"


def test_unknown_ids_are_named(cli):
    result = cli("show", "--ids", "-", input="nope-1\nleaxw-dalarna-gavleborg\nnope-2\n")
    assert result.exit_code == 2
    assert "nope-1, nope-2" in result.output


def test_pipeline_as_real_processes(page_data):
    cmd = (
        f'"{sys.executable}" -m servicekb search paketautomat --format ids --data-dir "{page_data}" | '
        f'"{sys.executable}" -m servicekb report --ids - --format json --data-dir "{page_data}"'
    )
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, executable="/bin/bash")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["projects"] == 4


def test_no_results_exit_1(cli):
    assert cli("list", "--region", "Gotland").exit_code == 1
