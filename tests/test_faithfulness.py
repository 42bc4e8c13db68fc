"""The data says no more than the source page: numbers in prose, and related links.

Each project's part of the page is found by its exact ``title`` heading line and runs to the
next heading line: any other project's title or a section heading (see data/README.md).
Every number a prose field writes (summary, activities, results, lessons) must occur in that
part, as digits or as a spelled-out small number ("nio" = "9"), in any of the ways the page
writes amounts ("1 000 000", "1000 000", non-breaking spaces), as a percentage or a year.

``related`` must be symmetric: where A lists B, B lists A, unless the link is listed in
``fixtures/related-one-way.yaml`` with the reason why it runs one way only.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

import pytest
import yaml
from conftest import DATA, FIXTURES, ROOT

SOURCE = ROOT.parent / "shared" / "source" / "lokal-service-pilotprojekt.txt"
PROSE_FIELDS = ("summary", "activities", "results", "lessons")
ONE_WAY = FIXTURES / "related-one-way.yaml"

# Spelled-out numbers the page uses. "en"/"ett" (also the indefinite article) are left out:
# they would match nearly anything and say nothing.
NUMBER_WORDS = {
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
    "tjugo": 20,
}

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

# One number token: an ISO date, or a date written out ("31 januari 2023"); or digits with
# thousands groups after a space or a non-breaking space ("1 000 000", "1000 000", "5 900") and
# an optional decimal part ("4,8", "2.0"); or a spelled-out number as a whole word.
_NUMBER = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"|(?P<day>\d{1,2})[ \u00a0](?P<month>" + "|".join(MONTHS) + r")[ \u00a0](?P<year>\d{4})"
    r"|(?P<digits>(?<![\w,.])\d+(?:[ \u00a0\u202f]\d{3}(?!\d))*(?:[,.]\d+(?!\d))?)"
    r"|(?P<word>\b(?:" + "|".join(NUMBER_WORDS) + r")\b)",
    re.IGNORECASE,
)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _value(token: str) -> Fraction:
    token = re.sub(r"[ \u00a0\u202f]", "", token).replace(",", ".")
    return Fraction(token)


def numbers_in(text: str, *, with_parts: bool = False) -> dict[object, str]:
    """Numbers a text writes, as {value: how it is written}.

    >>> numbers_in("nio orter, 1000 000 kronor") == {9: "nio", 1000000: "1000 000"}
    True

    With ``with_parts`` a grouped number also yields its groups read on their own, so that a
    source writing "under 2020 100 personer" is not held to one reading of it.
    """
    found: dict[object, str] = {}
    for m in _NUMBER.finditer(_normalise(text)):
        if m["date"] or m["day"]:
            date = m["date"] or f"{m['year']}-{MONTHS.index(m['month'].lower()) + 1:02d}-{int(m['day']):02d}"
            found[date] = m[0]
            found.setdefault(Fraction(date[:4]), m[0])  # its year, not month or day
        elif m["word"]:
            found.setdefault(Fraction(NUMBER_WORDS[m["word"].lower()]), m["word"])
        else:
            found.setdefault(_value(m["digits"]), m["digits"])
            if with_parts:
                for part in re.split(r"[ \u00a0\u202f]", m["digits"]):
                    found.setdefault(_value(part), m["digits"])
    return found


def _heading(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip()


PAGE = "tillvaxtverket-lokal-service"


def page_section(project: dict):
    """The page's section a project stands under, or None when its source is another."""
    source = project.get("source")
    if isinstance(source, str):  # model version 2: every source was a section of the page
        return source
    return source.get("section") if isinstance(source, dict) and source.get("ref") == PAGE else None


def load_projects() -> list[dict]:
    """The projects whose source is the page: the checks here hold them to it."""
    every = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((DATA / "projects").glob("*.yaml"))]
    return [p for p in every if page_section(p) is not None]


def split_sections(source_text: str, projects: list[dict]) -> dict[str, str]:
    """{project id: the page's text from its title line up to the next heading line}."""
    lines = source_text.splitlines()
    headings = [_heading(line) for line in lines]
    titles = {p["title"]: p["id"] for p in projects}
    stops = set(titles) | {page_section(p) for p in projects}
    starts: dict[str, list[int]] = {}
    for no, heading in enumerate(headings):
        if heading in titles:
            starts.setdefault(titles[heading], []).append(no)
    missing = [p["id"] for p in projects if len(starts.get(p["id"], [])) != 1]
    assert not missing, f"title not found exactly once as a heading line of the page: {missing}"
    sections = {}
    for pid, (start,) in starts.items():
        end = next((no for no in range(start + 1, len(lines)) if headings[no] in stops), len(lines))
        sections[pid] = "\n".join(lines[start:end])
    return sections


@pytest.fixture(scope="module")
def projects():
    return load_projects()


@pytest.fixture(scope="module")
def sections(projects):
    if not SOURCE.exists():
        pytest.skip(f"the source page is not beside this checkout ({SOURCE})")
    return split_sections(SOURCE.read_text(encoding="utf-8"), projects)


def prose(project: dict):
    """(field, text) for every prose item of a project."""
    yield "summary", project["summary"]
    for field in PROSE_FIELDS[1:]:
        for item in project.get(field) or []:
            yield field, item


def unsupported_numbers(project: dict, section: str) -> list[str]:
    on_page = numbers_in(section, with_parts=True)
    problems = []
    for field, text in prose(project):
        for value, written in numbers_in(text).items():
            if value not in on_page:
                problems.append(f"{project['id']}: {field}: {written!r} is not in its section of the page")
    return problems


def test_every_number_in_prose_occurs_in_the_projects_section(projects, sections):
    problems = [p for project in projects for p in unsupported_numbers(project, sections[project["id"]])]
    assert not problems, "\n".join(problems)


def test_sections_are_split_at_the_next_heading(projects, sections):
    """A section holds its own facts and not the next project's."""
    hk = sections["servicepunkt-2-0-i-hoga-kusten"]
    assert "356 462" in hk and "152 513" not in hk
    # the last project of a theme stops at the next theme heading
    replipunkt = sections["replipunktslyftet-stockholms-lan"]
    assert "1 447 876" in replipunkt and "Regionala processer" not in replipunkt


def test_number_reading():
    assert set(numbers_in("Total kostnad: 1000 000 kronor")) == {1000000}
    assert set(numbers_in("5100\u00a0000 kronor")) == {5100000}
    assert set(numbers_in("nio aktörer, Tio studier")) == {9, 10}
    assert set(numbers_in("ökat med 10% och 4,8 av 5")) == {10, Fraction(48, 10), 5}
    assert set(numbers_in("pågår till 2021-12-31")) == {"2021-12-31", 2021}
    assert set(numbers_in("till den 31 januari 2023")) == {"2023-01-31", 2023}
    assert 31 not in numbers_in("slutdatum 2023-01-31", with_parts=True)
    assert set(numbers_in("Servicepunkt 2.0, 2014–2020")) == {2, 2014, 2020}
    assert 2020 in numbers_in("under 2020 100 personer", with_parts=True)


def test_the_number_check_catches_a_number_the_page_does_not_give(projects, sections):
    project = next(p for p in projects if p["id"] == "servicepunkt-2-0-i-hoga-kusten")
    assert unsupported_numbers(project, sections[project["id"]]) == []
    altered = dict(project, summary=project["summary"] + " Sju orter deltog, 12 filmer.")
    found = unsupported_numbers(altered, sections[project["id"]])
    assert len(found) == 2 and "'Sju'" in found[0] and "'12'" in found[1]


def load_one_way() -> dict[tuple[str, str], str]:
    entries = yaml.safe_load(ONE_WAY.read_text(encoding="utf-8")) or []
    links = {}
    for entry in entries:
        assert set(entry) == {"from", "to", "reason"}, entry
        assert str(entry["reason"]).strip(), f"no reason given for {entry['from']} → {entry['to']}"
        links[(entry["from"], entry["to"])] = entry["reason"]
    return links


def one_way_problems(related: dict[str, set[str]], one_way: dict[tuple[str, str], str]):
    """(links without a link back and not documented, documented links that are not one-way)."""
    undocumented = sorted(
        f"{a} → {b}"
        for a, targets in related.items()
        for b in targets
        if a not in related.get(b, set()) and (a, b) not in one_way
    )
    stale = sorted(f"{a} → {b}" for a, b in one_way if b not in related.get(a, set()) or a in related.get(b, set()))
    return undocumented, stale


def test_related_is_symmetric_or_documented(projects):
    related = {p["id"]: set(p.get("related") or []) for p in projects}
    undocumented, stale = one_way_problems(related, load_one_way())
    assert not undocumented, (
        f"related links without a link back (add it, or document why in {ONE_WAY.name}):\n" + "\n".join(undocumented)
    )
    assert not stale, f"entries in {ONE_WAY.name} that are not one-way links:\n" + "\n".join(stale)


def test_the_symmetry_check_catches_a_one_way_link():
    related = {"a": {"b"}, "b": set(), "c": {"d"}, "d": {"c"}}
    assert one_way_problems(related, {}) == (["a → b"], [])
    assert one_way_problems(related, {("a", "b"): "the page links a to b only"}) == ([], [])
    # a documented exception that has become two-way (or vanished) is reported as stale
    assert one_way_problems(related, {("c", "d"): "x", ("b", "a"): "y"}) == (["a → b"], ["b → a", "c → d"])
