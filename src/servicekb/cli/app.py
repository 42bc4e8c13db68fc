"""The root app object: the command registry, the root group (one error format for every way a
run ends), click's words in the run's language, and the console entry point.

Commands are registered explicitly in `COMMANDS` and imported lazily (click's documented
lazy group, as hatch does): `servicekb list` imports only the list command's module, and
`servicekb --help` imports none of them.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, ClassVar, NamedTuple, Optional

import typer
from typer.core import TyperGroup

from .. import __version__
from ..messages import help_t, help_text, t
from .common import PREFIX, quiet_broken_pipe
from .options import NoCache, RootDataDir


class CommandSpec(NamedTuple):  # (not a frozen dataclass: that costs 0.7 ms at every start)
    module: str  # under servicekb.cli
    attribute: str  # a typer.Typer holding the command (or sub-commands)
    name: str

    @property
    def summary(self) -> str:
        """One line for `servicekb --help`, without importing the module (messages: `cmd.NAME`)."""
        return t(f"cmd.{self.name}")


# Registration order is the order of `servicekb --help`: the everyday commands first.
COMMANDS: dict[str, CommandSpec] = {
    name: CommandSpec(module, attribute, name)
    for name, module, attribute in (
        ("search", "search", "app"),
        ("report", "report", "app"),
        ("list", "listing", "app"),
        ("show", "show", "app"),
        ("similar", "similar", "app"),
        ("stats", "stats", "app"),
        ("validate", "validate", "validate_app"),
        ("new", "new", "new_app"),
        ("import", "import_cmd", "import_app"),
        ("fmt", "fmt", "fmt_app"),
        ("rename", "rename", "rename_app"),
        ("diff", "diff", "diff_app"),
        ("schema", "validate", "schema_app"),
        ("export", "export", "export_app"),
        ("cache", "cache_cmd", "cache_app"),
        ("completion", "complete", "completion_app"),
    )
}


def load_command(name: str) -> Any:
    """The click command of one registered command (imports its module)."""
    spec = COMMANDS[name]
    module = importlib.import_module(f"{__package__}.{spec.module}")
    command = typer.main.get_command(getattr(module, spec.attribute))
    command.name = name
    _speak_the_run_language(command)
    return command


def _speak_the_run_language(command: Any) -> None:
    """Help in this run's language, put in words now (messages.reword: the texts made when the
    module was imported, in whatever language that run had), click's own words in help (Usage,
    Options, [required] …) from the message table too, and --lang listed in each command's help."""
    _reword(command)
    command.context_class = _Context
    if not hasattr(command, "commands") and not any(p.name == "lang" for p in command.params):
        command.params.append(_lang_option())
    for sub in getattr(command, "commands", {}).values():
        _speak_the_run_language(sub)


def _reword(command: Any) -> None:
    from ..messages import reword

    command.help = reword(command.help)
    command.short_help = reword(command.short_help)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = reword(param.help)


def _click_module() -> Any:
    """The click that typer uses (newer typer vendors click as typer._click)."""
    try:
        import typer._click as click_module  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # typer that depends on click itself
        import click as click_module  # type: ignore[import-not-found,no-redef,unused-ignore]
    return click_module


_click = _click_module()


class _HelpFormatter(_click.HelpFormatter):  # type: ignore[misc,name-defined,unused-ignore]
    """click's help layout with click's own words (Usage, Options, [required] …) in the run's
    language; the help texts themselves come translated from the message table."""

    _HEADINGS: ClassVar[dict[str, str]] = {
        "Options": "help.options",
        "Arguments": "help.arguments",
        "Commands": "help.commands",
    }
    _EXTRAS: ClassVar[tuple[tuple[str, str], ...]] = (
        (r"env var: (?P<var>.*)", "help.env_var"),
        (r"default: (?P<default>.*)", "help.default"),
        (r"required", "help.required"),
    )

    def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
        if prefix is None:
            prefix = t("help.usage") + " "
        args = args.replace("[OPTIONS]", t("help.options_metavar")).replace(
            "COMMAND [ARGS]...", t("help.command_metavar")
        )
        super().write_usage(prog, _metavars(args), prefix)

    def write_heading(self, heading: str) -> None:
        key = self._HEADINGS.get(heading)
        super().write_heading(t(key) if key else heading)

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().write_dl([(_metavars(first), self._help(second)) for first, second in rows], *args, **kwargs)

    def _help(self, text: str) -> str:
        import re

        if text == "Show this message and exit.":  # click's help option
            return t("opt.help")

        def extras(match: Any) -> str:
            parts = []
            for part in match.group(1).split("; "):
                for pattern, key in self._EXTRAS:
                    found = re.fullmatch(pattern, part)
                    if found:
                        part = t(key, **found.groupdict())
                        break
                parts.append(part)
            return "[" + "; ".join(parts) + "]"

        return re.sub(r"\[((?:env var|default|required)[^\]]*)\]$", extras, text)


def _metavars(text: str) -> str:
    """click's placeholders (<str>, <path>, paths...) as words of the run's language
    (messages `metavar.*`): 'VÄRDE', 'SÖKVÄG', '[SÖKVÄGAR]...'."""
    import re

    from ..messages import MESSAGES

    def typed(match: Any) -> str:
        key = f"metavar.{match[1]}"
        return t(key) if key in MESSAGES else match[0]

    def argument(match: Any) -> str:
        key = f"metavar.{match[2]}"
        if key not in MESSAGES:
            return match[0]
        return match[1] + (f"[{t(key)}]" if match[3] else t(key)) + match[4]

    def required(match: Any) -> str:  # a required argument, as typer writes it: {old}
        key = f"metavar.{match[1]}"
        return t(key) if key in MESSAGES else match[1].upper()

    text = re.sub(r"<(\w+)>", typed, text)
    text = re.sub(r"\{(\w+)\}", required, text)
    return re.sub(r"(^|(?<=\s))(?:\[)?([a-z_]+)(\])?(\.\.\.)", argument, text)


def _lang_option() -> Any:
    """--lang in every command's help (its value is taken before parsing: messages.take_language_option)."""
    from typer.core import TyperOption

    return TyperOption(param_decls=["--lang"], metavar="sv|en", help=help_t("opt.lang"), expose_value=False)


class _Context(_click.Context):  # type: ignore[misc,name-defined,unused-ignore]
    formatter_class = _HelpFormatter

    def lookup_default(self, name: str, call: bool = True) -> Any:
        """A global option given before the command (`servicekb --data-dir kb2 export csv out`)
        is the default of the command's own option of that name, at any depth of sub-command:
        the one place every command gets the shared options from (see `_root`)."""
        given = self.meta.get(GLOBAL_OPTIONS)
        if given and name in given:
            return given[name]
        return super().lookup_default(name, call=call)


class _Group(TyperGroup):
    """The root group: lazy commands, and one error format for every failure a user can cause —
    library errors and click's usage errors alike, for the console script and CliRunner."""

    context_class = _Context

    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, cmd_name: str):
        return load_command(cmd_name) if cmd_name in COMMANDS else None

    def format_commands(self, ctx, formatter) -> None:
        with formatter.section(t("help.commands")):
            formatter.write_dl([(name, spec.summary) for name, spec in COMMANDS.items()])

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[override]
        """One run: its --lang holds for this run only (a second run in the same process, as a
        test's CliRunner makes, follows the environment again)."""
        from ..messages import use_language

        use_language(None)
        try:
            return self._run(args, prog_name, complete_var, standalone_mode, **extra)
        finally:
            use_language(None)

    def _run(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Every way a run can end, in one place: results, library errors, click's usage errors
        (one line, not click's four-line block), Ctrl-C, a closed pipe, and the unexpected."""
        from ..errors import EXIT_INTERRUPTED, EXIT_USAGE

        exceptions = _click_exceptions()
        from .common import tolerant_streams

        tolerant_streams()
        if "_SERVICEKB_COMPLETE" in os.environ:  # the shell asks for completions (servicekb completion SHELL)
            from typer.completion import completion_init

            from .complete import install_quoting

            completion_init()
            install_quoting()  # values with spaces reach the command line as one word
        try:
            from ..messages import take_language_option

            try:
                args = take_language_option(list(args) if args is not None else sys.argv[1:])
            except ValueError as exc:
                error(str(exc))
                sys.exit(EXIT_USAGE)
            _reword(self)  # the root's help and options, in the language --lang just chose
            code = super().main(args, prog_name or "servicekb", complete_var, standalone_mode=False, **extra)
            if standalone_mode:
                _flush_or_quiet()  # inside the try: a full disk shows up here
        except getattr(
            exceptions, "NoArgsIsHelpError", ()
        ) as exc:  # `servicekb`, `servicekb cache`: the help, as click prints it
            sys.stderr.write(exc.ctx.get_help() + "\n")
            sys.exit(EXIT_USAGE)
        except exceptions.UsageError as exc:  # bad option value, unknown option or command, missing argument
            error(_usage_message(exc, args))
            sys.exit(EXIT_USAGE)
        except exceptions.ClickException as exc:
            error(exc.format_message())
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            quiet_broken_pipe()
        except OSError as exc:
            if not _is_output_error(exc):  # (reading a file never fails this way)
                raise
            _output_failed(exc)  # /dev/full, a closed stdout: one line, exit 2
        except Exception as exc:  # a bug: one line, and a traceback only when asked for
            from .common import env_debug

            if type(exc).__name__ == "Abort":  # click's wrapper for Ctrl-C / EOF at a prompt
                sys.stderr.write("\n")
                sys.exit(EXIT_INTERRUPTED)
            if env_debug():
                raise
            error(t("err.unexpected", kind=type(exc).__name__, detail=exc))
            sys.exit(EXIT_USAGE)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        from ..errors import ServiceKBError
        from .common import RunContext

        if not isinstance(ctx.obj, RunContext):  # a test may give its own (CliRunner's obj=)
            ctx.obj = RunContext.from_environment()  # one context per run: consoles sized to its terminal
        try:
            return super().invoke(ctx)
        except ServiceKBError as exc:
            error(exc.message)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:  # click's own handler would exit 1, the code for "no results"
            quiet_broken_pipe()

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            from ..text import hint_for

            if name == "help":
                ctx.fail(t("err.no_help_command"))
            hint = hint_for(name, COMMANDS, n=1, cutoff=0.5)
            ctx.fail(t("err.no_such_command", name=repr(name), hint=hint, commands=", ".join(COMMANDS)))
        return super().resolve_command(ctx, args)


def _usage_message(exc, args=None) -> str:
    """click's usage error as one line in the run's language, naming where to read more."""
    message = _translate_click(" ".join(exc.format_message().split()))
    message = message[:1].lower() + message[1:]
    path = exc.ctx.command_path if exc.ctx is not None else "servicekb"
    word = _excluded_word(exc, args or [])
    if word is not None:  # `search paket -ombud`: click read -ombud as the flags -o -m -b …
        return f"{message} {t('err.exclude_after_dashes', word=word, path=path)}"
    if "--help" in message:
        return message
    return f"{message} {t('err.see_help', path=path)}"


def _excluded_word(exc, args: list[str]) -> Optional[str]:
    """The query's `-word` that click took for short flags, when the error is about one."""
    option = getattr(exc, "option_name", None)
    name = exc.ctx.command.name if exc.ctx is not None else ""
    if name not in ("search", "similar") or not option or option.startswith("--") or "--" in args:
        return None
    return next((a for a in args if a.startswith(option) and len(a) > 2 and a[1:].isalpha()), None)


# click's (and typer's) English usage errors → the message table. Each pattern matches the
# whole message; one that matches none (a click release with new wording) stays as click wrote it.
_CLICK_ERRORS: tuple[tuple[str, str], ...] = (
    (r"No such option: (?P<option>\S+)(?: \(Possible options: (?P<possible>[^)]*)\))?", "err.no_such_option"),
    (r"No such option: (?P<option>\S+) Did you mean (?P<possible>\S+)\?", "err.no_such_option"),  # click itself
    (r"No such command (?P<name>.+?)\.", "err.no_such_subcommand"),
    (r"Missing command\.", "err.missing_command"),
    (r"Invalid value for (?P<param>.+?): (?P<problem>.*)", "err.invalid_value"),
    (r"Missing argument (?P<name>\S+)\.", "err.missing_argument"),
    (r"Missing option (?P<name>.+?)\.", "err.missing_option"),
    (r"Option (?P<option>\S+) requires an argument\.", "err.requires_argument"),
    (r"Option (?P<option>\S+) does not take a value\.", "err.takes_no_value"),
    (r"Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.*)\)", "err.extra_arguments"),
)


def _translate_click(message: str) -> str:
    import re

    for pattern, key in _CLICK_ERRORS:
        match = re.fullmatch(pattern, message)
        if match is None:
            continue
        values = {k: v for k, v in match.groupdict().items() if v is not None}
        possible = values.pop("possible", None)
        if "problem" in values:
            values["problem"] = _translate_problem(values["problem"])
        text = t(key, **values)
        if possible:  # click lists close option names: say it as everywhere else
            from ..text import did_you_mean

            text += "." + did_you_mean(possible.split(", "), quoted=False)
        return text
    return message


def _translate_problem(problem: str) -> str:
    """The reason inside click's 'Invalid value': "'abc' is not a valid int." """
    import re

    from ..messages import MESSAGES

    match = re.fullmatch(r"(?P<value>.+) is not a valid (?P<type>[\w ]+?)\.?", problem)
    if match is None:
        return problem
    kind = match["type"]
    return t("err.not_a_valid", value=match["value"], type=t(f"type.{kind}") if f"type.{kind}" in MESSAGES else kind)


app = typer.Typer(
    cls=_Group,
    name="servicekb",
    help=help_text("root"),
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
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help=help_t("opt.version")),
    data_dir: RootDataDir = None,
    no_cache: NoCache = False,
    lang: Optional[str] = typer.Option(None, "--lang", metavar="sv|en", show_default=False, help=help_t("opt.lang")),
) -> None:
    """A knowledge base of rural-service pilot projects."""
    # --lang is listed here for the help; its value is taken before parsing (messages.take_language_option).
    # Global options may come before the command too (`servicekb --data-dir kb2 list`): they
    # become the defaults of every command's own option of the same name, in every sub-command
    # (_Context.lookup_default). $SERVICEKB_DATA is read here, so that --data-dir on the command
    # line, before or after the command, wins over it.
    given: dict[str, Any] = {}
    if data_dir is not None:
        given["data_dir"] = data_dir
    if no_cache:
        given["no_cache"] = True
    ctx.meta[GLOBAL_OPTIONS] = given


GLOBAL_OPTIONS = "servicekb.global_options"  # ctx.meta key: the global options given before the command


def main(args: Optional[list[str]] = None) -> None:
    """Console entry point (see _Group.main for how a run ends, and where --lang is taken)."""
    _guard_standard_streams()
    app(args=args)


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

    sys.stderr.write(f"{PREFIX}error: {visible(message)}\n")


def _flush_or_quiet() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_broken_pipe()


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

    from ..errors import EXIT_USAGE

    error(t("err.output_failed", reason=exc.strerror or exc))
    try:  # the interpreter flushes stdout again on exit: let that go nowhere, quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass
    sys.exit(EXIT_USAGE)
