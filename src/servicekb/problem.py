"""A problem found in a data file: where it is and what is wrong, in plain words."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column}"
        from .text import visible

        # One line, whatever the file name or a quoted value holds (a newline in a file name
        # once forged a summary line of `validate`).
        return visible(f"{where}: {self.field + ': ' if self.field else ''}{self.message}", one_line=True)

    def as_dict(self) -> dict:
        return asdict(self)
