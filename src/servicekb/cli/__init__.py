"""The command-line interface: a thin shell over the library, one module per command family.

Commands are registered explicitly in `COMMANDS` and imported lazily (click's documented
lazy group, as hatch does): `servicekb list` imports only the list command's module, and
`servicekb --help` imports none of them.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from typing import Any

import typer
from typer.core import TyperGroup

from .. import __version__


@dataclass(frozen=True)
class CommandSpec:
    module: str  # under servicekb.cli
    attribute: str  # a typer.Typer holding the command (or sub-commands)
    summary: str  # one line for `servicekb --help`, without importing the module


# Registration order is the order of `servicekb --help`: the everyday commands first.
COMMANDS: dict[str, CommandSpec] = {
    "search": CommandSpec("search", "app", "Search projects: ranked full-text search that knows Swedish."),
    "report": CommandSpec("report", "app", "Report on a county or the whole country: projects, money, lessons."),
    "list": CommandSpec("listing", "app", "List projects (sorted by title), optionally filtered."),
    "show": CommandSpec("show", "app", "Show every field of one project."),
    "stats": CommandSpec("stats", "app", "Count projects and sum their money per county, theme, tag …"),
    "validate": CommandSpec("validate", "validate_app", "Check project files and report every problem, with file, line and field."),
    "schema": CommandSpec("validate", "schema_app", "Print the JSON Schema of a project file."),
    "cache": CommandSpec("cache_cmd", "cache_app", "Show or clear the index cache."),
}


def load_command(name: str) -> Any:
    """The click command of one registered command (imports its module)."""
    spec = COMMANDS[name]
    module = importlib.import_module(f"{__name__}.{spec.module}")
    command = typer.main.get_command(getattr(module, spec.attribute))
    command.name = name
    return command


class _Group(TyperGroup):
    """The root group: lazy commands, and one error format for every failure a user can cause —
    library errors and click's usage errors alike, for the console script and CliRunner."""

    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, cmd_name: str):
        return load_command(cmd_name) if cmd_name in COMMANDS else None

    def format_commands(self, ctx, formatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, spec.summary) for name, spec in COMMANDS.items()])

    def invoke(self, ctx):
        from ..errors import EXIT_INTERRUPTED, ServiceKBError
        from .common import reset_consoles

        reset_consoles()  # one pair of consoles per run, sized to this run's terminal
        try:
            return super().invoke(ctx)
        except ServiceKBError as exc:
            error(exc.message)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            ctx.exit(EXIT_INTERRUPTED)


app = typer.Typer(
    cls=_Group,
    name="servicekb",
    help="A knowledge base of Tillväxtverket's rural-service pilot projects (Landsbygdsprogrammet 2014–2020).\n\n"
    "Examples:\n\n"
    "\b\n"
    "  servicekb search paketautomat\n"
    "  servicekb report --region Dalarna\n"
    "  servicekb search servicepunkt --region Norrbotten --format csv > punkter.csv",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"servicekb {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """A knowledge base of rural-service pilot projects."""


def main() -> None:
    """Console entry point: run the app; errors print once, without a traceback."""
    from ..errors import EXIT_INTERRUPTED
    from .common import env_debug

    _guard_standard_streams()
    try:
        code = app(standalone_mode=False)  # library errors are handled in _Group.invoke
        _flush_or_quiet()
    except KeyboardInterrupt:  # during start-up or argument parsing
        sys.stderr.write("\n")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except SystemExit:
        raise
    except OSError as exc:
        if not _is_output_error(exc):
            raise
        _output_failed(exc)
    except Exception as exc:  # click's usage errors and anything unexpected
        exceptions = _click_exceptions()
        if type(exc).__name__ == "Abort":  # click's wrapper for Ctrl-C / EOF at a prompt
            sys.exit(EXIT_INTERRUPTED)
        if isinstance(exc, exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if env_debug():
            raise
        error(f"unexpected {type(exc).__name__}: {exc} (set SERVICEKB_DEBUG=1 for a traceback)")
        sys.exit(2)
    else:
        sys.exit(code if isinstance(code, int) else 0)


def _click_exceptions():
    """The click exceptions module typer uses (newer typer vendors click as typer._click)."""
    try:
        from typer._click import exceptions  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # typer that depends on click itself
        from click import exceptions  # type: ignore[import-not-found,no-redef,unused-ignore]
    return exceptions


def error(message: str) -> None:
    """The one error format: `servicekb: error: …` on stderr, control characters made visible."""
    from ..text import visible

    sys.stderr.write(f"servicekb: error: {visible(message)}\n")


def _flush_or_quiet() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()


# --- standard streams that are closed or cannot be written (issue 12) -----------------------


class _ClosedOutput:
    """sys.stdout when the shell closed it (`servicekb list >&-`): writing is a clear error."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _guard_standard_streams() -> None:
    """Fill closed descriptors 0–2 with /dev/null, so that no file opened later (the index!)
    takes their number and receives what was meant for a terminal; output to a closed
    stdout is then a one-line error, a closed stdin reads as empty, a closed stderr is quiet."""
    import os

    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                os.open(os.devnull, os.O_RDWR)  # takes the lowest free number: this one
            except OSError:
                pass
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")


def _is_output_error(exc: OSError) -> bool:
    """An error of writing the output (a full disk, /dev/full, a closed stdout), not of reading:
    reading files never fails with these."""
    import errno

    return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EBADF, errno.EIO) and not exc.filename


def _output_failed(exc: OSError) -> None:
    import os

    error(f"cannot write the output: {exc.strerror or exc}")
    try:  # the interpreter flushes stdout again on exit: let that go nowhere, quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass
    sys.exit(2)


def _quiet_broken_pipe() -> None:
    """`servicekb list | head -1`: the reader left; exit quietly (Python docs' recipe)."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)
