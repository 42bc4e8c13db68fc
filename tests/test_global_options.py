"""Every command that takes the global options (--data-dir, --no-cache, --lang) honours them
before and after the command name alike (issue 20: `servicekb --data-dir X export sqlite …`
exported the bundled knowledge base). The commands and their options are discovered from the
CLI itself, so a new command is tested without being listed here."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from typing import Any

import pytest
from conftest import FIXTURES

from servicekb.cache import cache_path
from servicekb.cli import COMMANDS, load_command


def leaf_commands():
    """(path, click command) of every command that runs, sub-commands included."""
    out: list[tuple[tuple[str, ...], Any]] = []
    for name in COMMANDS:
        command = load_command(name)
        subs = getattr(command, "commands", None)
        if subs:
            out += [((name, sub), cmd) for sub, cmd in subs.items()]
        else:
            out.append(((name,), command))
    return out


def takes(command, option: str) -> bool:
    return any(option in getattr(p, "opts", ()) for p in command.params)


# What each command needs besides the options, and what it leaves to observe; {out} is a fresh path.
RUNS = {
    ("search",): (["search", "testprojekt", "--format", "ids", "--limit", "0"], "stdout"),
    ("report",): (["report", "--format", "json"], "stdout"),
    ("list",): (["list", "--format", "ids"], "stdout"),
    ("show",): (["show", "valid-project", "--format", "json"], "stdout"),
    ("similar",): (["similar", "valid-project", "--format", "ids"], "stdout"),
    ("stats",): (["stats", "--by", "status", "--format", "json"], "stdout"),
    ("validate",): (["validate"], "stdout"),
    ("fmt",): (["fmt", "--check"], "stdout"),
    ("export", "sqlite"): (["export", "sqlite", "{out}.db"], "sqlite"),
    ("export", "csv"): (["export", "csv", "{out}"], "csv"),
    ("cache", "info"): (["cache", "info"], "stdout"),
    ("cache", "clear"): (["cache", "clear"], "index"),
}


@pytest.fixture
def one_project(tmp_path):
    kb = tmp_path / "one"
    (kb / "projects").mkdir(parents=True)
    shutil.copy(FIXTURES / "valid-project.yaml", kb / "projects")
    return kb


# Commands that write into the knowledge base they are given: running them against the bundled
# one here would change the repository's data, so tests/test_maintenance.py runs each of them
# with --data-dir on a copy.
WRITE_INTO_THE_KB = {("new",), ("import",), ("rename",), ("diff",)}


def test_every_command_with_a_data_dir_is_in_the_table():
    with_data_dir = {path for path, command in leaf_commands() if takes(command, "--data-dir")}
    assert with_data_dir == set(RUNS) | WRITE_INTO_THE_KB


def observe(cli, args, kind, kb, out, bundled=False):
    """Run one variant and say what it did, in a form comparable between variants."""
    args = [a.replace("{out}", str(out)) for a in args]
    if kind == "index":
        cli("list", "--data-dir", kb, "--format", "ids")
        cli("list", "--format", "ids")  # the bundled data's index too: which one goes?
    result = cli(*args)
    assert bundled or result.exit_code in (0, 1), result.stderr
    if kind == "stdout" or result.exit_code == 2:
        return result.exit_code, result.stdout.replace(str(kb), "KB")
    if kind == "sqlite":
        with sqlite3.connect(f"{out}.db") as conn:
            return sorted(r[0] for r in conn.execute("SELECT id FROM projects"))
    if kind == "csv":
        with open(out / "projects.csv", encoding="utf-8") as fh:
            return sorted(row["id"] for row in csv.DictReader(fh))
    return cache_path(kb).exists()


@pytest.mark.parametrize("path", sorted(RUNS), ids=" ".join)
def test_data_dir_before_and_after_the_command(path, cli, one_project, tmp_path):
    args, kind = RUNS[path]
    n = len(path)
    after = observe(cli, [*args, "--data-dir", str(one_project)], kind, one_project, tmp_path / "a")
    before = observe(cli, ["--data-dir", str(one_project), *args], kind, one_project, tmp_path / "b")
    bundled = observe(cli, args, kind, one_project, tmp_path / "c", bundled=True)
    assert before == after
    assert before != bundled  # the option made a difference: it was not ignored
    assert args[:n] == list(path)


def test_data_dir_on_the_command_line_wins_over_the_environment(cli, one_project, monkeypatch, tmp_path):
    monkeypatch.setenv("SERVICEKB_DATA", str(tmp_path / "nowhere"))
    for args in (["--data-dir", str(one_project), "list"], ["list", "--data-dir", str(one_project)]):
        result = cli(*args, "--format", "ids")
        assert (result.exit_code, result.stdout) == (0, "valid-project\n")


@pytest.mark.parametrize(
    "path", sorted(p for p, c in leaf_commands() if takes(c, "--no-cache") and p in RUNS), ids=" ".join
)
def test_no_cache_before_and_after_the_command(path, cli, one_project, tmp_path, monkeypatch):
    args, _ = RUNS[path]
    for variant in (["--no-cache", *args], [*args, "--no-cache"]):
        cache = tmp_path / f"cache-{len(variant)}-{variant[0]}"
        monkeypatch.setenv("SERVICEKB_CACHE", str(cache))
        out = tmp_path / f"out-{variant[0]}"
        result = cli("--data-dir", one_project, *[a.replace("{out}", str(out)) for a in variant])
        assert result.exit_code in (0, 1), result.stderr
        assert not list(cache.glob("index-*")), variant  # nothing was cached
    monkeypatch.setenv("SERVICEKB_CACHE", str(tmp_path / "cached"))
    cli("--data-dir", one_project, *[a.replace("{out}", str(tmp_path / "last")) for a in args])
    assert list((tmp_path / "cached").glob("index-*"))  # and without the option, it is


@pytest.mark.parametrize("path", [p for p, _ in leaf_commands()], ids=" ".join)
def test_lang_before_and_after_the_command(path, cli):
    """--lang anywhere gives one language: a usage error of every command shows it."""
    said = {}
    for lang in ("sv", "en"):
        first = cli("--lang", lang, *path, "--no-such-option")
        last = cli(*path, "--no-such-option", "--lang", lang)
        assert first.exit_code == last.exit_code == 2
        assert first.stderr == last.stderr
        said[lang] = first.stderr
    assert said["sv"] != said["en"]
