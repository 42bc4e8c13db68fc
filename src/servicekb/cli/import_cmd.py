"""import: new projects from a CSV file (a spreadsheet, or an export), all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..messages import command_help, help_t, t
from .common import command_app, note
from .options import DataDir

if TYPE_CHECKING:
    from ..model import Project

import_app = command_app()


@import_app.command(help=command_help("import"))
def import_(
    file: Annotated[Path, typer.Argument(help=help_t("arg.import_file"), show_default=False)],
    update: Annotated[bool, typer.Option("--update", help=help_t("opt.import_update"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=help_t("opt.import_dry_run"))] = False,
    data_dir: DataDir = None,
) -> None:
    """servicekb import (its help: messages `cmd.import`, `help.import`)."""
    from ..authoring import build, read_rows, slug
    from ..checks import FileEntry, cross_file_problems
    from ..errors import EXIT_PROBLEMS
    from ..files import project_files, write_text_atomic
    from ..loader import load_projects
    from ..paths import data_dir as resolve_data_dir
    from ..paths import reference_dir
    from ..reference import Reference
    from ..text import visible
    from ..writer import canonical

    root = resolve_data_dir(data_dir)
    ref = Reference(reference_dir(root))
    if not file.is_file():
        from ..errors import UsageError

        raise UsageError(t("err.no_such_path", path=repr(str(file))))
    shown = str(file)
    rows, problems = read_rows(file, shown)
    existing = load_projects(project_files(root / "projects"), ref, projects_dir=root / "projects")
    by_id = {p.id: p for p in existing.projects}
    taken = set(by_id) | {p.stem for p in project_files(root / "projects")}
    planned: dict[str, tuple[int, Project]] = {}
    for row in rows:
        pid = str(row.values.get("id") or "").strip() or None
        if pid is None and row.values.get("title"):
            pid = slug(str(row.values["title"]), taken | set(planned))
        project, found = build(row.values, ref, taken | set(planned), pid=pid)
        problems += [(row.number, f) for f in found]
        # The id is checked whether or not the row is valid otherwise: every problem of every
        # row in one run (a row with a missing title said nothing of its id given twice).
        rid = project.id if project is not None else pid
        if rid is not None and rid in planned:
            problems.append((row.number, _p("id", rid, t("import.id_twice", line=planned[rid][0]))))
        elif rid is not None and rid in taken and not update:
            problems.append((row.number, _p("id", rid, t("import.exists"))))
        elif project is not None:
            planned[project.id] = (row.number, project)
    # The links between files: the new rows together with the projects already there.
    if planned:
        entries = [
            FileEntry(
                f"projects/{pid}.yaml", pid, tuple((r, None, None) for r in p.related), former_ids=tuple(p.former_ids)
            )
            for pid, (_, p) in planned.items()
        ] + [
            FileEntry(
                f"projects/{p.id}.yaml", p.id, tuple((r, None, None) for r in p.related), former_ids=tuple(p.former_ids)
            )
            for p in existing.projects
            if p.id not in planned
        ]
        _, cross = cross_file_problems(entries)
        for located in cross:
            pid = Path(located.file).stem
            if pid in planned:
                problems.append((planned[pid][0], _p(located.field, "", located.message)))
    if problems:
        for line, problem in sorted(problems, key=lambda x: x[0]):
            column = t("import.column", name=problem.field) if problem.field else ""
            value = f" {problem.value!r}" if problem.value else ""
            typer.echo(
                visible(
                    t("import.problem", file=shown, line=line, column=column, value=value, message=problem.message),
                    one_line=True,
                ),
                err=True,
            )
        note(t("import.refused", problems=len(problems), rows=len({line for line, _ in problems})), dim=False)
        raise typer.Exit(EXIT_PROBLEMS)
    if dry_run:
        note(t("import.dry_run", n=len(planned)), dim=False)
        return
    for pid, (_, new) in planned.items():
        write_text_atomic(root / "projects" / f"{pid}.yaml", canonical(new))
    note(t("import.wrote", n=len(planned), folder=root / "projects"), dim=False)


def _p(field: str, value: str, message: str):
    from ..authoring import ValueProblem

    return ValueProblem(field, value, message)
