"""The persistent index: never stale, safe with two processes, and the same as --no-cache."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from conftest import BUNDLED, run_servicekb

from servicekb.cache import cache_path
from servicekb.kb import open_kb


def ids(kb_dir, *args, cli):
    result = cli("search", "--data-dir", kb_dir, "--format", "ids", "--limit", "0", *args)
    return result.stdout.split()


def test_cache_is_built_once_and_reused(kb_copy, monkeypatch):
    first = open_kb(kb_copy)
    assert first.count() == BUNDLED
    path = cache_path(kb_copy)
    assert path.exists()
    from servicekb import loader

    def no_parsing(*args, **kwargs):  # reuse means: not one file is parsed again
        raise AssertionError("a file was parsed although nothing changed")

    monkeypatch.setattr(loader, "check_bytes", no_parsing)
    again = open_kb(kb_copy)
    assert again.count() == BUNDLED and again.select()[0] == first.select()[0]
    from servicekb.sync import sync

    monkeypatch.undo()
    report = sync(first.conn, kb_copy, kb_copy.parent / "none", lambda: first.reference)
    assert report.rebuilt  # different reference folder → different fingerprint → rebuild


def test_edit_is_seen_immediately(kb_copy, cli):
    assert "leaxw-dalarna-gavleborg" not in ids(kb_copy, "zebrafink", cli=cli)
    f = kb_copy / "projects" / "leaxw-dalarna-gavleborg.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("summary: >-\n", "summary: >-\n  Zebrafink.\n", 1), encoding="utf-8")
    assert ids(kb_copy, "zebrafink", cli=cli) == ["leaxw-dalarna-gavleborg"]


def test_same_size_same_mtime_edit_is_seen(kb_copy, cli):
    """An edit that keeps size and mtime is invisible to stat; an edit keeping size is not."""
    f = kb_copy / "projects" / "ica.yaml"
    ids(kb_copy, cli=cli)
    text = f.read_text(encoding="utf-8")
    assert "title: Ica" in text
    st = f.stat()
    f.write_text(text.replace("title: Ica", "title: Icb"), encoding="utf-8")  # same size
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    out = cli("show", "ica", "--data-dir", kb_copy, "--format", "json").stdout
    assert json.loads(out)["title"] == "Icb"


def test_add_delete_rename(kb_copy, cli, valid_text):
    (kb_copy / "projects" / "valid-project.yaml").write_text(valid_text, encoding="utf-8")
    assert "valid-project" in ids(kb_copy, cli=cli)
    (kb_copy / "projects" / "valid-project.yaml").unlink()
    assert "valid-project" not in ids(kb_copy, cli=cli)
    assert len(ids(kb_copy, cli=cli)) == BUNDLED
    # A rename that keeps the id no longer matches the file name: invalid, left out, reported.
    (kb_copy / "projects" / "ica.yaml").rename(kb_copy / "projects" / "ica-2.yaml")
    result = cli("list", "--data-dir", kb_copy, "--format", "ids")
    assert "ica\n" not in result.stdout and len(result.stdout.split()) == BUNDLED - 1
    assert "servicekb validate" in result.stderr
    (kb_copy / "projects" / "ica-2.yaml").rename(kb_copy / "projects" / "ica.yaml")
    assert len(ids(kb_copy, cli=cli)) == BUNDLED


def test_subfolders_are_indexed(kb_copy, cli, valid_text):
    (kb_copy / "projects" / "sub").mkdir()
    (kb_copy / "projects" / "sub" / "valid-project.yaml").write_text(valid_text, encoding="utf-8")
    assert "valid-project" in ids(kb_copy, cli=cli)


def test_invalid_file_reported_rest_usable_and_fix_is_seen(kb_copy, cli):
    f = kb_copy / "projects" / "ica.yaml"
    good = f.read_text(encoding="utf-8")
    f.write_text(good.replace("status: completed", "status: done"), encoding="utf-8")
    result = cli("list", "--data-dir", kb_copy, "--format", "ids")
    assert len(result.stdout.split()) == BUNDLED - 1
    kb = open_kb(kb_copy)
    assert [p.field for p in kb.problems] == ["status"]
    assert kb.problems[0].line == 6  # the line of `status:` in the file
    f.write_text(good, encoding="utf-8")
    assert len(ids(kb_copy, cli=cli)) == BUNDLED
    assert open_kb(kb_copy).problems == []


def test_duplicate_id_first_path_wins_and_winner_deletion_promotes(kb_copy, cli, valid_text):
    (kb_copy / "projects" / "a").mkdir()
    (kb_copy / "projects" / "b").mkdir()
    (kb_copy / "projects" / "b" / "valid-project.yaml").write_text(valid_text, encoding="utf-8")
    ids(kb_copy, cli=cli)
    (kb_copy / "projects" / "a" / "valid-project.yaml").write_text(
        valid_text.replace("Ett giltigt", "A:s"), encoding="utf-8"
    )
    kb = open_kb(kb_copy)
    assert kb.get("valid-project")["title"].startswith("A:s")
    assert any(p.key == "duplicate_id" for p in kb.problems)
    fresh = open_kb(kb_copy, use_cache=False)
    assert fresh.get("valid-project")["title"] == kb.get("valid-project")["title"]
    (kb_copy / "projects" / "a" / "valid-project.yaml").unlink()
    kb = open_kb(kb_copy)
    assert kb.get("valid-project")["title"] == "Ett giltigt testprojekt"
    assert kb.problems == []


def test_model_version_change_is_a_full_rebuild(kb_copy, monkeypatch):
    from servicekb import freshness, sync
    from servicekb.paths import bundled_data_dir

    kb = open_kb(kb_copy)
    monkeypatch.setattr(freshness, "MODEL_VERSION", 999)
    report = sync.sync(kb.conn, kb_copy, bundled_data_dir() / "reference", lambda: kb.reference)
    assert report.rebuilt and report.added == BUNDLED


def test_reference_change_rebuilds(kb_copy, cli):
    import shutil

    from servicekb.paths import bundled_data_dir

    shutil.copytree(bundled_data_dir() / "reference", kb_copy / "reference")
    assert len(ids(kb_copy, cli=cli)) == BUNDLED
    tags = kb_copy / "reference" / "tags.yaml"
    tags.write_text(
        tags.read_text(encoding="utf-8").replace("label: Paketautomat,", "label: Paketautomat Kvarkskåp,"),
        encoding="utf-8",
    )
    assert ids(kb_copy, "kvarkskåp", cli=cli)  # the new label is searchable at once


def test_corrupt_cache_is_rebuilt_with_notice(kb_copy, cli):
    ids(kb_copy, cli=cli)
    path = cache_path(kb_copy)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(str(path) + suffix):
            os.remove(str(path) + suffix)
    path.write_bytes(b"this is not a database" * 100)
    result = cli("list", "--data-dir", kb_copy, "--format", "ids")
    assert result.exit_code == 0
    assert len(result.stdout.split()) == BUNDLED
    assert "bygger om den" in result.stderr  # the notice speaks the run's language (Swedish in tests)
    assert len(result.stderr.strip().splitlines()) == 1


def test_foreign_sqlite_file_is_replaced(kb_copy, cli):
    path = cache_path(kb_copy)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE something_else(x)")
    conn.commit()
    conn.close()
    result = cli("list", "--data-dir", kb_copy, "--format", "ids")
    assert len(result.stdout.split()) == BUNDLED
    assert "är inget servicekb-index" in result.stderr


def test_unwritable_cache_dir_falls_back_to_memory(kb_copy, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        env = {"SERVICEKB_CACHE": str(ro / "cache")}
        if os.geteuid() == 0:  # root can write anywhere: use a path under a file instead
            blocker = tmp_path / "file"
            blocker.write_text("x")
            env = {"SERVICEKB_CACHE": str(blocker / "cache")}
        proc = run_servicekb("list", "--data-dir", kb_copy, "--format", "ids", env=env)
        assert proc.returncode == 0, proc.stderr
        assert len(proc.stdout.split()) == BUNDLED
        assert proc.stderr == ""
    finally:
        ro.chmod(0o700)


def test_two_processes_building_at_once(kb_copy, tmp_path):
    env = dict(os.environ, SERVICEKB_CACHE=str(tmp_path / "shared-cache"))
    cmd = [sys.executable, "-m", "servicekb", "search", "servicepunkt", "--data-dir", str(kb_copy), "--format", "ids"]
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for _ in range(3)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [o[1] for o in outs]
    assert outs[0][0] == outs[1][0] == outs[2][0] != ""
    assert all(o[1] == "" for o in outs)
    conn = sqlite3.connect(next((tmp_path / "shared-cache").glob("index-*.sqlite")))
    assert conn.execute("SELECT count(*) FROM projects").fetchone()[0] == BUNDLED
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow  # seconds each; CI runs the slow tests too
def test_reader_during_an_edit_sees_a_whole_index(kb_copy, tmp_path):
    """Edit files while other processes search: every answer is complete, never half-built."""
    env = dict(os.environ, SERVICEKB_CACHE=str(tmp_path / "c"))
    base = [sys.executable, "-m", "servicekb", "list", "--data-dir", str(kb_copy), "--format", "ids"]
    subprocess.run(base, env=env, check=True, capture_output=True)
    files = sorted((kb_copy / "projects").glob("*.yaml"))[:20]
    procs = []
    for f in files:
        f.write_text(f.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        procs.append(subprocess.Popen(base, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env))
    for p in procs:
        out, errs = p.communicate(timeout=120)
        assert p.returncode == 0, errs
        assert len(out.split()) == BUNDLED


COMMANDS = [
    ["list", "--format", "json"],
    ["list", "--region", "Dalarna", "--format", "csv"],
    ["search", "servicepunkt", "--format", "json", "--limit", "0"],
    ["search", "ombud", "--facets", "--format", "json"],
    ["search", "Orebro", "--format", "tsv"],
    ["show", "leaxw-dalarna-gavleborg", "--format", "json"],
    ["show", "ica"],
    ["report", "--format", "json"],
    ["report", "--region", "Dalarna", "--format", "markdown"],
    ["stats", "--by", "tag", "--format", "json"],
    ["stats", "--by", "municipality", "--format", "tsv"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_no_cache_gives_identical_results(cli, args):
    cached_first = cli(*args)
    cached_warm = cli(*args)
    fresh = cli(*args, "--no-cache")
    assert cached_first.exit_code == cached_warm.exit_code == fresh.exit_code == 0
    assert cached_first.stdout == cached_warm.stdout == fresh.stdout


def test_cache_info_and_clear(cli):
    cli("list", "--format", "ids")
    info = cli("cache", "info").stdout
    assert f"indexerat: {BUNDLED} projekt från {BUNDLED} filer, 0 ogiltiga" in info
    assert [line.split(":")[0] for line in info.splitlines()] == [
        "kunskapsbankens mapp",
        "cachemapp",
        "indexfil",
        "storlek",
        "indexerat",
    ]  # each once, in Swedish (the size was once printed twice, the second time in English)
    assert "tog bort 1 indexfil " in cli("cache", "clear").stdout
    assert "inte byggd än" in cli("cache", "info").stdout
    assert "not built yet" in cli("cache", "info", env={"SERVICEKB_LANG": "en"}).stdout


def test_warm_search_imports_neither_pydantic_nor_yaml(tmp_path):
    env = dict(os.environ, SERVICEKB_CACHE=str(tmp_path / "c"))
    code = (
        "import sys, runpy; sys.argv=['servicekb','search','servicepunkt','--format','ids'];"
        "from servicekb.cli import main\ntry:\n main()\nexcept SystemExit: pass\n"
        "print('LOADED', 'pydantic' in sys.modules, 'yaml' in sys.modules, file=sys.stderr)"
    )
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)  # builds the cache
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert "LOADED False False" in proc.stderr


def test_help_imports_neither_pydantic_nor_yaml():
    code = (
        "import sys\nsys.argv=['servicekb','--help']\nfrom servicekb.cli import main\ntry:\n main()\n"
        "except SystemExit: pass\nprint('LOADED', 'pydantic' in sys.modules, 'yaml' in sys.modules, file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "LOADED False False" in proc.stderr


def test_parallel_build_gives_the_same_index(kb_copy, monkeypatch):
    """Cold builds of many files parse in worker processes; the result must not differ."""
    from servicekb import sync

    serial = open_kb(kb_copy, use_cache=False)
    monkeypatch.setattr(sync, "PARALLEL_MIN", 1)
    parallel = open_kb(kb_copy, use_cache=False)
    assert parallel.select() == serial.select()
    assert parallel.problems == serial.problems


def test_stored_problems_are_language_neutral(kb_copy, cli):
    """The index keeps a problem as its message key and values, never as text in the language
    of the run that built it; each run words it (tests/test_language.py shows both runs)."""
    import json

    f = kb_copy / "projects" / "leaxw-dalarna-gavleborg.yaml"
    text = f.read_text(encoding="utf-8")
    assert "counties: [Dalarna, Gävleborg]" in text
    f.write_text(text.replace("counties: [Dalarna, Gävleborg]", "counties: [Dalarana, Gävleborg]"), encoding="utf-8")
    cli("list", "--data-dir", kb_copy, "--format", "ids")
    conn = sqlite3.connect(cache_path(kb_copy))
    try:
        stored = [json.loads(text) for (text,) in conn.execute("SELECT problems FROM files WHERE problems IS NOT NULL")]
    finally:
        conn.close()
    assert stored == [
        [
            {
                "file": "projects/leaxw-dalarna-gavleborg.yaml",
                "line": stored[0][0]["line"],
                "column": stored[0][0]["column"],
                "field": "geography.counties[0]",
                "key": "unknown_county",
                "params": {"name": "Dalarana", "hint": ["Dalarna"]},
            }
        ]
    ]
    (problem,) = open_kb(kb_copy).problems
    assert problem.message.startswith("okänt län 'Dalarana'. Menade du 'Dalarna'?")
