"""A report's layout (report.layout) as one self-contained HTML5 document.

What a report contains is decided in report.py; this module only draws the blocks, with the
geometry of its charts (bars, a tile map of the counties) worked out here and the markup in
Jinja2 templates (templates/, autoescaped: data text is never markup). The file makes no
network request: CSS and SVG are inline, there are no fonts, images or scripts to fetch.

    html = render_html(layout(report, ref))
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from . import __version__
from .messages import t
from .money import MoneySummary, format_sek
from .report import (
    Block,
    CountyMap,
    CountyTile,
    Facts,
    Heading,
    Lessons,
    MoneyTable,
    Paragraph,
    ProjectRow,
    ProjectTable,
    shared_cells,
)
from .text import fold, visible

# --- charts: bars -------------------------------------------------------------------------

BAR_WIDTH = 360  # SVG user units; the chart scales to its column
BAR_ROW = 38  # label line, then the bar with its value beside it
BAR_MAX = 230  # the longest bar; the rest of the width holds the value


@dataclass(frozen=True)
class Bar:
    label: str
    value: str  # as written beside the bar (the number is always shown: no colour-only reading)
    width: float  # 0: nothing to draw (no amount on record, or 0)
    y: int


@dataclass(frozen=True)
class BarChart:
    id: str
    caption: str
    description: str
    bars: tuple[Bar, ...]
    width: int = BAR_WIDTH

    @property
    def height(self) -> int:
        return len(self.bars) * BAR_ROW + 4


def bar_chart(
    chart_id: str, caption: str, description: str, items: Sequence[tuple[str, Optional[int], str]]
) -> BarChart:
    """Horizontal bars, longest = BAR_MAX; items are (label, value or None, value as text)."""
    top = max((v or 0 for _, v, _ in items), default=0)
    bars = tuple(
        Bar(label, text, round(BAR_MAX * value / top, 1) if value and top else 0, i * BAR_ROW)
        for i, (label, value, text) in enumerate(items)
    )
    return BarChart(chart_id, caption, description, bars)


def money_charts(table: MoneyTable, chart_id: str) -> list[BarChart]:
    """Projects and total cost per group (and budgets, when any group has one): separate
    charts on separate scales, as the table keeps them in separate columns."""
    per = t("html.per", name=table.name_header.lower())
    rows = table.rows
    same = t("html.same_numbers")
    charts = [
        bar_chart(
            f"{chart_id}-projekt",
            t("html.chart_projects", per=per),
            t("html.chart_projects_desc", per=per, same=same),
            [(r.label, r.summary.projects, str(r.summary.projects)) for r in rows],
        ),
        bar_chart(
            f"{chart_id}-kostnad",
            t("html.chart_cost", per=per),
            t("html.chart_cost_desc", per=per, same=same),
            [(r.label, r.summary.total_cost.value, _amount_or_none(r.summary.total_cost.value)) for r in rows],
        ),
    ]
    if any(r.summary.budget.value is not None for r in rows):
        charts.append(
            bar_chart(
                f"{chart_id}-budget",
                t("html.chart_budget", per=per),
                t("html.chart_budget_desc", per=per, same=same),
                [(r.label, r.summary.budget.value, _amount_or_none(r.summary.budget.value)) for r in rows],
            )
        )
    return charts


def _amount_or_none(value: Optional[int]) -> str:
    return format_sek(value) if value is not None else t("html.no_amount")


def _projects(n: int) -> str:
    return t("html.projects_one" if n == 1 else "html.projects_many", n=n)


# --- charts: a tile map of the counties -----------------------------------------------------

# Each county a tile at (column, row), roughly where it lies; keyed by SCB county code.
TILE_POSITIONS: dict[str, tuple[float, float]] = {
    "25": (2, 0),  # Norrbotten
    "24": (1.5, 1),  # Västerbotten
    "23": (1, 2),  # Jämtland
    "22": (2, 2),  # Västernorrland
    "20": (1, 3),  # Dalarna
    "21": (2, 3),  # Gävleborg
    "17": (0, 4),  # Värmland
    "18": (1, 4),  # Örebro
    "19": (2, 4),  # Västmanland
    "03": (3, 4),  # Uppsala
    "14": (0, 5),  # Västra Götaland
    "05": (1, 5),  # Östergötland
    "04": (2, 5),  # Södermanland
    "01": (3, 5),  # Stockholm
    "13": (0, 6),  # Halland
    "06": (1, 6),  # Jönköping
    "08": (2, 6),  # Kalmar
    "09": (3, 6),  # Gotland
    "12": (0, 7),  # Skåne
    "07": (1, 7),  # Kronoberg
    "10": (2, 7),  # Blekinge
}
TILE_W, TILE_H, TILE_GAP = 124, 60, 6
# Light to dark; text is dark on the first three and white on the last (contrast ≥ 4.5:1).
SHADES = ("#deebf7", "#9ecae1", "#4a98c9", "#08519c")
ZERO_SHADE = "#f4f4f4"


@dataclass(frozen=True)
class Tile:
    name: str
    x: float
    y: float
    fill: str  # a colour, or "url(#…)" for the hatching of counties outside the selection
    dark: bool  # white text
    count: str  # written in the tile
    tooltip: str
    highlighted: bool


@dataclass(frozen=True)
class LegendItem:
    fill: str
    label: str


@dataclass(frozen=True)
class TileMap:
    id: str
    caption: str
    description: str
    note: str  # where the reported county stands, in words
    tiles: tuple[Tile, ...]
    legend: tuple[LegendItem, ...]
    highlight_label: str
    rows: tuple[CountyTile, ...]  # the numbers as a table (text alternative)
    width: int
    height: int
    hatch: str
    with_table: bool  # a county report: no per-county table follows, so the map brings its own


def shade_bins(top: int) -> list[tuple[int, int]]:
    """Up to four equal ranges of project counts over 1..top: [(1, 4), (5, 8), …]."""
    if top <= 0:
        return []
    step = max(1, math.ceil(top / len(SHADES)))
    return [(lo, min(lo + step - 1, top)) for lo in range(1, top + 1, step)]


def tile_map(block: CountyMap, map_id: str) -> TileMap:
    counts = [t.summary.projects for t in block.tiles if t.summary is not None]
    bins = shade_bins(max(counts, default=0))
    hatch = f"{map_id}-utanfor"

    def shade(n: int) -> tuple[str, bool]:
        if n == 0:
            return ZERO_SHADE, False
        i = next(i for i, (lo, hi) in enumerate(bins) if lo <= n <= hi)
        i += len(SHADES) - len(bins)  # few ranges: use the darker shades, so the top stands out
        return SHADES[i], i == len(SHADES) - 1

    tiles = []
    spare_row = max(r for _, r in TILE_POSITIONS.values()) + 1
    for n, tile in enumerate(block.tiles):
        col, row = TILE_POSITIONS.get(tile.code, (n % 4, spare_row))  # an unknown code still shows
        if tile.summary is None:
            fill, dark, count = f"url(#{hatch})", False, t("html.not_in_selection")
            tooltip = t("html.tile_out_tooltip", name=tile.name)
        else:
            fill, dark = shade(tile.summary.projects)
            count = _projects(tile.summary.projects)
            tooltip = f"{tile.name}: {_money_words(tile.summary)}"
        tiles.append(
            Tile(
                tile.name,
                col * (TILE_W + TILE_GAP),
                row * (TILE_H + TILE_GAP),
                fill,
                dark,
                count,
                tooltip,
                tile.highlighted,
            )
        )
    legend = [LegendItem(ZERO_SHADE, _projects(0))]
    for i, (lo, hi) in enumerate(bins):
        legend.append(
            LegendItem(
                SHADES[i + len(SHADES) - len(bins)],
                _projects(lo) if lo == hi else t("html.projects_range", lo=lo, hi=hi),
            )
        )
    if any(tile.summary is None for tile in block.tiles):
        legend.append(LegendItem(f"url(#{hatch})", t("html.not_in_selection")))
    marked = [tile for tile in block.tiles if tile.highlighted]
    note = ""
    if marked and marked[0].summary is not None:
        m = marked[0].summary.projects
        rank = 1 + sum(1 for c in counts if c > m)
        note = t("html.map_rank", name=marked[0].name, n=m, rank=rank, of=len(counts))
    rows = max(r for _, r in (TILE_POSITIONS.get(tile.code, (0, spare_row)) for tile in block.tiles)) + 1
    return TileMap(
        id=map_id,
        caption=block.title,
        description=t("html.map_desc") + (t("html.map_marked", name=marked[0].name) if marked else ""),
        note=note,
        tiles=tuple(sorted(tiles, key=lambda t: t.highlighted)),  # the thick outline drawn last, on top
        legend=tuple(legend),
        highlight_label=t("html.map_marked_label", name=marked[0].name) if marked else "",
        rows=block.tiles,
        width=4 * (TILE_W + TILE_GAP) - TILE_GAP,
        height=int(rows * (TILE_H + TILE_GAP) - TILE_GAP),
        hatch=hatch,
        with_table=bool(marked),
    )


def _money_words(s: MoneySummary) -> str:
    parts = [_projects(s.projects)]
    if s.total_cost.value is not None:
        parts.append(t("html.money_total_cost", amount=format_sek(s.total_cost.value)))
    if s.budget.value is not None:
        parts.append(t("html.money_budget", amount=format_sek(s.budget.value)))
    if s.without_amount:
        parts.append(t("html.money_without", n=s.without_amount))
    return ", ".join(parts)


# --- the document -----------------------------------------------------------------------------


@dataclass
class Section:
    id: str
    heading: str
    items: list[tuple[str, Any]] = field(default_factory=list)  # (template macro, its data)


@dataclass
class Document:
    title: str
    header: list[tuple[str, Any]]
    sections: list[Section]
    projects: tuple[ProjectRow, ...]  # described one by one in the last section
    generator: str


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "avsnitt"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def document(blocks: Sequence[Block]) -> Document:
    """Blocks → a header and sections (each level-2 heading opens one), charts worked out."""
    title = next((b.text for b in blocks if isinstance(b, Heading) and b.level == 1), t("html.report"))
    header: list[tuple[str, Any]] = []
    sections: list[Section] = []
    projects: tuple[ProjectRow, ...] = ()
    ids: set[str] = {"projektbeskrivningar"}

    def add(kind: str, data: Any) -> None:
        (sections[-1].items if sections else header).append((kind, data))

    for block in blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                continue  # the page's <h1>
            sections.append(Section(_slug(block.text, ids), block.text))
        elif isinstance(block, Paragraph):
            add("paragraph", block)
        elif isinstance(block, Facts):
            add("facts", block)
        elif isinstance(block, MoneyTable):
            chart_id = _slug("diagram " + block.name_header, ids)
            add("money", (block, money_charts(block, chart_id)))
        elif isinstance(block, ProjectTable):
            projects += block.rows
            add("projects", block)
        elif isinstance(block, Lessons):
            add("lessons", block)
        elif isinstance(block, CountyMap):
            add("map", tile_map(block, _slug("karta", ids)))
    return Document(title, header, sections, projects, f"servicekb {__version__}")


_AMOUNT = re.compile(r"\d{1,3}(?: \d{3})* kr")


def _finalize(value: Any) -> Any:
    """Every value printed by a template: control characters shown as escapes (HTML forbids
    most of them), then autoescaped by Jinja2."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value


def _amounts(text: str) -> Any:
    """Text with each amount ('32 037 624 kr') kept on one line: escaped text, marked-up amounts."""
    from markupsafe import Markup, escape

    out = Markup("")
    pos = 0
    for m in _AMOUNT.finditer(text):
        out += (
            escape(visible(text[pos : m.start()]))
            + Markup('<span class="amount">')
            + escape(m.group())
            + Markup("</span>")
        )
        pos = m.end()
    return out + escape(visible(text[pos:]))


def render_html(blocks: Sequence[Block]) -> str:
    """The layout as one self-contained HTML5 document (a str, ending in a newline)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("servicekb", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.filters["amounts"] = _amounts
    env.filters["sek"] = format_sek
    from .messages import language

    # The page's own words come from the message table (`t` in the templates), in this run's language.
    env.globals.update(
        t=t,
        shared_cells=shared_cells,
        LANG=language(),
        TILE_W=TILE_W,
        TILE_H=TILE_H,
        BAR_ROW=BAR_ROW,
    )
    return env.get_template("report.html.j2").render(doc=document(blocks))
