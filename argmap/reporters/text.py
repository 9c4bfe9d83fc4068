from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic, count
from argmap.reporters.base import Checked
from argmap.reporters.evaluation import text_evaluation
from argmap.terminal import printable
from argmap.words import plural

if TYPE_CHECKING:
    from argmap.usecases.eval import EvalOutcome


def format_diagnostic(d: Diagnostic) -> str:
    """`path:line:col: severity code: message`, hints indented below (the form editors link)."""
    lines = [f"{printable(d.path)}:{d.line}:{d.column}: {d.severity.value} {d.code}: {printable(d.message)}"]
    lines.extend(f"    {printable(hint)}" for hint in d.hints)
    return "\n".join(lines)


def format_diagnostics(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(map(format_diagnostic, diagnostics))


def summary(result: Checked) -> str:
    s, counts = result.stats, count(result.diagnostics)
    return (f"checked {plural(s.maps, 'map')}, {plural(s.nodes, 'node')}; "
            f"{s.quotes_verified:,} of {plural(s.quotes, 'quote')} verified; "
            f"{plural(counts.errors, 'error')}, {plural(counts.warnings, 'warning')}")


def not_evaluated(outcome: EvalOutcome) -> str:
    counts = count(outcome.diagnostics)
    return f"{printable(outcome.path)}: not evaluated: {plural(counts.errors, 'error')}, {plural(counts.warnings, 'warning')}"


def written(paths: Sequence[Path], index: Path | None = None) -> str:
    """What a command wrote: each file, or for a site the count and the page to open."""
    if index is not None:
        return f"wrote {plural(len(paths), 'file')}: {index}"
    return "\n".join(f"wrote {path}" for path in paths)


class TextReporter:
    name = "text"
    for_people = True

    def render(self, result: Checked) -> str:
        return "\n".join([*map(format_diagnostic, result.diagnostics), summary(result)])

    def unevaluated(self, outcome: EvalOutcome) -> str:
        return "\n".join([*map(format_diagnostic, outcome.diagnostics), not_evaluated(outcome)])

    def evaluation(self, outcome: EvalOutcome) -> str:
        return text_evaluation(outcome)
