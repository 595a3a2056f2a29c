"""Located problems in content files, and the exception that carries them out of a build."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class SourceError:
    """One problem at a place in a content file: what is wrong and how to fix it."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        if self.severity == "warning":
            text += " [warning]"
        return text


class BuildFailed(Exception):
    """Raised when content has errors or a build stage fails; the output is left untouched."""

    def __init__(self, problems: list[SourceError] | None = None, message: str = "") -> None:
        self.problems = sorted(problems or [])
        self.message = message or f"{len(self.problems)} problem(s) in content"
        super().__init__(self.message)
