"""list, show, validate, schema, --version, help — through CliRunner."""

from __future__ import annotations

import json

import pytest
from conftest import BUNDLED

from servicekb import __version__


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"servicekb {__version__}"


def test_help_lists_every_command_with_one_line(cli):
    from servicekb.cli import COMMANDS, load_command

    result = cli("--help")
    assert result.exit_code == 0
    assert len(COMMANDS) >= 8
    for name, spec in COMMANDS.items():
        assert f"  {name} " in result.output
        command = load_command(name)
        assert command.help and command.help.strip(), name
        assert "Exempel:\n\n\b\n" in command.help, f"{name} help has no example (unwrapped, in a \\b paragraph)"
        assert spec.summary.rstrip(".…") in " ".join(command.help.split()), (
            f"{name}: --help summary differs from the command's help"
        )


@pytest.mark.parametrize("command", ["validate", "list", "show", "schema"])
def test_short_help_alias(cli, command):
    result = cli(command, "-h")
    assert result.exit_code == 0
    assert result.output.startswith(f"Användning: servicekb {command} [FLAGGOR]")


def test_list_default_piped_is_tsv_with_header(cli):
    result = cli("list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split("\t") == [
        "id",
        "title",
        "counties",
        "theme",
        "status",
        "cost_sek",
        "cost_kind",
        "past_end_date",
    ]
    assert len(lines) == BUNDLED + 1  # the header and one row per project


def test_list_is_sorted_in_swedish_order(cli):
    titles = [line.split("\t")[1] for line in cli("list").output.splitlines()[1:]]
    from servicekb.text import swedish_key

    assert titles == sorted(titles, key=swedish_key)
    assert titles[-1].startswith(("Ö", "Ä", "Å"))


@pytest.mark.parametrize("columns", [80, 160])
def test_list_table_fits_the_terminal(cli, columns):
    result = cli("list", "--format", "table", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    assert all(len(line) <= columns for line in result.output.splitlines())
    assert "Servicepunkt 2.0 i Höga Kusten" in result.output
    assert "356 462 kr" in result.output


def test_list_filter_by_region_name_variants(cli):
    a = cli("list", "--region", "Dalarna", "--format", "ids").output
    b = cli("list", "--region", "W", "--format", "ids").output
    assert a == b and "leaxw-dalarna-gavleborg" in a


def test_list_unknown_region_is_usage_error(cli):
    result = cli("list", "--region", "Dalrna")
    assert result.exit_code == 2
    assert "Menade du 'Dalarna'" in result.output
    assert "Traceback" not in result.output


def test_show_prints_every_field(cli):
    result = cli("show", "servicepunkt-2-0-i-hoga-kusten")
    assert result.exit_code == 0
    for text in ("Servicepunkt 2.0 i Höga Kusten", "Örnsköldsviks kommun", "356 462 kr", "Västernorrland", "Lärdomar"):
        assert text in result.output


def test_show_json_is_the_record(cli):
    result = cli("show", "leaxw-dalarna-gavleborg", "--format", "json")
    record = json.loads(result.output)
    assert record["funding"]["total_cost_sek"] == 2969000
    assert record["geography"]["counties"] == ["Dalarna", "Gävleborg"]


def test_show_unknown_id_suggests(cli):
    result = cli("show", "servicepunkt-2-0-i-hoga-kusen")
    assert result.exit_code == 2
    assert "Menade du 'servicepunkt-2-0-i-hoga-kusten'" in result.output


def test_validate_bundled_data(cli):
    result = cli("validate")
    assert result.exit_code == 0
    assert f"{BUNDLED} filer kontrollerade: {BUNDLED} giltiga, 0 med problem" in result.output


def test_data_dir_and_env_var(cli, tmp_path, valid_text):
    (tmp_path / "projects").mkdir()
    (tmp_path / "projects" / "valid-project.yaml").write_text(valid_text, encoding="utf-8")
    by_option = cli("list", "--data-dir", tmp_path, "--format", "ids")
    by_env = cli("list", "--format", "ids", env={"SERVICEKB_DATA": str(tmp_path)})
    assert by_option.output == by_env.output == "valid-project\n"


def test_data_dir_without_projects_is_a_clear_error(cli, tmp_path):
    result = cli("list", "--data-dir", tmp_path)
    assert result.exit_code == 2
    assert "har ingen mapp projects/" in result.output


def test_invalid_file_is_left_out_and_rest_stays_usable(cli, kb_copy):
    (kb_copy / "projects" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    result = cli("list", "--data-dir", kb_copy, "--format", "ids")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == BUNDLED
    assert "servicekb validate" in result.stderr


def test_markup_and_escapes_in_data_are_shown_literally(cli, tmp_path, valid_text):
    (tmp_path / "projects").mkdir()
    text = valid_text.replace("title: Ett giltigt testprojekt", 'title: "[bold]Fet[/] \\x1b[31mröd"')
    (tmp_path / "projects" / "valid-project.yaml").write_text(text, encoding="utf-8")
    for args in (["list", "--format", "table"], ["show", "valid-project"], ["list", "--format", "tsv"]):
        result = cli(*args, "--data-dir", tmp_path)
        assert result.exit_code == 0, result.output
        assert "[bold]Fet[/]" in result.output
        assert "\x1b" not in result.output
        assert "\\x1b[31mröd" in result.output


@pytest.mark.parametrize("command", [["list", "--theme", "kommunala"], ["search", "bygdelots"]])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_people_read_theme_labels_and_scripts_the_slugs(cli, command, fmt):
    """Issue 26.7: a table showed `kommunala-processer` where show, report and facets say
    'Kommunala processer'; TSV and JSON keep the slug, the stable value."""
    shown = cli(*command, "--format", fmt, env={"COLUMNS": "160"}).stdout
    assert "kommunala-processer" not in shown
    assert "Kommunala processer" in shown or (fmt == "table" and "Kommunala " in shown)  # a table may wrap it
    assert "kommunala-processer" in cli(*command, "--format", "tsv").stdout
