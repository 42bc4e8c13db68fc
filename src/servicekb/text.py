"""Small text helpers shared by every module: normalising, folding, Swedish sorting, suggestions."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

# Swedish alphabet order: å, ä, ö are letters of their own after z (and æ/ø sort as ä/ö).
_SWEDISH_ORDER = "0123456789abcdefghijklmnopqrstuvwxyzåäö"
_RANK = {c: i for i, c in enumerate(_SWEDISH_ORDER)}
_EQUIV = str.maketrans({"æ": "ä", "ø": "ö", "é": "e", "è": "e", "ü": "y", "w": "v"})
# What must never reach a terminal raw: C0 controls but tab and newline, DEL, C1 controls,
# and the invisible format characters that reorder or hide text (bidi embeddings, overrides
# and isolates, zero-width characters, line and paragraph separators, BOM, …).
_FORMAT = "\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
# Compiled on first use (each costs about 0.3 ms, and most runs print only plain text).
_CONTROL = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_FORMAT}]"
_CONTROL_OR_LAYOUT = f"[\x00-\x1f\x7f-\x9f{_FORMAT}]"
_JSON_UNSAFE = f"[\x7f-\x9f{_FORMAT}]"  # json.dumps escapes C0 itself


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Case- and diacritic-insensitive key: 'Örebro' → 'orebro' (for typing without å, ä, ö)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache  # built on first use: a run that sorts nothing never pays for it
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


def swedish_key(text: str) -> str:
    """Sort key for Swedish alphabetical order: 'Åsele' after 'Zinkgruvan', 'Örebro' last.

    Letters and digits in Swedish order (w with v, é with e, æ/ø with ä/ö); spaces separate
    words; punctuation is ignored unless everything else is equal. A plain string, so SQLite
    can ORDER BY it without a Python collation.
    """
    folded = nfc(text.casefold())
    return " ".join(folded.translate(_sort_table()).split()) + "\x00" + nfc(text)


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


def did_you_mean(options: list[str], quoted: bool = True) -> str:
    """' Did you mean 'a' or 'b'?' in the run's language (messages `hint.did_you_mean`); '' for none.
    `quoted=False` for options that are already as they are typed (click's --option names)."""
    if not options:
        return ""
    from .messages import t

    return t("hint.did_you_mean", options=f" {t('word.or')} ".join(repr(o) if quoted else o for o in options))


def hint_for(word: str, candidates, n: int = 3, cutoff: float = 0.6) -> str:
    """The one "did you mean" of every error about a mistyped name: ' Did you mean 'mora'?'
    for the close matches among `candidates` (see `suggest`), '' when none is close."""
    return did_you_mean(suggest(word, candidates, n=n, cutoff=cutoff))


def _escape(m: re.Match) -> str:
    c = m.group()
    named = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(c)
    return named or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def visible(text: str, one_line: bool = False) -> str:
    """Show control and invisible format characters as escapes (ESC as \\x1b, a right-to-left
    override as \\u202e) so data never drives the terminal or hides what it says.

    THE place for this: every piece of data or file name written for people goes through it.
    Tab and newline are kept, unless `one_line` (a file name in a problem line: a newline
    there could forge a line of its own).
    """
    if text.isprintable():  # (the common case: no control, format or line-break character at all)
        return text
    return re.sub(_CONTROL_OR_LAYOUT if one_line else _CONTROL, _escape, text)


def json_visible(dumped: str) -> str:
    """JSON text with DEL, C1 controls and invisible format characters as \\u escapes
    (json.dumps escapes only C0): the same data, safe to print. They can only occur inside
    strings, where an escape means the same character."""
    if dumped.isprintable():
        return dumped
    return re.sub(_JSON_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", dumped)


def has_invisible(text: str) -> bool:
    """Does the text hold a character `visible` would escape (for formats without escapes)?"""
    return not text.isprintable() and re.search(_CONTROL, text) is not None
