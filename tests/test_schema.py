"""The committed JSON Schema is what the model generates."""

from __future__ import annotations

import json

from conftest import DATA, ROOT

from servicekb.model import json_schema
from servicekb.reference import Reference


def test_committed_schema_matches_the_model_and_the_reference_data():
    committed = json.loads((ROOT / "schemas" / "project.schema.json").read_text(encoding="utf-8"))
    expected = json_schema(Reference(DATA / "reference"))
    assert committed == expected, "schema drifted: run `servicekb schema > schemas/project.schema.json`"


def test_schema_lists_the_valid_values_for_editors():
    schema = json_schema(Reference(DATA / "reference"))
    assert "lokala-losningar" in schema["properties"]["theme"]["enum"]
    assert "servicepunkt" in schema["properties"]["tags"]["items"]["enum"]
    geo = schema["$defs"]["Geography"]["properties"]
    assert "Jämtland" in geo["counties"]["items"]["enum"] and "Krokom" in geo["municipalities"]["items"]["enum"]
    assert "kommun" in schema["$defs"]["Owner"]["properties"]["type"]["enum"]


def test_schema_command_prints_it(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.output) == json_schema(Reference(DATA / "reference"))


def test_schema_forbids_unknown_fields():
    schema = json_schema()
    assert schema["additionalProperties"] is False
    assert "total_cost_sek" in schema["$defs"]["Funding"]["properties"]


def test_listing_columns_know_every_model_field():
    """fields.py lists the model's names (to keep pydantic out of start-up); they must agree."""
    from servicekb.fields import NESTED_FIELDS, TOP_FIELDS
    from servicekb.model import Funding, Geography, Owner, Project, Source

    assert set(TOP_FIELDS) | set(NESTED_FIELDS) == set(Project.model_fields)
    assert NESTED_FIELDS == {
        "owner": tuple(Owner.model_fields),
        "geography": tuple(Geography.model_fields),
        "funding": tuple(Funding.model_fields),
        "source": tuple(Source.model_fields),
    }


def test_every_bundled_file_passes_the_schema_an_editor_checks():
    """What an editor's YAML extension does with the schema line: the files pass the schema."""
    jsonschema = __import__("pytest").importorskip("jsonschema")
    import yaml

    schema = json_schema(Reference(DATA / "reference"))
    for path in sorted((DATA / "projects").glob("*.yaml")):
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(data, schema)
