"""The shared options are defined once (cli/options.py) and every listing command takes all of them."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from servicekb.cli import COMMANDS, load_command
from servicekb.cli.options import ListingOptions

LISTING_COMMANDS = ["list", "search", "report", "stats"]


@pytest.mark.parametrize("name", LISTING_COMMANDS)
def test_listing_commands_declare_every_shared_option(name):
    command = load_command(name)
    params = set(inspect.signature(command.callback).parameters)
    missing = {f.name for f in dataclasses.fields(ListingOptions)} - params
    assert not missing, f"{name} lacks {missing}"


@pytest.mark.parametrize("name", LISTING_COMMANDS)
def test_option_spellings_are_the_same_everywhere(name):
    """Each shared option has the same flags in every command (one definition)."""
    reference = {p.name: tuple(p.opts) for p in load_command("list").params}
    for p in load_command(name).params:
        if p.name in reference:
            assert tuple(p.opts) == reference[p.name], (name, p.name)


def test_every_registered_command_loads_and_has_help_with_an_example():
    for name in COMMANDS:
        command = load_command(name)
        assert command.help and "Exempel:" in command.help, name


def test_comma_lists_equal_repeated_options(cli):
    a = cli("list", "-r", "Norrbotten,Västerbotten", "--format", "ids").stdout
    b = cli("list", "-r", "Norrbotten", "-r", "Västerbotten", "--format", "ids").stdout
    assert a == b and len(a.split()) > 5


@pytest.mark.parametrize("typed", ["1000000", "1 000 000", "1 000 000 kr", "1\u00a0000\u00a0000 kr"])
def test_amounts_typed_as_printed(cli, typed):
    assert (
        cli("list", "--min-cost", typed, "--format", "ids").stdout
        == cli("list", "--min-cost", "1000000", "--format", "ids").stdout
    )


@pytest.mark.parametrize("typed", ["abc", "-5", "1e6", "9" * 30, str(2**63)])
def test_bad_amounts_are_one_line_usage_errors(cli, typed):
    result = cli("list", "--min-cost", typed)
    assert result.exit_code == 2
    assert result.output.startswith("servicekb: error: --min-cost") and result.output.count("\n") == 1


EXPORT_COMMANDS = [("export", "sqlite"), ("export", "csv")]


@pytest.mark.parametrize("path", EXPORT_COMMANDS, ids=" ".join)
def test_export_commands_declare_every_filter(path):
    """export takes every shared option but the output ones (it writes files of its own)."""
    group, sub = path
    command = load_command(group).commands[sub]
    params = set(inspect.signature(command.callback).parameters)
    names = {f.name for f in dataclasses.fields(ListingOptions)}
    assert names - params == set(ListingOptions.OUTPUT_OPTIONS)


def test_listing_options_of_is_strict():
    """A renamed parameter (`themes` for `theme`) raises instead of dropping its filter silently."""
    every = {f.name: f.default for f in dataclasses.fields(ListingOptions)}
    assert ListingOptions.of({**every, "query": "x"}) == ListingOptions()  # other parameters are fine
    renamed = {**{k: v for k, v in every.items() if k != "theme"}, "themes": ["logistik"]}
    with pytest.raises(TypeError, match="theme"):
        ListingOptions.of(renamed)
    without_output = {k: v for k, v in every.items() if k not in ListingOptions.OUTPUT_OPTIONS}
    assert ListingOptions.of(without_output, without=ListingOptions.OUTPUT_OPTIONS) == ListingOptions()
    with pytest.raises(TypeError, match="format"):
        ListingOptions.of(every, without=("format",))  # said to be absent, but there
    with pytest.raises(TypeError, match="colour"):
        ListingOptions.of(every, without=("colour",))


@pytest.mark.parametrize("which", ["sqlite", "csv"])
@pytest.mark.parametrize(
    "filters",
    [
        ("--theme", "logistik"),
        ("--region", "Dalarna"),
        ("--municipality", "Mora"),
        ("--status", "ongoing"),
        ("--kind", "forstudie"),
        ("--owner-type", "kommun"),
        ("--tag", "paketautomat"),
        ("--min-cost", "1000000"),
        ("--max-cost", "500000"),
        ("--no-cost",),
    ],
    ids=lambda f: f[0],
)
def test_every_filter_reaches_the_export(cli, tmp_path, which, filters):
    """export selects as `list` does, filter by filter (ListingOptions.of carries each one)."""
    import csv as csv_module
    import sqlite3

    listed = cli("list", *filters, "--format", "ids").stdout.split()
    assert listed and len(listed) < len(cli("list", "--format", "ids").stdout.split())
    target = tmp_path / ("kb.db" if which == "sqlite" else "out")
    assert cli("export", which, target, *filters).exit_code == 0
    if which == "sqlite":
        exported = [r[0] for r in sqlite3.connect(target).execute("SELECT id FROM projects")]
    else:
        with open(target / "projects.csv", encoding="utf-8", newline="") as fh:
            exported = [row["id"] for row in csv_module.DictReader(fh)]
    assert sorted(exported) == sorted(listed)
