"""Rules that need reference data or other files: one place for each cross-file rule."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .money import cost_amount
from .problem import Problem
from .text import suggest

if TYPE_CHECKING:
    from .model import Project
    from .reference import Reference

Finding = tuple[tuple, str, dict]  # (field path, `problem.*` message key, its values)


def check_project(p: Project, ref: Reference, stem: str) -> list[Finding]:
    """Problems in one valid-shaped project that only reference data can reveal."""
    out: list[Finding] = []

    def add(path: tuple, key: str, **params: object) -> None:
        out.append((path, key, params))

    if p.id != stem:
        add(("id",), "id_mismatch", id=p.id, stem=stem)

    def vocab(path, value, vocabulary):
        if value not in vocabulary:
            key = "unknown_" + vocabulary.what.replace(" ", "_")
            add(path, key, value=value, hint=suggest(value, vocabulary.by_slug), valid=list(vocabulary.by_slug))

    vocab(("theme",), p.theme, ref.themes)
    vocab(("kind",), p.kind, ref.kinds)
    if p.owner is not None:
        vocab(("owner", "type"), p.owner.type, ref.owner_types)
    for i, tag in enumerate(p.tags):
        vocab(("tags", i), tag, ref.tags)
    if len(set(p.tags)) != len(p.tags):
        add(("tags",), "tag_twice")
    if p.theme in ref.themes and p.source != ref.themes.label(p.theme):
        add(("source",), "source_mismatch", source=p.source, theme=p.theme, section=ref.themes.label(p.theme))

    geo = p.geography
    for i, name in enumerate(geo.counties):
        if name not in ref.counties:
            add(("geography", "counties", i), "unknown_county", name=name, hint=suggest(name, ref.counties))
    if len(set(geo.counties)) != len(geo.counties):
        add(("geography", "counties"), "county_twice")
    for i, name in enumerate(geo.municipalities):
        m = ref.municipalities.get(name)
        if m is None:
            add(
                ("geography", "municipalities", i),
                "unknown_municipality",
                name=name,
                hint=suggest(name, ref.municipalities),
            )
        elif m.county not in geo.counties:
            add(("geography", "municipalities", i), "municipality_county", name=name, county=m.county)
    n = len(geo.counties)
    if geo.scope == "national" and n:
        add(("geography", "scope"), "scope_national")
    elif geo.scope == "multi-county" and n < 2:
        add(("geography", "scope"), "scope_multi")
    elif geo.scope in ("local", "municipal", "county") and n != 1:
        add(("geography", "scope"), "scope_one", scope=geo.scope, n=n)

    f = p.funding
    total = cost_amount(f.total_cost_sek, f.budget_sek)
    if f.public_support_sek is not None and total is not None and f.public_support_sek > total:
        add(("funding", "public_support_sek"), "support_exceeds", support=f.public_support_sek, total=total)
    if p.id in p.related:
        add(("related",), "related_self")
    return out


@dataclass(frozen=True)
class FileEntry:
    """What the rules spanning files need to know of one valid file."""

    file: str  # as shown to the user
    id: str
    related: tuple[tuple[str, int | None, int | None], ...] = ()  # (id, line, column)
    key: str = ""  # the path inside projects/ ('sub/x.yaml'): orders files and names them in messages

    @property
    def name(self) -> str:
        return f"projects/{self.key}" if self.key else self.file


def cross_file_problems(entries: Iterable[FileEntry], known_ids: Iterable[str] = ()) -> tuple[set[str], list[Problem]]:
    """The rules that span files, for `validate` and the index alike.

    - Ids are unique: the first file in path order keeps an id; every later file with the
      same id is a problem and is left out (returned in the first set).
    - `related` names a project of the knowledge base (or one of `known_ids`).
    """
    ordered: Sequence[FileEntry] = sorted(entries, key=lambda e: e.key or e.file)
    owner: dict[str, str] = {}
    losers: set[str] = set()
    problems: list[Problem] = []
    for e in ordered:
        if e.id in owner:
            losers.add(e.file)
            problems.append(Problem.of(e.file, 1, 1, "id", "duplicate_id", id=e.id, other=owner[e.id]))
        else:
            owner[e.id] = e.name
    ids = set(owner) | set(known_ids)
    for e in ordered:
        if e.file in losers:
            continue
        for i, (rid, line, column) in enumerate(e.related):
            if rid not in ids:
                problems.append(
                    Problem.of(e.file, line, column, f"related[{i}]", "related_unknown", id=rid, hint=suggest(rid, ids))
                )
    problems.sort(key=lambda p: (p.file, p.line or 0, p.column or 0))
    return losers, problems
