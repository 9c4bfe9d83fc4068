"""Typed view models: what a diagram shows, computed once from the map, its sources and its
evaluation, so that the DOT writer only formats and never decides."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from argmap.graph import MapGraph, Relation
from argmap.model import ArgMap, Source, known_authors, year

Status = Literal["IN", "OUT", "UNDEC"]

# Literal author names that only say the author is unknown make poor cites; the source id,
# which the reader can look up in the registry, says more.
@dataclass(frozen=True)
class NodeView:
    id: str
    type: str
    side: str | None
    text: str  # the full text: the node's tooltip
    evidence_count: int
    cites: tuple[str, ...]  # distinct short cites ("Ade 2025"), in order of first use
    analytic: bool
    status: Status | None
    is_focus: bool = False
    title: str | None = None
    strength: float | None = None  # under a gradual semantics, drawn as a number and a bar

    @property
    def label(self) -> str:
        """What the node's box shows: its title, or its text when it has none."""
        return self.title or self.text

    @property
    def dom_id(self) -> str:
        return f"node-{self.id}"


@dataclass(frozen=True)
class EdgeView:
    source: str
    target: str
    relation: Relation
    dom_id: str
    faded: bool  # the attacking or supporting node falls, so the edge carries no force


@dataclass(frozen=True)
class MapView:
    id: str
    title: str
    question: str
    sides: Mapping[str, str]
    nodes: tuple[NodeView, ...]
    edges: tuple[EdgeView, ...]
    semantics: str | None  # named in the legend when statuses are shown
    strength_semantics: str | None = None  # named in the legend when strengths are shown

    @property
    def shows_status(self) -> bool:
        return self.semantics is not None


def short_cite(source_id: str, source: Source | None) -> str:
    """First author's surname and year: "Ade 2025", "Alvina n.d."; the source id when no
    author is known."""
    if source is None:
        return source_id
    authors = known_authors(source)
    return f"{authors[0].surname if authors else source_id} {year(source)}"


def _edge_ids(graph: MapGraph, kept: set[str]) -> list[tuple[str, str, Relation, str]]:
    """Stable DOM ids ``edge-<src>-<rel>-<dst>``; a repeated relation gets ``-2``, ``-3``."""
    seen: Counter[str] = Counter()
    result = []
    for edge in graph.edges:
        if edge.source not in kept or edge.target not in kept:
            continue
        base = f"edge-{edge.source}-{edge.relation}-{edge.target}"
        seen[base] += 1
        dom_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        result.append((edge.source, edge.target, edge.relation, dom_id))
    return result


def build_view(
    argmap: ArgMap,
    graph: MapGraph | None = None,
    sources: Mapping[str, Source] | None = None,
    labels: Mapping[str, Status] | None = None,
    kept: set[str] | None = None,
    semantics: str | None = None,
    focus: str | None = None,
    strengths: Mapping[str, float] | None = None,
) -> MapView:
    """The view of ``argmap``. ``kept`` limits the nodes drawn (focus, side); ``labels`` are the
    evaluation's IN/OUT/UNDEC per node; ``semantics`` names them in the legend."""
    graph = graph or MapGraph(argmap)
    sources = sources or {}
    labels = labels or {}
    kept = set(argmap.nodes) if kept is None else kept
    nodes = tuple(
        NodeView(
            id=node_id,
            type=node.type,
            side=graph.sides.get(node_id),
            text=node.text,
            evidence_count=len(node.evidence),
            cites=tuple(dict.fromkeys(short_cite(e.source, sources.get(e.source)) for e in node.evidence)),
            analytic=node.analytic,
            status=labels.get(node_id),
            is_focus=node_id == focus,
            title=node.title,
            strength=strengths.get(node_id) if strengths else None,
        )
        for node_id, node in argmap.nodes.items()
        if node_id in kept
    )
    edges = tuple(
        EdgeView(source, target, relation, dom_id, faded=labels.get(source) == "OUT")
        for source, target, relation, dom_id in _edge_ids(graph, kept)
    )
    return MapView(
        id=argmap.id,
        title=argmap.title,
        question=argmap.question,
        sides={"pro": argmap.sides.pro, "con": argmap.sides.con},
        nodes=nodes,
        edges=edges,
        semantics=semantics if labels else None,
        strength_semantics=semantics if strengths else None,
    )
