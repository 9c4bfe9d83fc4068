"""Shared by the interchange tests: the sample folder and a loader for written maps."""

from __future__ import annotations

from pathlib import Path

from argmap.core.model import ArgMap
from argmap.core.project import MapDocument, load_map

INTERCHANGE = Path(__file__).resolve().parent / "data" / "interchange"

# Undercuts count as relations for the structural rules (an objection that only undercuts is
# valid) once the undercut checks land (issue 12, which adds AM319); until then such an objection
# is an AM304 error. Tests of maps with undercut-only nodes assert a clean check from then on.


def load(path: Path) -> ArgMap:
    document, problems = load_map(path)
    assert isinstance(document, MapDocument), problems
    return document.model


def relation_count(model: ArgMap) -> int:
    return sum(len(n.supports) + len(n.attacks) + len(n.undercuts) for n in model.nodes.values())


def error_codes(report: str) -> set[str]:
    """The codes of the errors in a text report."""
    return {line.split(": error ")[1].split(":")[0] for line in report.splitlines() if ": error " in line}
