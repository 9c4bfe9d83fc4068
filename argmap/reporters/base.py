"""What a reporter is, and what it reads: any outcome that carries diagnostics (and, for a check
report, the counts of what was checked). Typed here without importing the pipeline, so that
loading a reporter loads no checker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Protocol

from argmap.core.diagnostics import Diagnostic

if TYPE_CHECKING:
    from argmap.checks.runner import CheckStats
    from argmap.usecases.eval import EvalOutcome


class Checked(Protocol):
    """A check's result: :class:`argmap.usecases.check.CheckResult` is one."""

    @property
    def diagnostics(self) -> Sequence[Diagnostic]: ...

    @property
    def stats(self) -> CheckStats: ...


class Reporter(Protocol):
    name: ClassVar[str]
    # Text is for people: beside a command's own output its diagnostics go to stderr. The other
    # formats are for programs, which read them alone on stdout.
    for_people: ClassVar[bool]

    def render(self, result: Checked) -> str:
        """The check report: every diagnostic, then what was checked."""

    def unevaluated(self, outcome: EvalOutcome) -> str:
        """`argmap eval`'s input had errors: its diagnostics, and that nothing was evaluated."""


class EvaluationReporter(Reporter, Protocol):
    """A reporter that can also show an evaluation (`argmap eval --format`)."""

    def evaluation(self, outcome: EvalOutcome) -> str: ...
