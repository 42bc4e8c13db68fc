"""A report's layout (report.layout) drawn with rich, for a terminal or as plain text.

Only this module draws reports with rich; what a report contains is decided in report.py.
Data strings go into `Text` objects (never markup) with control characters made visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .output import WIDE, table_cell
from .messages import t
from .report import Block, Facts, Heading, Lessons, MoneyTable, Paragraph, ProjectTable
from .text import visible


def print_report(blocks: Sequence[Block], console: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    wide = console.width >= WIDE
    title: Any = None  # a section heading is the title of the table that follows it

    def flush_heading() -> None:
        nonlocal title
        if title is not None:
            console.print()
            console.print(title)
            title = None

    for block in blocks:
        if isinstance(block, Heading):
            flush_heading()
            if block.level == 1:
                console.print(Text(visible(block.text), style="bold"))
            else:
                title = Text(visible(block.text), style="bold")
        elif isinstance(block, Paragraph):
            flush_heading()
            console.print(Text(visible(block.text), style="dim" if block.note else ""))
        elif isinstance(block, Facts):
            flush_heading()
            for line in block.lines:
                console.print(Text("  " + visible(line)))
        elif isinstance(block, MoneyTable):
            table = Table(title=title, title_justify="left", pad_edge=False, box=None, header_style="bold")
            title = None
            projects, total_cost, budget, support, without = block.headers
            table.add_column(block.name_header, ratio=1, min_width=12)
            table.add_column(projects, justify="right")
            table.add_column(total_cost, justify="right", no_wrap=True)
            table.add_column(budget, justify="right", no_wrap=True)
            if wide:
                table.add_column(support, justify="right", no_wrap=True)
            table.add_column(without, justify="right")
            if wide:
                table.add_column("", no_wrap=True, width=20)

            def cells(label: Text, s, bar: bool) -> list:
                row = [label, Text(str(s.projects)), table_cell(s.total_cost.value, "money"), table_cell(s.budget.value, "money")]
                if wide:
                    row.append(table_cell(s.public_support.value, "money"))
                row.append(Text(str(s.without_amount)))
                if wide:
                    width = round(20 * (s.total_cost.value or 0) / block.top) if bar and block.top else 0
                    row.append(Text("█" * width, style="cyan"))
                return row

            for r in block.rows:
                table.add_row(*cells(Text(visible(r.label)), r.summary, True))
            if block.total is not None:
                table.add_section()
                table.add_row(*cells(Text(t("rep.total_once"), style="bold"), block.total, False))
            console.print()
            console.print(table)
        elif isinstance(block, ProjectTable):
            table = Table(title=title, title_justify="left", pad_edge=False, box=None, header_style="bold")
            title = None
            project, where, owner, status, amount = block.headers
            table.add_column(project, ratio=3, min_width=20)
            table.add_column(where, ratio=2, max_width=24)
            if wide:
                table.add_column(owner, ratio=2, max_width=30)
            table.add_column(status, no_wrap=True)
            table.add_column(amount, justify="right")
            for p in block.rows:
                name = Text(visible(p.title)) + (Text(" *", style="bold") if p.multi_county else Text(""))
                row = [name, Text(visible(p.where))]
                if wide:
                    row.append(Text(visible(p.owner)))
                row += [Text(p.status), Text(p.amount)]
                table.add_row(*row)
            console.print()
            console.print(table)
        elif isinstance(block, Lessons):
            flush_heading()
            for project, lesson in block.items:
                console.print(Text("• ") + Text(visible(project), style="italic") + Text(": " + visible(lesson)))
    flush_heading()
