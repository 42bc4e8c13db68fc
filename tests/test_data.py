"""The bundled knowledge base: rules every project keeps, and what the source page holds.

The counts below are the page's: they hold for the projects whose source is the page, so a
project from another source (a new programme, an owner's own report) changes none of them."""

from __future__ import annotations

import collections
import re
import subprocess
import sys

import pytest
from conftest import DATA, ROOT

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


def test_every_file_is_valid(kb):
    assert kb.problems == []
    files = list((DATA / "projects").glob("*.yaml"))
    assert kb.count() == len(files) == len(set(kb.all_ids()))


def test_the_page_projects_per_section(kb, projects):
    """The page holds 81 projects in seven sections, each under its theme's heading."""
    page = from_the_page(projects)
    assert collections.Counter(p["source"]["section"] for p in page) == SECTIONS
    for p in page:
        assert kb.reference.themes.label(p["theme"]) == p["source"]["section"]


def test_every_project_has_summary_and_tag_and_finished_ones_have_results(projects):
    for p in projects:
        assert len(p["summary"]) > 40, p["id"]
        assert p["tags"], p["id"]
        if p["status"] == "completed":
            assert p["results"], p["id"]


def test_every_tag_in_the_vocabulary_is_used(kb, projects):
    used = {t for p in projects for t in p["tags"]}
    assert used == set(kb.reference.tags.by_slug)


def test_unknown_amounts_are_null_never_zero(projects):
    for p in projects:
        for amount in p["funding"].values():
            assert amount is None or isinstance(amount, list) or amount > 0, p["id"]


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


def test_no_personal_data():
    for f in (DATA / "projects").glob("*.yaml"):
        text = f.read_text(encoding="utf-8")
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), f.name


def test_related_links_point_at_existing_projects(projects):
    ids = {p["id"] for p in projects}
    for p in projects:
        assert set(p["related"]) <= ids


def test_copycheck_finds_no_shared_text():
    tool = ROOT.parent / "shared" / "tools" / "copycheck"
    if not tool.exists():
        pytest.skip("shared/tools/copycheck is not beside this checkout")
    proc = subprocess.run([sys.executable, str(tool), "--near", str(DATA / "projects")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-2000:]
