from __future__ import annotations

from argmap.check import CheckResult
from argmap.diagnostics import Diagnostic

# Characters a terminal acts on instead of showing: C0 and C1 controls with DEL (escape
# sequences, bells, line breaks inside one diagnostic), the Unicode line separators, and the
# bidirectional controls that can make text display differently from what it says.
_INVISIBLE = [*range(0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x2028, 0x202F), *range(0x2066, 0x206A)]
_ESCAPES = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _INVISIBLE}
_ESCAPES.update({ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"})


def printable(text: str) -> str:
    """Text from a map or source made safe for a terminal: controls are shown escaped (``\\x1b``,
    ``\\u202e``). Machine formats (json, sarif) keep the real characters; JSON escapes them."""
    return text.translate(_ESCAPES)


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
