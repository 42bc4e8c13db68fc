"""Rules that need reference data or other files: one place for each cross-file rule."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .money import cost_amount
from .problem import Problem
from .text import suggest

if TYPE_CHECKING:
    from .model import Project
    from .reference import Reference

Finding = tuple[tuple, str, dict]  # (field path, `problem.*` message key, its values)


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value) -> list[tuple[int, str]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)] if isinstance(value, list) else []


def _kronor(value) -> int | None:
    """An amount as the model reads it, or None where the model refuses it (that is its problem)."""
    from .model import kronor_or_none

    return kronor_or_none(value)


def _section_of(source) -> tuple[str | None, str | None]:
    """(ref, section) of a project's source, in the new form or model version 2's string."""
    from .constants import LEGACY_SOURCE

    if isinstance(source, str):
        return LEGACY_SOURCE, source
    if isinstance(source, dict):
        return _text(source.get("ref")), _text(source.get("section"))
    return None, None


def check_project(p: Project | dict, ref: Reference, stem: str) -> list[Finding]:
    """Problems that only reference data (or the rules between fields) can reveal.

    Works on a valid project and on the raw mapping of a file whose shape has errors alike, so
    that `validate` reports every problem of a file in one round: a field of the wrong type is
    skipped here (its shape error is reported), every other field is still checked."""
    data = p if isinstance(p, dict) else p.model_dump(mode="json")
    out: list[Finding] = []

    def add(path: tuple, key: str, **params: object) -> None:
        out.append((path, key, params))

    pid = _text(data.get("id"))
    if pid is not None and pid != stem:
        add(("id",), "id_mismatch", id=pid, stem=stem)

    def vocab(path, value, vocabulary):
        if isinstance(value, str) and value not in vocabulary:
            key = "unknown_" + vocabulary.what.replace(" ", "_")
            add(path, key, value=value, hint=suggest(value, vocabulary.by_slug), valid=list(vocabulary.by_slug))

    theme = _text(data.get("theme"))
    vocab(("theme",), theme, ref.themes)
    vocab(("kind",), data.get("kind"), ref.kinds)
    owner = data.get("owner")
    if isinstance(owner, dict):
        vocab(("owner", "type"), owner.get("type"), ref.owner_types)
    tags = _texts(data.get("tags"))
    for i, tag in tags:
        vocab(("tags", i), tag, ref.tags)
    if len({t for _, t in tags}) != len(tags):
        add(("tags",), "tag_twice")

    source_ref, section = _section_of(data.get("source"))
    if source_ref is not None:
        # `source: <heading>` (model version 2) is located at `source`, the new form at its fields
        where = ("source",) if isinstance(data.get("source"), str) else ("source", "ref")
        known = ref.sources.get(source_ref)
        if known is None:
            add(where, "source_unknown", ref=source_ref, hint=suggest(source_ref, ref.sources), valid=list(ref.sources))
        elif known.sections:
            at = ("source",) if isinstance(data.get("source"), str) else ("source", "section")
            if section is None:
                add(at, "section_missing", source=known.title, valid=list(known.sections))
            elif section not in known.sections:
                add(at, "section_unknown", section=section, source=known.title, hint=suggest(section, known.sections))
            elif (
                theme is not None
                and theme in ref.themes
                and section in {t.label for t in ref.themes.terms}
                and section != ref.themes.label(theme)
            ):
                add(at, "source_mismatch", source=section, theme=theme, section=ref.themes.label(theme))

    geo: dict = data["geography"] if isinstance(data.get("geography"), dict) else {}
    counties = _texts(geo.get("counties"))
    county_names = {c for _, c in counties}
    for i, name in counties:
        if name not in ref.counties:
            add(("geography", "counties", i), "unknown_county", name=name, hint=suggest(name, ref.counties))
    if len(county_names) != len(counties):
        add(("geography", "counties"), "county_twice")
    for i, name in _texts(geo.get("municipalities")):
        m = ref.municipalities.get(name)
        if m is None:
            add(
                ("geography", "municipalities", i),
                "unknown_municipality",
                name=name,
                hint=suggest(name, ref.municipalities),
            )
        elif isinstance(geo.get("counties"), list) and m.county not in county_names:
            add(("geography", "municipalities", i), "municipality_county", name=name, county=m.county)
    scope = _text(geo.get("scope"))
    if isinstance(geo.get("counties"), list):
        n = len(geo["counties"])
        if scope == "national" and n:
            add(("geography", "scope"), "scope_national")
        elif scope == "multi-county" and n < 2:
            add(("geography", "scope"), "scope_multi")
        elif scope in ("local", "municipal", "county") and n != 1:
            add(("geography", "scope"), "scope_one", scope=scope, n=n)
    if scope == "local" and isinstance(geo.get("places", []), list) and not geo.get("places"):
        add(("geography", "scope"), "scope_local_places")

    funding: dict = data["funding"] if isinstance(data.get("funding"), dict) else {}
    total_cost, budget = _kronor(funding.get("total_cost_sek")), _kronor(funding.get("budget_sek"))
    support = _kronor(funding.get("public_support_sek"))
    total = cost_amount(total_cost, budget)
    if support is not None and total is not None and support > total:
        add(("funding", "public_support_sek"), "support_exceeds", support=support, total=total)
    status = _text(data.get("status"))
    if status == "completed" and total_cost is None and budget is not None:
        add(("funding", "budget_sek"), "completed_budget_only", budget=budget)
    if status in ("ongoing", "planned") and total_cost is not None:
        add(("funding", "total_cost_sek"), "open_total_cost", status=status, total=total_cost)

    start, end = _text(data.get("start_date")), _text(data.get("end_date"))
    if start and end and start > end:
        add(("start_date",), "dates_order", start=start, end=end)
    related = [r for _, r in _texts(data.get("related"))]
    if pid is not None and pid in related:
        add(("related",), "related_self")
    if pid is not None and pid in [f for _, f in _texts(data.get("former_ids"))]:
        add(("former_ids",), "former_id_self", id=pid)
    return out


class FileEntry(NamedTuple):
    """What the rules spanning files need to know of one valid file."""

    file: str  # as shown to the user
    id: str
    related: tuple[tuple[str, int | None, int | None], ...] = ()  # (id, line, column)
    key: str = ""  # the path inside projects/ ('sub/x.yaml'): orders files and names them in messages
    former_ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"projects/{self.key}" if self.key else self.file


def _precedence(e: FileEntry) -> tuple[int, str]:
    """Which of two files with one id keeps it: the shallower path, then path order."""
    where = e.key or e.file
    return where.count("/"), where


def cross_file_problems(entries: Iterable[FileEntry], known_ids: Iterable[str] = ()) -> tuple[set[str], list[Problem]]:
    """The rules that span files, for `validate` and the index alike.

    - Ids are unique: the file nearest the top of projects/ keeps an id (then the first in path
      order), so a copy in `projects/a-backup/` never replaces the real file; every other file
      with the same id is a problem and is left out (returned in the first set). A project's former
      ids (kept by `servicekb rename`) count as taken too.
    - `related` names a project of the knowledge base (or one of `known_ids`), by its
      current id, and the project it names links back.
    """
    ordered: Sequence[FileEntry] = sorted(entries, key=_precedence)
    owner: dict[str, str] = {}
    losers: set[str] = set()
    problems: list[Problem] = []
    for e in ordered:
        if e.id in owner:
            losers.add(e.file)
            problems.append(Problem.of(e.file, 1, 1, "id", "duplicate_id", id=e.id, other=owner[e.id]))
        else:
            owner[e.id] = e.name
    winners = [e for e in ordered if e.file not in losers]
    renamed: dict[str, str] = {}
    for e in winners:
        for old in e.former_ids:
            if old in owner:
                problems.append(
                    Problem.of(e.file, None, None, "former_ids", "former_id_taken", id=old, other=owner[old])
                )
            else:
                renamed.setdefault(old, e.id)
    ids = set(owner) | set(known_ids)
    links = {e.id: {rid for rid, _, _ in e.related} for e in winners}
    for e in winners:
        for i, (rid, line, column) in enumerate(e.related):
            if rid in renamed and rid not in ids:
                problems.append(
                    Problem.of(e.file, line, column, f"related[{i}]", "related_renamed", id=rid, new=renamed[rid])
                )
            elif rid not in ids:
                problems.append(
                    Problem.of(e.file, line, column, f"related[{i}]", "related_unknown", id=rid, hint=suggest(rid, ids))
                )
            elif rid in links and e.id not in links[rid]:
                problems.append(Problem.of(e.file, line, column, f"related[{i}]", "related_one_way", id=rid, own=e.id))
    problems.sort(key=lambda p: (p.file, p.line or 0, p.column or 0))
    return losers, problems


def reference_problems(
    ref: Reference, entries: Iterable[FileEntry], texts: Iterable[str] = (), spelling: bool = False
) -> list[Problem]:
    """Rules on the knowledge base's own reference data that need its projects: a tag no project
    uses, and the thesaurus (a broken file; a word both broader and narrower than another; a term
    that no project uses and, where a Swedish dictionary is installed, no dictionary knows)."""
    from .thesaurus import FILE_NAME, ThesaurusError

    problems: list[Problem] = []
    tags_file = _shown(ref.folder / "tags.yaml")
    used = {t for e in entries for t in e.tags}
    for slug in ref.tags.by_slug:
        if slug not in used:
            problems.append(
                Problem.of(
                    tags_file, _line_of(ref.folder / "tags.yaml", f"slug: {slug}"), 1, "slug", "tag_unused", tag=slug
                )
            )
    synonyms = ref.folder / FILE_NAME
    try:
        thesaurus = ref.thesaurus
    except ThesaurusError as exc:
        return problems + [Problem.of(_shown(synonyms), None, None, "", "thesaurus_broken", reason=str(exc))]
    for narrower, targets in thesaurus.broader.items():
        for b in targets:
            if narrower in thesaurus.broader.get(b, ()):
                problems.append(
                    Problem.of(
                        _shown(synonyms),
                        _line_of(synonyms, f"{narrower}:"),
                        1,
                        "broader",
                        "thesaurus_cycle",
                        a=narrower,
                        b=b,
                    )
                )
    known = _words(texts) | _field_words(ref.folder)
    if known and spelling:
        dictionary = _dictionary()
        if dictionary is not None:
            for term in sorted(thesaurus.terms()):
                words = term.replace("-", " ").split()
                if any(w not in known and not dictionary(w) and not (len(w) == 1 and w in "eö") for w in words):
                    problems.append(
                        Problem.of(
                            _shown(synonyms), _line_of(synonyms, term), 1, "", "thesaurus_unknown_term", term=term
                        )
                    )
    return problems


def _field_words(folder) -> set[str]:
    """reference/field_words.yaml: words of the field that the dictionary lacks."""
    from .yamlfile import YAMLFileError, decode, parse

    try:
        data, _ = parse(decode((folder / "field_words.yaml").read_bytes()))
    except (OSError, YAMLFileError):
        return set()
    return {w for w in data if isinstance(w, str)} if isinstance(data, list) else set()


def _words(texts: Iterable[str]) -> set[str]:
    import re

    return {w for text in texts for w in re.findall(r"[a-zåäöéü]+", text.lower())}


def _dictionary():
    """A Swedish spelling dictionary's lookup (hunspell-sv through spylls), when installed."""
    try:
        from spylls.hunspell import Dictionary
    except ImportError:
        return None
    import sys
    from pathlib import Path

    base = Path(sys.prefix) / "share" / "hunspell" / "sv_SE"
    if not base.with_suffix(".dic").is_file():
        return None
    try:
        return Dictionary.from_files(str(base)).lookup
    except Exception:  # a dictionary that cannot be read is as good as none
        return None


def _line_of(path, needle: str) -> int | None:
    import re

    pattern = re.compile(r"(?<![\wåäöé-])" + re.escape(needle) + r"(?![\wåäöé-])")
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line.split("#")[0]):
                return n
    except (OSError, UnicodeDecodeError):
        pass
    return None


def _shown(path) -> str:
    from pathlib import Path

    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
