"""cache info | clear: look at or remove the persistent index."""

from __future__ import annotations

from typing import Annotated

import typer

from ..messages import command_help, help_t, t
from .common import command_app, out
from .options import DataDir

cache_app = command_app(help=command_help("cache"), no_args_is_help=True)


@cache_app.command(help=command_help("cache.info"))
def info(data_dir: DataDir = None) -> None:
    """servicekb cache info (its help: messages `cmd.cache.info`, `help.cache.info`)."""
    from ..cache import cache_dir, describe
    from ..money import grouped
    from ..paths import data_dir as resolve
    from ..text import visible

    root = resolve(data_dir)
    index = describe(root)
    lines = [
        t("cache.data_dir", path=root),
        t("cache.cache_dir", path=cache_dir()),
        t("cache.index_file", path=index.path),
    ]
    if index.blocker is not None:
        lines.append(t("cache.unusable", blocker=index.blocker))
    elif not index.built:
        lines.append(t("cache.not_built"))
    else:
        if index.size is not None:
            lines.append(t("cache.size", size=grouped(index.size)))
        if index.error is not None:
            lines.append(t("cache.unreadable", error=index.error))
        else:
            lines.append(t("cache.indexed", projects=index.projects, files=index.files, invalid=index.invalid))
    for line in lines:
        out().print(visible(line), soft_wrap=True)


@cache_app.command(help=command_help("cache.clear"))
def clear(
    data_dir: DataDir = None,
    all_: Annotated[bool, typer.Option("--all", help=help_t("opt.cache_all"))] = False,
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
