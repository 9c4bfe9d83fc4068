"""Which nodes to draw: a neighbourhood of one node (a focus and a depth), one side, or both
at once (the intersection)."""

from __future__ import annotations

import difflib
from collections import deque
from dataclasses import dataclass

from argmap.core.diagnostics import UsageError
from argmap.core.graph import MapGraph

DEFAULT_DEPTH = 2


@dataclass(frozen=True)
class Selection:
    focus: str | None = None
    depth: int | None = None
    side: str | None = None

    def __post_init__(self) -> None:
        if self.depth is not None and self.focus is None:
            raise UsageError("a depth needs a focus node to count relations from",
                             "name the node whose neighbourhood to draw", setting="depth")
        if self.depth is not None and self.depth < 0:
            raise UsageError(f"a depth is 0 or more relations, not {self.depth}", setting="depth")


def neighbourhood(graph: MapGraph, focus: str, depth: int) -> set[str]:
    """Nodes within ``depth`` relations of ``focus``, following relations (and undercuts, to
    both ends of the relation undercut) both ways."""
    neighbours: dict[str, set[str]] = {node_id: set() for node_id in graph.nodes}
    for edge in graph.edges:
        if edge.target in neighbours:
            neighbours[edge.source].add(edge.target)
            neighbours[edge.target].add(edge.source)
    for undercut in graph.undercuts:  # an undercutter is one step from both ends of its relation
        if graph.takes_part(undercut):
            for end in (undercut.target, undercut.denied):
                neighbours[undercut.source].add(end)
                neighbours[end].add(undercut.source)
    distance = {focus: 0}
    queue = deque([focus])
    while queue:
        current = queue.popleft()
        if distance[current] == depth:
            continue
        for other in sorted(neighbours[current]):
            if other not in distance:
                distance[other] = distance[current] + 1
                queue.append(other)
    return set(distance)


def selected_nodes(graph: MapGraph, selection: Selection, map_name: str) -> set[str]:
    kept = set(graph.nodes)
    if selection.focus is not None:
        if selection.focus not in graph.nodes:
            close = difflib.get_close_matches(selection.focus, list(graph.nodes), n=3)
            raise UsageError(f"no node '{selection.focus}' in {map_name}", setting="focus",
                             hint=f"did you mean: {', '.join(close)}" if close else "see the node ids under nodes:")
        depth = DEFAULT_DEPTH if selection.depth is None else selection.depth
        kept &= neighbourhood(graph, selection.focus, depth)
    if selection.side is not None:
        kept = {node_id for node_id in kept if graph.sides.get(node_id) == selection.side}
    return kept
