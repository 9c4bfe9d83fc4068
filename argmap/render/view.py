"""Typed view models: what a diagram shows, computed once from the map, its sources and its
evaluation, so that the DOT writer only formats and never decides."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from argmap.core.graph import EdgeKind, MapGraph, Undercut, clashes
from argmap.core.model import ArgMap, Source, known_authors, year

Status = Literal["IN", "OUT", "UNDEC"]

@dataclass(frozen=True)
class DrawnStatus:
    """What a diagram draws of an evaluation: each node's label, or its strength under a gradual
    semantics (then instead of the label), and the labels of undercut relations, by ``(from, to)``
    (a relation that falls is drawn faded); ``semantics`` names them in the legend."""

    semantics: str
    labels: dict[str, Status] = field(default_factory=dict)
    strengths: dict[str, float] = field(default_factory=dict)
    relation_labels: dict[tuple[str, str], Status] = field(default_factory=dict)
    verdict: str | None = None  # the map's verdict in words, for the legend


NO_STATUS = DrawnStatus(semantics="")


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
    target: str  # for an undercut: the junction on the relation it denies
    relation: EdgeKind | Literal["clash"]
    dom_id: str
    faded: bool  # the attacking or supporting node falls (or the undercut relation does): no force
    junction: str | None = None  # an undercut relation is drawn in two halves through this point
    weight: float = 1.0  # the relation's relevance, drawn as its thickness


@dataclass(frozen=True)
class JunctionView:
    """The point on an undercut relation where its undercuts end (Graphviz edges end on nodes)."""

    name: str  # the DOT node; "junction:..." (no map id holds a colon)
    dom_id: str
    relation: EdgeKind


@dataclass(frozen=True)
class MapView:
    id: str
    title: str
    question: str | None
    sides: Mapping[str, str]
    nodes: tuple[NodeView, ...]
    edges: tuple[EdgeView, ...]
    semantics: str | None  # named in the legend when statuses are shown
    strength_semantics: str | None = None  # named in the legend when strengths are shown
    junctions: tuple[JunctionView, ...] = ()
    verdict: str | None = None  # named in the legend when given

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


def _edge_ids(graph: MapGraph, kept: set[str]) -> list[tuple[str, str, EdgeKind, str]]:
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
    kept: set[str] | None = None,
    focus: str | None = None,
    status: DrawnStatus | None = None,
) -> MapView:
    """The view of ``argmap``. ``kept`` limits the nodes drawn (focus, side); ``status`` is what
    an evaluation gives each node and undercut relation (none drawn without it)."""
    graph = graph or MapGraph(argmap)
    sources = sources or {}
    status = status or NO_STATUS
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
            status=status.labels.get(node_id),
            is_focus=node_id == focus,
            title=node.title,
            strength=status.strengths.get(node_id),
        )
        for node_id, node in argmap.nodes.items()
        if node_id in kept
    )
    edges, junctions = _edges_and_junctions(graph, kept, status.labels, status.relation_labels)
    return MapView(
        id=argmap.id,
        title=argmap.title,
        question=argmap.question,
        sides={"pro": argmap.sides.pro, "con": argmap.sides.con},
        nodes=nodes,
        edges=edges,
        semantics=status.semantics if status.labels else None,
        strength_semantics=status.semantics if status.strengths else None,
        junctions=junctions,
        verdict=status.verdict,
    )


def _edges_and_junctions(graph: MapGraph, kept: set[str], labels: Mapping[str, Status],
                         relation_labels: Mapping[tuple[str, str], Status]
                         ) -> tuple[tuple[EdgeView, ...], tuple[JunctionView, ...]]:
    """The relations between drawn nodes; a relation that a drawn node undercuts passes through a
    junction point, where the undercut edge ends. A relation that falls is drawn faded."""
    undercutters: dict[tuple[str, str], list[Undercut]] = {}
    for undercut in graph.undercuts:
        if undercut.source in kept and graph.takes_part(undercut):
            undercutters.setdefault((undercut.target, undercut.denied), []).append(undercut)
    edges: list[EdgeView] = []
    junctions: list[JunctionView] = []
    nodes = graph.nodes
    for source, target, relation, dom_id in _edge_ids(graph, kept):
        faded = labels.get(source) == "OUT" or relation_labels.get((source, target)) == "OUT"
        weight = nodes[source].relation_weight(relation, target)
        cuts = undercutters.get((source, target))
        if not cuts:
            edges.append(EdgeView(source, target, relation, dom_id, faded, weight=weight))
            continue
        junction = JunctionView(f"junction:{dom_id}", f"junction-{dom_id.removeprefix('edge-')}", relation)
        junctions.append(junction)
        edges.append(EdgeView(source, target, relation, dom_id, faded, junction.name, weight))
        edges += [
            EdgeView(cut.source, junction.name, "undercuts",
                     f"edge-{cut.source}-undercuts-{dom_id.removeprefix('edge-')}", labels.get(cut.source) == "OUT")
            for cut in dict.fromkeys(cuts)
        ]
    # the theses' clash: one edge per pro and con thesis, drawn with a bar at both ends
    edges += [EdgeView(pro, con, "clash", f"clash-{pro}-{con}", False)
              for pro, con in clashes(graph.map) if nodes[pro].side == "pro" and pro in kept and con in kept]
    return tuple(edges), tuple(junctions)
