"""Status over time, and where the facts come from: computed when shown, never written into
the data. The source's status is a fact as of when the page was written; whether an ongoing
project's end date has passed depends on today."""

from __future__ import annotations

import datetime as dt
from typing import Optional

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


def status_text(record: dict, short: bool = False) -> str:
    """The status in this run's language, with the passed end date made visible."""
    from .messages import status_label, t

    if past_end_date(record):
        return t("status.past_end.short") if short else t("status.past_end", end=record["end_date"])
    return status_label(record["status"])


def provenance(record: dict) -> dict:
    """Where a project's facts come from, as structured data (JSON/YAML output, `show`).

    The source material names no web address and no date; those are None, never guessed."""
    return {
        "publisher": PUBLISHER,
        "page_title": PAGE_TITLE,
        "section": record.get("source"),
        "heading": record.get("title"),
        "programme": PROGRAMME,
        "url": None,
        "retrieved": None,
    }


def citation(record: dict) -> str:
    """A ready reference for a footnote, e.g. in a report to a steering group."""
    from .messages import t

    p = provenance(record)
    return (
        f"{p['publisher']}: ”{p['page_title']}”, {t('cite.section')} ”{p['section']}”, "
        f"{t('cite.project')} ”{p['heading']}”. {p['programme']}. {t('cite.unknown')}"
    )


def page_citation() -> str:
    """The whole page as a source (a report's footnote)."""
    return f"{PUBLISHER}: ”{PAGE_TITLE}”. {PROGRAMME}."
