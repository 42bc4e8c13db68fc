"""cache info | clear: look at or remove the persistent index."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from .common import out
from .options import DataDir, command_app

cache_app = command_app(help="Show or clear the index cache.\n\nExample: servicekb cache info", no_args_is_help=True)


@cache_app.command()
def info(data_dir: DataDir = None) -> None:
    """Show where the index of a knowledge base is cached and what it holds.

    Example: servicekb cache info
    """
    import sqlite3

    from ..cache import cache_dir, cache_path, in_the_way
    from ..paths import data_dir as resolve
    from ..text import visible

    root = resolve(data_dir)
    path = cache_path(root)
    lines = [f"data directory: {root}", f"cache directory: {cache_dir()}", f"index file: {path}"]
    blocker = in_the_way(path)
    if blocker is not None:  # never open it: a pipe would block, a folder cannot be read
        lines.append(f"unusable: the index path is {blocker} "
                     "(the next command replaces it; `servicekb cache clear` removes it)")
    elif path.exists():
        try:
            size = sum(os.stat(f"{path}{s}").st_size for s in ("", "-wal") if os.path.exists(f"{path}{s}"))
            lines.append(f"size: {size:,} bytes".replace(",", " "))
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                files, invalid = conn.execute("SELECT count(*), count(problems) FROM files").fetchone()
                projects = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
            finally:
                conn.close()
            lines.append(f"indexed: {projects} project(s) from {files} file(s), {invalid} invalid")
        except (sqlite3.Error, OSError) as exc:
            lines.append(f"unreadable: {exc} (it is rebuilt on the next command)")
    else:
        lines.append("not built yet (the next command builds it)")
    for line in lines:
        out().print(visible(line), soft_wrap=True)


@cache_app.command()
def clear(
    data_dir: DataDir = None,
    all_: Annotated[bool, typer.Option("--all", help="Remove the indexes of every knowledge base.")] = False,
) -> None:
    """Remove the cached index; the next command rebuilds it.

    Example: servicekb cache clear --all
    """
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
                raise ServiceKBError(f"cannot remove the index {path}: {exc.strerror or exc}") from None
            removed += 1
    out().print(visible(f"removed {removed} index file(s) from {cache_dir()}"), soft_wrap=True)
