"""Status over time, and where the facts come from: computed when shown, never written into
the data. The source's status is a fact as of when the page was written; whether an ongoing
project's end date has passed depends on today."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from .constants import LEGACY_SOURCE

PUBLISHER = "Tillväxtverket"
PAGE_TITLE = "Så utvecklar vi den lokala servicen"
PROGRAMME = "Landsbygdsprogrammet 2014–2020"


def today() -> dt.date:
    """Today, or the date in $SERVICEKB_TODAY (YYYY-MM-DD): reports and "end date passed" as of
    that day, so that a saved sample and its test stay reproducible."""
    import os

    pinned = os.environ.get("SERVICEKB_TODAY", "").strip()
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass  # a test hook, not an interface: an unreadable date is today
    return dt.date.today()


def past_end_date(record: dict, on: Optional[dt.date] = None) -> bool:
    """True when the source calls the project ongoing but its end date lies before `on` (today)."""
    end = record.get("end_date")
    return record.get("status") == "ongoing" and bool(end) and str(end) < (on or today()).isoformat()


def status_text(record: dict, short: bool = False, sources: Optional[dict] = None) -> str:
    """The status in this run's language, with the passed end date made visible (and, where
    the sources are given, whose word "ongoing" is: the source's publisher)."""
    from .messages import status_label, t

    if past_end_date(record):
        if short:
            return t("status.past_end.short")
        who = source_of(record, sources)["publisher"] if sources is not None else None
        return t("status.past_end", end=record["end_date"], source=who or t("status.the_source"))
    return status_label(record["status"])


def source_of(record: dict, sources: Optional[dict]) -> dict:
    """A project's source with every field filled in from reference/sources.yaml where the
    project cites a source by `ref`: {ref, publisher, title, url, date, programme, section}."""
    own = record.get("source")
    if isinstance(own, str):  # a record of model version 2
        own = {"ref": LEGACY_SOURCE, "section": own}
    own = dict(own or {})
    out = {k: own.get(k) for k in ("ref", "publisher", "title", "url", "date", "programme", "section")}
    known = (sources or {}).get(out["ref"]) if out["ref"] else None
    if known is not None:
        out.update(
            publisher=known.publisher, title=known.title, url=known.url, date=known.date, programme=known.programme
        )
    return out


def provenance(record: dict, sources: Optional[dict] = None) -> dict:
    """Where a project's facts come from, as structured data (JSON/YAML output, `show`).

    What the source does not give (often its address and date) is None, never guessed."""
    s = source_of(record, sources)
    return {
        "source": s["ref"],
        "publisher": s["publisher"],
        "title": s["title"],
        "section": s["section"],
        "heading": record.get("title"),
        "programme": s["programme"],
        "url": s["url"],
        "date": s["date"],
    }


def citation(record: dict, sources: Optional[dict] = None) -> str:
    """A ready reference for a footnote, e.g. in a report to a steering group."""
    from .messages import t

    p = provenance(record, sources)
    parts = [f"{p['publisher'] or '–'}: ”{p['title'] or '–'}”"]
    if p["section"]:
        parts.append(f"{t('cite.section')} ”{p['section']}”")
    parts.append(f"{t('cite.project')} ”{p['heading']}”")
    text = ", ".join(parts) + "."
    if p["programme"]:
        text += f" {p['programme']}."
    if p["url"]:
        text += f" {p['url']}"
        text += f" ({t('cite.read', date=p['date'])})." if p["date"] else "."
    elif p["date"]:
        text += f" {p['date']}."
    if not p["url"] and not p["date"]:
        text += " " + t("cite.unknown")
    elif not p["url"]:
        text += " " + t("cite.no_url")
    return text


def sources_citation(records: list[dict], sources: Optional[dict] = None) -> str:
    """Every source the given projects cite, once each, in the order first cited: a report's footnote."""
    seen: dict[tuple, str] = {}
    for r in records:
        s = source_of(r, sources)
        key = (s["publisher"], s["title"], s["programme"])
        if key not in seen:
            text = f"{s['publisher']}: ”{s['title']}”."
            if s["programme"]:
                text += f" {s['programme']}."
            seen[key] = text
    return " ".join(seen.values())


def page_citation(sources: Optional[dict] = None) -> str:
    """The 2014–2020 page as a source (a report's footnote when it lists no project)."""
    return (
        sources_citation([{"source": {"ref": LEGACY_SOURCE}}], sources)
        if sources
        else (f"{PUBLISHER}: ”{PAGE_TITLE}”. {PROGRAMME}.")
    )
