"""Safe YAML reading for project files: a small event-stream builder.

Why not `yaml.safe_load`: it guesses types (YAML 1.1 reads `no` as False, `0114` as 76,
`12:30` as 750), silently keeps the last of duplicate keys, expands aliases (a small
"billion laughs" file can eat all memory), and forgets where each value stood. Here libyaml
composes the node tree (fast, in C) with no implicit resolvers, so every scalar stays a
string (only an unquoted null/~/empty is None; the model parses types); then a walk over
the nodes refuses aliases (the same node met twice — expansion never happens) and tags,
detects duplicate keys, and records the line and column of every value.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple, Optional

import yaml

try:  # libyaml's C parser when present; the pure-Python one otherwise
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_DEPTH = 64  # project files nest 3 deep; deeper is an error, not a RecursionError
_NULLS = {"", "~", "null", "Null", "NULL"}


class Mark(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


class YAMLFileError(Exception):
    """A file that cannot be read as a project document; `mark` points at the problem.

    What is wrong is a message key (`problem.KEY`) and its values, as in a Problem."""

    def __init__(self, key: str, mark: Mark | None = None, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params
        self.mark = mark

    @property
    def message(self) -> str:
        """In this run's language."""
        from .problem import message

        return message(self.key, self.params)


def _mark(m) -> Mark:
    return Mark(m.line + 1, m.column + 1)


def decode(raw: bytes) -> str:
    """Bytes → text: UTF-8 (a BOM is accepted), with a located error otherwise."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YAMLFileError("not_utf8", Mark(line, column), byte=f"0x{raw[exc.start]:02x}") from None


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_DEFAULT_TAGS = {yaml.ScalarNode: _STR, yaml.MappingNode: _MAP, yaml.SequenceNode: _SEQ}


class _Loader(_BaseLoader):
    """libyaml's composer with no implicit type guessing: every untagged scalar is a string."""

    def resolve(self, kind, value, implicit):  # called by the composer for every untagged node
        return _DEFAULT_TAGS[kind]


_BRACKETS = re.compile(r"[^\[\]{}]+")
_COMPACT = re.compile(rf"(?:[-?:][ \t]+){{{MAX_DEPTH + 1}}}")  # '- - - … x': block nesting on one line


def _depth_error(text: str) -> None:
    """libyaml's composer recurses on the C stack (PyYAML's Cython): refuse very deep
    nesting before it runs (a file of 100,000 '[' crashes the process with an old libyaml).

    A cheap count first: the depth the brackets would reach if none were inside a comment,
    a quoted string or a block scalar. Only a file that might be too deep (a real bomb, or
    65 '[' in a comment) is then walked as YAML events, which counts only real nesting and
    names where it goes too deep.
    """
    brackets = _BRACKETS.sub("", text)
    depth = deepest = 0
    for c in brackets:
        depth = depth + 1 if c in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    if deepest <= MAX_DEPTH and not _COMPACT.search(text):
        return
    depth = 0
    try:
        # PyYAML's pure-Python parser: a loop with no depth limit that looks ahead only a
        # little (libyaml's scanner would stop at its own limit of 1,000 before the
        # 65th level is reported). Only flagged files come here, so its speed does not matter.
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YAMLFileError("nested_deep", _mark(event.start_mark), n=MAX_DEPTH)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # not this check's business: the composer reports the error, at depth ≤ 64 so far


def parse(text: str, duplicates: Optional[list[Duplicate]] = None) -> tuple[object, Marks]:
    """Parse one YAML document into plain dicts/lists/str/None, and its Marks.

    Paths are tuples of keys and list indexes, e.g. ("funding", "total_cost_sek") or ("tags", 0).
    A key given twice raises YAMLFileError, or, with a `duplicates` list, is added to it and its
    first value kept, so that the caller can report every problem of the file in one round.
    """
    _depth_error(text)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.composer.ComposerError as exc:
        if "expected a single document" in str(exc):
            m = exc.problem_mark
            raise YAMLFileError("many_documents", _mark(m) if m else None) from None
        raise _yaml_error(exc, text) from None
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text) from None
    if root is None:
        return None, Marks(None)
    return _build(root, duplicates), Marks(root)


class Marks:
    """Where each value stands, looked up only when a problem needs it (keeps loading fast).

    `marks.get(("funding", "total_cost_sek"))` → Mark of the value; a key's own position is
    under parent + ("<key>", key).
    """

    def __init__(self, root):
        self.root = root

    def get(self, path: tuple, default=None):
        node = self.root
        if node is None:
            return default
        for i, part in enumerate(path):
            if part == "<key>" and i == len(path) - 2 and isinstance(node, yaml.MappingNode):
                for key_node, _ in node.value:
                    if key_node.value == path[-1]:
                        return _mark(key_node.start_mark)
                return default
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == part), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
            else:
                node = None
            if node is None:
                return default
        return _mark(node.start_mark)

    def __contains__(self, path: tuple) -> bool:
        return self.get(path) is not None

    def __getitem__(self, path: tuple) -> Mark:
        mark = self.get(path)
        if mark is None:
            raise KeyError(path)
        return mark


# libyaml's errors that people make most, in words of the message table, at the place to mend:
# (its context, the start of its problem, our message key, whose mark: the construct's start
# or where libyaml gave up). An unclosed quote is found at the end of the file; the quote is
# where it opened. Anything else keeps libyaml's own words (problem.invalid_yaml).
_YAML_ERRORS = (
    ("while scanning a quoted scalar", "found unexpected end of stream", "yaml_unclosed_quote", "context"),
    ("while parsing a flow sequence", "did not find expected", "yaml_unclosed_list", "context"),
    ("while parsing a flow sequence", "expected ',' or ']'", "yaml_unclosed_list", "context"),
    ("while parsing a flow mapping", "did not find expected", "yaml_unclosed_braces", "context"),
    ("while parsing a flow mapping", "expected ',' or '}'", "yaml_unclosed_braces", "context"),
    ("while scanning a simple key", "could not find expected ':'", "yaml_no_colon", "context"),
    ("", "found a tab character", "yaml_tab", "problem"),
    ("", "found character '\\t'", "yaml_tab", "problem"),
    ("", "mapping values are not allowed", "yaml_colon_in_value", "problem"),
    ("while parsing a block mapping", "did not find expected key", "yaml_indentation", "problem"),
    ("while parsing a block mapping", "expected <block end>", "yaml_indentation", "problem"),
)


def _yaml_error(exc: Exception, text: str = "") -> YAMLFileError:
    context, problem = getattr(exc, "context", None) or "", getattr(exc, "problem", None) or ""
    context_mark, problem_mark = getattr(exc, "context_mark", None), getattr(exc, "problem_mark", None)
    if problem.startswith("found character") and problem_mark is not None and _char_at(text, problem_mark) == "\t":
        return YAMLFileError("yaml_tab", _mark(problem_mark))  # (libyaml does not say which character)
    for when, what, key, at in _YAML_ERRORS:
        if context.startswith(when) and problem.startswith(what):
            m = context_mark if at == "context" and context_mark is not None else problem_mark
            return YAMLFileError(key, _mark(m) if m else None)
    m = problem_mark or context_mark
    return YAMLFileError("invalid_yaml", _mark(m) if m else None, problem=problem or context or str(exc))


class Duplicate(NamedTuple):
    """A key given a second time in one mapping: where, and the line of its first."""

    path: tuple  # the key's path, e.g. ("funding", "budget_sek")
    mark: Mark
    first: int  # line of the first


def _char_at(text: str, mark) -> str:
    lines = text.split("\n")
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    return line[mark.column] if 0 <= mark.column < len(line) else ""


def _build(root, duplicates: Optional[list[Duplicate]] = None):
    """Nodes → plain data, iteratively (no recursion limit to hit)."""
    seen: set[int] = set()  # an alias is the same node object met twice
    result_holder: list = [None]
    stack: list[tuple[Any, Any, Any, int]] = [(root, result_holder, 0, 0)]  # (node, container, key-or-index, depth)
    while stack:
        node, container, slot, depth = stack.pop()
        if id(node) in seen:
            raise YAMLFileError("alias", _mark(node.start_mark))
        seen.add(id(node))
        tag = node.tag
        cls = type(node)
        if cls is yaml.ScalarNode:
            if tag != _STR:
                raise YAMLFileError("yaml_tag", _mark(node.start_mark), tag=tag)
            value = node.value
            value = None if not node.style and value in _NULLS else unicodedata.normalize("NFC", value)
        elif depth >= MAX_DEPTH:
            raise YAMLFileError("nested_deep", _mark(node.start_mark), n=MAX_DEPTH)
        elif cls is yaml.MappingNode:
            if tag != _MAP:
                raise YAMLFileError("yaml_tag", _mark(node.start_mark), tag=tag)
            value = {}
            for key_node, value_node in node.value:
                if type(key_node) is not yaml.ScalarNode or key_node.tag != _STR:
                    raise YAMLFileError("key_not_name", _mark(key_node.start_mark))
                key = key_node.value
                if key in value:
                    first = next(k for k, _ in node.value if k.value == key)
                    if duplicates is None:
                        raise YAMLFileError(
                            "duplicate_key", _mark(key_node.start_mark), name=key, first=first.start_mark.line + 1
                        )
                    path = (*_path_of(root, node), key)
                    duplicates.append(Duplicate(path, _mark(key_node.start_mark), first.start_mark.line + 1))
                    continue  # the first value is kept
                value[key] = None
                stack.append((value_node, value, key, depth + 1))
        else:
            if tag != _SEQ:
                raise YAMLFileError("yaml_tag", _mark(node.start_mark), tag=tag)
            items = node.value
            value = [None] * len(items)
            for i, item in enumerate(items):
                stack.append((item, value, i, depth + 1))
        container[slot] = value
    return result_holder[0]


def _path_of(root, target) -> tuple:
    """The path of a node below root (looked for only when a problem names it)."""
    stack: list[tuple[Any, tuple]] = [(root, ())]
    seen: set[int] = set()  # (an alias met again: _build refuses it; here it must not loop)
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [(v, (*path, k.value)) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(v, (*path, i)) for i, v in enumerate(node.value)]
    return ()
