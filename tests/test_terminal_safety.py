"""Data and file names never drive the terminal (issue 12): every format escapes control and
invisible format characters; JSON stays lossless; CSV neutralises formulas, full-width ones too."""

from __future__ import annotations

import json
import re

import pytest
from conftest import run_servicekb


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """These tests are about robustness; the messages they expect are the English ones."""
    monkeypatch.setenv("SERVICEKB_LANG", "en")


# ESC, an OSC 8 hyperlink, BEL, CSI as a C1 control, DEL, a right-to-left override, a
# right-to-left isolate, a zero-width space and a BOM.
HOSTILE = "Ond \\e]8;;http://x.example\\a länk\\e]8;;\\a \\e[31mröd \\x9b2J \\x7f \\u202ebakvänd\\u202c \\u2067iso\\u2069 noll\\u200bbredd \\ufeff"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


@pytest.fixture
def hostile_kb(kb_copy, valid_text):
    text = valid_text.replace("title: Ett giltigt testprojekt", f'title: "{HOSTILE}"')
    text = text.replace("places: [Sollerön]", f'places: ["{HOSTILE}"]')
    text = text.replace("lessons: [Något lärde man sig.]", f'lessons: ["{HOSTILE}"]')
    (kb_copy / "projects" / "valid-project.yaml").write_text(text, encoding="utf-8")
    (kb_copy / "projects" / "formel.yaml").write_text(
        valid_text.replace("id: valid-project", "id: formel").replace(
            "title: Ett giltigt testprojekt", "title: ＝HYPERLINK(1)"
        ),
        encoding="utf-8",
    )
    return kb_copy


def test_table_on_a_real_terminal_width_as_a_process(hostile_kb):
    proc = run_servicekb(
        "list", "--format", "table", "--data-dir", hostile_kb, env={"COLUMNS": "200", "FORCE_COLOR": "1"}
    )
    assert proc.returncode == 0 and "u202e" in proc.stdout
    assert not RAW.search(proc.stdout.replace("\x1b[", "")), repr(RAW.search(proc.stdout.replace("\x1b[", "")))


COMMANDS = [
    [*cmd, "--format", fmt]
    for cmd in (["list"], ["search", "ond"], ["stats", "--by", "municipality"])
    for fmt in ("table", "json", "jsonl", "csv", "tsv", "yaml", "ids", "markdown")
] + [
    ["report", "--region", "Dalarna"],
    ["report", "--region", "Dalarna", "--format", "json"],
    ["report", "--region", "Dalarna", "--format", "markdown"],
    ["report", "--format", "yaml"],
    ["show", "valid-project"],
    ["show", "valid-project", "--format", "json"],
    ["show", "valid-project", "--format", "yaml"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_no_raw_control_or_format_character_in_any_format(hostile_kb, cli, args):
    proc = cli(*args, "--data-dir", hostile_kb)
    assert proc.exit_code == 0, proc.stderr
    assert not RAW.search(proc.stdout), repr(RAW.search(proc.stdout))
    assert not RAW.search(proc.stderr)
    if args[0] in ("list", "search", "show") and "ids" not in args:
        assert "u202e" in proc.stdout.lower()  # the control: the hostile text is there, escaped


def test_json_is_lossless(hostile_kb):
    proc = run_servicekb("show", "valid-project", "--format", "json", "--data-dir", hostile_kb)
    title = json.loads(proc.stdout)["title"]
    assert title == json.loads(
        '"'
        + HOSTILE.replace("\\e", "\\u001b")
        .replace("\\a", "\\u0007")
        .replace("\\x9b", "\\u009b")
        .replace("\\x7f", "\\u007f")
        + '"'
    )


def test_yaml_is_lossless(hostile_kb):
    import yaml

    proc = run_servicekb("show", "valid-project", "--format", "yaml", "--data-dir", hostile_kb)
    shown = run_servicekb("show", "valid-project", "--format", "json", "--data-dir", hostile_kb)
    assert yaml.safe_load(proc.stdout)["title"] == json.loads(shown.stdout)["title"]


def test_csv_neutralises_full_width_formulas(hostile_kb):
    proc = run_servicekb("list", "--format", "csv", "--fields", "id,title", "--data-dir", hostile_kb)
    assert "formel,'＝HYPERLINK(1)" in proc.stdout


def test_validate_prints_a_file_name_with_a_newline_on_one_line(tmp_path, valid_text):
    name = "fake\n1 file(s) checked: 1 valid, 0 with problems (0 problem(s)).\n\u202ex.yaml"
    (tmp_path / name).write_text(valid_text.replace("status: completed", "status: done"), encoding="utf-8")
    proc = run_servicekb("validate", tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    # two problems in one round (the status, and the id that is not the file's name), one line each
    assert len(lines) == 3 and lines[-1].startswith("1 file checked: 0 valid, 1 with problems (2 problems)")
    assert all("\\n1 file(s) checked" in line and "\\u202ex.yaml" in line for line in lines[:2])


def test_unknown_key_with_escapes_is_shown_escaped(tmp_path, valid_text):
    (tmp_path / "valid-project.yaml").write_text(valid_text + '"evil\\e[2J\\u202e": 1\n', encoding="utf-8")
    proc = run_servicekb("validate", tmp_path / "valid-project.yaml")
    assert proc.returncode == 1 and not RAW.search(proc.stdout)
    assert "evil\\\\x1b[2J\\\\u202e" in proc.stdout or "evil\\x1b[2J\\u202e" in proc.stdout
