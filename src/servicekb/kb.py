"""The knowledge base: validated projects of one data directory plus its reference data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ServiceKBError, UsageError
from .loader import Problem, load_projects, project_files
from .model import Project
from .paths import data_dir as resolve_data_dir
from .paths import reference_dir
from .reference import Reference
from .text import did_you_mean, suggest, swedish_key


@dataclass
class KnowledgeBase:
    root: Path
    reference: Reference
    projects: list[Project]
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self):
        self.projects.sort(key=lambda p: swedish_key(p.title))
        self._by_id = {p.id: p for p in self.projects}

    def get(self, project_id: str) -> Project:
        try:
            return self._by_id[project_id]
        except KeyError:
            hint = did_you_mean(suggest(project_id, self._by_id, cutoff=0.5))
            raise UsageError(f"no project with id {project_id!r}.{hint} `servicekb list --format ids` lists the ids.") from None

    def restrict(self, ids: list[str]) -> list[Project]:
        """The projects with these ids, in the given order; unknown ids are one error naming them all."""
        unknown = [i for i in ids if i not in self._by_id]
        if unknown:
            raise UsageError(f"unknown project id(s): {', '.join(unknown)}")
        seen, out = set(), []
        for i in ids:
            if i not in seen:
                seen.add(i)
                out.append(self._by_id[i])
        return out


def open_kb(data_dir: str | Path | None = None, use_cache: bool = True) -> KnowledgeBase:
    """Load the knowledge base at --data-dir / $SERVICEKB_DATA / the bundled data.

    Invalid files are left out and reported in `problems`; the rest stays usable.
    """
    root = resolve_data_dir(data_dir)
    ref = Reference(reference_dir(root))
    try:
        paths = project_files(root / "projects")
        result = load_projects(paths, ref, root)
    except OSError as exc:
        raise ServiceKBError(f"cannot read the knowledge base at {root}: {exc}") from None
    return KnowledgeBase(root, ref, result.projects, result.problems)
