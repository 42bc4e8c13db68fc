"""A query term against the index's vocabulary: its matches by tier, as FTS5 expressions.

Exact, inflected, compound-part and folded forms; thesaurus terms; for a word the index
lacks, its compound split (analysis.py) or its typo's correction (spelling.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Optional, Protocol

from ..index import stem_words
from ..text import fold
from .analysis import MAX_SPLIT_LENGTH, MIN_PART_LENGTH, has_diacritics, left_forms, split_compound, stems_of
from .spelling import correct_typo, is_common_word
from .syntax import STOP_WORDS, WORD, Term
from .tiers import COMPOUND, EXACT, HEAD, PART, STEM, SYNONYM, SYNONYM_RELATION, TYPO

MAX_EXPANSION = 400


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _or(words) -> str:
    return " OR ".join(_quote(w) for w in sorted(words))


def _word_levels(conn: sqlite3.Connection, w: str, typed: bool = True) -> dict[int, set[str]]:
    """One word's surface forms in the index: exact, inflections (same stem), compound parts.

    A word the user `typed` without å, ä, ö also matches words spelled with them, and one
    typed with an ending the index lacks matches the word less that ending; a word the
    search made itself (a synonym, a compound's part) is a base form spelled right: neither.
    """
    stems = stems_of(w)
    stem = stems[0]
    levels: dict[int, set[str]] = {EXACT: {w}}  # matched as typed, whether vocab knows it or not
    stemmed = {
        r[0]
        for r in conn.execute(
            "SELECT term FROM vocab WHERE stem IN (SELECT value FROM json_each(?)) LIMIT ?",
            (json.dumps(stems, ensure_ascii=False), MAX_EXPANSION),
        )
    }
    stemmed -= levels[EXACT]
    if stemmed:
        levels[STEM] = stemmed
    part: set[str] = set()
    if typed and not has_diacritics(w):
        part |= {
            r[0]
            for r in conn.execute(
                "SELECT term FROM vocab WHERE folded = ? OR folded_stem = ? LIMIT ?", (w, fold(stem), MAX_EXPANSION)
            )
        }
    # every stem: lanthandel's other stem lanthandl is inside lanthandlardagar, lanthandlarnas
    for piece in {w, *stems}:
        if len(piece) >= MIN_PART_LENGTH:
            column = "folded" if typed and not has_diacritics(piece) else "term"
            part |= {
                r[0]
                for r in conn.execute(
                    f"SELECT term FROM vocab WHERE {column} LIKE ? ESCAPE '\\' LIMIT ?", (_like(piece), MAX_EXPANSION)
                )
            }
    if typed and len(w) >= MIN_PART_LENGTH + 2:  # lanthandeln → lanthandel: the word less a short ending
        column, key = ("folded", fold(w)) if typed and not has_diacritics(w) else ("term", w)
        part |= {
            r[0]
            for r in conn.execute(
                f"SELECT term FROM vocab WHERE ? LIKE {column} || '%' AND length({column}) >= ? LIMIT ?",
                (key, max(MIN_PART_LENGTH + 1, len(w) - 3), MAX_EXPANSION),
            )
        }
    part -= levels[EXACT] | stemmed
    if part:
        levels[PART] = part
    return levels


def _in_vocab(conn: sqlite3.Connection, word: str) -> bool:
    return conn.execute("SELECT 1 FROM vocab WHERE term = ?", (word,)).fetchone() is not None


def related_terms(conn: sqlite3.Connection, text: str) -> dict[str, str]:
    """The thesaurus's related terms for a query word or phrase: {term: 'synonym' | 'broader'}.

    A word is looked up by its stem (butiker → butik's group); typed without å, ä, ö it also
    finds terms spelled with them (hemkorning → hemkörning), never the other way round.
    """
    if " " in text or "-" in text:
        rows = conn.execute("SELECT related, relation FROM thesaurus WHERE term = ?", (text,))
    else:
        stem = stem_words([text])[0]
        if has_diacritics(text):
            rows = conn.execute("SELECT related, relation FROM thesaurus WHERE stem = ?", (stem,))
        else:
            rows = conn.execute(
                "SELECT related, relation FROM thesaurus WHERE stem = ? OR folded_stem = ?", (stem, fold(stem))
            )
    out: dict[str, str] = {}
    for term, relation in rows:
        if out.get(term) != SYNONYM_RELATION:
            out[term] = relation
    return out


def _like(piece: str) -> str:
    return "%" + piece.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _forms(conn: sqlite3.Connection, terms, min_part: int = MIN_PART_LENGTH, compounds: bool = True) -> set[str]:
    """Index words for words the search made (synonyms, a compound's parts, a correction): each
    word, its inflections, and (with `compounds`) compounds containing it when it has `min_part`
    letters or more (a compound's part `vara` is inside too many unrelated words); phrases as
    they are. Compounds cost a scan of the vocabulary (a few ms), so the synonyms of a word the
    index has are matched as words and inflections only, keeping a common search fast."""
    out: set[str] = set()
    singles: list[str] = []
    for t in terms:
        if " " in t or "-" in t:
            out.add(" ".join(WORD.findall(t)))
        else:
            singles.append(t)
    if not singles:
        return out
    stems = [s for word in singles for s in stems_of(word)]
    conditions, params = ["stem IN (SELECT value FROM json_each(?))"], [json.dumps(stems, ensure_ascii=False)]
    for piece in sorted(set(singles) | set(stems)) if compounds else ():
        if len(piece) >= max(min_part, MIN_PART_LENGTH):
            conditions.append("term LIKE ? ESCAPE '\\'")
            params.append(_like(piece))
    found = {
        r[0]
        for r in conn.execute(
            f"SELECT term FROM vocab WHERE {' OR '.join(conditions)} LIMIT ?", [*params, MAX_EXPANSION * len(singles)]
        )
    }
    return (out | set(singles) | found) - STOP_WORDS


class Expansion:
    """What one query term matches, by tier: FTS5 expressions and the index words behind them.

    (A plain class, not a dataclass: every search creates this type at import.)"""

    def __init__(self) -> None:
        self.levels: dict[int, list[str]] = {}  # tier → FTS5 expressions (any matches)
        self.words: dict[int, set[str]] = {}  # tier → index words (snippets, --explain)
        self.note: Optional[tuple[str, str, str]] = None  # (kind, typed, shown) when the typed word is unknown
        self.after_note: Optional[tuple[str, str, str]] = None  # a second one (the broader words after synonyms)
        self.first_part: set[str] = set()  # words of the HEAD tier that stand for a split word's first part
        self.adjectives: set[str] = set()  # words of the PART tier that are a place's adjective (skånska)
        self.broader: set[str] = set()  # words of the HEAD tier that are a broader word (thesaurus)

    def add(self, level: int, words: set[str], expression: Optional[str] = None) -> None:
        if not words:
            return
        self.levels.setdefault(level, []).append(expression or _or(words))
        self.words.setdefault(level, set()).update(words)

    def merge(self, other: Expansion) -> None:
        for level, exprs in other.levels.items():
            self.levels.setdefault(level, []).extend(exprs)
        for level, words in other.words.items():
            self.words.setdefault(level, set()).update(words)
        self.first_part |= other.first_part
        self.adjectives |= other.adjectives
        self.broader |= other.broader

    def expressions(self) -> dict[int, str]:
        return {level: " OR ".join(f"({e})" for e in exprs) for level, exprs in self.levels.items()}

    @property
    def all_words(self) -> set[str]:
        return set().union(*self.words.values()) if self.words else set()


def expand(
    conn: sqlite3.Connection, term: Term, fallback: bool = True, broader: bool = False, alone: bool = False
) -> Expansion:
    """A query term → its matches by tier.

    Exact, inflected and compound-part forms of the word; thesaurus terms (synonym tier);
    and, for a word the index does not have at all (with `fallback`), the compound split
    into index words (butiksutveckling → butik + utveckling) or else the correction of a typo.
    """
    exp = Expansion()
    if term.phrase:
        phrase = " ".join(term.words)
        exp.add(EXACT, {phrase})
        exp.add(SYNONYM, _forms(conn, related_terms(conn, phrase)) - {phrase})
        return exp
    w = term.words[0]
    base = _word_levels(conn, w)
    for level, words in base.items():
        exp.add(level, words)
    known = len(base) > 1 or _in_vocab(conn, w)
    related = related_terms(conn, w)
    # broader words stand in for a word the index lacks (paketskåp → paket, not paketautomat → paket),
    # or, with `broader`, when the word found fewer than a handful of projects (ranking.search)
    if known and not broader:
        related = {t: r for t, r in related.items() if r == SYNONYM_RELATION}
    same_terms = sorted(t for t, r in related.items() if r == SYNONYM_RELATION)
    wider_terms = sorted(t for t, r in related.items() if r != SYNONYM_RELATION)
    direct = set().union(*base.values())
    synonyms = _forms(conn, same_terms, compounds=not known) - direct
    exp.add(SYNONYM, synonyms)
    # A broader word one tier below the word's synonyms (bankomat: the projects with a
    # uttagsautomat above those that handle kontanter); --explain names it apart.
    wider = _forms(conn, wider_terms, compounds=not known) - direct - synonyms
    exp.add(HEAD, wider)
    exp.broader |= wider
    stand_ins = bool(synonyms or wider)  # the thesaurus answers for the word: no split, no typo
    if known and fallback and alone and _fewer_than(conn, exp, FEW):
        # A question of one compound found in one or two projects only: the projects
        # having all its parts follow (biblioteksböcker, 1 project: Välkommen till bygden's
        # bytesbibliotek with böcker; lanthandlarförening, 2: the shopkeepers' association
        # that calls itself a förening). Only all the parts, each in its own forms: a part alone
        # or a part's synonyms widen a specific question too far (paketautomat would find every
        # project with paket, the verbs of följa for följeforskning). Not beside other words:
        # they widen the answer themselves (paketautomat landsbygd keeps to the lockers).
        parts = _split(conn, w)
        if parts and len(parts) > 1:
            part_words = _part_forms(conn, parts, synonyms=False)
            exp.add(COMPOUND, set().union(*part_words), " AND ".join(f"({_or(words)})" for words in part_words))
    if known or not fallback:
        return exp
    if stand_ins:
        # the notice names the synonyms, and the broader words apart (bankomat: uttagsautomat;
        # below them kontanter, which is not another word for a cash machine)
        if same_terms:
            exp.note = ("synonym", w, ", ".join(same_terms[:3]))
            if wider_terms:
                exp.after_note = ("wider", w, ", ".join(wider_terms[:3]))
        else:
            exp.note = ("wider_only", w, ", ".join(wider_terms[:3]))
    parts = _split(conn, w) if not stand_ins else None
    typo_allowed = not stand_ins and (not parts or len(parts) > 2) and not is_common_word(w)
    corrected = correct_typo(conn, w) if typo_allowed else None
    if corrected:
        parts = None
    elif not parts and not stand_ins:
        inside = _split_inside(conn, w)
        if inside:  # weak evidence: both parts, as they stand in compounds, never one alone
            parts, part_forms = inside
            exp.add(COMPOUND, part_forms[0] | part_forms[1], " AND ".join(f"({_or(f)})" for f in part_forms))
            exp.note = ("split", w, " + ".join(parts))
            return exp
    if parts:
        _add_parts(conn, exp, parts)
        exp.note = exp.note or ("split", w, " + ".join(parts))
    if corrected:
        exp.add(TYPO, _forms(conn, [corrected]))
        exp.note = ("typo", w, corrected)
    return exp


FEW = 3  # a known compound in fewer projects than this (one or two) is followed by its parts


def _fewer_than(conn: sqlite3.Connection, exp: Expansion, n: int) -> bool:
    """Do the expansion's words so far reach fewer than `n` projects? (Counts at most n.)"""
    expression = " OR ".join(f"({e})" for e in exp.expressions().values())
    sql = "SELECT count(*) FROM (SELECT 1 FROM fts WHERE fts MATCH ? LIMIT ?)"
    return bool(expression) and conn.execute(sql, (expression, n)).fetchone()[0] < n


def _part_forms(conn: sqlite3.Connection, parts: list[str], synonyms: bool = True) -> list[set[str]]:
    """Each part's index words: its forms and compounds holding it (and its thesaurus terms')."""
    return [
        _forms(conn, [p], MIN_PART_LENGTH + 1) | (_forms(conn, related_terms(conn, p)) if synonyms else set())
        for p in parts
    ]


def _add_parts(conn: sqlite3.Connection, exp: Expansion, parts: list[str]) -> None:
    """An unknown compound's parts: every part (split compound tier); the last part alone and,
    for two parts, the first alone (compound head tier), each when in few enough projects."""
    part_words = _part_forms(conn, parts)
    expression = " AND ".join(f"({_or(words)})" for words in part_words)
    exp.add(COMPOUND, set().union(*part_words), expression)
    # The last part carries a Swedish compound's meaning (a landsbygdsapotek is an apotek):
    # alone, one tier lower, unless more than a quarter of the projects have it (utveckling).
    quarter = conn.execute("SELECT count(*) FROM projects").fetchone()[0] // 4
    head = conn.execute("SELECT doc FROM fts_terms WHERE term = ?", (parts[-1],)).fetchone()
    if not head or head[0] <= quarter:
        exp.add(HEAD, part_words[-1])
    # In this field the first part often names the topic (paketbolagen: the parcel projects,
    # medicinutlämning: the medicines): alone, at the head's tier, when its own forms are in
    # at most a quarter of the projects (not landsbygd, handlar or service, in half or more).
    own = _forms(conn, [parts[0]], MIN_PART_LENGTH + 1) if len(parts) == 2 else set()
    if own and conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (_or(own),)).fetchone()[0] <= quarter:
        exp.add(HEAD, part_words[0])
        exp.first_part |= part_words[0] - part_words[-1]


class PlaceLike(Protocol):
    """reference.Place, without importing the reference module on the search path."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def county(self) -> str: ...
    @property
    def names(self) -> tuple[str, ...]: ...


# reference.Reference.place_named: a lower-case word (and whether to look it up folded) → a place
PlaceLookup = Callable[[str, bool], Optional[PlaceLike]]


def place_of(conn: sqlite3.Connection, term: Term, places: Optional[PlaceLookup]) -> Optional[PlaceLike]:
    """The county or municipality a query word names, if any. Typed without å, ä, ö
    ('gavleborg'), only when the word is neither in the index nor common Swedish (ange is a verb,
    not Ånge)."""
    if places is None or term.phrase:
        return None
    w = term.words[0]
    place = places(w, False)
    if place is None and not has_diacritics(w) and not _in_vocab(conn, w) and not is_common_word(w):
        place = places(w, True)
    return place


def expand_place(conn: sqlite3.Connection, term: Term, place: PlaceLike) -> Expansion:
    """A word naming a place matches the place's names as words, in the genitive too (Gotlands):
    in the geography (the index's places field holds counties, municipalities and places) or in
    the text. Never as a compound part (Östergötland for Gotland), a folded spelling of another
    word (försäljning for Orsa), a split (bor + länge) or a typo: a place is a name, not a stem."""
    names = {term.words[0], *place.names}
    exp = Expansion()
    exp.add(EXACT, names)
    # the genitive one tier lower, as an inflection: a project in Gävleborg names it in its
    # geography; one saying "Gävleborgs län" once in its text is about somewhere else
    exp.add(STEM, {n + "s" for n in names if not n.endswith("s")} - names)
    # and the place's adjective one lower still, as a derived word: skånska (Skåne), jämtländska
    # (Jämtland), umeåsk; never the compounds that merely hold the name (östergötland, gotlandsleden)
    adjectives = set()
    for n in names:
        if " " not in n:
            base = n[:-4] + "länd" if n.endswith("land") else n[:-1] if n[-1] in "ae" else n
            adjectives |= {base + ending for ending in ("sk", "ska", "skt")}
    exp.add(PART, adjectives - names)
    exp.adjectives = adjectives - names
    return exp


def mentioned(conn: sqlite3.Connection, exp: Expansion) -> bool:
    """Does any active project have the expansion's words?"""
    expression = " OR ".join(f"({e})" for e in exp.expressions().values())
    row = conn.execute(
        "SELECT 1 FROM fts JOIN projects p ON p.rowid = fts.rowid WHERE fts MATCH ? AND p.active LIMIT 1",
        (expression,),
    ).fetchone()
    return row is not None


def _known(conn: sqlite3.Connection, word: str, cache: dict) -> bool:
    """Is `word` a word the index or the thesaurus has (as written; inflected too from 5 letters)?"""
    if word not in cache:
        stem = stem_words([word])[0] if len(word) >= 5 else None
        cache[word] = bool(
            word not in STOP_WORDS
            and (
                conn.execute("SELECT 1 FROM vocab WHERE term = ? OR stem = ? LIMIT 1", (word, stem)).fetchone()
                or conn.execute("SELECT 1 FROM thesaurus WHERE term = ? OR stem = ? LIMIT 1", (word, stem)).fetchone()
            )
        )
    return cache[word]


def _split(conn: sqlite3.Connection, word: str) -> Optional[list[str]]:
    """analysis.split_compound with the index's and the thesaurus's words as the known parts."""
    cache: dict[str, bool] = {}
    return split_compound(
        word,
        lambda part: _known(conn, part, cache),
        lambda part: _in_vocab(conn, part) and part not in STOP_WORDS,
    )


def _split_inside(conn: sqlite3.Connection, word: str) -> Optional[tuple[list[str], list[set[str]]]]:
    """An unknown compound whose parts the index has only inside other compounds, as two parts
    and the index words holding each where a compound holds it: the first part at a word's
    start, the last at its end (or its stem's end, for an inflected compound):
    handikappanpassning → handikapp (handikapporganisationer) + anpassning
    (tillgänglighetsanpassning). The last resort before an empty answer: a first part of four
    letters or more (its -s- dropped), a last part of five or more, the longest last part first.
    A part inside a word elsewhere (studie in förstudie) does not count. Costs a scan of the
    vocabulary per part tried, only for a word nothing else matched."""
    if len(word) > MAX_SPLIT_LENGTH:
        return None

    def starting(part: str) -> set[str]:
        rows = conn.execute(
            "SELECT term FROM vocab WHERE term LIKE ? ESCAPE '\\' LIMIT ?", (_like(part)[1:], MAX_EXPANSION)
        )
        return {r[0] for r in rows} - STOP_WORDS

    def ending(part: str) -> set[str]:
        stem = stems_of(part)[0]
        rows = conn.execute(
            "SELECT term FROM vocab WHERE term LIKE ? ESCAPE '\\' OR stem LIKE ? ESCAPE '\\' LIMIT ?",
            (_like(part)[:-1], _like(stem)[:-1], MAX_EXPANSION),
        )
        return {r[0] for r in rows} - STOP_WORDS

    for i in range(MIN_PART_LENGTH, len(word) - MIN_PART_LENGTH):
        head = ending(word[i:])
        if not head:
            continue
        for left in left_forms(word[:i]):
            first = starting(left) if len(left) >= MIN_PART_LENGTH else set()
            if first:
                return [left, word[i:]], [first, head]
    return None
