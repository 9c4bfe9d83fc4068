from __future__ import annotations

from argmap.check import CheckResult
from argmap.diagnostics import Diagnostic
from argmap.terminal import printable

def format_diagnostic(d: Diagnostic) -> str:
    """`path:line:col: severity code: message`, hints indented below (the form editors link)."""
    lines = [f"{printable(d.path)}:{d.line}:{d.column}: {d.severity.value} {d.code}: {printable(d.message)}"]
    lines.extend(f"    {printable(hint)}" for hint in d.hints)
    return "\n".join(lines)


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def summary(result: CheckResult) -> str:
    s = result.stats
    return (f"checked {plural(s.maps, 'map')}, {plural(s.nodes, 'node')}; "
            f"{s.quotes_verified:,} of {plural(s.quotes, 'quote')} verified; "
            f"{plural(result.errors, 'error')}, {plural(result.warnings, 'warning')}")


class TextReporter:
    name = "text"

    def render(self, result: CheckResult) -> str:
        parts = [format_diagnostic(d) for d in result.diagnostics]
        parts.append(summary(result))
        return "\n".join(parts)
