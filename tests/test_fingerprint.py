"""The index answers from the files as they are now, whatever kept their modification time (issue 20).

A file counts as unchanged only when its whole stat data (size, mtime, ctime, inode) is as the
index recorded it, and not even then while it is "racily clean" (written within a timestamp
tick of its reading: its content is compared again). Reference files, the thesaurus too, are
checked by content."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest
from conftest import DATA

from servicekb import files
from servicekb.cache import cache_path


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    monkeypatch.setenv("SERVICEKB_LANG", "en")


def total(cli, kb_dir, *extra) -> int:
    out = cli("show", "axfood", "--data-dir", kb_dir, "--format", "json", *extra).stdout
    return json.loads(out)["funding"]["total_cost_sek"]


def edit_keeping_mtime(path, old: str, new: str) -> None:
    """A same-size edit whose modification time is put back, as `touch -r` or `cp -p` leave it."""
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old) == len(new)
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns


def make_old(path) -> None:
    """An mtime far in the past: the file is not racily clean, so only stat data can tell."""
    os.utime(path, (1_600_000_000, 1_600_000_000))


def test_same_size_edit_with_the_mtime_kept_is_seen(kb_copy, cli):
    f = kb_copy / "projects" / "axfood.yaml"
    make_old(f)
    assert total(cli, kb_copy) == 2689086
    edit_keeping_mtime(f, "2689086", "9999999")
    assert total(cli, kb_copy) == 9999999
    assert total(cli, kb_copy, "--no-cache") == 9999999


def test_a_copy_with_its_mtime_kept_replacing_the_file_is_seen(kb_copy, cli, tmp_path):
    """`cp -p` / `rsync -a` of another version with the same size and mtime (a new inode and ctime)."""
    f = kb_copy / "projects" / "axfood.yaml"
    make_old(f)
    assert total(cli, kb_copy) == 2689086
    other = tmp_path / "axfood.yaml"
    other.write_text(f.read_text(encoding="utf-8").replace("2689086", "9999999"), encoding="utf-8")
    make_old(other)
    staged = f.with_name(".axfood.yaml.part")
    shutil.copy2(other, staged)  # as rsync does: a temporary copy, renamed over the file
    os.replace(staged, f)
    assert total(cli, kb_copy) == 9999999


def coarse(monkeypatch) -> None:
    """Stat data as a filesystem with 1-second timestamps gives it (ext3, FAT, some network mounts)."""
    real = files.stat_data

    def truncated(st):
        size, mtime, ctime, ino = real(st)
        return size, mtime - mtime % 10**9, ctime - ctime % 10**9, ino

    monkeypatch.setattr(files, "stat_data", truncated)


def test_two_writes_in_one_timestamp_tick_are_both_seen(kb_copy, cli, monkeypatch):
    """git's racy-clean case: after the index read the first write, a second one in the same
    second (same size, same inode) leaves stat data exactly as recorded."""
    coarse(monkeypatch)
    f = kb_copy / "projects" / "axfood.yaml"
    text = f.read_text(encoding="utf-8")
    for _attempt in range(5):  # a second that ends between the two writes proves nothing: again
        f.write_text(text, encoding="utf-8")
        assert total(cli, kb_copy) == 2689086
        first = files.stat_data(f.stat())
        with open(f, "r+", encoding="utf-8") as fh:  # in place: the same inode
            fh.write(text.replace("2689086", "9999999"))
        if files.stat_data(f.stat()) == first:
            break
    else:
        pytest.skip("every attempt crossed a second boundary")
    assert total(cli, kb_copy) == 9999999
    assert total(cli, kb_copy) == 9999999  # and the next run, from the index, too


def test_a_racily_clean_file_is_checked_until_it_is_old(kb_copy, cli, monkeypatch):
    """The index marks a file written just before it was read, and stops once the file is old."""
    import sqlite3

    total(cli, kb_copy)
    conn = sqlite3.connect(cache_path(kb_copy))
    racy = [r[0] for r in conn.execute("SELECT path FROM files WHERE racy")]
    assert racy  # the copy was just written: every file is racily clean
    monkeypatch.setattr(files, "RACY_WINDOW_NS", 0)  # as if the seconds had passed
    assert total(cli, kb_copy) == 2689086
    assert conn.execute("SELECT count(*) FROM files WHERE racy").fetchone()[0] == 0
    assert conn.execute("SELECT value FROM meta WHERE key = 'racy_files'").fetchone()[0] == "0"
    conn.close()


def test_is_racy_compares_with_the_moment_of_reading():
    now = time.time_ns()
    assert files.is_racy((1, now - 10**9, now - 10**9, 1), now)
    assert not files.is_racy((1, now - 10 * 10**9, now - 10 * 10**9, 1), now)
    assert files.is_racy((1, now - 10 * 10**9, now, 1), now)  # ctime counts too


@pytest.fixture
def kb_with_reference(kb_copy):
    shutil.copytree(DATA / "reference", kb_copy / "reference")
    for path in (kb_copy / "reference").iterdir():
        make_old(path)
    return kb_copy


def search_ids(cli, kb_dir, word, *extra):
    result = cli("search", word, "--data-dir", kb_dir, "--format", "ids", "--limit", "0", *extra)
    return result.stdout.split()


def test_an_edit_of_the_thesaurus_is_seen_by_the_cached_index(kb_with_reference, cli):
    synonyms = kb_with_reference / "reference" / "synonyms.yaml"
    assert search_ids(cli, kb_with_reference, "zebrafink") == []
    text = synonyms.read_text(encoding="utf-8")
    synonyms.write_text(text.replace("equivalent:\n", "equivalent:\n  - [zebrafink, ica]  # a test\n", 1), "utf-8")
    found = search_ids(cli, kb_with_reference, "zebrafink")
    assert found and found == search_ids(cli, kb_with_reference, "zebrafink", "--no-cache")


def test_an_edit_of_the_thesaurus_keeping_size_and_mtime_is_seen(kb_with_reference, cli):
    synonyms = kb_with_reference / "reference" / "synonyms.yaml"
    before = search_ids(cli, kb_with_reference, "tankstation")
    assert before
    edit_keeping_mtime(synonyms, "tankstation", "tankstatiom")
    assert search_ids(cli, kb_with_reference, "tankstation") == search_ids(
        cli, kb_with_reference, "tankstation", "--no-cache"
    )
    assert search_ids(cli, kb_with_reference, "tankstation") != before


def test_a_thesaurus_that_no_cache_rejects_is_rejected_from_the_cache(kb_with_reference, cli):
    assert search_ids(cli, kb_with_reference, "paketautomat")  # the index is built, thesaurus and all
    synonyms = kb_with_reference / "reference" / "synonyms.yaml"
    synonyms.write_text(synonyms.read_text(encoding="utf-8") + "  - [unclosed\n", encoding="utf-8")
    make_old(synonyms)
    fresh = cli("search", "paketautomat", "--data-dir", kb_with_reference, "--no-cache")
    cached = cli("search", "paketautomat", "--data-dir", kb_with_reference)
    assert fresh.exit_code == cached.exit_code == 2  # a broken reference file, as tags.yaml (issue 21.7)
    assert "synonyms.yaml" in fresh.stderr and cached.stderr == fresh.stderr


def test_an_edit_of_counties_with_its_mtime_kept_is_seen(kb_with_reference, cli):
    counties = kb_with_reference / "reference" / "counties.yaml"
    assert cli("list", "--data-dir", kb_with_reference, "--region", "Dalarna", "--format", "ids").exit_code == 0
    text = counties.read_text(encoding="utf-8")
    assert "Dalarna" in text
    edit_keeping_mtime(counties, "Dalarna", "Dalarnq")
    fresh = cli("list", "--data-dir", kb_with_reference, "--region", "Dalarna", "--format", "ids", "--no-cache")
    cached = cli("list", "--data-dir", kb_with_reference, "--region", "Dalarna", "--format", "ids")
    assert (cached.exit_code, cached.stdout, cached.stderr) == (fresh.exit_code, fresh.stdout, fresh.stderr)
    assert cached.exit_code != 0
