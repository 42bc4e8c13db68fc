"""Safe YAML reading for project files: a small event-stream builder.

Why not `yaml.safe_load`: it guesses types (YAML 1.1 reads `no` as False, `0114` as 76,
`12:30` as 750), silently keeps the last of duplicate keys, expands aliases (a small
"billion laughs" file can eat all memory), and forgets where each value stood. Building the
data from the C parser's event stream keeps libyaml's speed and lets us: keep every scalar as
a string (only an unquoted null/~/empty is None; the model parses types), refuse anchors,
aliases and tags, detect duplicate keys, record the line and column of every value, and
nest arbitrarily deep without recursion.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import yaml

try:  # libyaml's C parser when present; the pure-Python one otherwise
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 64  # project files nest 3 deep; deeper is an error, not a RecursionError
_EMPTY = object()  # sentinel: no document content
_NOKEY = object()  # sentinel: a mapping frame waiting for its next key
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


class YAMLFileError(Exception):
    """A file that cannot be read as a project document; `mark` points at the problem."""

    def __init__(self, message: str, mark: Mark | None = None):
        super().__init__(message)
        self.message = message
        self.mark = mark


def _mark(m) -> Mark:
    return Mark(m.line + 1, m.column + 1)


def decode(raw: bytes) -> str:
    """Bytes → text: UTF-8 (a BOM is accepted), size-limited, with a located error otherwise."""
    if len(raw) > MAX_FILE_BYTES:
        raise YAMLFileError(f"file is {len(raw):,} bytes; project files are limited to 1 MiB")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YAMLFileError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            Mark(line, column),
        ) from None


def parse(text: str) -> tuple[object, dict[tuple, Mark]]:
    """Parse one YAML document into plain dicts/lists/str/None and a map path → Mark.

    Paths are tuples of keys and list indexes, e.g. ("funding", "total_cost_sek") or
    ("tags", 0); the key itself is recorded under path + ("<key>",) for unknown-field errors.
    """
    marks: dict[tuple, Mark] = {}
    stack: list[list] = []  # frames: [container, path, pending_key_or_None, start_mark]
    root: object = _EMPTY
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            cls = type(event)
            if cls is yaml.AliasEvent:
                raise YAMLFileError("aliases (*name) are not allowed in project files; write the value out", _mark(event.start_mark))
            if cls in (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent):
                if event.anchor is not None:
                    raise YAMLFileError("anchors (&name) are not allowed in project files; write the value out", _mark(event.start_mark))
                if event.tag is not None and not (cls is yaml.ScalarEvent and event.tag == "!"):
                    raise YAMLFileError(f"tags such as {event.tag!r} are not allowed in project files", _mark(event.start_mark))
            if cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YAMLFileError("more than one YAML document (---) in the file; one project per file", _mark(event.start_mark))
                continue
            if cls is yaml.ScalarEvent:
                value = event.value
                if not event.style and event.implicit[0] and value in _NULLS:
                    value = None
                else:
                    value = unicodedata.normalize("NFC", value)
                node: object = value
            elif cls is yaml.MappingStartEvent:
                node = {}
            elif cls is yaml.SequenceStartEvent:
                node = []
            elif cls in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                stack.pop()
                continue
            else:
                continue
            mark = _mark(event.start_mark)
            if not stack:
                path: tuple = ()
                root = node
            else:
                frame = stack[-1]
                container, parent = frame[0], frame[1]
                if isinstance(container, list):
                    path = parent + (len(container),)
                    container.append(node)
                elif frame[2] is _NOKEY:  # this node is a key
                    if not isinstance(node, str) and node is not None:
                        raise YAMLFileError("mapping keys must be plain names", mark)
                    key = node if node is not None else "null"
                    if key in container:
                        first = marks.get(parent + ("<key>", key))
                        where = f" (first at line {first.line})" if first else ""
                        raise YAMLFileError(f"duplicate key {key!r}{where}; each field may appear once", mark)
                    marks[parent + ("<key>", key)] = mark
                    frame[2] = key
                    continue
                else:
                    key = frame[2]
                    frame[2] = _NOKEY
                    path = parent + (key,)
                    container[key] = node
            marks[path] = mark
            if isinstance(node, (dict, list)) and len(stack) >= MAX_DEPTH:
                raise YAMLFileError(f"nested more than {MAX_DEPTH} levels deep", mark)
            if isinstance(node, dict):
                stack.append([node, path, _NOKEY])
            elif isinstance(node, list):
                stack.append([node, path, None])
    except yaml.MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise YAMLFileError(f"invalid YAML: {problem}", _mark(m) if m else None) from None
    except yaml.YAMLError as exc:
        raise YAMLFileError(f"invalid YAML: {exc}") from None
    if root is _EMPTY:
        root = None
    return root, marks

