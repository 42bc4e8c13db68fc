"""Which files are project files, and reading one safely: one scanner and one reader for
`validate`, the index and every command (so they can never disagree about the file set).

Light on purpose (no YAML, no pydantic): a warm command calls `scan` on every run.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .problem import Problem

MAX_FILE_BYTES = 1024 * 1024  # a project file is a few KiB; 1 MiB is ample
SUFFIX = ".yaml"  # the one spelling of a project file's name
YAML_LOOKALIKES = (".yaml", ".yml")  # compared in lower case: .yml, .YAML, .Yml … are reported, not read


# (relative path, size, mtime_ns, ctime_ns, inode): one file as the index compares it. A plain
# tuple on purpose: a scan makes one per file on every run, and the digest is of their repr.
Entry = tuple[str, int, int, int, int]
Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode (see stat_data)


def stat_data(st: os.stat_result) -> Stat:
    """What must all be equal for a file to count as unchanged without reading it (git's stat
    data): size, modification time, change time and inode. Tools keep or restore mtimes
    (`cp -p`, `rsync -a`, `tar`, `touch -r`), but no user tool can set ctime back, and a file
    replaced by another (an editor's rename) has a new inode. Two writes within one timestamp
    tick look alike even so: see `is_racy`."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


# Two writes closer together than a filesystem's timestamp granularity (1 s on ext3, 2 s on
# FAT, more on some network mounts) leave the same stat data. A file whose times are not
# older than this before the moment it was read is "racily clean" (git's term): its content
# hash is compared again on every run until it is older.
RACY_WINDOW_NS = 3 * 10**9


def is_racy(stat: Stat, read_ns: int) -> bool:
    """Could a later write of this file leave the same stat data? (`read_ns`: a moment not
    later than the read whose content was recorded, by the wall clock.)"""
    _, mtime_ns, ctime_ns, _ = stat
    return max(mtime_ns, ctime_ns) >= read_ns - RACY_WINDOW_NS


def scan(projects_dir: Path) -> list[Entry]:
    """Every *.yaml entry under projects/: (relative path, size, mtime_ns, ctime_ns, inode), in
    listing order (see `stat_data`).

    One stat per file is the floor of staleness checking (about 2 µs each here); listing
    names and stat-ing them relative to the folder's descriptor avoids most other costs.
    The order is the file system's: stable while nothing changes, which is all the digest needs.

    - Names starting with '.' are skipped.
    - Symbolic links to files are followed; links to folders are not (a link loop such as
      `ln -s . projects/self` would otherwise list every file again and again).
    - `.yml`, `.YAML` and other spellings are listed too, and reading one reports that only
      `.yaml` is read (rename it): a project left out without a word would look like data
      that is not there.
    - A *.yaml entry that is not a regular file (a folder, FIFO, socket or device) is listed
      too, so that reading it reports the problem instead of leaving it out silently; a folder
      named *.yaml is also searched for project files.
    """
    found: list[Entry] = []
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
                    mode = st.st_mode
                    yaml_name = name.endswith(".yaml") or (name.lower().endswith(YAML_LOOKALIKES) and not isdir(mode))
                    link = islnk(mode)
                    if link:
                        if not yaml_name:
                            continue  # never follow a link to a folder
                        st = st_(name, dir_fd=fd) if fd is not None else st_(os.path.join(folder, name))
                except OSError:
                    continue  # vanished meanwhile, or a dangling link
                shown = name if name.isascii() else shown_name(name)
                if yaml_name:  # (stat_data, inline: this line runs once per file on every command)
                    found.append((prefix + shown, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
                # A folder is searched; a link to one never is, even when its name ends in .yaml
                # (`ln -s . projects/self.yaml` once listed every file 40 times over).
                if not link and isdir(st.st_mode):
                    stack.append((os.path.join(folder, name), f"{prefix}{shown}/"))
        except OSError:
            continue
        finally:
            if fd is not None:
                os.close(fd)
    return found


def shown_name(name: str) -> str:
    """A file name as text: itself, or — when its bytes are not UTF-8 (a Latin-1 å from an old
    archive) — with those bytes as \\xNN escapes (`p\\xe5-gammal.yaml`). Every later step (the
    index, messages, output) can then hold it; `real_path` finds the file again."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


_BYTE_ESCAPE = re.compile(rb"\\x([0-9a-f]{2})")


def real_path(path: Path) -> Path:
    """The file on disk behind a path made of shown names (see `shown_name`)."""
    if "\\x" not in str(path) or os.path.lexists(path):
        return path
    raw = _BYTE_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), os.fsencode(str(path)))
    return Path(os.fsdecode(raw))


def project_files(projects_dir: Path) -> list[Path]:
    """The project files of a folder, sorted by path: the same set the index holds."""
    return [projects_dir / rel for rel, *_ in sorted(scan(projects_dir))]


def read_file(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes, or the problem that prevents reading it (too large, unreadable).

    The size is checked before reading and the read is bounded, so a huge (or growing)
    file costs nothing.
    """

    def problem(key: str, **params: object) -> tuple[None, list[Problem]]:
        return None, [Problem.of(display, None, None, "", key, **params)]

    if real_path(path) != path:  # a name that is not UTF-8 can name no project (ids are a-z, 0-9, -)
        return problem("name_not_utf8", name=path.name)
    if not path.name.endswith(SUFFIX):
        return problem("wrong_suffix", name=path.name, expected=path.name[: path.name.rfind(".")] + SUFFIX)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            return problem("link_to_folder" if os.path.islink(path) else "is_folder")
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
    """Write a text file whole or not at all, through the one atomic writer (atomic.py): a full
    disk or a signal leaves the old file as it was and no temporary file behind."""
    from .atomic import atomic_path
    from .errors import EXIT_PROBLEMS, ServiceKBError
    from .messages import t

    try:
        with atomic_path(path) as tmp:
            tmp.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        raise ServiceKBError(t("err.cannot_write", path=path, reason=exc.strerror or exc), EXIT_PROBLEMS) from None


def expand_paths(paths: list[Path]) -> list[Path]:
    """Paths a command was given → the project files they name (a folder: its project files)."""
    from .errors import UsageError
    from .messages import t

    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += project_files(p)
        elif p.is_file():
            files.append(p)
        else:
            raise UsageError(t("err.no_such_path", path=repr(str(p))))
    return files
