"""Shared filters: one implementation used by list, search, report and stats."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from .errors import UsageError
from .model import STATUSES, Project
from .reference import Reference


@dataclass(frozen=True)
class Filters:
    """Resolved filter values (slugs and canonical names). Empty means 'no restriction'.

    Repeated --region / --municipality / --theme / --status / --kind / --owner-type values
    widen the match (any of them); repeated --tag values narrow it (all of them).
    """

    themes: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    owner_types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    min_cost: Optional[int] = None
    max_cost: Optional[int] = None
    has_cost: Optional[bool] = None

    @property
    def active(self) -> bool:
        return self != Filters()

    def matches(self, p: Project) -> bool:
        if self.themes and p.theme not in self.themes:
            return False
        if self.counties and not set(self.counties) & set(p.geography.counties):
            return False
        if self.municipalities and not set(self.municipalities) & set(p.geography.municipalities):
            return False
        if self.statuses and p.status not in self.statuses:
            return False
        if self.kinds and p.kind not in self.kinds:
            return False
        if self.owner_types and (p.owner is None or p.owner.type not in self.owner_types):
            return False
        if self.tags and not set(self.tags) <= set(p.tags):
            return False
        cost = p.cost_sek
        if self.has_cost is not None and (cost is not None) != self.has_cost:
            return False
        if self.min_cost is not None and (cost is None or cost < self.min_cost):
            return False
        if self.max_cost is not None and (cost is None or cost > self.max_cost):
            return False
        return True

    def apply(self, projects: Iterable[Project]) -> list[Project]:
        return [p for p in projects if self.matches(p)]


def resolve_filters(
    ref: Reference,
    *,
    theme: Iterable[str] = (),
    region: Iterable[str] = (),
    municipality: Iterable[str] = (),
    status: Iterable[str] = (),
    kind: Iterable[str] = (),
    owner_type: Iterable[str] = (),
    tag: Iterable[str] = (),
    min_cost: Optional[int] = None,
    max_cost: Optional[int] = None,
    has_cost: Optional[bool] = None,
) -> Filters:
    """User-typed option values → Filters; an unknown value is a UsageError naming valid ones."""

    def statuses(values):
        out = []
        for v in values:
            key = v.strip().casefold()
            hits = [s for s in STATUSES if s.startswith(key)] if key else []
            if len(hits) != 1:
                raise UsageError(f"unknown status {v!r}. Valid: {', '.join(STATUSES)}.")
            out.append(hits[0])
        return tuple(out)

    for name, value in (("--min-cost", min_cost), ("--max-cost", max_cost)):
        if value is not None and value < 0:
            raise UsageError(f"{name} must be 0 or more (whole kronor).")
    if min_cost is not None and max_cost is not None and min_cost > max_cost:
        raise UsageError(f"--min-cost {min_cost} is larger than --max-cost {max_cost}.")
    return Filters(
        themes=tuple(ref.themes.resolve(v).slug for v in theme),
        counties=tuple(ref.resolve_county(v).name for v in region),
        municipalities=tuple(ref.resolve_municipality(v).name for v in municipality),
        statuses=statuses(status),
        kinds=tuple(ref.kinds.resolve(v).slug for v in kind),
        owner_types=tuple(ref.owner_types.resolve(v).slug for v in owner_type),
        tags=tuple(ref.tags.resolve(v).slug for v in tag),
        min_cost=min_cost,
        max_cost=max_cost,
        has_cost=has_cost,
    )
