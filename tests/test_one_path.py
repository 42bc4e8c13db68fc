"""One path for every file rule: validate and the index (list, search, show) agree on which
files count and report the same problems with the same words."""

from __future__ import annotations

import os
import re

import pytest
from conftest import BUNDLED

from servicekb.files import scan


def _problem_messages(text: str) -> set[str]:
    """The 'field: message' part of each problem line (file names differ: relative vs. projects/)."""
    out = set()
    for line in text.splitlines():
        if ".yaml" in line and ": " in line:
            out.add(
                re.split(r"; (?:run|kör) `servicekb validate`", line.split(".yaml", 1)[1].split(": ", 1)[1])[0].rstrip(
                    "."
                )
            )
    return out


def _break(kb_copy, case, valid_text):
    projects = kb_copy / "projects"
    if case == "dangling-related":
        f = projects / "ica.yaml"
        text = re.sub(
            r"^related: \[(.*)\]$",
            lambda m: f"related: [{m.group(1) + ', ' if m.group(1) else ''}no-such-project]",
            f.read_text(encoding="utf-8"),
            flags=re.M,
        )
        assert "no-such-project" in text
        f.write_text(text, encoding="utf-8")
        return "related-id 'no-such-project' är inget projekt i den här kunskapsbanken"
    if case == "duplicate-id":
        (projects / "zz").mkdir()
        (projects / "zz" / "ica.yaml").write_text((projects / "ica.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        return "id 'ica' används redan av"
    if case == "too-large":
        (projects / "big.yaml").write_text(valid_text + "#" + "x" * (1024 * 1024) + "\n", encoding="utf-8")
        return "en projektfil får vara högst 1 MiB"
    if case == "folder-named-yaml":
        (projects / "odd.yaml").mkdir()
        return "en mapp med en projektfils namn"
    if case == "fifo":
        os.mkfifo(projects / "pipe.yaml")
        return "ingen vanlig fil"
    raise AssertionError(case)


CASES = ["dangling-related", "duplicate-id", "too-large", "folder-named-yaml", "fifo"]


@pytest.mark.parametrize("case", CASES)
def test_validate_and_every_command_report_the_same_problem(cli, kb_copy, valid_text, case):
    expected = _break(kb_copy, case, valid_text)
    validated = cli("validate", "--data-dir", kb_copy)
    assert validated.exit_code == 1
    assert expected in validated.stdout
    for args in (
        ["list", "--format", "ids"],
        ["search", "service", "--format", "ids"],
        ["show", "leaxw-dalarna-gavleborg"],
    ):
        result = cli(*args, "--data-dir", kb_copy)
        assert result.exit_code == 0, (args, result.output)
        assert expected in result.stderr, (args, result.stderr)
        assert _problem_messages(result.stderr) <= _problem_messages(validated.stdout), (args, result.stderr)


def test_a_dangling_related_id_is_not_shown_silently(cli, kb_copy, valid_text):
    _break(kb_copy, "dangling-related", valid_text)
    result = cli("show", "ica", "--data-dir", kb_copy)
    assert "no-such-project" in result.stdout  # the data as written…
    assert "related-id 'no-such-project'" in result.stderr  # …and the problem beside it


def test_duplicate_id_keeps_the_first_file_everywhere(cli, kb_copy, valid_text):
    _break(kb_copy, "duplicate-id", valid_text)
    listed = cli("list", "--data-dir", kb_copy, "--format", "ids").stdout.split()
    assert listed.count("ica") == 1 and len(listed) == BUNDLED
    validated = cli("validate", "--data-dir", kb_copy).stdout
    assert "zz/ica.yaml:1:1: id: id 'ica' används redan av" in validated


def test_directory_symlink_loop_is_not_followed(tmp_path, kb_copy):
    (kb_copy / "projects" / "self").symlink_to(kb_copy / "projects", target_is_directory=True)
    (kb_copy / "projects" / "linked.yaml").symlink_to(kb_copy / "projects" / "ica.yaml")
    entries = {path for path, *_ in scan(kb_copy / "projects")}
    assert len(entries) == BUNDLED + 1 and "linked.yaml" in entries
    assert not any(path.startswith("self/") for path in entries)


def test_a_link_to_a_folder_named_like_a_project_file_is_reported_not_followed(cli, kb_copy):
    """`ln -s . projects/self.yaml` once listed every project 40 times over (each a duplicate)."""
    (kb_copy / "projects" / "self.yaml").symlink_to(kb_copy / "projects", target_is_directory=True)
    entries = {path for path, *_ in scan(kb_copy / "projects")}
    assert len(entries) == BUNDLED + 1 and "self.yaml" in entries
    assert not any(path.startswith("self.yaml/") for path in entries)
    result = cli("validate", "--data-dir", kb_copy, "--lang", "en")
    assert result.exit_code == 1
    assert "a link to a folder, named like a project file; links to folders are not followed" in result.stdout
    assert f"{BUNDLED + 1} files checked: {BUNDLED} valid, 1 with problems" in result.stdout


def test_editing_a_duplicate_keeps_it_left_out(cli, kb_copy, valid_text):
    """An edit that keeps ids and links skips the cross-file pass: the loser must stay a loser."""
    _break(kb_copy, "duplicate-id", valid_text)
    assert cli("list", "--data-dir", kb_copy, "--format", "ids").stdout.split().count("ica") == 1
    loser = kb_copy / "projects" / "zz" / "ica.yaml"
    loser.write_text(loser.read_text(encoding="utf-8") + "# an edit that changes no id or link\n", encoding="utf-8")
    result = cli("list", "--data-dir", kb_copy, "--format", "ids")
    assert result.stdout.split().count("ica") == 1 and "används redan av" in result.stderr
    # …and renaming its id away from the contest brings it in.
    loser.write_text(loser.read_text(encoding="utf-8").replace("id: ica\n", "id: ica-2\n"), encoding="utf-8")
    (kb_copy / "projects" / "zz" / "ica.yaml").rename(kb_copy / "projects" / "zz" / "ica-2.yaml")
    assert "ica-2" in cli("list", "--data-dir", kb_copy, "--format", "ids").stdout.split()


@pytest.mark.parametrize(
    "command",
    [
        "list",
        "list --format json",
        "search service",
        "stats --by theme",
        "report --region Dalarna",
        "list --format ids | servicekb show --ids -",
    ],
)
def test_the_problem_notice_survives_a_reader_that_leaves_early(kb_copy, tmp_path, command):
    """`servicekb list | head -1`: the notice comes before the output, so the reader leaving (and
    servicekb exiting quietly on the closed pipe) does not take it along. It once came after, and
    `list | head -1` lost it every time."""
    import shlex
    import subprocess
    import sys

    f = kb_copy / "projects" / "axfood.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("status: completed", "status: klar"), encoding="utf-8")
    servicekb = f"{shlex.quote(sys.executable)} -m servicekb"
    line = f"{servicekb} {command.replace('servicekb', servicekb)} 2>>err | head -1"
    env = {**os.environ, "COLUMNS": "100", "SERVICEKB_DATA": str(kb_copy)}
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", line], cwd=tmp_path, env=env, capture_output=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    stderr = (tmp_path / "err").read_text(encoding="utf-8")
    assert "1 fil med problem: projects/axfood.yaml:" in stderr, stderr


def test_the_problem_notice_counts_the_rest_as_problems(cli, kb_copy, valid_text):
    """'(och 9 till)' after '9 filer med problem' read as nine more files (keepers' walk)."""
    for name in ("x-1", "x-2"):
        (kb_copy / "projects" / f"{name}.yaml").write_text(
            valid_text.replace("status: completed", "status: klar"), encoding="utf-8"
        )
    stderr = cli("list", "--data-dir", kb_copy, "--format", "ids", env={"SERVICEKB_LANG": "sv"}).stderr
    assert "problem till)" in stderr, stderr
