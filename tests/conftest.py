from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

# The interface language follows the locale; tests pin Swedish (the users' language) and ask
# for English explicitly where they test it. Set at import too, for module-scoped fixtures.
os.environ["SERVICEKB_LANG"] = "sv"

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# How many projects the bundled knowledge base holds: counted from its files, never pinned, so
# that a valid new project leaves every test green (the source page's own 81 are checked, as the
# page's, in test_data and test_faithfulness).
BUNDLED = len(list((DATA / "projects").glob("*.yaml")))


@pytest.fixture(scope="session")
def _warm_cache(tmp_path_factory):
    """The bundled knowledge base's index, built once per test run (per worker): each test's
    fresh cache starts as a copy of it instead of building it cold (0.2 s a test)."""
    from servicekb.kb import open_kb

    template = tmp_path_factory.mktemp("warm-cache")
    saved = os.environ.get("SERVICEKB_CACHE")
    os.environ["SERVICEKB_CACHE"] = str(template)
    try:
        open_kb(DATA).count()
    finally:
        if saved is None:
            os.environ.pop("SERVICEKB_CACHE", None)
        else:
            os.environ["SERVICEKB_CACHE"] = saved
    return template


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path_factory, _warm_cache):
    """Each test gets its own index cache (a copy of the warm one) and no inherited knowledge-base settings."""
    monkeypatch.delenv("SERVICEKB_DATA", raising=False)
    cache = tmp_path_factory.mktemp("cache")
    shutil.copytree(_warm_cache, cache, dirs_exist_ok=True)
    monkeypatch.setenv("SERVICEKB_CACHE", str(cache))
    monkeypatch.setenv("COLUMNS", "160")
    # The interface language follows the locale; tests pin Swedish (the users' language) and
    # ask for English explicitly where they test it.
    monkeypatch.setenv("SERVICEKB_LANG", "sv")


@pytest.fixture
def cli():
    """Run the CLI in-process: cli("list", "--format", "json") → click Result."""
    from servicekb.cli import app

    runner = CliRunner()

    def run(*args, input=None, env=None):
        return runner.invoke(app, [str(a) for a in args], input=input, env=env, catch_exceptions=False)

    return run


def run_servicekb(*args, input=None, env=None, cwd=None, timeout=120):
    """Run servicekb as a real process (for pipes, exit codes, NO_COLOR)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "servicekb", *map(str, args)],
        input=input,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=timeout,
    )


@pytest.fixture
def kb_copy(tmp_path):
    """A writable copy of the bundled knowledge base."""
    dest = tmp_path / "kb"
    shutil.copytree(DATA / "projects", dest / "projects")
    return dest


def copy_page_projects(dest: Path) -> Path:
    """Copy into dest the bundled projects whose facts come from Tillväxtverket's page, with the
    reference folder: the knowledge base the source page describes. Tests that check what the
    page says (Dalarna's 13 projects, its totals, the README's report) run on this copy, so that
    a project from another source joining the bundled data leaves them true."""
    import yaml

    from servicekb.constants import LEGACY_SOURCE

    (dest / "projects").mkdir(parents=True)
    for path in sorted((DATA / "projects").glob("*.yaml")):
        source = yaml.safe_load(path.read_text(encoding="utf-8")).get("source")
        ref = source.get("ref") if isinstance(source, dict) else LEGACY_SOURCE  # a v2 string names a page section
        if ref == LEGACY_SOURCE:
            shutil.copy2(path, dest / "projects" / path.name)
    shutil.copytree(DATA / "reference", dest / "reference")
    return dest


@pytest.fixture(scope="session")
def page_data(tmp_path_factory) -> Path:
    """The bundled projects the source page describes (read-only: copy it before writing)."""
    return copy_page_projects(tmp_path_factory.mktemp("page") / "kb")


@pytest.fixture
def valid_text():
    return (FIXTURES / "valid-project.yaml").read_text(encoding="utf-8")


def pytest_terminal_summary(terminalreporter):
    """Files tests keep for people to look at (browser screenshots, PDFs): their paths."""
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "artefact":
                terminalreporter.write_line(f"artefact: {value}")
