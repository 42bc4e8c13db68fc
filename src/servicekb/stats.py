"""Statistics: the groups of `servicekb stats --by X` and their separate sums, sorted.

A project is assigned to its groups (several for counties and tags) by the money rules of
money.py; each group's label is in this run's language. report.py builds its per-county and
per-theme tables from the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple, Optional

from .messages import status_label, t
from .money import (
    NATIONAL,
    NO_MUNICIPALITY,
    NO_OWNER,
    PLACEHOLDER_LABELS,
    MoneySummary,
    counties_or_national,
    group_by,
    placeholder_label,
)
from .reference import Reference
from .text import swedish_key

GROUPINGS = ("county", "theme", "status", "kind", "owner-type", "tag", "municipality")


def group_keys(by: str) -> Callable[[dict], Iterable[str]]:
    """How `stats --by X` assigns a project to groups (several groups for counties, tags…)."""
    return {
        "county": counties_or_national,
        "theme": lambda r: [r["theme"]],
        "status": lambda r: [r["status"]],
        "kind": lambda r: [r["kind"]],
        "owner-type": lambda r: [r["owner"]["type"]] if r.get("owner") else [NO_OWNER],
        "tag": lambda r: r["tags"],
        "municipality": lambda r: r["geography"]["municipalities"] or [NO_MUNICIPALITY],
    }[by]


def group_label(ref: Reference, by: str) -> Callable[[str], str]:
    vocab = {"theme": ref.themes, "kind": ref.kinds, "owner-type": ref.owner_types, "tag": ref.tags}.get(by)
    if by in ("kind", "owner-type") and vocab is not None:
        return term_label(vocab, by)
    if vocab is not None:
        return vocab.label
    if by == "status":
        return status_label
    return place_label


def place_label(value: str) -> str:
    """A county or municipality as people read it; the group of projects without one in words."""
    return placeholder_label(value)


def term_label(vocab, by: str) -> Callable[[str], str]:
    """Kinds and owner types in this run's language: the reference data's (Swedish) label, or
    in English the message table's `kind.SLUG` / `owner-type.SLUG` (one home for the English)."""
    from .messages import MESSAGES, language

    def label(slug: str) -> str:
        if slug in PLACEHOLDER_LABELS:
            return placeholder_label(slug)
        key = f"{by}.{slug}"
        if language() == "en" and key in MESSAGES:
            return t(key)
        return vocab.label(slug)

    return label


SORTS = {
    "name": None,
    "projects": lambda s: s.projects,
    "total-cost": lambda s: s.total_cost.value,
    "budget": lambda s: s.budget.value,
    "support": lambda s: s.public_support.value,
    "without-amount": lambda s: s.without_amount,
    "median": lambda s: s.median_cost,
}


class StatsRow(NamedTuple):
    """One group of `stats` (and of a report's per-county / per-theme table)."""

    value: str  # the group's key: slug or name; "(…)" for a placeholder group
    label: str  # as shown to people
    summary: MoneySummary

    def as_dict(self) -> dict:
        """Machine formats: a placeholder group (the projects without a county, owner or
        municipality) has no value (null) instead of a word of one language; the projects
        without a county say so (`national: true`)."""
        if self.value == NATIONAL:
            return {"value": None, "national": True, "label": self.label, **self.summary.as_dict()}
        return {"value": self.key, "label": self.label, **self.summary.as_dict()}

    @property
    def key(self) -> Optional[str]:
        """The group's value as machine formats carry it (None for a placeholder group)."""
        return None if self.value in PLACEHOLDER_LABELS else self.value


def stats_rows(
    records: list[dict], by: str, ref: Reference, sort: str = "name", every: Iterable[str] = ()
) -> list[StatsRow]:
    """One row per group: counts and separate sums. Names sort in Swedish order; numbers
    largest first (unknown last). The groups in `every` have a row even without a project (a
    county with none is an answer too: 0 projects)."""
    groups = group_by(records, group_keys(by), shared=by == "county")
    for value in every:
        groups.setdefault(value, MoneySummary(shared=MoneySummary() if by == "county" else None))
    label = group_label(ref, by)
    rows = [StatsRow(v, label(v), s) for v, s in groups.items()]
    rows.sort(key=lambda r: (r.value.startswith("("), swedish_key(r.label)))
    key = SORTS[sort]
    if key is not None:
        rows.sort(key=lambda r: (key(r.summary) is None, -(key(r.summary) or 0)))
    return rows
