"""Every file the tool writes is written atomically: one place for how (issue 20).

A temporary file beside the target (same folder, so the rename is atomic), written, flushed
and fsync'ed, then renamed over the target: a full disk, an error or a signal leaves the old
file, never half a new one. Temporary files are named `.NAME.PID.XXXXXXXX.tmp`; they are
removed when the block fails, when the process ends (atexit) or is told to end (SIGTERM,
SIGHUP, SIGINT), and — for a process killed outright — by the next write beside them, which
removes those whose process is gone.
"""

from __future__ import annotations

import atexit
import os
import re
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_pending: set[str] = set()  # temporary files of this process not yet renamed or removed
_previous: dict[int, object] = {}  # signal → the handler before ours, while files are pending
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


def _remove_pending() -> None:
    for name in list(_pending):
        try:
            os.unlink(name)
        except OSError:
            pass
        _pending.discard(name)


def _on_signal(signum, frame) -> None:
    _remove_pending()
    previous = _previous.pop(signum, signal.SIG_DFL)
    signal.signal(signum, previous)  # type: ignore[arg-type]
    if callable(previous):
        previous(signum, frame)
    else:
        os.kill(os.getpid(), signum)  # end as the signal would have ended us


atexit.register(_remove_pending)


def _watch_signals() -> None:
    for signum in _SIGNALS:
        if signum in _previous:
            continue
        try:
            _previous[signum] = signal.signal(signum, _on_signal)
        except (ValueError, OSError):  # not the main thread: atexit and the next run clean up
            pass


def _unwatch_signals() -> None:
    if _pending:
        return
    for signum, previous in list(_previous.items()):
        try:
            signal.signal(signum, previous)  # type: ignore[arg-type]
        except (ValueError, OSError):
            pass
        del _previous[signum]


def _temporary_pattern(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(f".{name}.") + r"(\d+)\.[^.]+\.tmp")


def remove_stale(path: Path) -> None:
    """Remove temporary files beside `path` left by processes that were killed outright."""
    pattern = _temporary_pattern(path.name)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        match = pattern.fullmatch(name)
        if match is None or int(match.group(1)) == os.getpid() or _alive(int(match.group(1))):
            continue
        try:
            os.unlink(path.parent / name)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


@contextmanager
def atomic_path(path: Path, replace: bool = True) -> Iterator[Path]:
    """A temporary file beside `path`, moved over it when the block succeeds (removed if not).

    With `replace=False` an existing file is never replaced, not even one created meanwhile:
    the temporary file is linked to the name, which fails if it exists (FileExistsError).
    Raises OSError when the folder cannot be written.
    """
    path = Path(path)
    remove_stale(path)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    os.close(fd)
    _pending.add(tmp_name)
    _watch_signals()
    tmp = Path(tmp_name)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual permissions
        _fsync(tmp)
        if replace:
            os.replace(tmp, path)
        else:
            _link_exclusive(tmp, path)
        _pending.discard(tmp_name)
        _fsync_folder(path.parent)
    finally:
        if tmp_name in _pending:
            tmp.unlink(missing_ok=True)
            _pending.discard(tmp_name)
        _unwatch_signals()


def _link_exclusive(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a filesystem without hard links: check, then rename (a small window)
        if os.path.lexists(path):
            raise FileExistsError(17, "File exists", str(path)) from None
        os.replace(tmp, path)
        return
    tmp.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems cannot sync a folder; the rename itself is done
    finally:
        os.close(fd)
