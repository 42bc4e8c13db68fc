"""Issue 26, items 5 and 6: no word of the other language in English runs' tables and reports,
help in words (no <str>, <path>, paths...), --lang in every command's help, and one spelling of
booleans in every format."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import DATA, run_servicekb

from servicekb.cli import COMMANDS
from servicekb.messages import MESSAGES

EN = {"SERVICEKB_LANG": "en"}


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--by", "county"),
        ("stats", "--by", "county", "--format", "markdown"),
        ("report",),
        ("report", "--format", "markdown"),
        ("report", "--format", "html"),
    ],
)
def test_english_runs_name_the_nationwide_group_in_english(cli, args):
    out = cli(*args, env=EN).stdout
    assert "(nationellt)" not in out and "(nationwide)" in out


def test_machine_formats_carry_a_stable_value_for_the_nationwide_group(cli):
    for lang in ("sv", "en"):
        rows = json.loads(cli("stats", "--by", "county", "--format", "json", env={"SERVICEKB_LANG": lang}).stdout)
        national = [r for r in rows if r.get("national")]
        assert len(national) == 1 and national[0]["value"] is None
        tsv = cli("stats", "--by", "county", "--format", "tsv", env={"SERVICEKB_LANG": lang}).stdout
        assert "nationellt" not in tsv.split("\t")[0::10]
        assert not any(line.startswith("(") for line in tsv.splitlines())


@pytest.mark.parametrize(("by", "vocabulary"), [("kind", "kinds"), ("owner-type", "owner_types")])
def test_kinds_and_owner_types_are_labelled_in_the_run_language(cli, by, vocabulary):
    reference = yaml.safe_load((DATA / "reference" / f"{vocabulary}.yaml").read_text(encoding="utf-8"))
    english = cli("stats", "--by", by, "--format", "markdown", env=EN).stdout
    swedish = cli("stats", "--by", by, "--format", "markdown").stdout
    for term in reference:
        key = f"{by}.{term['slug']}"
        assert key in MESSAGES, key  # every term has its English label
        assert MESSAGES[key][0] == term["label"], key  # and the Swedish one is the reference data's own
        assert f"| {term['label']} |" in swedish
        if MESSAGES[key][1] != term["label"]:
            assert f"| {term['label']} |" not in english


def _every_command(cli):
    for name in COMMANDS:
        yield (name,)
        text = cli(name, "--help").stdout
        if "Kommandon" in text:  # a family: export sqlite, cache info …
            for sub in text.split("Kommandon:", 1)[1].split("\n"):
                if sub.startswith("  ") and sub.split():
                    yield (name, sub.split()[0])


def test_swedish_help_names_its_placeholders_in_words_and_lists_lang(cli):
    seen = 0
    for command in _every_command(cli):
        text = cli(*command, "--help").stdout
        for placeholder in ("<str>", "<path>", "<int>", "paths...", "query...", "[OPTIONS]"):
            assert placeholder not in text, (command, placeholder)
        if command not in (("export",), ("cache",)):  # a family's help lists its commands
            assert "--lang sv|en" in text, command
            seen += 1
    assert seen >= len(COMMANDS)


def test_the_exit_status_cannot_read_as_zero_hits(cli):
    text = " ".join(cli("search", "--help").stdout.split())
    assert "0 träffar" not in text and "Returkod: 0 när något hittas, 1 när inget hittas" in text
    english = " ".join(run_servicekb("search", "--help", "--lang", "en").stdout.split())  # help is worded at import
    assert "Exit status: 0 when something is found, 1 when nothing is" in english


@pytest.mark.parametrize("fmt", ["tsv", "csv", "markdown", "json", "yaml", "table"])
def test_booleans_are_spelled_true_and_false_everywhere(cli, fmt):
    out = cli("list", "--fields", "id,past_end_date", "--format", fmt).stdout
    assert "True" not in out and "False" not in out
    assert "true" in out
