"""Run every rule of the table over a loaded project and count what was checked."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.checks import MAP_RULES, PROJECT_RULES
from argmap.checks.rule import MapContext, ProjectContext
from argmap.diagnostics import Diagnostic
from argmap.project import Project


@dataclass
class CheckStats:
    maps: int = 0
    nodes: int = 0
    quotes: int = 0
    quotes_verified: int = 0


def run_checks(project: Project) -> tuple[list[Diagnostic], CheckStats]:
    """Every diagnostic of every rule, collected before returning; the rules never stop early."""
    stats = CheckStats(maps=project.map_count)
    found: list[Diagnostic] = []
    for document in project.maps:
        context = MapContext(project, document)
        for rule in MAP_RULES:
            context.rule = rule
            found.extend(rule.check(context))
        stats.nodes += len(document.model.nodes)
        stats.quotes += len(context.quote_checks)
        stats.quotes_verified += sum(quote.result.found for quote in context.quote_checks)
    project_context = ProjectContext(project)
    for rule in PROJECT_RULES:
        project_context.rule = rule
        found.extend(rule.check(project_context))
    return found, stats
