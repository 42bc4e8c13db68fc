"""Which files are project files, and reading one safely: one scanner and one reader for
`validate`, the index and every command (so they can never disagree about the file set).

Light on purpose (no YAML, no pydantic): a warm command calls `scan` on every run.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problem import Problem

MAX_FILE_BYTES = 1024 * 1024  # a project file is a few KiB; 1 MiB is ample


def scan(projects_dir: Path) -> list[tuple[str, int, int]]:
    """Every *.yaml entry under projects/: (relative path, size, mtime_ns), in listing order.

    One stat per file is the floor of staleness checking (about 2 µs each here); listing
    names and stat-ing them relative to the folder's descriptor avoids most other costs.
    The order is the file system's: stable while nothing changes, which is all the digest needs.

    - Names starting with '.' are skipped.
    - Symbolic links to files are followed; links to folders are not (a link loop such as
      `ln -s . projects/self` would otherwise list every file again and again).
    - A *.yaml entry that is not a regular file (a folder, FIFO, socket or device) is listed
      too, so that reading it reports the problem instead of leaving it out silently; a folder
      named *.yaml is also searched for project files.
    """
    found: list[tuple[str, int, int]] = []
    stack = [(str(projects_dir), "")]
    by_fd = os.stat in os.supports_dir_fd and os.listdir in os.supports_fd
    isdir, islnk, st_ = stat.S_ISDIR, stat.S_ISLNK, os.stat
    while stack:
        folder, prefix = stack.pop()
        try:
            fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if by_fd else None
        except OSError:
            continue
        try:
            for name in os.listdir(fd if fd is not None else folder):
                if name[0] == ".":
                    continue
                try:
                    st = (
                        st_(name, dir_fd=fd, follow_symlinks=False)
                        if fd is not None
                        else st_(os.path.join(folder, name), follow_symlinks=False)
                    )
                    yaml_name = name.endswith(".yaml")
                    if islnk(st.st_mode):
                        if not yaml_name:
                            continue  # never follow a link to a folder
                        st = st_(name, dir_fd=fd) if fd is not None else st_(os.path.join(folder, name))
                except OSError:
                    continue  # vanished meanwhile, or a dangling link
                if yaml_name:
                    found.append((prefix + name, st.st_size, st.st_mtime_ns))
                if isdir(st.st_mode) and not islnk(st.st_mode):
                    stack.append((os.path.join(folder, name), f"{prefix}{name}/"))
        except OSError:
            continue
        finally:
            if fd is not None:
                os.close(fd)
    return found


def project_files(projects_dir: Path) -> list[Path]:
    """The project files of a folder, sorted by path: the same set the index holds."""
    return [projects_dir / rel for rel, _, _ in sorted(scan(projects_dir))]


def read_file(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes, or the problem that prevents reading it (too large, unreadable).

    The size is checked before reading and the read is bounded, so a huge (or growing)
    file costs nothing.
    """

    def problem(key: str, **params: object) -> tuple[None, list[Problem]]:
        return None, [Problem.of(display, None, None, "", key, **params)]

    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            return problem("is_folder")
        if not stat.S_ISREG(st.st_mode):
            return problem("not_regular")
        if st.st_size > MAX_FILE_BYTES:
            return problem("file_too_large", size=st.st_size)
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return problem("unreadable", reason=exc.strerror or str(exc))  # the system's words, as it gives them
    if len(raw) > MAX_FILE_BYTES:
        return problem("file_too_large", size=len(raw))
    return raw, []


def write_text_atomic(path: Path, text: str) -> None:
    """Write a text file whole or not at all: a temporary file beside it, fsync, then a rename.

    A full disk or a signal leaves the old file as it was and no temporary file behind; the
    new file gets the usual permissions (mkstemp's 0600 would hide a data file from others)."""
    import tempfile

    from .errors import ServiceKBError
    from .messages import t

    data = text.encode("utf-8")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ServiceKBError(t("err.cannot_write", path=path, reason=exc.strerror or exc), 1) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise ServiceKBError(t("err.cannot_write", path=path, reason=exc.strerror or exc), 1) from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
