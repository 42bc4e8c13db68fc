"""The import budget: what a warm command may import (deterministic, not a timing test).

Machine formats answer from the warm index without rich (drawing), pydantic (validation) or
yaml (parsing); `--help` needs none of them either. Rich is for terminals; pydantic and
yaml for files that changed. Each command runs in a fresh interpreter.
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
""".replace("HEAVY", repr(HEAVY))

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


def loaded(args, env) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=60)
    line = next(x for x in proc.stderr.splitlines() if x.startswith("LOADED="))
    return {m for m in line[len("LOADED=") :].split(",") if m}


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
    assert loaded(args, warm_env) == set()


def test_the_probe_sees_heavy_imports(warm_env):
    """The check can fail: a terminal table does import rich, and --no-cache pydantic and yaml."""
    assert "rich" in loaded(["list", "--format", "table"], warm_env)
    assert {"pydantic", "yaml"} <= loaded(["list", "--format", "ids", "--no-cache"], warm_env)
