"""Run every rule of the table over a loaded project and count what was checked."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass

from argmap.checks import MAP_RULES, PROJECT_RULES
from argmap.checks.rule import MapContext, ProjectContext
from argmap.core.diagnostics import Diagnostic
from argmap.core.project import MapDocument, Project
from argmap.evaluate.evaluations import Evaluations


@dataclass
class CheckStats:
    """What a check run counted, for its summary line: maps, nodes, quotes and those verified."""

    maps: int = 0
    nodes: int = 0
    quotes: int = 0
    quotes_verified: int = 0


@dataclass(frozen=True)
class MapChecked:
    """What the map rules found in one map, and what they counted."""

    diagnostics: tuple[Diagnostic, ...]
    nodes: int
    quotes: int
    quotes_verified: int


# A map's text, with the registry's and the sources' texts: the map rules' results depend on
# nothing else, so a map whose key is unchanged need not be checked again.
MapCheckKey = tuple[object, ...]


def map_check_key(project: Project, document: MapDocument) -> MapCheckKey:
    registry = project.registry.text if project.registry is not None else None
    sources = tuple((source_id, str(source.path), source.text.text) for source_id, source in project.sources.items())
    return (str(document.path), document.doc.text, registry, sources)


def run_checks(
    project: Project, evaluations: Evaluations, cache: MutableMapping[MapCheckKey, MapChecked] | None = None
) -> tuple[list[Diagnostic], CheckStats]:
    """Every diagnostic of every rule, collected before returning; the rules never stop early.
    ``cache`` (kept by a caller that checks the same project again and again, `argmap serve`)
    gives back the map rules' results for maps whose text and sources did not change; it then
    holds this run's results only."""
    stats = CheckStats(maps=project.map_count)
    found: list[Diagnostic] = []
    used: set[MapCheckKey] = set()
    for document in project.maps:
        key = map_check_key(project, document) if cache is not None else None
        used.add(key)
        checked = cache.get(key) if cache is not None else None
        if checked is None:
            checked = _check_map(project, document, evaluations)
            if cache is not None:
                cache[key] = checked
        found.extend(checked.diagnostics)
        stats.nodes += checked.nodes
        stats.quotes += checked.quotes
        stats.quotes_verified += checked.quotes_verified
    if cache is not None:
        for stale in [key for key in cache if key not in used]:
            del cache[stale]
    project_context = ProjectContext(project)
    for rule in PROJECT_RULES:
        project_context.rule = rule
        found.extend(rule.check(project_context))
    return found, stats


def _check_map(project: Project, document: MapDocument, evaluations: Evaluations) -> MapChecked:
    context = MapContext(project, document, evaluations)
    found: list[Diagnostic] = []
    for rule in MAP_RULES:
        context.rule = rule
        found.extend(rule.check(context))
    return MapChecked(tuple(found), len(document.model.nodes), context.quote_count, context.quotes_verified)
