"""Inputs that once crashed or misled (issue 12): huge amounts and limits, odd ids sources,
closed or full standard streams, an empty id."""

from __future__ import annotations

import pytest
from conftest import BUNDLED, FIXTURES


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """These tests are about robustness; the messages they expect are the English ones."""
    monkeypatch.setenv("SERVICEKB_LANG", "en")


def test_huge_amount_in_a_file_leaves_the_rest_usable(kb_copy, cli):
    """One file with 2^63 kr once made every list and search exit 2 (OverflowError)."""
    for stem in ("amount-2-63", "amount-4301-digits"):
        (kb_copy / "projects" / f"{stem}.yaml").write_text(
            (FIXTURES / "bad" / f"{stem}.yaml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    for args in (["list"], ["search", "servicepunkt"], ["report"], ["stats", "--by", "county"]):
        result = cli(*args, "--data-dir", kb_copy, "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert "2 files with problems" in result.stderr and "implausibly large" in result.stderr
    assert len(cli("list", "--data-dir", kb_copy, "--format", "ids").stdout.split()) == BUNDLED
    assert cli("list", "--data-dir", kb_copy, "--min-cost", "999999999999999", "--format", "ids").exit_code == 1


@pytest.mark.parametrize("option", ["--min-cost", "--max-cost"])
@pytest.mark.parametrize("value", [str(10**30), str(2**63), "9" * 5000, "-5", "1e6"])
def test_huge_or_odd_amount_options_are_usage_errors(cli, option, value):
    result = cli("list", option, value)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"servicekb: error: {option}")
    assert "unexpected" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_huge_limit_means_all(cli):
    result = cli("search", "servicepunkt", "--limit", str(10**20), "--format", "ids")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == cli("search", "servicepunkt", "--limit", "0", "--format", "ids").stdout


def test_empty_id_is_a_usage_error(cli):
    for value in ("", " "):
        result = cli("show", value)
        assert result.exit_code == 2
        assert "give a project ID" in result.stderr


def _shell(command: str, tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["SERVICEKB_CACHE"] = str(tmp_path / "c")
    return subprocess.run(
        f'"{sys.executable}" -m servicekb {command}',
        shell=True,
        capture_output=True,
        text=True,
        executable="/bin/bash",
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    "command",
    ["list --format json", "list --format table", "show ica", "validate", "cache info"],
)
def test_writing_to_dev_full_is_one_clear_line(tmp_path, command):
    proc = _shell(f"{command} > /dev/full", tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == "servicekb: error: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("command", ["list --format ids", "show ica", "validate", "cache info"])
def test_closed_stdout_is_one_clear_line(tmp_path, command):
    proc = _shell(f"{command} >&-", tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == "servicekb: error: cannot write the output: standard output is closed\n"


def test_closed_stdin_for_ids_is_a_clear_error(tmp_path):
    proc = _shell("list --ids - <&-", tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("servicekb: error: --ids - reads ids from standard input, but nothing is piped in")


def test_closed_standard_streams_never_give_a_traceback(tmp_path):
    for redirect in ("<&-", "2>&-", "<&- 2>&-", "<&- >&- 2>&-"):
        proc = _shell(f"list --format ids {redirect}", tmp_path)
        assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr, redirect
        if ">&-" not in redirect:
            assert proc.returncode == 0 and len(proc.stdout.split()) == BUNDLED, redirect
    # The index never took a standard descriptor's number: it is intact after all that.
    proc = _shell("list --format ids", tmp_path)
    assert proc.returncode == 0 and proc.stderr == "" and len(proc.stdout.split()) == BUNDLED
