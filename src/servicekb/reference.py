"""Reference data (counties, municipalities, themes, kinds, owner types, tags) and resolvers.

Every `--region`, `--theme`, `--tag` … option resolves through here, so "Dalarna", "dalarna",
"Dalarnas län", "W", "20", "Region Dalarna" and "Orebro" all mean what a user means.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple, Optional

from .errors import ReferenceDataError, UsageError
from .messages import t as tr
from .text import did_you_mean, fold, hint_for, suggest, swedish_key


class Term(NamedTuple):
    """One entry of a controlled vocabulary (theme, kind, owner type, tag)."""

    slug: str
    label: str
    aliases: tuple[str, ...] = ()
    description: str = ""


class County(NamedTuple):
    """A county of reference/counties.yaml: its short and official names, SCB code and letter."""

    name: str
    official_name: str
    code: str
    letter: str
    region: str
    aliases: tuple[str, ...] = ()


class Source(NamedTuple):
    """Where facts come from: a page, a report, a decision (reference/sources.yaml)."""

    slug: str
    publisher: str
    title: str
    url: Optional[str] = None
    date: Optional[str] = None
    programme: Optional[str] = None
    sections: tuple[str, ...] = ()


class Municipality(NamedTuple):
    """A municipality of reference/municipalities.yaml, with its SCB code and county."""

    name: str
    code: str
    county: str


class Place(NamedTuple):
    """A county or municipality that a search word names ('orsa', 'gotlands', 'gavleborg')."""

    name: str  # as the reference data spells it: Orsa, Gotland
    kind: str  # "municipality" or "county" (a name that is both, as Gotland and Kalmar: county)
    county: str  # the county it lies in; a county's own name
    names: tuple[str, ...]  # every name it goes by, lower case: a county's aliases too ('sörmland')


class Vocabulary:
    """Terms looked up by slug, label or alias; a unique prefix is accepted too."""

    def __init__(self, what: str, terms: list[Term]):
        self.what = what
        self.terms = terms
        self.by_slug = {t.slug: t for t in terms}
        self._keys: dict[str, Term] = {}
        for t in terms:
            for key in (t.slug, t.label, *t.aliases):
                self._keys.setdefault(fold(key), t)

    def __contains__(self, slug: str) -> bool:
        return slug in self.by_slug

    def label(self, slug: str) -> str:
        term = self.by_slug.get(slug)
        return term.label if term else slug

    def resolve(self, text: str) -> Term:
        key = fold(text.strip())
        if key in self._keys:
            return self._keys[key]
        partial = {t.slug: t for k, t in self._keys.items() if key and (k.startswith(key) or f" {key}" in k)}
        if len(partial) == 1:
            return next(iter(partial.values()))
        valid = ", ".join(t.slug for t in self.terms)
        if len(partial) > 1:
            raise UsageError(
                tr("err.vocab_ambiguous", what=tr(f"what.{self.what}"), text=text, matches=", ".join(sorted(partial)))
            )
        hint = hint_for(text, [t.slug for t in self.terms] + [t.label for t in self.terms])
        raise UsageError(tr("err.vocab_unknown", what=tr(f"what.{self.what}"), text=text, hint=hint, valid=valid))


# Each reference file: a list of mappings with these fields (True: required text; False:
# optional text; list: optional list of text). Unknown fields are errors, as in project files.
_TERM = {"slug": True, "label": True, "aliases": list, "description": False}
SHAPES: dict[str, dict[str, Any]] = {
    "themes.yaml": _TERM,
    "kinds.yaml": _TERM,
    "owner_types.yaml": _TERM,
    "tags.yaml": _TERM,
    "counties.yaml": {
        "name": True,
        "official_name": True,
        "code": True,
        "letter": True,
        "region": True,
        "aliases": list,
    },
    "municipalities.yaml": {"name": True, "code": True, "county": True},
    "sources.yaml": {
        "slug": True,
        "publisher": True,
        "title": True,
        "url": False,
        "date": False,
        "programme": False,
        "sections": list,
    },
}
_KEYS = {
    "themes.yaml": "slug",
    "kinds.yaml": "slug",
    "owner_types.yaml": "slug",
    "tags.yaml": "slug",
    "counties.yaml": "name",
    "municipalities.yaml": "name",
    "sources.yaml": "slug",
}
# Reference files a knowledge base's own reference/ folder may leave out: the bundled one is
# read instead (a folder made before sources.yaml existed keeps working).
OPTIONAL_FILES = ("sources.yaml",)


def load_reference_file(folder: Path, name: str) -> list[dict[str, Any]]:
    """One reference file, read as carefully as a project file (the same safe YAML reader,
    size limit and located messages) and checked against its shape: a list of entries,
    each with its required fields as text. Any problem is a ReferenceDataError naming the
    file, line, field and what to do — never a TypeError three modules later."""
    from .files import read_file
    from .problem import message
    from .yamlfile import YAMLFileError, decode, parse

    path = folder / name
    shown = _shown(path)

    def fail(text: str, mark=None, field: str = "") -> ReferenceDataError:
        return _error(folder, path, text, mark, field)

    if not os.path.lexists(path):
        raise fail(tr("ref.missing", files=", ".join(FILES)))
    if os.path.isdir(path):
        raise fail(tr("ref.folder"))
    raw, problems = read_file(path, shown)
    if raw is None:
        raise fail(problems[0].message)
    try:
        data, marks = parse(decode(raw))
    except YAMLFileError as exc:
        raise fail(exc.message, exc.mark) from None
    except RecursionError:
        raise fail(tr("ref.too_deep")) from None
    shape = SHAPES[name]
    if not isinstance(data, list):
        raise fail(tr("ref.not_list"), marks.get(()))
    seen: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    for i, entry in enumerate(data):
        mark = marks.get((i,))
        if not isinstance(entry, dict):
            raise fail(message("dict_type", {}), mark, f"[{i}]")
        for key, value in entry.items():
            kind = shape.get(key)
            where = marks.get((i, key)) or mark
            if kind is None:
                hint = hint_for(key, shape)
                raise fail(tr("ref.unknown_field", name=key, hint=hint, fields=", ".join(shape)), where, f"[{i}]")
            if kind is list:
                if value is None:
                    value = []
                if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                    raise fail(tr("ref.names"), where, f"[{i}].{key}")
            elif value is None and not kind:
                value = ""
            elif not isinstance(value, str) or (kind and not value.strip()):
                raise fail(tr("ref.text_not_empty") if kind else message("string_type", {}), where, f"[{i}].{key}")
            entry[key] = value
        for key, kind in shape.items():
            if kind is True and key not in entry:
                raise fail(tr("ref.required", name=key), mark, f"[{i}]")
            entry.setdefault(key, [] if kind is list else "")
        key_value = entry[_KEYS[name]]
        if key_value in seen:
            first = seen[key_value]
            raise fail(tr("ref.twice", what=_KEYS[name], value=key_value, first=first), mark, f"[{i}]")
        seen[key_value] = i
        out.append(entry)
    return out


def _error(folder: Path, path: Path, text: str, mark=None, field: str = "") -> ReferenceDataError:
    """The one form of a reference-data error: file:line:column, field, what is wrong, what to do."""
    shown = _shown(path)
    where = f"{shown}:{mark.line}:{mark.column}" if mark is not None else shown
    todo = tr("ref.todo_bundled" if _is_bundled(folder) else "ref.todo_own")
    return ReferenceDataError(
        tr("ref.error", where=where, field=f"{field}: " if field else "", message=text, todo=todo)
    )


def _is_bundled(folder: Path) -> bool:
    from .paths import bundled_data_dir

    try:
        return folder.resolve() == (bundled_data_dir() / "reference").resolve()
    except OSError:
        return False


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _terms(entries) -> list[Term]:
    return [Term(e["slug"], e["label"], tuple(e["aliases"]), e["description"]) for e in entries]


FILES = (
    "themes.yaml",
    "kinds.yaml",
    "owner_types.yaml",
    "tags.yaml",
    "counties.yaml",
    "municipalities.yaml",
    "sources.yaml",
)
REFERENCE_FORMAT = 3  # what the index stores as the snapshot: bump when load_reference_file's output changes


class Reference:
    """All reference data of one knowledge base, loaded lazily from its reference/ folder.

    `snapshot` holds the files' parsed contents as the index stored them (see sync): a warm
    command reads reference data from there and never imports a YAML parser.
    """

    def __init__(self, folder: Path, snapshot: Optional[dict[str, Any]] = None) -> None:
        self.folder = folder
        self.snapshot = snapshot

    def __repr__(self) -> str:
        return f"Reference(folder={self.folder!r})"

    def __eq__(self, other: object) -> bool:  # as the dataclass it was: the same folder
        return isinstance(other, Reference) and other.folder == self.folder

    __hash__ = None  # type: ignore[assignment]  # mutable, as before

    def _data(self, name: str) -> Any:
        if self.snapshot is not None and name in self.snapshot:
            return self.snapshot[name]
        if name in OPTIONAL_FILES and not os.path.lexists(self.folder / name):
            from .paths import bundled_data_dir

            return load_reference_file(bundled_data_dir() / "reference", name)
        return load_reference_file(self.folder, name)

    def parsed(self) -> dict[str, Any]:
        """Every reference file's parsed contents (what the index stores as the snapshot)."""
        return {name: self._data(name) for name in FILES}

    @cached_property
    def themes(self) -> Vocabulary:
        return Vocabulary("theme", _terms(self._data("themes.yaml")))

    @cached_property
    def kinds(self) -> Vocabulary:
        return Vocabulary("kind", _terms(self._data("kinds.yaml")))

    @cached_property
    def owner_types(self) -> Vocabulary:
        return Vocabulary("owner type", _terms(self._data("owner_types.yaml")))

    @cached_property
    def tags(self) -> Vocabulary:
        return Vocabulary("tag", _terms(self._data("tags.yaml")))

    @cached_property
    def sources(self) -> dict[str, Source]:
        """The sources project files cite by slug (sources.yaml)."""
        import re

        out: dict[str, Source] = {}
        for i, e in enumerate(self._data("sources.yaml")):
            if e["date"] and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", e["date"]):
                raise _error(
                    self.folder,
                    self.folder / "sources.yaml",
                    tr("ref.source_date", value=e["date"]),
                    field=f"[{i}].date",
                )
            out[e["slug"]] = Source(
                e["slug"],
                e["publisher"],
                e["title"],
                e["url"] or None,
                e["date"] or None,
                e["programme"] or None,
                tuple(e["sections"]),
            )
        return out

    @cached_property
    def thesaurus(self):
        """The search thesaurus (synonyms.yaml); empty when the folder has none."""
        from .thesaurus import load_thesaurus

        return load_thesaurus(self.folder)

    @cached_property
    def counties(self) -> dict[str, County]:
        out = {}
        for e in self._data("counties.yaml"):
            c = County(e["name"], e["official_name"], e["code"], e["letter"], e["region"], tuple(e["aliases"]))
            out[c.name] = c
        return out

    @cached_property
    def municipalities(self) -> dict[str, Municipality]:
        municipalities = self._data("municipalities.yaml")
        counties = self.counties
        for i, e in enumerate(municipalities):
            if e["county"] not in counties:
                hint = hint_for(e["county"], counties)
                raise _error(
                    self.folder,
                    self.folder / "municipalities.yaml",
                    tr("ref.unknown_county", name=e["county"], hint=hint),
                    field=f"[{i}].county",
                )
        return {e["name"]: Municipality(e["name"], e["code"], e["county"]) for e in municipalities}

    @cached_property
    def _county_keys(self) -> dict[str, County]:
        keys: dict[str, County] = {}
        for c in self.counties.values():
            names = (
                c.name,
                c.official_name,
                c.code,
                c.code.lstrip("0"),
                c.letter,
                c.region,
                f"{c.name} län",
                f"{c.name}s län",
                f"Länsstyrelsen i {c.official_name}",
                *c.aliases,
            )
            for k in names:
                keys.setdefault(fold(k), c)
        return keys

    def resolve_county(self, text: str) -> County:
        """'Dalarna', 'dalarna', 'Dalarnas län', 'W', '20', 'Region Dalarna', 'Orebro' → County."""
        key = fold(" ".join(text.split()))
        if key in self._county_keys:
            return self._county_keys[key]
        prefix = {c.name: c for k, c in self._county_keys.items() if len(key) >= 3 and k.startswith(key)}
        if len(prefix) == 1:
            return next(iter(prefix.values()))
        names = sorted(self.counties, key=swedish_key)
        close = suggest(text, list(self.counties) + [c.official_name for c in self.counties.values()])
        hint = did_you_mean(list(dict.fromkeys(self.resolve_county(c).name for c in close)))
        raise UsageError(tr("err.county_unknown", text=text, hint=hint, names=", ".join(names)))

    def resolve_municipality(self, text: str) -> Municipality:
        key = fold(" ".join(text.split()))
        for suffix in (" kommun", "s kommun"):
            if key.endswith(suffix) and key[: -len(suffix)] in self._municipality_keys:
                key = key[: -len(suffix)]
        if key in self._municipality_keys:
            return self._municipality_keys[key]
        # A unique beginning is enough, as for counties and themes: 'Malung' → Malung-Sälen.
        prefix = {m.name: m for k, m in self._municipality_keys.items() if len(key) >= 3 and k.startswith(key)}
        if len(prefix) == 1:
            return next(iter(prefix.values()))
        if len(prefix) > 1:
            raise UsageError(
                tr("err.municipality_ambiguous", text=text, matches=", ".join(sorted(prefix, key=swedish_key)))
            )
        hint = hint_for(text, self.municipalities)
        raise UsageError(tr("err.municipality_unknown", text=text, hint=hint))

    def place_named(self, word: str, folded: bool = False) -> Optional[Place]:
        """The county or municipality a lower-case search word names, as written or in the
        genitive ('gotland', 'gotlands' → Gotland); with `folded`, also typed without å, ä, ö
        ('gavleborg' → Gävleborg: the search asks only for a word that is not Swedish itself,
        since 'ange' is a verb before it is Ånge). Names of one word only (the search's words
        never hold a space or a hyphen)."""
        keys = self._place_keys[1 if folded else 0]
        key = fold(word) if folded else word
        if key in keys:
            return keys[key]
        if key.endswith("s") and key[:-1] in keys:
            return keys[key[:-1]]
        return None

    @cached_property
    def _place_keys(self) -> tuple[dict[str, Place], dict[str, Place]]:
        exact: dict[str, Place] = {}
        for c in self.counties.values():  # first: a name that is both (Gotland, Kalmar) is the county
            names = tuple(dict.fromkeys(n.casefold() for n in (c.name, *c.aliases)))
            place = Place(c.name, "county", c.name, names)
            for n in names:
                exact.setdefault(n, place)
        for m in self.municipalities.values():
            exact.setdefault(m.name.casefold(), Place(m.name, "municipality", m.county, (m.name.casefold(),)))
        exact = {k: v for k, v in exact.items() if k.isalpha()}
        folded: dict[str, Place] = {}
        for k, v in exact.items():
            folded.setdefault(fold(k), v)
        return exact, folded

    @cached_property
    def _municipality_keys(self) -> dict[str, Municipality]:
        keys: dict[str, Municipality] = {}
        for m in self.municipalities.values():
            keys.setdefault(fold(m.name), m)
            keys.setdefault(m.code, m)
        return keys
