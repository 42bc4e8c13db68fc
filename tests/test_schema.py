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
