"""Issue 26, item 10: Datasette's search box over `export sqlite` finds what `servicekb search`
finds (FTS5 alone matched "ombud" in 4 projects, servicekb in 16), and the projects table opens
with its rows in view, the column notes folded."""

from __future__ import annotations

import asyncio

import pytest
import yaml


@pytest.fixture
def exported(cli, tmp_path):
    assert cli("export", "sqlite", tmp_path / "kb.db").exit_code == 0
    return tmp_path / "kb.db", yaml.safe_load((tmp_path / "kb.metadata.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("word", ["ombud", "paketautomat", "lanthandel"])
def test_datasette_finds_what_servicekb_search_finds(cli, exported, word, page_data):
    pytest.importorskip("datasette")
    from datasette.app import Datasette

    db, metadata = exported
    wanted = set(cli("search", word, "--format", "ids").stdout.split())
    assert wanted

    async def found() -> set[str]:
        ds = Datasette([str(db)], metadata=metadata)
        r = await ds.client.get(f"/kb/projects.json?_search={word}&_shape=array&_size=max&_col=id")
        assert r.status_code == 200
        return {row["id"] for row in r.json()}

    got = asyncio.run(found())
    assert got == wanted, (sorted(wanted - got), sorted(got - wanted))
    if word == "ombud":  # issue 26.10: plain FTS5 found 4 of the source page's 16
        assert len(got & {f.stem for f in (page_data / "projects").iterdir()}) == 16


def test_the_projects_page_shows_rows_before_any_column_note(exported):
    pytest.importorskip("datasette")
    from datasette.app import Datasette

    db, metadata = exported

    async def page() -> str:
        ds = Datasette([str(db)], metadata=metadata)
        r = await ds.client.get("/kb/projects")
        assert r.status_code == 200
        return r.text

    html = asyncio.run(page())
    assert 'class="column-descriptions"' not in html  # the long list above the rows is gone
    notes = html.index('<details class="column-notes">')
    assert '<details class="column-notes" open' not in html  # folded
    assert notes < html.index('<table class="rows-and-columns">')
    assert "<dt>total_cost_sek</dt>" in html[notes:]  # every note still there, one click away
