"""Files the tool writes (issue 20): atomic (a failed write leaves the old file), never into the
knowledge base being read, never into a FIFO or device, and no temporary file left behind by a
failure, a signal, or a process killed outright."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys

import pytest

import servicekb.atomic as atomic


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    monkeypatch.setenv("SERVICEKB_LANG", "en")


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def full_disk(monkeypatch):
    def fail(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", fail)


def test_a_failed_write_with_force_leaves_the_old_report(cli, tmp_path, monkeypatch):
    out = tmp_path / "report.md"
    out.write_text("the old report\n", encoding="utf-8")
    full_disk(monkeypatch)
    result = cli("report", "-o", out, "--force")
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert out.read_text(encoding="utf-8") == "the old report\n"
    assert leftovers(tmp_path) == []


def test_a_failed_export_leaves_the_old_database(cli, tmp_path, monkeypatch):
    out = tmp_path / "kb.db"
    out.write_bytes(b"old")
    full_disk(monkeypatch)
    result = cli("export", "sqlite", out, "--force")
    assert result.exit_code != 0 and out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_forced_write_replaces_the_file_whole(cli, tmp_path):
    out = tmp_path / "report.md"
    out.write_text("old\n", encoding="utf-8")
    assert cli("report", "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ") and leftovers(tmp_path) == []


@pytest.mark.parametrize("force", [(), ("--force",)])
def test_a_report_into_the_knowledge_base_is_refused(kb_copy, cli, force):
    target = kb_copy / "projects" / "axfood.yaml"
    before = target.read_bytes()
    result = cli("report", "--data-dir", kb_copy, "-o", target, *force)
    assert result.exit_code == 2 and "inside the knowledge base" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize("args", [["export", "sqlite", "{p}/kb.db"], ["export", "csv", "{p}/csv"]])
def test_an_export_into_projects_is_refused(kb_copy, cli, args):
    projects = kb_copy / "projects"
    names = sorted(p.name for p in projects.iterdir())
    result = cli(*[a.replace("{p}", str(projects)) for a in args], "--data-dir", kb_copy, "--force")
    assert result.exit_code == 2 and "inside the knowledge base" in result.stderr
    assert sorted(p.name for p in projects.iterdir()) == names  # no kb.metadata.yaml to be read as a project


@pytest.mark.parametrize("args", [["report", "-o", "{f}", "--force"], ["export", "sqlite", "{f}", "--force"]])
def test_a_fifo_is_refused_instead_of_blocking(cli, tmp_path, args):
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    result = cli(*[a.replace("{f}", str(fifo)) for a in args])
    assert result.exit_code == 2 and "not a regular file" in result.stderr


SIGNALLED = """
import os, signal, sys
from pathlib import Path
from servicekb.atomic import atomic_path
with atomic_path(Path(sys.argv[1])) as tmp:
    tmp.write_bytes(b"half")
    os.kill(os.getpid(), signal.SIGTERM)
"""


def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "kb.db"
    proc = subprocess.run([sys.executable, "-c", SIGNALLED, str(target)], capture_output=True, timeout=60)
    assert proc.returncode == -signal.SIGTERM  # it still ends as SIGTERM ends a process
    assert leftovers(tmp_path) == [] and not target.exists()


def test_the_next_write_removes_what_a_killed_process_left(cli, tmp_path):
    dead = 4_194_305  # above Linux's largest pid: no such process
    stale = tmp_path / f".kb.db.{dead}.abcd1234.tmp"
    stale.write_bytes(b"x" * 1000)
    other = tmp_path / f".kb.db.{os.getpid()}.live.tmp"  # a live process's file is left alone
    other.write_bytes(b"y")
    assert cli("export", "sqlite", tmp_path / "kb.db").exit_code == 0
    assert leftovers(tmp_path) == [other.name]
