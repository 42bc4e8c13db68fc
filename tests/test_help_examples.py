"""Issue 26, item 11: every example in the help (messages.EXAMPLES) runs as printed, in an empty
temporary folder with the installed `servicekb` — not only in a checkout. `datasette` is given
`--get /` so that the example's server answers one request and exits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from servicekb.messages import EXAMPLES

DATA = Path(__file__).resolve().parent.parent / "data"

BIN = Path(sys.executable).parent
EVERY = sorted({line for lines in EXAMPLES.values() for line in lines})


def _shell_for(example: str) -> list[str]:
    if "completion zsh" in example:
        return ["zsh", "-c"]
    return ["bash", "-euo", "pipefail", "-c"]


@pytest.mark.skipif(not (BIN / "servicekb").exists(), reason="needs the installed servicekb script")
@pytest.mark.parametrize("example", EVERY)
def test_every_help_example_runs_in_an_empty_folder(tmp_path, example):
    if "completion zsh" in example and shutil.which("zsh") is None:
        pytest.skip("zsh is not installed")
    work = tmp_path / "anywhere"
    work.mkdir()
    shims = tmp_path / "bin"
    shims.mkdir()
    if "datasette" in example:
        real = shutil.which("datasette", path=str(BIN)) or shutil.which("datasette")
        if real is None:
            pytest.skip("datasette is not installed")
        shim = shims / "datasette"
        shim.write_text(f'#!/bin/sh\nexec "{real}" "$@" --get /\n', encoding="utf-8")
        shim.chmod(0o755)
    # The examples that change a knowledge base (new, import, fmt, rename) change a copy, held in
    # git as a data repository is (diff compares its revisions); their input files are beside.
    kb = tmp_path / "kb"
    shutil.copytree(DATA / "projects", kb / "projects")
    shutil.copytree(DATA / "reference", kb / "reference")
    shutil.copytree(kb, tmp_path / "kb-gammal")
    git = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    git |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    if shutil.which("git"):
        for args in (
            ["init", "-q"],
            ["add", "-A"],
            ["commit", "-qm", "a"],
            ["commit", "-q", "--allow-empty", "-m", "b"],
        ):
            subprocess.run(["git", *args], cwd=kb, env={**os.environ, **git}, check=True, capture_output=True)
    (work / "nya-projekt.csv").write_text(
        "title,theme,kind,status,summary,counties,source_publisher,source_title\n"
        "Ny butik i Åsarna,lokala,genomförande,pågående,Byn öppnar en butik med paketombud.,Jämtland,Åsarna byalag,E-post\n",
        encoding="utf-8",
    )
    home = tmp_path / "home"
    (home / ".config" / "fish" / "completions").mkdir(parents=True)  # as fish itself makes it
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SERVICEKB_DATA")},
        "PATH": os.pathsep.join([str(shims), str(BIN), os.environ.get("PATH", "")]),
        "HOME": str(home),
        "SERVICEKB_CACHE": str(tmp_path / "cache"),
        "SERVICEKB_DATA": str(kb),
    }
    script = example
    if "completion zsh" in example:  # zsh's script calls compdef: a zsh with completion loaded
        script = f"autoload -Uz compinit && compinit -u -d {tmp_path}/zcompdump && {example}"
    result = subprocess.run(
        [*_shell_for(example), script], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, (example, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr


def test_usage_lines_name_required_arguments_in_the_run_language(cli):
    """typer wrote required arguments as {old} {new}, {file} (keepers' walk)."""
    sv = cli("--lang", "sv", "rename", "--help").stdout
    assert "servicekb rename [FLAGGOR] GAMMALT-ID NYTT-ID" in sv and "{old}" not in sv
    en = cli("--lang", "en", "import", "--help").stdout
    assert "servicekb import [OPTIONS] FILE" in en and "{file}" not in en
