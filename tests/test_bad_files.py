"""The corpus of bad project files: each fixture sits beside its expected messages and exit code."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, run_servicekb

CASES = sorted(p.stem for p in (FIXTURES / "bad").glob("*.yaml"))


def test_corpus_is_complete():
    for stem in CASES:
        assert (FIXTURES / "bad" / f"{stem}.expect.json").is_file(), stem
    assert len(CASES) >= 25


# Each fixture's expected problems in both languages: a problem is stored as a message key and its
# values, and printed in the run's language (the English lines are parts of a line, the Swedish whole lines).
LANGUAGES = {
    "en": ("1 file checked: 0 valid, 1 with problems",),
    "sv": ("1 fil kontrollerad: 0 giltiga, 1 med problem",),
}
ENGLISH = {"SERVICEKB_LANG": "en"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("stem", CASES)
def test_bad_file_gives_located_message(cli, stem, lang):
    expect = json.loads((FIXTURES / "bad" / f"{stem}.expect.json").read_text(encoding="utf-8"))
    result = cli("validate", FIXTURES / "bad" / f"{stem}.yaml", env={"SERVICEKB_LANG": lang})
    assert result.exit_code == expect["exit"], result.output
    assert expect[lang]
    for message in expect[lang]:
        assert message in result.output
    assert "Traceback" not in result.output
    assert LANGUAGES[lang][0] in result.output
    other = expect["sv" if lang == "en" else "en"]
    assert not any(message in result.output for message in other)  # the control: the other language is absent


def test_whole_corpus_in_one_run_reports_every_file(cli):
    result = cli("validate", FIXTURES / "bad", env=ENGLISH)
    assert result.exit_code == 1
    assert f"{len(CASES)} files checked: 0 valid, {len(CASES)} with problems" in result.output


def test_alias_bomb_is_refused_quickly_as_a_process():
    proc = run_servicekb("validate", FIXTURES / "bad" / "alias-bomb.yaml", timeout=20)
    assert proc.returncode == 1
    assert "ankare och alias (&namn, *namn) är inte tillåtna" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_oversized_file_is_refused(cli, tmp_path, valid_text):
    big = tmp_path / "big.yaml"
    big.write_text(
        valid_text.replace("id: valid-project", "id: big") + "# " + "x" * (1024 * 1024) + "\n", encoding="utf-8"
    )
    result = cli("validate", big)
    assert result.exit_code == 1
    assert "en projektfil får vara högst 1 MiB" in result.output


def test_missing_path_is_a_usage_error(cli):
    result = cli("validate", "no/such/file.yaml")
    assert result.exit_code == 2
    assert result.output == "servicekb: error: filen eller mappen finns inte: 'no/such/file.yaml'\n"


def test_deep_flow_nesting_does_not_crash_the_process(tmp_path):
    """libyaml's composer would overflow the C stack on 100,000 nested brackets. The 64th bracket is
    the 65th level (the top-level mapping is the first), as the composer's own check counts."""
    bomb = tmp_path / "flow-bomb.yaml"
    bomb.write_text("id: x\nsummary: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    proc = run_servicekb("validate", bomb, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "flow-bomb.yaml:2:73: nästlad mer än 64 nivåer djupt" in proc.stdout
