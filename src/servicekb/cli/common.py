"""What every command shares: the run's context (consoles, terminal facts), notices, opening the
knowledge base, writing a listing."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Optional, cast


@dataclass
class RunContext:
    """One run's shared state, on the click context (`ctx.obj`, as hatch keeps its app there;
    httpie's `Environment` is the model): whether stdout and stderr are terminals, NO_COLOR,
    debug, and the consoles, made once per run and sized to this run's terminal. Read from the
    environment when the run starts (`from_environment`); a test can give its own
    (`CliRunner().invoke(app, args, obj=RunContext(stdout_terminal=True))`) to see a terminal's
    output without a pseudo-terminal. Outside a run (library code, tests calling functions
    directly) `current()` gives a fresh one read from the environment."""

    stdout_terminal: Optional[bool] = None  # None: ask sys.stdout when needed
    stderr_terminal: Optional[bool] = None
    no_color: bool = False
    debug: bool = False
    consoles: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_environment(cls) -> RunContext:
        return cls(no_color=bool(os.environ.get("NO_COLOR")), debug=env_debug())

    def stdout_is_terminal(self) -> bool:
        return _isatty(sys.stdout) if self.stdout_terminal is None else self.stdout_terminal

    def stderr_is_terminal(self) -> bool:
        return _isatty(sys.stderr) if self.stderr_terminal is None else self.stderr_terminal

    def console(self, stderr: bool):
        """The stdout (or stderr) console of this run: no markup, no highlighting."""
        name = "err" if stderr else "out"
        if name not in self.consoles:
            self.consoles[name] = _console(stderr, self)
        return self.consoles[name]


def current() -> RunContext:
    """This run's context (see RunContext): the click context's `obj`, set when the run starts."""
    try:  # the click typer uses (newer typer vendors it as typer._click), imported by every run already
        from typer._click.globals import get_current_context  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from click import get_current_context  # type: ignore[import-not-found,no-redef,unused-ignore]

    ctx = get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return obj if isinstance(obj, RunContext) else RunContext.from_environment()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def command_app(**settings: Any):
    """A Typer holding one command (or a family): plain click help, as the root has."""
    import typer

    return typer.Typer(rich_markup_mode=None, add_completion=False, pretty_exceptions_enable=False, **settings)


def tolerant_streams() -> None:
    """Start of a run: output in an encoding that cannot hold every character (a Latin-1 locale,
    PYTHONIOENCODING=ascii) replaces what it cannot write with '?', never crashing after half a
    table; a width that is not a positive number ($COLUMNS=0, -5, 'wide') is ignored, as if unset."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # a stream already closed or detached
                pass
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.strip().isdigit() and int(value) > 0):
            del os.environ[name]


def _console(stderr: bool, run: RunContext):
    from rich.console import Console

    # NO_COLOR (no-color.org): no ANSI styling at all, not even bold — rich alone keeps bold.
    plain: dict[str, Any] = {"color_system": None} if run.no_color else {}
    terminal = run.stderr_terminal if stderr else run.stdout_terminal
    if terminal is not None:  # the run's context says what the stream is (a test's RunContext)
        plain["force_terminal"] = terminal
    console = Console(stderr=stderr, markup=False, highlight=False, emoji=False, **plain)
    if not stderr:  # rich exits 1 on a closed pipe; `servicekb list | head -1` is a success
        console.on_broken_pipe = quiet_broken_pipe  # type: ignore[method-assign]
    return console


def out():
    """The stdout console: no markup, no highlighting — data is shown as it is."""
    return current().console(stderr=False)


def _document_width() -> int:
    try:
        if os.environ.get("COLUMNS"):
            return int(os.environ["COLUMNS"])
    except ValueError:
        pass
    for stream in (sys.stderr, sys.stdin):  # stdout is the pipe; the person is at stderr's terminal
        try:
            if stream is not None and stream.isatty():
                return os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            continue
    return 100


def document_console(stream: Optional[IO[str]] = None):
    """Where a document (report, show) goes: the terminal console, or — piped or saved (to
    `stream`, -o FILE) — plain text without colour, as wide as $COLUMNS, else as the terminal the
    command runs in (so `| less` fits it), else 100 columns."""
    run = current()
    if stream is None and run.stdout_is_terminal():
        return out()
    if stream is not None or "document" not in run.consoles:
        from rich.console import Console

        width = _document_width()
        console = Console(
            file=cast("IO[str]", _TrimmedLines(stream)),  # the part of a text stream rich uses
            markup=False,
            highlight=False,
            emoji=False,
            color_system=None,
            width=max(width, 20),
            force_terminal=False,
            soft_wrap=False,
        )
        console.on_broken_pipe = quiet_broken_pipe  # type: ignore[method-assign]
        if stream is not None:
            return console
        run.consoles["document"] = console
    return run.consoles["document"]


class _TrimmedLines:
    """Standard output for a document that is piped or saved, without the spaces rich pads
    table cells with at the end of a line (in a file they are noise: diffs, `cat -A`)."""

    def __init__(self, target: Optional[IO[str]] = None) -> None:
        self._partial = ""
        self._target = target  # None: sys.stdout as it is when written to

    def _stream(self) -> IO[str]:
        return self._target if self._target is not None else sys.stdout

    @property
    def encoding(self) -> str:
        return getattr(self._stream(), "encoding", None) or "utf-8"

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        lines = (self._partial + text).split("\n")
        self._partial = lines.pop()
        if lines:
            self._stream().write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._partial:
            self._stream().write(self._partial)
            self._partial = ""
        self._stream().flush()


def err():
    """The stderr console of this run."""
    return current().console(stderr=True)


def stdout_is_terminal() -> bool:
    return current().stdout_is_terminal()


PREFIX = "servicekb: "  # before every notice and error: the one place it is written (and error's)


def note(message: str, dim: bool = True) -> None:
    """A notice on stderr (never mixed into data on stdout), `servicekb: ` before it — the one
    writer of notices, so no message carries the prefix itself. `dim` on a terminal: a side
    remark (a limit, a rebuilt cache); not dim: the command's own answer (`new`, `fmt`, `import`)."""
    if dim and _stderr_is_terminal():
        err().print(PREFIX + message, style="dim")  # wrapped between words at the terminal width
    else:  # no need for rich (start-up time) when nobody sees colour
        from ..text import visible

        sys.stderr.write(PREFIX + visible(message) + "\n")


def load_kb(data_dir: Optional[Path], no_cache: bool = False):
    """Open the knowledge base (its query methods answer from files as they are now), and say on
    stderr when files have problems — before any output, so that a reader who leaves early
    (`servicekb list | head -1`) does not take the notice with it, and it can explain why an id
    is not found."""
    from ..kb import open_kb

    kb = open_kb(data_dir, use_cache=not no_cache, notice=note, progress=_progress if _stderr_is_terminal() else None)
    report_problems(kb)
    return kb


def report_problems(kb) -> None:
    """A notice on stderr when files have problems: how many, and the first one in full (the
    same message `validate` prints), so a listing never hides that something was left out."""
    problems = kb.problems
    if problems:
        from ..messages import t

        files = len({p.file for p in problems})
        more = t("note.more", n=len(problems) - 1) if len(problems) > 1 else ""
        note(t("note.problems", files=files, first=str(problems[0]).rstrip("."), more=more))


def emit_listing(listing, fmt: str, stream: Optional[IO[str]] = None) -> None:
    """Write a listing in the run's format, chosen once (`ListingOptions.output_format`)."""
    from ..output import render

    render(listing, fmt, console=out() if fmt == "table" else None, stream=stream)


def _stderr_is_terminal() -> bool:
    return current().stderr_is_terminal()


def _progress(total: int):
    """A progress bar on stderr while many files are indexed; returns an update callback."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..messages import t

    bar = Progress(
        TextColumn(t("note.indexing")),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err(),
        transient=True,
    )
    task = bar.add_task("index", total=total)
    bar.start()

    def update(done: int) -> None:
        bar.update(task, completed=done)
        if done >= total:
            bar.stop()

    return update


def env_debug() -> bool:
    return os.environ.get("SERVICEKB_DEBUG", "") not in ("", "0")


def quiet_broken_pipe() -> None:
    """`servicekb list | head -1`: the reader left; exit quietly (Python docs' recipe)."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)
