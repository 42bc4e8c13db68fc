"""One project as readable text for `servicekb show` (rich Text only: data is never markup)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .messages import t
from .money import format_sek
from .reference import Reference
from .status import citation, past_end_date, status_text
from .text import visible


class Segments:
    """A line rendered as is: never wrapped or folded (rich would fold a long id)."""

    def __init__(self, text) -> None:
        self.text = text

    def __rich_console__(self, console, options):
        yield from self.text.render(console)
        from rich.segment import Segment

        yield Segment.line()


def project_text(p: dict, ref: Reference, similar: Sequence[tuple[str, str, str]] = ()):
    """A project record (model field names) as a rich renderable, in this run's language;
    `similar` (title, id, reason) ends it under "Liknande projekt"."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    def text(s) -> Text:
        return Text(visible(str(s)))

    head = Text(visible(p["title"]), style="bold")

    # The id is never broken: a line of its own, printed whole even where the terminal is narrower.
    ident = Segments(Text(visible(p["id"]), style="dim"))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    geo, f, owner = p["geography"], p["funding"], p.get("owner")
    status = status_text(p, sources=ref.sources)  # names the end date itself when it has passed
    if p.get("end_date") and not past_end_date(p):
        status += ", " + t("show.end_date", end=p["end_date"])
    unknown = t("show.unknown_amount")
    rows = [
        (t("show.theme"), f"{ref.themes.label(p['theme'])} ({p['theme']})"),
        (t("show.kind"), f"{ref.kinds.label(p['kind'])} ({p['kind']})"),
        (t("show.status"), status),
        (t("show.owner"), f"{owner['name']} ({ref.owner_types.label(owner['type'])})" if owner else t("show.no_owner")),
    ]
    if p.get("contact_organisation"):
        rows.append((t("show.contact"), p["contact_organisation"]))
    rows += [
        (t("show.scope"), t(f"scope.{geo['scope']}")),
        (t("show.counties"), ", ".join(geo["counties"]) or "–"),
        (t("show.municipalities"), ", ".join(geo["municipalities"]) or "–"),
        (t("show.places"), ", ".join(geo["places"]) or "–"),
        (t("show.total_cost"), format_sek(f["total_cost_sek"], unknown)),
        (t("show.budget"), format_sek(f["budget_sek"], unknown)),
        (t("show.public_support"), format_sek(f["public_support_sek"], unknown)),
    ]
    if f["co_funders"]:
        rows.append((t("show.co_funders"), ", ".join(f["co_funders"])))
    rows.append((t("show.tags"), ", ".join(ref.tags.label(x) for x in p["tags"]) or "–"))
    if p["related"]:
        rows.append((t("show.related"), ", ".join(p["related"])))
    if p["links"]:
        rows.append((t("show.links"), ", ".join(p["links"])))
    rows.append((t("show.source"), citation(p, ref.sources)))
    for k, v in rows:
        facts.add_row(Text(k), text(v))

    parts: list[Any] = [head, ident, Text(), facts, Text(), Text(t("show.summary"), style="bold"), text(p["summary"])]
    for key, items in (
        ("show.activities", p["activities"]),
        ("show.results", p["results"]),
        ("show.lessons", p["lessons"]),
    ):
        if items:
            parts += [Text(), Text(t(key), style="bold")]
            parts += [Text("• ") + text(item) for item in items]
    if similar:
        parts += [Text(), Text(t("similar.heading"), style="bold")]
        for title, pid, why in similar:
            parts.append(Text("• ") + text(title) + Text(f" ({visible(pid)})", style="dim") + text(f" – {why}"))
    return Group(*parts)
