"""The relations of one map as a graph: who supports, attacks or undercuts whom, and each
node's side.

Checks, evaluation and renderers all read relations through :class:`MapGraph` so that the
rules for sides and reachability are written once. An undercut names a relation ``a -> b``,
not a node; for sides and reachability it counts as an attack on ``a``, the relation's source:
the undercutter argues against what ``a`` is used for, so it takes the side opposite to ``a``.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from argmap.core.model import ArgMap

Relation = Literal["supports", "attacks"]
EdgeKind = Literal["supports", "attacks", "undercuts"]


def other_side(side: str) -> str:
    return "con" if side == "pro" else "pro"


def theses(argmap: ArgMap, side: str) -> list[str]:
    """The ids of the map's theses on ``side``, in map order."""
    return [n for n, node in argmap.nodes.items() if node.type == "thesis" and node.side == side]


def clashes(argmap: ArgMap) -> list[tuple[str, str]]:
    """The derived clash: every pro thesis attacks every con thesis and the reverse, as
    ``(attacker, target)`` pairs, unless the map says `theses: compatible`. No one writes these
    relations; every semantics evaluates them, and `export` leaves them out."""
    if not argmap.theses_clash:
        return []
    pro, con = theses(argmap, "pro"), theses(argmap, "con")
    return [*((p, c) for p in pro for c in con), *((c, p) for c in con for p in pro)]


@dataclass(frozen=True, slots=True)  # slots: a map may have hundreds of thousands of edges
class Edge:
    """A support or attack ``source -> target``."""

    source: str
    target: str
    relation: EdgeKind
    index: int  # position in the source node's list, for diagnostics

    @property
    def what(self) -> str:
        """The relation in words, for messages: "attacks 'b'"."""
        return f"{self.relation} '{self.target}'"


@dataclass(frozen=True, slots=True)
class Undercut(Edge):
    """An undercut by ``source`` of the relation ``target -> denied``: for sides and reachability
    an edge to ``target``, the denied relation's source. (A subclass, so that the many plain
    edges stay four fields, quick to make.)"""

    denied: str

    @property
    def what(self) -> str:
        """In words: "undercuts 'a -> b'"."""
        return f"{self.relation} '{self.target} -> {self.denied}'"


class MapGraph:
    def __init__(self, argmap: ArgMap):
        self.map = argmap
        self.nodes = argmap.nodes
        # One pass over the relation entries (an id, or a {to, weight} model), each edge filed
        # under its target as it is made: this visits every relation of maps of 200,000 nodes.
        nodes = self.nodes
        self.edges: list[Edge] = []
        self.incoming: dict[str, list[Edge]] = defaultdict(list)
        add, incoming = self.edges.append, self.incoming
        for node_id, node in nodes.items():
            for relation, entries in (("supports", node.support_entries), ("attacks", node.attack_entries)):
                for i, entry in enumerate(entries):
                    target = entry if entry.__class__ is str else entry.to
                    edge = Edge(node_id, target, relation, i)
                    add(edge)
                    if target in nodes:
                        incoming[target].append(edge)
        # Only undercuts that take part count for sides and reachability; the others are check
        # errors (AM319, AM322).
        self.undercuts: list[Undercut] = [
            Undercut(node_id, ref.from_, "undercuts", i, ref.to)
            for node_id, node in argmap.nodes.items() if node.undercuts
            for i, ref in enumerate(node.undercuts)
        ]
        for edge in self.undercuts:
            if self.takes_part(edge):
                self.incoming[edge.target].append(edge)

    def takes_part(self, undercut: Undercut) -> bool:
        """An undercut of a relation the map has, by a node that is neither end of it."""
        ends = (undercut.target, undercut.denied)
        return self.relation_exists(*ends) and undercut.source not in ends

    @cached_property
    def undercut_keys(self) -> set[tuple[str, str]]:
        """The relations ``(from, to)`` undercut by some node, counting only undercuts that take
        part in the map (the relation exists; the undercutter is neither of its ends)."""
        return {(e.target, e.denied) for e in self.undercuts if self.takes_part(e)}

    def relation_exists(self, source: str, target: str) -> bool:
        """Whether ``source`` supports or attacks ``target``."""
        node = self.nodes.get(source)
        return node is not None and (target in node.supports or target in node.attacks)

    def undercutters(self, source: str, target: str) -> list[str]:
        """The nodes that undercut the relation ``source -> target`` (each once, in map order)."""
        return list(dict.fromkeys(e.source for e in self.incoming.get(source, ())
                                  if e.relation == "undercuts" and e.denied == target))

    def attackers(self, node_id: str) -> list[str]:
        return [e.source for e in self.incoming.get(node_id, ()) if e.relation == "attacks"]

    def supporters(self, node_id: str) -> list[str]:
        return [e.source for e in self.incoming.get(node_id, ()) if e.relation == "supports"]

    @cached_property
    def side_candidates(self) -> dict[str, dict[str, list[Edge]]]:
        """For each node, the sides its relations give it, with the edges that give them.

        A thesis has its declared side. Support keeps the side of the target; attack switches
        it. Sides spread backwards from the theses along relations (breadth first).
        """
        # plain dicts and local names: this loop visits every relation of maps of 200,000 nodes
        result: dict[str, dict[str, list[Edge]]] = {}
        queue: deque[str] = deque()
        theses: set[str] = set()
        for node_id, node in self.nodes.items():
            if node.type == "thesis":
                theses.add(node_id)
                if node.side:
                    result[node_id] = {node.side: []}
                    queue.append(node_id)
        incoming = self.incoming
        while queue:
            target = queue.popleft()
            edges = incoming.get(target)
            if not edges:
                continue
            for side in list(result[target]):  # a copy: a node that relates to itself adds to it
                switched = "con" if side == "pro" else "pro"
                for edge in edges:
                    source = edge.source
                    if source in theses:
                        continue
                    derived = side if edge.relation == "supports" else switched
                    candidates = result.get(source)
                    if candidates is None:  # first reached: queued once, as every node in result is
                        result[source] = {derived: [edge]}
                        queue.append(source)
                    elif derived not in candidates:
                        candidates[derived] = [edge]
                    elif edge not in candidates[derived]:
                        candidates[derived].append(edge)
        return result

    @cached_property
    def sides(self) -> dict[str, str | None]:
        """Each node's side: the declared one on a thesis, otherwise the one derived (first
        relation wins when relations disagree; the checks report the disagreement)."""
        sides: dict[str, str | None] = {}
        for node_id, node in self.nodes.items():
            candidates = self.side_candidates.get(node_id) or {}
            if node.type == "thesis":
                sides[node_id] = node.side
            elif candidates:
                sides[node_id] = self._first_side(node_id, candidates)
            else:
                sides[node_id] = node.side
        return sides

    def _first_side(self, node_id: str, candidates: dict[str, list[Edge]]) -> str:
        node = self.nodes[node_id]
        if node.side in candidates:
            return node.side
        order = {target: i for i, target in enumerate(node.targets)}
        return min(candidates, key=lambda s: min((order.get(e.target, 1 << 30) for e in candidates[s]), default=0))

    @cached_property
    def reaches_thesis(self) -> set[str]:
        """Nodes from which some thesis can be reached by following relations."""
        reached = {n for n, node in self.nodes.items() if node.type == "thesis"}
        waiting = list(reached)  # the order of visits does not change the set reached
        incoming, reach, wait = self.incoming, reached.add, waiting.append
        while waiting:
            for edge in incoming.get(waiting.pop(), ()):
                if edge.source not in reached:
                    reach(edge.source)
                    wait(edge.source)
        return reached

    def thesis_of(self, side: str) -> list[str]:
        return list(self._theses.get(side, ()))

    @cached_property
    def _theses(self) -> dict[str, list[str]]:
        """The theses of each side, in map order: found in one pass, as several rules ask."""
        found: dict[str, list[str]] = {}
        for node_id, node in self.nodes.items():
            if node.type == "thesis":
                found.setdefault(node.side, []).append(node_id)  # type: ignore[arg-type]
        return found
