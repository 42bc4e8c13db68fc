"""Bounds on search input (issue 20): query size, word length, compound splitting, the thesaurus.

Cases and their expected messages are in fixtures/search-bounds.yaml. No timing is asserted:
a query bound is a usage error (exit 2) before any work, and the splitting bound is checked by
counting the look-ups it makes.
"""

from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES

from servicekb.errors import ServiceKBError
from servicekb.search.analysis import MAX_SPLIT_LENGTH, split_compound
from servicekb.thesaurus import load_thesaurus

CASES = yaml.safe_load((FIXTURES / "search-bounds.yaml").read_text(encoding="utf-8"))


def words(n: int, prefix: str) -> list[str]:
    """n distinct lower-case words: prefix + letters."""
    out = []
    for i in range(n):
        s, k = "", i
        while True:
            s, k = "abcdefghijklmnopqrstuvwxyz"[k % 26] + s, k // 26
            if not k:
                break
        out.append(prefix + s)
    return out


def thesaurus_text(make: str) -> str:
    kind, _, arg = make.partition(" ")
    if kind == "group":
        return "equivalent:\n  - [" + ", ".join(words(int(arg), "ord")) + "]\n"
    if kind == "groups":
        g, n = (int(x) for x in arg.split("x"))
        every = words(g * n, "ord")
        return "equivalent:\n" + "".join(f"  - [{', '.join(every[i * n : (i + 1) * n])}]\n" for i in range(g))
    if kind == "broader":
        return "broader:\n  smal: [" + ", ".join(words(int(arg), "bred")) + "]\n"
    if kind == "bytes":
        head = "equivalent:\n  - [butik, affär]\n"
        return head + "#" * (int(arg) - len(head.encode()) - 1) + "\n"
    raise ValueError(make)


@pytest.mark.parametrize("case", CASES["queries"], ids=[c["name"] for c in CASES["queries"]])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_query_bounds_are_usage_errors(cli, case, lang):
    word, times = case["query"]
    args = [word] * times if case.get("spaced") else [word * times]
    result = cli("--lang", lang, "search", *args)
    assert result.exit_code == case["exit"], result.output
    assert case[lang] in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", CASES["thesaurus"], ids=[c["name"] for c in CASES["thesaurus"]])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_thesaurus_bounds_name_the_file_and_line(tmp_path, monkeypatch, case, lang):
    monkeypatch.setenv("SERVICEKB_LANG", lang)
    (tmp_path / "synonyms.yaml").write_text(thesaurus_text(case["make"]), encoding="utf-8")
    with pytest.raises(ServiceKBError) as info:
        load_thesaurus(tmp_path)
    assert case[lang] in info.value.message
    assert info.value.exit_code == 2  # a broken reference file (issue 21.7)


def test_compound_splitting_work_is_bounded():
    """Splitting asks about at most a bounded number of parts, however long the word."""
    asked: list[str] = []

    def known(part: str) -> bool:
        asked.append(part)
        return part in {"butik", "utveckling"}

    split_compound("butik" * 9000, known, lambda p: False)  # 45,000 letters
    assert asked == []  # longer than MAX_SPLIT_LENGTH: not split at all
    split_compound("x" * MAX_SPLIT_LENGTH, known, lambda p: False)
    assert len(asked) <= 3 * MAX_SPLIT_LENGTH**2
    assert split_compound("butiksutveckling", known, lambda p: False) == ["butik", "utveckling"]
