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
