"""Output a person can trust: documents stay documents, one language per run, honest options,
status over time and provenance. Each test names the item of the issue it covers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys

import pytest
import yaml
from conftest import DATA, copy_page_projects, run_servicekb

from servicekb.messages import MESSAGES


@pytest.fixture(scope="module")
def raw():
    return {
        d["id"]: d
        for d in (yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((DATA / "projects").glob("*.yaml")))
    }


def past_end(raw) -> set[str]:
    today = dt.date.today()
    return {i for i, d in raw.items() if d["status"] == "ongoing" and d["end_date"] and d["end_date"] < today}


def test_piped_report_is_the_document():
    """`servicekb report --region Dalarna > f.txt` holds heading, totals, per-theme table and lessons."""
    proc = run_servicekb("report", "--region", "Dalarna")
    assert proc.returncode == 0
    out = proc.stdout
    assert "\x1b[" not in out
    for text in (
        "Dalarnas län (länskod 20, W) – Region Dalarna",
        "32 037 624 kr",
        "Per tema",
        "Några lärdomar",
        "Källa: Tillväxtverket",
    ):
        assert text in out, text
    assert "\t" not in out  # not the TSV project list


def test_piped_show_is_the_document():
    out = run_servicekb("show", "leaxw-dalarna-gavleborg").stdout
    assert out.startswith("LEAXW Dalarna Gävleborg\nleaxw-dalarna-gavleborg\n") and "\x1b[" not in out


@pytest.mark.parametrize(
    "args", [["report", "--region", "Dalarna"], ["report"], ["show", "leaxw-dalarna-gavleborg"], ["show", "ica"]]
)
def test_a_saved_document_has_no_trailing_spaces(args):
    """rich pads table cells to the width; in a file that is noise (diffs, `cat -A`). It once left
    38 of the Dalarna report's 74 lines ending in spaces."""
    out = run_servicekb(*args, env={"COLUMNS": "100"}).stdout
    lines = out.splitlines()
    assert len(lines) > 10 and out.endswith("\n")
    assert [line for line in lines if line != line.rstrip()] == []
    assert any(len(line) > 60 for line in lines)  # the tables are still laid out to the width


README_DAY = "2026-12-01"  # the README's sample: made on this day, from data files last changed on it


def readme_report(tmp_path) -> str:
    """The Dalarna report as the README shows it: made on README_DAY (SERVICEKB_TODAY) from a copy
    of the source page's projects (as the README says: a project from another source may join the
    bundled data without making the sample wrong) whose files were last changed that day (not in
    git, so the stamp names the files' date and not a revision that moves with every commit)."""
    import datetime as dt
    import os

    copy = copy_page_projects(tmp_path / "kb")
    stamp = dt.datetime.fromisoformat(README_DAY + "T12:00:00").timestamp()
    for folder in ("projects", "reference"):
        for f in (copy / folder).iterdir():
            os.utime(f, (stamp, stamp))
    env = {"COLUMNS": "100", "SERVICEKB_LANG": "sv", "SERVICEKB_TODAY": README_DAY}
    return run_servicekb("report", "--region", "Dalarna", "--data-dir", copy, env=env).stdout


def test_the_readme_shows_the_report_as_it_is(tmp_path):
    """The README's Dalarna report is the saved document at 100 columns, byte for byte."""
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    shown = (
        readme[readme.index("### `servicekb report --region Dalarna`") :].split("```text\n", 1)[1].split("```", 1)[0]
    )
    assert shown == readme_report(tmp_path)


def _data_text() -> str:
    """Everything the data says (Swedish, as written): a label found there may be data, not interface."""
    return "\n".join(
        f.read_text(encoding="utf-8")
        for folder in ("projects", "reference")
        for f in sorted((DATA / folder).glob("*.yaml"))
    )


def _words(lang: str) -> set[str]:
    """Whole labels of one language that the other does not share and that the data never writes."""
    index = 0 if lang == "sv" else 1
    data = _data_text()
    return {
        pair[index]
        for pair in MESSAGES.values()
        if pair[0] != pair[1] and "{" not in pair[index] and len(pair[index]) > 6 and pair[index] not in data
    }


@pytest.mark.parametrize(("lang", "other"), [("sv_SE.UTF-8", "en"), ("en_US.UTF-8", "sv")])
def test_one_interface_language_per_run(lang, other):
    env = {"LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "SERVICEKB_LANG": "", "COLUMNS": "160", "FORCE_COLOR": ""}
    foreign = _words(other)
    mine = _words("sv" if other == "en" else "en")
    outputs = ""
    for args in (
        ["list", "--format", "table", "-r", "Norrbotten"],
        ["search", "paketautomat", "--format", "table"],
        ["stats", "--format", "table"],
        ["show", "digital-service-i-norrbottens-landsbygder-digiby"],
        ["report", "--region", "Norrbotten"],
    ):
        proc = run_servicekb(*args, env=env)
        assert proc.returncode == 0, proc.stderr
        outputs += proc.stdout
    leaked = sorted(w for w in foreign if w in outputs)
    assert not leaked, leaked
    assert sum(1 for w in mine if w in outputs) >= 10  # the control: the run's own language is there


def test_status_words_of_both_languages_are_accepted(cli):
    a = cli("list", "--status", "avslutat", "--format", "ids").stdout
    assert a == cli("list", "--status", "completed", "--format", "ids").stdout and a
    assert (
        cli("list", "--status", "pågående", "--format", "ids").stdout
        == cli("list", "--status", "ongoing", "--format", "ids").stdout
    )


def test_ongoing_past_end_date_is_marked_everywhere(cli, raw):
    expected = past_end(raw)
    assert len(expected) >= 1
    rows = list(csv.DictReader(io.StringIO(cli("list", "--format", "csv").stdout)))
    assert {r["id"] for r in rows if r["past_end_date"] == "true"} == expected  # as JSON spells it
    assert all(r["status"] in ("completed", "ongoing", "planned") for r in rows)  # machine values unchanged
    table = cli("list", "--format", "table", env={"COLUMNS": "160"}).stdout
    assert table.count("passerat") == len(expected)
    markdown = cli("list", "--format", "markdown").stdout
    assert markdown.count("pågående enligt källan – slutdatum") == len(expected)
    one = sorted(expected)[0]
    shown = cli("show", one).stdout
    assert f"pågående enligt Tillväxtverket – slutdatum {raw[one]['end_date']} passerat" in shown
    county = raw[one]["geography"]["counties"][0]
    report = cli("report", "--region", county, "--format", "markdown").stdout
    assert "slutdatum" in report and "passerat" in report


def test_provenance_in_json_and_citation(cli, raw):
    record = json.loads(cli("show", "leaxw-dalarna-gavleborg", "--format", "json").stdout)
    source = raw["leaxw-dalarna-gavleborg"]["source"]
    assert record["provenance"] == {
        "source": "tillvaxtverket-lokal-service",
        "publisher": "Tillväxtverket",
        "title": "Så utvecklar vi den lokala servicen",
        "section": source["section"] if isinstance(source, dict) else source,
        "heading": "LEAXW Dalarna Gävleborg",
        "programme": "Landsbygdsprogrammet 2014–2020",
        "url": None,
        "date": None,
    }
    listed = json.loads(cli("list", "--region", "Gotland", "--format", "json").stdout or "[]")
    assert all("provenance" in r for r in listed)
    cite = cli("show", "leaxw", "--format", "citation").stdout
    assert (
        cite.startswith("Tillväxtverket: ”Så utvecklar vi den lokala servicen”, avsnitt ")
        and "LEAXW Dalarna Gävleborg" in cite
    )
    assert "Källa: Tillväxtverket" in cli("report", "--region", "Dalarna", "--format", "markdown").stdout


def test_show_takes_any_case_and_a_unique_beginning_and_one_shape(cli):
    a = json.loads(cli("show", "LEAXW-Dalarna-Gavleborg", "--format", "json").stdout)
    b = yaml.safe_load(cli("show", "leaxw", "--format", "yaml").stdout)
    assert a == b and isinstance(a, dict)
    listed = json.loads(cli("show", "--ids", "-", "--format", "json", input="leaxw-dalarna-gavleborg\n").stdout)
    assert isinstance(listed, list) and listed[0] == a
    assert cli("show", "forstudie").exit_code == 2
    assert cli("show", "").exit_code == 2


def test_excel_implies_csv_and_ignored_options_are_refused(cli):
    out = cli("list", "--excel", "--region", "Uppsala").stdout
    assert out.startswith("\ufeffid;title")
    assert cli("list", "--excel", "--format", "tsv").exit_code == 2
    refused = cli("report", "--region", "Dalarna", "--fields", "id", "--format", "markdown")
    assert refused.exit_code == 2 and "--fields" in refused.output
    assert cli("report", "--region", "Dalarna", "--fields", "id", "--format", "ids").exit_code == 0


def test_report_on_a_selection_is_not_padded_with_empty_counties(cli, page_data):
    doc = json.loads(cli("report", "-m", "Mora", "--format", "json", "--data-dir", page_data).stdout)
    assert [r["value"] for r in doc["by_county"]] == ["Dalarna"]
    assert len(json.loads(cli("report", "--format", "json").stdout)["by_county"]) == 22  # 21 counties + nationwide


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_report_with_no_projects_says_so_instead_of_empty_tables(cli, fmt):
    """Gotland has no project of its own: no table headers over nothing, but a sentence, the
    nationwide projects and the source; exit 1 (no results), as for list."""
    result = cli("report", "--region", "Gotland", "--format", fmt)
    assert result.exit_code == 1
    out = result.stdout
    assert "Inga projekt i det här urvalet." in out
    assert "Nationella projekt som gäller hela landet" in out and "Källa:" in out
    for header in ("Per tema", "Projektägare", "Kommun/orter"):
        assert header not in out, header
    if fmt == "html":
        from test_html_report import parse

        parse(out)  # still a valid page


def test_csv_lists_are_unambiguous_and_cost_says_its_kind(cli, raw):
    rows = list(
        csv.DictReader(io.StringIO(cli("list", "--format", "csv", "--fields", "id,lessons,cost_sek,cost_kind").stdout))
    )
    for r in rows:
        lessons = raw[r["id"]]["lessons"]
        assert (r["lessons"].split(" | ") if r["lessons"] else []) == lessons
        f = raw[r["id"]]["funding"]
        assert r["cost_kind"] == (
            "total_cost" if f["total_cost_sek"] is not None else "budget" if f["budget_sek"] is not None else ""
        )


def test_stats_ids_by_region_and_municipality_prefix(cli):
    assert "Dalarna" in cli("stats", "--by", "region", "--format", "ids").stdout.split("\n")
    assert (
        cli("list", "-m", "Malung", "--format", "ids").stdout
        == cli("list", "-m", "Malung-Sälen", "--format", "ids").stdout
    )


def test_facets_when_piped_go_to_stderr(cli):
    result = cli("search", "paketombud", "--facets", "--format", "tsv")
    assert result.exit_code == 0
    assert result.stdout.startswith("rank\tid")
    assert "Tema" in result.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_scripts(cli, shell):
    script = cli("completion", shell).stdout
    assert "_SERVICEKB_COMPLETE" in script


def test_completion_offers_values_from_the_knowledge_base():
    env = dict(
        os.environ, COMP_WORDS="servicekb list --region Dal", COMP_CWORD="3", _SERVICEKB_COMPLETE="complete_bash"
    )
    proc = subprocess.run([sys.executable, "-m", "servicekb"], env=env, capture_output=True, text=True)
    assert proc.stdout.split() == ["Dalarna"]
    env.update(COMP_WORDS="servicekb show leax", COMP_CWORD="2")
    proc = subprocess.run([sys.executable, "-m", "servicekb"], env=env, capture_output=True, text=True)
    assert proc.stdout.split() == ["leaxw-dalarna-gavleborg"]


def test_data_fixes_are_visible(cli):
    """Issue 13's checks: Vingåker is listed; the Dalarna process lists three related projects."""
    assert "Vingåker" in cli("show", "hela-sverige-ska-leva-service-i-samverkan").stdout
    record = json.loads(cli("show", "dalarna-processledning-dalarnas-regionala", "--format", "json").stdout)
    assert len(record["related"]) == 3
