"""One project as readable text for `servicekb show` (rich Text only: data is never markup)."""

from __future__ import annotations

from typing import Any

from .money import format_sek
from .reference import Reference
from .text import visible


def project_text(p: dict, ref: Reference):
    """A project record (model field names) as a rich renderable."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    def t(s) -> Text:
        return Text(visible(str(s)))

    head = Text()
    head.append(visible(p["title"]), style="bold")
    head.append("\n" + visible(p["id"]), style="dim")

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    geo, f, owner = p["geography"], p["funding"], p.get("owner")
    rows = [
        ("Tema", f"{ref.themes.label(p['theme'])} ({p['theme']})"),
        ("Typ", f"{ref.kinds.label(p['kind'])} ({p['kind']})"),
        ("Status", p["status"] + (f", slutdatum {p['end_date']}" if p.get("end_date") else "")),
        ("Projektägare", f"{owner['name']} ({ref.owner_types.label(owner['type'])})" if owner else "– (sidan anger ingen)"),
    ]
    if p.get("contact_organisation"):
        rows.append(("Kontaktorganisation", p["contact_organisation"]))
    rows += [
        ("Omfattning", geo["scope"]),
        ("Län", ", ".join(geo["counties"]) or "–"),
        ("Kommuner", ", ".join(geo["municipalities"]) or "–"),
        ("Orter", ", ".join(geo["places"]) or "–"),
        ("Total kostnad", format_sek(f["total_cost_sek"], "– (ingen uppgift)")),
        ("Budget", format_sek(f["budget_sek"], "– (ingen uppgift)")),
        ("Offentligt stöd", format_sek(f["public_support_sek"], "– (ingen uppgift)")),
    ]
    if f["co_funders"]:
        rows.append(("Medfinansiärer", ", ".join(f["co_funders"])))
    rows.append(("Taggar", ", ".join(ref.tags.label(x) for x in p["tags"]) or "–"))
    if p["related"]:
        rows.append(("Relaterade", ", ".join(p["related"])))
    if p["links"]:
        rows.append(("Länkar", ", ".join(p["links"])))
    rows.append(("Källa", p["source"]))
    for k, v in rows:
        facts.add_row(Text(k), t(v))

    parts: list[Any] = [head, Text(), facts, Text(), Text("Sammanfattning", style="bold"), t(p["summary"])]
    for heading, items in (("Genomförande", p["activities"]), ("Resultat", p["results"]), ("Lärdomar", p["lessons"])):
        if items:
            parts += [Text(), Text(heading, style="bold")]
            parts += [Text("• ") + t(item) for item in items]
    return Group(*parts)
