"""Shared by the interchange tests: the sample folder and a loader for written maps."""

from __future__ import annotations

import json
import random
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


def generated_aif(statements: int, seed: int) -> str:
    """An AIF file shaped like a large real one: each statement supports (RA) or attacks (CA)
    one of the last statements, some also a second, earlier one (which may put them on both
    sides), and some undercut (CA -> RA or CA) a relation made before."""
    rng = random.Random(seed)
    nodes: list[dict] = []
    edges: list[dict] = []

    def node(kind: str, text: str) -> str:
        key = str(len(nodes) + 1)
        nodes.append({"nodeID": key, "text": text, "type": kind})
        return key

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target})

    i_nodes = [node("I", "Statement 0 is the thesis.")]
    schemes: list[str] = []
    for i in range(1, statements):
        statement = node("I", f"Statement {i} says something about the crossing.")
        targets = [rng.choice(i_nodes[-30:])] + ([rng.choice(i_nodes)] if rng.random() < 0.2 else [])
        for target in dict.fromkeys(targets):
            kind = "RA" if rng.random() < 0.6 else "CA"
            scheme = node(kind, "Default Inference" if kind == "RA" else "Default Conflict")
            edge(statement, scheme)
            edge(scheme, target)
            schemes.append(scheme)
        if schemes and rng.random() < 0.15:
            undercut = node("CA", "Default Conflict")
            edge(statement, undercut)
            edge(undercut, rng.choice(schemes[:-1] or schemes))
        i_nodes.append(statement)
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []}) + "\n"
