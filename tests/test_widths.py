"""Tables never lie: at 40 to 160 columns no amount, id or sorted column is ever cut.

The checker reads the data independently and asserts that every amount and id of the rows
shown appears whole on one line of the output (a cut number like '2 521 8' fails it).
"""

from __future__ import annotations

import json

import pytest

WIDTHS = [40, 60, 80, 100, 160]


def sek(n: int) -> str:
    return f"{n:,}".replace(",", " ") + " kr"


def lines_of(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines()]


def appears_whole(text: str, output: str) -> bool:
    """On one line; a no-break space (which keeps an amount together in wrapped prose) reads as a space."""
    return any(text in line.replace("\u00a0", " ") for line in output.splitlines())


def project_amounts(record: dict) -> list[str]:
    f = record["funding"]
    amount = f["total_cost_sek"] if f["total_cost_sek"] is not None else f["budget_sek"]
    return [sek(amount)] if amount is not None else []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "args",
    [
        ["list", "--region", "Norrbotten"],
        ["list", "--theme", "logistik"],
        ["search", "paketautomat"],
        ["search", "servicepunkt", "--limit", "0"],
    ],
)
def test_listings_never_cut_an_amount_or_id(cli, width, args):
    records = json.loads(cli(*args, "--format", "json").stdout)
    out = cli(*args, "--format", "table", env={"COLUMNS": str(width)}).stdout
    for r in records:
        assert appears_whole(r["id"], out), (width, r["id"])
        for amount in project_amounts(r):
            assert appears_whole(amount, out), (width, amount)
    assert all(len(line) <= width for line in out.splitlines() if " " in line.strip()), width


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("sort", ["total-cost", "median", "support", "without-amount"])
def test_stats_keeps_the_sorted_column(cli, width, sort):
    rows = json.loads(cli("stats", "--by", "county", "--sort", sort, "--format", "json").stdout)
    key = {
        "total-cost": "total_cost_sek",
        "median": "median_cost_sek",
        "support": "public_support_sek",
        "without-amount": "without_amount",
    }[sort]
    out = cli("stats", "--by", "county", "--sort", sort, "--format", "table", env={"COLUMNS": str(width)}).stdout
    for r in rows:
        value = r[key]
        if value is None:
            continue
        shown = sek(value) if key != "without_amount" else str(value)
        line = next(
            line
            for line in out.splitlines()
            if line.startswith(r["label"] + " ") or line.strip().startswith(r["label"] + " ")
        )
        assert shown in line, (width, r["label"], shown, line)


@pytest.mark.parametrize("width", WIDTHS)
def test_report_never_cuts_an_amount(cli, width):
    doc = json.loads(cli("report", "--region", "Dalarna", "--format", "json").stdout)
    out = cli("report", "--region", "Dalarna", "--format", "table", env={"COLUMNS": str(width)}).stdout
    assert appears_whole(sek(doc["summary"]["total_cost_sek"]), out)
    for p in doc["projects"]:
        for amount in project_amounts(p):
            assert appears_whole(amount, out), (width, amount)
    for row in doc["by_theme"]:
        if row["total_cost_sek"] is not None:
            assert appears_whole(sek(row["total_cost_sek"]), out), (width, row["label"])


@pytest.mark.parametrize("width", WIDTHS)
def test_show_never_cuts_an_amount_or_id(cli, width):
    record = json.loads(cli("show", "digital-service-i-norrbottens-landsbygder-digiby", "--format", "json").stdout)
    out = cli("show", record["id"], env={"COLUMNS": str(width)}).stdout
    assert appears_whole(record["id"], out)
    for key in ("budget_sek", "public_support_sek"):
        assert appears_whole(sek(record["funding"][key]), out), (width, key)


def test_the_checker_catches_a_cut_number():
    assert not appears_whole("2 521 834 kr", "Operatörsoberoende   2 521 8\n                     34 kr")
