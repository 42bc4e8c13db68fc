"""The canonical form of a project file: one writer for `new`, `import`, `fmt` and `rename`.

Two people entering the same project get the same bytes, so a review diff shows what changed
and nothing else. The form:

- the schema line first (editors offer completion and checking from it);
- every field of the model in the model's order (`former_ids` only once a project has been
  renamed), nested mappings indented by two spaces;
- a string plain where every YAML reader reads it back as the same string (YAML 1.1 and 1.2
  alike: `no`, `0100`, `12:30` and `null` are quoted), in double quotes otherwise;
- names and slugs as one flow list (`[a, b]`) when they fit on the line, a block list otherwise;
- prose folded at `WIDTH` columns: the summary always as a `>-` block, a list item on its own
  line when it fits and as a `>-` block when it does not.

`parse(canonical(p))` gives back `p` exactly (tests/test_writer.py holds the writer to it).
"""

from __future__ import annotations

import json
import re
from typing import Any

WIDTH = 100
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/project.schema.json"
PROSE_LISTS = ("activities", "results", "lessons")
# Fields whose default ([] or null) is left out of the file.
OMITTED_WHEN_EMPTY = ("former_ids",)

# YAML 1.1's implicit types (PyYAML and most other readers), checked without importing yaml:
# a plain scalar that matches any of these is read as something other than a string.
_SPECIAL = re.compile(
    r"""(?xi)
    ~ | null | true | false | yes | no | on | off | y | n
    | [-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?
    | [-+]?0b[01_]+ | [-+]?0x[0-9a-f_]+ | [-+]?0o?[0-7_]+
    | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?
    | [-+]?\.(inf|nan)
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?
    | = | <<
    """
)
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = set(",[]{}")


def _plain_ok(text: str, flow: bool = False) -> bool:
    """Can `text` be written unquoted and be read back as this very string by any YAML reader?"""
    if not text or text != text.strip() or _SPECIAL.fullmatch(text):
        return False
    if text[0] in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return False
    if any(not ch.isprintable() or ch in "\t\u2028\u2029\ufeff" for ch in text):
        return False
    return not (flow and _FLOW_UNSAFE & set(text))


def scalar(value: Any, flow: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):  # the model has none; never write Python's spelling
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _plain_ok(text, flow) or (_is_iso_date(text) and not flow):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _is_iso_date(text: str) -> bool:
    return bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text))


def _foldable(text: str) -> bool:
    """Can `text` stand in a `>-` block and be read back unchanged?"""
    return (
        bool(text)
        and text == text.strip()
        and all(ch.isprintable() and ch not in "\u2028\u2029\ufeff" for ch in text)
        and "  " not in text  # a double space would be kept but reads as a typo: quote instead
    )


def fold(text: str, indent: int, width: int = WIDTH) -> list[str]:
    """Lines of a folded block: broken at single spaces, each at most `width` where a word allows."""
    room = max(width - indent, 20)
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > room:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return [" " * indent + part for part in lines]


def _prose(key: str, text: str, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if _foldable(text):
        out.append(f"{pad}{key}: >-")
        out.extend(fold(text, indent + 2))
    else:
        out.append(f"{pad}{key}: {scalar(text)}")


def _list(key: str, items: list, indent: int, out: list[str], prose: bool = False) -> None:
    pad = " " * indent
    if not items:
        out.append(f"{pad}{key}: []")
        return
    if not prose:
        flow = "[" + ", ".join(scalar(i, flow=True) for i in items) + "]"
        if len(pad) + len(key) + 2 + len(flow) <= WIDTH and all(_plain_ok(str(i), flow=True) for i in items):
            out.append(f"{pad}{key}: {flow}")
            return
    out.append(f"{pad}{key}:")
    for item in items:
        one = f"{pad}  - {scalar(item)}"
        if not prose or len(one) <= WIDTH or not _foldable(str(item)):
            out.append(one)
        else:
            out.append(f"{pad}  - >-")
            out.extend(fold(str(item), indent + 4))


def _mapping(data: dict, order: list, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key in order:
        name = key if isinstance(key, str) else key[0]
        value = data.get(name)
        if name in OMITTED_WHEN_EMPTY and not value:
            continue
        if isinstance(key, tuple):  # a nested mapping
            if value is None:
                out.append(f"{pad}{name}: null")
                continue
            out.append(f"{pad}{name}:")
            nested_order = [k for k in key[1] if not (key[2] and value.get(k) is None)]
            _mapping(value, nested_order, indent + 2, out)
        elif name == "summary" and isinstance(value, str):
            _prose(name, value, indent, out)
        elif isinstance(value, list):
            _list(name, value, indent, out, prose=name in PROSE_LISTS)
        else:
            out.append(f"{pad}{name}: {scalar(value)}")


def _order() -> list:
    """The model's fields in its order; nested models as (name, fields, leave out nulls)."""
    from .fields import NESTED_FIELDS, TOP_FIELDS
    from .model import Project

    order: list = []
    for name in Project.model_fields:
        if name in NESTED_FIELDS:
            order.append((name, NESTED_FIELDS[name], name == "source"))
        else:
            assert name in TOP_FIELDS, name
            order.append(name)
    return order


def canonical(project: Any) -> str:
    """A project (a model instance, or its JSON-mode dump) as the text of its file."""
    data = project if isinstance(project, dict) else project.model_dump(mode="json")
    out = [SCHEMA_LINE]
    _mapping(data, _order(), 0, out)
    return "\n".join(out) + "\n"


def comment_lines(text: str) -> list[int]:
    """Lines holding a comment other than the schema line: `fmt` cannot carry them over.

    A `#` is a comment where it begins a line or follows a space outside every scalar; the
    scalars' spans come from the YAML scanner, so a `#` inside a quoted title is not one."""
    import yaml

    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        return []  # not YAML: the file's own problem is reported instead
    lines = []
    for m in re.finditer(r"(?:^|(?<=[ \t]))#", text, flags=re.M):
        at = m.start()
        if any(a <= at < b for a, b in spans):
            continue
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if line.strip() == SCHEMA_LINE:
            continue
        lines.append(text.count("\n", 0, at) + 1)
    return sorted(set(lines))
