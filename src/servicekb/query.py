"""Shared filters: one implementation used by list, search, report and stats."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, Optional

from .constants import STATUSES
from .errors import UsageError
from .messages import status_label, t
from .reference import Reference


def swedish_status_words() -> dict[str, str]:
    """The Swedish words for each status, folded, from the message table's Swedish column
    (`status.*`: avslutat, pågående, planerat) and the forms a participle in -at takes
    (avslutad, avslutade): {'avslutat': 'completed', 'pagaende': 'ongoing', …}."""
    from .messages import MESSAGES
    from .text import fold

    words: dict[str, str] = {}
    for status in STATUSES:
        word = fold(MESSAGES[f"status.{status}"][0])
        words[word] = status
        if word.endswith("at"):
            words[word[:-1] + "d"] = words[word[:-1] + "de"] = status
    return words


class Filters(NamedTuple):
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
    nationwide: bool = False  # only projects with no county (for a county report's footnote)

    @property
    def active(self) -> bool:
        return self != Filters()

    def where(self) -> tuple[str, list]:
        """The filters as an SQL condition on the index's `projects` table (aliased p)."""
        clauses: list[str] = ["p.active"]  # a file repeating another's id is never an answer
        params: list = []

        def any_of(column: str, values: tuple[str, ...]) -> None:
            clauses.append(f"p.{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)

        def linked(table: str, column: str, values: tuple[str, ...]) -> None:
            clauses.append(
                f"p.rowid IN (SELECT project FROM {table} WHERE {column} IN ({', '.join('?' * len(values))}))"
            )
            params.extend(values)

        if self.themes:
            any_of("theme", self.themes)
        if self.statuses:
            any_of("status", self.statuses)
        if self.kinds:
            any_of("kind", self.kinds)
        if self.owner_types:
            any_of("owner_type", self.owner_types)
        if self.counties:
            linked("project_counties", "county", self.counties)
        if self.municipalities:
            linked("project_municipalities", "municipality", self.municipalities)
        for tag in self.tags:  # every tag must be present
            linked("project_tags", "tag", (tag,))
        if self.nationwide:
            clauses.append("NOT EXISTS (SELECT 1 FROM project_counties c WHERE c.project = p.rowid)")
        if self.has_cost is True:
            clauses.append("p.cost_sek IS NOT NULL")
        elif self.has_cost is False:
            clauses.append("p.cost_sek IS NULL")
        if self.min_cost is not None:
            clauses.append("p.cost_sek >= ?")
            params.append(self.min_cost)
        if self.max_cost is not None:
            clauses.append("p.cost_sek <= ?")
            params.append(self.max_cost)
        return " AND ".join(clauses), params


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

    for name, value in (("--min-cost", min_cost), ("--max-cost", max_cost)):
        if value is not None and value < 0:
            raise UsageError(t("err.cost_negative", option=name))
    if min_cost is not None and max_cost is not None and min_cost > max_cost:
        raise UsageError(t("err.min_over_max", min=min_cost, max=max_cost))
    return Filters(
        themes=tuple(ref.themes.resolve(v).slug for v in theme),
        counties=tuple(ref.resolve_county(v).name for v in region),
        municipalities=tuple(ref.resolve_municipality(v).name for v in municipality),
        statuses=tuple(resolve_status(v) for v in status),
        kinds=tuple(ref.kinds.resolve(v).slug for v in kind),
        owner_types=tuple(ref.owner_types.resolve(v).slug for v in owner_type),
        tags=tuple(ref.tags.resolve(v).slug for v in tag),
        min_cost=min_cost,
        max_cost=max_cost,
        has_cost=has_cost,
    )


def resolve_status(text: str) -> str:
    """A status as a person types it, in either language ('pågående', 'Avslutat', 'ongo') → its key."""
    from .text import fold

    key = fold(text.strip())
    key = swedish_status_words().get(key, key)  # both languages' words: avslutat = completed
    hits = [s for s in STATUSES if s.startswith(key)] if key else []
    if len(hits) != 1:
        words = dict.fromkeys([*map(status_label, STATUSES), *STATUSES])  # both languages' words are accepted
        raise UsageError(t("err.unknown_status", value=repr(text), valid=", ".join(words)))
    return hits[0]
