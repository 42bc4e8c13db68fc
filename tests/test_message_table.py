"""Issue 21.2: every word of the interface comes from the message table (messages.py), in both
languages. The language tests render a run and look for the other table's words, so a literal
typed outside the table is invisible to them; this scan reads the source instead.

An AST scan of src/servicekb/**.py (messages.py aside) fails on a string literal that

* is passed to something that shows it to people — print, typer.echo, a notice (`note`), a
  console's print, sys.stderr.write, an error (`ServiceKBError`, `UsageError`), a column header
  (`Column(name, HEADER, …)`), a table title or a typer help text — and contains a letter, or
* reads like words anywhere else: two words or more, a Swedish letter (å ä ö), or a word in
  brackets such as '(nationellt)' (also inside SQL: '… coalesce(c.county, '(nationellt)') …').

Docstrings, SQL, regular expressions and HTML are code, not interface; what remains beside them
is in ALLOWED below, each entry with the reason it is not a word of the interface.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "servicekb"

# Calls whose (first) string argument is shown to people.
SINK_CALLS = {"print", "echo", "note", "error", "secho", "ServiceKBError", "UsageError", "Exit", "Abort"}
SINK_METHODS = {"print", "log", "rule", "write", "add_column"}  # console.print(…), rich's table.add_column(HEADER)
HEADER_FIRST = {"FitColumn", "Text"}  # output.FitColumn(HEADER, …), rich's Text(words)
SINK_KEYWORDS = {"help", "title", "caption", "header", "prompt", "short_help", "epilog"}

# (module, context) → why its literals are not words of the interface. The context is the name
# a literal is assigned to, the function it is in, or the call (or keyword) it is passed to.
ALLOWED: dict[tuple[str, str], str] = {
    **{
        (f"export/{module}.py", "*"): "the export's documents (Datasette metadata, Data Package, SQLite "
        "comments) are English in every run, as its column names are — a file for other tools, not this "
        "run's interface"
        for module in ("schema", "sqlite", "datasette", "csv")
    },
    ("cli/export.py", "_describe"): "the filters in words inside that English metadata file",
    ("model.py", "description"): "JSON Schema descriptions of the model (schemas/, English like the field names)",
    ("model.py", "PydanticCustomError"): "pydantic's fallback text; people read the message table's problem.<type>",
    ("model.py", "_source_fields"): "pydantic's fallback text; people read the message table's problem.<type>",
    ("search/syntax.py", "STOP_WORDS"): "Swedish stop words: data of the analysis, never shown",
    ("search/analysis.py", "*"): "letters and endings of the Swedish analysis, never shown",
    ("search/tiers.py", "TIER_NAMES"): "--explain's stable values in machine formats; people read tier.*",
    ("search/tiers.py", "FIRST_PART_NAME"): "--explain's stable value for a first part alone; people read tier.*",
    ("search/tiers.py", "PLACE_ADJECTIVE_NAME"): "--explain's stable value for a place's adjective; people read tier.*",
    ("search/tiers.py", "BROADER_NAME"): "--explain's stable value for a broader word; people read tier.*",
    (
        "search/matching.py",
        "expand_place",
    ): "Swedish word endings of a place's adjective (skånsk, jämtländsk), never shown",
    ("text.py", "*"): "the Swedish alphabet and folding rules, never shown",
    ("authoring.py", "_SCOPE_WORDS"): "words a person may type for a scope (input, resolved to the model's value)",
    ("authoring.py", "fold"): "folding rules, never shown",
    ("cli/stats.py", "BY_ALIASES"): "words a person may type for --by (input, resolved to the grouping)",
    ("reference.py", "*"): "county name forms ('Dalarnas län', 'Länsstyrelsen i …') that match what people "
    "type to the reference data, and message-key fragments ('owner type' → what.owner type)",
    ("status.py", "*"): "the publisher's and the source page's own names (data, Swedish as written)",
    ("index.py", "META_KEYS"): "the index layout's documentation of its meta keys (code, never shown)",
    ("cache.py", "_QUERY_WORDS"): "SQLite's own English, matched to tell a bad query from a damaged index",
    ("sync.py", "_stored"): "SQLite's own English ('no such table'), matched",
    ("yamlfile.py", "parse"): "PyYAML's own English, matched",
    ("yamlfile.py", "_YAML_ERRORS"): "libyaml's own English, matched to give the message table's words",
    ("yamlfile.py", "_yaml_error"): "libyaml's own English, matched to give the message table's words",
    ("cli/app.py", "_help"): "click's own English, matched to translate it",
    ("cli/app.py", "_ClosedOutput"): "an OSError's strerror (the system's words, as for any OSError)",
    ("atomic.py", "FileExistsError"): "an OSError's strerror (the system's words, as for any OSError)",
    ("cli/app.py", "error"): "the one error format's `servicekb: error:` (README, STYLE.md): the same in "
    "every language, so that scripts and people can grep for it",
    ("cli/new.py", "parse_and_bind"): "a readline command, not words",
    ("checks.py", "reference_problems"): "one-letter Swedish words (e, ö) the dictionary check lets pass",
    ("report.py", "document"): "the JSON/YAML report's `note` on reading its numbers: a machine format, "
    "English like its keys",
    ("cache.py", "is_disk_trouble"): "SQLite's own English, matched",
    ("cli/options.py", "TypeError"): "a mistake in servicekb (a command's signature and ListingOptions disagree), "
    "raised to its developers and tests, never to a user",
    ("cli/app.py", "_version"): "`servicekb 1.2.3`: the program's name and version",
    ("output.py", "style"): "rich style names",
    # Left to issue 21.4 (kb.py, sync.py are another change's): what is damaged in an index,
    # inside notice.cache_damaged's ({reason}) beside SQLite's own English words there.
    ("kb.py", "IndexDamage"): "technical detail inside notice.cache_damaged's (reason), as SQLite's own words are",
    ("kb.py", "stored_json"): "technical detail inside notice.cache_damaged's (reason)",
    ("sync.py", "IndexDamage"): "technical detail inside notice.cache_damaged's (reason)",
    ("freshness.py", "IndexDamage"): "technical detail inside notice.cache_damaged's (reason)",
    ("freshness.py", "stored_json"): "technical detail inside notice.cache_damaged's (reason)",
    ("sync.py", "stored_json"): "technical detail inside notice.cache_damaged's (reason)",
}

_SQL = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|PRAGMA|BEGIN|FROM|WHERE|JOIN|UNION|VALUES|NULL|"
    r"EXISTS|MATCH|LIMIT|ESCAPE|CASE WHEN|PRIMARY KEY|FOREIGN KEY|GROUP BY|ORDER BY|AND|OR|NOT|IN|AS|IS)\b"
)
_REGEX = re.compile(r"\\[a-zA-Z.()\[\]]|\(\?|\[\^|\[[^\]]*\][+*?]")
_HTML = re.compile(r"</?[a-z][a-z0-9]*[\s>]")
_WORD = r"[A-Za-zÅÄÖåäöÉé]{2,}"
_WORDS = re.compile(rf"{_WORD}[,;:.!?]?\s+[A-Za-zÅÄÖåäöÉé]+")  # 'a folder', 'is a', not 'col.id'
# A message key, option name or file name: no spaces, and a separator ('col.id', '--no-cache').
_KEY = re.compile(r"[\w%{}]*[._:/-][\w.:/%{}-]*")
_SWEDISH = re.compile(r"[A-Za-zÅÄÖåäöé]*[ÅÄÖåäö][A-Za-zÅÄÖåäöé]*")
_BRACKETED = re.compile(rf"\(\s*{_WORD}(?:\s+{_WORD})*\s*\)")
_SQL_STRING = re.compile(r"'([^']*)'")
_SQL_COMMENT = re.compile(r"--[^\n]*")


def _reads_like_words(text: str) -> bool:
    if _SQL.search(text) and not _HTML.search(text):  # SQL: only its quoted strings can be words
        return any(_reads_like_words(quoted) for quoted in _SQL_STRING.findall(_SQL_COMMENT.sub("", text)))
    if _REGEX.search(text) or _HTML.search(text):
        return False
    swedish = [w for w in _SWEDISH.findall(text) if len(w) >= 2]
    return bool(_WORDS.search(text) or swedish or _BRACKETED.search(text))


def _has_letters(text: str) -> bool:
    """Shown to people and has a word in it (a key, an option name or a format name is not one)."""
    if _SQL.search(text) or _REGEX.search(text):
        return False
    return bool(re.search(r"[^\W\d_]{2,}", text)) and not _KEY.fullmatch(text.strip())


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _name(node.func)
    return ""


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def interface_literals(source: str, module: str = "<snippet>") -> list[tuple[int, str, str]]:
    """(line, literal, why it counts) for each literal that should come from the message table."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found: list[tuple[int, str, str]] = []

    def allowed(contexts: list[str]) -> bool:
        return (module, "*") in ALLOWED or any((module, c) in ALLOWED for c in contexts)

    def visit(node: ast.AST, contexts: list[str], sink: bool) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings or allowed(contexts):
                return
            text = node.value
            if sink and _has_letters(text):
                found.append((node.lineno, text, "shown to people"))
            elif _reads_like_words(text):
                found.append((node.lineno, text, "reads like words"))
            return
        here = contexts
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            here = contexts + [node.name]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            here = contexts + [_name(t) for t in targets]
        elif isinstance(node, ast.Call):
            name = _name(node.func)
            here = contexts + [name]
            is_sink = (
                name in SINK_CALLS
                or name in HEADER_FIRST
                or (isinstance(node.func, ast.Attribute) and name in SINK_METHODS)
            )
            # What a call is given is shown only when it is itself a sink (`t("col.id")` inside a
            # Column is a key): Column(name, HEADER, getter, …) shows its header, not its name.
            for i, arg in enumerate(node.args):
                visit(arg, here, (is_sink and i == 0) or (name == "Column" and i == 1))
            for kw in node.keywords:
                visit(kw.value, here + [kw.arg or ""], kw.arg in SINK_KEYWORDS)
            visit(node.func, here, False)
            return
        elif isinstance(node, ast.Raise) and node.exc is not None:
            here = contexts + [_name(node.exc)]
        for child in ast.iter_child_nodes(node):
            visit(child, here, sink)

    visit(tree, [], False)
    return found


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.name != "messages.py")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_no_interface_words_outside_the_message_table(path):
    module = path.relative_to(SRC).as_posix()
    found = interface_literals(path.read_text(encoding="utf-8"), module)
    assert not found, "words for people belong in messages.py (both languages): " + "; ".join(
        f"{module}:{line}: {text!r} ({why})" for line, text, why in found
    )


@pytest.mark.parametrize(
    ("snippet", "literal"),
    [
        ('NATIONAL = "(nationellt)"', "(nationellt)"),
        ('LABEL = "(ingen ägare angiven)"', "(ingen ägare angiven)"),
        ("SQL = \"SELECT coalesce(c.county, '(nationellt)'), count(*) FROM projects\"", None),
        ('def f(path):\n    return f"{path} is a folder"', None),
        ('note("rebuilding")', "rebuilding"),
        ('err().print("Klart")', "Klart"),
        ('typer.echo(f"{n} projects")', " projects"),
        ('Column("owner", "Owner", get)', "Owner"),
        ('table.add_column("Total")', "Total"),
        ('FitColumn("Projekt", ratio=3)', "Projekt"),
        ('typer.Option("--x", help="Turn it on")', "Turn it on"),
        ('raise UsageError("bad value")', "bad value"),
        ('KINDS = {"kommun": "län"}', "län"),
    ],
)
def test_the_scan_catches_a_planted_literal(snippet, literal):
    found = interface_literals(snippet)
    assert found, snippet
    if literal is not None:
        assert literal in [text for _, text, _ in found]


@pytest.mark.parametrize(
    "snippet",
    [
        '"""A docstring says what a function does, in English."""',
        "SQL = \"SELECT id FROM projects WHERE status = 'ongoing'\"",
        r'PATTERN = r"No such option: (?P<option>\S+)"',
        'note(t("note.limited", shown=3))',
        'Column("id", t("col.id"), get)',
        'KEY = "owner_type"',
        "HTML = '<span class=\"amount\">'",
    ],
)
def test_the_scan_leaves_code_alone(snippet):
    assert interface_literals(snippet) == []


# --- the words that were outside the table, rendered in both languages ---------------------

EN = {"SERVICEKB_LANG": "en"}


def test_fields_headers_follow_the_run_language(cli):
    args = ("list", "--fields", "id,title,owner,funding.total_cost_sek,kind,lessons", "--format", "markdown")
    swedish = cli(*args).stdout.splitlines()[0]
    english = cli(*args, env=EN).stdout.splitlines()[0]
    assert swedish == "| Id | Titel | Projektägare | Total kostnad | Typ | Lärdomar |"
    assert english == "| Id | Title | Owner | Total cost | Kind | Lessons |"


def test_every_field_has_a_header_in_both_languages():
    from servicekb.fields import LIST_FIELDS, NESTED_FIELDS, TOP_FIELDS, all_columns
    from servicekb.messages import MESSAGES

    assert len(all_columns()) == len(TOP_FIELDS) + sum(map(len, NESTED_FIELDS.values())) + 7
    for name in [*TOP_FIELDS, *(f"{p}.{n}" for p, names in NESTED_FIELDS.items() for n in names)]:
        assert name in ("id", "title") or f"field.{name}" in MESSAGES, name
    assert LIST_FIELDS <= set(TOP_FIELDS) | {n for names in NESTED_FIELDS.values() for n in names}


def test_explain_names_its_tiers_in_the_run_language(cli):
    swedish = cli("search", "hemkörning", "glesbygd", "--explain", "--format", "markdown").stdout
    english = cli("search", "hemkörning", "glesbygd", "--explain", "--format", "markdown", env=EN).stdout
    assert ": exakt" in swedish and ": exact" not in swedish
    assert ": exact" in english
    machine = cli("search", "hemkörning", "--explain", "--format", "tsv").stdout
    assert "exakt" not in machine  # machine formats keep the stable values


def test_facets_count_projects_without_a_county_under_null(cli):
    import json

    doc = json.loads(cli("search", "dagligvaror", "--facets", "--format", "json").stdout)
    values = [r["value"] for r in doc["facets"]["county"]["results"]]
    assert None in values and "(nationellt)" not in values  # nationwide projects match 'dagligvaror'
    for lang, label in (("sv", "(nationellt)"), ("en", "(nationwide)")):
        text = cli("search", "dagligvaror", "--facets", "--format", "markdown", env={"SERVICEKB_LANG": lang}).stdout
        assert f"| {label} |" in text


def test_placeholder_groups_are_null_in_machine_formats_and_words_for_people(cli):
    import json

    for by, sv, en in (
        ("owner-type", "(ingen ägare angiven)", "(no owner given)"),
        ("municipality", "(ingen kommun angiven)", "(no municipality given)"),
    ):
        rows = json.loads(cli("stats", "--by", by, "--format", "json").stdout)
        assert not any(str(r["value"]).startswith("(") for r in rows)
        assert sv in cli("stats", "--by", by, "--format", "markdown").stdout
        assert en in cli("stats", "--by", by, "--format", "markdown", env=EN).stdout


def test_a_folder_in_the_cache_s_place_is_named_in_swedish(kb_copy, cli):
    from servicekb.cache import cache_path

    (cache_path(kb_copy) / "inside").mkdir(parents=True)
    assert "finns en mapp" in cli("cache", "info", "--data-dir", kb_copy).stdout
