"""Full-text search over the index: query syntax, Swedish-aware matching, ranking, snippets.

Tiers (a project's tier for a query word is the best one it reaches):
  7  exact word                      servicepunkt → servicepunkt
  6  same Snowball stem (inflection) servicepunkt → servicepunkter, servicepunkten;
                                     lanthandel → lanthandlarna (an e that drops: stems_of)
  5  compound part or folded form    ombud → paketombud; automat → paketautomater;
                                     lanthandeln → lanthandel (the word less a short ending);
                                     Orebro → Örebro (only when the word is typed without å, ä, ö)
  4  split compound                  butiksutveckling (unknown) → butik AND utveckling
  3  synonym (thesaurus)             hemkörning → hemsändning; bybutik → butik (broader word)
  2  compound head                   landsbygdsapotek (unknown) → apotek (the last part alone)
  1  typo                            ombudsplatform (unknown) → ombudsplattform
Projects having every word (or OR group) come first, ranked by the sum of their tiers, then
by BM25 with field weights (owner and title above tags, tags above summary, summary above
activities; for a word with direct matches, BM25 counts the direct forms only), then by
title in Swedish order. When fewer than a handful of projects have every word, projects
having most of the words follow (first at least half of the words, else any one), ranked
by how many they have; `SearchResult.relaxed` names the words they lack. So a query whose
words all match exactly ranks those projects first. For `får`, a project saying "far" is
not a match at all (å, ä, ö are letters of their own; typos are not allowed below five
letters), and for `far`, "får" is only a folded match.

Splitting and typo correction apply only to words the index does not have at all; broader
thesaurus words stand in only for such words too. The thesaurus (reference/synonyms.yaml,
thesaurus.py) is stored in the index when it is built, so a search never reads YAML.

Query syntax: words are ANDed (then relaxed, see above); "quoted phrase"; -word excludes
every project `search word` would find; a OR b. User text is never passed to FTS5 as
syntax: every term is quoted.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Optional

from .errors import UsageError
from .index import FTS_COLUMNS, stem_words
from .messages import t as tr
from .text import did_you_mean, edit_distance, fold, nfc

EXACT, STEM, PART, COMPOUND, SYNONYM, HEAD, TYPO = 7, 6, 5, 4, 3, 2, 1
TIER_NAMES = {
    EXACT: "exact",
    STEM: "inflection",
    PART: "compound part",
    COMPOUND: "split compound",
    SYNONYM: "synonym",
    HEAD: "compound head",
    TYPO: "typo",
}
SYNONYM_RELATION = "synonym"  # thesaurus.SYNONYM, without importing it on the search path
HANDFUL = 5  # fewer projects than this with every word: projects with most of the words follow
# bm25 weights by FTS column. The owner weighs more than the title: BM25 saturates, and a query
# naming an organisation must rank what it owns above the projects that mention it often.
WEIGHTS = {
    "title": 10.0,
    "owner": 20.0,
    "tags": 8.0,
    "summary": 4.0,
    "places": 3.0,
    "activities": 2.0,
    "results": 2.0,
    "lessons": 2.0,
}
MAX_TERMS = 32
MAX_EXPANSION = 400
MIN_PART_LENGTH = 4  # shorter compound parts match too much ("far" is inside "förfarande")

STOP_WORDS = frozenset(
    """
och i att det som en på är av för med till den har de inte om ett men var sig så vi kan
man när från ska eller även där vid under efter mot hur vad detta dessa alla andra också
the and of in to a
""".split()
)

_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # lower-case NFC words; more than one is a phrase

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1

    def __str__(self) -> str:
        return " ".join(self.words)


@dataclass
class Query:
    groups: list[list[Term]] = field(default_factory=list)  # AND of ORs
    excluded: list[Term] = field(default_factory=list)
    dropped_stop_words: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.groups and not self.excluded


def parse_query(text: str) -> Query:
    """User syntax → Query. Raises UsageError for queries that cannot mean anything."""
    text = nfc(_CONTROL.sub(" ", text or ""))
    raw: list[tuple[str, str, bool]] = []  # (kind: word|or, text, negated)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        negated = False
        if c == "-" and i + 1 < n and not text[i + 1].isspace():
            negated, i = True, i + 1
            c = text[i]
        if c == '"':
            end = text.find('"', i + 1)
            end = n if end == -1 else end  # an unbalanced quote runs to the end
            raw.append(("phrase", text[i + 1 : end], negated))
            i = end + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        token = text[i:j]
        raw.append(("or" if token == "OR" and not negated else "word", token, negated))
        i = j

    query = Query()
    pending_or = False
    for kind, token, negated in raw:
        if kind == "or":
            if not query.groups or pending_or:
                raise UsageError(tr("err.or_needs_words"))
            pending_or = True
            continue
        words = tuple(w.casefold() for w in _WORD.findall(token))
        if not words:
            continue
        if len(words) == 1 and kind == "word" and words[0] in STOP_WORDS and not negated:
            query.dropped_stop_words.append(words[0])
            continue
        term = Term(words)
        if negated:
            query.excluded.append(term)
        elif pending_or:
            query.groups[-1].append(term)
            pending_or = False
        else:
            query.groups.append([term])
    if pending_or:
        raise UsageError(tr("err.or_needs_words"))
    if sum(len(g) for g in query.groups) + len(query.excluded) > MAX_TERMS:
        raise UsageError(tr("err.too_many_words", n=MAX_TERMS))
    if query.empty and query.dropped_stop_words:
        raise UsageError(tr("err.only_common_words", words=", ".join(query.dropped_stop_words)))
    return query


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _has_diacritics(word: str) -> bool:
    return fold(word) != word


def _or(words) -> str:
    return " OR ".join(_quote(w) for w in sorted(words))


_VOWELS = frozenset("aeiouyåäöé")


def stems_of(word: str) -> list[str]:
    """The word's Snowball stem, and the other stem of the same word when its unstressed e
    drops in inflection, which Snowball does not know: lanthandel (stem lanthandel) →
    lanthandlar, lanthandlarna (stem lanthandl); nyckel/nycklar, åker/åkrar, öken/öknar — and
    back again from an inflected form (lanthandlarna → lanthandel)."""
    stem = stem_words([word])[0]
    out = [stem]
    if len(stem) >= 5 and stem[-1] in "lnr":
        if stem[-2] == "e" and stem[-3] not in _VOWELS:  # lanthandel → lanthandl
            out.append(stem[:-2] + stem[-1])
        elif stem != word and stem[-2] not in _VOWELS:  # lanthandlar (stem lanthandl) → lanthandel
            out.append(stem[:-1] + "e" + stem[-1])
    return out


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
    if typed and not _has_diacritics(w):
        part |= {
            r[0]
            for r in conn.execute(
                "SELECT term FROM vocab WHERE folded = ? OR folded_stem = ? LIMIT ?", (w, fold(stem), MAX_EXPANSION)
            )
        }
    for piece in {w, stem}:
        if len(piece) >= MIN_PART_LENGTH:
            column = "folded" if typed and not _has_diacritics(piece) else "term"
            part |= {
                r[0]
                for r in conn.execute(
                    f"SELECT term FROM vocab WHERE {column} LIKE ? ESCAPE '\\' LIMIT ?", (_like(piece), MAX_EXPANSION)
                )
            }
    if typed and len(w) >= MIN_PART_LENGTH + 2:  # lanthandeln → lanthandel: the word less a short ending
        column, key = ("folded", fold(w)) if typed and not _has_diacritics(w) else ("term", w)
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
        if _has_diacritics(text):
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
            out.add(" ".join(_WORD.findall(t)))
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


@dataclass
class Expansion:
    """What one query term matches, by tier: FTS5 expressions and the index words behind them."""

    levels: dict[int, list[str]] = field(default_factory=dict)  # tier → FTS5 expressions (any matches)
    words: dict[int, set[str]] = field(default_factory=dict)  # tier → index words (snippets, --explain)
    note: Optional[tuple[str, str, str]] = None  # (kind, typed, shown) when the typed word is unknown

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

    def expressions(self) -> dict[int, str]:
        return {level: " OR ".join(f"({e})" for e in exprs) for level, exprs in self.levels.items()}

    @property
    def all_words(self) -> set[str]:
        return set().union(*self.words.values()) if self.words else set()


def expand(conn: sqlite3.Connection, term: Term, fallback: bool = True) -> Expansion:
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
    if known:  # broader words only stand in for a word the index lacks (paketskåp → paket, not paketautomat → paket)
        related = {t: r for t, r in related.items() if r == SYNONYM_RELATION}
    synonyms = _forms(conn, related, compounds=not known) - set().union(*base.values())
    exp.add(SYNONYM, synonyms)
    if known or not fallback:
        return exp
    if synonyms:
        exp.note = ("synonym", w, ", ".join(sorted(related, key=lambda t: (related[t] != SYNONYM_RELATION, t))[:3]))
    parts = split_compound(conn, w) if not synonyms else None
    corrected = correct_typo(conn, w) if not synonyms and (not parts or len(parts) > 2) else None
    if corrected:
        parts = None
    if parts:
        part_words = [_forms(conn, [p], MIN_PART_LENGTH + 1) | _forms(conn, related_terms(conn, p)) for p in parts]
        expression = " AND ".join(f"({_or(words)})" for words in part_words)
        exp.add(COMPOUND, set().union(*part_words), expression)
        # The last part carries a Swedish compound's meaning (a landsbygdsapotek is an apotek):
        # alone, one tier lower, unless more than a quarter of the projects have it (utveckling).
        head = conn.execute("SELECT doc FROM fts_terms WHERE term = ?", (parts[-1],)).fetchone()
        if not head or head[0] <= conn.execute("SELECT count(*) FROM projects").fetchone()[0] // 4:
            exp.add(HEAD, part_words[-1])
        exp.note = exp.note or ("split", w, " + ".join(parts))
    if corrected:
        exp.add(TYPO, _forms(conn, [corrected]))
        exp.note = ("typo", w, corrected)
    return exp


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


def _left_forms(left: str) -> list[str]:
    """A compound's first part as a word: butiks → butik, varu → vara, kyrko → kyrka."""
    forms = []
    if left.endswith("s") and len(left) > 3:
        forms.append(left[:-1])
    if left[-1] in "uo" and len(left) > 3:
        forms.append(left[:-1] + "a")
    return forms + [left]


def split_compound(
    conn: sqlite3.Connection, word: str, depth: int = 2, cache: Optional[dict] = None
) -> Optional[list[str]]:
    """An unknown compound as known words: butiksutveckling → [butik, utveckling].

    Tries every split point, with the linking -s- and the -u/-o form of words ending in -a;
    prefers fewer parts, then longer parts. Parts are index or thesaurus words of at least
    three letters (two for a first part the index has, such as `by`).
    """
    cache = {} if cache is None else cache
    best: Optional[list[str]] = None
    for i in range(2, len(word) - 2):
        left, right = word[:i], word[i:]
        for form in _left_forms(left):
            if len(form) < 3 and not (i == 2 and _in_vocab(conn, form) and form not in STOP_WORDS):
                continue
            if not _known(conn, form, cache):
                continue  # the first known form wins: butiks → butik, not butiks
            if len(right) < 4:
                continue
            tail: Optional[list[str]] = [right] if _known(conn, right, cache) else None
            if tail is None and depth > 1 and len(right) >= 6:
                tail = split_compound(conn, right, depth - 1, cache)
            if tail is None:
                break
            candidate = [form, *tail]
            key = (len(candidate), -min(len(p) for p in candidate))
            if best is None or key < (len(best), -min(len(p) for p in best)):
                best = candidate
            break
    return best


def correct_typo(conn: sqlite3.Connection, word: str) -> Optional[str]:
    """The index word closest to an unknown word, when the correction is unambiguous.

    Typos allowed grow with length, as in Meilisearch: none below 5 letters, one from 5,
    two from 9 (a transposition counts as one). Compared without case or diacritics, as
    words and as stems (drivmedelsanlägning is one letter from the stem of
    drivmedelsanläggningar, three from the word). Among equally close words of different
    families, the clearly more frequent one wins (twice the documents); otherwise there is
    no correction, only a suggestion. difflib narrows the vocabulary to a few candidates
    (a word within two edits of a word of 9 letters or more is at least 0.75 similar), so
    no edit-distance library has to be imported.
    """
    import difflib

    n = len(word)
    k = 2 if n >= 9 else 1 if n >= 5 else 0
    if not k or n > 40:
        return None
    rows = conn.execute(
        "SELECT term, folded, stem, folded_stem FROM vocab WHERE length(folded) BETWEEN ? AND ?", (n - k - 3, n + k + 3)
    ).fetchall()
    distance: dict[int, int] = {}
    for key, column in ((fold(word), 1), (fold(stem_words([word])[0]), 3)):
        by_form: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            if abs(len(r[column]) - len(key)) <= k:
                by_form.setdefault(r[column], []).append(i)
        for form in difflib.get_close_matches(key, list(by_form), n=20, cutoff=0.7):
            d = edit_distance(key, form)
            if d <= k:
                for i in by_form[form]:
                    distance[i] = min(d, distance.get(i, d))
    if not distance:
        return None
    best = min(distance.values())
    families: dict[str, list[tuple[int, str]]] = {}
    for i, d in distance.items():
        if d == best:
            term, _, stem, _ = rows[i]
            doc = conn.execute("SELECT doc FROM fts_terms WHERE term = ?", (term,)).fetchone()
            families.setdefault(fold(stem), []).append((doc[0] if doc else 0, term))
    ranked = sorted(((sum(d for d, _ in ws), max(ws)[1]) for ws in families.values()), reverse=True)
    if len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]:
        return None
    return ranked[0][1]


@dataclass
class Hit:
    rowid: int
    level: int  # the sum over query words of the tier reached (0 for a word it lacks)
    score: float  # BM25 with field weights (higher is better)
    matched: int = 0  # how many of the query's words (OR groups) it matches
    tiers: tuple[int, ...] = ()  # the tier reached for each query word, 0 when missing


@dataclass
class SearchResult:
    hits: list[Hit]  # ranked, at most the requested limit
    total: Optional[int]  # all matches (None when not counted)
    query: Query
    matched_words: set[str]
    suggestions: list[str] = field(default_factory=list)
    matches: str = ""  # a WITH clause ending in results(rowid, tier, score): every match
    params: list = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # each query word (OR group) as typed
    group_words: list[dict[int, set[str]]] = field(default_factory=list)  # per word: tier → index words
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (typo|split|synonym, typed, shown)
    all_words_total: Optional[int] = None  # projects having every word (when fewer were relaxed in)
    relaxed: list[str] = field(default_factory=list)  # words some shown hits lack

    @property
    def partial(self) -> bool:
        return bool(self.relaxed)


def search(
    conn: sqlite3.Connection,
    query: Query,
    where: str = "1",
    params: Optional[list] = None,
    limit: Optional[int] = None,
    count: bool = True,
    all_words: bool = False,
) -> SearchResult:
    """Rank the projects matching `query` among those satisfying `where` (an SQL condition
    on projects p, e.g. from Filters.where()). Ranking runs inside SQLite: at 100,000
    projects a common word matches half of them, and sorting them in Python costs more
    than the rest of the command.

    Projects having every word come first. When fewer than a handful do (and not
    `all_words`), projects having most of the words follow, ranked below them
    (`result.relaxed` names the words they lack). Unknown words are split or corrected
    (`result.notes`), at tiers below every direct match.
    """
    params = list(params or [])
    matched_words: set[str] = set()
    unmatched: list[str] = []
    groups: list[Expansion] = []
    notes: list[tuple[str, str, str]] = []
    for group in query.groups:
        merged = Expansion()
        for term in group:
            exp = expand(conn, term)
            if not term.phrase and exp.all_words == {term.words[0]}:  # nothing known: maybe a typo
                unmatched.append(term.words[0])
            if exp.note:
                notes.append(exp.note)
            merged.merge(exp)
        matched_words |= merged.all_words
        groups.append(merged)
    excluded: list[str] = []
    for term in query.excluded:  # everything `search word` would find
        excluded += expand(conn, term).expressions().values()
    levels = [g.expressions() for g in groups]
    n = len(groups)

    def ranked(with_clause: str, all_params: list) -> list[Hit]:
        sql = (
            f"{with_clause} SELECT r.rowid, r.tier, r.score, r.matched{''.join(f', r.t{i}' for i in range(n))} "
            "FROM results r JOIN projects p ON p.rowid = r.rowid "
            "ORDER BY r.matched DESC, r.tier DESC, round(r.score, 9) DESC, p.sort_key" + (" LIMIT ?" if limit else "")
        )
        return [
            Hit(row[0], row[1], row[2], row[3], tuple(row[4:]))
            for row in conn.execute(sql, all_params + ([limit] if limit else []))
        ]

    def counted(clause: str, all_params: list, hits: list[Hit]) -> Optional[int]:
        if not limit or len(hits) < limit:
            return len(hits)
        return conn.execute(f"{clause} SELECT count(*) FROM results", all_params).fetchone()[0]

    full_clause, full_params = _results_sql(levels, excluded, where, params, top_only=False, min_match=n)
    hits: list[Hit] = []
    # Tiers are strict, so when the best tier alone fills the page, nothing below can
    # enter it: rank that tier first and skip scoring the rest (half the time at scale).
    if limit and any(len(lv) > 1 for lv in levels):
        hits = ranked(*_results_sql(levels, excluded, where, params, top_only=True, min_match=n))
    if not limit or len(hits) < limit:
        hits = ranked(full_clause, full_params)
    strict_total = counted(full_clause, full_params, hits) if (count or not limit or len(hits) < HANDFUL) else None
    total, all_words_total, relaxed = strict_total, None, []
    if not all_words and n > 1 and strict_total is not None and strict_total < HANDFUL:
        for min_match in dict.fromkeys((max(1, (n + 1) // 2), 1)):
            clause, clause_params = _results_sql(levels, excluded, where, params, top_only=False, min_match=min_match)
            more = ranked(clause, clause_params)
            if len(more) > len(hits):
                hits, full_clause, full_params = more, clause, clause_params
                total = counted(clause, clause_params, more) if count or not limit or len(more) < limit else None
                all_words_total = strict_total
                break
        relaxed = [query_term(query.groups[i]) for i in range(n) if any(h.tiers[i] == 0 for h in hits)]
    if not hits:  # suggest for words the index does not have at all
        unmatched = [w for w in unmatched if not _in_vocab(conn, w)]
    suggestions = suggest_words(conn, unmatched) if not hits else []
    return SearchResult(
        hits,
        total,
        query,
        matched_words,
        suggestions,
        full_clause,
        full_params,
        [query_term(g) for g in query.groups],
        [g.words for g in groups],
        notes if hits else [],
        all_words_total,
        relaxed,
    )


def query_term(group: list[Term]) -> str:
    """A query word (an OR group) as the user would write it."""
    return " OR ".join(f'"{t}"' if t.phrase else str(t) for t in group)


def _results_sql(
    groups: list[dict[int, str]], excluded: list[str], where: str, params: list, top_only: bool, min_match: int
) -> tuple[str, list]:
    """A WITH clause ending in `results(rowid, matched, tier, score, t0, t1, …)`: every project
    matching at least `min_match` of the groups (only in each group's best tier when
    `top_only`), passing `where`, not excluded. `groups` maps tier → FTS5 expression."""
    weights = ", ".join(str(WEIGHTS[c]) for c in FTS_COLUMNS)
    ctes: list[str] = []
    cte_params: list = []
    tiers: list[str] = []
    for i, levels in enumerate(groups):
        if not levels:
            ctes.append(f"g{i}(rowid, s) AS MATERIALIZED (SELECT 0, 0.0 WHERE 0)")
            tiers.append("0")
            continue
        best = max(levels)
        everything = " OR ".join(f"({levels[lv]})" for lv in sorted(levels, reverse=True))
        if top_only and len(levels) > 1:
            # MATERIALIZED and the unary + keep SQLite from handing the IN to FTS5, which
            # would re-run the MATCH once per row (30 s instead of 50 ms at 100,000).
            ctes.append(f"g{i}top(rowid) AS MATERIALIZED (SELECT rowid FROM fts WHERE fts MATCH ?)")
            ctes.append(
                f"g{i}(rowid, s) AS MATERIALIZED (SELECT rowid, -bm25(fts, {weights}) FROM fts WHERE fts MATCH ? "
                f"AND +rowid IN g{i}top)"
            )
            # Scored as in the full ranking: a direct match by its direct forms alone.
            scored = [lv for lv in levels if lv >= PART] if best >= PART else list(levels)
            cte_params += [levels[best], " OR ".join(f"({levels[lv]})" for lv in sorted(scored, reverse=True))]
            tiers.append(str(best))
            continue
        direct = [lv for lv in levels if lv >= PART]
        fallback = [lv for lv in levels if lv < PART]
        if direct and fallback:
            # BM25 from the direct forms alone: synonyms must not reorder the projects that
            # have the word itself (they would favour a text using many related words).
            ctes.append(
                f"g{i}d(rowid, s) AS MATERIALIZED (SELECT rowid, -bm25(fts, {weights}) FROM fts WHERE fts MATCH ?)"
            )
            ctes.append(
                f"g{i}f(rowid, s) AS MATERIALIZED (SELECT rowid, -bm25(fts, {weights}) FROM fts WHERE fts MATCH ?)"
            )
            ctes.append(
                f"g{i}(rowid, s) AS MATERIALIZED (SELECT rowid, s FROM g{i}d UNION ALL "
                f"SELECT rowid, s FROM g{i}f WHERE rowid NOT IN (SELECT rowid FROM g{i}d))"
            )
            cte_params += [
                " OR ".join(f"({levels[lv]})" for lv in sorted(direct, reverse=True)),
                " OR ".join(f"({levels[lv]})" for lv in sorted(fallback, reverse=True)),
            ]
        else:
            ctes.append(
                f"g{i}(rowid, s) AS MATERIALIZED (SELECT rowid, -bm25(fts, {weights}) FROM fts WHERE fts MATCH ?)"
            )
            cte_params.append(everything)
        case = []
        for level in sorted(levels, reverse=True)[:-1]:
            ctes.append(f"g{i}l{level}(rowid) AS MATERIALIZED (SELECT rowid FROM fts WHERE fts MATCH ?)")
            cte_params.append(levels[level])
            case.append(f"WHEN {{ref}} IN g{i}l{level} THEN {level}")
        tiers.append(f"(CASE {' '.join(case)} ELSE {min(levels)} END)" if case else str(min(levels)))
    conditions = [f"p.rowid IN (SELECT p.rowid FROM projects p WHERE {where})"]
    if excluded:
        ctes.append("ex(rowid) AS MATERIALIZED (SELECT rowid FROM fts WHERE fts MATCH ?)")
        cte_params.append(" OR ".join(f"({e})" for e in excluded))
        conditions.append("p.rowid NOT IN ex")
    n = len(groups)
    if n == 1:
        tier = tiers[0].format(ref="g0.rowid")
        body = (
            f"SELECT p.rowid AS rowid, 1 AS matched, {tier} AS tier, g0.s AS score, {tier} AS t0 "
            "FROM g0 JOIN projects p ON p.rowid = g0.rowid"
        )
    elif groups:  # every project matching at least min_match groups, its groups counted
        # One pass over the groups' rows and a GROUP BY. Joining the groups' CTEs instead costs
        # a product of their sizes: SQLite does not index them (0.6 s at 10,000 projects for
        # apoteksombud glesbygd, whose synonyms match 4,000 projects).
        hits = " UNION ALL ".join(
            f"SELECT rowid, {i} AS g, s, {t.format(ref='rowid')} AS t FROM g{i}" for i, t in enumerate(tiers)
        )
        per_group = "".join(f", max(CASE WHEN g = {i} THEN t ELSE 0 END) AS t{i}" for i in range(n))
        ctes.append(
            f"per_project AS (SELECT rowid, count(*) AS matched, sum(t) AS tier, sum(s) AS score{per_group} "
            f"FROM ({hits}) GROUP BY rowid HAVING count(*) >= {min(int(min_match), n)})"
        )
        body = (
            "SELECT p.rowid AS rowid, a.matched AS matched, a.tier AS tier, a.score AS score"
            f"{''.join(f', a.t{i} AS t{i}' for i in range(n))} FROM per_project a JOIN projects p ON p.rowid = a.rowid"
        )
    else:  # no positive words: everything that passes the filters, by title
        body = "SELECT p.rowid AS rowid, 0 AS matched, 0 AS tier, 0.0 AS score FROM projects p"
    results = f"{body} WHERE {' AND '.join(conditions)}"
    return "WITH " + ", ".join(ctes + [f"results AS ({results})"]), cte_params + params


def suggest_words(conn: sqlite3.Connection, words: list[str]) -> list[str]:
    """Corpus words close to words that matched nothing (servicepunt → servicepunkt)."""
    import difflib

    out: list[str] = []
    for w in words:
        candidates = [
            r[0]
            for r in conn.execute(
                "SELECT term FROM vocab WHERE length(term) BETWEEN ? AND ?", (max(1, len(w) - 3), len(w) + 3)
            )
        ]
        by_fold: dict[str, str] = {}
        for c in candidates:
            by_fold.setdefault(fold(c), c)
        close = [by_fold[f] for f in difflib.get_close_matches(fold(w), list(by_fold), n=8, cutoff=0.75)]
        stems = stem_words(close)
        seen: set[str] = set()
        for word, stem in zip(close, stems):  # one suggestion per word family
            if stem not in seen and word not in out:
                seen.add(stem)
                out.append(word)
    return out[:3]


def explain(result: SearchResult, hit: Hit, record: dict) -> list[dict]:
    """Why a project matched: for each query word, the tier reached and the project's words
    that matched it, e.g. [{"word": "hemkörning", "tier": "synonym", "matched": ["hemsändning"]}]."""
    from .index import fts_fields

    text = "\n".join(fts_fields(record, {}, "", "")).casefold()
    tokens = set(_WORD.findall(text))
    spaced = " " + " ".join(_WORD.findall(text)) + " "
    out = []
    for i, term in enumerate(result.terms):
        tier = hit.tiers[i] if i < len(hit.tiers) else 0
        words = result.group_words[i].get(tier, set()) if tier else set()
        found = sorted(w for w in words if (f" {w} " in spaced if " " in w else w in tokens))
        out.append({"word": term, "tier": TIER_NAMES.get(tier, "missing"), "matched": found})
    return out


def notices(result: SearchResult) -> list[str]:
    """One-line notes for stderr, in the run's language: corrections made and words relaxed."""
    from .messages import t

    lines = []
    for kind, typed, shown in result.notes:
        key = "search.corrected" if kind in ("typo", "split") else "search.synonyms"
        lines.append(t(key, typed=typed, shown=shown))
    if result.relaxed:
        missing = t("search.or").join(f"'{w}'" for w in result.relaxed)
        if result.all_words_total:
            lines.append(t("search.relaxed_some", n=result.all_words_total, missing=missing))
        else:
            lines.append(t("search.relaxed_none", missing=missing))
    return lines


def no_match_message(result: SearchResult, filtered: bool) -> str:
    """The one-line answer to a search that found nothing (with 'servicekb: '), in the run's language."""
    from .messages import t

    return t("note.no_match_filtered" if filtered else "note.no_match") + did_you_mean(result.suggestions)


# --- snippets -------------------------------------------------------------------------

SNIPPET_FIELDS = ("summary", "lessons", "results", "activities", "title")


def snippet(record: dict, words: set[str], width: int = 14) -> list[tuple[str, bool]]:
    """A short passage around the first matched word: [(text, is_match), …].

    Looks in the summary first, then lessons, results, activities; falls back to the
    summary's opening when the match was in another field (tags, places).
    """
    lowered = {w.casefold() for w in words}
    phrases = [w.split() for w in lowered if " " in w]
    singles = {w for w in lowered if " " not in w}
    for name in SNIPPET_FIELDS:
        value = record.get(name)
        texts = value if isinstance(value, list) else [value] if value else []
        for text in texts:
            tokens = list(_WORD.finditer(text))
            flags = [t.group().casefold() in singles for t in tokens]
            for phrase in phrases:
                for k in range(len(tokens) - len(phrase) + 1):
                    if [t.group().casefold() for t in tokens[k : k + len(phrase)]] == phrase:
                        for j in range(k, k + len(phrase)):
                            flags[j] = True
            if any(flags):
                first = flags.index(True)
                return _window(text, tokens, flags, max(0, first - width // 3), width)
    text = record.get("summary", "")
    tokens = list(_WORD.finditer(text))
    return _window(text, tokens, [False] * len(tokens), 0, width)


def _window(text: str, tokens, flags, start: int, width: int) -> list[tuple[str, bool]]:
    if not tokens:
        return [(text[:120], False)]
    end = min(len(tokens), start + width)
    a, b = tokens[start].start(), tokens[end - 1].end()
    parts: list[tuple[str, bool]] = []
    if start > 0:
        parts.append(("…", False))
    pos = a
    for k in range(start, end):
        t = tokens[k]
        if flags[k]:
            if t.start() > pos:
                parts.append((text[pos : t.start()], False))
            parts.append((t.group(), True))
            pos = t.end()
    if b > pos:
        parts.append((text[pos:b], False))
    if end < len(tokens):
        parts.append(("…", False))
    return [(" ".join(s.split()) if not m else s, m) if "\n" in s else (s, m) for s, m in parts]


def snippet_text(parts: list[tuple[str, bool]]) -> str:
    return "".join(s for s, _ in parts)


# --- facets ---------------------------------------------------------------------------

FACETS = ("theme", "county", "status", "kind")
FACET_SIZE = 30  # values per facet, as Datasette's default_facet_size
_FACET_SQL = {
    "theme": "SELECT theme, count(*) FROM projects WHERE rowid IN (SELECT rowid FROM results) GROUP BY theme",
    "status": "SELECT status, count(*) FROM projects WHERE rowid IN (SELECT rowid FROM results) GROUP BY status",
    "kind": "SELECT kind, count(*) FROM projects WHERE rowid IN (SELECT rowid FROM results) GROUP BY kind",
    "county": "SELECT coalesce(c.county, '(nationellt)'), count(*) FROM projects p LEFT JOIN project_counties c "
    "ON c.project = p.rowid WHERE p.rowid IN (SELECT rowid FROM results) GROUP BY 1",
}


def facets(conn: sqlite3.Connection, result: SearchResult) -> dict[str, dict]:
    """Counts of all matches by theme, county, status and kind, keyed by facet name in
    Datasette's shape: {"theme": {"name", "results": [{"value", "count"}], "truncated"}}.

    A project in two counties counts under both; projects without a county count under
    "(nationellt)" — so county counts can add up to more than the number of projects.
    """
    out = {}
    for name in FACETS:
        rows = sorted(conn.execute(f"{result.matches} {_FACET_SQL[name]}", result.params), key=lambda r: (-r[1], r[0]))
        out[name] = {
            "name": name,
            "results": [{"value": v, "count": c} for v, c in rows[:FACET_SIZE]],
            "truncated": len(rows) > FACET_SIZE,
        }
    return out
