"""The committed JSON Schema is what the model generates."""

from __future__ import annotations

import json

from conftest import ROOT

from servicekb.model import json_schema


def test_committed_schema_matches_the_model():
    committed = json.loads((ROOT / "schemas" / "project.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "schema drifted: run `servicekb schema > schemas/project.schema.json`"


def test_schema_command_prints_it(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.output) == json_schema()


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
