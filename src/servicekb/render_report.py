"""A report's layout (report.layout) drawn with rich, for a terminal or as plain text.

Only this module draws reports with rich; what a report contains is decided in report.py.
Data strings go into `Text` objects (never markup) with control characters made visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .messages import t
from .output import FitColumn, print_fitted, table_cell, unbreakable_amounts
from .report import Block, Facts, Heading, Lessons, MoneyTable, Paragraph, ProjectTable, shared_cells
from .text import visible

BAR = 20  # the width of the longest bar in a money table


def print_report(blocks: Sequence[Block], console: Any) -> None:
    from rich.text import Text

    title: Any = None  # a section heading is the title of the table that follows it

    def prose(text: str, style: str, indent: str = "") -> None:
        """Wrapped at spaces, but never inside an amount: textwrap, unlike rich, does not break
        at the no-break spaces that hold '32 037 624 kr' together."""
        import textwrap

        lines = textwrap.wrap(
            unbreakable_amounts(text),
            width=max(console.width, 20),
            initial_indent=indent,
            subsequent_indent=indent + ("  " if indent else ""),
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
        for line in lines:
            console.print(Text(line.replace("\u00a0", " "), style=style), soft_wrap=True)

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
            prose(visible(block.text), "dim" if block.note else "")
        elif isinstance(block, Facts):
            flush_heading()
            for line in block.lines:
                prose(visible(line), "", indent="  ")
        elif isinstance(block, MoneyTable):
            projects, total_cost, budget, support, without = block.headers
            specs = [
                FitColumn(block.name_header, ratio=1),
                FitColumn(projects, no_wrap=True, justify="right"),
                FitColumn(total_cost, no_wrap=True, justify="right"),
                FitColumn(budget, no_wrap=True, justify="right", priority=4),
                FitColumn(support, no_wrap=True, justify="right", priority=2),
                FitColumn(without, no_wrap=True, justify="right", priority=3),
                *(FitColumn(h, no_wrap=True, justify="right", priority=5) for h in block.shared_headers),
                FitColumn("", no_wrap=True, priority=1),  # the bar
            ]

            def cells(label: Text, s, bar: bool, top: int = block.top, table: MoneyTable = block) -> list:
                width = round(BAR * (s.total_cost.value or 0) / top) if bar and top else 0
                part = shared_cells(s, table) if bar else ("",) * len(table.shared_headers)  # not for the total
                return [
                    label,
                    Text(str(s.projects)),
                    table_cell(s.total_cost.value, "money"),
                    table_cell(s.budget.value, "money"),
                    table_cell(s.public_support.value, "money"),
                    Text(str(s.without_amount)),
                    *(Text(cell) for cell in part),
                    Text("█" * width, style="cyan"),
                ]

            rows = [cells(Text(visible(r.label)), r.summary, True) for r in block.rows]
            if block.total is not None:
                rows.append(cells(Text(t("rep.total_once"), style="bold"), block.total, False))
            console.print()
            print_fitted(console, specs, rows, title=title)
            title = None
        elif isinstance(block, ProjectTable):
            project, where, owner, status, amount = block.headers
            specs = [
                FitColumn(project, ratio=3),
                FitColumn(where, priority=2, max_width=24),
                FitColumn(owner, priority=1, max_width=30),
                FitColumn(status, priority=3, max_width=16),
                FitColumn(amount, no_wrap=True, justify="right"),
            ]
            rows = []
            budget = t("cost.budget_mark")
            for p in block.rows:
                # The mark is bound to the title's last word, as a footnote mark is: with a space
                # before it, it wrapped onto a line of its own at 60 columns.
                name = Text(visible(p.title)) + (Text("*", style="bold") if p.multi_county else Text(""))
                rows.append(
                    [
                        name,
                        Text(visible(p.where)),
                        Text(visible(p.owner)),
                        Text(p.status),
                        Text(p.amount.replace(" " + budget, "\n" + budget)),
                    ]
                )
            console.print()
            print_fitted(console, specs, rows, title=title)
            title = None
        elif isinstance(block, Lessons):
            flush_heading()
            from rich.table import Table

            # A grid of bullet and text: a lesson's wrapped lines hang under its first word
            # (they started at the margin, under the bullet).
            lessons = Table.grid(padding=(0, 1))
            lessons.add_column(no_wrap=True)
            lessons.add_column()
            for project, lesson in block.items:
                lessons.add_row("•", Text(visible(project), style="italic") + Text(": " + visible(lesson)))
            console.print(lessons)
    flush_heading()
