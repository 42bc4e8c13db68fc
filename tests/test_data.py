"""The bundled knowledge base: rules every project keeps, and what the source page holds.

The counts below are the page's: they hold for the projects whose source is the page, so a
project from another source (a new programme, an owner's own report) changes none of them."""

from __future__ import annotations

import collections
import re
import subprocess
import sys

import pytest
from conftest import BUNDLED, DATA, ROOT

from servicekb.kb import open_kb

SECTIONS = {
    "Lokala lösningar och mötesplatser": 31,
    "Företagens behov av service": 4,
    "Ny teknik, digitalisering och nya metoder": 4,
    "Samordnad logistik och pakethantering": 6,
    "Regionala processer": 17,
    "Kompetensutveckling i butiker": 4,
    "Kommunala processer": 15,
}


@pytest.fixture(scope="module")
def kb():
    return open_kb(DATA, use_cache=False)


@pytest.fixture(scope="module")
def projects(kb):
    return kb.select()


PAGE = "tillvaxtverket-lokal-service"


def from_the_page(projects):
    return [p for p in projects if p["source"].get("ref") == PAGE]


def rule_every_file_is_valid(kb, projects, data):
    assert kb.problems == []
    files = list((data / "projects").glob("*.yaml"))
    assert kb.count() == len(files) == len(set(kb.all_ids()))


def rule_the_page_projects_per_section(kb, projects, data):
    """The page holds 81 projects in seven sections, each under its theme's heading."""
    page = from_the_page(projects)
    assert collections.Counter(p["source"]["section"] for p in page) == SECTIONS
    for p in page:
        assert kb.reference.themes.label(p["theme"]) == p["source"]["section"]


def rule_every_project_has_summary_and_tag_and_finished_ones_have_results(kb, projects, data):
    for p in projects:
        assert len(p["summary"]) > 40, p["id"]
        assert p["tags"], p["id"]
        if p["status"] == "completed":
            assert p["results"], p["id"]


def rule_every_tag_in_the_vocabulary_is_used(kb, projects, data):
    used = {t for p in projects for t in p["tags"]}
    assert used == set(kb.reference.tags.by_slug)


def rule_unknown_amounts_are_null_never_zero(kb, projects, data):
    for p in projects:
        for amount in p["funding"].values():
            assert amount is None or isinstance(amount, list) or amount > 0, p["id"]


def rule_no_personal_data(kb, projects, data):
    for f in (data / "projects").glob("*.yaml"):
        text = f.read_text(encoding="utf-8")
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), f.name


def rule_related_links_point_at_existing_projects(kb, projects, data):
    ids = {p["id"] for p in projects}
    for p in projects:
        assert set(p["related"]) <= ids


def rule_every_file_is_in_canonical_form(kb, projects, data):
    from servicekb.writer import canonical

    for p in projects:
        path = data / "projects" / f"{p['id']}.yaml"
        assert path.read_text(encoding="utf-8") == canonical(p), path.name


RULES = [value for name, value in dict(globals()).items() if name.startswith("rule_")]


@pytest.mark.parametrize("rule", RULES, ids=[r.__name__ for r in RULES])
def test_the_bundled_knowledge_base_keeps_every_rule(rule, kb, projects):
    rule(kb, projects, DATA)


def test_a_new_project_with_another_source_keeps_every_rule(tmp_path):
    """The knowledge base can grow: a valid project from the 2023–2027 programme, with its own
    source, breaks none of the rules (and changes none of the page's counts)."""
    import shutil

    from typer.testing import CliRunner

    from servicekb.cli import app

    data = tmp_path / "kb"
    shutil.copytree(DATA / "projects", data / "projects")
    shutil.copytree(DATA / "reference", data / "reference")
    result = CliRunner().invoke(
        app,
        [
            "new", "--data-dir", str(data), "--title", "Servicepunkt i Kvarnby", "--theme", "lokala",
            "--kind", "genomförande", "--status", "pågående", "--county", "Jämtlands län",
            "--owner", "Kvarnby byalag", "--owner-type", "förening", "--budget", "1 250 000 kr",
            "--summary", "Byalaget öppnar en servicepunkt med paketombud i byns affär och håller öppet med frivilliga.",
            "--result", "Väntas ge byn ett paketombud och längre öppettider.", "--tag", "servicepunkt",
            "--source-publisher", "Kvarnby byalag", "--source-title", "Projektbeskrivning",
            "--programme", "Landsbygdsprogrammet 2023–2027",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    kb = open_kb(data, use_cache=False)
    projects = kb.select()
    assert len(projects) == BUNDLED + 1
    for rule in RULES:
        rule(kb, projects, data)
    shown = CliRunner().invoke(app, ["show", "servicepunkt-i-kvarnby", "--data-dir", str(data), "--format", "citation"])
    assert shown.output.startswith("Kvarnby byalag: ”Projektbeskrivning”")


def test_amounts_carry_over_from_the_source():
    """Spot checks against the page, written the many ways it writes them."""
    kb = open_kb(DATA, use_cache=False)

    def cost(i):
        return kb.get(i)["funding"]["total_cost_sek"]

    assert cost("servicepunkt-2-0-i-hoga-kusten") == 356462  # "356 462 kr"
    assert cost("leaxw-dalarna-gavleborg") == 2969000  # "2 969 000 kr"
    assert cost("stockebygdens-utveckling-forstudie-motesplats") == 1000000  # "1000 000 kronor"
    assert cost("nationell-ombudsplattform-for-effektivt") == 5100000  # "5100 000 kronor"
    v = kb.get("valkommen-till-bygden-vasterbotten")["funding"]
    assert (v["total_cost_sek"], v["budget_sek"], v["public_support_sek"]) == (None, 3751448, 2813586)


def test_copycheck_finds_no_shared_text():
    tool = ROOT.parent / "shared" / "tools" / "copycheck"
    if not tool.exists():
        pytest.skip("shared/tools/copycheck is not beside this checkout")
    proc = subprocess.run([sys.executable, str(tool), "--near", str(DATA / "projects")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-2000:]
