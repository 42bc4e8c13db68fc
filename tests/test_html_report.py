"""report --format html: a valid, self-contained, accessible page with the report's numbers;
and -o/--output for every document format. (The real-browser check is test_html_browser.py.)"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import html5lib
import pytest
from conftest import DATA

from servicekb.money import format_sek

SVG = "{http://www.w3.org/2000/svg}"  # html5lib puts inline SVG in its namespace
AMOUNT = re.compile(r"\d{1,3}(?: \d{3})* kr")
# Attributes through which a page loads something (a link's href is only followed on a click,
# but a page that must work offline should not even point at the network for its own parts).
RESOURCE_ATTRIBUTES = ("src", "href", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href")


def html_of(cli, *args) -> str:
    result = cli("report", *args, "--format", "html")
    assert result.exit_code == 0, result.output
    return result.stdout


def parse(text: str):
    """Parse as a browser does; strict: the first parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(text)
    assert parser.errors == []
    return tree


def text_of(tree) -> str:
    return " ".join(" ".join(tree.itertext()).split())


@pytest.fixture(scope="module")
def dalarna(page_data):
    """Dalarna's report on the projects of the source page, whose numbers the tests know."""
    from typer.testing import CliRunner

    from servicekb.cli import app

    args = ["report", "--region", "Dalarna", "--format", "html", "--data-dir", str(page_data)]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0
    return result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--region", "Dalarna"],
        [],
        ["--region", "Norrbotten", "--region", "Västerbotten"],
        ["--theme", "logistik", "--region", "Gotland"],
    ],
    ids=["county", "national", "two counties", "filtered, no projects"],
)
def test_parses_as_html5_without_errors(cli, args):
    result = cli("report", *args, "--format", "html")
    assert result.exit_code in (0, 1)
    tree = parse(result.stdout)
    assert tree.tag == "html" and tree.get("lang") == "sv"
    assert result.stdout.startswith("<!DOCTYPE html>\n")
    assert tree.find("head/meta[@name='viewport']") is not None
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_no_external_resources_and_no_script(dalarna):
    tree = parse(dalarna)
    for element in tree.iter():
        for name in RESOURCE_ATTRIBUTES:
            value = (element.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "ftp:")), (element.tag, name, value)
        if element.get("href"):
            assert element.get("href").startswith("#"), element.get("href")  # only links within the page
    tags = {e.tag for e in tree.iter()}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "image", "use", "audio", "video", "source"}
    css = " ".join(s.text or "" for s in tree.iter("style"))
    assert "@import" not in css and "@font-face" not in css
    assert re.findall(r"url\(\s*['\"]?([^)'\"]*)", css) == []
    for fill in re.findall(r"url\(([^)]*)\)", dalarna):  # SVG fills: patterns of this page only
        assert fill.startswith("#"), fill


def test_the_control_sees_an_external_resource():
    """The check above can fail: a page with an external stylesheet is caught."""
    tree = parse(
        '<!DOCTYPE html><html lang="sv"><head><title>x</title><link rel="stylesheet" '
        'href="https://cdn.example/x.css"></head><body></body></html>'
    )
    hrefs = [e.get("href") for e in tree.iter() if e.get("href")]
    assert hrefs == ["https://cdn.example/x.css"]


@pytest.mark.parametrize(
    "args",
    [["--region", "Dalarna"], [], ["--region", "Norrbotten"], ["--theme", "logistik"]],
    ids=["Dalarna", "national", "Norrbotten", "one theme"],
)
def test_every_amount_and_count_of_the_report_is_there(cli, args):
    page = text_of(parse(html_of(cli, *args)))
    markdown = cli("report", *args, "--format", "markdown").stdout
    amounts = set(AMOUNT.findall(markdown))
    assert amounts and all(a in page for a in amounts), sorted(a for a in amounts if a not in page)
    doc = json.loads(cli("report", *args, "--format", "json").stdout)
    for row in [doc["summary"], *doc["by_theme"], *doc["by_county"]]:
        for key in ("total_cost_sek", "budget_sek", "public_support_sek"):
            if row[key] is not None:
                assert format_sek(row[key]) in page
    for project in doc["projects"]:
        assert project["title"] in page


def test_dalarna_heading_totals_and_projects(dalarna):
    tree = parse(dalarna)
    assert tree.find("head/title").text == "Dalarnas län (länskod 20, W) – Region Dalarna"
    assert tree.find(".//h1").text == "Dalarnas län (länskod 20, W) – Region Dalarna"
    page = text_of(tree)
    assert "Total kostnad, avslutade projekt: 32 037 624 kr (10 projekt med belopp)" in page
    assert [h.text for h in tree.iter("h2")] == [
        "Per tema",
        "Länets egna projekt (10)",
        "Projekt som delas med andra län (3)",
        "Några lärdomar",
        "Projektbeskrivningar",
    ]
    details = tree.findall(".//details")
    projects = [d for d in details if (d.get("id") or "").startswith("p-")]
    assert len(projects) == 13
    leaxw = next(d for d in projects if d.get("id") == "p-leaxw-dalarna-gavleborg")
    body = text_of(leaxw)
    assert "Genomförande" in body and "Resultat" in body and "Lärdomar" in body and "Källa:" in body
    # Each project title in the table links to its description.
    links = {a.get("href") for a in tree.iter("a")}
    assert {f"#{d.get('id')}" for d in projects} == links


def test_tables_are_real_tables_with_scoped_headers(dalarna):
    tree = parse(dalarna)
    tables = list(tree.iter("table"))
    assert len(tables) >= 3  # per theme, projects, the map's numbers
    for table in tables:
        assert table.find("thead") is not None
        assert all(th.get("scope") in ("col", "row") for th in table.iter("th"))
        assert any(th.get("scope") == "col" for th in table.iter("th"))


def test_every_chart_has_a_text_alternative(cli):
    for args in (["--region", "Dalarna"], []):
        tree = parse(html_of(cli, *args))
        svgs = list(tree.iter(SVG + "svg"))
        assert svgs
        ids = {e.get("id"): e for e in tree.iter() if e.get("id")}
        for svg in svgs:
            assert svg.get("role") == "img"
            assert ids[svg.get("aria-labelledby")].tag == SVG + "title"
            desc = ids[svg.get("aria-describedby")]
            assert desc.tag == SVG + "desc" and len(desc.text) > 40
            # Numbers are written out in the chart too: never colour alone.
            assert any(ch.isdigit() for t in svg.iter(SVG + "text") for ch in (t.text or ""))


def test_charts_per_theme_and_per_county(cli):
    national = parse(html_of(cli))
    captions = [" ".join(f.itertext()) for f in national.iter("figcaption")]
    assert "Antal projekt per län" in captions and "Antal projekt per tema" in captions
    assert (
        "Total kostnad per län (avslutade projekt)" in captions
        and "Total kostnad per tema (avslutade projekt)" in captions
    )
    dalarna = parse(html_of(cli, "--region", "Dalarna"))
    captions = [" ".join(f.itertext()) for f in dalarna.iter("figcaption")]
    assert "Antal projekt per tema" in captions and "Antal projekt per län" not in captions


def tiles(tree) -> dict[str, dict]:
    out = {}
    for g in tree.iter(SVG + "g"):
        if "tile" in (g.get("class") or "").split():
            name, count = (t.text for t in g.iter(SVG + "text"))
            out[name] = {
                "count": count,
                "marked": "marked" in g.get("class"),
                "title": g.find(SVG + "title").text,
                "fill": g.find(SVG + "rect").get("fill"),
            }
    return out


def test_county_map_shows_all_21_counties_with_the_reported_one_outlined(dalarna, cli, page_data):
    counties = [
        line.split("name: ")[1].split(",")[0]
        for line in (DATA / "reference" / "counties.yaml").read_text().splitlines()
        if line.startswith("- {name: ")
    ]
    t = tiles(parse(dalarna))
    assert sorted(t) == sorted(counties) and len(t) == 21
    assert [n for n, v in t.items() if v["marked"]] == ["Dalarna"]
    assert t["Dalarna"]["count"] == "13 projekt"
    assert t["Dalarna"]["title"].startswith("Dalarna: 13 projekt, total kostnad 32 037 624 kr")
    stats = {
        r["value"]: r["projects"]
        for r in json.loads(cli("stats", "--by", "county", "--format", "json", "--data-dir", page_data).stdout)
    }
    for name, v in t.items():
        assert v["count"] == f"{stats.get(name, 0)} projekt"
    assert "plats 1 av 21 län" in text_of(parse(dalarna))
    national = tiles(parse(html_of(cli, "--data-dir", page_data)))
    assert not any(v["marked"] for v in national.values())
    assert national == {n: {**v, "marked": False} for n, v in t.items()}  # same numbers, nothing outlined


def test_map_of_a_two_county_report_marks_the_rest_as_outside(cli):
    t = tiles(parse(html_of(cli, "--region", "Norrbotten", "--region", "Västerbotten")))
    inside = {n for n, v in t.items() if v["count"] != "ej i urvalet"}
    assert inside == {"Norrbotten", "Västerbotten"}
    assert t["Dalarna"]["fill"].startswith("url(#")  # hatched, and says so in words


def test_hostile_title_prints_as_text(cli, kb_copy):
    path = kb_copy / "projects" / "leaxw-dalarna-gavleborg.yaml"
    hostile = '<script>alert("x")</script> </title><b>&amp; [bold]'
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", "title: " + json.dumps(hostile), text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    result = cli("report", "--region", "Dalarna", "--format", "html", "--data-dir", kb_copy)
    assert result.exit_code == 0, result.output
    tree = parse(result.stdout)
    assert not list(tree.iter("script")) and not list(tree.iter("b"))
    assert hostile in text_of(tree)
    assert "&lt;script&gt;" in result.stdout and "<script>" not in result.stdout


def test_control_characters_are_shown_not_written(cli, kb_copy):
    path = kb_copy / "projects" / "leaxw-dalarna-gavleborg.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"^title: .*$", lambda m: 'title: "LEAXW \\x01\\x1b[31m"', text, count=1, flags=re.M), encoding="utf-8"
    )
    result = cli("report", "--region", "Dalarna", "--format", "html", "--data-dir", kb_copy)
    parse(result.stdout)  # strict: a raw control character would be a parse error
    assert "LEAXW \\x01\\x1b[31m" in result.stdout


def test_jinja2_is_imported_for_html_only():
    code = "import sys, servicekb.cli.report, servicekb.render_html, servicekb.report; print('jinja2' in sys.modules)"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "False"
    )


# --- -o / --output -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "json", "yaml", "html"])
def test_output_writes_the_same_document_as_stdout(cli, tmp_path, fmt):
    target = tmp_path / f"rapport.{fmt}"
    result = cli("report", "--region", "Dalarna", "--format", fmt, "-o", target)
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8") == cli("report", "--region", "Dalarna", "--format", fmt).stdout


@pytest.mark.parametrize(
    ("name", "fmt"), [("d.html", "html"), ("d.md", "markdown"), ("d.json", "json"), ("d.yml", "yaml")]
)
def test_output_takes_the_format_from_the_file_name(cli, tmp_path, name, fmt):
    result = cli("report", "--region", "Dalarna", "--output", tmp_path / name)
    assert result.exit_code == 0
    assert (tmp_path / name).read_text(encoding="utf-8") == cli("report", "--region", "Dalarna", "--format", fmt).stdout


def test_output_refuses_to_overwrite_without_force(cli, tmp_path):
    target = tmp_path / "dalarna.html"
    target.write_text("keep me", encoding="utf-8")
    result = cli("report", "--region", "Dalarna", "-o", target)
    assert result.exit_code == 2
    assert "finns redan; använd --force" in result.stderr and "Traceback" not in result.output
    assert target.read_text(encoding="utf-8") == "keep me"
    result = cli("report", "--region", "Dalarna", "-o", target, "--force")
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_output_writes_every_format_and_refuses_a_name_it_cannot_read(cli, tmp_path):
    """-o writes any of the report's formats (issue 26, item 4: .txt was refused)."""
    result = cli("report", "--region", "Dalarna", "--format", "csv", "-o", tmp_path / "x.csv")
    assert result.exit_code == 0 and (tmp_path / "x.csv").read_text(encoding="utf-8").startswith("id,")
    result = cli("report", "--region", "Dalarna", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "kan inte avgöra formatet" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]


def test_output_dash_is_stdout(cli):
    result = cli("report", "--region", "Dalarna", "--format", "html", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


def test_output_into_a_missing_folder_is_a_clear_error(cli, tmp_path):
    result = cli("report", "--region", "Dalarna", "-o", tmp_path / "no" / "such" / "d.html")
    assert result.exit_code == 2 and "kan inte skriva" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(("lang", "mine", "other"), [("sv", 0, 1), ("en", 1, 0)])
def test_the_page_speaks_the_runs_language(cli, lang, mine, other):
    """The page's own words (charts, map, legend, descriptions, footer) follow the run's language,
    as the report's text does, and the document says which language it is in (`<html lang>`)."""
    from test_language import _data_words, _names, _table_words, _words

    result = cli("report", "--region", "Dalarna", "--format", "html", env={"SERVICEKB_LANG": lang})
    assert result.exit_code == 0
    tree = parse(result.stdout)
    assert tree.get("lang") == lang
    assert {"sv": "bland Sveriges län: projekt per län", "en": "among Sweden's counties: projects by county"}[lang] in (
        text_of(tree)
    )
    words = _words(" ".join(tree.find("body").itertext()))
    for element in tree.iter():  # what a screen reader or a tooltip says counts too
        words |= _words(" ".join(element.get(a) or "" for a in ("aria-label", "title")))
    foreign = _table_words(other) - _table_words(mine) - _data_words() - _names()
    assert len(foreign) > 100  # the check has teeth ('stapeldiagram', 'rutkarta', … in an English run)
    assert not words & foreign, words & foreign
    assert len(words & (_table_words(mine) - _table_words(other))) >= 40  # the control


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_map_legend_and_tile_words_fit_their_space(cli, lang):
    """The legend sits left of the map's first tile column and a tile's count line is one tile wide:
    at the legend's font a label of more than 15 characters runs under the tiles (English 'the
    report's county' and 'not in the selection' once did)."""
    for args in (["--region", "Dalarna"], ["--region", "Norrbotten", "--region", "Västerbotten"]):
        result = cli("report", *args, "--format", "html", env={"SERVICEKB_LANG": lang})
        tree = parse(result.stdout)
        legend = next(g for g in tree.iter(SVG + "g") if g.get("class") == "legend")
        labels = [t.text for t in legend.iter(SVG + "text")][1:]  # after the legend's title
        assert labels and all(len(label) <= 15 for label in labels), labels
        assert all(len(v["count"]) <= 15 for v in tiles(tree).values())
