"""Ranking inside SQLite: projects by words matched, tiers reached and weighted BM25; explanations."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple, Optional

from ..index import FTS_COLUMNS
from ..text import did_you_mean
from .matching import (
    Expansion,
    PlaceLike,
    PlaceLookup,
    _forms,
    _in_vocab,
    expand,
    expand_place,
    mentioned,
    place_of,
    related_terms,
)
from .spelling import suggest_words
from .syntax import WORD, Query, query_term
from .tiers import (
    BROADER_NAME,
    EXACT,
    FIRST_PART_NAME,
    HEAD,
    PART,
    PLACE_ADJECTIVE_NAME,
    STEM,
    SYNONYM_RELATION,
    TIER_NAMES,
)

HANDFUL = 5  # fewer projects than this with every word: projects with most of the words follow
PAGE = 20  # fewer than this with every one of three or more words: those with all but one follow
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


# Words matched, then (with --region) the region's own projects, tiers weighted by the words'
# rarity, the plain sum of tiers, BM25, title.
_ORDER = "ORDER BY r.matched DESC, {local}round(r.coverage, 9) DESC, r.tier DESC, round(r.score, 9) DESC, p.sort_key"


class Hit(NamedTuple):
    """One matching project, with what ranks it."""

    rowid: int
    level: int  # the sum over query words of the tier reached (0 for a word it lacks)
    score: float  # BM25 with field weights (higher is better)
    matched: int = 0  # how many of the query's words (OR groups) it matches
    tiers: tuple[int, ...] = ()  # the tier reached for each query word, 0 when missing
    feedback: bool = False  # not a match of the words: a project like the first answers (feedback.py)


class SearchResult:
    """A ranked search's answer: the hits shown, how many matched, and why.

    (A plain class, not a dataclass: every search creates this type at import.)"""

    def __init__(
        self,
        hits: list[Hit],
        total: Optional[int],
        query: Query,
        matched_words: set[str],
        suggestions: list[str],
        matches: str,
        params: list,
        terms: list[str],
        group_words: list[dict[int, set[str]]],
        notes: list[tuple[str, str, str]],
        all_words_total: Optional[int],
        relaxed: list[str],
        dropped: list[str],
        excluded: Optional[list[str]] = None,
        feedback: int = 0,
        first_part_words: Optional[list[set[str]]] = None,
        missing_places: Optional[list[tuple[PlaceLike, bool]]] = None,
        adjective_words: Optional[list[set[str]]] = None,
        broader_words: Optional[list[set[str]]] = None,
    ) -> None:
        self.hits = hits  # ranked, at most the requested limit
        self.total = total  # all matches (None when not counted)
        self.query = query
        self.matched_words = matched_words
        self.suggestions = suggestions
        self.matches = matches  # a WITH clause ending in results(rowid, tier, score): every match
        self.params = params
        self.terms = terms  # each query word (OR group) as typed
        self.group_words = group_words  # per word: tier → index words
        self.notes = notes  # (typo|split|synonym, typed, shown)
        self.all_words_total = all_words_total  # projects having every word (when fewer were relaxed in)
        self.relaxed = relaxed  # words some shown hits lack
        self.dropped = dropped  # words no project has, left out of the search
        self.excluded = excluded if excluded is not None else []  # FTS5 expressions of the -words
        self.feedback = feedback  # hits at the end found as projects like the first answers (feedback.py)
        # per word: the HEAD-tier words standing for a split word's first part (--explain names them)
        self.first_part_words = first_part_words if first_part_words is not None else [set() for _ in terms]
        # per word: the PART-tier words that are a place's adjective (--explain names them)
        self.adjective_words = adjective_words if adjective_words is not None else [set() for _ in terms]
        # per word: the HEAD-tier words that are a thesaurus's broader word (--explain names them)
        self.broader_words = broader_words if broader_words is not None else [set() for _ in terms]
        # places the query names that no project has (and whether their county has projects):
        # the answer is empty, and says so
        self.missing_places = missing_places if missing_places is not None else []

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
    focus: tuple[str, ...] = (),
    broader: bool = False,
    places: Optional[PlaceLookup] = None,
) -> SearchResult:
    """Rank the projects matching `query` among those satisfying `where` (an SQL condition
    on projects p, e.g. from Filters.where()). Ranking runs inside SQLite: at 100,000
    projects a common word matches half of them, and sorting them in Python costs more
    than the rest of the command.

    Projects having every word come first; with `focus` (the --region counties), those entirely
    within them first among projects having as many words. When fewer than a handful do (and not
    `all_words`), projects having most of the words follow, ranked below them
    (`result.relaxed` names the words they lack). Unknown words are split or corrected
    (`result.notes`), at tiers below every direct match. A word that `places` knows as a county
    or municipality matches only that place's names (matching.expand_place); when no project has
    one, the answer is empty and `result.missing_places` names it.
    """
    params = list(params or [])
    asked = query
    matched_words: set[str] = set()
    unmatched: list[str] = []
    groups: list[Expansion] = []
    notes: list[tuple[str, str, str]] = []
    unknown_groups: list[int] = []  # query words (OR groups) of which the index knows nothing at all
    missing_places: list[tuple[PlaceLike, bool]] = []
    joined = _joined_words(conn, query)
    for k, group in enumerate(query.groups):
        merged = Expansion()
        nothing = True
        group_places: list[PlaceLike] = []
        for word in joined.get(k, ()):  # 'bygde bolag' written apart: bygdebolag matches both words
            merged.add(EXACT, {word})
            merged.add(STEM, _forms(conn, [word], compounds=False) - {word})
            nothing = False
        for term in group:
            place = place_of(conn, term, places)
            if place is not None:
                exp = expand_place(conn, term, place)
                if mentioned(conn, exp):
                    nothing = False
                else:
                    group_places.append(place)
                merged.merge(exp)
                continue
            exp = expand(conn, term, broader=broader, alone=len(query.groups) == 1 and len(group) == 1)
            if not term.phrase and exp.all_words == {term.words[0]}:  # nothing known: maybe a typo
                unmatched.append(term.words[0])
                nothing = nothing and not _in_vocab(conn, term.words[0])
            else:
                nothing = False
            if exp.note:
                notes.append(exp.note)
            if exp.after_note:
                notes.append(exp.after_note)
            merged.merge(exp)
        if nothing and group_places and len(group_places) == len(group):
            # (not dropped as an unknown word: a place restricts)
            missing_places += [(p, _county_has_projects(conn, p.county)) for p in group_places]
        elif nothing:
            unknown_groups.append(len(groups))
        matched_words |= merged.all_words
        groups.append(merged)
    dropped: list[str] = []
    if unknown_groups and len(unknown_groups) < len(groups):
        # A word no project has (a real word such as `dåligt`, or one beyond correction) is
        # dropped with a notice; it does not count as a word the other projects lack.
        dropped = [query_term(query.groups[i]) for i in unknown_groups]
        keep = [i for i in range(len(groups)) if i not in unknown_groups]
        groups = [groups[i] for i in keep]
        query = Query([query.groups[i] for i in keep], query.excluded, query.dropped_stop_words)
    excluded: list[str] = []
    for term in query.excluded:  # everything `search word` would find
        place = place_of(conn, term, places)
        excluded += (expand_place(conn, term, place) if place else expand(conn, term)).expressions().values()
    levels = [g.expressions() for g in groups]
    n = len(groups)

    # With --region, among projects having as many of the words, those entirely within the
    # region come first (issue 25, class 3: a six-county project with one line about one village
    # ranked above the project about the county's own shops).
    local = ""
    if focus:
        marks = ", ".join("?" * len(focus))
        local = (
            "NOT EXISTS (SELECT 1 FROM project_counties c WHERE c.project = r.rowid "
            f"AND c.county NOT IN ({marks})) DESC, "
        )
    focus_params = list(focus)

    def ranked(with_clause: str, all_params: list) -> list[Hit]:
        sql = (
            f"{with_clause} SELECT r.rowid, r.tier, r.score, r.matched{''.join(f', r.t{i}' for i in range(n))} "
            "FROM results r JOIN projects p ON p.rowid = r.rowid "
            + _ORDER.format(local=local)
            + (" LIMIT ?" if limit else "")
        )
        return [
            Hit(row[0], row[1], row[2], row[3], tuple(row[4:]))
            for row in conn.execute(sql, all_params + focus_params + ([limit] if limit else []))
        ]

    def counted(clause: str, all_params: list, hits: list[Hit]) -> Optional[int]:
        if not limit or len(hits) < limit:
            return len(hits)
        return conn.execute(f"{clause} SELECT count(*) FROM results", all_params).fetchone()[0]

    full_clause, full_params = _results_sql(levels, excluded, where, params, top_only=False, min_match=n)
    hits: list[Hit] = []
    # Tiers are strict, so when the best tier alone fills the page, nothing below can
    # enter it: rank that tier first and skip scoring the rest (half the time at scale).
    if limit and not focus and any(len(lv) > 1 for lv in levels):  # (a local project of any tier comes first)
        hits = ranked(*_results_sql(levels, excluded, where, params, top_only=True, min_match=n))
    if not limit or len(hits) < limit:
        hits = ranked(full_clause, full_params)
    strict_total = counted(full_clause, full_params, hits) if (count or not limit or len(hits) < HANDFUL) else None
    total, all_words_total, relaxed = strict_total, None, []
    # A question of two or more content words: fewer than a page having every word, the projects
    # having all but one follow (ranked below them: by how many words, then tiers weighted by the
    # words' rarity, then BM25); while the answer is shorter than a page, fewer words still.
    page = n >= 2 and strict_total is not None and strict_total < PAGE
    if not all_words and n > 1 and strict_total is not None and (strict_total < HANDFUL or page):
        steps = (max(1, (n + 1) // 2), 1) if strict_total < HANDFUL else (n - 1,)
        idf = _word_weights(conn, levels)
        counts = _word_counts(query)
        for min_match in dict.fromkeys(steps):
            clause, clause_params = _results_sql(
                levels,
                excluded,
                where,
                params,
                top_only=False,
                min_match=min_match,
                word_weights=idf,
                word_counts=counts,
            )
            more = ranked(clause, clause_params)
            if len(more) > len(hits):
                hits, full_clause, full_params = more, clause, clause_params
                total = counted(clause, clause_params, more) if count or not limit or len(more) < limit else None
                all_words_total = strict_total
                if (total if total is not None else len(more)) >= PAGE:  # else fewer words still
                    break
        relaxed = [query_term(query.groups[i]) for i in range(n) if any(h.tiers[i] == 0 for h in hits)]
    if focus and len(hits) < HANDFUL and not broader and not all_words and n:
        # Fewer than a handful in the region: the thesaurus's broader words stand in too, for
        # words the index has (lanthandel → butik, dagligvarubutik: 'lanthandel --region
        # Västerbotten' found 3 of the county's shop projects). Not without a region: there a
        # word with few projects is a specific question (paketautomat: the four with lockers).
        wider = search(conn, asked, where, params, limit, count, all_words, focus, broader=True, places=places)
        if len(wider.hits) > len(hits):
            for group in wider.query.groups:  # say which broader words stood in (stderr)
                for term in group:
                    if not term.phrase and _in_vocab(conn, term.words[0]):  # (an unknown word's note says so)
                        shown = sorted(
                            t for t, r in related_terms(conn, term.words[0]).items() if r != SYNONYM_RELATION
                        )
                        if shown:
                            wider.notes.append(("broader", term.words[0], ", ".join(shown[:3])))
            return wider
    if missing_places:  # 'lanthandel Orsa' is not answered by the shops elsewhere
        hits, total, relaxed, all_words_total, unmatched = [], 0, [], None, []
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
        dropped if hits else [],
        excluded,
        first_part_words=[g.first_part for g in groups],
        missing_places=missing_places,
        adjective_words=[g.adjectives for g in groups],
        broader_words=[g.broader for g in groups],
    )


def _joined_words(conn: sqlite3.Connection, query: Query) -> dict[int, list[str]]:
    """Two neighbouring words that are one compound written apart (särskrivning: 'bygde bolag',
    'lokal ekonomisk' for bygdebolag, lokalekonomisk; with a linking s too: 'butik utveckling'
    for butiksutveckling): the index's compound, for each of the two groups, which then match it
    as if it were typed (exact, and its inflections). Only single words, seven letters or more
    together, and only a word the index has."""
    out: dict[int, list[str]] = {}
    groups = query.groups
    for k in range(len(groups) - 1):
        a, b = groups[k], groups[k + 1]
        if len(a) != 1 or len(b) != 1 or a[0].phrase or b[0].phrase:
            continue
        left, right = a[0].words[0], b[0].words[0]
        if len(left) < 2 or len(right) < 3 or len(left) + len(right) < 7:
            continue
        for word in (left + right, left + "s" + right):
            if _in_vocab(conn, word):
                out.setdefault(k, []).append(word)
                out.setdefault(k + 1, []).append(word)
                break
    return out


def _word_counts(query: Query) -> list[int]:
    """How much each query word counts among the words a relaxed project has: 2, and 1 for one of
    Swedish's 830 commonest words (tar, ger, behöver, fler, kommun: wordfreq's Zipf 5 and above)
    when they are at most half of the question's words.
    In 'otydliga roller ger konflikter' a project saying 'ger' in a lesson is hardly nearer the
    question than one with 'konflikter' alone; the words' weights (coverage) then decide."""
    from .spelling import is_commonest_word

    counts = [1 if all(not t.phrase and is_commonest_word(t.words[0]) for t in g) else 2 for g in query.groups]
    # more than half of them: the commonest words are the question (allt tar längre tid än planerat)
    return counts if 2 * counts.count(1) <= len(counts) else [2] * len(counts)


def _word_weights(conn: sqlite3.Connection, groups: list[dict[int, str]]) -> list[float]:
    """Each query word's weight as BM25's idf over the whole knowledge base: a project having
    the rarer words of a question ranks above one having as many of its common words."""
    import math

    total = conn.execute("SELECT count(*) FROM projects WHERE active").fetchone()[0]
    out = []
    for levels in groups:
        if not levels:
            out.append(0.0)
            continue
        # a word's own forms say how rare it is (its synonyms would make every word common)
        direct = [lv for lv in levels if lv >= PART] or list(levels)
        expression = " OR ".join(f"({levels[lv]})" for lv in sorted(direct, reverse=True))
        df = conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expression,)).fetchone()[0]
        out.append(math.log((total - df + 0.5) / (df + 0.5) + 1))
    return out


def _results_sql(
    groups: list[dict[int, str]],
    excluded: list[str],
    where: str,
    params: list,
    top_only: bool,
    min_match: int,
    word_weights: Optional[list[float]] = None,
    word_counts: Optional[list[int]] = None,
) -> tuple[str, list]:
    """A WITH clause ending in `results(rowid, matched, coverage, tier, score, t0, t1, …)`: every
    project matching at least `min_match` of the groups (only in each group's best tier when
    `top_only`), passing `where`, not excluded. `groups` maps tier → FTS5 expression; coverage
    is the sum over the words matched of tier × the word's weight (`word_weights`, 1.0 each
    when not given: then it is the sum of tiers)."""
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
            f"SELECT p.rowid AS rowid, 1 AS matched, 1.0 AS coverage, {tier} AS tier, g0.s AS score, {tier} AS t0 "
            "FROM g0 JOIN projects p ON p.rowid = g0.rowid"
        )
    elif groups:  # every project matching at least min_match groups, its groups counted
        # One pass over the groups' rows and a GROUP BY. Joining the groups' CTEs instead costs
        # a product of their sizes: SQLite does not index them (0.6 s at 10,000 projects for
        # apoteksombud glesbygd, whose synonyms match 4,000 projects).
        per_word = word_weights or [1.0] * n
        per_count = word_counts or [1] * n
        hits = " UNION ALL ".join(
            f"SELECT rowid, {i} AS g, {float(per_word[i])!r} AS w, {int(per_count[i])} AS c, s, "
            f"{t.format(ref='rowid')} AS t FROM g{i}"
            for i, t in enumerate(tiers)
        )
        per_group = "".join(f", max(CASE WHEN g = {i} THEN t ELSE 0 END) AS t{i}" for i in range(n))
        ctes.append(
            "per_project AS (SELECT rowid, sum(c) AS matched, sum(w * t) AS coverage, sum(t) AS tier, "
            f"sum(s) AS score{per_group} "
            f"FROM ({hits}) GROUP BY rowid HAVING count(*) >= {min(int(min_match), n)})"
        )
        body = (
            "SELECT p.rowid AS rowid, a.matched AS matched, a.coverage AS coverage, a.tier AS tier, a.score AS score"
            f"{''.join(f', a.t{i} AS t{i}' for i in range(n))} FROM per_project a JOIN projects p ON p.rowid = a.rowid"
        )
    else:  # no positive words: everything that passes the filters, by title
        body = "SELECT p.rowid AS rowid, 0 AS matched, 0.0 AS coverage, 0 AS tier, 0.0 AS score FROM projects p"
    results = f"{body} WHERE {' AND '.join(conditions)}"
    return "WITH " + ", ".join(ctes + [f"results AS ({results})"]), cte_params + params


def explain(result: SearchResult, hit: Hit, record: dict, labels) -> list[dict]:
    """Why a project matched: for each query word, the tier reached, the project's words that
    matched it and the fields they stand in, e.g. [{"word": "hemkörning", "tier": "synonym",
    "matched": ["hemsändning"], "fields": ["summary", "results"]}]. `labels` (index.Labels) give
    the text the index holds, so a word only a tag's label has (Betaltjänster och kontanter) is named."""
    from ..index import FTS_COLUMNS, indexed_fields

    fields = [f.casefold() for f in indexed_fields(record, labels)]
    text = "\n".join(fields)
    tokens = set(WORD.findall(text))
    spaced = " " + " ".join(WORD.findall(text)) + " "
    per_field = [
        (name, set(WORD.findall(f)), " " + " ".join(WORD.findall(f)) + " ") for name, f in zip(FTS_COLUMNS, fields)
    ]
    out = []
    for i, term in enumerate(result.terms):
        tier = hit.tiers[i] if i < len(hit.tiers) else 0
        words = result.group_words[i].get(tier, set()) if tier else set()
        found = sorted(w for w in words if (f" {w} " in spaced if " " in w else w in tokens))
        # where the words stand (issue 26.9: a match by a tag alone read as a plain "exact")
        where = [
            name for name, toks, sp in per_field if any((f" {w} " in sp if " " in w else w in toks) for w in found)
        ]
        name = TIER_NAMES.get(tier, "missing")
        if tier == HEAD and found and set(found) <= result.first_part_words[i]:
            name = FIRST_PART_NAME  # paketbolagen matched by paket alone: not the head
        elif tier == HEAD and found and set(found) <= result.broader_words[i]:
            name = BROADER_NAME  # bankomat matched by kontanter: a broader word, not a compound's head
        elif tier == PART and found and set(found) <= result.adjective_words[i]:
            name = PLACE_ADJECTIVE_NAME  # skåne matched by skånska: not a compound
        out.append({"word": term, "tier": name, "matched": found, "fields": where})
    return out


def notices(result: SearchResult) -> list[str]:
    """One-line notes for stderr, in the run's language: corrections made and words relaxed."""
    from ..messages import t

    lines = []
    for kind, typed, shown in result.notes:
        key = {
            "typo": "search.corrected",
            "split": "search.corrected",
            "broader": "search.broader",
            "wider": "search.wider_after",
            "wider_only": "search.wider_only",
        }.get(kind, "search.synonyms")
        lines.append(t(key, typed=typed, shown=shown))
    if result.dropped:
        lines.append(t("search.dropped", words=t("search.or").join(f"'{w}'" for w in result.dropped)))
    if result.feedback:
        lines.append(t("search.feedback", n=result.feedback))
    if result.relaxed:
        missing = t("search.or").join(f"'{w}'" for w in result.relaxed)
        if result.all_words_total:
            lines.append(t("search.relaxed_some", n=result.all_words_total, missing=missing))
        else:
            lines.append(t("search.relaxed_none", missing=missing))
    return lines


def no_match_message(result: SearchResult, filtered: bool) -> str:
    """The one-line answer to a search that found nothing, in the run's language (the notice
    writer puts `servicekb: ` before it)."""
    from ..messages import t

    if result.missing_places:
        return place_message(*result.missing_places[0])
    return t("note.no_match_filtered" if filtered else "note.no_match") + did_you_mean(result.suggestions)


def place_message(place: PlaceLike, county_has_projects: bool) -> str:
    """'Orsa är en kommun i Dalarna; inget projekt nämner den. `servicekb list --region Dalarna`
    visar länets projekt.' (the county's projects may serve it without naming it; the pointer
    only when the county has any)."""
    from ..messages import t

    if place.kind == "county":
        return t("search.place_county_missing", name=place.name)
    line = t("search.place_municipality_missing", name=place.name, county=place.county)
    return line + (" " + t("search.place_county_hint", county=place.county) if county_has_projects else "")


def _county_has_projects(conn: sqlite3.Connection, county: str) -> bool:
    sql = "SELECT 1 FROM project_counties c JOIN projects p ON p.rowid = c.project WHERE c.county = ? AND p.active"
    return conn.execute(sql + " LIMIT 1", (county,)).fetchone() is not None
