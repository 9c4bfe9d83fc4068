"""Checks: one small rule per concern, each with a stable code (see :mod:`.registry`).

Importing this package registers every rule; :func:`run_checks` runs them all and collects
every diagnostic before returning.
"""

from __future__ import annotations

from argmap.checks import (  # noqa: F401
    citations, cycles, evidence, expect, identity, loading, node_types, orphans, placeholders, references, sides,
)
from argmap.checks.registry import RULES, CheckStats, MapContext, ProjectContext, Rule, map_rules, project_rules
from argmap.diagnostics import Diagnostic
from argmap.project import Project

__all__ = ["RULES", "CheckStats", "Rule", "run_checks"]


def run_checks(project: Project) -> tuple[list[Diagnostic], CheckStats]:
    stats = CheckStats(maps=len(project.maps))
    found: list[Diagnostic] = []
    for document in project.valid_maps:
        stats.nodes += len(document.model.nodes)
        context = MapContext(project, document, stats)
        for rule in map_rules():
            context.rule = rule
            found.extend(rule.check(context))
    project_context = ProjectContext(project, stats)
    for rule in project_rules():
        project_context.rule = rule
        found.extend(rule.check(project_context))
    return found, stats
