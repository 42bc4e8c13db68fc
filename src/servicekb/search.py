"""Full-text search over the index: query syntax, Swedish-aware matching, ranking, snippets.

Matching levels (a project's level for a query word is the best one it reaches):
  3  exact word                      servicepunkt → servicepunkt
  2  same Snowball stem (inflection) servicepunkt → servicepunkter, servicepunkten
  1  compound part or folded form    ombud → paketombud; automat → paketautomater;
                                     lanthandeln → lanthandel (the word less a short ending);
                                     Orebro → Örebro (only when the word is typed without å, ä, ö)
Projects are ranked by the sum of their levels over the query words, then by BM25 with field
weights (title and tags above summary, summary above activities), then by title in Swedish
order. So an exact match always ranks above a stemmed one, and a stemmed one above a
compound-part or diacritic-folded one: for `får`, a project saying "far" is not a match at all
(å, ä, ö are letters of their own), and for `far`, "får" is only a folded match.

Query syntax: words are ANDed; "quoted phrase"; -word excludes (its exact and inflected forms);
a OR b. User text is never passed to FTS5 as syntax: every term is quoted.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Optional

from .errors import UsageError
from .index import FTS_COLUMNS, stem_words
from .text import did_you_mean, fold, nfc

EXACT, STEM, PART = 3, 2, 1
# bm25 weights in FTS_COLUMNS order: title, tags, summary, places, activities, results, lessons
WEIGHTS = {"title": 10.0, "tags": 8.0, "summary": 4.0, "places": 3.0, "activities": 2.0, "results": 2.0, "lessons": 2.0}
MAX_TERMS = 32
MAX_EXPANSION = 400
MIN_PART_LENGTH = 4  # shorter compound parts match too much ("far" is inside "förfarande")

STOP_WORDS = frozenset("""
och i att det som en på är av för med till den har de inte om ett men var sig så vi kan
man när från ska eller även där vid under efter mot hur vad detta dessa alla andra också
the and of in to a
""".split())

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
            raw.append(("phrase", text[i + 1:end], negated))
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
                raise UsageError("OR needs a word on each side, e.g. `paketombud OR paketautomat`.")
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
        raise UsageError("OR needs a word on each side, e.g. `paketombud OR paketautomat`.")
    if sum(len(g) for g in query.groups) + len(query.excluded) > MAX_TERMS:
        raise UsageError(f"the query has too many words; use at most {MAX_TERMS}.")
    if query.empty and query.dropped_stop_words:
        raise UsageError(
            f"the query has only common words ({', '.join(query.dropped_stop_words)}), which match everything; "
            "add a more specific word, e.g. `servicepunkt`."
        )
    return query


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _has_diacritics(word: str) -> bool:
    return fold(word) != word


@dataclass
class Expansion:
    """A query term's surface words in the index, by matching level."""

    levels: dict[int, set[str]]

    @property
    def words(self) -> set[str]:
        return set().union(*self.levels.values()) if self.levels else set()


def expand(conn: sqlite3.Connection, term: Term) -> Expansion:
    if term.phrase:
        return Expansion({EXACT: {" ".join(term.words)}})
    w = term.words[0]
    stem = stem_words([w])[0]
    levels: dict[int, set[str]] = {EXACT: {w}}  # matched as typed, whether vocab knows it or not
    stemmed = {r[0] for r in conn.execute("SELECT term FROM vocab WHERE stem = ? LIMIT ?", (stem, MAX_EXPANSION))}
    stemmed -= levels.get(EXACT, set())
    if stemmed:
        levels[STEM] = stemmed
    part: set[str] = set()
    if not _has_diacritics(w):
        part |= {r[0] for r in conn.execute(
            "SELECT term FROM vocab WHERE folded = ? OR folded_stem = ? LIMIT ?", (w, fold(stem), MAX_EXPANSION))}
    for piece in {w, stem}:
        if len(piece) >= MIN_PART_LENGTH:
            column = "folded" if not _has_diacritics(piece) else "term"
            like = "%" + piece.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            part |= {r[0] for r in conn.execute(
                f"SELECT term FROM vocab WHERE {column} LIKE ? ESCAPE '\\' LIMIT ?", (like, MAX_EXPANSION))}
    if len(w) >= MIN_PART_LENGTH + 2:  # lanthandeln → lanthandel: the word less a short ending
        column, key = ("folded", fold(w)) if not _has_diacritics(w) else ("term", w)
        part |= {r[0] for r in conn.execute(
            f"SELECT term FROM vocab WHERE ? LIKE {column} || '%' AND length({column}) >= ? LIMIT ?",
            (key, max(MIN_PART_LENGTH + 1, len(w) - 3), MAX_EXPANSION))}
    part -= levels.get(EXACT, set()) | stemmed
    if part:
        levels[PART] = part
    return Expansion(levels)


@dataclass
class Hit:
    rowid: int
    level: int  # the sum over query words of the best level reached
    score: float  # BM25 with field weights (higher is better)


@dataclass
class SearchResult:
    hits: list[Hit]  # ranked, at most the requested limit
    total: Optional[int]  # all matches (None when not counted)
    query: Query
    matched_words: set[str]
    suggestions: list[str] = field(default_factory=list)
    matches: str = ""  # a WITH clause ending in results(rowid, tier, score): every match
    params: list = field(default_factory=list)


def _or(words) -> str:
    return " OR ".join(_quote(w) for w in sorted(words))


def search(conn: sqlite3.Connection, query: Query, where: str = "1", params: Optional[list] = None,
           limit: Optional[int] = None, count: bool = True) -> SearchResult:
    """Rank the projects matching `query` among those satisfying `where` (an SQL condition
    on projects p, e.g. from Filters.where()). Ranking runs inside SQLite: at 100,000
    projects a common word matches half of them, and sorting them in Python costs more
    than the rest of the command."""
    matched_words: set[str] = set()
    unmatched: list[str] = []
    groups: list[dict[int, set[str]]] = []
    for group in query.groups:
        levels: dict[int, set[str]] = {}
        for term in group:
            exp = expand(conn, term)
            if not term.phrase and len(exp.words) == 1:  # no inflection or compound known: maybe a typo
                unmatched.append(term.words[0])
            matched_words |= exp.words
            for level, words in exp.levels.items():
                levels.setdefault(level, set()).update(words)
        groups.append(levels)
    excluded: set[str] = set()
    for term in query.excluded:
        exp = expand(conn, term)
        excluded |= {w for lvl, ws in exp.levels.items() if lvl >= STEM for w in ws}

    full_clause, full_params = _results_sql(groups, excluded, where, list(params or []), top_only=False)

    def ranked(with_clause: str, all_params: list) -> list[Hit]:
        sql = (f"{with_clause} SELECT r.rowid, r.tier, r.score FROM results r JOIN projects p ON p.rowid = r.rowid "
               "ORDER BY r.tier DESC, round(r.score, 9) DESC, p.sort_key" + (" LIMIT ?" if limit else ""))
        return [Hit(*row) for row in conn.execute(sql, all_params + ([limit] if limit else []))]

    hits: list[Hit] = []
    # Tiers are strict, so when the best tier alone fills the page, nothing below can
    # enter it: rank that tier first and skip scoring the rest (half the time at scale).
    if limit and any(len(levels) > 1 for levels in groups):
        hits = ranked(*_results_sql(groups, excluded, where, list(params or []), top_only=True))
    if not limit or len(hits) < limit:
        hits = ranked(full_clause, full_params)
    if not limit or len(hits) < limit:
        total: Optional[int] = len(hits)
    else:  # counting every match costs a second pass; only when it will be shown
        total = conn.execute(f"{full_clause} SELECT count(*) FROM results", full_params).fetchone()[0] if count else None
    if not hits:  # suggest for words the index does not have at all
        unmatched = [w for w in unmatched if not conn.execute("SELECT 1 FROM vocab WHERE term = ?", (w,)).fetchone()]
    suggestions = suggest_words(conn, unmatched) if not hits else []
    return SearchResult(hits, total, query, matched_words, suggestions, full_clause, full_params)


def _results_sql(groups: list[dict[int, set[str]]], excluded: set[str], where: str, params: list,
                 top_only: bool) -> tuple[str, list]:
    """A WITH clause ending in `results(rowid, tier, score)`: every project matching all
    groups (only in each group's best level when `top_only`), passing `where`, not excluded."""
    weights = ", ".join(str(WEIGHTS[c]) for c in FTS_COLUMNS)
    ctes: list[str] = []
    cte_params: list = []
    tiers: list[str] = []
    for i, levels in enumerate(groups):
        everything = set().union(*levels.values()) if levels else set()
        if not everything:
            ctes.append(f"g{i}(rowid, s) AS MATERIALIZED (SELECT 0, 0.0 WHERE 0)")
            tiers.append(str(PART))
            continue
        best = max(levels)
        if top_only and len(levels) > 1:
            # MATERIALIZED and the unary + keep SQLite from handing the IN to FTS5, which
            # would re-run the MATCH once per row (30 s instead of 50 ms at 100,000).
            ctes.append(f"g{i}top(rowid) AS MATERIALIZED (SELECT rowid FROM fts WHERE fts MATCH ?)")
            ctes.append(f"g{i}(rowid, s) AS MATERIALIZED (SELECT rowid, -bm25(fts, {weights}) FROM fts WHERE fts MATCH ? "
                        f"AND +rowid IN g{i}top)")
            cte_params += [_or(levels[best]), _or(everything)]
            tiers.append(str(best))
            continue
        ctes.append(f"g{i}(rowid, s) AS MATERIALIZED (SELECT rowid, -bm25(fts, {weights}) FROM fts WHERE fts MATCH ?)")
        cte_params.append(_or(everything))
        case = []
        for level in (EXACT, STEM):
            if level in levels and len(levels) > 1:
                ctes.append(f"g{i}l{level}(rowid) AS MATERIALIZED (SELECT rowid FROM fts WHERE fts MATCH ?)")
                cte_params.append(_or(levels[level]))
                case.append(f"WHEN g{i}.rowid IN g{i}l{level} THEN {level}")
        tiers.append(f"(CASE {' '.join(case)} ELSE {min(levels)} END)" if case else str(best))
    conditions = [f"p.rowid IN (SELECT p.rowid FROM projects p WHERE {where})"]
    if excluded:
        ctes.append("ex(rowid) AS MATERIALIZED (SELECT rowid FROM fts WHERE fts MATCH ?)")
        cte_params.append(_or(excluded))
        conditions.append("p.rowid NOT IN ex")
    if groups:
        joins = "g0 JOIN projects p ON p.rowid = g0.rowid" + "".join(
            f" JOIN g{i} ON g{i}.rowid = g0.rowid" for i in range(1, len(groups)))
        scores = " + ".join(f"g{i}.s" for i in range(len(groups)))
        body = f"SELECT p.rowid AS rowid, {' + '.join(tiers)} AS tier, {scores} AS score FROM {joins}"
    else:  # no positive words: everything that passes the filters, by title
        body = "SELECT p.rowid AS rowid, 0 AS tier, 0.0 AS score FROM projects p"
    results = f"{body} WHERE {' AND '.join(conditions)}"
    return "WITH " + ", ".join(ctes + [f"results AS ({results})"]), cte_params + params


def suggest_words(conn: sqlite3.Connection, words: list[str]) -> list[str]:
    """Corpus words close to words that matched nothing (servicepunt → servicepunkt)."""
    import difflib

    out: list[str] = []
    for w in words:
        candidates = [r[0] for r in conn.execute(
            "SELECT term FROM vocab WHERE length(term) BETWEEN ? AND ?", (max(1, len(w) - 3), len(w) + 3))]
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


def no_match_message(result: SearchResult, filtered: bool) -> str:
    msg = "no projects match" + (" the query and filters." if filtered else " the query.")
    return msg + did_you_mean(result.suggestions)


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
                    if [t.group().casefold() for t in tokens[k:k + len(phrase)]] == phrase:
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
                parts.append((text[pos:t.start()], False))
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
        out[name] = {"name": name, "results": [{"value": v, "count": c} for v, c in rows[:FACET_SIZE]],
                     "truncated": len(rows) > FACET_SIZE}
    return out
