"""cache info | clear: look at or remove the persistent index."""

from __future__ import annotations

import os
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

    from ..cache import cache_dir, cache_path, in_the_way
    from ..money import grouped
    from ..paths import data_dir as resolve
    from ..text import visible

    root = resolve(data_dir)
    path = cache_path(root)
    lines = [t("cache.data_dir", path=root), t("cache.cache_dir", path=cache_dir()), t("cache.index_file", path=path)]
    blocker = in_the_way(path)
    if blocker is not None:  # never open it: a pipe would block, a folder cannot be read
        lines.append(t("cache.unusable", blocker=blocker))
    elif path.exists():
        try:
            size = sum(os.stat(f"{path}{s}").st_size for s in ("", "-wal") if os.path.exists(f"{path}{s}"))
            lines.append(t("cache.size", size=grouped(size)))
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                files, invalid = conn.execute("SELECT count(*), count(problems) FROM files").fetchone()
                projects = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
            finally:
                conn.close()
            lines.append(t("cache.indexed", projects=projects, files=files, invalid=invalid))
        except (sqlite3.Error, OSError) as exc:
            lines.append(t("cache.unreadable", error=exc))
    else:
        lines.append(t("cache.not_built"))
    for line in lines:
        out().print(visible(line), soft_wrap=True)


@cache_app.command(help=command_help("cache.clear"))
def clear(
    data_dir: DataDir = None,
    all_: Annotated[bool, typer.Option("--all", help=t("opt.cache_all"))] = False,
) -> None:
    """servicekb cache clear (its help: messages `cmd.cache.clear`, `help.cache.clear`)."""
    from ..cache import cache_dir, cache_path, remove_cache_file
    from ..errors import ServiceKBError
    from ..paths import data_dir as resolve
    from ..text import visible

    paths = sorted(cache_dir().glob("index-*.sqlite")) if all_ else [cache_path(resolve(data_dir))]
    removed = 0
    for path in paths:
        if path.exists() or path.is_symlink():
            try:
                remove_cache_file(path)  # whatever stands there: a file, a folder, a pipe
            except OSError as exc:
                raise ServiceKBError(t("err.cannot_remove_index", path=path, reason=exc.strerror or exc)) from None
            removed += 1
    out().print(visible(t("cache.removed", n=removed, path=cache_dir())), soft_wrap=True)
