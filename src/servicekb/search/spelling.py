"""Spelling: the correction of a typed word the index does not have, and suggestions."""

from __future__ import annotations

import sqlite3
from typing import Optional

from ..index import stem_words
from ..text import edit_distance, fold

_COMMON: Optional[frozenset[str]] = None
_COMMONEST: Optional[frozenset[str]] = None
COMMON_LIST = "data/small_sv.msgpack.gz"  # wordfreq's Swedish words of Zipf frequency 3 and above
# wordfreq's buckets are centibels: bucket i holds the words of Zipf frequency 9 - i/100. Zipf 5
# and above: Swedish's 830 commonest words (bara, tar, ger, behöver, fler, betala, fungerar, borta,
# and kommun, mat, äldre: everyday words that say little of a question's topic on their own).
COMMONEST_BUCKET = 400


def common_words() -> frozenset[str]:
    """The Swedish words in common use, from wordfreq's small Swedish list (30,000 words).

    Read from wordfreq's own data file with gzip and msgpack (17 ms) instead of importing
    wordfreq (200 ms of imports); only a search with a word the index lacks asks. Without
    wordfreq installed the set is empty and every unknown word may be corrected, as before.
    """
    global _COMMON, _COMMONEST
    if _COMMON is None:
        import importlib.util

        words: set[str] = set()
        commonest: set[str] = set()
        try:
            spec = importlib.util.find_spec("wordfreq")
            if spec and spec.submodule_search_locations:
                import gzip
                from pathlib import Path

                import msgpack

                path = Path(next(iter(spec.submodule_search_locations))) / COMMON_LIST
                with gzip.open(path) as f:
                    buckets = msgpack.load(f, raw=False)
                words = {w for bucket in buckets[1:] for w in bucket if isinstance(w, str)}
                commonest = {w for bucket in buckets[1 : COMMONEST_BUCKET + 1] for w in bucket if isinstance(w, str)}
        except (ImportError, OSError, ValueError, TypeError):
            words, commonest = set(), set()
        _COMMON = frozenset(words)
        _COMMONEST = frozenset(commonest) if words else frozenset()
    return _COMMON


def is_commonest_word(word: str) -> bool:
    """One of Swedish's 830 commonest words (tar, ger, behöver, fler, kommun): in a question it says
    little of the topic, so it does not decide alone which projects come first (ranking.search)."""
    common_words()
    return word in (_COMMONEST or frozenset())


def is_common_word(word: str) -> bool:
    """A correct, common Swedish word (dåligt, billigare) is never "corrected" into another word."""
    return word in common_words()


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
