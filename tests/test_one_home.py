"""Issue 21.7: small rules, one home each — and a check that each stays in its one place."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from conftest import DATA, run_servicekb

from servicekb.messages import MESSAGES

SRC = Path(__file__).resolve().parent.parent / "src" / "servicekb"
EN = {"SERVICEKB_LANG": "en"}


def test_no_message_types_the_servicekb_prefix():
    """`servicekb: ` is put before a notice by the one notice writer (cli/common.note)."""
    typed = [key for key, pair in MESSAGES.items() if any(text.startswith("servicekb:") for text in pair)]
    assert typed == []
    hits = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if node in (tree.body[0].value,) if isinstance(tree.body[0], ast.Expr) else ():
                continue  # the module's docstring
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("servicekb: "):
                hits.append(path.relative_to(SRC).as_posix())
    assert hits == ["cli/common.py"]  # PREFIX, beside note() and used by error()


def test_notices_and_answers_carry_the_prefix_once(cli, kb_copy, valid_text):
    limited = cli("search", "butik", "--limit", "1", "--format", "ids")
    assert limited.stderr.startswith("servicekb: ") and not limited.stderr.startswith("servicekb: servicekb")
    nothing = cli("search", "qqqzzzxxx", "--format", "ids")
    assert nothing.exit_code == 1 and nothing.stderr.startswith("servicekb: ")
    (kb_copy / "projects" / "x.yaml").write_text(valid_text.replace("id: ", "id: x-"), encoding="utf-8")
    fmt = cli("fmt", "--check", "--data-dir", kb_copy)
    assert all(line.startswith("servicekb: ") for line in fmt.stderr.splitlines() if " fil" in line)


def test_swedish_status_words_come_from_the_message_table():
    from servicekb.constants import STATUSES
    from servicekb.query import resolve_status, swedish_status_words
    from servicekb.text import fold

    words = swedish_status_words()
    for status in STATUSES:
        swedish = MESSAGES[f"status.{status}"][0]
        assert words[fold(swedish)] == status
        assert resolve_status(swedish) == resolve_status(swedish.capitalize()) == status
    for word, status in (("avslutade", "completed"), ("planerad", "planned"), ("pagaende", "ongoing")):
        assert resolve_status(word) == status


def test_kinds_and_owner_types_in_help_come_from_the_reference_files(tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(DATA / "projects", kb / "projects")
    shutil.copytree(DATA / "reference", kb / "reference")
    kinds = kb / "reference" / "kinds.yaml"
    kinds.write_text(kinds.read_text(encoding="utf-8") + "- slug: uppfoljning\n  label: Uppföljning\n", "utf-8")
    env = {"SERVICEKB_DATA": str(kb), "COLUMNS": "300", **EN}
    for command in ("list", "new"):
        help_text = run_servicekb(command, "--help", env=env).stdout
        assert "utbildning, process, uppfoljning" in help_text, command
        assert "kommun, region, lansstyrelse" in help_text, command
    assert "uppfoljning" not in run_servicekb("list", "--help", env={"COLUMNS": "300", **EN}).stdout


def test_no_project_without_a_county_is_spelled_outside_the_message_table():
    """One label (group.no_county) for the projects without a county: in listings, stats,
    reports and facets alike; no module spells it."""
    for path in SRC.rglob("*.py"):
        if path.name != "messages.py":
            text = path.read_text(encoding="utf-8")
            assert "(nationellt)" not in text and "(nationwide)" not in text, path


def test_exit_codes_only_through_their_constants():
    """sys.exit / typer.Exit / ctx.exit / ServiceKBError take a constant of errors.py, not a number
    (0 aside: a success needs no name)."""
    found = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = list(node.args) + [k.value for k in node.keywords if k.arg in ("code", "exit_code")]
            if name in ("exit", "Exit") or name.endswith("Error"):
                position = args[1:2] if name.endswith("Error") and name != "UsageError" else args[:1]
                if name in ("exit", "Exit"):
                    position = args[:1]
                for arg in position:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, int) and arg.value != 0:
                        found.append(f"{path.relative_to(SRC)}:{node.lineno}: {name}({arg.value})")
    assert found == []


def test_a_broken_reference_file_is_one_exit_code_whichever_it_is(tmp_path, cli):
    """A broken synonyms.yaml exited 1 while a broken tags.yaml exited 2: both are reference files."""
    codes = {}
    for name in ("tags.yaml", "synonyms.yaml", "kinds.yaml"):
        kb = tmp_path / name
        shutil.copytree(DATA / "projects", kb / "projects")
        shutil.copytree(DATA / "reference", kb / "reference")
        (kb / "reference" / name).write_text("[: not yaml\n", encoding="utf-8")
        result = cli("list", "--data-dir", kb, "--format", "ids")
        assert result.stderr.startswith("servicekb: error: ") and name in result.stderr, result.stderr
        codes[name] = result.exit_code
    from servicekb.errors import EXIT_REFERENCE

    assert set(codes.values()) == {EXIT_REFERENCE}, codes


def test_did_you_mean_has_one_helper():
    """Every "did you mean" goes through text.did_you_mean (hint_for: suggest + did_you_mean)."""
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name not in ("text.py", "messages.py"):
            assert '"hint.did_you_mean"' not in text, path
            assert "did_you_mean(suggest(" not in text, path


def test_did_you_mean_reads_the_same_everywhere(cli):
    from servicekb.text import hint_for

    assert hint_for("mroa", ["Mora", "Malung"]) == " Menade du 'Mora'?"
    assert hint_for("xyz", ["Mora"]) == ""
    assert "Menade du 'stats'?" in cli("statz").stderr
    assert "Menade du 'county'?" in cli("stats", "--by", "cuonty").stderr
