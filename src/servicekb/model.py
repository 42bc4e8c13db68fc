"""The project model: the public data contract of a project file.

Field names here are what data files, `--fields`, JSON/YAML output and outside scripts use.
Reference-data checks (does this county exist?) live in `checks.py`; this module knows
only shapes and types, so it can generate `schemas/project.schema.json` on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .constants import LEGACY_SOURCE, MODEL_VERSION, SCOPES, STATUSES  # noqa: F401  (re-exported)
from .money import MAX_KRONOR, check_kronor

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Status = Literal[STATUSES]  # type: ignore[valid-type]
Scope = Literal[SCOPES]  # type: ignore[valid-type]

_DIGITS = re.compile(r"[0-9]+")
_LEADING_ZERO = re.compile(r"0[0-9]+")  # 0100: 100 here, 64 to a YAML 1.1 reader (octal)


def _whole_kronor(value):
    """Accept a whole number of kronor written as digits only.

    Files are read with every scalar as a string, so `1 000 000`, `1e6`, `-5` and `12.5`
    arrive here as text and are refused with one clear message instead of being guessed.

    Errors are pydantic's custom errors: their type is the message key (`problem.TYPE`) and
    their context its values, so the loader words them in the run's language.
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and _LEADING_ZERO.fullmatch(value):
        raise PydanticCustomError(
            "kronor_leading_zero", "a leading zero: write {plain}", {"plain": value.lstrip("0") or "0"}
        )
    if isinstance(value, str) and _DIGITS.fullmatch(value) and len(value) <= 16:
        value = int(value)
    elif isinstance(value, str) and _DIGITS.fullmatch(value):
        value = 10**16  # too many digits to be an amount: the range check below explains
    if isinstance(value, int):
        problem = check_kronor(value)
        if problem:
            raise PydanticCustomError(problem, "amount out of range (at most {max} kr)", {"max": MAX_KRONOR - 1})
        return value
    raise PydanticCustomError("kronor_format", "must be a whole number of kronor written with digits only")


def kronor_or_none(value) -> int | None:
    """The amount `_whole_kronor` accepts, or None where it refuses the value (for the rules that
    compare amounts: a refused amount is reported once, by the model, not compared)."""
    try:
        amount = _whole_kronor(value)
    except PydanticCustomError:
        return None
    return amount if isinstance(amount, int) and not isinstance(amount, bool) else None


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value):
    """Accept a date written YYYY-MM-DD only.

    pydantic alone would read `end_date: 1699920000` as a Unix timestamp (2023-11-14) and
    `0` as 1970-01-01: a number in a date field is almost certainly a mistake, so it is one.
    """
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_not_in_calendar", "{value!r} is not a day of the calendar", {"value": value}
            ) from None
    raise PydanticCustomError("date_format", "must be an ISO date such as 2020-12-31 (YYYY-MM-DD), or null")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _no_blank(value: str) -> str:
    if not value:
        raise PydanticCustomError("blank", "must not be empty")
    return value


Kronor = Annotated[Optional[int], BeforeValidator(_whole_kronor), Field(json_schema_extra={"minimum": 0})]
Text = Annotated[str, BeforeValidator(_strip), AfterValidator(_no_blank)]
Name = Annotated[str, BeforeValidator(_strip), AfterValidator(_no_blank)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Owner(_Strict):
    """The organisation that owns the project ("Projektägare")."""

    name: Name = Field(description="Name as the source writes it, e.g. 'Örnsköldsviks kommun'.")
    type: str = Field(description="Slug from reference/owner_types.yaml, e.g. kommun, region, lansstyrelse.")


class Geography(_Strict):
    """Where the project does its work (see data/README.md for the rule)."""

    scope: Scope
    counties: list[Name] = Field(default_factory=list, description="Short county names from reference/counties.yaml.")
    municipalities: list[Name] = Field(default_factory=list, description="Names from reference/municipalities.yaml.")
    places: list[Name] = Field(default_factory=list, description="Villages and localities as the source names them.")


class Funding(_Strict):
    """Amounts in whole Swedish kronor; null when the source gives none (never 0 for unknown)."""

    total_cost_sek: Kronor = Field(default=None, description="Actual total cost of a finished project.")
    budget_sek: Kronor = Field(default=None, description="Planned total of an ongoing or planned project.")
    public_support_sek: Kronor = Field(default=None, description="Support granted by Tillväxtverket / the programme.")
    co_funders: list[Name] = Field(default_factory=list, description="Other financiers, as named.")


def _legacy_source(value):
    """Model version 2 wrote `source: <section heading>`, meaning a section of the 2014–2020 page:
    read as that source, so old files stay valid (`servicekb fmt` writes the new form)."""
    if isinstance(value, str):
        return {"ref": LEGACY_SOURCE, "section": value}
    return value


IsoDate = Annotated[Optional[dt.date], BeforeValidator(_iso_date)]


class Source(_Strict):
    """Where the project's facts come from.

    Either `ref`, a source defined once in reference/sources.yaml (the 2014–2020 page that the
    first 81 projects come from), or the source's own fields for a source used only here (an
    owner's application, a decision): `publisher` and `title`, with `url`, `date` and
    `programme` where known. `section` is the heading the project stands under, where the
    source has one."""

    ref: Optional[Name] = Field(default=None, description="Slug of a source in reference/sources.yaml.")
    publisher: Optional[Name] = Field(default=None, description="Who published the source (an organisation).")
    title: Optional[Name] = Field(default=None, description="The page's, document's or decision's title.")
    url: Optional[Name] = Field(default=None, description="Its web address, where known.")
    date: IsoDate = Field(default=None, description="The source's date, or the day it was read (YYYY-MM-DD).")
    programme: Optional[Name] = Field(
        default=None, description="The funding programme, e.g. 'Landsbygdsprogrammet 2014–2020'."
    )
    section: Optional[Name] = Field(default=None, description="The source's heading the project stands under.")

    @model_validator(mode="after")
    def _one_definition(self) -> Source:
        own = [name for name in ("publisher", "title", "url", "date", "programme") if getattr(self, name) is not None]
        if self.ref is not None and own:
            raise PydanticCustomError(
                "source_ref_and_fields", "give either ref or the source's own fields", {"fields": ", ".join(own)}
            )
        if self.ref is None and (self.publisher is None or self.title is None):
            raise PydanticCustomError("source_incomplete", "needs ref, or publisher and title")
        return self


class Project(_Strict):
    """One pilot project: one file in data/projects/."""

    id: Annotated[str, Field(pattern=ID_PATTERN, max_length=80, description="Equals the file name without .yaml.")]
    title: Name = Field(description="The project's own heading, verbatim.")
    theme: str = Field(description="Slug from reference/themes.yaml: the source page's section.")
    kind: str = Field(description="Slug from reference/kinds.yaml, e.g. forstudie.")
    status: Status
    start_date: IsoDate = Field(default=None, description="ISO date the work started, where the source gives one.")
    end_date: IsoDate = Field(default=None, description="ISO date, or null.")
    owner: Optional[Owner] = Field(default=None, description="null when the source names no owner.")
    contact_organisation: Optional[Name] = Field(
        default=None, description="Organisation of a named contact (never a person)."
    )
    partners: list[Name] = Field(
        default_factory=list, description="Organisations that take part without funding it, as named."
    )
    geography: Geography
    funding: Funding = Field(default_factory=Funding)
    summary: Text
    activities: list[Text] = Field(default_factory=list)
    results: list[Text] = Field(default_factory=list)
    lessons: list[Text] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list, description="Slugs from reference/tags.yaml.")
    related: list[str] = Field(default_factory=list, description="Ids of related projects.")
    links: list[Name] = Field(default_factory=list, description="Web addresses the source spells out.")
    source: Annotated[Source, BeforeValidator(_legacy_source)] = Field(description="Where the facts come from.")
    former_ids: list[Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]] = Field(
        default_factory=list, description="Ids the project had before `servicekb rename` (old links keep working)."
    )


def json_schema(ref=None) -> dict:
    """The JSON Schema of a project file, as committed in schemas/project.schema.json.

    With reference data (`Reference`), the fields whose values it lists (theme, kind, owner type,
    tags, counties, municipalities, the source's ref) carry them as `enum`, so an editor offers
    them as a list; tests/test_schema.py fails when the committed schema and the data drift."""
    schema = Project.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    if ref is not None:
        from .text import swedish_key

        defs, top = schema["$defs"], schema["properties"]
        top["theme"]["enum"] = list(ref.themes.by_slug)
        top["kind"]["enum"] = list(ref.kinds.by_slug)
        top["tags"]["items"]["enum"] = list(ref.tags.by_slug)
        defs["Owner"]["properties"]["type"]["enum"] = list(ref.owner_types.by_slug)
        geo = defs["Geography"]["properties"]
        geo["counties"]["items"]["enum"] = sorted(ref.counties, key=swedish_key)
        geo["municipalities"]["items"]["enum"] = sorted(ref.municipalities, key=swedish_key)
        source_ref = defs["Source"]["properties"]["ref"]
        source_ref["anyOf"] = [{"type": "string", "enum": list(ref.sources)}, {"type": "null"}]
    return schema
