"""Reports and statistics: the numbers behind `servicekb report` and `servicekb stats`.

Built from records with the money rules of money.py; rendered as rich output by the CLI or as
Markdown here (plain text, no terminal needed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Optional

from .messages import status_label, t
from .money import NATIONAL, MoneySummary, cost_kind, format_sek, group_by, project_amount, summarise
from .reference import County, Reference
from .status import page_citation, source_of, sources_citation, status_text
from .text import swedish_key

GROUPINGS = ("county", "theme", "status", "kind", "owner-type", "tag", "municipality")


def group_keys(by: str) -> Callable[[dict], Iterable[str]]:
    """How `stats --by X` assigns a project to groups (several groups for counties, tags…)."""
    return {
        "county": lambda r: r["geography"]["counties"] or [NATIONAL],
        "theme": lambda r: [r["theme"]],
        "status": lambda r: [r["status"]],
        "kind": lambda r: [r["kind"]],
        "owner-type": lambda r: [r["owner"]["type"]] if r.get("owner") else ["(ingen ägare angiven)"],
        "tag": lambda r: r["tags"],
        "municipality": lambda r: r["geography"]["municipalities"] or ["(ingen kommun angiven)"],
    }[by]


def group_label(ref: Reference, by: str) -> Callable[[str], str]:
    vocab = {"theme": ref.themes, "kind": ref.kinds, "owner-type": ref.owner_types, "tag": ref.tags}.get(by)
    if vocab is not None:
        return vocab.label
    if by == "status":
        return status_label
    return lambda v: v


SORTS = {
    "name": None,
    "projects": lambda s: s.projects,
    "total-cost": lambda s: s.total_cost.value,
    "budget": lambda s: s.budget.value,
    "support": lambda s: s.public_support.value,
    "without-amount": lambda s: s.without_amount,
    "median": lambda s: s.median_cost,
}


@dataclass(frozen=True)
class StatsRow:
    """One group of `stats` (and of a report's per-county / per-theme table)."""

    value: str  # the group's key: slug or name; "(…)" for a placeholder group
    label: str  # as shown to people
    summary: MoneySummary

    def as_dict(self) -> dict:
        return {"value": self.value, "label": self.label, **self.summary.as_dict()}


def stats_rows(records: list[dict], by: str, ref: Reference, sort: str = "name") -> list[StatsRow]:
    """One row per group: counts and separate sums. Names sort in Swedish order; numbers
    largest first (unknown last)."""
    groups = group_by(records, group_keys(by))
    label = group_label(ref, by)
    rows = [StatsRow(v, label(v), s) for v, s in groups.items()]
    rows.sort(key=lambda r: (r.value.startswith("("), swedish_key(r.label)))
    key = SORTS[sort]
    if key is not None:
        rows.sort(key=lambda r: (key(r.summary) is None, -(key(r.summary) or 0)))
    return rows


@dataclass
class Report:
    """What `servicekb report` shows, computed once and rendered in any format."""

    county: Optional[County]
    projects: list[dict]  # in the report (title order)
    summary: MoneySummary  # every project once
    by_theme: list[StatsRow]
    by_county: list[StatsRow] = field(default_factory=list)  # national overview only
    national_projects: list[dict] = field(default_factory=list)  # footnote of a county report
    lessons: list[tuple[str, str]] = field(default_factory=list)
    scope: str = ""  # what the projects are, when not a county report: "" = all projects
    # Every county's numbers (same filters), for a county map: the national overview's rows, or
    # in a county report the country around it when asked for (build_report's `overview`).
    county_overview: list[StatsRow] = field(default_factory=list)

    @property
    def multi_county(self) -> list[dict]:
        return [p for p in self.projects if len(p["geography"]["counties"]) > 1]


def build_report(
    ref: Reference,
    projects: list[dict],
    county: Optional[County],
    national: Sequence[dict] = (),
    counties: Iterable[str] = (),
    scope: str = "",
    every_county: bool = True,
    overview: Optional[Sequence[dict]] = None,
) -> Report:
    """A county report (`county`), or an overview by county (of `counties`, default all).

    `scope` names a selection (filters, --ids) for the heading; empty means all projects.
    `overview`: in a county report, the projects of every county under the same filters, to
    show where the county stands (a county map); costs a query over everything, so optional.
    """
    summary = summarise(projects)
    by_theme = stats_rows(projects, "theme", ref)
    report = Report(county, projects, summary, by_theme, national_projects=list(national), scope=scope)
    if county is None:
        rows = {r.value: r for r in stats_rows(projects, "county", ref)}
        ordered = []
        names = counties or (ref.counties if every_county else [r for r in rows if r != NATIONAL])
        for name in sorted(names, key=swedish_key):  # also counties without projects, in an overview
            ordered.append(rows.get(name) or StatsRow(name, name, MoneySummary()))
        if NATIONAL in rows:
            ordered.append(rows[NATIONAL])
        report.by_county = ordered
        report.county_overview = [r for r in ordered if r.value != NATIONAL]
    elif overview is not None:
        rows = {r.value: r for r in stats_rows(list(overview), "county", ref)}
        report.county_overview = [rows.get(name) or StatsRow(name, name, MoneySummary()) for name in ref.counties]
    # A few lessons: from finished projects, the largest first (they have the most to tell).
    done = sorted((p for p in projects if p["lessons"]), key=lambda p: -(project_amount(p) or 0))
    report.lessons = [(p["title"], p["lessons"][0]) for p in done[:5]]
    return report


def amount_label(record: dict) -> str:
    """The project's own amount; a budget says so."""
    which = cost_kind(record)
    return format_sek(project_amount(record)) + (" (budget)" if which == "budget" else "")


def where(record: dict, ref: Reference, county: Optional[County] = None) -> str:
    """Municipalities and places; in a county report only those of that county."""
    geo = record["geography"]
    munis = geo["municipalities"]
    places = geo["places"]
    if county is not None and len(geo["counties"]) > 1:
        munis = [m for m in munis if ref.municipalities.get(m) and ref.municipalities[m].county == county.name]
        places = []  # places are not tied to a county in the data; shown in single-county projects only
    parts = munis + [p for p in places if p not in munis]
    if parts:
        return ", ".join(parts) + (t("rep.and_more") if county is not None and len(geo["counties"]) > 1 else "")
    return (
        t("rep.whole_county")
        if geo["scope"] == "county"
        else t("rep.several_counties")
        if len(geo["counties"]) > 1
        else "–"
    )


def heading(report: Report) -> str:
    c = report.county
    if c is None:
        return t("rep.heading_scope", scope=report.scope) if report.scope else t("rep.heading_all")
    return t("rep.heading_county", official=c.official_name, code=c.code, letter=c.letter, region=c.region) + (
        f" ({report.scope})" if report.scope else ""
    )


# --- the layout: one description of a report, walked by every renderer ---------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 1: the document's title; 2: a section


@dataclass(frozen=True)
class Paragraph:
    text: str
    note: bool = False  # a side remark (dim on a terminal)


@dataclass(frozen=True)
class Facts:
    """Short lines of key figures (a bulleted list in Markdown)."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class MoneyTable:
    """Projects and separate sums per group (county or theme), optionally with a total row."""

    name_header: str
    rows: tuple[StatsRow, ...]
    total: Optional[MoneySummary] = None

    @property
    def headers(self) -> tuple[str, ...]:
        return (
            t("col.projects"),
            t("col.total_cost"),
            t("col.budget"),
            t("col.public_support"),
            t("col.without_amount"),
        )

    @property
    def top(self) -> int:
        """The largest total cost in the table (bars are drawn relative to it)."""
        return max((r.summary.total_cost.value or 0 for r in self.rows), default=0)


@dataclass(frozen=True)
class ProjectRow:
    id: str
    title: str
    multi_county: bool
    where: str
    owner: str
    status: str
    amount: str
    # The project's own text, for renderers that can fold it away (HTML's <details>);
    # the terminal and Markdown list rows only.
    summary: str = ""
    activities: tuple[str, ...] = ()
    results: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()
    source: str = ""
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProjectTable:
    rows: tuple[ProjectRow, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return (t("col.project"), t("rep.where"), t("rep.owner"), t("col.status"), t("rep.amount"))


@dataclass(frozen=True)
class Lessons:
    items: tuple[tuple[str, str], ...]  # (project title, lesson)


@dataclass(frozen=True)
class CountyTile:
    name: str
    code: str  # SCB's county code: where the tile goes on a map
    summary: Optional[MoneySummary]  # None: the county is not part of the report's selection
    highlighted: bool = False  # the reported county


@dataclass(frozen=True)
class CountyMap:
    """Every county's projects and money, for a map (HTML draws one; text renderers skip it:
    the same numbers are in the per-county table, or the county's own totals)."""

    title: str
    tiles: tuple[CountyTile, ...]


Block = Heading | Paragraph | Facts | MoneyTable | ProjectTable | Lessons | CountyMap


def layout(report: Report, ref: Reference) -> list[Block]:
    """The report as a sequence of blocks: what it says and in which order, once.

    The terminal, plain-text, Markdown (and any future) renderers walk this list; none of
    them decides what a report contains.
    """
    s = report.summary
    multi = t("rep.count_multi", m=len(report.multi_county)) if report.multi_county else ""
    blocks: list[Block] = [
        Heading(heading(report), 1),
        Paragraph(t("rep.count", n=s.projects) + multi),
        Facts(tuple(s.describe())),
        Paragraph(t("rep.separate_sums"), note=True),
    ]
    if report.county_overview:
        blocks.append(county_map(report, ref))
    if not report.projects:  # no empty tables: say so, then what still helps (nationwide projects, the source)
        blocks.append(Paragraph(t("rep.none")))
    elif report.county is None:
        blocks += [
            Heading(t("rep.per_county")),
            MoneyTable(t("rep.county"), tuple(report.by_county), total=s),
            Paragraph(t("rep.counted_once", n=s.projects), note=True),
        ]
    if report.projects:
        blocks += [Heading(t("rep.per_theme")), MoneyTable(t("rep.theme"), tuple(report.by_theme))]
    rows = tuple(
        ProjectRow(
            p["id"],
            p["title"],
            len(p["geography"]["counties"]) > 1,
            where(p, ref, report.county),
            p["owner"]["name"] if p.get("owner") else "–",
            status_text(p, sources=ref.sources),
            amount_label(p),
            p["summary"],
            tuple(p["activities"]),
            tuple(p["results"]),
            tuple(p["lessons"]),
            source_of(p, ref.sources)["section"] or source_of(p, ref.sources)["title"],
            tuple(p["links"]),
        )
        for p in report.projects
    )
    if rows:
        blocks += [Heading(t("rep.projects")), ProjectTable(rows)]
    if report.multi_county:
        blocks.append(Paragraph(t("rep.multi_note"), note=True))
    if report.lessons:
        blocks += [Heading(t("rep.lessons")), Lessons(tuple(report.lessons))]
    if report.national_projects:
        names = ", ".join(p["title"] for p in report.national_projects)
        blocks.append(Paragraph(t("rep.national", n=len(report.national_projects), names=names), note=True))
    cited = list(report.projects) + list(report.national_projects)
    footnote = sources_citation(cited, ref.sources) if cited else page_citation(ref.sources)
    blocks.append(Paragraph(t("rep.source", source=footnote), note=True))
    return blocks


def county_map(report: Report, ref: Reference) -> CountyMap:
    """Every county of the reference data: its numbers when it is in the report's selection
    (None when not, e.g. outside `--region A --region B`), the reported county marked."""
    rows = {r.value: r.summary for r in report.county_overview}
    c = report.county
    title = t("rep.map_title", county=c.official_name) if c is not None else t("rep.map_title_all")
    tiles = tuple(
        CountyTile(k.name, k.code, rows.get(k.name), c is not None and k.name == c.name)
        for k in sorted(ref.counties.values(), key=lambda k: k.code)
    )
    return CountyMap(title, tiles)


# --- Markdown -----------------------------------------------------------------------


def _bar(value: Optional[int], top: int, width: int = 20) -> str:
    if not value or not top:
        return ""
    return "█" * max(1, round(width * value / top))


def markdown(blocks: Sequence[Block]) -> str:
    """The layout as a Markdown document (plain text: no terminal needed)."""
    from .output import md_escape as md

    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + md(block.text), ""]
        elif isinstance(block, Paragraph):
            text = md(block.text)
            lines += [text.replace("*", "\\*", 1) if text.startswith("*") else text, ""]
        elif isinstance(block, Facts):
            lines += [f"- {md(line)}" for line in block.lines] + [""]
        elif isinstance(block, MoneyTable):
            lines += [
                f"| {block.name_header} | " + " | ".join(block.headers) + " | |",
                "|---|---:|---:|---:|---:|---:|---|",
            ]
            for r in block.rows:
                m = r.summary
                lines.append(
                    f"| {md(r.label)} | {m.projects} | {format_sek(m.total_cost.value)} | "
                    f"{format_sek(m.budget.value)} | {format_sek(m.public_support.value)} | {m.without_amount} | "
                    f"{_bar(m.total_cost.value, block.top)} |"
                )
            if block.total is not None:
                total = block.total
                lines.append(
                    f"| **{t('rep.total_once')}** | **{total.projects}** | **{format_sek(total.total_cost.value)}** | "
                    f"**{format_sek(total.budget.value)}** | **{format_sek(total.public_support.value)}** | "
                    f"**{total.without_amount}** | |"
                )
            lines.append("")
        elif isinstance(block, ProjectTable):
            lines += ["| " + " | ".join(block.headers) + " |", "|---|---|---|---|---:|"]
            for p in block.rows:
                mark = " *" if p.multi_county else ""
                lines.append(
                    f"| {md(p.title)}{mark} | {md(p.where)} | {md(p.owner)} | {md(p.status)} | {md(p.amount)} |"
                )
            lines.append("")
        elif isinstance(block, Lessons):
            lines += [f"- **{md(title)}:** {md(lesson)}" for title, lesson in block.items] + [""]
    return "\n".join(lines)


def document(report: Report) -> dict:
    """The report as plain data (JSON/YAML): whole kronor, the model's field names."""
    c = report.county
    return {
        "county": None
        if c is None
        else {"name": c.name, "official_name": c.official_name, "code": c.code, "letter": c.letter, "region": c.region},
        "summary": report.summary.as_dict(),
        "note": "Amounts are summed separately and never added together; projects without an amount are "
        "counted in without_amount, not as 0. A project in several counties appears under each "
        "county; summary counts it once.",
        "by_county": [r.as_dict() for r in report.by_county],
        "by_theme": [r.as_dict() for r in report.by_theme],
        "multi_county_projects": [p["id"] for p in report.multi_county],
        "national_projects_not_counted": [p["id"] for p in report.national_projects],
        "lessons": [{"title": t, "lesson": lesson} for t, lesson in report.lessons],
        "projects": report.projects,
    }
