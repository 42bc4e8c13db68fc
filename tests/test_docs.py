"""Issue 21.6: the README documents every command and every shared option (as sqlite-utils'
tests/test_docs.py checks its docs against the CLI): a command or option added without a word in
the README fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from servicekb.cli import COMMANDS, app, load_command

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    out = []
    for name in COMMANDS:
        command = load_command(name)
        subs = getattr(command, "commands", None)
        out += [f"{name} {sub}" for sub in subs] if subs else [name]
    return out


def _shared_options() -> list[str]:
    """Every flag of cli/options.py's shared options, and the root's global ones."""
    import typer

    from servicekb.cli import options

    flags: set[str] = set()
    for value in vars(options).values():
        for meta in getattr(value, "__metadata__", ()):
            if isinstance(meta, typer.models.OptionInfo):
                decls = [meta.default] if isinstance(meta.default, str) and meta.default.startswith("-") else []
                for decl in [*decls, *(meta.param_decls or ())]:
                    flags |= {f for f in decl.split("/") if f.startswith("--")}
    root = typer.main.get_command(app)
    flags |= {opt for p in root.params for opt in p.opts if opt.startswith("--")}
    return sorted(flags)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"servicekb {re.escape(command)}\b", README), f"README.md never shows `servicekb {command}`"


@pytest.mark.parametrize("flag", _shared_options())
def test_every_shared_option_is_in_the_readme(flag):
    assert re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", README), f"README.md never mentions {flag}"


def test_the_lists_are_not_empty():
    assert len(_commands()) >= 17 and "export sqlite" in _commands()
    assert {"--theme", "--region", "--owner-type", "--no-cost", "--data-dir", "--lang", "--excel"} <= set(
        _shared_options()
    )


def test_the_readme_gives_the_export_schema_version_the_export_writes():
    """The README once said version 1 while `export sqlite` wrote user_version 2 (scripts check it)."""
    from servicekb.export.schema import SCHEMA_VERSION

    said = re.findall(r"The schema \(version (\d+), `PRAGMA user_version`", README)
    assert said == [str(SCHEMA_VERSION)]
