"""Issue 26, item 8: completing a value with a space (`--region Västra` + Tab) gives a command
line that runs, in a real interactive shell driven through tmux (bash; zsh and fish where
installed). The shell reads the completion script `servicekb completion SHELL` prints."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None or not (BIN / "servicekb").exists(), reason="needs tmux and the servicekb script"
)


def _pane(tmux, session) -> str:
    return subprocess.run([*tmux, "capture-pane", "-p", "-J", "-t", session], capture_output=True, text=True).stdout


def _wait_for(tmux, session, text: str, timeout: float = 30, line_start: bool = False) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        pane = _pane(tmux, session)
        if any(line.startswith(text) for line in pane.splitlines()) if line_start else text in pane:
            return pane
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared:\n{_pane(tmux, session)}")


def _complete_and_run(tmp_path, shell_command: list[str], typed: str, ready: str, status: str = "$?") -> str:
    """Type `typed`, press Tab, then finish the line so it prints its exit status; the pane."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TMUX", "SERVICEKB_DATA"))},
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "SERVICEKB_CACHE": str(tmp_path / "cache"),
    }
    tmux = ["tmux", "-u", "-L", f"servicekb-test-{os.getpid()}-{tmp_path.name}", "-f", os.devnull]
    session = "completion"
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", session, "-x", "200", "-y", "40", *shell_command], env=env, check=True
    )
    try:
        _wait_for(tmux, session, ready)
        subprocess.run([*tmux, "send-keys", "-t", session, "-l", typed], check=True)
        subprocess.run([*tmux, "send-keys", "-t", session, "Tab"], check=True)
        _wait_for(tmux, session, "Götaland")
        subprocess.run([*tmux, "send-keys", "-t", session, "-l", "--", f"--format ids; echo rc={status}"], check=True)
        subprocess.run([*tmux, "send-keys", "-t", session, "Enter"], check=True)
        return _wait_for(tmux, session, "rc=", line_start=True)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def _ran(pane: str) -> None:
    """The completed line is one word for the county, and it ran: the county's ids, exit 0."""
    from conftest import run_servicekb

    assert "--region Västra\\ Götaland --format ids" in pane
    ids = run_servicekb("list", "--region", "Västra Götaland", "--format", "ids").stdout.split()
    assert ids and all(i in pane.split() for i in ids)
    assert "rc=0" in pane.splitlines()


@needs_tmux
def test_bash_completes_vastra_gotaland_into_a_line_that_runs(tmp_path):
    rc = tmp_path / "bashrc"
    rc.write_text('PS1="ready$ "\neval "$(servicekb completion bash)"\n', encoding="utf-8")
    pane = _complete_and_run(
        tmp_path, ["bash", "--noprofile", "--rcfile", str(rc), "-i"], "servicekb list --region Västra", "ready$"
    )
    _ran(pane)


@pytest.mark.slow
@needs_tmux
@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_completes_vastra_gotaland_into_a_line_that_runs(tmp_path):
    (tmp_path / ".zshrc").write_text(
        'PS1="ready%% "\nautoload -Uz compinit && compinit -u\neval "$(servicekb completion zsh)"\n', encoding="utf-8"
    )
    pane = _complete_and_run(
        tmp_path, ["env", f"ZDOTDIR={tmp_path}", "zsh", "-i"], "servicekb list --region Västra", "ready%"
    )
    _ran(pane)


@pytest.mark.slow
@needs_tmux
@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_vastra_gotaland_into_a_line_that_runs(tmp_path):
    config = tmp_path / "config" / "fish"
    config.mkdir(parents=True)
    (config / "config.fish").write_text(
        'function fish_prompt; echo -n "ready> "; end\nservicekb completion fish | source\n', encoding="utf-8"
    )
    pane = _complete_and_run(tmp_path, ["fish", "-i"], "servicekb list --region Västra", "ready>", "$status")
    _ran(pane)
