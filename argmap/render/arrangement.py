"""Where the nodes sit: each side in a cluster of its own, the theses next to each other, and
wide ranks wrapped over several ranks.

``dot`` alone interleaves the sides (a PRO claim between two CON ones, edges across the whole
drawing) and puts every claim that answers a thesis on one rank: a map whose thesis has forty
reasons is drawn as a strip forty boxes wide. Here each side is a cluster, so its claims stay
together on its own half, and the clash between the theses weighs more than all other edges,
so the two theses meet where the halves touch. A rank with more boxes than :func:`rank_width`
allows has them staggered over extra ranks (as Graphviz's ``unflatten`` does with leaves) by
lengthening their edges: a wide fan or a bushy tree grows down instead of sideways.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from argmap.render.view import EdgeView, JunctionView, MapView, NodeView

SIDES = ("pro", "con")
# The clash pulls the theses together harder than all their claims pull them apart.
CLASH_WEIGHT = 1000
# How many boxes a rank holds, times the square root of the map's node count: about
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
    """How many boxes one rank may hold before the rest go onto further ranks."""
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


def answer_edges(view: MapView) -> dict[str, list[tuple[str, int, EdgeView | None]]]:
    """What each node answers: (the node, the ranks between them, the edge whose length can
    grow, if any). A relation through an undercut's junction spans two ranks; an undercut ends
    on the junction, a rank below the relation's target: two ranks below it too."""
    relation_target = {edge.junction: edge.target for edge in view.edges if edge.junction}
    answers: dict[str, list[tuple[str, int, EdgeView | None]]] = defaultdict(list)
    for edge in view.edges:
        if edge.relation in ("supports", "attacks"):
            answers[edge.source].append((edge.target, 2 if edge.junction else 1, edge))
        elif edge.relation == "undercuts" and edge.target in relation_target:
            answers[edge.source].append((relation_target[edge.target], 2, None))
    return answers


def depths(node_ids: list[str], answers: Mapping[str, list[tuple[str, int, EdgeView | None]]],
           minlen: Mapping[str, int]) -> dict[str, int]:
    """Each node's rank counted from the theses (0), as ``dot`` ranks it: one below the deepest
    node it answers, more where its edge is longer. A cycle (mutual attacks) is cut where it
    closes."""
    def span(base: int, edge: EdgeView | None) -> int:
        return base + (minlen.get(edge.dom_id, 1) - 1 if edge else 0)

    depth: dict[str, int] = {}
    for start in node_ids:
        if start in depth:
            continue
        # iterative: a chain of thousands of supports must not reach Python's recursion limit
        stack: list[tuple[str, int]] = [(start, 0)]
        on_path: set[str] = set()
        while stack:
            node_id, index = stack.pop()
            on_path.add(node_id)
            following = answers.get(node_id, [])
            if index < len(following):
                stack.append((node_id, index + 1))
                target = following[index][0]
                if target not in depth and target not in on_path:
                    stack.append((target, 0))
                continue
            on_path.discard(node_id)
            depth[node_id] = max((depth[t] + span(base, edge) for t, base, edge in following if t in depth), default=0)
    return depth


def wrapped_minlen(view: MapView, width: int) -> dict[str, int]:
    """Edge lengths that leave at most about ``width`` boxes on a rank: going down from the
    theses, a rank with more has its boxes staggered over as many ranks as it takes (the n-th
    goes n % layers ranks lower, what answers it with it), as Graphviz's ``unflatten`` does with
    leaves. Only a box that answers one node moves (by the dom id of that edge)."""
    answers = answer_edges(view)
    node_ids = [node.id for node in view.nodes]
    minlen: dict[str, int] = {}
    settled: set[str] = set()
    level = 1
    depth = depths(node_ids, answers, minlen)
    while level <= max(depth.values(), default=0):
        on_level = [node_id for node_id in node_ids if depth[node_id] == level]
        movable = [node_id for node_id in on_level if node_id not in settled
                   and len(answers[node_id]) == 1 and answers[node_id][0][2] is not None]
        settled.update(on_level)
        if len(on_level) > width and movable:
            layers = math.ceil(len(on_level) / width)
            # round-robin, so that every layer gets its share of long and short branches
            for index, node_id in enumerate(movable):
                if index % layers:
                    minlen[answers[node_id][0][2].dom_id] = 1 + index % layers
            depth = depths(node_ids, answers, minlen)
        level += 1
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
