"""The commit hooks a data repository uses (.pre-commit-hooks.yaml), run by pre-commit itself."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import DATA, ROOT

pytestmark = pytest.mark.slow  # pre-commit installs servicekb into a fresh environment


def _run(args, cwd, env):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("pre-commit") is None, reason="git and pre-commit")
def test_try_repo_passes_valid_data_and_names_the_invalid_file(tmp_path):
    repo = tmp_path / "kommunens-data"
    shutil.copytree(DATA / "projects", repo / "data" / "projects")
    shutil.copytree(DATA / "reference", repo / "data" / "reference")
    env = {k: v for k, v in os.environ.items() if k not in ("SERVICEKB_DATA", "SERVICEKB_CACHE")}
    env |= {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "SERVICEKB_LANG": "en"}
    env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    for args in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "data"]):
        assert _run(args, repo, env).returncode == 0
    hooks = ["servicekb-validate", "servicekb-fmt"]
    for hook in hooks:
        ok = _run(["pre-commit", "try-repo", str(ROOT), hook, "--all-files"], repo, env)
        assert ok.returncode == 0, ok.stdout + ok.stderr

    bad = repo / "data" / "projects" / "axfood.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("kind: utbildning", "kind: kurs"), encoding="utf-8")
    assert _run(["git", "add", "-A"], repo, env).returncode == 0
    failed = _run(["pre-commit", "try-repo", str(ROOT), "servicekb-validate"], repo, env)
    assert failed.returncode == 1
    assert "data/projects/axfood.yaml" in failed.stdout and "unknown kind 'kurs'" in failed.stdout
