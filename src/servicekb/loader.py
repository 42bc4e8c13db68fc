"""Files → validated projects plus every problem found (not just the first).

A problem names the file, line and column, the field and what is wrong, in plain words.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import FileEntry, check_project, cross_file_problems
from .files import MAX_FILE_BYTES, read_file
from .model import Project
from .problem import Problem
from .reference import Reference
from .text import suggest
from .yamlfile import Duplicate, Mark, Marks, YAMLFileError, decode, parse


@dataclass
class LoadResult:
    """What loading files gave: the valid projects and every problem found."""

    projects: list[Project] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    entries: list[FileEntry] = field(default_factory=list)  # of the valid files

    @property
    def invalid_files(self) -> int:
        return len({p.file for p in self.problems})


def dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# pydantic's error types that share one message (`problem.TYPE` in the message table)
_SAME_AS = {
    "model_type": "dict_type",
    "model_attributes_type": "dict_type",
    "date_from_datetime_parsing": "date_type",
    "date_parsing": "date_type",
}


def _message(err: dict) -> tuple[str, dict]:
    """A pydantic error → (message key, values). The model's own errors are custom errors whose
    type is the key (model.py); an error type the table lacks keeps pydantic's English words."""
    from .messages import MESSAGES

    etype = _SAME_AS.get(err["type"], err["type"])
    ctx = err.get("ctx") or {}
    if etype == "literal_error":
        return etype, {"expected": str(ctx.get("expected", "")).replace(" or ", ", ")}
    if f"problem.{etype}" in MESSAGES:
        return etype, {k: v for k, v in ctx.items() if isinstance(v, (str, int))}
    return "other", {"text": err["msg"][0].lower() + err["msg"][1:]}


def _model_fields(path: tuple) -> list[str]:
    """Field names allowed at a path (for 'did you mean' on unknown fields)."""
    model = Project
    for part in path:
        if isinstance(part, int):
            continue
        info = getattr(model, "model_fields", {}).get(part)
        if info is None:
            return []
        ann = info.annotation
        inner = [a for a in getattr(ann, "__args__", (ann,)) if hasattr(a, "model_fields")]
        if not inner:
            return []
        model = inner[0]
    return list(getattr(model, "model_fields", {}))


def _locate(marks: Marks, path: tuple, key: bool = False) -> Mark | None:
    if key and path:
        m = marks.get(path[:-1] + ("<key>", path[-1]))
        if m:
            return m
    while True:
        mark = marks.get(path)
        if mark is not None:
            return mark
        if not path:
            return None
        path = path[:-1]


@dataclass
class Checked:
    """One file, read and checked: the project (or None) and every problem found in it."""

    project: Project | None
    problems: list[Problem]
    entry: FileEntry | None = None  # for the rules that span files (see checks.cross_file_problems)


def check_file(path: Path, display: str, ref: Reference, key: str = "") -> Checked:
    """THE path from a file to (project | problems), for `validate` and the index alike.

    `key` is the file's path inside projects/, when it lies there (see checks.FileEntry)."""
    raw, problems = read_file(path, display)
    if raw is None:
        return Checked(None, problems)
    return check_bytes(raw, display, path.stem, ref, key)


def check_bytes(raw: bytes, display: str, stem: str, ref: Reference, key: str = "") -> Checked:
    """One file's bytes → Checked (the file name's stem must equal the id)."""
    try:
        project, problems, marks = _load_text(raw, display, stem, ref)
    except RecursionError:
        return Checked(None, [Problem.of(display, None, None, "", "too_deep")])
    if project is None:
        return Checked(None, problems)
    related = []
    for i, rid in enumerate(project.related):
        mark = marks.get(("related", i)) if marks is not None else None
        related.append((rid, mark.line if mark else None, mark.column if mark else None))
    entry = FileEntry(display, project.id, tuple(related), key, tuple(project.former_ids), tuple(project.tags))
    return Checked(project, problems, entry)


def load_text(raw: bytes, name: str, stem: str, ref: Reference) -> tuple[Project | None, list[Problem]]:
    """One file's bytes → (project or None, problems)."""
    checked = check_bytes(raw, name, stem, ref)
    return checked.project, checked.problems


def _load_text(raw: bytes, name: str, stem: str, ref: Reference) -> tuple[Project | None, list[Problem], Marks | None]:
    """→ (project or None, problems, marks): marks are kept for the cross-file checks."""
    from pydantic import ValidationError

    def problem(mark: Mark | None, path: tuple, key: str, **params: object) -> Problem:
        return Problem.of(name, mark.line if mark else None, mark.column if mark else None, dotted(path), key, **params)

    if len(raw) > MAX_FILE_BYTES:
        return None, [problem(None, (), "file_too_large", size=len(raw))], None
    duplicates: list[Duplicate] = []
    try:
        data, marks = parse(decode(raw), duplicates)
    except YAMLFileError as exc:
        return None, [problem(exc.mark, (), exc.key, **exc.params)], None
    if data is None:
        return None, [problem(None, (), "empty")], None
    if not isinstance(data, dict):
        return None, [problem(marks.get(()), (), "top_list" if isinstance(data, list) else "top_scalar")], None
    # A key given twice is a problem of its own; the rest of the file is checked with its first
    # value, so that every problem of the file is reported in one round.
    twice = [problem(d.mark, d.path, "duplicate_key", name=str(d.path[-1]), first=d.first) for d in duplicates]
    try:
        project = Project.model_validate(data)
    except ValidationError as exc:
        out = list(twice)
        wrong: list[tuple] = []
        for err in exc.errors(include_input=False):  # include_input=False: never render huge inputs
            path = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            path = tuple(p for p in path if p != "tagged-union")
            key, params = _message(dict(err))
            if key == "extra_forbidden":
                params = {"name": str(path[-1]), "hint": suggest(str(path[-1]), _model_fields(path[:-1]))}
            out.append(problem(_locate(marks, path, key=key == "extra_forbidden"), path, key, **params))
            wrong.append(path)
        # Every problem in one round: the rules on values still run over the fields whose
        # shape is right, so fixing the shape does not reveal a second round of problems.
        for path, key, params in check_project(data, ref, stem):
            if not any(path[: len(w)] == w or w[: len(path)] == path for w in wrong):
                out.append(problem(_locate(marks, path), path, key, **params))
        out.sort(key=lambda p: (p.line or 0, p.column or 0))
        return None, out, marks
    findings = check_project(project, ref, stem)
    if findings or twice:
        found = twice + [problem(_locate(marks, path), path, key, **params) for path, key, params in findings]
        return None, sorted(found, key=lambda p: (p.line or 0, p.column or 0)), marks
    return project, [], marks


def load_projects(
    paths: list[Path],
    ref: Reference,
    root: Path | None = None,
    known_ids: Iterable[str] = (),
    projects_dir: Path | None = None,
) -> LoadResult:
    """Check files one by one, then the rules that span files (unique ids, related ids).

    Files inside `projects_dir` are named as the index names them (projects/…) in messages
    about other files, so `validate` and every other command say the same."""
    result = LoadResult(files=len(paths))
    checked: list[Checked] = []
    base = Path(os.path.abspath(projects_dir)) if projects_dir is not None else None  # links stay links
    for path in paths:
        key = ""
        if base is not None:
            try:
                key = Path(os.path.abspath(path)).relative_to(base).as_posix()
            except ValueError:
                pass
        one = check_file(path, _display(path, root), ref, key)
        result.problems += one.problems
        checked.append(one)
    result.entries = [c.entry for c in checked if c.entry is not None]
    losers, problems = cross_file_problems(result.entries, known_ids)
    result.problems += problems
    result.projects = [c.project for c in checked if c.project is not None and c.entry and c.entry.file not in losers]
    return result


def _display(path: Path, root: Path | None) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    for base in (Path.cwd(), root):
        if base is not None:
            try:
                return str(path.resolve().relative_to(base.resolve()))
            except ValueError:
                pass
    return str(path)


@dataclass
class Validation:
    """What `validate` found: every problem of every file, in one round."""

    problems: list[Problem]
    files: int  # files checked (the named ones, or every file of the knowledge base)
    named: set[str] | None = None  # the named files as problems name them (None: every file)

    @property
    def own(self) -> list[Problem]:
        """The problems of the files checked."""
        return [p for p in self.problems if self.named is None or p.file in self.named]

    @property
    def elsewhere(self) -> list[Problem]:
        """Problems that the rules spanning files found in files that were not named (a link to
        an id a named file no longer has): reported, but not counted as the named files'."""
        return [p for p in self.problems if self.named is not None and p.file not in self.named]

    @property
    def invalid_files(self) -> int:
        return len({p.file for p in self.own})


def validate(root: Path, paths: list[Path] | None = None, spelling: bool = False) -> Validation:
    """The one complete check of a knowledge base folder (`servicekb validate`).

    Named files are checked as part of the knowledge base: a named file that lies outside it
    stands in for the file of the same name inside it (a changed copy), and the rules that span
    files always run over the whole knowledge base — a renamed id is reported in the other files
    that still link to it, also when only the renamed file is named. Reference data is checked
    when the knowledge base has its own reference/ folder (unused tags, the thesaurus)."""
    from .files import project_files
    from .paths import reference_dir

    projects_dir = root / "projects"
    ref = Reference(reference_dir(root))
    every = project_files(projects_dir) if projects_dir.is_dir() else []
    named = every if paths is None else paths
    by_stem = {p.stem: p for p in every}
    for p in named:
        if p not in every:
            by_stem[p.stem] = p  # a named copy stands in for the file of its name
    files = sorted(set(by_stem.values()) | set(named))
    result = load_projects(files, ref, known_ids={f.stem for f in files}, projects_dir=projects_dir)
    shown = {_display(p, None) for p in named}
    problems = [p for p in result.problems if p.file in shown or p.key in _CROSS_FILE]
    if (root / "reference").is_dir():
        from .checks import reference_problems

        texts = [_text_of(p) for p in result.projects]
        problems += reference_problems(ref, result.entries, texts, spelling=spelling)
    return Validation(problems, len(named), None if paths is None else shown)


# Problems of the rules that span files: reported whichever file of the knowledge base holds them.
_CROSS_FILE = {"duplicate_id", "related_unknown", "related_one_way", "related_renamed", "former_id_taken"}


def _text_of(project: Project) -> str:
    parts = [project.title, project.summary, *project.activities, *project.results, *project.lessons]
    return " ".join(parts + list(project.tags) + list(project.geography.places))
