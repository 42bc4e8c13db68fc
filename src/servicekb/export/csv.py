"""The CSV export: one CSV file per table of the schema (UTF-8, RFC 4180, formula-neutralised) and
the Frictionless (Tabular) Data Package descriptor, datapackage.json, made from the same tables.

    write_csv(Path("kb-csv"), records, ref)            # one CSV per table + datapackage.json
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ..errors import ServiceKBError
from ..messages import t as tr  # `t` names a table in this module
from ..reference import Reference
from . import atomic_target
from .schema import LICENCE_NOTE, MONEY_NOTE, SCHEMA_VERSION, SOURCE, TABLES, TITLE, build_rows

_PACKAGE_TYPES = {"text": "string", "integer": "integer", "date": "date", "json": "array"}


def csv_files() -> list[str]:
    """The files `write_csv` writes, datapackage.json last."""
    return [f"{t.name}.csv" for t in TABLES] + ["datapackage.json"]


def _csv_cell(value) -> str:
    from ..output import _neutralise  # the one CSV-injection rule

    if value is None:
        return ""
    if isinstance(value, str):
        return _neutralise(value)
    return str(value)


def datapackage(selection: str = "") -> dict:
    """The Frictionless (Tabular) Data Package descriptor of the CSV export."""
    resources = []
    for t in TABLES:
        fields = []
        for c in t.columns:
            constraints: dict = {}
            if c.required:
                constraints["required"] = True
            if c.unique or t.primary_key == (c.name,):
                constraints["unique"] = True
            if c.minimum is not None:
                constraints["minimum"] = c.minimum
            if c.enum:
                constraints["enum"] = list(c.enum)
            field: dict = {"name": c.name, "type": _PACKAGE_TYPES[c.type], "description": c.description}
            if c.money:
                field["unit"] = "SEK"
            if constraints:
                field["constraints"] = constraints
            fields.append(field)
        schema: dict = {"fields": fields, "primaryKey": list(t.primary_key), "missingValues": [""]}
        keys = []
        for c in t.columns:
            if c.references:
                target, target_column = c.references.split(".")
                keys.append({"fields": [c.name], "reference": {"resource": target, "fields": [target_column]}})
        if keys:
            schema["foreignKeys"] = keys
        resources.append(
            {
                "name": t.name,
                "path": f"{t.name}.csv",
                "profile": "tabular-data-resource",
                "description": t.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "schema": schema,
            }
        )
    description = (
        f"Tillväxtverket's rural-service pilot projects, exported by servicekb (schema version "
        f"{SCHEMA_VERSION}). {MONEY_NOTE} Text cells that a spreadsheet would run as a formula "
        "(starting with =, +, -, @, tab or carriage return) are prefixed with '. " + LICENCE_NOTE
    )
    if selection:
        description += f" Selection: {selection}."
    return {
        "profile": "tabular-data-package",
        "name": "servicekb-pilot-projects",
        "title": TITLE,
        "description": description,
        "version": f"{SCHEMA_VERSION}.0.0",
        "sources": [{"title": SOURCE}],
        "resources": resources,
    }


def write_csv(folder: Path, records: Sequence[dict], ref: Reference, selection: str = "") -> list[Path]:
    """One CSV file per table (UTF-8, RFC 4180, formula-neutralised) and datapackage.json.

    Each file is written atomically; datapackage.json comes last, so a package descriptor
    never describes files that were not written.
    """
    import csv
    import io

    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ServiceKBError(tr("err.cannot_create_folder", folder=folder, reason=exc.strerror or exc)) from None
    rows = build_rows(records, ref)
    written = []
    for t in TABLES:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow([c.name for c in t.columns])
        writer.writerows([_csv_cell(v) for v in row] for row in rows[t.name])
        path = folder / f"{t.name}.csv"
        with atomic_target(path) as tmp:
            tmp.write_text(buf.getvalue(), encoding="utf-8", newline="")
        written.append(path)
    path = folder / "datapackage.json"
    with atomic_target(path) as tmp:
        tmp.write_text(json.dumps(datapackage(selection), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(path)
    return written
