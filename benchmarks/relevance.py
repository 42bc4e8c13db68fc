#!/usr/bin/env python3
"""Mean nDCG@10, Recall@20 and MRR of `servicekb search` over the judged queries.

Usage: python benchmarks/relevance.py [--servicekb PATH] [--per-query] [--cases FILE]
       python benchmarks/relevance.py --similar [--per-query]

Runs each query of tests/fixtures/relevance.yaml (its `relevant` judgements: 2 = about this,
1 = does this in passing) as `servicekb search … --format ids --limit 0` and prints the means.
nDCG@10 uses gains 2^grade - 1; Recall@20 is the share of the judged projects found in the
first 20, out of at most 20 (a query with 30 relevant projects can reach 1.0); MRR the mean of
1/rank of the first judged project. An empty answer scores 0 on all three and is counted.
tests/test_search.py holds the floors; `--servicekb` measures another installation (e.g. an older
version) on the same judgements; `--feedback` searches as a terminal's table does, with the
projects like the first answers after a short answer (`search --similar`); `--cases` another
judged set, e.g.
tests/fixtures/relevance-heldout.yaml (written without looking at the engine or its thesaurus).

`--similar` scores `servicekb similar` instead, in this interpreter's servicekb: the share of
the projects' own `related` links found among their first five (with the bonus for related
links, and on content alone without it), and the judged quality of the first three for the
ten projects of tests/fixtures/similar-judged.yaml: precision@3 (a suggestion graded 1 or 2
counts) and the mean grade out of 2.
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fixtures" / "relevance.yaml"


def ndcg(ranked: list[str], relevant: dict[str, int], k: int = 10) -> float:
    dcg = sum((2 ** relevant.get(pid, 0) - 1) / math.log2(i + 2) for i, pid in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranked: list[str], relevant: dict[str, int], k: int = 20) -> float:
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & set(relevant)) / min(k, len(relevant))


def reciprocal_rank(ranked: list[str], relevant: dict[str, int]) -> float:
    return next((1 / (i + 1) for i, pid in enumerate(ranked) if relevant.get(pid, 0) > 0), 0.0)


def judged_cases(path: Path = CASES) -> list[dict]:
    return [c for c in yaml.safe_load(path.read_text(encoding="utf-8")) if c.get("relevant")]


def scores(search, path: Path = CASES) -> tuple[float, float, list[tuple[str, float, float, int, float]]]:
    """Means over the judged cases; `search(args)` returns ranked ids. Rows: (query, nDCG@10,
    Recall@20, number found, reciprocal rank)."""
    rows = []
    for case in judged_cases(path):
        ranked, judged = search(case["query"]), case["relevant"]
        rows.append(
            (
                " ".join(case["query"]),
                ndcg(ranked, judged),
                recall(ranked, judged),
                len(ranked),
                reciprocal_rank(ranked, judged),
            )
        )
    n = len(rows)
    return sum(r[1] for r in rows) / n, sum(r[2] for r in rows) / n, rows


def mrr(rows) -> float:
    return sum(r[4] for r in rows) / len(rows)


SIMILAR_CASES = ROOT / "tests" / "fixtures" / "similar-judged.yaml"


def related_recall(kb, boost=None, k: int = 5) -> tuple[float, list[tuple[str, str, int]]]:
    """Share of `related` links among each project's first k similar projects; the misses as
    (project, linked, rank or 0)."""
    hit = total = 0
    misses = []
    for record in kb.select():
        if not record.get("related"):
            continue
        ranked = [s.project_id for s in kb.similar(record, limit=None, related_boost=boost)]
        for linked in record["related"]:
            total += 1
            if linked in ranked[:k]:
                hit += 1
            else:
                misses.append((record["id"], linked, ranked.index(linked) + 1 if linked in ranked else 0))
    return (hit / total if total else 0.0), misses


def similar_judged(kb, path: Path = SIMILAR_CASES, k: int = 3) -> tuple[float, float, int, list]:
    """(precision@k, mean grade / 2, unjudged suggestions, rows (project, suggestions, grades))."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows, unjudged = [], 0
    for case in cases:
        top = [s.project_id for s in kb.similar(kb.get(case["project"]), limit=k)]
        grades = [case["judged"].get(pid) for pid in top]
        unjudged += sum(g is None for g in grades)
        rows.append((case["project"], top, [g or 0 for g in grades]))
    precision = sum(sum(g > 0 for g in r[2]) / k for r in rows) / len(rows)
    gain = sum(sum(r[2]) / (2 * k) for r in rows) / len(rows)
    return precision, gain, unjudged, rows


def similar_main(per_query: bool) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from servicekb.kb import open_kb

    kb = open_kb(None)
    boosted, _ = related_recall(kb)
    alone, misses = related_recall(kb, boost=0.0)
    precision, gain, unjudged, rows = similar_judged(kb)
    if per_query:
        for project, top, grades in rows:
            print(f"{project}: " + ", ".join(f"{pid} ({g})" for pid, g in zip(top, grades)))
        for project, linked, rank in misses:
            print(f"content alone: {project} → {linked} at rank {rank or '-'}")
    print(
        f"related links in the top five: {boosted:.3f} (content alone {alone:.3f}); "
        f"judged top three of {len(rows)} projects: precision@3 {precision:.3f}, mean grade {gain:.3f} of 1, "
        f"unjudged {unjudged}"
    )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    beside = Path(sys.executable).with_name("servicekb")  # this interpreter's installation first
    ap.add_argument("--servicekb", default=str(beside) if beside.exists() else shutil.which("servicekb") or "servicekb")
    ap.add_argument("--per-query", action="store_true")
    ap.add_argument("--cases", type=Path, default=CASES, help="the judged queries (default: %(default)s)")
    ap.add_argument("--similar", action="store_true", help="score `servicekb similar` instead of search")
    ap.add_argument(
        "--feedback",
        action="store_true",
        help="search with --similar: projects like the first answers follow a short answer (as on a terminal)",
    )
    args = ap.parse_args()
    if args.similar:
        return similar_main(args.per_query)

    extra = ["--similar"] if args.feedback else []

    def search(query: list[str]) -> list[str]:
        out = subprocess.run(
            [args.servicekb, "search", "--format", "ids", "--limit", "0", *extra, *query],
            capture_output=True,
            text=True,
        )
        return out.stdout.split()

    mean_ndcg, mean_recall, rows = scores(search, args.cases)
    if args.per_query:
        for query, n, r, found, rr in rows:
            print(f"{n:5.2f} {r:5.2f} {rr:5.2f} {found:4d}  {query}")
    empty = sum(1 for r in rows if r[3] == 0)
    print(
        f"{len(rows)} judged queries: mean nDCG@10 {mean_ndcg:.3f}, mean Recall@20 {mean_recall:.3f}, "
        f"MRR {mrr(rows):.3f}, empty answers {empty}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
