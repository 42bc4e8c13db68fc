"""The Swedish domain thesaurus (reference/synonyms.yaml): words people use for the same things.

The file has two parts (see data/README.md, "The search thesaurus"):

    equivalent:                     # groups of words that mean the same thing here
      - [hemsändning, hemkörning, hemleverans]   # why: …
    broader:                        # a narrower word: the broader words it is a kind of
      bybutik: [butik, lanthandel]  # why: …

A query word finds its equivalents, and a narrower word finds its broader words (`bybutik`
finds projects about a `butik`), never the other way round (`butik` does not find every
`bybutik`-less text about villages). Search uses these at a tier below exact, inflected and
compound-part matches. The file is read when the index is built (sync.py stores its pairs
in the index), so a search never parses YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReferenceDataError

FILE_NAME = "synonyms.yaml"
# Lower-case letters, words separated by one space or hyphen (a multi-word term is a phrase).
_TERM = re.compile(r"[a-zåäöéü]+(?:[ -][a-zåäöéü]+)*")
SYNONYM, BROADER = "synonym", "broader"
# Bounds, as yamlfile.py bounds YAML: the pairs the index stores grow with the square of a
# group's size (a group of 1,500 words made 2 million pairs), so the file, each group, each
# list of broader words and the pairs in all are bounded. The bundled file: 14 kB, groups of at
# most 9 words, 2 broader words, 1,773 pairs.
MAX_FILE_BYTES = 1_000_000
MAX_GROUP = 40
MAX_BROADER = 10
MAX_PAIRS = 200_000


class ThesaurusError(ReferenceDataError):
    """A broken synonyms file: the message names the file and line. A reference file like the
    others (tags.yaml, themes.yaml …), so the same exit code (EXIT_REFERENCE, 2)."""


@dataclass
class Thesaurus:
    """The groups of related terms and the broader terms of reference/synonyms.yaml."""

    groups: list[tuple[str, ...]] = field(default_factory=list)
    broader: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def terms(self) -> set[str]:
        out = {t for g in self.groups for t in g} | set(self.broader)
        return out | {b for bs in self.broader.values() for b in bs}

    def pair_bound(self) -> int:
        """An upper bound on the pairs related() makes, counted without making them: each term's
        equivalents, and for it and each equivalent, each broader word with its equivalents."""
        size = {t: len(g) for g in self.groups for t in g}  # a term's group, itself included
        total = sum(len(g) * (len(g) - 1) for g in self.groups)
        for narrower, targets in self.broader.items():  # every term of the narrower word's group reaches them
            total += size.get(narrower, 1) * sum(size.get(b, 1) for b in targets)
        return total

    def related(self) -> dict[str, dict[str, str]]:
        """term → {related term: relation}: its equivalents, its broader terms and theirs.

        A narrower term also reaches the equivalents of its broader terms (bybutik → butik →
        affär), and a term shares the broader terms of its equivalents.
        """
        equivalents: dict[str, set[str]] = {}
        for group in self.groups:
            for t in group:
                equivalents.setdefault(t, set()).update(u for u in group if u != t)
        out: dict[str, dict[str, str]] = {}
        for term in self.terms():
            rel = {u: SYNONYM for u in equivalents.get(term, ())}
            for source in {term} | equivalents.get(term, set()):
                for b in self.broader.get(source, ()):
                    for u in {b} | equivalents.get(b, set()):
                        rel.setdefault(u, BROADER)
            rel.pop(term, None)
            if rel:
                out[term] = rel
        return out


def load_thesaurus(folder: Path) -> Thesaurus:
    """Read and check `folder/synonyms.yaml`; an absent file is an empty thesaurus."""
    path = folder / FILE_NAME
    if not path.is_file():
        return Thesaurus()
    from .messages import t
    from .problem import message
    from .yamlfile import YAMLFileError, decode, parse

    def fail(text: str, mark=None) -> ThesaurusError:
        where = f"{path}:{mark.line}" if mark else str(path)
        return ThesaurusError(f"{where}: {text}")

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # before reading it: a 400 MB file is never read whole
            raise fail(t("thesaurus.too_big", size=size, max=MAX_FILE_BYTES))
        data, marks = parse(decode(path.read_bytes()))
    except YAMLFileError as exc:
        raise fail(exc.message, exc.mark) from None
    except OSError as exc:
        raise fail(message("unreadable", {"reason": exc.strerror or str(exc)})) from None
    if data is None:
        return Thesaurus()
    if not isinstance(data, dict) or set(data) - {"equivalent", "broader"}:
        raise fail(t("thesaurus.shape"))

    seen: dict[str, tuple] = {}  # term → the path where it first stood as an equivalent / narrower term

    def check(term, path_: tuple) -> str:
        if not isinstance(term, str) or not _TERM.fullmatch(term):
            raise fail(t("thesaurus.term", term=term), marks.get(path_))
        return term

    thesaurus = Thesaurus()
    groups = data.get("equivalent") or []
    if not isinstance(groups, list):
        raise fail(t("thesaurus.groups"), marks.get(("equivalent",)))
    for i, group in enumerate(groups):
        if not isinstance(group, list) or len(group) < 2:
            raise fail(t("thesaurus.group"), marks.get(("equivalent", i)))
        if len(group) > MAX_GROUP:
            raise fail(t("thesaurus.group_too_big", n=len(group), max=MAX_GROUP), marks.get(("equivalent", i)))
        terms = []
        for j, term in enumerate(group):
            term = check(term, ("equivalent", i, j))
            if term in seen:
                first = marks.get(seen[term])
                at = t("thesaurus.on_line", line=first.line) if first else ""
                raise fail(t("thesaurus.listed", term=term, at=at), marks.get(("equivalent", i, j)))
            seen[term] = ("equivalent", i, j)
            terms.append(term)
        thesaurus.groups.append(tuple(terms))
    links = data.get("broader") or {}
    if not isinstance(links, dict):
        raise fail(t("thesaurus.broader"), marks.get(("broader",)))
    for narrower, targets in links.items():
        check(narrower, ("broader", "<key>", narrower))
        if not isinstance(targets, list) or not targets:
            raise fail(t("thesaurus.needs_list", term=narrower), marks.get(("broader", narrower)))
        if len(targets) > MAX_BROADER:
            raise fail(
                t("thesaurus.broader_too_many", term=narrower, n=len(targets), max=MAX_BROADER),
                marks.get(("broader", narrower)),
            )
        checked = []
        for j, b in enumerate(targets):
            b = check(b, ("broader", narrower, j))
            if b == narrower or b in checked:
                raise fail(t("thesaurus.twice", term=b), marks.get(("broader", narrower, j)))
            checked.append(b)
        thesaurus.broader[narrower] = tuple(checked)
    pairs = thesaurus.pair_bound()
    if pairs > MAX_PAIRS:
        raise fail(t("thesaurus.too_many_pairs", n=pairs, max=MAX_PAIRS))
    return thesaurus
