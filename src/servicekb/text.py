"""Small text helpers shared by every module: normalising, folding, Swedish sorting, suggestions."""

from __future__ import annotations

import difflib
import re
import unicodedata

# Swedish alphabet order: å, ä, ö are letters of their own after z (and æ/ø sort as ä/ö).
_SWEDISH_ORDER = "0123456789abcdefghijklmnopqrstuvwxyzåäö"
_RANK = {c: i for i, c in enumerate(_SWEDISH_ORDER)}
_EQUIV = str.maketrans({"æ": "ä", "ø": "ö", "é": "e", "è": "e", "ü": "y", "w": "v"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Case- and diacritic-insensitive key: 'Örebro' → 'orebro' (for typing without å, ä, ö)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _sort_table() -> dict[int, str | None]:
    """Character → its place in Swedish order (one character), for str.translate."""
    table: dict[int, str | None] = {}
    for code in range(0x300):
        c = chr(code)
        if c.isspace():
            table[code] = " "
        elif c.isalnum():
            c = c.translate(_EQUIV)
            table[code] = chr(0x101 + _RANK.get(c, len(_RANK)))
        else:
            table[code] = None  # punctuation does not decide the order
    for code in range(0x2000, 0x2070):  # dashes, quotes and other general punctuation
        table[code] = " " if chr(code).isspace() else None
    return table


_SORT_TABLE = _sort_table()


def swedish_key(text: str) -> str:
    """Sort key for Swedish alphabetical order: 'Åsele' after 'Zinkgruvan', 'Örebro' last.

    Letters and digits in Swedish order (w with v, é with e, æ/ø with ä/ö); spaces separate
    words; punctuation is ignored unless everything else is equal. A plain string, so SQLite
    can ORDER BY it without a Python collation.
    """
    folded = nfc(text.casefold())
    return " ".join(folded.translate(_SORT_TABLE).split()) + "\x00" + nfc(text)


def suggest(word: str, candidates, n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Close matches for a mistyped word, compared without case or diacritics."""
    by_key: dict[str, str] = {}
    for c in candidates:
        by_key.setdefault(fold(c), c)
    keys = difflib.get_close_matches(fold(word), list(by_key), n=n, cutoff=cutoff)
    return [by_key[k] for k in keys]


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from a to b: 'servicepunt' →
    'servicepunkt' is 1, 'paketatuomat' → 'paketautomat' is 1 (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def did_you_mean(options: list[str]) -> str:
    """' Did you mean 'a' or 'b'?' in the run's language (messages `hint.did_you_mean`); '' for none."""
    if not options:
        return ""
    from .messages import t

    return t("hint.did_you_mean", options=f" {t('word.or')} ".join(repr(o) for o in options))


def visible(text: str) -> str:
    """Show control characters (ESC, NUL, …) as escapes so data never drives the terminal."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
