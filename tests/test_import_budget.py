"""The import budget: what a warm command may import (deterministic, not a timing test).

Machine formats answer from the warm index without rich (drawing), pydantic (validation) or
yaml (parsing); `--help` needs none of them either. Rich is for terminals; pydantic and
yaml for files that changed. Each command runs in a fresh interpreter.

Each path also names the servicekb modules it may load (issue 21.9: servicekb's own imports on a
machine-format path stay within 15 ms, measured by benchmarks/run.py). A module that joins a
path fails the test until it is named here, so that start-up time is a decision, not a drift.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("rich", "pydantic", "yaml")

PROBE = """
import sys
sys.argv = ['servicekb', *sys.argv[1:]]
from servicekb.cli import main
try:
    main()
except SystemExit:
    pass
loaded = sorted({m.split('.')[0] for m in sys.modules} & set(HEAVY))
print('LOADED=' + ','.join(loaded), file=sys.stderr)
print('OWN=' + ','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'servicekb')), file=sys.stderr)
""".replace("HEAVY", repr(HEAVY))

# What every command loads, --help too: the command table, options, messages, errors, formats.
FRAMEWORK = {
    "servicekb",
    "servicekb.cli",
    "servicekb.cli.app",
    "servicekb.cli.common",
    # the shared options name their completers as functions (issue 21.8); what a completer needs
    # is imported when the shell asks, never on an ordinary run
    "servicekb.cli.complete",
    "servicekb.cli.options",
    "servicekb.errors",
    "servicekb.formats",
    "servicekb.messages",
    # the help of --kind and --owner-type lists the reference files' slugs (read line by line)
    "servicekb.paths",
}
# A warm answer from the index: opening it, checking freshness, reference data, filters, output.
WARM = FRAMEWORK | {
    "servicekb.cache",
    "servicekb.constants",
    "servicekb.digest",
    "servicekb.files",
    "servicekb.index",
    "servicekb.kb",
    "servicekb.money",
    "servicekb.output",
    "servicekb.paths",
    "servicekb.problem",
    "servicekb.query",
    "servicekb.reference",
    "servicekb.status",
    "servicekb.freshness",
    "servicekb.text",
}
SEARCH = {
    "servicekb.search",
    "servicekb.search.analysis",
    "servicekb.search.facets",
    "servicekb.search.matching",
    "servicekb.search.ranking",
    "servicekb.search.snippets",
    "servicekb.search.spelling",
    "servicekb.search.syntax",
    "servicekb.search.tiers",
}
# Each command's own modules on top of WARM (the command's cli module, and what it computes with).
MAY_LOAD = {
    "search": WARM | SEARCH | {"servicekb.cli.search", "servicekb.fields"},
    "list": WARM | {"servicekb.cli.listing", "servicekb.fields"},
    "show": WARM
    | SEARCH
    | {"servicekb.cli.show", "servicekb.cli.similar", "servicekb.search.similar"},  # "Liknande projekt"
    "stats": WARM | {"servicekb.cli.stats", "servicekb.stats"},
    "report": WARM | {"servicekb.cli.report", "servicekb.report", "servicekb.stats"},
}

COMMANDS = [
    ["search", "servicepunkt", "--limit", "5", "--format", "ids"],
    ["search", "paketautomat", "--format", "json"],
    ["search", "servicepunkt", "--format", "tsv"],
    ["list", "--format", "ids"],
    ["list", "--region", "Dalarna", "--format", "csv"],
    ["list", "--format", "jsonl"],
    ["show", "leaxw-dalarna-gavleborg", "--format", "json"],
    ["stats", "--by", "county", "--format", "json"],
    ["stats", "--by", "theme", "--format", "tsv"],
    ["report", "--region", "Dalarna", "--format", "markdown"],
    ["report", "--region", "Dalarna", "--format", "json"],
    ["--help"],
    ["search", "--help"],
]


def probe(args, env) -> tuple[set[str], set[str]]:
    """(heavy third-party packages, servicekb modules) that running `servicekb ARGS` imported."""
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=60)

    def listed(prefix: str) -> set[str]:
        line = next(x for x in proc.stderr.splitlines() if x.startswith(prefix))
        return {m for m in line[len(prefix) :].split(",") if m}

    return listed("LOADED="), listed("OWN=")


def loaded(args, env) -> set[str]:
    return probe(args, env)[0]


def may_load(args: list[str]) -> set[str]:
    if args[-1] == "--help":  # help is put into words from the command table (and the command's module)
        return FRAMEWORK | ({f"servicekb.cli.{args[0]}"} if len(args) > 1 else set())
    return MAY_LOAD[args[0]]


@pytest.fixture(scope="module")
def warm_env(tmp_path_factory):
    env = {k: v for k, v in os.environ.items() if k not in ("SERVICEKB_DATA", "FORCE_COLOR")}
    env["SERVICEKB_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    subprocess.run(
        [sys.executable, "-m", "servicekb", "list", "--format", "ids"], env=env, capture_output=True, check=True
    )
    return env


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_warm_machine_formats_import_no_heavy_module(warm_env, args):
    heavy, own = probe(args, warm_env)
    assert heavy == set()
    assert own - may_load(args) == set(), "name a module here only if the path needs it"


def test_the_probe_sees_heavy_imports(warm_env):
    """The check can fail: a terminal table does import rich, and --no-cache pydantic and yaml."""
    assert "rich" in loaded(["list", "--format", "table"], warm_env)
    assert {"pydantic", "yaml"} <= loaded(["list", "--format", "ids", "--no-cache"], warm_env)


def test_the_probe_sees_servicekb_modules_beyond_a_path(warm_env):
    """The module list can fail too: reading the files (--no-cache) loads the loader and the model."""
    _, own = probe(["list", "--format", "ids", "--no-cache"], warm_env)
    assert {"servicekb.loader", "servicekb.model"} <= own - may_load(["list", "--format", "ids"])


EVERYDAY_MODULES = ("search", "listing", "show", "similar", "stats", "report")


@pytest.mark.parametrize("name", EVERYDAY_MODULES)
def test_everyday_command_modules_keep_their_annotations_evaluated(name):
    """typer reads a command's annotations at every run; as strings (`from __future__ import
    annotations`) each is compiled and evaluated there, 0.3–0.6 ms a command (CONTRIBUTING.md)."""
    import ast
    from pathlib import Path

    source = (Path(__file__).resolve().parent.parent / "src" / "servicekb" / "cli" / f"{name}.py").read_text()
    futures = [
        alias.name
        for node in ast.parse(source).body
        if isinstance(node, ast.ImportFrom) and node.module == "__future__"
        for alias in node.names
    ]
    assert "annotations" not in futures
