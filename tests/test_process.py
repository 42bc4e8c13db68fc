"""What only a real process shows: pipes, exit codes, NO_COLOR, an installed wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT, run_servicekb


def test_piped_list_is_plain_tsv_without_colour():
    proc = run_servicekb("list")
    assert proc.returncode == 0
    assert "\x1b[" not in proc.stdout
    assert proc.stdout.splitlines()[0].startswith("id\ttitle")


def test_no_color_is_respected_even_when_a_terminal_is_forced():
    """FORCE_COLOR makes rich colour a pipe as if it were a terminal; NO_COLOR must still win."""
    forced = run_servicekb("list", "--format", "table", env={"FORCE_COLOR": "1", "COLUMNS": "100"})
    assert forced.returncode == 0 and "\x1b[" in forced.stdout  # the control: colour is on
    proc = run_servicekb("list", "--format", "table", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "100"})
    assert proc.returncode == 0
    assert "\x1b[" not in proc.stdout
    assert "Servicepunkt 2.0 i Höga Kusten" in proc.stdout


def test_head_closing_the_pipe_exits_quietly():
    proc = subprocess.run(
        f'"{sys.executable}" -m servicekb list --format csv | head -n 2',
        shell=True,
        capture_output=True,
        text=True,
        executable="/bin/bash",
    )
    assert len(proc.stdout.splitlines()) == 2
    assert "BrokenPipeError" not in proc.stderr and "Traceback" not in proc.stderr


def test_usage_error_exit_code_and_no_traceback():
    proc = run_servicekb("list", "--region", "Atlantis")
    assert proc.returncode == 2
    assert proc.stderr.startswith("servicekb: error: länet 'Atlantis' finns inte.")
    english = run_servicekb("list", "--region", "Atlantis", env={"SERVICEKB_LANG": "en"})
    assert english.stderr.startswith("servicekb: error: unknown county 'Atlantis'.")
    assert "Traceback" not in proc.stderr


def test_unknown_option_is_exit_2():
    proc = run_servicekb("list", "--regoin", "Dalarna")
    assert proc.returncode == 2
    assert proc.stderr == "servicekb: error: okänd flagga: --regoin. Menade du --region? (se `servicekb list -h`)\n"
    proc = run_servicekb("list", "--regoin", "Dalarna", env={"SERVICEKB_LANG": "en"})
    assert (
        proc.stderr == "servicekb: error: no such option: --regoin. Did you mean --region? (see `servicekb list -h`)\n"
    )


def _dependency_paths() -> list[str]:
    """Where the running interpreter finds servicekb's dependencies (typer, rich, …)."""
    import sysconfig

    paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    return sorted(p for p in paths if os.path.isdir(p))


@pytest.mark.slow
def test_installed_wheel_runs_from_another_directory(tmp_path):
    """Build the wheel, install it into a fresh venv that does not see the base interpreter's
    packages, and run `servicekb list` from another folder: the bundled data comes along.

    The venv takes its dependencies from the environment running the tests (one .pth line,
    no network), so this works on a fresh machine exactly as after the README's set-up."""
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:  # hatchling is not installed here: let pip build it in isolation
        build = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
            capture_output=True,
            text=True,
        )
    assert build.returncode == 0, build.stderr[-2000:]
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    py = env_dir / "bin" / "python"
    wheel = next(wheels.glob("servicekb-*.whl"))
    inst = subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)], capture_output=True, text=True
    )
    assert inst.returncode == 0, inst.stderr[-2000:]
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Appended after the venv's own site-packages: the installed wheel wins over any editable install.
    (Path(site) / "zz_test_dependencies.pth").write_text("\n".join(_dependency_paths()) + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("SERVICEKB_DATA", "PYTHONPATH")}
    proc = subprocess.run(
        [str(env_dir / "bin" / "servicekb"), "list", "--format", "ids"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == BUNDLED
    located = subprocess.run(
        [
            str(py),
            "-c",
            "import servicekb, servicekb.paths as p; print(servicekb.__file__); print(p.bundled_data_dir())",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    module, data = located.stdout.split()
    assert module.startswith(str(env_dir)) and data.startswith(str(env_dir)), located.stdout
    # The HTML report's templates are package data: they must be in the wheel too.
    page = subprocess.run(
        [str(env_dir / "bin" / "servicekb"), "report", "--region", "Dalarna", "-o", "d.html"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert page.returncode == 0, page.stderr
    assert "32 037 624 kr" in (elsewhere / "d.html").read_text(encoding="utf-8")


def test_ctrl_c_exits_130_without_traceback():
    """Interrupted while waiting for ids on stdin: exit 130, no traceback."""
    import signal
    import time

    proc = subprocess.Popen(
        [sys.executable, "-m", "servicekb", "list", "--ids", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)  # let it start and block on stdin
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err


def test_a_notice_on_a_terminal_wraps_between_words(tmp_path):
    """On a 60-column terminal the notice 'visar träffar för …' broke inside a word ('fö' / 'r'):
    the terminal, not servicekb, wrapped it. stderr is a pseudo-terminal here, stdout a pipe."""
    import os
    import pty
    import re
    import select

    master, slave = pty.openpty()
    env = {**os.environ, "SERVICEKB_LANG": "sv", "COLUMNS": "40"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "servicekb", "search", "apoteksombd", "--limit", "1", "--format", "ids"],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    out, _ = proc.communicate(timeout=120)
    seen = b""
    while select.select([master], [], [], 0.5)[0]:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    text = re.sub(r"\x1b\[[0-9;]*m", "", seen.decode("utf-8")).replace("\r", "")
    lines = [line for line in text.splitlines() if line.strip()]
    assert proc.returncode == 0 and out.strip()
    assert all(len(line) <= 40 for line in lines), lines
    assert any("'apoteksombud'" in line for line in lines), lines  # the word whole on one line
