"""Reference data (counties, municipalities, themes, kinds, owner types, tags) and resolvers.

Every `--region`, `--theme`, `--tag` … option resolves through here, so "Dalarna", "dalarna",
"Dalarnas län", "W", "20", "Region Dalarna" and "Orebro" all mean what a user means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Optional

from .errors import UsageError
from .text import did_you_mean, fold, suggest, swedish_key


@dataclass(frozen=True)
class Term:
    """One entry of a controlled vocabulary (theme, kind, owner type, tag)."""

    slug: str
    label: str
    aliases: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class County:
    name: str
    official_name: str
    code: str
    letter: str
    region: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Municipality:
    name: str
    code: str
    county: str


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
            raise UsageError(f"{self.what} {text!r} is ambiguous: it matches {', '.join(sorted(partial))}.")
        hint = did_you_mean(suggest(text, [t.slug for t in self.terms] + [t.label for t in self.terms]))
        raise UsageError(f"unknown {self.what} {text!r}.{hint} Valid: {valid}.")


def _load_yaml(path: Path):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


def _terms(entries) -> list[Term]:
    return [
        Term(str(e["slug"]), str(e["label"]), tuple(str(a) for a in e.get("aliases") or ()), str(e.get("description", "")))
        for e in entries
    ]


FILES = ("themes.yaml", "kinds.yaml", "owner_types.yaml", "tags.yaml", "counties.yaml", "municipalities.yaml")


@dataclass
class Reference:
    """All reference data of one knowledge base, loaded lazily from its reference/ folder.

    `snapshot` holds the files' parsed contents as the index stored them (see sync): a warm
    command reads reference data from there and never imports a YAML parser.
    """

    folder: Path
    snapshot: Optional[dict[str, Any]] = field(default=None, repr=False, compare=False)

    def _data(self, name: str) -> Any:
        if self.snapshot is not None and name in self.snapshot:
            return self.snapshot[name]
        return _load_yaml(self.folder / name)

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
    def thesaurus(self):
        """The search thesaurus (synonyms.yaml); empty when the folder has none."""
        from .thesaurus import load_thesaurus

        return load_thesaurus(self.folder)

    @cached_property
    def counties(self) -> dict[str, County]:
        out = {}
        for e in self._data("counties.yaml"):
            c = County(e["name"], e["official_name"], str(e["code"]), e["letter"], e["region"], tuple(e.get("aliases") or ()))
            out[c.name] = c
        return out

    @cached_property
    def municipalities(self) -> dict[str, Municipality]:
        return {
            e["name"]: Municipality(e["name"], str(e["code"]), e["county"])
            for e in self._data("municipalities.yaml")
        }

    @cached_property
    def _county_keys(self) -> dict[str, County]:
        keys: dict[str, County] = {}
        for c in self.counties.values():
            names = (c.name, c.official_name, c.code, c.code.lstrip("0"), c.letter, c.region,
                     f"{c.name} län", f"{c.name}s län", f"Länsstyrelsen i {c.official_name}", *c.aliases)
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
        raise UsageError(f"unknown county {text!r}.{hint} Counties: {', '.join(names)}.")

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
            raise UsageError(f"municipality {text!r} is ambiguous: it matches {', '.join(sorted(prefix, key=swedish_key))}.")
        hint = did_you_mean(suggest(text, self.municipalities))
        raise UsageError(f"unknown municipality {text!r}.{hint} Names are as in data/reference/municipalities.yaml, e.g. 'Mora'.")

    @cached_property
    def _municipality_keys(self) -> dict[str, Municipality]:
        keys: dict[str, Municipality] = {}
        for m in self.municipalities.values():
            keys.setdefault(fold(m.name), m)
            keys.setdefault(m.code, m)
        return keys
