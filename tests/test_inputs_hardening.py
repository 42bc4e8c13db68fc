"""Inputs that once crashed or misled (issue 12): huge amounts and limits, odd ids sources,
closed or full standard streams, an empty id."""

from __future__ import annotations

import pytest
from conftest import FIXTURES


def test_huge_amount_in_a_file_leaves_the_rest_usable(kb_copy, cli):
    """One file with 2^63 kr once made every list and search exit 2 (OverflowError)."""
    for stem in ("amount-2-63", "amount-4301-digits"):
        (kb_copy / "projects" / f"{stem}.yaml").write_text(
            (FIXTURES / "bad" / f"{stem}.yaml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    for args in (["list"], ["search", "servicepunkt"], ["report"], ["stats", "--by", "county"]):
        result = cli(*args, "--data-dir", kb_copy, "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert "2 file(s) with problems" in result.stderr and "implausibly large" in result.stderr
    assert len(cli("list", "--data-dir", kb_copy, "--format", "ids").stdout.split()) == 81
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
