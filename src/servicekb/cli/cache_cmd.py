"""cache info | clear: look at or remove the persistent index."""

from __future__ import annotations

from typing import Annotated

import typer

from ..messages import command_help, t
from .common import out
from .options import DataDir, command_app

cache_app = command_app(help=command_help("cache"), no_args_is_help=True)


@cache_app.command(help=command_help("cache.info"))
def info(data_dir: DataDir = None) -> None:
    """servicekb cache info (its help: messages `cmd.cache.info`, `help.cache.info`)."""
    import sqlite3

    from ..cache import cache_dir, cache_path
    from ..paths import data_dir as resolve

    root = resolve(data_dir)
    path = cache_path(root)
    lines = [t("cache.data_dir", path=root), t("cache.cache_dir", path=cache_dir()), t("cache.index_file", path=path)]
    if path.exists():
        size = sum((path.parent / (path.name + s)).stat().st_size for s in ("", "-wal") if (path.parent / (path.name + s)).exists())
        lines.append(t("cache.size", size=f"{size:,}".replace(",", " ")))
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            files, invalid = conn.execute("SELECT count(*), count(problems) FROM files").fetchone()
            projects = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
            lines.append(t("cache.indexed", projects=projects, files=files, invalid=invalid))
        except sqlite3.DatabaseError as exc:
            lines.append(t("cache.unreadable", error=exc))
    else:
        lines.append(t("cache.not_built"))
    for line in lines:
        out().print(line, soft_wrap=True)


@cache_app.command(help=command_help("cache.clear"))
def clear(
    data_dir: DataDir = None,
    all_: Annotated[bool, typer.Option("--all", help=t("opt.cache_all"))] = False,
) -> None:
    """servicekb cache clear (its help: messages `cmd.cache.clear`, `help.cache.clear`)."""
    from ..cache import cache_dir, cache_path, remove_cache_file
    from ..paths import data_dir as resolve

    paths = sorted(cache_dir().glob("index-*.sqlite")) if all_ else [cache_path(resolve(data_dir))]
    removed = 0
    for path in paths:
        if path.exists():
            remove_cache_file(path)
            removed += 1
    out().print(t("cache.removed", n=removed, path=cache_dir()), soft_wrap=True)
