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
from functools import cached_property, partial
from itertools import compress
from operator import add, attrgetter, itemgetter, not_
from typing import Literal

from argmap.core.model import ArgMap

Relation = Literal["supports", "attacks"]
EdgeKind = Literal["supports", "attacks", "undercuts"]


_SUPPORT_ENTRIES, _ATTACK_ENTRIES = attrgetter("support_entries"), attrgetter("attack_entries")
_SOURCE = itemgetter(0)
_UNDERCUTS, _TYPE = attrgetter("undercuts"), attrgetter("type")


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


class Edge(tuple):
    """A support or attack ``source -> target``: a tuple (source, target, relation, index), so
    that the graph of a map of 200,000 nodes makes its edges without a Python ``__init__`` per
    edge and its hottest loops read them by position; read by name elsewhere."""

    __slots__ = ()

    def __new__(cls, source: str, target: str, relation: EdgeKind, index: int) -> Edge:
        return tuple.__new__(cls, (source, target, relation, index))

    source: str = property(itemgetter(0))  # type: ignore[assignment]
    target: str = property(itemgetter(1))  # type: ignore[assignment]
    relation: EdgeKind = property(itemgetter(2))  # type: ignore[assignment]
    index: int = property(itemgetter(3))  # type: ignore[assignment]  # position in the source node's list, for diagnostics

    @property
    def what(self) -> str:
        """The relation in words, for messages: "attacks 'b'"."""
        return f"{self.relation} '{self.target}'"

    def __repr__(self) -> str:
        return f"{type(self).__name__}{tuple.__repr__(self)}"


class Undercut(Edge):
    """An undercut by ``source`` of the relation ``target -> denied``: for sides and reachability
    an edge to ``target``, the denied relation's source."""

    __slots__ = ()

    def __new__(cls, source: str, target: str, relation: EdgeKind, index: int, denied: str) -> Undercut:  # type: ignore[misc]
        return tuple.__new__(cls, (source, target, relation, index, denied))

    denied: str = property(itemgetter(4))  # type: ignore[assignment]

    @property
    def what(self) -> str:
        """In words: "undercuts 'a -> b'"."""
        return f"{self.relation} '{self.target} -> {self.denied}'"


_NEW_EDGE = partial(tuple.__new__, Edge)  # an Edge from a 4-tuple, without a Python call


@dataclass(frozen=True)
class SideSearch:
    """The sides relations give the nodes (see :attr:`MapGraph.side_candidates`): for each node
    reached, in the order reached, the first side and the edge that gave it (None on a thesis);
    the nodes given more than one side or edge with all of them."""

    first: dict[str, str]
    via: dict[str, Edge | None]
    several: dict[str, dict[str, list[Edge]]]


class MapGraph:
    def __init__(self, argmap: ArgMap):
        self.map = argmap
        self.nodes = nodes = argmap.nodes
        # One pass over the relation entries (an id, or a {to, weight} model), each edge filed
        # under its target as it is made: this visits every relation of maps of 200,000 nodes.
        self.edges: list[Edge] = []
        self.incoming: dict[str, list[Edge]] = defaultdict(list)
        keep, incoming, new_edge = self.edges.append, self.incoming, _NEW_EDGE
        for node_id, node in nodes.items():
            for relation, entries in (("supports", node.support_entries), ("attacks", node.attack_entries)):
                for i, entry in enumerate(entries):
                    target = entry if entry.__class__ is str else entry.to
                    edge = new_edge((node_id, target, relation, i))
                    keep(edge)
                    if target in nodes:
                        incoming[target].append(edge)
        models = nodes.values()
        # per node, in map order: how many supports and attacks it states, how many undercuts
        self.relation_counts: list[int] = list(map(add, map(len, map(_SUPPORT_ENTRIES, models)),
                                                   map(len, map(_ATTACK_ENTRIES, models))))
        undercut_lists = list(map(_UNDERCUTS, models))
        self.undercut_counts: list[int] = list(map(len, undercut_lists))
        # Only undercuts that take part count for sides and reachability; the others are check
        # errors (AM319, AM322).
        self.undercuts: list[Undercut] = [
            Undercut(node_id, ref.from_, "undercuts", i, ref.to)
            for node_id, refs in compress(zip(nodes, undercut_lists), self.undercut_counts)
            for i, ref in enumerate(refs)
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
        found = self.side_search
        return {node_id: found.several.get(node_id) or {side: [] if found.via[node_id] is None else [found.via[node_id]]}
                for node_id, side in found.first.items()}

    @cached_property
    def side_search(self) -> SideSearch:
        """:attr:`side_candidates` in a compact form, with nothing made per node but for the
        few given more than one edge: what the rules read on maps of 200,000 nodes."""
        # plain dicts and local names: this loop visits every relation of maps of 200,000 nodes
        first: dict[str, str] = {}
        via: dict[str, Edge | None] = {}
        several: dict[str, dict[str, list[Edge]]] = {}
        queue: deque[str] = deque()
        theses = set(self.theses)
        for node_id in self.theses:
            side = self.nodes[node_id].side
            if side:
                first[node_id], via[node_id] = side, None
                queue.append(node_id)
        incoming = self.incoming
        while queue:
            target = queue.popleft()
            edges = incoming.get(target)
            if not edges:
                continue
            # a copy: a node that relates to itself adds to its own sides
            for side in list(several[target]) if target in several else (first[target],):
                switched = "con" if side == "pro" else "pro"
                for edge in edges:
                    source = edge[0]  # (tuple fields by position: this is the hottest loop of a check)
                    if source in theses:
                        continue
                    derived = side if edge[2] == "supports" else switched
                    side_first = first.get(source)
                    if side_first is None:  # first reached: queued once, as every node in `first` is
                        first[source], via[source] = derived, edge
                        queue.append(source)
                        continue
                    candidates = several.get(source)
                    if candidates is None:
                        if derived == side_first and edge == via[source]:
                            continue
                        candidates = several[source] = {side_first: [via[source]]}  # type: ignore[list-item]
                    if derived not in candidates:
                        candidates[derived] = [edge]
                    elif edge not in candidates[derived]:
                        candidates[derived].append(edge)
        return SideSearch(first, via, several)

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
        reached = set(self.theses)
        if None not in self._theses:
            # Every thesis has a side: the nodes given a side are those that reach a thesis (the
            # path from one to the first thesis on its way carries that thesis's side).
            return reached.union(self.side_search.first)
        waiting = list(reached)  # the order of visits does not change the set reached
        incoming = self.incoming
        while waiting:
            edges = incoming.get(waiting.pop())
            if edges:
                fresh = set(map(_SOURCE, edges))
                fresh -= reached
                reached |= fresh
                waiting += fresh
        return reached

    @cached_property
    def idle(self) -> list[str]:
        """The ids of the nodes that neither support, attack nor undercut, in map order."""
        return list(compress(self.nodes, map(not_, map(add, self.relation_counts, self.undercut_counts))))

    @property
    def theses(self) -> list[str]:
        """The ids of the theses, in map order."""
        return self.of_type("thesis")

    def of_type(self, node_type: str) -> list[str]:
        """The ids of the nodes of ``node_type``, in map order: rules about one type read these
        instead of each passing over every node."""
        found = self._by_type.get(node_type)
        if found is None:  # each type looked for once, at C speed
            found = self._by_type[node_type] = list(compress(self.nodes, map(node_type.__eq__, self._types)))
        return found

    @cached_property
    def _types(self) -> list[str]:
        return list(map(_TYPE, self.nodes.values()))

    @cached_property
    def _by_type(self) -> dict[str, list[str]]:
        return {}  # filled by of_type

    def thesis_of(self, side: str) -> list[str]:
        return list(self._theses.get(side, ()))

    @cached_property
    def _theses(self) -> dict[str, list[str]]:
        """The theses of each side, in map order: found in one pass, as several rules ask."""
        found: dict[str, list[str]] = {}
        for node_id in self.theses:
            found.setdefault(self.nodes[node_id].side, []).append(node_id)  # type: ignore[arg-type]
        return found
