"""The command-line interface: a thin shell over the library, one module per command family.

Commands are registered explicitly in `COMMANDS` and imported lazily (click's documented
lazy group, as hatch does): `servicekb list` imports only the list command's module, and
`servicekb --help` imports none of them.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass
from typing import Any

import typer
from typer.core import TyperGroup

from .. import __version__
from .options import DataDir, NoCache


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
    "export": CommandSpec("export", "export_app", "Export projects for other tools: an SQLite database for Datasette, or CSV files."),
    "cache": CommandSpec("cache_cmd", "cache_app", "Show or clear the index cache."),
    "completion": CommandSpec("complete", "completion_app", "Print the shell completion script (bash, zsh or fish)."),
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

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[override]
        """Every way a run can end, in one place: results, library errors, click's usage errors
        (one line, not click's four-line block), Ctrl-C, a closed pipe, and the unexpected."""
        from ..errors import EXIT_INTERRUPTED, EXIT_USAGE

        exceptions = _click_exceptions()
        if "_SERVICEKB_COMPLETE" in os.environ:  # the shell asks for completions (servicekb completion SHELL)
            from typer.completion import completion_init

            completion_init()
        try:
            code = super().main(args, prog_name or "servicekb", complete_var, standalone_mode=False, **extra)
        except exceptions.UsageError as exc:  # bad option value, unknown option or command, missing argument
            error(_usage_message(exc))
            sys.exit(EXIT_USAGE)
        except exceptions.ClickException as exc:
            error(exc.format_message())
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except Exception as exc:  # a bug: one line, and a traceback only when asked for
            from .common import env_debug

            if type(exc).__name__ == "Abort":  # click's wrapper for Ctrl-C / EOF at a prompt
                sys.stderr.write("\n")
                sys.exit(EXIT_INTERRUPTED)
            if env_debug():
                raise
            error(f"unexpected {type(exc).__name__}: {exc} (set SERVICEKB_DEBUG=1 for a traceback)")
            sys.exit(EXIT_USAGE)
        if not standalone_mode:
            return code
        _flush_or_quiet()
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        from ..errors import ServiceKBError
        from .common import reset_consoles

        reset_consoles()  # one pair of consoles per run, sized to this run's terminal
        try:
            return super().invoke(ctx)
        except ServiceKBError as exc:
            error(exc.message)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:  # click's own handler would exit 1, the code for "no results"
            _quiet_broken_pipe()

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            from ..text import suggest

            if name == "help":
                ctx.fail("there is no 'help' command; use `servicekb --help` or `servicekb COMMAND --help`.")
            close = suggest(name, COMMANDS, n=1, cutoff=0.5)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            ctx.fail(f"no such command {name!r}.{hint} Commands: {', '.join(COMMANDS)}.")
        return super().resolve_command(ctx, args)


def _usage_message(exc) -> str:
    """click's usage error as one line, naming where to read more."""
    import re

    message = " ".join(exc.format_message().split())
    message = re.sub(r" \(Possible options: ([^)]*)\)", lambda m: f". Did you mean {m.group(1).replace(',', ' or')}?", message)
    message = message[:1].lower() + message[1:]
    if "--help" in message:
        return message
    path = exc.ctx.command_path if exc.ctx is not None else "servicekb"
    return f"{message} (see `{path} -h`)"


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
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    data_dir: DataDir = None,
    no_cache: NoCache = False,
) -> None:
    """A knowledge base of rural-service pilot projects."""
    # Global options may come before the command too (`servicekb --data-dir kb2 list`): they
    # become the defaults of every command's own option of the same name (click's default_map).
    defaults: dict[str, Any] = {}
    if data_dir is not None:
        defaults["data_dir"] = str(data_dir)
    if no_cache:
        defaults["no_cache"] = True
    if defaults:
        ctx.default_map = {name: _defaults_for(name, defaults) for name in COMMANDS}


def _defaults_for(name: str, defaults: dict[str, Any]) -> dict[str, Any]:
    if name == "cache":  # a group: its sub-commands look one level deeper
        return {"info": dict(defaults), "clear": dict(defaults)}
    return dict(defaults)


def main() -> None:
    """Console entry point (see _Group.main for how a run ends)."""
    app()


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


def _quiet_broken_pipe() -> None:
    """`servicekb list | head -1`: the reader left; exit quietly (Python docs' recipe)."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)

