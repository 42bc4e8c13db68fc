"""Reports: the numbers behind `servicekb report`, and the report's one layout.

Built from records with the money rules of money.py and the groups of stats.py; rendered as
rich output by the CLI or as Markdown here (plain text, no terminal needed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple, Optional

from .messages import t
from .money import (
    NATIONAL,
    MoneySummary,
    cost_kind,
    format_sek,
    is_shared,
    project_amount,
    summarise,
)
from .reference import County, Reference
from .stats import StatsRow, stats_rows
from .status import page_citation, source_of, sources_citation, status_text
from .text import swedish_key


class DataState(NamedTuple):
    """Which state of the data a report shows: the data folder's git commit when it is in a git
    work tree, else the newest change to its files (dates as ISO strings)."""

    revision: Optional[str] = None  # git's short commit id of the last change to the data folder
    changed: Optional[str] = None  # that commit's date, or the newest data file's modification date
    uncommitted: bool = False  # files changed since that commit

    def words(self) -> str:
        if self.revision:
            return t("rep.state_git", revision=self.revision, date=self.changed) + (
                t("rep.state_uncommitted") if self.uncommitted else ""
            )
        return t("rep.state_files", date=self.changed) if self.changed else ""

    def as_dict(self) -> dict:
        return {"git_revision": self.revision, "changed": self.changed, "uncommitted_changes": self.uncommitted}


def start_data_state(root) -> Callable[[], DataState]:
    """The state of the knowledge base at `root` (see DataState), begun now and finished by the
    function it returns: git runs beside whatever the caller does meanwhile (a report reads the
    index while git looks at the folder). git may be missing, or the folder not a work tree:
    then the files' own dates, quietly."""
    from pathlib import Path

    root = Path(root)
    git = _start_git(root)

    def finish() -> DataState:
        state = git()
        return state if state is not None else _file_state(root)

    return finish


def _file_state(root) -> DataState:
    import datetime as dt
    import os

    newest = 0.0
    for folder in (root / "projects", root / "reference"):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".yaml") and entry.is_file():
                        newest = max(newest, entry.stat().st_mtime)
        except OSError:
            continue
    return DataState(changed=dt.date.fromtimestamp(newest).isoformat() if newest else None)


def _start_git(root) -> Callable[[], Optional[DataState]]:
    import os
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None:
        return lambda: None
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}

    def start(*args: str) -> Optional[subprocess.Popen]:
        try:
            return subprocess.Popen(
                [git, "-C", str(root), *args],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
                text=True,
                env=env,
            )
        except (OSError, ValueError):
            return None

    def output(proc: Optional[subprocess.Popen]) -> Optional[str]:
        if proc is None:
            return None
        try:
            out, _ = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return None
        except (subprocess.SubprocessError, ValueError):  # e.g. output that does not decode
            proc.kill()
            proc.wait()
            return None
        return out if proc.returncode == 0 else None

    # Both at once: a report waits for one git process instead of two in turn.
    log = start("log", "-1", "--format=%h %cs", "--", ".")
    status = start("status", "--porcelain", "--untracked-files=normal", "--", ".")

    def finish() -> Optional[DataState]:
        last, changes = output(log), output(status)
        if not last or len(last.split()) != 2:
            return None  # not a work tree, no commit yet, or git refuses (e.g. another owner's folder)
        revision, date = last.split()
        return DataState(revision, date, bool(changes and changes.strip()))

    return finish


class Report:
    """What `servicekb report` shows, computed once and rendered in any format.

    (A plain class, not a dataclass: report and stats create this type at import.)"""

    def __init__(
        self,
        county: Optional[County],
        projects: list[dict],
        summary: MoneySummary,
        by_theme: list[StatsRow],
        *,
        national_projects: Optional[list[dict]] = None,
        scope: str = "",
        own: bool = False,
        made_on: Optional[str] = None,
        state: Optional[DataState] = None,
    ) -> None:
        self.county = county
        self.projects = projects  # in the report (title order)
        self.summary = summary  # every project once
        self.by_theme = by_theme
        self.by_county: list[StatsRow] = []  # national overview only
        self.national_projects: list[dict] = national_projects or []  # footnote of a county report
        self.lessons: list[tuple[str, str]] = []
        self.scope = scope  # what the projects are, when not a county report: "" = all projects
        # Every county's numbers (same filters), for a county map: the national overview's rows, or
        # in a county report the country around it when asked for (build_report's `overview`).
        self.county_overview: list[StatsRow] = []
        self.own = own  # --own: only projects that no other county shares
        self.made_on = made_on  # ISO date the report was made (status.today)
        self.state = state

    @property
    def multi_county(self) -> list[dict]:
        return [p for p in self.projects if is_shared(p)]


def build_report(
    ref: Reference,
    projects: list[dict],
    county: Optional[County],
    national: Sequence[dict] = (),
    counties: Iterable[str] = (),
    scope: str = "",
    every_county: bool = True,
    overview: Optional[Sequence[dict]] = None,
    own: bool = False,
    state: Optional[DataState] = None,
) -> Report:
    """A county report (`county`), or an overview by county (of `counties`, default all).

    `scope` names a selection (filters, --ids) for the heading; empty means all projects.
    `overview`: in a county report, the projects of every county under the same filters, to
    show where the county stands (a county map); costs a query over everything, so optional.
    `own`: the projects were chosen without those shared with other counties (`--own`), said in
    the report. A county's sums say how much of them comes from shared projects.
    """
    from .status import today

    summary = summarise(projects, shared=county is not None)
    by_theme = stats_rows(projects, "theme", ref)
    report = Report(
        county,
        projects,
        summary,
        by_theme,
        national_projects=list(national),
        scope=scope,
        own=own,
        made_on=today().isoformat(),
        state=state,
    )
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
    return format_sek(project_amount(record)) + (" " + t("cost.budget_mark") if which == "budget" else "")


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


class Heading(NamedTuple):
    """A heading of a report document."""

    text: str
    level: int = 2  # 1: the document's title; 2: a section


class Paragraph(NamedTuple):
    """A paragraph of a report document."""

    text: str
    note: bool = False  # a side remark (dim on a terminal)


class Facts(NamedTuple):
    """Short lines of key figures (a bulleted list in Markdown)."""

    lines: tuple[str, ...]


class MoneyTable(NamedTuple):
    """Projects and separate sums per group (county or theme), optionally with a total row."""

    name_header: str
    rows: tuple[StatsRow, ...]
    total: Optional[MoneySummary] = None
    shared: bool = False  # county rows: two more columns, the part of their sums from shared projects

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
    def shared_headers(self) -> tuple[str, ...]:
        return (t("col.shared_projects"), t("col.shared_total_cost")) if self.shared else ()

    @property
    def top(self) -> int:
        """The largest total cost in the table (bars are drawn relative to it)."""
        return max((r.summary.total_cost.value or 0 for r in self.rows), default=0)


class ProjectRow(NamedTuple):
    """One project's line in a report's project table."""

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
    similar: tuple[tuple[str, str, bool], ...] = ()  # (title, id, in this report): servicekb similar


class ProjectTable(NamedTuple):
    """A report's table of projects."""

    rows: tuple[ProjectRow, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return (t("col.project"), t("rep.where"), t("rep.owner"), t("col.status"), t("rep.amount"))


class Lessons(NamedTuple):
    """The lessons a report quotes, each with its project's title."""

    items: tuple[tuple[str, str], ...]  # (project title, lesson)


class CountyTile(NamedTuple):
    """One county on a report's map."""

    name: str
    code: str  # SCB's county code: where the tile goes on a map
    summary: Optional[MoneySummary]  # None: the county is not part of the report's selection
    highlighted: bool = False  # the reported county


class CountyMap(NamedTuple):
    """Every county's projects and money, for a map (HTML draws one; text renderers skip it:
    the same numbers are in the per-county table, or the county's own totals)."""

    title: str
    tiles: tuple[CountyTile, ...]


Block = Heading | Paragraph | Facts | MoneyTable | ProjectTable | Lessons | CountyMap


def layout(
    report: Report, ref: Reference, similar: Optional[Mapping[str, Sequence[tuple[str, str]]]] = None
) -> list[Block]:
    """The report as a sequence of blocks: what it says and in which order, once.
    `similar` gives each project's most similar projects as (title, id), for renderers that
    show them (HTML).

    The terminal, plain-text, Markdown (and any future) renderers walk this list; none of
    them decides what a report contains.
    """
    s = report.summary
    multi = t("rep.count_multi", m=len(report.multi_county)) if report.multi_county else ""
    blocks: list[Block] = [Heading(heading(report), 1)]
    if report.made_on:  # when, and from which state of the data: "end date passed" depends on both
        state = report.state.words() if report.state is not None else ""
        blocks.append(Paragraph(t("rep.made", date=report.made_on) + (f" {state}" if state else "") + ".", note=True))
    blocks += [
        Paragraph(t("rep.count", n=s.projects) + multi),
        Facts(tuple(s.describe())),
        Paragraph(t("rep.separate_sums"), note=True),
    ]
    if report.own:
        blocks.append(Paragraph(t("rep.own_note"), note=True))
    if report.county_overview:
        blocks.append(county_map(report, ref))
    if not report.projects:  # no empty tables: say so, then what still helps (nationwide projects, the source)
        blocks.append(Paragraph(t("rep.none")))
    elif report.county is None:
        blocks += [
            Heading(t("rep.per_county")),
            MoneyTable(t("rep.county"), tuple(report.by_county), total=s, shared=not report.own),
            Paragraph(t("rep.counted_once", n=s.projects), note=True),
        ]
    if report.projects:
        blocks += [Heading(t("rep.per_theme")), MoneyTable(t("rep.theme"), tuple(report.by_theme))]

    in_report = {p["id"] for p in report.projects}

    def row(p: dict) -> ProjectRow:
        alike = tuple((title, pid, pid in in_report) for title, pid in (similar or {}).get(p["id"], ()))
        return ProjectRow(
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
            alike,
        )

    shared = [p for p in report.projects if is_shared(p)]
    if report.county is not None and shared:  # the county's own projects apart from the shared ones
        own = [p for p in report.projects if not is_shared(p)]
        if own:
            blocks += [Heading(t("rep.own_projects", n=len(own))), ProjectTable(tuple(map(row, own)))]
        blocks += [Heading(t("rep.shared_projects", n=len(shared))), ProjectTable(tuple(map(row, shared)))]
    elif report.projects:
        blocks += [Heading(t("rep.projects")), ProjectTable(tuple(map(row, report.projects)))]
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


def shared_cells(summary: MoneySummary, table: MoneyTable) -> tuple[str, ...]:
    """A county row's part from shared projects, as text: (projects, total cost); () when the
    table has no such columns."""
    if not table.shared:
        return ()
    part = summary.shared
    if part is None:
        return ("", "")
    return (str(part.projects), format_sek(part.total_cost.value))


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
            lines += [md(block.text), ""]
        elif isinstance(block, Facts):
            lines += [f"- {md(line)}" for line in block.lines] + [""]
        elif isinstance(block, MoneyTable):
            extra = block.shared_headers
            lines += [
                f"| {block.name_header} | " + " | ".join((*block.headers, *extra)) + " | |",
                "|---|---:|---:|---:|---:|---:|" + "---:|" * len(extra) + "---|",
            ]
            for r in block.rows:
                m = r.summary
                lines.append(
                    f"| {md(r.label)} | {m.projects} | {format_sek(m.total_cost.value)} | "
                    f"{format_sek(m.budget.value)} | {format_sek(m.public_support.value)} | {m.without_amount} | "
                    + "".join(f"{cell} | " for cell in shared_cells(r.summary, block))
                    + f"{_bar(m.total_cost.value, block.top)} |"
                )
            if block.total is not None:
                total = block.total
                lines.append(
                    f"| **{t('rep.total_once')}** | **{total.projects}** | **{format_sek(total.total_cost.value)}** | "
                    f"**{format_sek(total.budget.value)}** | **{format_sek(total.public_support.value)}** | "
                    f"**{total.without_amount}** | " + " | " * len(extra) + "|"
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
        "made_on": report.made_on,
        "data_state": report.state.as_dict() if report.state is not None else None,
        "own_projects_only": report.own,
        "summary": report.summary.as_dict(),
        "note": "Amounts are summed separately and never added together; projects without an amount are "
        "counted in without_amount, not as 0. A project in several counties appears under each "
        "county; summary counts it once. shared_with_other_counties is the part of a county's sums "
        "from projects that also work in other counties.",
        "by_county": [r.as_dict() for r in report.by_county],
        "by_theme": [r.as_dict() for r in report.by_theme],
        "multi_county_projects": [p["id"] for p in report.multi_county],
        "own_projects": [p["id"] for p in report.projects if not is_shared(p)],
        "national_projects_not_counted": [p["id"] for p in report.national_projects],
        "lessons": [{"title": t, "lesson": lesson} for t, lesson in report.lessons],
        "projects": report.projects,
    }
