"""Changing the knowledge base: formatting files, renaming a project, writing new ones.

Every file goes through the one writer (writer.canonical) and is written atomically
(files.write_text_atomic, over atomic.py). Nothing here prints: the commands in cli/ report what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from .errors import EXIT_PROBLEMS, ServiceKBError
from .messages import t

if TYPE_CHECKING:
    from .model import Project
    from .problem import Problem


@dataclass
class Formatted:
    """`fmt` on one file: what it is and what was (or would be) done."""

    path: Path
    shown: str
    state: str  # "canonical", "changed" (or would be, with --check), "invalid", "comments"
    problems: list[Problem] = field(default_factory=list)
    comment_lines: list[int] = field(default_factory=list)


def read_shape(raw: bytes, display: str, stem: str, ref) -> tuple[Optional[Project], list[Problem]]:
    """A file's project by its shape alone (the model), or its located problems: `fmt` formats a
    file whose values the reference data still rejects (an unknown tag is `validate`'s to
    report), never one whose shape is broken."""
    from .loader import check_bytes
    from .model import Project
    from .yamlfile import YAMLFileError, decode, parse

    try:
        data, _ = parse(decode(raw))
        return Project.model_validate(data), []
    except (YAMLFileError, ValueError, TypeError, RecursionError):
        return None, check_bytes(raw, display, stem, ref).problems


def format_file(path: Path, shown: str, ref, check: bool, drop_comments: bool) -> Formatted:
    """Bring one file into canonical form (or, with `check`, say whether it is)."""
    from .files import read_file, write_text_atomic
    from .writer import canonical, comment_lines

    raw, problems = read_file(path, shown)
    if raw is None:
        return Formatted(path, shown, "invalid", problems)
    project, problems = read_shape(raw, shown, path.stem, ref)
    if project is None:
        return Formatted(path, shown, "invalid", problems)
    text = raw.decode("utf-8-sig")
    new = canonical(project)
    if new == text and not raw.startswith(b"\xef\xbb\xbf"):  # a BOM is read, but not canonical
        return Formatted(path, shown, "canonical")
    comments = comment_lines(text)
    if comments and not drop_comments:
        return Formatted(path, shown, "comments", comment_lines=comments)
    if not check:
        write_text_atomic(path, new)
    return Formatted(path, shown, "changed")


@dataclass
class Renamed:
    old: str
    new: str
    file: Path
    links: list[Path]  # other files whose `related` now name the new id


def _valid_project(path: Path, shown: str, ref) -> tuple[Project, str]:
    """A file that a command rewrites: its project and text, or the refusal (an invalid file
    is mended first, by hand)."""
    from .files import read_file
    from .loader import check_bytes

    raw, problems = read_file(path, shown)
    checked = check_bytes(raw, shown, path.stem, ref) if raw is not None else None
    if raw is None or checked is None or checked.project is None:
        first = (checked.problems if checked else problems) or problems
        raise ServiceKBError(t("rename.invalid", file=shown, problem=str(first[0]) if first else ""), EXIT_PROBLEMS)
    return checked.project, raw.decode("utf-8-sig")


def rename(root: Path, old: str, new: str) -> Renamed:
    """Rename a project: its file and id, every `related` link to it in other files, and keep the
    old id in its `former_ids` (so `show OLD` and users' scripts keep working).

    The whole knowledge base is read first and every file to write is made before the first is
    written, so a refusal (an invalid file, a taken id) changes nothing; each file is written
    atomically, the renamed file first and the old one removed last."""
    import re

    from .files import project_files, write_text_atomic
    from .model import ID_PATTERN
    from .paths import reference_dir
    from .reference import Reference
    from .writer import canonical, comment_lines

    if not re.fullmatch(ID_PATTERN, new) or len(new) > 80:
        raise ServiceKBError(t("rename.bad_id", id=new))
    ref = Reference(reference_dir(root))
    files = project_files(root / "projects")
    projects: dict[Path, Project] = {}
    for path in files:
        shown = f"projects/{path.relative_to(root / 'projects').as_posix()}"
        project, text = _valid_project(path, shown, ref)
        if (project.id == old or old in project.related) and comment_lines(text):
            raise ServiceKBError(t("rename.comments", file=shown), EXIT_PROBLEMS)
        projects[path] = project
    by_id = {p.id: path for path, p in projects.items()}
    if old not in by_id:
        from .text import hint_for

        raise ServiceKBError(t("rename.no_such_id", id=old, hint=hint_for(old, by_id)))
    taken = set(by_id) | {f for p in projects.values() for f in p.former_ids}
    if new in taken and new not in projects[by_id[old]].former_ids:
        raise ServiceKBError(t("rename.taken", id=new), EXIT_PROBLEMS)
    source = by_id[old]
    target = source.with_name(f"{new}.yaml")
    if target.exists() and target != source:
        raise ServiceKBError(t("rename.file_exists", file=target.name), EXIT_PROBLEMS)
    project = projects[source]
    former = [f for f in project.former_ids if f != new] + [old]
    renamed = project.model_copy(update={"id": new, "former_ids": list(dict.fromkeys(former))})
    changes: list[tuple[Path, str]] = [(target, canonical(renamed))]
    for path, p in projects.items():
        if path != source and old in p.related:
            related = [new if r == old else r for r in p.related]
            changes.append((path, canonical(p.model_copy(update={"related": list(dict.fromkeys(related))}))))
    for path, text in changes:
        write_text_atomic(path, text)
    if target != source:
        source.unlink()
    return Renamed(old, new, target, [path for path, _ in changes[1:]])


def backlinks(root: Path, project: Project) -> list[tuple[Path, str]]:
    """The files `new` must change so that each project a new one names as related links back
    (validate wants links both ways), each as its path and its new canonical text; refused
    before anything is written if such a file is missing, invalid or holds comments (a
    canonical rewrite would lose them)."""
    from .paths import reference_dir
    from .reference import Reference
    from .writer import canonical, comment_lines

    ref = Reference(reference_dir(root))
    changes = []
    for rid in project.related:
        path = root / "projects" / f"{rid}.yaml"
        shown = f"projects/{rid}.yaml"
        other, text = _valid_project(path, shown, ref)
        if project.id in other.related:
            continue
        if comment_lines(text):
            raise ServiceKBError(t("rename.comments", file=shown), EXIT_PROBLEMS)
        changes.append((path, canonical(other.model_copy(update={"related": [*other.related, project.id]}))))
    return changes


def write_new(root: Path, project: Project, force: bool = False) -> Path:
    """Write a new project file (refusing one that exists: that is `import --update`'s job)."""
    from .files import write_text_atomic
    from .writer import canonical

    path = root / "projects" / f"{project.id}.yaml"
    if path.exists() and not force:
        raise ServiceKBError(t("new.exists", id=project.id, file=path), EXIT_PROBLEMS)
    write_text_atomic(path, canonical(project))
    return path
