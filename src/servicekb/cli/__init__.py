"""The command-line interface: a thin shell over the library (one module per command family)."""

from __future__ import annotations

import sys

import typer
from typer.core import TyperGroup

from .. import __version__


class _Group(TyperGroup):
    """Turns a library error into `servicekb: error: …` and its exit code — for the console
    script and for typer.testing.CliRunner alike."""

    def invoke(self, ctx):
        from ..errors import EXIT_INTERRUPTED, ServiceKBError
        from .common import reset_consoles

        reset_consoles()  # one pair of consoles per run, sized to this run's terminal
        try:
            return super().invoke(ctx)
        except ServiceKBError as exc:
            _error(exc.message)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            ctx.exit(EXIT_INTERRUPTED)


app = typer.Typer(
    cls=_Group,
    name="servicekb",
    help="A knowledge base of Tillväxtverket's rural-service pilot projects (Landsbygdsprogrammet 2014–2020).\n\n"
    "Examples:\n\n"
    "  servicekb search paketautomat\n\n"
    "  servicekb report --region Dalarna\n\n"
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


# Registration order is the order of `servicekb --help`: the everyday commands first.
from . import search, basic, report, cache_cmd  # noqa: E402,F401,I001


def main() -> None:
    """Console entry point: run the app; errors print once, without a traceback."""
    from ..errors import EXIT_INTERRUPTED
    from .common import env_debug

    try:
        code = app(standalone_mode=False)  # library errors are handled in _Group.invoke
    except KeyboardInterrupt:  # during start-up or argument parsing
        sys.stderr.write("\n")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except SystemExit:
        raise
    except Exception as exc:  # click's usage errors and anything unexpected
        exceptions = _click_exceptions()
        if type(exc).__name__ == "Abort":  # click's wrapper for Ctrl-C / EOF at a prompt
            sys.exit(EXIT_INTERRUPTED)
        if isinstance(exc, exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if env_debug():
            raise
        _error(f"unexpected {type(exc).__name__}: {exc} (set SERVICEKB_DEBUG=1 for a traceback)")
        sys.exit(2)
    else:
        _flush_or_quiet()
        sys.exit(code if isinstance(code, int) else 0)


def _click_exceptions():
    """The click exceptions module typer uses (newer typer vendors click as typer._click)."""
    try:
        from typer._click import exceptions
    except ImportError:  # typer that depends on click itself
        from click import exceptions
    return exceptions


def _error(message: str) -> None:
    from ..text import visible

    sys.stderr.write(f"servicekb: error: {visible(message)}\n")


def _flush_or_quiet() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()


def _quiet_broken_pipe() -> None:
    """`servicekb list | head -1`: the reader left; exit quietly (Python docs' recipe)."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)


from .export import export_app; app.add_typer(export_app, name="export")  # noqa: E402,E702
