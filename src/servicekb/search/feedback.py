"""Pseudo-relevance feedback: when a question finds few projects, the projects most like its
best answers follow them (issue 25, item 7).

RM3 expands a query with the words of its top-ranked documents; here the expansion is the
documents' own MoreLikeThis query (similar.py: each one's distinctive words, tags, theme, kind
and places), weighted by the rank of the answer it comes from (1/rank), so the first answer
counts most. The projects found this way come after every project that matched the words, in
the order of that weight: feedback adds answers, it never reorders the ones the words found.
Measured on the three judged sets (benchmarks/relevance.py): with fewer than PAGE answers and
the first three as feedback (15 distinctive words each), Recall@20 0.836 → 0.897 and 0.794 →
0.860 on the held-out sets, nDCG@10 0.777 → 0.801 and 0.774 → 0.789, MRR unchanged (it cannot
change: the first answer stays). It costs about 15 ms at 81 projects and 250 ms at 10,000, only
when an answer is shorter than a page. Only for weak
answers (words relaxed, dropped or corrected) or questions of two or more words, the held-out
sets gained about half as much (0.851 and 0.835): a single word with a few projects (post,
turism) gains most, so feedback follows every answer shorter than a page. `--no-similar` (and
`--all-words`) leave it out.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from .ranking import PAGE, Hit, SearchResult
from .similar import similar

FEEDBACK_DOCS = 3  # the first answers whose likes follow
PER_DOC = 20  # likes taken from each
FEEDBACK_WORDS = 15  # distinctive words of each (held-out sets: as good as 30, at half the cost)


def feedback(
    conn: sqlite3.Connection,
    result: SearchResult,
    records: list[dict],
    labels,
    where: str,
    params: list,
    limit: int | None,
) -> list[tuple[Hit, dict]]:
    """Hits (and their records) for the projects most like the first answers, to follow them:
    only when the words found fewer than PAGE projects (and the limit leaves room), only
    projects passing `where` and not excluded by a -word, none already found."""
    room = (limit - len(result.hits)) if limit else PAGE - len(result.hits)
    if not result.hits or len(result.hits) >= PAGE or room <= 0:
        return []

    found = {h.rowid for h in result.hits}
    weight: dict[str, float] = defaultdict(float)
    for rank, record in enumerate(records[:FEEDBACK_DOCS], 1):
        for like in similar(conn, record, labels, limit=PER_DOC, related_boost=0.0, max_words=FEEDBACK_WORDS):
            weight[like.project_id] += like.score / rank
    if not weight:
        return []
    rows = conn.execute(
        f"SELECT p.rowid, p.id FROM projects p WHERE p.id IN (SELECT value FROM json_each(?)) AND ({where})",
        [json.dumps(sorted(weight)), *params],
    ).fetchall()
    allowed = {pid: rowid for rowid, pid in rows if rowid not in found}
    if result.excluded and allowed:
        excluded = {
            r[0]
            for r in conn.execute(
                "SELECT rowid FROM fts WHERE fts MATCH ?", (" OR ".join(f"({e})" for e in result.excluded),)
            )
        }
        allowed = {pid: rowid for pid, rowid in allowed.items() if rowid not in excluded}
    ranked = sorted(allowed, key=lambda pid: (-weight[pid], pid))[:room]
    n = len(result.terms)
    return [(Hit(allowed[pid], 0, weight[pid], 0, (0,) * n, feedback=True), {"id": pid}) for pid in ranked]
