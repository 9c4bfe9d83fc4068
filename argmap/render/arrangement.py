"""Where the nodes sit: each side in a cluster of its own, the theses next to each other, and
wide ranks of unanswered claims wrapped over several ranks.

``dot`` alone interleaves the sides (a PRO claim between two CON ones, edges across the whole
drawing) and puts every claim that answers a thesis on one rank: a map whose thesis has forty
reasons is drawn as a strip forty boxes wide. Here each side is a cluster, so its claims stay
together on its own half, and the clash between the theses weighs more than all other edges,
so the two theses meet where the halves touch. A node with more answers than :func:`rank_width`
allows gets them staggered over extra ranks (as Graphviz's ``unflatten`` does with leaves) by
lengthening their edges: a wide fan grows down instead of sideways.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from argmap.render.view import EdgeView, JunctionView, MapView, NodeView

SIDES = ("pro", "con")
# The clash pulls the theses together harder than all their claims pull them apart.
CLASH_WEIGHT = 1000
# How many answers to one node a rank holds, times the square root of the map's node count: about
# square for boxes ~230 pt wide and ~55 pt tall, ranks ~90 pt apart top to bottom (BT, TB) and
# ~270 pt apart left to right (LR, RL), where a rank is a column and holds many more (pages scroll down).
RANK_WIDTH_PER_ROOT = {"BT": 0.4, "TB": 0.4, "LR": 3.0, "RL": 3.0}
SMALLEST_RANK_WIDTH = 3


@dataclass(frozen=True)
class SideGroup:
    side: str | None  # None: the nodes no relation gives a side
    nodes: tuple[NodeView, ...]
    junctions: tuple[JunctionView, ...]  # on relations from this side's nodes: drawn among them


@dataclass(frozen=True)
class Arrangement:
    groups: tuple[SideGroup, ...]
    edge_minlen: dict[str, int]  # an edge's dom id -> the ranks it spans, when more than one
    unanswered: tuple[str, ...]  # the nodes nothing answers: the lowest ranks of the drawing
    theses: tuple[str, ...]  # the highest rank


def rank_width(node_count: int, rankdir: str) -> int:
    """How many answers to one node a rank may hold before the rest go onto further ranks."""
    return max(SMALLEST_RANK_WIDTH, math.ceil(RANK_WIDTH_PER_ROOT[rankdir] * math.sqrt(node_count)))


def side_groups(view: MapView) -> tuple[SideGroup, ...]:
    side_of = {node.id: node.side if node.side in SIDES else None for node in view.nodes}
    nodes: dict[str | None, list[NodeView]] = defaultdict(list)
    for node in view.nodes:
        nodes[side_of[node.id]].append(node)
    junction_side = {edge.junction: side_of.get(edge.source) for edge in view.edges if edge.junction}
    junctions: dict[str | None, list[JunctionView]] = defaultdict(list)
    for junction in view.junctions:
        junctions[junction_side.get(junction.name)].append(junction)
    return tuple(SideGroup(side, tuple(nodes[side]), tuple(junctions[side]))
                 for side in (*SIDES, None) if nodes[side] or junctions[side])


def wrapped_minlen(view: MapView, width: int) -> dict[str, int]:
    """The lengths that stagger the answers to a node over extra ranks when it has more than
    ``width`` of them: its n-th answer goes down n % layers ranks more, its own answers with it
    (by the dom id of its edge; a relation through an undercut's junction stretches its first half)."""
    answers: dict[str, list[EdgeView]] = defaultdict(list)
    for edge in view.edges:
        if edge.relation in ("supports", "attacks"):
            answers[edge.target].append(edge)
    minlen: dict[str, int] = {}
    for edges in answers.values():
        if len(edges) <= width:
            continue
        layers = math.ceil(len(edges) / width)
        for index, edge in enumerate(edges):
            # round-robin, so that every layer gets its share of long and short branches
            if index % layers:
                minlen[edge.dom_id] = 1 + index % layers
    return minlen


def unanswered(view: MapView) -> tuple[str, ...]:
    relation_source = {edge.junction: edge.source for edge in view.edges if edge.junction}
    # an undercut answers the source of the relation it denies
    answered = {relation_source.get(edge.target, edge.target) for edge in view.edges}
    return tuple(node.id for node in view.nodes if node.id not in answered)


def arrange(view: MapView, rankdir: str) -> Arrangement:
    return Arrangement(side_groups(view), wrapped_minlen(view, rank_width(len(view.nodes), rankdir)), unanswered(view),
                       tuple(node.id for node in view.nodes if node.type == "thesis"))


def unarranged(view: MapView) -> Arrangement:
    """Every node where ``dot`` puts it: no clusters, no wrapping (the large maps' layouts)."""
    return Arrangement((SideGroup(None, view.nodes, view.junctions),), {}, (), ())
