"""servicekb export: the SQLite schema, Datasette over it, the CSV Data Package, and the README's schema."""

from __future__ import annotations

import asyncio
import csv
import json
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT

from servicekb.export.datasette import NO_COUNTY_ROW, datasette_metadata
from servicekb.export.schema import FTS_TABLE, SCHEMA_VERSION, TABLES, table
from servicekb.export.sqlite import write_sqlite
from servicekb.money import project_amount

MONEY_KEYS = (
    "projects",
    "total_cost_sek",
    "total_cost_projects",
    "budget_sek",
    "budget_projects",
    "public_support_sek",
    "public_support_projects",
    "without_amount",
)


@pytest.fixture(scope="module")
def records():
    from servicekb.kb import open_kb

    kb = open_kb(use_cache=False)
    return kb.select(), kb.reference


@pytest.fixture(scope="module")
def db_path(records, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "kb.db"
    write_sqlite(path, *records)
    return path


@pytest.fixture
def db(db_path):
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def money_sql(where: str = "1") -> str:
    """Plain SQL for the report's numbers over the projects matching `where` (each counted once)."""
    return f"""SELECT count(*) AS projects,
      sum(total_cost_sek) AS total_cost_sek, count(total_cost_sek) AS total_cost_projects,
      sum(budget_sek) AS budget_sek, count(budget_sek) AS budget_projects,
      sum(public_support_sek) AS public_support_sek, count(public_support_sek) AS public_support_projects,
      count(*) - count(amount_sek) AS without_amount
    FROM projects WHERE {where}"""


# --- the database -------------------------------------------------------------------


def test_version_tables_and_integrity(db):
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    names = {
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE ?", (f"{FTS_TABLE}_%",)
        )
    }
    assert names == {t.name for t in TABLES} | {FTS_TABLE}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM projects").fetchone()[0] == BUNDLED


def test_every_foreign_key_has_an_index(db):
    for t in TABLES:
        leading = set()
        for index in db.execute(f"PRAGMA index_list({t.name})"):
            first = db.execute(f"PRAGMA index_info({index['name']})").fetchone()
            leading.add(first["name"])
        for fk in db.execute(f"PRAGMA foreign_key_list({t.name})"):
            assert fk["from"] in leading, f"{t.name}.{fk['from']} has no index"


def test_projects_carry_the_records_money_and_lists(db, records):
    projects, _ = records
    rows = {r["id"]: r for r in db.execute("SELECT * FROM projects")}
    for p in projects:
        row, money = rows[p["id"]], p["funding"]
        assert (row["total_cost_sek"], row["budget_sek"], row["public_support_sek"]) == (
            money["total_cost_sek"],
            money["budget_sek"],
            money["public_support_sek"],
        )
        assert row["amount_sek"] == project_amount(p)
        assert json.loads(row["counties"]) == p["geography"]["counties"]
        lessons = [
            r[0]
            for r in db.execute("SELECT lesson FROM project_lessons WHERE project_id = ? ORDER BY position", (p["id"],))
        ]
        assert lessons == p["lessons"]
    # Unknown amounts are NULL; nothing in the data is a known 0.
    assert (
        db.execute(
            "SELECT count(*) FROM projects WHERE 0 IN (total_cost_sek, budget_sek, public_support_sek)"
        ).fetchone()[0]
        == 0
    )
    assert db.execute("SELECT count(*) FROM projects WHERE amount_sek IS NULL").fetchone()[0] == 20


def test_reference_tables_have_official_names_and_codes(db):
    dalarna = db.execute("SELECT * FROM counties WHERE name = 'Dalarna'").fetchone()
    assert (dalarna["official_name"], dalarna["code"], dalarna["letter"], dalarna["region"]) == (
        "Dalarnas län",
        "20",
        "W",
        "Region Dalarna",
    )
    assert db.execute("SELECT count(*) FROM counties").fetchone()[0] == 21
    assert db.execute("SELECT count(*) FROM municipalities").fetchone()[0] == 290
    assert tuple(db.execute("SELECT code, county FROM municipalities WHERE name = 'Mora'").fetchone()) == (
        "2062",
        "Dalarna",
    )
    assert db.execute("SELECT count(*) FROM themes").fetchone()[0] == 7


def test_full_text_search_finds_swedish_words(db):
    found = {r[0] for r in db.execute(f"SELECT project_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH 'paketautomat'")}
    tagged = {r[0] for r in db.execute("SELECT project_id FROM project_tags WHERE tag = 'paketautomat'")}
    assert tagged and tagged <= found
    # rowid of the FTS table is the project's rowid (what Datasette's search box joins on)
    assert (
        db.execute(
            f"SELECT count(*) FROM {FTS_TABLE} f JOIN projects p ON p.rowid = f.rowid AND p.id = f.project_id"
        ).fetchone()[0]
        == BUNDLED
    )


def test_report_totals_reproduced_with_plain_sql(db, cli):
    dalarna = json.loads(cli("report", "--region", "Dalarna", "--format", "json").output)["summary"]
    sql = dict(
        db.execute(money_sql("id IN (SELECT project_id FROM project_counties WHERE county = 'Dalarna')")).fetchone()
    )
    assert sql == {k: dalarna[k] for k in MONEY_KEYS}
    assert sql["total_cost_sek"] == 32_037_624

    national = json.loads(cli("report", "--format", "json").output)
    assert dict(db.execute(money_sql()).fetchone()) == {k: national["summary"][k] for k in MONEY_KEYS}
    for row in national["by_county"]:
        if row.get("national"):
            where = "id NOT IN (SELECT project_id FROM project_counties)"
        else:
            where = f"id IN (SELECT project_id FROM project_counties WHERE county = '{row['value']}')"
        assert dict(db.execute(money_sql(where)).fetchone()) == {k: row[k] for k in MONEY_KEYS}, row["value"]


def test_canned_queries_run_and_agree_with_the_report(db, cli):
    queries = datasette_metadata("kb")["databases"]["kb"]["queries"]
    national = json.loads(cli("report", "--format", "json").output)
    per_county = {r["county"]: dict(r) for r in db.execute(queries["money_per_county"]["sql"])}
    for row in national["by_county"]:
        assert {k: per_county[row["value"] or NO_COUNTY_ROW][k] for k in MONEY_KEYS} == {k: row[k] for k in MONEY_KEYS}
    for county in ("Dalarna", "dalarnas län", "20", "w"):
        (row,) = db.execute(queries["county_totals"]["sql"], {"county": county}).fetchall()
        assert row["total_cost_sek"] == 32_037_624
    assert dict(db.execute(queries["national_totals"]["sql"]).fetchone()) == {
        k: national["summary"][k] for k in MONEY_KEYS
    }
    assert db.execute(queries["lessons_about"]["sql"], {"word": "paket"}).fetchall()
    db.execute(queries["ongoing_past_end_date"]["sql"]).fetchall()


def test_failed_export_leaves_the_old_file_and_no_temporary(tmp_path, records):
    from servicekb.errors import ServiceKBError

    projects, ref = records
    target = tmp_path / "kb.db"
    target.write_text("old", encoding="utf-8")
    broken = [{**projects[0], "theme": "no-such-theme"}]
    with pytest.raises(ServiceKBError):
        write_sqlite(target, broken, ref)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["kb.db"]


# --- the command --------------------------------------------------------------------


def test_cli_sqlite_filtered_and_refuses_to_overwrite(cli, tmp_path, page_data):
    target = tmp_path / "dalarna.db"
    result = cli("export", "sqlite", target, "--region", "W", "--data-dir", page_data)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dalarna.metadata.yaml").exists()
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM projects").fetchone()[0] == 13
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT count(*) FROM counties").fetchone()[0] == 21  # reference data stays whole
    conn.close()

    again = cli("export", "sqlite", target)
    assert again.exit_code == 2
    assert "servicekb: error:" in again.output and "--force" in again.output
    assert cli("export", "sqlite", target, "--force").exit_code == 0
    assert sqlite3.connect(target).execute("SELECT count(*) FROM projects").fetchone()[0] == BUNDLED


def test_cli_ids_from_stdin(cli, tmp_path):
    ids = "leaxw-dalarna-gavleborg\nservicepunkter-i-bygdegardarna\n"
    result = cli("export", "sqlite", tmp_path / "two.db", "--ids", "-", input=ids)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(tmp_path / "two.db")
    assert {r[0] for r in conn.execute("SELECT id FROM projects")} == set(ids.split())


def test_cli_errors(cli, tmp_path):
    assert cli("export", "sqlite", tmp_path / "missing" / "kb.db").exit_code == 2
    assert cli("export", "sqlite", "-").exit_code == 2
    assert cli("export", "sqlite", tmp_path / "kb.db", "--region", "Narnia").exit_code == 2
    nothing = cli("export", "sqlite", tmp_path / "kb.db", "--region", "Gotland")
    assert nothing.exit_code == 1 and not (tmp_path / "kb.db").exists()


@pytest.mark.parametrize("command", [("export",), ("export", "sqlite"), ("export", "csv")])
def test_help_has_examples(cli, command):
    result = cli(*command, "-h")
    assert result.exit_code == 0
    assert "Exempel:\n\n    servicekb export " in result.output


# --- Datasette ----------------------------------------------------------------------


def test_datasette_browses_facets_searches_and_answers(db_path, records):
    pytest.importorskip("datasette")
    from datasette.app import Datasette

    projects, _ = records
    metadata = datasette_metadata(db_path.stem)

    async def check():
        ds = Datasette([str(db_path)], metadata=metadata)
        r = await ds.client.get("/kb/projects.json?_facet=theme&_size=0")
        assert r.status_code == 200
        data = r.json()
        assert data["filtered_table_rows_count"] == BUNDLED
        facet = {f["value"]: f["count"] for f in data["facet_results"]["theme"]["results"]}
        assert facet == dict(Counter(p["theme"] for p in projects)) and len(facet) == 7
        assert {"status", "kind", "counties"} <= set(data["facet_results"])  # default facets

        r = await ds.client.get("/kb/projects.json?_search=paketautomat&_shape=array")
        found = {row["id"] for row in r.json()}
        assert "operatorsoberoende-paketautomater-for-okad-service" in found
        assert {p["id"] for p in projects if "paketautomat" in p["tags"]} <= found

        r = await ds.client.get("/kb/county_totals.json?county=Dalarna&_shape=array")
        assert r.status_code == 200
        assert r.json()[0]["total_cost_sek"] == 32_037_624

        # Every page renders (HTML), including the canned queries.
        pages = [
            "/",
            "/kb",
            "/kb/projects",
            "/kb/projects/leaxw-dalarna-gavleborg",
            "/kb/projects?_search=paketautomat",
            *(f"/kb/{t.name}" for t in TABLES),
            *(f"/kb/{q}" for q in metadata["databases"]["kb"]["queries"]),
            "/kb/lessons_about?word=paket",
            "/kb/county_totals?county=W",
        ]
        for page in pages:
            assert (await ds.client.get(page)).status_code == 200, page

    asyncio.run(check())


def test_datasette_reads_the_written_metadata_file(cli, tmp_path):
    pytest.importorskip("datasette")
    import yaml
    from datasette.app import Datasette

    assert cli("export", "sqlite", tmp_path / "kb.db").exit_code == 0
    metadata = yaml.safe_load((tmp_path / "kb.metadata.yaml").read_text(encoding="utf-8"))
    assert metadata == json.loads(json.dumps(datasette_metadata("kb")))

    async def check():
        ds = Datasette([str(tmp_path / "kb.db")], metadata=metadata)
        r = await ds.client.get("/kb/money_per_county.json?_shape=array")
        rows = {row["county"]: row for row in r.json()}
        assert rows["Dalarna"]["total_cost_sek"] == 32_037_624

    asyncio.run(check())


# --- CSV and the Data Package -------------------------------------------------------


@pytest.mark.parametrize("selection", [(), ("--region", "Dalarna")], ids=["all", "dalarna"])
def test_csv_package_passes_frictionless_validate(cli, tmp_path, selection, page_data):
    pytest.importorskip("frictionless")
    folder = tmp_path / "kb-csv"
    assert cli("export", "csv", folder, *selection, "--data-dir", page_data).exit_code == 0
    proc = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", str(folder / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(proc.stdout)
    assert proc.returncode == 0 and report["valid"], json.dumps(report["tasks"], indent=1)[:3000]
    assert report["stats"]["errors"] == 0
    # The CSV files hold what the database holds.
    with open(folder / "projects.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == (13 if selection else len(list((page_data / "projects").iterdir())))
    dalarna = [r for r in rows if "Dalarna" in json.loads(r["counties"])]
    assert sum(int(r["total_cost_sek"]) for r in dalarna if r["total_cost_sek"]) == 32_037_624
    assert (folder / "projects.csv").read_bytes().count(b"\r\n") >= len(rows) + 1


def test_csv_neutralises_formulas_and_refuses_to_overwrite(cli, tmp_path, valid_text):
    kb = tmp_path / "kb"
    (kb / "projects").mkdir(parents=True)
    text = re.sub(
        r"(?m)^lessons:.*\n(  - .*\n)*", "lessons:\n  - '=HYPERLINK(\"http://example.invalid\")'\n", valid_text
    )
    assert "=HYPERLINK" in text
    found = re.search(r"(?m)^id: (\S+)", text)
    assert found is not None
    name = found.group(1)
    (kb / "projects" / f"{name}.yaml").write_text(text, encoding="utf-8")
    folder = tmp_path / "out"
    assert cli("export", "csv", folder, "--data-dir", kb).exit_code == 0
    lessons = (folder / "project_lessons.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in lessons
    refused = cli("export", "csv", folder, "--data-dir", kb)
    assert refused.exit_code == 2 and "--force" in refused.output
    assert cli("export", "csv", folder, "--data-dir", kb, "--force").exit_code == 0


# --- the README documents the real schema -------------------------------------------


def readme_schema() -> dict[str, list[tuple[str, str, bool, str, bool]]]:
    """README's Export table → {table: [(column, type, pk, references, nullable)]}."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Export\n", 1)[1].split("\n## ", 1)[0]
    tables = {}
    for line in section.splitlines():
        m = re.fullmatch(r"\| `(\w+)` \| (.+?) \| .+ \|", line)
        if not m:
            continue
        columns = []
        for entry in m.group(2).split(", "):
            c = re.fullmatch(r"`(\w+)`(?: (text|integer|date|json)( PK)?(?: → `(\w+)`)?(\?)?)?", entry)
            assert c, f"cannot read {entry!r} in README's schema table"
            columns.append((c.group(1), c.group(2) or "", bool(c.group(3)), c.group(4) or "", bool(c.group(5))))
        tables[m.group(1)] = columns
    return tables


def test_readme_schema_matches_the_database(db):
    documented = readme_schema()
    assert set(documented) == {t.name for t in TABLES} | {FTS_TABLE}
    sql_types = {"text": "TEXT", "integer": "INTEGER", "date": "TEXT", "json": "TEXT"}
    for name, columns in documented.items():
        info = db.execute(f"PRAGMA table_info({name})").fetchall()
        assert [c[0] for c in columns] == [r["name"] for r in info], name
        if name == FTS_TABLE:
            continue
        keys = {fk["from"]: fk["table"] for fk in db.execute(f"PRAGMA foreign_key_list({name})")}
        for (column, kind, pk, ref, nullable), row in zip(columns, info, strict=True):
            where = f"{name}.{column}"
            assert sql_types[kind] == row["type"], where
            assert kind == table(name).column(column).type, where
            assert pk == bool(row["pk"]), where
            assert ref == keys.get(column, ""), where
            assert nullable == (not row["notnull"]), where
