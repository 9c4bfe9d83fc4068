"""What `argmap import`, `argmap export` and `argmap list` print for people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.core.diagnostics import count
from argmap.reporters.text import format_diagnostic
from argmap.text.terminal import printable
from argmap.text.words import plural

if TYPE_CHECKING:
    from argmap.usecases.interchange import ExportOutcome, ImportOutcome, NodeRow

NO_SIDE = "-"


def notices(lines: Sequence[str]) -> str:
    """What a conversion kept as notes or changed, one `argmap: note:` line each."""
    return "\n".join(printable(f"argmap: note: {line}") for line in lines)


def import_report(outcome: ImportOutcome, with_diagnostics: bool = True) -> str:
    """The notes, the check's diagnostics (unless another reporter shows them), and what was
    written (or why the map does not check)."""
    counts = count(outcome.diagnostics)
    lines = [notices(outcome.notices)] if outcome.notices else []
    if with_diagnostics:
        lines += [format_diagnostic(d) for d in outcome.diagnostics]
    where = str(outcome.output) if outcome.output is not None else "stdout"
    verdict = (f"wrote {where}: map '{outcome.map_id}', {plural(outcome.node_count, 'node')}; "
               f"check: {plural(counts.errors, 'error')}, {plural(counts.warnings, 'warning')}")
    if counts.errors:
        verdict += " (the map was written so it can be fixed; it does not pass `argmap check`)"
    lines.append(printable(verdict))
    return "\n".join(lines)


def export_report(outcome: ExportOutcome) -> str:
    lines = [notices(outcome.notices)] if outcome.notices else []
    if outcome.output is not None:
        lines.append(printable(f"wrote {outcome.output}"))
    return "\n".join(lines)


def node_table(rows: Sequence[NodeRow]) -> str:
    """One node per line, in columns: id, type, side, title."""
    if not rows:
        return "(no nodes)"
    id_width = max(len("id"), *(len(r.node_id) for r in rows))
    type_width = max(len("type"), *(len(r.type) for r in rows))
    lines = [f"{'id':<{id_width}}  {'type':<{type_width}}  side  title"]
    lines += [f"{r.node_id:<{id_width}}  {r.type:<{type_width}}  {(r.side or NO_SIDE):<4}  {' '.join(r.title.split())}"
              for r in rows]
    return "\n".join(map(printable, lines))
