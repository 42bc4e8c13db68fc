"""What changed in a knowledge base between two versions: projects, fields, money, reference data.

A version is a folder (the working tree, `--against DIR`) or a git revision of the data folder,
read with `git archive` into a temporary folder. Both are read by the one loader, so the diff
compares what `validate` and every command see, not raw YAML text.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .errors import ServiceKBError
from .messages import t

MONEY = ("total_cost_sek", "budget_sek", "public_support_sek")


@dataclass
class Version:
    label: str
    projects: dict[str, dict]  # id → record (the model's JSON form)
    reference: dict[str, Any]  # file name → parsed entries
    problems: int = 0  # files left out because they are invalid


@dataclass
class FieldChange:
    field: str
    old: Any
    new: Any

    @property
    def difference(self) -> Optional[int]:
        if self.field.split(".")[-1] in MONEY and isinstance(self.old, int) and isinstance(self.new, int):
            return self.new - self.old
        return None


@dataclass
class ProjectChange:
    id: str
    title: str
    changes: list[FieldChange]
    renamed_from: Optional[str] = None


@dataclass
class Diff:
    old: Version
    new: Version
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[ProjectChange] = field(default_factory=list)
    reference: list[tuple[str, str, str]] = field(default_factory=list)  # (file, key, added|removed|changed)
    totals: list[tuple[str, int, int]] = field(default_factory=list)  # (what, old, new)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.reference)

    def as_json(self) -> dict:
        return {
            "old": {"version": self.old.label, "projects": len(self.old.projects), "invalid_files": self.old.problems},
            "new": {"version": self.new.label, "projects": len(self.new.projects), "invalid_files": self.new.problems},
            "added": [{"id": p["id"], "title": p["title"]} for p in self.added],
            "removed": [{"id": p["id"], "title": p["title"]} for p in self.removed],
            "changed": [
                {
                    "id": c.id,
                    "title": c.title,
                    "renamed_from": c.renamed_from,
                    "fields": [
                        {"field": f.field, "old": f.old, "new": f.new, "difference": f.difference} for f in c.changes
                    ],
                }
                for c in self.changed
            ],
            "reference": [{"file": f, "key": k, "change": what} for f, k, what in self.reference],
            "totals": [{"what": w, "old": a, "new": b, "difference": b - a} for w, a, b in self.totals],
        }


def load_folder(folder: Path, label: str) -> Version:
    from .files import project_files
    from .loader import load_projects
    from .paths import reference_dir
    from .reference import Reference

    if not (folder / "projects").is_dir():
        raise ServiceKBError(t("err.no_projects_dir", path=repr(str(folder))))
    ref = Reference(reference_dir(folder))
    result = load_projects(project_files(folder / "projects"), ref, projects_dir=folder / "projects")
    try:
        reference = ref.parsed()
    except ServiceKBError:
        reference = {}
    records = {p.id: p.model_dump(mode="json") for p in result.projects}
    return Version(label, records, reference, result.invalid_files)


def _git(args: list[str], cwd: Path, failed: Optional[str] = None) -> bytes:
    """git's output; when it fails, `failed` (a message of the table) instead of git's own words."""
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise ServiceKBError(t("diff.no_git")) from None
    except subprocess.TimeoutExpired:
        raise ServiceKBError(t("diff.git_failed", reason="timeout")) from None
    if proc.returncode != 0:
        if failed is not None:
            raise ServiceKBError(failed)
        reason = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ServiceKBError(t("diff.git_failed", reason=reason[-1] if reason else proc.returncode))
    return proc.stdout


def load_revision(data_dir: Path, rev: str, work: Path) -> Version:
    """The data folder as it was at a git revision, unpacked into `work`."""
    import io
    import tarfile

    if rev.startswith("-"):
        raise ServiceKBError(t("diff.bad_rev", rev=rev))
    # What a person can mend, in words (git's own 'fatal: not a git repository' named no way
    # out): a folder outside git, a revision git does not know, a folder that revision lacks.
    top = Path(_git(["rev-parse", "--show-toplevel"], data_dir, t("diff.not_a_repo", folder=data_dir)).decode().strip())
    unknown = t("diff.no_commits") if rev == "HEAD" else t("diff.unknown_rev", rev=rev)  # HEAD: nothing committed
    _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top, unknown)
    rel = Path(os.path.relpath(data_dir.resolve(), top.resolve())).as_posix()
    archive = _git(["archive", "--format=tar", rev, "--", rel], top, t("diff.not_in_rev", folder=data_dir, rev=rev))
    target = work / "tree"
    target.mkdir()
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(target, filter="data")
        else:  # Python before 3.10.12 / 3.11.4: git archive writes plain files under rel only
            members = [m for m in tar.getmembers() if (m.isfile() or m.isdir()) and ".." not in Path(m.name).parts]
            tar.extractall(target, members=members)
    folder = target / rel
    return load_folder(folder, rev)


def compare(old: Version, new: Version) -> Diff:
    diff = Diff(old, new)
    renamed = {}
    for pid, p in new.projects.items():
        for former in p.get("former_ids") or []:
            if former in old.projects and former not in new.projects:
                renamed[pid] = former
    for pid, p in sorted(new.projects.items()):
        before_id = pid if pid in old.projects else renamed.get(pid)
        if before_id is None:
            diff.added.append(p)
            continue
        changes = _field_changes(old.projects[before_id], p)
        if changes or before_id != pid:
            diff.changed.append(ProjectChange(pid, p["title"], changes, before_id if before_id != pid else None))
    gone = set(renamed.values())
    diff.removed = [p for pid, p in sorted(old.projects.items()) if pid not in new.projects and pid not in gone]
    for name in sorted(set(old.reference) | set(new.reference)):
        a, b = _keyed(old.reference.get(name)), _keyed(new.reference.get(name))
        for key in sorted(set(a) | set(b)):
            if key not in a:
                diff.reference.append((name, key, "added"))
            elif key not in b:
                diff.reference.append((name, key, "removed"))
            elif a[key] != b[key]:
                diff.reference.append((name, key, "changed"))
    diff.totals = _totals(old, new)
    return diff


def _keyed(entries: Any) -> dict[str, Any]:
    if not isinstance(entries, list):
        return {}
    out = {}
    for e in entries:
        if isinstance(e, dict):
            out[str(e.get("slug") or e.get("name") or "")] = e
    return out


def _flatten(record: dict, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out


def _field_changes(a: dict, b: dict) -> list[FieldChange]:
    fa, fb = _flatten({k: v for k, v in a.items() if k != "id"}), _flatten({k: v for k, v in b.items() if k != "id"})
    return [FieldChange(k, fa.get(k), fb.get(k)) for k in fa | fb if fa.get(k) != fb.get(k)]


def _totals(old: Version, new: Version) -> list[tuple[str, int, int]]:
    def sums(v: Version) -> dict[str, int]:
        out = {"projects": len(v.projects)}
        for name in MONEY:
            out[name] = sum(p["funding"][name] or 0 for p in v.projects.values())
        return out

    a, b = sums(old), sums(new)
    return [(k, a[k], b[k]) for k in a if a[k] != b[k] or k == "projects"]


def run(data_dir: Path, revs: list[str], against: Optional[Path]) -> Diff:
    """diff between git revisions (default HEAD and the working tree) or another folder."""
    with tempfile.TemporaryDirectory(prefix="servicekb-diff-") as tmp:
        work = Path(tmp)
        if against is not None:
            if revs:
                raise ServiceKBError(t("diff.revs_and_against"))
            return compare(load_folder(against, str(against)), load_folder(data_dir, str(data_dir)))
        if len(revs) > 2:
            raise ServiceKBError(t("diff.too_many_revs"))
        old_rev = revs[0] if revs else "HEAD"
        (work / "a").mkdir()
        old = load_revision(data_dir, old_rev, work / "a")
        if len(revs) == 2:
            (work / "b").mkdir()
            new = load_revision(data_dir, revs[1], work / "b")
        else:
            new = load_folder(data_dir, t("diff.working_tree"))
        return compare(old, new)
