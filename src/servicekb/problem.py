"""A problem found in a data file: where it is and what is wrong, in plain words.

A problem is stored as a message key and its values, not as text: the index cache keeps
problems across runs, and each run prints them in its own language (messages `problem.*`).
"""

from __future__ import annotations

from typing import NamedTuple, Union

Value = Union[str, int, tuple[str, ...]]


class Problem(NamedTuple):
    """One problem of one file: where, which field, and a message key with its values."""

    file: str
    line: int | None
    column: int | None
    field: str
    key: str  # a `problem.*` key of the message table, without the prefix
    params: tuple[tuple[str, Value], ...] = ()

    @classmethod
    def of(cls, file: str, line: int | None, column: int | None, field: str, key: str, /, **params: object) -> Problem:
        return cls(file, line, column, field, key, _frozen(params))

    @property
    def message(self) -> str:
        """What is wrong, in this run's language."""
        return message(self.key, dict(self.params))

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column}"
        from .text import visible

        # One line, whatever the file name or a quoted value holds (a newline in a file name
        # once forged a summary line of `validate`).
        return visible(f"{where}: {self.field + ': ' if self.field else ''}{self.message}", one_line=True)

    def as_dict(self) -> dict:
        """Language-neutral, for the index cache (see `from_dict`)."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "key": self.key,
            "params": {k: list(v) if isinstance(v, tuple) else v for k, v in self.params},
        }

    @classmethod
    def from_dict(cls, d: dict) -> Problem:
        return cls(d["file"], d["line"], d["column"], d["field"], d["key"], _frozen(d.get("params") or {}))


def _frozen(params: dict) -> tuple[tuple[str, Value], ...]:
    return tuple((k, tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in params.items())


def message(key: str, params: dict) -> str:
    """The message `problem.KEY` in this run's language. The values are put in words here, so
    that they too follow the language: `hint` holds suggestions ('Did you mean …?'), any other
    list is joined with commas, and numbers are grouped by thousands with spaces, as amounts are
    printed everywhere (money.format_sek)."""
    from .messages import t
    from .money import grouped
    from .text import did_you_mean

    values: dict[str, object] = {}
    for name, value in params.items():
        if name == "hint":
            values[name] = did_you_mean([str(v) for v in value] if isinstance(value, tuple) else [])
        elif isinstance(value, tuple):
            values[name] = ", ".join(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            values[name] = grouped(value)
        else:
            values[name] = value
    return t(f"problem.{key}", **values)
