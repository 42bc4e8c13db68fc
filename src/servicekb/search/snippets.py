"""Snippets: a short passage of a project around the words that matched."""

from __future__ import annotations

from .syntax import WORD

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
            tokens = list(WORD.finditer(text))
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
    tokens = list(WORD.finditer(text))
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
