"""The search package's rules without SQL: syntax, Swedish analysis and snippets as plain functions."""

from __future__ import annotations

import pytest

from servicekb.errors import UsageError
from servicekb.search.analysis import has_diacritics, left_forms, split_compound, stems_of
from servicekb.search.snippets import snippet, snippet_text
from servicekb.search.syntax import Term, parse_query

WORDS = {"butik", "utveckling", "by", "lanthandel", "service", "punkt", "paket", "ombud", "vara", "hus"}


def known(word: str) -> bool:
    return word in WORDS


def short(word: str) -> bool:
    return word == "by"


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("butiksutveckling", ["butik", "utveckling"]),  # the linking -s- dropped
        ("byutveckling", ["by", "utveckling"]),  # a two-letter first part the index has
        ("varuhus", None),  # hus is too short to stand as a last part
        ("paketombudsutveckling", ["paket", "ombud", "utveckling"]),  # three parts, two levels deep
        ("xyzutveckling", None),  # an unknown first part
    ],
)
def test_split_compound(word, parts):
    assert split_compound(word, known, short) == parts


def test_split_prefers_fewer_parts():
    words = WORDS | {"servicepunkt"}
    assert split_compound("servicepunktsutveckling", words.__contains__, short) == ["servicepunkt", "utveckling"]


@pytest.mark.parametrize(
    ("left", "forms"), [("butiks", ["butik", "butiks"]), ("varu", ["vara", "varu"]), ("by", ["by"])]
)
def test_left_forms(left, forms):
    assert left_forms(left) == forms


def test_stems_and_folding():
    assert stems_of("lanthandel") == ["lanthandel", "lanthandl"]
    assert "lanthandel" in stems_of("lanthandlarna")
    assert has_diacritics("örebro") and not has_diacritics("orebro")


def test_syntax_groups_phrases_exclusions_and_stop_words():
    q = parse_query('paket OR post "lokal mat" -ica och')
    assert q.groups == [[Term(("paket",)), Term(("post",))], [Term(("lokal", "mat"))]]
    assert q.excluded == [Term(("ica",))]
    assert q.dropped_stop_words == ["och"]
    with pytest.raises(UsageError):
        parse_query("OR paket")


def test_snippet_marks_the_matched_word():
    record = {"summary": "En butik i byn. Butiken har paketombud och post.", "title": "T"}
    parts = snippet(record, {"paketombud"})
    assert ("paketombud", True) in parts
    assert "paketombud" in snippet_text(parts)


def test_a_question_keeps_its_content_words():
    """Snowball's Swedish stop words and auxiliary verbs drop out; `mellan` and `får` stay."""
    q = parse_query("ingen vill ta över butiken")
    assert [str(g[0]) for g in q.groups] == ["ta", "butiken"]
    assert [str(g[0]) for g in parse_query("samverkan mellan kommuner").groups] == ["samverkan", "mellan", "kommuner"]
    assert [str(g[0]) for g in parse_query("får").groups] == ["får"]
