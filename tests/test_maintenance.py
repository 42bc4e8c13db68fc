"""Keeping the knowledge base with its own tool: new, import, fmt, rename, diff (issue 22, 23).

Every test works on a copy of the bundled knowledge base, so the real files are never touched.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import DATA, run_servicekb

from servicekb.writer import canonical, comment_lines, scalar

EN = {"SERVICEKB_LANG": "en"}
SV = {"SERVICEKB_LANG": "sv"}

# The owner's e-mail of the maintainers' trial: a new programme's project with its start date,
# a partner and its own source.
EMAIL = [
    "--title", "Servicepunkt i Kvarnby",
    "--theme", "Lokala lösningar och mötesplatser",
    "--kind", "Genomförande",
    "--status", "pågående",
    "--county", "Jämtlands län",
    "--municipality", "Krokom",
    "--owner", "Kvarnby byalag",
    "--owner-type", "Förening",
    "--partner", "Krokoms kommun",
    "--start-date", "2024-03-01",
    "--end-date", "2026-12",
    "--budget", "1 250 000 kr",
    "--tag", "servicepunkt,paketombud",
    "--summary", "Byalaget öppnar en servicepunkt med paketombud i byns affär och håller den öppen med frivilliga.",
    "--source-publisher", "Kvarnby byalag",
    "--source-title", "Projektbeskrivning till länsstyrelsen",
    "--source-date", "2024-02-15",
    "--programme", "Landsbygdsprogrammet 2023–2027",
]  # fmt: skip


@pytest.fixture
def kb(tmp_path):
    """A copy of the bundled knowledge base with its own reference data."""
    dest = tmp_path / "kb"
    shutil.copytree(DATA / "projects", dest / "projects")
    shutil.copytree(DATA / "reference", dest / "reference")
    return dest


def test_new_from_options_in_one_go(cli, kb):
    result = cli("new", "--data-dir", kb, *EMAIL, env=EN)
    assert result.exit_code == 0, result.output
    path = kb / "projects" / "servicepunkt-i-kvarnby.yaml"
    assert f"wrote {path}" in result.output
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["theme"] == "lokala-losningar" and data["kind"] == "genomforande" and data["status"] == "ongoing"
    assert data["geography"] == {
        "scope": "municipal",
        "counties": ["Jämtland"],
        "municipalities": ["Krokom"],
        "places": [],
    }
    assert data["owner"] == {"name": "Kvarnby byalag", "type": "forening"}
    assert data["funding"]["budget_sek"] == 1250000 and data["funding"]["total_cost_sek"] is None
    assert str(data["start_date"]) == "2024-03-01" and str(data["end_date"]) == "2026-12-31"
    assert data["partners"] == ["Krokoms kommun"]
    assert data["source"]["publisher"] == "Kvarnby byalag" and "ref" not in data["source"]
    assert cli("validate", "--data-dir", kb).exit_code == 0
    assert cli("fmt", "--check", "--data-dir", kb, path).exit_code == 0  # written in canonical form
    shown = cli("show", "servicepunkt-i-kvarnby", "--data-dir", kb, "--format", "citation", env=EN).output
    assert shown.startswith("Kvarnby byalag: ”Projektbeskrivning till länsstyrelsen”") and "Tillväxtverket" not in shown
    doc = json.loads(cli("show", "servicepunkt-i-kvarnby", "--data-dir", kb, "--format", "json").output)
    assert doc["provenance"]["programme"] == "Landsbygdsprogrammet 2023–2027"
    assert doc["provenance"]["date"] == "2024-02-15"


def test_new_dry_run_prints_the_file_and_writes_nothing(cli, kb):
    before = sorted(p.name for p in (kb / "projects").iterdir())
    result = cli("new", "--data-dir", kb, *EMAIL, "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.startswith("# yaml-language-server: $schema=")
    assert "id: servicepunkt-i-kvarnby" in result.stdout
    assert sorted(p.name for p in (kb / "projects").iterdir()) == before


def test_new_without_a_terminal_names_every_missing_value(cli, kb):
    result = cli("new", "--data-dir", kb, "--title", "Något nytt", env=EN)
    assert result.exit_code == 2
    missing = [line for line in result.output.splitlines() if "is missing" in line]
    assert [line.split()[1] for line in missing] == [
        "--theme",
        "--kind",
        "--status",
        "--summary",
        "--source-publisher",
        "--source-title",
    ]
    assert "Valid values: Lokala lösningar och mötesplatser" in result.output  # says what to give
    assert not (kb / "projects" / "nagot-nytt.yaml").exists()


def test_new_related_links_back_so_the_file_validates(cli, kb):
    """`new --related X` wrote a file that validate then refused (X did not link back), and an
    unknown id was written as well (keepers' walk)."""
    unknown = cli("new", "--data-dir", kb, *EMAIL, "--related", "nope-nope", env=EN)
    assert unknown.exit_code == 1 and "--related: 'nope-nope' is not a project" in unknown.output
    assert not (kb / "projects" / "servicepunkt-i-kvarnby.yaml").exists()
    result = cli("new", "--data-dir", kb, *EMAIL, "--related", "axfood", env=EN)
    assert result.exit_code == 0, result.output
    assert "linked back from axfood.yaml" in result.output
    axfood = yaml.safe_load((kb / "projects" / "axfood.yaml").read_text(encoding="utf-8"))
    assert "servicepunkt-i-kvarnby" in axfood["related"]
    assert cli("validate", "--data-dir", kb).exit_code == 0


def test_new_with_an_owner_asks_for_its_type(cli, kb):
    """`--owner` without `--owner-type` failed with "--owner-type: must be text", after every
    prompt on a terminal (keepers' walk): the type is missing, and said so with its valid values."""
    args = [*EMAIL]
    i = args.index("--owner-type")
    del args[i : i + 2]
    result = cli("new", "--data-dir", kb, *args, "--no-input", env=EN)
    assert result.exit_code == 2
    assert "--owner-type is missing. Valid values: Kommun" in result.output
    assert "must be text" not in result.output


def test_new_reports_every_bad_value_at_once(cli, kb):
    args = [*EMAIL]
    args[args.index("--status") + 1] = "klar"
    args[args.index("--county") + 1] = "Narnia"
    args[args.index("--budget") + 1] = "mycket"
    result = cli("new", "--data-dir", kb, *args, env=EN)
    assert result.exit_code == 1
    assert "--status: unknown status 'klar'" in result.output
    assert "--county: unknown county 'Narnia'" in result.output
    assert "--budget: budget_sek takes whole kronor" in result.output


def test_new_refuses_an_id_that_is_taken(cli, kb):
    args = [*EMAIL]
    args[args.index("--title") + 1] = "Axfood"
    result = cli("new", "--data-dir", kb, *args, env=EN)
    assert result.exit_code == 1 and "the id 'axfood' is taken" in result.output
    assert yaml.safe_load((kb / "projects" / "axfood.yaml").read_text(encoding="utf-8"))["title"] == "Axfood"


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_new_prompts_for_what_is_missing_on_a_terminal(kb):
    """A real pseudo-terminal: the prompts show the valid values and take the answers."""
    import pty
    import select
    import time

    args = [a for a in EMAIL]
    for option in ("--theme", "--status", "--summary"):
        i = args.index(option)
        del args[i : i + 2]
    master, slave = pty.openpty()
    env = {**os.environ, "SERVICEKB_LANG": "sv", "COLUMNS": "100"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "servicekb", "new", "--data-dir", str(kb), *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    seen = b""

    def wait_for(text: str, timeout: float = 30) -> None:
        nonlocal seen
        end = time.monotonic() + timeout
        while text.encode() not in seen:
            assert time.monotonic() < end, seen.decode("utf-8", "replace")
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(master, 4096)
                except OSError:
                    break

    try:
        wait_for("Tema:")
        assert "Giltiga värden: Lokala lösningar och mötesplatser" in seen.decode()
        # A wrong answer is asked again at once (it was found only after the last prompt,
        # and every answer typed was lost).
        os.write(master, b"xyzzy\r")
        wait_for("'xyzzy' finns inte")
        seen = seen[seen.index(b"xyzzy") :]
        wait_for("Tema:")
        os.write(master, b"lokala\r")
        wait_for("Status:")
        os.write(master, "pågående\r".encode())
        wait_for("Sammanfattning")
        os.write(master, b"\r")  # a summary is needed: asked again
        wait_for("Det här måste anges.")
        os.write(master, "Byalaget öppnar en servicepunkt i byns affär.\r".encode())
        wait_for("skrev")
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        os.close(master)
    data = yaml.safe_load((kb / "projects" / "servicepunkt-i-kvarnby.yaml").read_text(encoding="utf-8"))
    assert data["theme"] == "lokala-losningar" and data["status"] == "ongoing"


def _export(cli, kb, dest):
    result = cli("export", "csv", dest, "--data-dir", kb)
    assert result.exit_code == 0, result.output
    return dest / "projects.csv"


def test_export_csv_then_import_gives_back_the_same_files(cli, kb, tmp_path):
    cli("new", "--data-dir", kb, *EMAIL)  # a project with a source of its own, a start date and a partner
    cli("fmt", "--data-dir", kb)
    projects_csv = _export(cli, kb, tmp_path / "export")
    empty = tmp_path / "empty"
    (empty / "projects").mkdir(parents=True)
    shutil.copytree(kb / "reference", empty / "reference")
    result = cli("import", projects_csv, "--data-dir", empty, env=EN)
    assert result.exit_code == 0, result.output
    before = {p.name: p.read_bytes() for p in (kb / "projects").glob("*.yaml")}
    after = {p.name: p.read_bytes() for p in (empty / "projects").glob("*.yaml")}
    assert after == before


def _rows(n: int) -> list[dict]:
    return [
        {
            "title": f"Testbutik nummer {i}",
            "theme": "Lokala lösningar och mötesplatser",
            "kind": "Genomförande",
            "status": "Avslutat",
            "counties": "Västerbotten",
            "owner_name": f"Byförening {i}",
            "owner_type": "Förening",
            "total_cost_sek": f"{100 + i} 000 kr",
            "summary": "En by håller sin butik öppen med frivilliga krafter.",
            "results": "Butiken finns kvar | Fler handlar lokalt",
            "tags": "dagligvarubutik",
            "source_publisher": "Region Västerbotten",
            "source_title": "Lägesrapport",
        }
        for i in range(n)
    ]


def _write_csv(path, rows, delimiter=",", bom=False):
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def test_import_reports_every_bad_row_in_one_run_and_writes_nothing(cli, kb, tmp_path):
    rows = _rows(40)
    rows[4]["theme"] = "Ingen sådan"
    rows[17]["total_cost_sek"] = "ungefär en miljon"
    rows[33]["counties"] = "Narnia"
    sheet = tmp_path / "nya.csv"
    _write_csv(sheet, rows)
    before = sorted(p.name for p in (kb / "projects").iterdir())
    result = cli("import", sheet, "--data-dir", kb, env=EN)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(sheet))]
    assert len(lines) == 3, result.output
    assert f"{sheet}:6: column theme 'Ingen sådan': unknown theme" in lines[0]  # line 6: the header is line 1
    assert f"{sheet}:19: column total_cost_sek 'ungefär en miljon'" in lines[1]
    assert f"{sheet}:35: column counties 'Narnia': unknown county" in lines[2]
    assert "nothing written: 3 problems on 3 rows" in result.output
    assert sorted(p.name for p in (kb / "projects").iterdir()) == before
    # corrected, the same file goes in whole (--dry-run first checks only)
    for i, key, value in ((4, "theme", "lokala"), (17, "total_cost_sek", "1000000"), (33, "counties", "AC")):
        rows[i][key] = value
    _write_csv(sheet, rows)
    assert cli("import", sheet, "--data-dir", kb, "--dry-run").exit_code == 0
    assert sorted(p.name for p in (kb / "projects").iterdir()) == before
    result = cli("import", sheet, "--data-dir", kb, env=EN)
    assert result.exit_code == 0 and "wrote 40 project files" in result.output
    assert cli("validate", "--data-dir", kb).exit_code == 0
    one = yaml.safe_load((kb / "projects" / "testbutik-nummer-4.yaml").read_text(encoding="utf-8"))
    assert one["results"] == ["Butiken finns kvar", "Fler handlar lokalt"] and one["status"] == "completed"


def test_import_reports_a_duplicate_id_on_a_row_with_other_problems(cli, kb, tmp_path):
    """A row with a missing title said nothing of its id given twice (keepers' walk): every
    problem of every row in one run."""
    rows = _rows(3)
    rows[0]["id"] = "samma-id"
    rows[2]["id"] = "samma-id"
    rows[2]["title"] = ""
    sheet = tmp_path / "dubbel.csv"
    _write_csv(sheet, rows)
    result = cli("import", sheet, "--data-dir", kb, env=EN)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(f"{sheet}:4")]
    assert any("title" in line for line in lines), result.output
    assert any("the same id as on line 2" in line for line in lines), result.output


def test_import_reads_swedish_excel_and_refuses_existing_ids_without_update(cli, kb, tmp_path):
    rows = _rows(2)
    rows[1]["title"] = "Axfood"  # an existing project's id
    sheet = tmp_path / "excel.csv"
    _write_csv(sheet, rows, delimiter=";", bom=True)
    result = cli("import", sheet, "--data-dir", kb, env=EN)
    assert result.exit_code == 1 and "column id 'axfood': a project with this id exists; give --update" in result.output
    result = cli("import", sheet, "--data-dir", kb, "--update", env=EN)
    assert result.exit_code == 0, result.output
    assert (
        yaml.safe_load((kb / "projects" / "axfood.yaml").read_text(encoding="utf-8"))["owner"]["name"] == "Byförening 1"
    )


def test_fmt_is_idempotent_and_check_names_what_differs(cli, kb):
    path = kb / "projects" / "axfood.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # the same project written another way: other key order, other quoting, one long line
    other = yaml.safe_dump(dict(reversed(list(data.items()))), allow_unicode=True, width=1000)
    path.write_text(other, encoding="utf-8")
    result = cli("fmt", "--check", "--data-dir", kb, env=EN)
    assert result.exit_code == 1
    assert result.output.count("not in canonical form") == 1 and "axfood.yaml" in result.output
    assert path.read_text(encoding="utf-8") == other  # --check changed nothing
    assert cli("fmt", "--data-dir", kb).exit_code == 0
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == {
        **data,
        "source": path and yaml.safe_load(path.read_text(encoding="utf-8"))["source"],
    }
    first = path.read_bytes()
    assert cli("fmt", "--check", "--data-dir", kb).exit_code == 0
    assert cli("fmt", "--data-dir", kb).exit_code == 0
    assert path.read_bytes() == first
    assert cli("validate", "--data-dir", kb).exit_code == 0


def test_every_bundled_file_is_in_canonical_form(cli):
    result = cli("fmt", "--check", env=EN)
    assert result.exit_code == 0, result.output


def test_fmt_removes_a_byte_order_mark(cli, kb):
    """A file saved with a BOM is read, but it is not the canonical form (keepers' walk)."""
    menigo = kb / "projects" / "menigo.yaml"
    menigo.write_bytes(b"\xef\xbb\xbf" + menigo.read_bytes())
    assert cli("fmt", "--check", "--data-dir", kb).exit_code == 1
    assert cli("fmt", "--data-dir", kb).exit_code == 0
    assert not menigo.read_bytes().startswith(b"\xef\xbb\xbf")
    assert cli("fmt", "--check", "--data-dir", kb).exit_code == 0


def test_fmt_does_not_drop_a_maintainers_comment_silently(cli, kb):
    path = kb / "projects" / "ica.yaml"
    text = path.read_text(encoding="utf-8").replace("status: completed", "status:   completed  # enligt slutrapporten")
    path.write_text(text, encoding="utf-8")
    result = cli("fmt", "--data-dir", kb, env=EN)
    assert result.exit_code == 1 and "ica.yaml has comments (line " in result.output
    assert path.read_text(encoding="utf-8") == text
    assert cli("fmt", "--data-dir", kb, "--drop-comments").exit_code == 0
    assert "#" not in path.read_text(encoding="utf-8").split("\n", 1)[1]


def test_rename_rewrites_every_link_and_keeps_the_old_id(cli, kb):
    linking = [
        p.name
        for p in (kb / "projects").glob("*.yaml")
        if "ica" in (yaml.safe_load(p.read_text(encoding="utf-8"))["related"] or [])
    ]
    result = cli("rename", "ica", "ica-handlarutbildning", "--data-dir", kb, env=EN)
    assert result.exit_code == 0, result.output
    assert not (kb / "projects" / "ica.yaml").exists()
    renamed = yaml.safe_load((kb / "projects" / "ica-handlarutbildning.yaml").read_text(encoding="utf-8"))
    assert renamed["id"] == "ica-handlarutbildning" and renamed["former_ids"] == ["ica"]
    assert linking and all(
        "ica-handlarutbildning" in yaml.safe_load((kb / "projects" / name).read_text(encoding="utf-8"))["related"]
        for name in linking
    )
    assert cli("validate", "--data-dir", kb).exit_code == 0
    assert cli("fmt", "--check", "--data-dir", kb).exit_code == 0
    shown = run_servicekb("show", "ica", "--data-dir", kb, "--format", "json", env=EN)
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == "ica-handlarutbildning"
    assert "ica is now ica-handlarutbildning" in shown.stderr
    taken = cli("rename", "axfood", "menigo", "--data-dir", kb, env=EN)
    assert taken.exit_code == 1 and "the id 'menigo' is taken" in taken.output


def test_validate_of_one_file_reports_the_links_other_files_hold_to_it(cli, kb):
    """A rename by hand: the per-file run a commit hook makes catches the broken links elsewhere."""
    old = kb / "projects" / "ica.yaml"
    new = kb / "projects" / "ica-ny.yaml"
    new.write_text(old.read_text(encoding="utf-8").replace("id: ica\n", "id: ica-ny\n"), encoding="utf-8")
    old.unlink()
    result = cli("validate", new, "--data-dir", kb, env=EN)
    assert result.exit_code == 1
    assert "lonsamt-ledarskap.yaml" in result.output and "related id 'ica' is not a project" in result.output
    sv = cli("validate", new, "--data-dir", kb, env=SV)
    assert "related-id 'ica' är inget projekt i den här kunskapsbanken" in sv.output


def test_validate_of_one_file_counts_only_that_file(cli, kb):
    """Another file's broken link was counted as the named file's problem ("1 file checked: 0
    valid, 2 with problems"; keepers' walk): it is still shown, under its own heading, apart."""
    axfood = kb / "projects" / "axfood.yaml"
    axfood.write_text(
        axfood.read_text(encoding="utf-8").replace("related: []", "related: [nope-nope]"), encoding="utf-8"
    )
    assert "nope-nope" in axfood.read_text(encoding="utf-8")
    result = cli("validate", kb / "projects" / "menigo.yaml", "--data-dir", kb, env=EN)
    assert result.exit_code == 1  # the register as a whole has a problem
    lines = result.output.splitlines()
    assert lines[0].startswith("In other files (the rules that span files")
    assert "related id 'nope-nope' is not a project" in lines[1]
    assert "1 file checked: 1 valid, 0 with problems (0 problems)." in result.output
    assert "Also 1 problem in 1 other file." in result.output


REFERENCE_CASES = [
    (
        "tags.yaml",
        lambda text: text + "- slug: oanvand\n  label: Oanvänd\n",
        "no project uses the tag 'oanvand'",
        "taggen 'oanvand' används inte av något projekt",
    ),
    (
        "synonyms.yaml",
        lambda text: text.replace("equivalent:\n", "equivalent:\n  - [lanthandel, kiosk]\n", 1),
        "the thesaurus cannot be read",
        "synonymfilen går inte att läsa",
    ),
    (
        "synonyms.yaml",
        lambda text: text.replace("broader:\n", "broader:\n  dagligvarubutik: [bybutik]\n", 1),
        "is both narrower and broader than",
        "är både smalare och bredare än",
    ),
]


@pytest.mark.parametrize("name,change,english,swedish", REFERENCE_CASES)
def test_validate_checks_the_reference_data_and_the_thesaurus(cli, kb, name, change, english, swedish):
    path = kb / "reference" / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = cli("validate", "--data-dir", kb, env=EN)
    assert result.exit_code == 1 and english in result.output, result.output
    assert swedish in cli("validate", "--data-dir", kb, env=SV).output


def test_writer_round_trips_strings_other_readers_would_misread():
    from servicekb.yamlfile import parse

    tricky = ["no", "0100", "12:30", "null", "~", "a: b", "#tag", "-x", "[x]", "x #y", "Ja!", "2020", "1e3", "é"]
    for text in tricky:
        line = f"key: {scalar(text)}\n"
        assert parse(line)[0] == {"key": text}, line
        assert yaml.safe_load(line) == {"key": text}, line  # PyYAML's YAML 1.1 reading agrees
    assert scalar("Servicepunkt i Kvarnby") == "Servicepunkt i Kvarnby"  # plain where it is safe
    assert comment_lines('title: "a # b"\n# a comment\nx: y  # and one\n') == [2, 3]


def test_the_canonical_form_keeps_every_fact_of_every_bundled_project():
    from servicekb.loader import check_file
    from servicekb.model import Project
    from servicekb.reference import Reference
    from servicekb.yamlfile import parse

    ref = Reference(DATA / "reference")
    for path in sorted((DATA / "projects").glob("*.yaml")):
        project = check_file(path, path.name, ref).project
        assert project is not None, path
        text = canonical(project)
        assert Project.model_validate(parse(text)[0]) == project, path


def _git(repo, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_between_two_revisions_reports_exactly_what_changed(cli, kb):
    _git(kb, "init", "-q")
    _git(kb, "add", "-A")
    _git(kb, "commit", "-qm", "first")
    assert cli("new", "--data-dir", kb, *EMAIL).exit_code == 0
    axfood = kb / "projects" / "axfood.yaml"
    axfood.write_text(axfood.read_text(encoding="utf-8").replace("2689086", "2700000"), encoding="utf-8")
    _git(kb, "add", "-A")
    _git(kb, "commit", "-qm", "second")

    doc = json.loads(cli("diff", "HEAD~1", "HEAD", "--data-dir", kb, "--format", "json").output)
    assert [p["id"] for p in doc["added"]] == ["servicepunkt-i-kvarnby"] and doc["removed"] == []
    assert doc["changed"] == [
        {
            "id": "axfood",
            "title": "Axfood",
            "renamed_from": None,
            "fields": [{"field": "funding.total_cost_sek", "old": 2689086, "new": 2700000, "difference": 10914}],
        }
    ]
    assert doc["reference"] == []
    totals = {t["what"]: t["difference"] for t in doc["totals"]}
    assert totals == {"projects": 1, "total_cost_sek": 10914, "budget_sek": 1250000}

    text = cli("diff", "HEAD~1", "HEAD", "--data-dir", kb, "--format", "text", env=EN).output
    assert "Projects added (1)" in text and "Servicepunkt i Kvarnby (servicepunkt-i-kvarnby)" in text
    assert "funding.total_cost_sek: 2 689 086 kr → 2 700 000 kr (+10 914 kr)" in text
    assert "Projects removed" not in text
    markdown = cli("diff", "HEAD~1", "HEAD", "--data-dir", kb, "--format", "markdown", env=SV).output
    assert markdown.startswith("## Ändringar från HEAD\\~1 till HEAD")  # ~ escaped: GitHub reads ~x~ as strikethrough
    assert "### Tillagda projekt (1)" in markdown and "- Axfood (axfood)" in markdown
    # nothing changed since: HEAD against the working tree
    assert "No changes" in cli("diff", "--data-dir", kb, env=EN).output


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_says_what_to_do_when_git_cannot_answer(cli, kb, monkeypatch):
    """git's own 'fatal: not a git repository' named no way out (new-user walk): each case says
    what is wrong in words and points at --against."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(kb.parent))  # kb's parents are no repository
    outside = cli("diff", "--data-dir", kb, env=EN)
    assert outside.exit_code == 2
    assert "is not in a git repository" in outside.stderr and "--against FOLDER" in outside.stderr
    assert "fatal" not in outside.stderr
    _git(kb, "init", "-q")
    no_commit = cli("diff", "--data-dir", kb, env=EN)
    assert no_commit.exit_code == 2 and "the repository has no commits yet" in no_commit.stderr
    _git(kb, "add", "-A")
    _git(kb, "commit", "-qm", "first")
    assert "git knows no revision 'nosuchrev'" in cli("diff", "nosuchrev", "--data-dir", kb, env=EN).stderr
    untracked = kb / "later"
    shutil.copytree(kb / "projects", untracked / "projects")
    shutil.copytree(kb / "reference", untracked / "reference")
    result = cli("diff", "--data-dir", untracked, env=EN)
    assert result.exit_code == 2 and "is not in revision HEAD (is the folder committed?)" in result.stderr


def test_diff_against_another_folder(cli, kb, tmp_path):
    other = tmp_path / "old"
    shutil.copytree(kb, other)
    (kb / "projects" / "menigo.yaml").unlink()
    doc = json.loads(cli("diff", "--against", other, "--data-dir", kb, "--format", "json").output)
    assert [p["id"] for p in doc["removed"]] == ["menigo"] and doc["added"] == [] and doc["changed"] == []
