"""Issue 26, items 1 and 2: a county's sums say how much comes from projects it shares with other
counties (`--own` leaves those out), and a report says when it was made and from which state of
the data. Expected numbers are computed independently from the YAML files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
import yaml
from conftest import DATA, run_servicekb

from servicekb.money import format_sek


@pytest.fixture(scope="module")
def raw():
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((DATA / "projects").glob("*.yaml"))]


def in_county(raw, county):
    return [p for p in raw if county in p["geography"]["counties"]]


def total(projects):
    known = [p["funding"]["total_cost_sek"] for p in projects if p["funding"]["total_cost_sek"] is not None]
    return sum(known) if known else None


def shared(projects):
    return [p for p in projects if len(p["geography"]["counties"]) > 1]


def test_norrbotten_says_how_much_it_shares_in_every_document_form(cli, raw):
    mine = in_county(raw, "Norrbotten")
    part = shared(mine)
    amount, n = format_sek(total(part)), len([p for p in part if p["funding"]["total_cost_sek"] is not None])
    assert (amount, n) == ("16 942 633 kr", 2)  # the numbers
    phrase = f"varav {amount} i {n} projekt som delas med andra län"
    for fmt in ("text", "markdown", "html"):
        page = cli("report", "--region", "Norrbotten", "--format", fmt).stdout
        import re

        assert phrase in " ".join(re.sub(r"<[^>]+>", "", page).split()), fmt
    english = cli("report", "--region", "Norrbotten", env={"SERVICEKB_LANG": "en"}).stdout
    assert f"of which {amount} in {n} project{'s' if n != 1 else ''} shared with other counties" in " ".join(
        english.split()
    )
    doc = json.loads(cli("report", "--region", "Norrbotten", "--format", "json").stdout)
    assert doc["summary"]["total_cost_sek"] == total(mine)
    assert doc["summary"]["shared_with_other_counties"]["total_cost_sek"] == total(part)
    assert doc["summary"]["shared_with_other_counties"]["projects"] == len(part)
    assert set(doc["own_projects"]) == {p["id"] for p in mine if p not in part}


def test_a_county_report_lists_its_own_projects_apart_from_the_shared(cli, raw):
    mine = in_county(raw, "Dalarna")
    md = cli("report", "--region", "Dalarna", "--format", "markdown").stdout
    own_at = md.index(f"## Länets egna projekt ({len(mine) - len(shared(mine))})")
    shared_at = md.index(f"## Projekt som delas med andra län ({len(shared(mine))})")
    assert own_at < shared_at
    for p in shared(mine):
        assert md.index(p["title"].split()[0], shared_at) > shared_at
    own_section = md[own_at:shared_at]
    assert not any(p["title"] in own_section for p in shared(mine))


def test_own_restricts_every_sum_to_projects_no_other_county_shares(cli, raw):
    mine = in_county(raw, "Norrbotten")
    own = [p for p in mine if p not in shared(mine)]
    doc = json.loads(cli("report", "--region", "Norrbotten", "--own", "--format", "json").stdout)
    assert doc["own_projects_only"] is True
    assert doc["summary"]["projects"] == len(own)
    assert doc["summary"]["total_cost_sek"] == total(own) == total(mine) - total(shared(mine))
    assert "egna projekt" in cli("report", "--region", "Norrbotten", "--own").stdout


def test_stats_by_county_tells_the_shared_part_and_own_adds_up(cli, raw):
    rows = {r["value"]: r for r in json.loads(cli("stats", "--by", "county", "--format", "json").stdout)}
    nb = rows["Norrbotten"]
    assert nb["shared_with_other_counties"]["total_cost_sek"] == total(shared(in_county(raw, "Norrbotten")))
    tsv = cli("stats", "--by", "county", "--format", "tsv").stdout.splitlines()
    header = tsv[0].split("\t")
    line = next(r.split("\t") for r in tsv if r.startswith("Norrbotten\t"))
    assert line[header.index("shared_total_cost_sek")] == str(total(shared(in_county(raw, "Norrbotten"))))
    own = json.loads(cli("stats", "--by", "county", "--own", "--format", "json").stdout)
    alone = [p for p in raw if len(p["geography"]["counties"]) == 1]
    # each project once: the county rows of --own add up to the projects in one county
    assert sum(r["projects"] for r in own if not r.get("national")) == len(alone)
    assert sum(r["total_cost_sek"] or 0 for r in own if not r.get("national")) == total(alone)


def test_the_national_total_counts_each_project_once(cli, raw):
    doc = json.loads(cli("report", "--format", "json").stdout)
    assert doc["summary"]["projects"] == len(raw)
    assert doc["summary"]["total_cost_sek"] == total(raw)
    assert "shared_with_other_counties" not in doc["summary"]
    md = cli("report", "--format", "markdown").stdout
    assert "| Delade projekt | Kostnad i delade |" in md


# --- the stamp: when, and from which data ------------------------------------------------------


def copy_of_data(tmp_path, day="2025-03-04"):
    import datetime as dt

    copy = tmp_path / "kb"
    stamp = dt.datetime.fromisoformat(day + "T10:00:00").timestamp()
    for folder in ("projects", "reference"):
        shutil.copytree(DATA / folder, copy / folder)
        for f in (copy / folder).iterdir():
            os.utime(f, (stamp, stamp))
    return copy


def test_the_report_says_when_and_from_which_files(cli, tmp_path):
    copy = copy_of_data(tmp_path)
    env = {"SERVICEKB_TODAY": "2026-01-15"}
    text = cli("report", "--region", "Dalarna", "--data-dir", copy, env=env).stdout
    assert "Rapporten gjordes 2026-01-15 ur datafiler senast ändrade 2025-03-04." in text
    md = cli("report", "--region", "Dalarna", "--data-dir", copy, "--format", "markdown", env=env).stdout
    assert "Rapporten gjordes 2026-01-15 ur datafiler senast ändrade 2025-03-04." in md
    html = cli("report", "--region", "Dalarna", "--data-dir", copy, "--format", "html", env=env).stdout
    assert "Rapporten gjordes 2026-01-15" in html
    doc = json.loads(cli("report", "--region", "Dalarna", "--data-dir", copy, "--format", "json", env=env).stdout)
    assert doc["made_on"] == "2026-01-15"
    assert doc["data_state"] == {"git_revision": None, "changed": "2025-03-04", "uncommitted_changes": False}
    english = cli("report", "--region", "Dalarna", "--data-dir", copy, env={**env, "SERVICEKB_LANG": "en"}).stdout
    assert "Report made on 2026-01-15 from data files last changed on 2025-03-04." in english


def test_the_pinned_day_also_decides_which_end_dates_have_passed(cli):
    def passed(day):
        args = ("list", "--fields", "id,past_end_date", "--format", "json")
        return [p["id"] for p in json.loads(cli(*args, env={"SERVICEKB_TODAY": day}).stdout) if p["past_end_date"]]

    assert passed("2000-01-01") == [] and passed("2100-01-01")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_in_a_git_work_tree_the_report_names_the_revision(tmp_path):
    copy = copy_of_data(tmp_path)
    git = ["git", "-C", str(copy), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run(
        [*git, "commit", "-qm", "data"], check=True, env={**os.environ, "GIT_COMMITTER_DATE": "2025-05-06T10:00:00"}
    )
    revision = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    env = {"SERVICEKB_TODAY": "2026-01-15", "SERVICEKB_LANG": "sv"}
    text = run_servicekb("report", "--region", "Dalarna", "--data-dir", copy, env=env).stdout
    assert f"Rapporten gjordes 2026-01-15 ur kunskapsbanken i git-version {revision} (2025-05-06)." in text
    (copy / "projects" / "leaxw-dalarna-gavleborg.yaml").write_text(
        (copy / "projects" / "leaxw-dalarna-gavleborg.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    text = run_servicekb("report", "--region", "Dalarna", "--data-dir", copy, env=env).stdout
    assert f"git-version {revision} (2025-05-06) med ändringar som inte är incheckade." in text


def test_without_git_the_files_date_is_used_quietly(tmp_path):
    import sys

    copy = copy_of_data(tmp_path)
    env = {"SERVICEKB_TODAY": "2026-01-15", "SERVICEKB_LANG": "sv", "PATH": str(tmp_path / "no-bin")}
    result = run_servicekb("report", "--region", "Dalarna", "--data-dir", copy, env=env)
    assert result.returncode == 0 and sys.executable
    assert "ur datafiler senast ändrade 2025-03-04." in result.stdout and result.stderr == ""
