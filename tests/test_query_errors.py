"""A user's query is never index damage (issue 20): what SQLite refuses to run is a usage error
(exit 2) and the cache stays as it was; only a real integrity failure rebuilds the index."""

from __future__ import annotations

import os
import sqlite3

import pytest
from conftest import BUNDLED

from servicekb.cache import IndexDamage, cache_path, is_index_trouble

HUGE = "a" * 60_000  # beyond SQLite's LIKE pattern limit (50,000 bytes)


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    monkeypatch.setenv("SERVICEKB_LANG", "en")


def state(path):
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns, st.st_size, path.read_bytes()


@pytest.mark.parametrize("args", [("show", HUGE), ("search", HUGE), ("search", " ".join([HUGE] * 3))])
def test_a_query_sqlite_refuses_is_a_usage_error_and_leaves_the_cache(kb_copy, cli, args):
    assert cli("list", "--data-dir", kb_copy, "--format", "ids").exit_code == 0
    index = cache_path(kb_copy)
    before = state(index)
    result = cli(*args, "--data-dir", kb_copy)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("servicekb: error: ") and "damaged" not in result.stderr
    assert len(result.stderr) < 400  # one line, not the query repeated
    assert state(index) == before
    assert cli("list", "--data-dir", kb_copy, "--format", "ids").stdout.count("\n") == BUNDLED


def test_a_query_sqlite_refuses_without_the_cache_is_a_usage_error_too(kb_copy, cli):
    result = cli("show", HUGE, "--data-dir", kb_copy, "--no-cache")
    assert result.exit_code == 2 and "unexpected" not in result.stderr


def _error(sql: str, *params, conn=None) -> sqlite3.Error:
    conn = conn or sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute(sql, params).fetchall()
    return caught.value


def test_what_is_the_index_and_what_is_the_query(tmp_path):
    not_a_db = tmp_path / "junk.sqlite"
    not_a_db.write_bytes(b"not a database at all, " * 100)
    index_errors = [
        _error("SELECT * FROM projects"),  # an index not of this layout
        _error("SELECT 1 FROM sqlite_master", conn=sqlite3.connect(not_a_db)),
        IndexDamage("a stored record does not match its checksum"),
    ]
    query_errors = [
        _error("SELECT 'a' LIKE ?", HUGE),
        _error("SELECT zeroblob(?)", 2_000_000_000),  # string or blob too big
        _error("SELECT " + "(" * 2000 + "1" + ")" * 2000),  # parser stack / expression depth
    ]
    assert [is_index_trouble(e) for e in index_errors] == [True] * len(index_errors)
    assert [is_index_trouble(e) for e in query_errors] == [False] * len(query_errors)
