"""Swedish analysis of one word, without the index: stems, compound splitting, folding.

Everything here is a rule about Swedish words; the index is asked only through the
functions passed in (`known`), so the rules are unit-tested without SQL (tests/test_analysis.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from ..index import stem_words
from ..text import fold

MIN_PART_LENGTH = 4  # shorter compound parts match too much ("far" is inside "förfarande")
# Splitting tries each split point and, two levels deep, each of the rest: quadratic in the
# word's length. Longer words are not split (the longest word of the bundled data has 29 letters),
# so one word costs at most about MAX_SPLIT_LENGTH² look-ups of `known`.
MAX_SPLIT_LENGTH = 40

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


def left_forms(left: str) -> list[str]:
    """A compound's first part as a word: butiks → butik, varu → vara, kyrko → kyrka."""
    forms = []
    if left.endswith("s") and len(left) > 3:
        forms.append(left[:-1])
    if left[-1] in "uo" and len(left) > 3:
        forms.append(left[:-1] + "a")
    return forms + [left]


def split_compound(
    word: str, known: Callable[[str], bool], short_known: Callable[[str], bool], depth: int = 2
) -> Optional[list[str]]:
    """An unknown compound as known words: butiksutveckling → [butik, utveckling].

    Tries every split point, with the linking -s- and the -u/-o form of words ending in -a;
    prefers fewer parts, then longer parts. Parts are index or thesaurus words of at least
    three letters (two for a first part the index has, such as `by`): `known(part)` says
    whether a part is such a word, `short_known(part)` whether a two-letter first part is.
    A word longer than MAX_SPLIT_LENGTH is not split.
    """
    if len(word) > MAX_SPLIT_LENGTH:
        return None
    best: Optional[list[str]] = None
    for i in range(2, len(word) - 2):
        left, right = word[:i], word[i:]
        for form in left_forms(left):
            if len(form) < 3 and not (i == 2 and short_known(form)):
                continue
            if not known(form):
                continue  # the first known form wins: butiks → butik, not butiks
            if len(right) < 4:
                continue
            tail: Optional[list[str]] = [right] if known(right) else None
            if tail is None and depth > 1 and len(right) >= 6:
                tail = split_compound(right, known, short_known, depth - 1)
            if tail is None:
                break
            candidate = [form, *tail]
            key = (len(candidate), -min(len(p) for p in candidate))
            if best is None or key < (len(best), -min(len(p) for p in best)):
                best = candidate
            break
    return best


def has_diacritics(word: str) -> bool:
    return fold(word) != word
