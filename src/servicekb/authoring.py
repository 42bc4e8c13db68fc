"""Values as a person types them → a project: one resolver for `new` and `import`.

"Jämtlands län", "Kommun", "Genomförande", "pågående" and "1 250 000 kr" mean here what they
mean to the filter options (the same resolvers in reference.py, query.py and money.py), so
one word means one thing wherever it is typed. Every problem of every value is collected, not
just the first, so a spreadsheet of 40 rows is corrected in one round.

The values are flat, named as `export csv` names the columns of projects.csv (owner_name,
source_title, …), with the list fields (activities, places, …) as lists.
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from .errors import EXIT_PROBLEMS, EXIT_USAGE, ServiceKBError
from .messages import t

if TYPE_CHECKING:
    from .model import Project
    from .reference import Reference

MAX_ID_LENGTH = 50  # the house rule: about 50 characters, at a word boundary

# The flat names, in the order a form (or a CSV) presents them.
TEXT_FIELDS = (
    "id",
    "title",
    "theme",
    "kind",
    "status",
    "start_date",
    "end_date",
    "owner_name",
    "owner_type",
    "contact_organisation",
    "scope",
    "total_cost_sek",
    "budget_sek",
    "public_support_sek",
    "summary",
    "source",
    "source_publisher",
    "source_title",
    "source_url",
    "source_date",
    "source_programme",
    "source_section",
)
LIST_FIELDS = (
    "counties",
    "municipalities",
    "places",
    "partners",
    "co_funders",
    "activities",
    "results",
    "lessons",
    "tags",
    "related",
    "links",
    "former_ids",
)
REQUIRED = ("title", "theme", "kind", "status", "summary")
# Columns of an export that are computed, not entered: `import` reads past them.
COMPUTED = ("amount_sek",)
LIST_SEPARATOR = " | "  # as the CSV output writes a list in one cell


@dataclass(frozen=True)
class ValueProblem:
    """One value that cannot be used: the field (flat name), the value as given, what to do."""

    field: str
    value: str
    message: str


def slug(title: str, taken: set[str] | frozenset[str] = frozenset(), limit: int = MAX_ID_LENGTH) -> str:
    """The house rule for an id (data/README.md): the title as an ASCII slug, shortened at a word
    boundary to `limit` characters; where the short form is taken, words are added back until it
    is not (the two Medskapandeprocesser projects of Norsjö and Sorsele)."""
    text = title.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w]
    out = ""
    for word in words:
        longer = f"{out}-{word}" if out else word
        if len(longer) > limit and out and out not in taken:
            break
        out = longer
    return out[:80].rstrip("-")


def _date(text: str, end: bool) -> str:
    """YYYY-MM-DD; a month or a year alone means its last day for an end date, its first for a
    start date (data/README.md)."""
    text = text.strip()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return text
    m = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", text)
    if m and 1 <= int(m[2]) <= 12:
        year, month = int(m[1]), int(m[2])
        day = calendar.monthrange(year, month)[1] if end else 1
        return f"{year:04d}-{month:02d}-{day:02d}"
    if re.fullmatch(r"[0-9]{4}", text):
        return f"{text}-12-31" if end else f"{text}-01-01"
    raise ServiceKBError(t("author.date", value=text))


def split_list(value: Any) -> list[str]:
    """A list as given: a list, a JSON array (export csv), or one cell with ' | ' between items."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    if not text:
        return []
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return [str(v).strip() for v in parsed if str(v).strip()]
    return [part.strip() for part in text.split(LIST_SEPARATOR.strip()) if part.strip()]


_SCOPE_WORDS = {
    "lokal": "local",
    "kommunal": "municipal",
    "lanet": "county",
    "lan": "county",
    "flera lan": "multi-county",
    "hela landet": "national",
    "nationell": "national",
    "nationellt": "national",
}


def _scope(text: str) -> str:
    from .constants import SCOPES
    from .text import fold

    key = fold(text.strip())
    key = _SCOPE_WORDS.get(key, key)
    hits = [s for s in SCOPES if s == key] or [s for s in SCOPES if s.startswith(key)]
    if len(hits) != 1:
        raise ServiceKBError(t("author.scope", value=text, valid=", ".join(SCOPES)))
    return hits[0]


def derive_scope(counties: list[str], municipalities: list[str], places: list[str]) -> str:
    """The geography rule's first guess (data/README.md): no county → national, several →
    multi-county, named places → local, named municipalities → municipal, else the county.
    `--scope` overrides it where the rule's later distinctions apply."""
    if not counties:
        return "national"
    if len(counties) > 1:
        return "multi-county"
    if places:
        return "local"
    if municipalities:
        return "municipal"
    return "county"


def resolve(values: dict[str, Any], ref: Reference) -> tuple[dict[str, Any], list[ValueProblem]]:
    """Flat values as typed → flat values the model takes (slugs, short names, integers, ISO
    dates), with every problem found. Empty values are left out."""
    from .money import parse_amount
    from .query import resolve_status

    out: dict[str, Any] = {}
    problems: list[ValueProblem] = []

    def attempt(name: str, raw: str, convert):
        try:
            return convert(raw)
        except ServiceKBError as exc:
            problems.append(ValueProblem(name, raw, exc.message))
            return None

    for name in TEXT_FIELDS:
        raw = values.get(name)
        if raw is None or str(raw).strip() == "":
            continue
        raw = str(raw).strip()
        converters: dict[str, Any] = {
            "theme": lambda v: ref.themes.resolve(v).slug,
            "kind": lambda v: ref.kinds.resolve(v).slug,
            "owner_type": lambda v: ref.owner_types.resolve(v).slug,
            "status": resolve_status,
            "scope": _scope,
            "start_date": lambda v: _date(v, end=False),
            "end_date": lambda v: _date(v, end=True),
            "source_date": lambda v: _date(v, end=False),
            "total_cost_sek": lambda v: parse_amount(v, "total_cost_sek"),
            "budget_sek": lambda v: parse_amount(v, "budget_sek"),
            "public_support_sek": lambda v: parse_amount(v, "public_support_sek"),
            "source": lambda v: v if v in ref.sources else _unknown_source(v, ref),
        }
        value = attempt(name, raw, converters.get(name, lambda v: v))
        if value is not None:
            out[name] = value
    for name in LIST_FIELDS:
        items = split_list(values.get(name))
        if not items:
            continue
        if name == "counties":
            items = [v for v in (attempt(name, i, lambda v: ref.resolve_county(v).name) for i in items) if v]
        elif name == "municipalities":
            items = [v for v in (attempt(name, i, lambda v: ref.resolve_municipality(v).name) for i in items) if v]
        elif name == "tags":
            items = [v for v in (attempt(name, i, lambda v: ref.tags.resolve(v).slug) for i in items) if v]
        out[name] = list(dict.fromkeys(items))
    # A municipality names its county: the county need not be typed as well.
    counties = list(out.get("counties", []))
    for name in out.get("municipalities", []):
        county = ref.municipalities[name].county
        if county not in counties:
            counties.append(county)
    if counties:
        out["counties"] = counties
    return out, problems


def _unknown_source(value: str, ref: Reference) -> str:
    from .text import hint_for

    raise ServiceKBError(
        t(
            "author.source_unknown",
            value=value,
            hint=hint_for(value, ref.sources),
            valid=", ".join(ref.sources),
        )
    )


def missing(values: dict[str, Any]) -> list[str]:
    """The required flat fields that have no value (a source counts as given by `source`, or by
    `source_publisher` and `source_title` together; an owner's name asks for its type, and the
    type for the name)."""
    gone: list[str] = [name for name in REQUIRED if not str(values.get(name) or "").strip()]
    if not values.get("source") and not (values.get("source_publisher") and values.get("source_title")):
        gone += [n for n in ("source_publisher", "source_title") if not values.get(n)]
    # An owner is a name and a type together (the model's owner): one given asks for the other.
    given = [n for n in ("owner_name", "owner_type") if str(values.get(n) or "").strip()]
    if len(given) == 1:
        gone.append("owner_type" if given == ["owner_name"] else "owner_name")
    return gone


def to_document(values: dict[str, Any], pid: str) -> dict[str, Any]:
    """Resolved flat values → the nested mapping of a project file (the model's shape)."""
    v = values
    counties, municipalities, places = v.get("counties", []), v.get("municipalities", []), v.get("places", [])
    if v.get("source"):
        source: dict[str, Any] = {"ref": v["source"], "section": v.get("source_section")}
    else:
        source = {
            "publisher": v.get("source_publisher"),
            "title": v.get("source_title"),
            "url": v.get("source_url"),
            "date": v.get("source_date"),
            "programme": v.get("source_programme"),
            "section": v.get("source_section"),
        }
    owner = None
    if v.get("owner_name") or v.get("owner_type"):
        owner = {"name": v.get("owner_name"), "type": v.get("owner_type")}
    return {
        "id": pid,
        "title": v.get("title"),
        "theme": v.get("theme"),
        "kind": v.get("kind"),
        "status": v.get("status"),
        "start_date": v.get("start_date"),
        "end_date": v.get("end_date"),
        "owner": owner,
        "contact_organisation": v.get("contact_organisation"),
        "partners": v.get("partners", []),
        "geography": {
            "scope": v.get("scope") or derive_scope(counties, municipalities, places),
            "counties": counties,
            "municipalities": municipalities,
            "places": places,
        },
        "funding": {
            "total_cost_sek": v.get("total_cost_sek"),
            "budget_sek": v.get("budget_sek"),
            "public_support_sek": v.get("public_support_sek"),
            "co_funders": v.get("co_funders", []),
        },
        "summary": v.get("summary"),
        "activities": v.get("activities", []),
        "results": v.get("results", []),
        "lessons": v.get("lessons", []),
        "tags": v.get("tags", []),
        "related": v.get("related", []),
        "links": v.get("links", []),
        "source": {k: x for k, x in source.items() if x is not None},
        "former_ids": v.get("former_ids", []),
    }


def build(
    values: dict[str, Any], ref: Reference, taken: set[str], pid: Optional[str] = None
) -> tuple[Optional[Project], list[ValueProblem]]:
    """Typed values → a valid project, or every problem found (shape and reference rules alike,
    named by the flat field a person typed)."""
    from pydantic import ValidationError

    from .checks import check_project
    from .loader import _message
    from .model import Project
    from .problem import message

    resolved, problems = resolve(values, ref)
    for name in missing(values):
        problems.append(ValueProblem(name, "", t("author.missing")))
    if problems:
        return None, problems
    pid = pid or resolved.get("id") or slug(resolved["title"], taken)
    document = to_document(resolved, pid)
    try:
        project = Project.model_validate(document)
    except ValidationError as exc:
        for err in exc.errors(include_input=False):
            key, params = _message(dict(err))
            path = [str(p) for p in err["loc"] if not str(p).startswith("function-")]
            problems.append(ValueProblem(_flat(path), "", message(key, params)))
        return None, problems
    for where, key, params in check_project(project, ref, pid):
        problems.append(ValueProblem(_flat([str(p) for p in where]), "", message(key, params)))
    return (None if problems else project), problems


def _flat(path: list[str]) -> str:
    """A model path → the flat name a person typed: owner.type → owner_type, source.title → source_title."""
    if not path:
        return ""
    head = path[0]
    if head in ("geography", "funding"):
        return path[1] if len(path) > 1 else head
    if head in ("owner", "source") and len(path) > 1 and not path[1].isdigit():
        return f"{head}_{path[1]}" if not (head == "source" and path[1] == "ref") else "source"
    return head


# --- import: rows of a CSV file ------------------------------------------------------------

MAX_CSV_BYTES = 50 * 1024 * 1024  # far more than any register's spreadsheet
# The list fields an export keeps in tables of their own beside projects.csv: file, value column.
EXPORT_ITEM_TABLES = {
    "municipalities": ("project_municipalities.csv", "municipality"),
    "places": ("project_places.csv", "place"),
    "co_funders": ("project_co_funders.csv", "co_funder"),
    "links": ("project_links.csv", "link"),
    "activities": ("project_activities.csv", "activity"),
    "results": ("project_results.csv", "result"),
    "lessons": ("project_lessons.csv", "lesson"),
    "related": ("project_related.csv", "related_id"),
}
# The source's own columns in an export repeat sources.yaml's fields for a project that cites a
# source by ref: they are read only when the project names its own source.
_SOURCE_COPIES = ("source_publisher", "source_title", "source_url", "source_date", "source_programme")


@dataclass(frozen=True)
class Row:
    number: int  # the line of the CSV file the row starts on (the header is line 1)
    values: dict[str, Any]


def _decode_csv(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ServiceKBError(t("import.not_utf8", file=shown, line=line), EXIT_PROBLEMS) from None


def _read_table(path, shown: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """A CSV file's header and rows (with the line each starts on); `,` or Swedish Excel's `;`."""
    import csv
    import io
    import os

    try:
        size = os.stat(path).st_size
        if size > MAX_CSV_BYTES:
            raise ServiceKBError(t("import.too_large", file=shown, mb=MAX_CSV_BYTES // (1024 * 1024)), EXIT_USAGE)
        with open(path, "rb") as fh:
            raw = fh.read(MAX_CSV_BYTES + 1)
    except OSError as exc:
        raise ServiceKBError(t("import.unreadable", file=shown, reason=exc.strerror or exc), EXIT_USAGE) from None
    text = _decode_csv(raw, shown)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    csv.field_size_limit(MAX_CSV_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ServiceKBError(t("import.empty", file=shown), EXIT_PROBLEMS) from None
    rows = []
    try:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            if any(c.strip() for c in cells):
                rows.append((start, cells))
    except csv.Error as exc:
        raise ServiceKBError(t("import.bad_csv", file=shown, line=reader.line_num, reason=exc), EXIT_PROBLEMS) from None
    return header, rows


def read_rows(path, shown: str) -> tuple[list[Row], list[tuple[int, ValueProblem]]]:
    """The rows of a CSV of projects, as flat values; problems of the file's columns.

    The columns are projects.csv's of `export csv`; a list field is a JSON array or one cell with
    ' | ' between items. Beside an export's projects.csv, the list fields come from the tables
    the export wrote next to it (project_activities.csv, …), so export → import gives back the
    same files."""
    from pathlib import Path

    header, cells = _read_table(path, shown)
    known = set(TEXT_FIELDS) | set(LIST_FIELDS) | set(COMPUTED)
    problems: list[tuple[int, ValueProblem]] = []
    for name in header:
        if name not in known:
            from .text import hint_for

            hint = hint_for(name, sorted(known))
            problems.append((1, ValueProblem(name, name, t("import.unknown_column", hint=hint))))
    if len(set(header)) != len(header):
        problems.append((1, ValueProblem("", "", t("import.column_twice"))))
    rows: list[Row] = []
    for line, cells_of_row in cells:
        if len(cells_of_row) > len(header):
            n = len(cells_of_row)
            problems.append((line, ValueProblem("", "", t("import.too_many_cells", n=n, columns=len(header)))))
        values = {
            name: cells_of_row[i] if i < len(cells_of_row) else "" for i, name in enumerate(header) if name in known
        }
        if values.get("source"):
            for name in _SOURCE_COPIES:
                values.pop(name, None)
        rows.append(Row(line, values))
    folder = Path(path).parent
    if Path(path).name == "projects.csv":
        for name, (file_name, column) in EXPORT_ITEM_TABLES.items():
            table = folder / file_name
            if name in header or not table.is_file():
                continue
            sub_header, sub_rows = _read_table(table, str(table))
            if "project_id" not in sub_header or column not in sub_header:
                continue
            at_id, at_value = sub_header.index("project_id"), sub_header.index(column)
            at_pos = sub_header.index("position") if "position" in sub_header else None
            items: dict[str, list[tuple[int, str]]] = {}
            for _, cells_ in sub_rows:
                r = cells_
                pos = int(r[at_pos]) if at_pos is not None and r[at_pos].isdigit() else len(items.get(r[at_id], []))
                items.setdefault(r[at_id], []).append((pos, r[at_value]))
            for row in rows:
                found = sorted(items.get(str(row.values.get("id", "")), []))
                row.values[name] = [v for _, v in found]
    return rows, problems
