"""Shell completion: the `completion` command, and values completed from the knowledge base.

Completers run only when the shell asks (TAB), never on an ordinary run.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..messages import command_help, help_t, t
from .common import command_app

completion_app = command_app()
SHELLS = ("bash", "zsh", "fish")


@completion_app.command(help=command_help("completion"))
def completion(shell: Annotated[str, typer.Argument(help=help_t("arg.shell"), show_default=False)]) -> None:
    """servicekb completion (its help: messages `cmd.completion`, `help.completion`)."""
    from typer.completion import get_completion_script

    from ..errors import UsageError
    from ..text import hint_for

    if shell not in SHELLS:
        raise UsageError(
            t(
                "err.unknown_shell",
                shell=repr(shell),
                hint=hint_for(shell, SHELLS),
                shells=", ".join(SHELLS),
            )
        )
    typer.echo(get_completion_script(prog_name="servicekb", complete_var="_SERVICEKB_COMPLETE", shell=shell))


def _reference():
    from ..paths import data_dir, reference_dir
    from ..reference import Reference

    return Reference(reference_dir(data_dir(None)))


def _matching(values, incomplete: str) -> list[str]:
    """The values that begin as typed. A value holding a control, bidi or zero-width character
    (from a file name or a damaged reference file) is never offered: the shell would put it
    into the command line raw, where it can drive the terminal or hide what the line says."""
    from ..text import fold, has_invisible

    key = fold(incomplete)
    return [v for v in values if fold(v).startswith(key) and not has_invisible(v)]


def shell_escaped(value: str) -> str:
    """A value as bash must be given it: bash puts a completion into the command line as it is,
    so 'Västra Götaland' would become two words; with backslashes it is one (Västra\\ Götaland)."""
    import re

    return re.sub(r"([^\w@%+=:,./-])", r"\\\1", value)


def install_quoting() -> None:
    """Completed values quoted for the shell that asks (called when a shell asks, after typer's
    own completion set-up). zsh's and fish's scripts from typer quote what they insert; bash's
    does not, so its values are escaped here."""
    from typer import _completion_classes as classes  # typer's shell classes, and click's registry they use

    class QuotingBash(classes.BashComplete):
        def format_completion(self, item: Any) -> str:
            return shell_escaped(str(item.value))

    classes.add_completion_class(QuotingBash, "bash")


def counties(incomplete: str) -> list[str]:
    return _matching(_reference().counties, incomplete)


def municipalities(incomplete: str) -> list[str]:
    return _matching(_reference().municipalities, incomplete)


def themes(incomplete: str) -> list[str]:
    return _matching([t.slug for t in _reference().themes.terms], incomplete)


def tags(incomplete: str) -> list[str]:
    return _matching([t.slug for t in _reference().tags.terms], incomplete)


def kinds(incomplete: str) -> list[str]:
    return _matching([t.slug for t in _reference().kinds.terms], incomplete)


def owner_types(incomplete: str) -> list[str]:
    return _matching([t.slug for t in _reference().owner_types.terms], incomplete)


def statuses(incomplete: str) -> list[str]:
    from ..constants import STATUSES

    return _matching(STATUSES, incomplete)


def project_ids(incomplete: str) -> list[str]:
    """Ids from the knowledge base's files (their names are the ids): no index needed."""
    from ..files import scan
    from ..paths import data_dir

    names = sorted(
        {
            path.rsplit("/", 1)[-1][: -len(".yaml")]
            for path, *_ in scan(data_dir(None) / "projects")
            if path.endswith(".yaml")
        }
    )
    return _matching(names, incomplete)
