"""One interface language per run, for help and usage errors too: the message table is complete in
both languages, and a Swedish run's help and errors hold no word of the English table (and the
other way round). Real processes: help texts are evaluated when a command module is imported."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from conftest import DATA, run_servicekb

from servicekb.messages import MESSAGES


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_both_languages_have_every_key_and_the_same_placeholders():
    for key, pair in MESSAGES.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        sv, en = pair
        assert sv.strip() and en.strip(), key
        assert _placeholders(sv) == _placeholders(en), key
        # Examples are \b paragraphs (printed unwrapped) in both languages, with the same commands.
        assert sv.count("\b") == en.count("\b"), key
        assert _example_commands(sv) == _example_commands(en), key


def test_a_message_the_same_in_both_languages_is_a_word_both_share():
    """An entry copied untranslated would pass the leak test (its words are in both tables)."""
    same = {key for key, (sv, en) in MESSAGES.items() if sv == en}
    shared = {"col.id", "col.status", "col.budget", "by.status", "show.status", "show.budget", "html.money_budget"}
    shared |= {"new.ask.status", "diff.money.budget_sek", "field.funding.budget_sek", "field.status"}  # shared words
    shared |= {"cost.budget_mark", "tier.synonym"}
    shared |= {"new.problem", "import.problem", "diff.git_failed"}  # only the layout of other messages
    shared |= {"owner-type.region"}  # 'Region' in both
    assert same <= shared | {"problem.other"}, same  # problem.other: pydantic's own words, as it gives them


def _example_commands(text: str) -> list[str]:
    return (
        [line.split("#")[0].rstrip() for line in text.split("\b", 1)[-1].splitlines() if line.startswith("  ")]
        if "\b" in text
        else []
    )


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def _names() -> set[str]:
    """Words that are names, the same in both languages: commands, options, arguments, metavars."""
    from servicekb.cli import COMMANDS, load_command

    names: set[str] = set(COMMANDS)

    def add(command) -> None:
        names.update(_words(command.name or ""))
        for param in command.params:
            for text in (*param.opts, *param.secondary_opts, param.name or "", param.metavar or ""):
                names.update(_words(text))
        for sub in getattr(command, "commands", {}).values():
            add(sub)

    for name in COMMANDS:
        add(load_command(name))
    # --fields names (past_end_date, funding.total_cost_sek) are names too: an error lists them as
    # they are typed, in both languages; their headers are words of the table (messages `field.*`).
    from servicekb.fields import all_columns

    for field in all_columns():
        names.update(_words(field))
    return names


def _data_words() -> set[str]:
    """Everything the data says (Swedish): a word found there may be data, not interface."""
    return _words(
        "\n".join(
            f.read_text(encoding="utf-8")
            for folder in ("projects", "reference")
            for f in sorted((DATA / folder).glob("*.yaml"))
        )
    )


def _table_words(index: int) -> set[str]:
    return set().union(*(_words(re.sub(r"\{\w+\}", " ", pair[index])) for pair in MESSAGES.values()))


HELP_RUNS = [
    ["--help"],
    ["search", "-h"],
    ["report", "-h"],
    ["list", "-h"],
    ["show", "-h"],
    ["similar", "-h"],
    ["stats", "-h"],
    ["validate", "-h"],
    ["new", "-h"],
    ["import", "-h"],
    ["fmt", "-h"],
    ["rename", "-h"],
    ["diff", "-h"],
    ["schema", "-h"],
    ["export", "-h"],
    ["export", "sqlite", "-h"],
    ["export", "csv", "-h"],
    ["cache", "-h"],
    ["cache", "info", "-h"],
    ["cache", "clear", "-h"],
    ["completion", "-h"],
    [],
    ["export"],
]  # without a command: the help, on stderr
USAGE_ERRORS = [
    ["list", "--bogus"],
    ["list", "--statu", "x"],
    ["lst"],
    ["help"],
    ["search", "--limit", "abc"],
    ["stats", "--by"],
    ["export", "sqlite"],
    ["completion"],
    ["completion", "tcsh"],
    ["list", "a", "b"],
    ["list", "--has-cost=3"],
    ["cache", "bogus"],
    ["show"],
    ["list", "--min-cost", "abc"],
    ["stats", "--by", "contry"],
    ["stats", "--sort", "x"],
    ["list", "--format", "xml"],
    ["list", "--fields", "totl_cost"],
    ["list", "--status", "x"],
    ["list", "--excel", "--format", "tsv"],
    ["search", "--limit", "-1"],
    ["list", "--min-cost", "5", "--max-cost", "1"],
]


@pytest.mark.slow  # seconds each; CI runs the slow tests too
@pytest.mark.parametrize(("lang", "mine", "other"), [("sv_SE.UTF-8", 0, 1), ("en_US.UTF-8", 1, 0)])
def test_help_and_usage_errors_speak_one_language(lang, mine, other, tmp_path):
    env = {"LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "SERVICEKB_LANG": "", "COLUMNS": "80"}
    own_table = _table_words(mine)
    foreign = _table_words(other) - own_table - _data_words() - _names()
    assert len(foreign) > 100  # the check has teeth: most of the other language's words are looked for
    leaked: dict[str, set[str]] = {}
    outputs = ""
    for args in HELP_RUNS + USAGE_ERRORS:
        proc = run_servicekb(*args, env=env, cwd=tmp_path)
        expected = 0 if args and args[-1] in ("-h", "--help") else 2
        assert proc.returncode == expected, (args, proc.stdout, proc.stderr)
        text = proc.stdout + proc.stderr
        if args in USAGE_ERRORS:
            assert proc.stderr.startswith("servicekb: error: ") and proc.stderr.count("\n") == 1, (args, proc.stderr)
        # Not words of either language: the fixed error prefix, and typer's type metavars (<int>, <path>).
        text = re.sub(r"servicekb: error: |<\w+>", " ", text)
        found = _words(text) & foreign
        if found:
            leaked[" ".join(args)] = found
        outputs += text
    assert not leaked, leaked
    # The control: the run's own words are there (much of the table, not a handful).
    assert len(_words(outputs) & (own_table - _table_words(other))) >= 150


def test_usage_errors_keep_their_names_and_format_in_both_languages():
    for lang, expected in (
        ("sv_SE.UTF-8", "servicekb: error: okänd flagga: --regoin. Menade du --region? (se `servicekb list -h`)\n"),
        (
            "en_US.UTF-8",
            "servicekb: error: no such option: --regoin. Did you mean --region? (see `servicekb list -h`)\n",
        ),
    ):
        proc = run_servicekb(
            "list", "--regoin", "x", env={"LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "SERVICEKB_LANG": ""}
        )
        assert proc.stderr == expected


def test_servicekb_lang_overrides_the_locale():
    proc = run_servicekb("--help", env={"LANG": "en_US.UTF-8", "LC_ALL": "", "SERVICEKB_LANG": "sv"})
    assert proc.stdout.startswith("Användning: servicekb [FLAGGOR] KOMMANDO [ARGUMENT]...")
    proc = run_servicekb("--help", env={"LANG": "sv_SE.UTF-8", "LC_ALL": "", "SERVICEKB_LANG": "en"})
    assert proc.stdout.startswith("Usage: servicekb [OPTIONS] COMMAND [ARGS]...")


@pytest.mark.parametrize("lang", ["sv_SE.UTF-8", "en_US.UTF-8"])
def test_help_examples_are_never_wrapped(lang):
    """Every example line of every help is printed whole, even at 40 columns."""
    from servicekb.messages import EXAMPLES

    examples = {line.strip() for lines in EXAMPLES.values() for line in lines}
    out = "".join(
        run_servicekb(*args, env={"LANG": lang, "LC_ALL": "", "SERVICEKB_LANG": "", "COLUMNS": "40"}).stdout
        for args in HELP_RUNS
        if args and args[-1] in ("-h", "--help")
    )
    lines = {line.strip() for line in out.splitlines()}
    assert examples <= lines, examples - lines


@pytest.mark.parametrize(
    ("click_says", "swedish"),
    [  # typer's vendored click, and click itself (typer releases that depend on it)
        ("No such option: --x (Possible options: --a, --b)", "okänd flagga: --x. Menade du --a eller --b?"),
        ("No such option: --regoin Did you mean --region?", "okänd flagga: --regoin. Menade du --region?"),
        (
            "Invalid value for '--limit' / '-n': 'abc' is not a valid int.",
            "ogiltigt värde för '--limit' / '-n': 'abc' är inte ett giltigt heltal.",
        ),
        (
            "Invalid value for '--limit' / '-n': 'abc' is not a valid integer.",
            "ogiltigt värde för '--limit' / '-n': 'abc' är inte ett giltigt heltal.",
        ),
        ("Missing argument 'FILE'.", "argumentet 'FILE' saknas."),
        ("Option '--by' requires an argument.", "flaggan '--by' behöver ett värde."),
        ("Option '--excel' does not take a value.", "flaggan '--excel' tar inget värde."),
        ("Got unexpected extra argument(s) (a b)", "oväntade extra argument (a b)"),
        ("Got unexpected extra arguments (a b)", "oväntade extra argument (a b)"),
        ("No such command 'bogus'.", "okänt kommando 'bogus'."),
        ("Missing command.", "ange ett kommando."),
        ("A wording click has not used before.", "A wording click has not used before."),  # stays as click wrote it
    ],
)
def test_clicks_usage_errors_are_mapped_to_the_table(click_says, swedish):
    from servicekb.cli import _translate_click

    assert _translate_click(click_says) == swedish


def test_a_problem_from_the_index_cache_speaks_this_runs_language(tmp_path):
    """The index cache keeps each file's problems as written by the run that built it; a later
    run in the other language must not show that run's 'Menade du …?'."""
    from conftest import FIXTURES

    (tmp_path / "projects").mkdir()
    (tmp_path / "projects" / "unknown-county.yaml").write_bytes((FIXTURES / "bad" / "unknown-county.yaml").read_bytes())
    runs = {}
    for lang in ("sv_SE.UTF-8", "en_US.UTF-8", "sv_SE.UTF-8"):  # the first builds the cache, the others read it
        env = {"LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "SERVICEKB_LANG": ""}
        runs[lang] = run_servicekb("list", "--data-dir", tmp_path, "--format", "ids", env=env).stderr
    assert "Menade du 'Dalarna'?" in runs["sv_SE.UTF-8"] and "Did you mean" not in runs["sv_SE.UTF-8"]
    assert "Did you mean 'Dalarna'?" in runs["en_US.UTF-8"] and "Menade du" not in runs["en_US.UTF-8"]


def test_no_message_key_is_defined_twice():
    """A dict literal keeps the last of two equal keys silently (one such slip broke an error)."""
    import re
    from collections import Counter

    from servicekb import messages

    source = Path(messages.__file__).read_text(encoding="utf-8")
    source = source[source.index("MESSAGES: dict") : source.index("\n}\n", source.index("MESSAGES: dict"))]
    keys = re.findall(r'^\s+"([a-z0-9_.\- ]+)": \(', source, re.M)
    assert len(keys) == len(messages.MESSAGES)
    assert [k for k, n in Counter(keys).items() if n > 1] == []


@pytest.mark.parametrize(("lang", "mine", "other"), [("sv_SE.UTF-8", 0, 1), ("en_US.UTF-8", 1, 0)])
def test_validate_speaks_one_language(lang, mine, other):
    """`validate` over the whole corpus of bad files: every problem in the run's language. Left out
    of the check: what the files themselves say (quoted values, field names) and libyaml's own
    description of a syntax error, which is quoted as it gives it."""
    from conftest import FIXTURES

    env = {"LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "SERVICEKB_LANG": ""}
    proc = run_servicekb("validate", FIXTURES / "bad", env=env)
    assert proc.returncode == 1 and proc.stderr == ""
    assert proc.stdout.count("\n") >= 40
    quoted = _words(
        "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in (FIXTURES / "bad").glob("*.yaml"))
    )
    foreign = _table_words(other) - _table_words(mine) - _data_words() - _names() - quoted
    assert len(foreign) > 100
    text = re.sub(r"^.*?\.yaml(:\d+:\d+)?: ", "", proc.stdout, flags=re.M)  # file names are not words
    text = re.sub(r"(ogiltig YAML|invalid YAML): .*", "", text)
    assert not _words(text) & foreign, _words(text) & foreign
    assert len(_words(text) & (_table_words(mine) - _table_words(other))) >= 60  # the control


EVERYDAY_RUNS = [
    ["list"],
    ["list", "--region", "Dalarna", "--format", "table"],
    ["search", "paketautomat", "--format", "table", "--explain"],
    ["search", "hemkörning", "--format", "table"],
    ["search", "ombudsplatform", "--format", "table"],
    ["search", "xyzzyq"],
    ["stats", "--by", "county", "--format", "table"],
    ["stats", "--by", "theme", "--format", "markdown"],
    ["report", "--region", "Dalarna"],
    ["report", "--region", "Dalarna", "--format", "markdown"],
    ["show", "leaxw"],
    ["show", "ica", "--format", "citation"],
    ["cache", "info"],
]


@pytest.mark.slow  # a process per command and language
@pytest.mark.parametrize(("lang", "mine", "other"), [("sv_SE.UTF-8", 0, 1), ("en_US.UTF-8", 1, 0)])
def test_everyday_commands_speak_one_language(lang, mine, other, tmp_path):
    """What the README's commands print, on stdout and stderr, holds no word of the other language's
    table (data words aside: the data is Swedish in both runs)."""
    env = {"LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "SERVICEKB_LANG": "", "COLUMNS": "160"}
    foreign = _table_words(other) - _table_words(mine) - _data_words() - _names()
    assert len(foreign) > 100
    leaked: dict[str, set[str]] = {}
    outputs = ""
    for args in EVERYDAY_RUNS:
        proc = run_servicekb(*args, env=env, cwd=tmp_path)
        assert proc.returncode in (0, 1), (args, proc.stderr)
        text = re.sub(r"\S*/\S*", " ", proc.stdout + proc.stderr)  # paths are not words
        found = _words(text) & foreign
        if found:
            leaked[" ".join(args)] = found
        outputs += text
    assert not leaked, leaked
    assert len(_words(outputs) & (_table_words(mine) - _table_words(other))) >= 50  # the control


SWEDISH = {"LANG": "sv_SE.UTF-8", "LC_ALL": "", "SERVICEKB_LANG": ""}
ENGLISH = {"LANG": "en_US.UTF-8", "LC_ALL": "", "SERVICEKB_LANG": ""}


@pytest.mark.parametrize(
    ("args", "env", "start"),
    [
        (["--lang", "en", "--help"], SWEDISH, "Usage: servicekb [OPTIONS] COMMAND [ARGS]..."),
        (["list", "--help", "--lang=en"], {**SWEDISH, "SERVICEKB_LANG": "sv"}, "Usage: servicekb list [OPTIONS]"),
        (["--lang", "SV", "--help"], ENGLISH, "Användning: servicekb [FLAGGOR] KOMMANDO [ARGUMENT]..."),
    ],
)
def test_lang_option_chooses_the_language_of_help_too(args, env, start):
    """--lang, before or after the command, wins over the locale and SERVICEKB_LANG, for the help
    as well (its texts are put in words when a module is imported, so --lang is read first)."""
    proc = run_servicekb(*args, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(start)


def test_lang_option_in_a_run(cli, page_data):
    result = cli("list", "--region", "Dalarna", "--format", "table", "--lang", "en", "--data-dir", page_data)
    assert result.exit_code == 0 and result.stdout.startswith("13 projects")
    result = cli(
        "--lang=sv", "list", "--region", "Dalarna", "--format", "table", "--data-dir", page_data,
        env={"SERVICEKB_LANG": "en"},
    )  # fmt: skip
    assert result.stdout.startswith("13 projekt")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "de", "list"], "servicekb: error: okänt språk 'de' för --lang; välj sv eller en.\n"),
        (["list", "--lang"], "servicekb: error: flaggan '--lang' behöver ett värde.\n"),
    ],
)
def test_a_bad_lang_is_a_usage_error(args, message):
    proc = run_servicekb(*args)
    assert proc.returncode == 2 and proc.stderr == message and proc.stdout == ""


def test_counts_take_the_word_for_their_number():
    """'1 fil(er) kontrollerade' read as a form, not a sentence: each count says its own word."""
    from servicekb.messages import t, use_language

    try:
        use_language("sv")
        assert t("validate.summary", files=1, valid=0, bad=1, problems=1).startswith("1 fil kontrollerad: 0 giltiga,")
        assert t("validate.summary", files=82, valid=81, bad=1, problems=2).startswith(
            "82 filer kontrollerade: 81 giltiga"
        )
        use_language("en")
        assert t("title.matches", n=1) == "1 project matches" and t("title.matches", n=4) == "4 projects match"
        assert t("validate.summary", files=1, valid=1, bad=0, problems=0) == (
            "1 file checked: 1 valid, 0 with problems (0 problems)."
        )
    finally:
        use_language(None)


def test_no_message_writes_a_plural_in_brackets():
    from servicekb.messages import MESSAGES

    clumsy = [key for key, texts in MESSAGES.items() for text in texts if re.search(r"\w\((s|er|ar|a|n)\)", text)]
    assert clumsy == []
