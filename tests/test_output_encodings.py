"""Output in an encoding that cannot hold every character, and terminal widths that are not
widths (issue 20): what the encoding can hold is written and the rest replaced — never half a
table and a crash — and $COLUMNS=0 is ignored, not an empty answer."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

COMMANDS = [
    ["list"],
    ["list", "--format", "table"],
    ["search", "paketautomat", "--format", "table", "--no-similar"],  # no notice on stderr
    ["report", "--region", "Dalarna"],
    ["show", "axfood"],
    ["stats", "--by", "county", "--format", "table"],
]


def run(args, encoding):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONIOENCODING"] = encoding
    proc = subprocess.run([sys.executable, "-m", "servicekb", *args], capture_output=True, env=env, timeout=120)
    return proc.returncode, proc.stdout.decode(encoding), proc.stderr.decode(encoding)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_narrow_encoding_replaces_what_it_cannot_write(args, encoding):
    code, whole, whole_err = run(args, "utf-8")
    narrow_code, narrow, narrow_err = run(args, encoding)
    assert narrow_code == code == 0, narrow_err
    assert narrow_err == whole_err == ""
    assert narrow.count("\n") == whole.count("\n")  # every line, not half a table
    if "table" not in args:  # a table may draw its lines in ASCII instead
        assert narrow == whole.encode(encoding, "replace").decode(encoding)


def test_a_latin_1_locale_writes_latin_1():
    code, out, _ = run(["report", "--region", "Dalarna"], "latin-1")
    assert code == 0 and "Dalarnas län" in out


@pytest.mark.parametrize("columns", ["0", "-5", "wide", ""])
@pytest.mark.parametrize("args", [["report", "--region", "Dalarna"], ["list", "--format", "table"]], ids=" ".join)
def test_a_width_that_is_not_a_width_is_ignored(cli, args, columns):
    normal = cli(*args, env={"COLUMNS": "100"})
    odd = cli(*args, env={"COLUMNS": columns})
    assert odd.exit_code == normal.exit_code == 0
    assert odd.stdout.strip() and odd.stdout.count("\n") >= normal.stdout.count("\n") // 2
