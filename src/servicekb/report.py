"""Reports and statistics: the numbers behind `servicekb report` and `servicekb stats`.

Built from records with the money rules of money.py; rendered as rich output by the CLI or as
Markdown here (plain text, no terminal needed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from .money import NATIONAL, MoneySummary, format_sek, group_by, project_amount, summarise
from .reference import County, Reference
from .text import swedish_key

GROUPINGS = ("county", "theme", "status", "kind", "owner-type", "tag", "municipality")
STATUS_LABELS = {"completed": "avslutat", "ongoing": "pågående", "planned": "planerat"}


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
        return lambda v: STATUS_LABELS.get(v, v)
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


def stats_rows(records: list[dict], by: str, ref: Reference, sort: str = "name") -> list[dict]:
    """One row per group: counts and separate sums. Names sort in Swedish order; numbers
    largest first (unknown last)."""
    groups = group_by(records, group_keys(by))
    label = group_label(ref, by)
    rows = [{"value": v, "label": label(v), **s.as_dict(), "_summary": s} for v, s in groups.items()]
    placeholder_last = lambda r: (r["value"].startswith("("), swedish_key(r["label"]))  # noqa: E731
    rows.sort(key=placeholder_last)
    key = SORTS[sort]
    if key is not None:
        rows.sort(key=lambda r: (key(r["_summary"]) is None, -(key(r["_summary"]) or 0)))
    return rows


@dataclass
class Report:
    """What `servicekb report` shows, computed once and rendered in any format."""

    county: Optional[County]
    projects: list[dict]  # in the report (title order)
    summary: MoneySummary  # every project once
    by_theme: list[dict]
    by_county: list[dict] = field(default_factory=list)  # national overview only
    national_projects: list[dict] = field(default_factory=list)  # footnote of a county report
    lessons: list[tuple[str, str]] = field(default_factory=list)
    scope: str = ""  # what the projects are, when not a county report: "" = all projects

    @property
    def multi_county(self) -> list[dict]:
        return [p for p in self.projects if len(p["geography"]["counties"]) > 1]


def build_report(ref: Reference, projects: list[dict], county: Optional[County], national: list[dict] = (),
                 counties: Iterable[str] = (), scope: str = "") -> Report:
    """A county report (`county`), or an overview by county (of `counties`, default all).

    `scope` names a selection (filters, --ids) for the heading; empty means all projects.
    """
    summary = summarise(projects)
    by_theme = stats_rows(projects, "theme", ref)
    report = Report(county, projects, summary, by_theme, national_projects=list(national), scope=scope)
    if county is None:
        rows = {r["value"]: r for r in stats_rows(projects, "county", ref)}
        ordered = []
        for name in sorted(counties or ref.counties, key=swedish_key):  # also counties without projects
            ordered.append(rows.get(name) or {"value": name, "label": name, **MoneySummary().as_dict(), "_summary": MoneySummary()})
        if NATIONAL in rows:
            ordered.append(rows[NATIONAL])
        report.by_county = ordered
    # A few lessons: from finished projects, the largest first (they have the most to tell).
    done = sorted((p for p in projects if p["lessons"]), key=lambda p: -(project_amount(p) or 0))
    report.lessons = [(p["title"], p["lessons"][0]) for p in done[:5]]
    return report


def amount_label(record: dict) -> str:
    f = record["funding"]
    if f["total_cost_sek"] is not None:
        return format_sek(f["total_cost_sek"])
    if f["budget_sek"] is not None:
        return format_sek(f["budget_sek"]) + " (budget)"
    return "–"


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
        return ", ".join(parts) + (" m.fl." if county is not None and len(geo["counties"]) > 1 else "")
    return "hela länet" if geo["scope"] == "county" else "flera län" if len(geo["counties"]) > 1 else "–"


def heading(report: Report) -> str:
    c = report.county
    if c is None:
        return f"Lokal service: {report.scope}" if report.scope else "Lokal service: alla pilotprojekt"
    return f"{c.official_name} (länskod {c.code}, {c.letter}) – {c.region}" + (f" ({report.scope})" if report.scope else "")


# --- Markdown -----------------------------------------------------------------------

def _md(text: str) -> str:
    from .text import visible

    return visible(" ".join(str(text).split())).replace("|", "\\|")


def _bar(value: Optional[int], top: int, width: int = 20) -> str:
    if not value or not top:
        return ""
    return "█" * max(1, round(width * value / top))


def markdown(report: Report, ref: Reference) -> str:
    s = report.summary
    lines = [f"# {heading(report)}", ""]
    lines.append(f"**{s.projects} projekt**" + (f", varav {len(report.multi_county)} i flera län (markerade med *)" if report.multi_county else ""))
    lines.append("")
    lines += [f"- {line}" for line in s.describe()]
    lines += ["", "Kostnad, budget och stöd summeras var för sig. Projekt utan belopp räknas inte som 0.", ""]

    def table(title: str, rows: list[dict], name_header: str, total: Optional[dict] = None) -> None:
        top = max((r["total_cost_sek"] or 0) for r in rows) if rows else 0
        lines.extend([f"## {title}", "", f"| {name_header} | Projekt | Total kostnad | Budget | Offentligt stöd | Utan belopp | |",
                      "|---|---:|---:|---:|---:|---:|---|"])
        for r in rows:
            lines.append(f"| {_md(r['label'])} | {r['projects']} | {format_sek(r['total_cost_sek'])} | {format_sek(r['budget_sek'])} | "
                         f"{format_sek(r['public_support_sek'])} | {r['without_amount']} | {_bar(r['total_cost_sek'], top)} |")
        if total is not None:
            lines.append(f"| **Totalt (varje projekt en gång)** | **{total['projects']}** | **{format_sek(total['total_cost_sek'])}** | "
                         f"**{format_sek(total['budget_sek'])}** | **{format_sek(total['public_support_sek'])}** | **{total['without_amount']}** | |")
        lines.append("")

    if report.county is None:
        table("Per län", report.by_county, "Län", total=s.as_dict())
        lines += [f"Totalt: {s.projects} projekt. Ett projekt i flera län står under varje län, men räknas en gång i totalen.", ""]
    table("Per tema", report.by_theme, "Tema")
    lines += ["## Projekt", "", "| Projekt | Kommun/orter | Projektägare | Status | Belopp |", "|---|---|---|---|---:|"]
    for p in report.projects:
        mark = " *" if len(p["geography"]["counties"]) > 1 else ""
        owner = p["owner"]["name"] if p.get("owner") else "–"
        lines.append(f"| {_md(p['title'])}{mark} | {_md(where(p, ref, report.county))} | {_md(owner)} | {STATUS_LABELS.get(p['status'], p['status'])} | {amount_label(p)} |")
    lines.append("")
    if report.multi_county:
        lines += ["\\* Projektet arbetar i flera län och står med i varje läns rapport.", ""]
    if report.lessons:
        lines += ["## Några lärdomar", ""]
        lines += [f"- **{_md(title)}:** {_md(lesson)}" for title, lesson in report.lessons]
        lines.append("")
    if report.national_projects:
        names = ", ".join(_md(p["title"]) for p in report.national_projects)
        lines += [f"Nationella projekt som gäller hela landet räknas inte ovan ({len(report.national_projects)} st): {names}.", ""]
    return "\n".join(lines)


def document(report: Report) -> dict:
    """The report as plain data (JSON/YAML): whole kronor, the model's field names."""
    def rows(items):
        return [{k: v for k, v in r.items() if k != "_summary"} for r in items]

    c = report.county
    return {
        "county": None if c is None else {"name": c.name, "official_name": c.official_name, "code": c.code,
                                          "letter": c.letter, "region": c.region},
        "summary": report.summary.as_dict(),
        "note": "Amounts are summed separately and never added together; projects without an amount are "
                "counted in without_amount, not as 0. A project in several counties appears under each "
                "county; summary counts it once.",
        "by_county": rows(report.by_county),
        "by_theme": rows(report.by_theme),
        "multi_county_projects": [p["id"] for p in report.multi_county],
        "national_projects_not_counted": [p["id"] for p in report.national_projects],
        "lessons": [{"title": t, "lesson": l} for t, l in report.lessons],
        "projects": report.projects,
    }
