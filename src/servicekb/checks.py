"""Rules that need reference data or other files: one place for each cross-file rule."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .money import cost_amount
from .problem import Problem
from .text import did_you_mean, suggest

if TYPE_CHECKING:
    from .model import Project
    from .reference import Reference

Finding = tuple[tuple, str]  # (field path, message)


def check_project(p: Project, ref: Reference, stem: str) -> list[Finding]:
    """Problems in one valid-shaped project that only reference data can reveal."""
    out: list[Finding] = []
    if p.id != stem:
        out.append((("id",), f"id {p.id!r} must equal the file name without .yaml ({stem!r}); rename one of them"))

    def vocab(path, value, vocabulary):
        if value not in vocabulary:
            hint = did_you_mean(suggest(value, vocabulary.by_slug))
            out.append((path, f"unknown {vocabulary.what} {value!r}.{hint} Valid: {', '.join(vocabulary.by_slug)}"))

    vocab(("theme",), p.theme, ref.themes)
    vocab(("kind",), p.kind, ref.kinds)
    if p.owner is not None:
        vocab(("owner", "type"), p.owner.type, ref.owner_types)
    for i, tag in enumerate(p.tags):
        vocab(("tags", i), tag, ref.tags)
    if len(set(p.tags)) != len(p.tags):
        out.append((("tags",), "a tag is listed twice"))
    if p.theme in ref.themes and p.source != ref.themes.label(p.theme):
        out.append(
            (
                ("source",),
                f"source {p.source!r} does not match theme {p.theme!r}, whose section is {ref.themes.label(p.theme)!r}",
            )
        )

    geo = p.geography
    for i, name in enumerate(geo.counties):
        if name not in ref.counties:
            hint = did_you_mean(suggest(name, ref.counties))
            out.append(
                (
                    ("geography", "counties", i),
                    f"unknown county {name!r}.{hint} Use the short names of reference/counties.yaml",
                )
            )
    if len(set(geo.counties)) != len(geo.counties):
        out.append((("geography", "counties"), "a county is listed twice"))
    for i, name in enumerate(geo.municipalities):
        m = ref.municipalities.get(name)
        if m is None:
            hint = did_you_mean(suggest(name, ref.municipalities))
            out.append((("geography", "municipalities", i), f"unknown municipality {name!r}.{hint}"))
        elif m.county not in geo.counties:
            out.append(
                (
                    ("geography", "municipalities", i),
                    f"{name} lies in {m.county}, which is missing from geography.counties",
                )
            )
    n = len(geo.counties)
    if geo.scope == "national" and n:
        out.append(
            (
                ("geography", "scope"),
                "scope national means nationwide without named counties; counties must be empty (or use multi-county)",
            )
        )
    elif geo.scope == "multi-county" and n < 2:
        out.append((("geography", "scope"), "scope multi-county needs two or more counties"))
    elif geo.scope in ("local", "municipal", "county") and n != 1:
        out.append(
            (
                ("geography", "scope"),
                f"scope {geo.scope} needs exactly one county (found {n}); use multi-county or national",
            )
        )

    f = p.funding
    total = cost_amount(f.total_cost_sek, f.budget_sek)
    if f.public_support_sek is not None and total is not None and f.public_support_sek > total:
        out.append(
            (
                ("funding", "public_support_sek"),
                f"public support {f.public_support_sek} exceeds the project's total {total}",
            )
        )
    if p.id in p.related:
        out.append((("related",), "a project cannot be related to itself"))
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
            problems.append(
                Problem(e.file, 1, 1, "id", f"id {e.id!r} is already used by {owner[e.id]}; give one of them a new id")
            )
        else:
            owner[e.id] = e.name
    ids = set(owner) | set(known_ids)
    for e in ordered:
        if e.file in losers:
            continue
        for i, (rid, line, column) in enumerate(e.related):
            if rid not in ids:
                hint = did_you_mean(suggest(rid, ids))
                problems.append(
                    Problem(
                        e.file,
                        line,
                        column,
                        f"related[{i}]",
                        f"related id {rid!r} is not a project in this knowledge base.{hint}",
                    )
                )
    problems.sort(key=lambda p: (p.file, p.line or 0, p.column or 0))
    return losers, problems
