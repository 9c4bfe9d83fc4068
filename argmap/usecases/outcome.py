"""What a command that checks maps hands back: the check it ran and what it wrote. The CLI
turns it into output and an exit code through a reporter; nothing here is formatted."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from argmap.core.diagnostics import ExitCode
from argmap.usecases.check import CheckResult


@dataclass
class Outcome:
    check: CheckResult
    written: list[Path] = field(default_factory=list)
    index: Path | None = None  # the page to open, for a site
    skipped: list[str] = field(default_factory=list)  # maps that did not load
    undrawn: list[str] = field(default_factory=list)  # maps written without a diagram (no Graphviz)

    @property
    def refused(self) -> bool:
        """Nothing was written: the check found errors (or there was nothing to write)."""
        return not self.written

    @property
    def exit_code(self) -> int:
        # errors found are reported by the exit code even when --allow-errors wrote the briefs
        return ExitCode.INPUT_ERRORS if self.check.errors else ExitCode.CLEAN
