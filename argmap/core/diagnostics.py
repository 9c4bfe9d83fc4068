"""One problem type for every stage: syntax, schema, structure, citations and evaluation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from argmap.core.codes import Code, Severity


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at a place in a file. ``line`` and ``column`` are 1-based."""

    path: str
    line: int
    column: int
    severity: Severity
    code: Code
    message: str
    hints: tuple[str, ...] = ()

    @classmethod
    def of(cls, code: Code, path: str, line: int, column: int, message: str, hints: tuple[str, ...] = ()) -> Diagnostic:
        """A diagnostic with its code's severity: the one way the core makes one."""
        return cls(path, line, column, code.severity, code, message, hints)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hints": list(self.hints),
        }


@dataclass(frozen=True)
class Position:
    """A place in a file: 1-based line and column."""

    line: int
    column: int



class ExitCode:
    """The exit codes fixed by DESIGN.md."""

    CLEAN = 0
    INPUT_ERRORS = 1
    CANNOT_RUN = 2


@dataclass(frozen=True)
class Counts:
    """How many errors and warnings a list of diagnostics holds."""

    errors: int
    warnings: int


def count(diagnostics: Iterable[Diagnostic]) -> Counts:
    """How many errors and warnings: the one count every report and page shows."""
    errors = warnings = 0
    for d in diagnostics:
        if d.is_error:
            errors += 1
        else:
            warnings += 1
    return Counts(errors, warnings)


def exit_code_for(diagnostics: list[Diagnostic], strict: bool = False) -> int:
    if any(d.is_error for d in diagnostics):
        return ExitCode.INPUT_ERRORS
    if strict and diagnostics:
        return ExitCode.INPUT_ERRORS
    return ExitCode.CLEAN


class ArgmapError(Exception):
    """A failure that carries its exit code, raised where it is found and reported once, by the
    CLI. ``setting`` names, in the core's words, the input at fault ("depth", "focus"): the CLI
    says which of its options sets it."""

    exit_code: int = ExitCode.CANNOT_RUN

    def __init__(self, message: str, hint: str | None = None, *, setting: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.setting = setting


class UsageError(ArgmapError):
    """The command cannot run (missing file, bad option, missing Graphviz): exit 2."""
