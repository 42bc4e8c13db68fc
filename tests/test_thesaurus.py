"""The search thesaurus (data/reference/synonyms.yaml): its shape, its words, its errors."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import DATA

from servicekb.errors import ServiceKBError
from servicekb.thesaurus import BROADER, SYNONYM, load_thesaurus

REFERENCE = DATA / "reference"
# Words of the field that Hunspell's general dictionary lacks; each is in use (shops, Tillväxtverket,
# the EU programme). Add one here only with the same care as a thesaurus entry.
# Words of the field the dictionary lacks: the one list validate --spelling uses too.
FIELD_WORDS = set(yaml.safe_load((DATA / "reference" / "field_words.yaml").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def thesaurus():
    return load_thesaurus(REFERENCE)


def test_bundled_thesaurus_is_broad(thesaurus):
    assert len(thesaurus.groups) >= 60
    assert len(thesaurus.broader) >= 10


def test_every_entry_says_why():
    """Each group and each broader link carries a comment on its own line."""
    text = (REFERENCE / "synonyms.yaml").read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if re.match(r"\s+(- \[|[^#\s][^:]*: \[)", line)]
    assert len(entries) >= 70
    missing = [line for line in entries if "#" not in line]
    assert not missing, missing


@pytest.mark.slow  # seconds each; CI runs the slow tests too
def test_every_term_is_a_real_word(thesaurus):
    """Every word of every term is Swedish (Hunspell's sv_SE dictionary) or a word of the data."""
    import sys
    from pathlib import Path

    from spylls.hunspell import Dictionary

    from servicekb.kb import open_kb

    base = Path(sys.prefix) / "share" / "hunspell" / "sv_SE"
    if not base.with_suffix(".dic").exists():
        pytest.skip("hunspell-sv is not installed")
    dictionary = Dictionary.from_files(str(base))
    kb = open_kb(DATA, use_cache=False)
    vocab = {r[0] for r in kb.conn.execute("SELECT term FROM vocab")}
    unknown = sorted(
        w
        for t in thesaurus.terms()
        for w in re.split(r"[ -]", t)
        if w not in vocab and w not in FIELD_WORDS and not dictionary.lookup(w) and not (len(w) == 1 and w in "eö")
    )
    assert not unknown, unknown


def test_related_terms(thesaurus):
    related = thesaurus.related()
    assert related["hemkörning"]["hemsändning"] == SYNONYM
    assert related["bybutik"]["butik"] == BROADER
    assert "bybutik" not in related.get("butik", {})  # one way: narrower → broader


@pytest.mark.parametrize(
    "text,english,swedish",
    [
        (
            "equivalent:\n  - [butik, affär]\n  - [affär, handel]\n",
            "synonyms.yaml:3: 'affär' is already listed on line 2",
            "synonyms.yaml:3: 'affär' står redan i en grupp på rad 2",
        ),
        (
            "equivalent:\n  - [Butik, affär]\n",
            "synonyms.yaml:2: 'Butik' is not a lower-case word",
            "synonyms.yaml:2: 'Butik' är inget ord eller uttryck i gemener",
        ),
        (
            "equivalent:\n  - [butik]\n",
            "synonyms.yaml:2: a group lists two or more words",
            "synonyms.yaml:2: en grupp räknar upp två eller fler ord",
        ),
        (
            "broader:\n  bybutik: butik\n",
            "synonyms.yaml:2: 'bybutik' needs a list",
            "synonyms.yaml:2: 'bybutik' behöver en lista",
        ),
        ("equivalent: [\n", "synonyms.yaml:2: invalid YAML", "synonyms.yaml:2: ogiltig YAML"),
        ("groups: []\n", "synonyms.yaml: expected a mapping", "synonyms.yaml: väntade en mappning"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_broken_file_is_a_clear_error(tmp_path, monkeypatch, text, english, swedish, lang):
    monkeypatch.setenv("SERVICEKB_LANG", lang)
    (tmp_path / "synonyms.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ServiceKBError) as info:
        load_thesaurus(tmp_path)
    assert (english if lang == "en" else swedish) in info.value.message
    assert info.value.exit_code == 2  # a reference file, as tags.yaml (issue 21.7)


def test_absent_file_is_empty(tmp_path):
    assert load_thesaurus(tmp_path).groups == []
