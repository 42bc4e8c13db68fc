"""new: one project file from options (and, on a terminal, prompts for what is missing)."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from ..messages import command_help, help_t, t
from .common import command_app, note
from .options import DataDir, vocabulary_help

new_app = command_app()

Text = Optional[str]
Many = Optional[list[str]]


def _o(*names: str, help_key: str) -> Any:
    return typer.Option(*names, help=vocabulary_help(help_key), show_default=False)


@new_app.command(help=command_help("new"))
def new(
    title: Annotated[Text, _o("--title", help_key="opt.new_title")] = None,
    theme: Annotated[Text, _o("--theme", "-t", help_key="opt.new_theme")] = None,
    kind: Annotated[Text, _o("--kind", help_key="opt.new_kind")] = None,
    status: Annotated[Text, _o("--status", help_key="opt.new_status")] = None,
    summary: Annotated[Text, _o("--summary", help_key="opt.new_summary")] = None,
    owner: Annotated[Text, _o("--owner", help_key="opt.new_owner")] = None,
    owner_type: Annotated[Text, _o("--owner-type", help_key="opt.new_owner_type")] = None,
    contact_organisation: Annotated[Text, _o("--contact-organisation", help_key="opt.new_contact")] = None,
    partner: Annotated[Many, _o("--partner", help_key="opt.new_partner")] = None,
    county: Annotated[Many, _o("--county", "--region", "-r", help_key="opt.new_county")] = None,
    municipality: Annotated[Many, _o("--municipality", "-m", help_key="opt.new_municipality")] = None,
    place: Annotated[Many, _o("--place", help_key="opt.new_place")] = None,
    scope: Annotated[Text, _o("--scope", help_key="opt.new_scope")] = None,
    start_date: Annotated[Text, _o("--start-date", help_key="opt.new_start_date")] = None,
    end_date: Annotated[Text, _o("--end-date", help_key="opt.new_end_date")] = None,
    total_cost: Annotated[Text, _o("--total-cost", help_key="opt.new_total_cost")] = None,
    budget: Annotated[Text, _o("--budget", help_key="opt.new_budget")] = None,
    public_support: Annotated[Text, _o("--public-support", help_key="opt.new_public_support")] = None,
    co_funder: Annotated[Many, _o("--co-funder", help_key="opt.new_co_funder")] = None,
    activity: Annotated[Many, _o("--activity", help_key="opt.new_activity")] = None,
    result: Annotated[Many, _o("--result", help_key="opt.new_result")] = None,
    lesson: Annotated[Many, _o("--lesson", help_key="opt.new_lesson")] = None,
    tag: Annotated[Many, _o("--tag", help_key="opt.new_tag")] = None,
    related: Annotated[Many, _o("--related", help_key="opt.new_related")] = None,
    link: Annotated[Many, _o("--link", help_key="opt.new_link")] = None,
    source: Annotated[Text, _o("--source", help_key="opt.new_source")] = None,
    source_publisher: Annotated[Text, _o("--source-publisher", help_key="opt.new_source_publisher")] = None,
    source_title: Annotated[Text, _o("--source-title", help_key="opt.new_source_title")] = None,
    source_url: Annotated[Text, _o("--source-url", help_key="opt.new_source_url")] = None,
    source_date: Annotated[Text, _o("--source-date", help_key="opt.new_source_date")] = None,
    programme: Annotated[Text, _o("--programme", help_key="opt.new_programme")] = None,
    section: Annotated[Text, _o("--section", help_key="opt.new_section")] = None,
    project_id: Annotated[Text, _o("--id", help_key="opt.new_id")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=help_t("opt.new_dry_run"))] = False,
    no_input: Annotated[bool, typer.Option("--no-input", help=help_t("opt.no_input"))] = False,
    data_dir: DataDir = None,
) -> None:
    """servicekb new (its help: messages `cmd.new`, `help.new`)."""
    import sys

    from ..authoring import build, missing
    from ..errors import EXIT_PROBLEMS, EXIT_USAGE, ServiceKBError
    from ..files import project_files, write_text_atomic
    from ..maintenance import backlinks, write_new
    from ..paths import data_dir as resolve_data_dir
    from ..paths import reference_dir
    from ..reference import Reference
    from ..writer import canonical
    from .common import stdout_is_terminal

    root = resolve_data_dir(data_dir)
    ref = Reference(reference_dir(root))
    values: dict[str, Any] = {
        "id": project_id,
        "title": title,
        "theme": theme,
        "kind": kind,
        "status": status,
        "summary": summary,
        "owner_name": owner,
        "owner_type": owner_type,
        "contact_organisation": contact_organisation,
        "partners": partner,
        "counties": _split(county),
        "municipalities": _split(municipality),
        "places": place,
        "scope": scope,
        "start_date": start_date,
        "end_date": end_date,
        "total_cost_sek": total_cost,
        "budget_sek": budget,
        "public_support_sek": public_support,
        "co_funders": co_funder,
        "activities": activity,
        "results": result,
        "lessons": lesson,
        "tags": _split(tag),
        "related": _split(related),
        "links": link,
        "source": source,
        "source_publisher": source_publisher,
        "source_title": source_title,
        "source_url": source_url,
        "source_date": source_date,
        "source_programme": programme,
        "source_section": section,
    }
    interactive = not no_input and sys.stdin is not None and sys.stdin.isatty() and stdout_is_terminal()
    if interactive:
        _prompt(values, ref)
    gone = missing(values)
    if gone:
        for name in gone:
            note(t("new.missing", option=_OPTION[name], valid=_valid(name, ref)), dim=False)
        raise typer.Exit(EXIT_USAGE)
    taken = {p.stem for p in project_files(root / "projects")}
    project, problems = build(values, ref, taken)
    if project is None:
        for problem in problems:
            note(t("new.problem", option=_OPTION.get(problem.field, problem.field), message=problem.message), dim=False)
        raise typer.Exit(EXIT_PROBLEMS)
    if project.id in taken:
        raise ServiceKBError(t("new.taken", id=project.id), EXIT_PROBLEMS)
    unknown = [rid for rid in project.related if rid not in taken]
    if unknown:  # validate would refuse the file: say so before it is written
        for rid in unknown:
            note(t("new.problem", option="--related", message=t("new.related_unknown", id=rid)), dim=False)
        raise typer.Exit(EXIT_PROBLEMS)
    links = backlinks(root, project)  # every file to change is made before the first is written
    if dry_run:
        sys.stdout.write(canonical(project))
        return
    path = write_new(root, project)
    for other, text in links:
        write_text_atomic(other, text)
    note(t("new.wrote", file=path, id=project.id), dim=False)
    if links:
        note(t("new.linked_back", files=", ".join(p.name for p, _ in links)), dim=False)


# Flat field → the option that gives it (for messages).
_OPTION = {
    "id": "--id",
    "title": "--title",
    "theme": "--theme",
    "kind": "--kind",
    "status": "--status",
    "summary": "--summary",
    "owner_name": "--owner",
    "owner_type": "--owner-type",
    "contact_organisation": "--contact-organisation",
    "partners": "--partner",
    "counties": "--county",
    "municipalities": "--municipality",
    "places": "--place",
    "scope": "--scope",
    "start_date": "--start-date",
    "end_date": "--end-date",
    "total_cost_sek": "--total-cost",
    "budget_sek": "--budget",
    "public_support_sek": "--public-support",
    "co_funders": "--co-funder",
    "activities": "--activity",
    "results": "--result",
    "lessons": "--lesson",
    "tags": "--tag",
    "related": "--related",
    "links": "--link",
    "source": "--source",
    "source_publisher": "--source-publisher",
    "source_title": "--source-title",
    "source_url": "--source-url",
    "source_date": "--source-date",
    "source_programme": "--programme",
    "source_section": "--section",
}


def _split(values: Optional[list[str]]) -> Optional[list[str]]:
    """Repeated options and comma lists alike, as the filter options take them."""
    if not values:
        return values
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def _choices(name: str, ref) -> list[str]:
    from ..constants import STATUSES
    from ..messages import status_label

    if name == "theme":
        return [term.label for term in ref.themes.terms]
    if name == "kind":
        return [term.label for term in ref.kinds.terms]
    if name == "owner_type":
        return [term.label for term in ref.owner_types.terms]
    if name == "status":
        return [status_label(s) for s in STATUSES]
    if name == "source":
        return list(ref.sources)
    return []


def _valid(name: str, ref) -> str:
    choices = _choices(name, ref)
    return t("new.valid", values=", ".join(choices)) if choices else ""


def _prompt(values: dict[str, Any], ref) -> None:
    """Ask for each required value that is missing, showing the valid ones (Tab completes them)."""
    from ..authoring import missing

    order = ["title", "theme", "kind", "status", "summary", "owner_name", "owner_type", "counties", "source"]
    asked_source = False
    for name in order:
        if name == "owner_type" and not values.get("owner_name"):
            continue
        if name in ("owner_name", "counties"):
            if values.get(name):
                continue
        elif name == "source":
            if not any(n.startswith("source") for n in missing(values)):
                continue
        elif name not in missing(values):
            continue
        if name == "source":
            asked_source = True
        choices = _choices(name, ref)
        if choices:
            typer.echo(t("new.valid", values=", ".join(choices)).strip(), err=True)  # (a sentence of its own here)
        with _completion(choices):
            values[name] = _ask(name, values, ref)
    if asked_source and not values.get("source"):
        for name in ("source_publisher", "source_title", "source_url", "source_date", "source_programme"):
            if not values.get(name):
                values[name] = _ask(name, values, ref)


def _ask(name: str, values: dict[str, Any], ref) -> Any:
    """One prompt, asked again at once while the answer is wrong (an empty summary, an unknown
    theme, 2024-02-30): a mistake found only after the last prompt lost every answer typed."""
    from ..authoring import missing, resolve

    while True:
        answer = typer.prompt(t(f"new.ask.{name}"), default="", show_default=False, err=True)
        value: Any = (_split([answer]) or None) if name == "counties" else (answer.strip() or None)
        if value is None:
            if name in missing({**values, name: None}):
                typer.echo(t("new.answer_needed"), err=True)
                continue
            return None
        _, problems = resolve({name: value}, ref)
        if not problems:
            return value
        typer.echo(problems[0].message, err=True)


class _completion:
    """Tab completion of the valid values while a prompt waits (readline, where there is one)."""

    def __init__(self, choices: list[str]):
        self.choices = choices
        self.saved: Any = None

    def __enter__(self):
        try:
            import readline
        except ImportError:
            return self
        self.saved = readline.get_completer()
        choices = self.choices

        def complete(text: str, state: int):
            hits = [c for c in choices if c.lower().startswith(text.lower())]
            return hits[state] if state < len(hits) else None

        readline.set_completer(complete)
        readline.parse_and_bind("tab: complete")
        return self

    def __exit__(self, *exc):
        try:
            import readline

            readline.set_completer(self.saved)
        except ImportError:
            pass
