from functools import partial
from itertools import compress
from operator import attrgetter, lt

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code


_MORE_THAN_ONE = partial(lt, 1)
_SIDE = attrgetter("side")


@rule(Code.AM308, "A node's declared side differs from the side its relations give it, or its relations give it both sides.")
def side_mismatch(ctx: MapContext):
    """Support keeps the side of the node supported; attack switches it. An undercut of the
    relation `a -> b` takes the side opposite to `a`'s.

    Passing:

        t: {type: thesis, side: pro, text: T}
        o: {type: objection, side: con, text: O, attacks: [t], analytic: true}

    Failing:

        t: {type: thesis, side: pro, text: T}
        o: {type: objection, side: pro, text: O, attacks: [t], analytic: true}   # attacking pro makes it con
    """
    nodes = ctx.model.nodes
    search = ctx.graph.side_search
    # Whether there is anything to report, found at C speed first: nodes given both sides, or a
    # declared side their relations do not give (a large map usually has none).
    both = any(map(_MORE_THAN_ONE, map(len, search.several.values())))
    declared = compress(search.first, map(_SIDE, map(nodes.__getitem__, search.first)))
    if not both and all(nodes[node_id].side in (search.several.get(node_id) or (search.first[node_id],))
                        for node_id in declared):
        return
    found = ctx.graph.side_candidates
    for node_id, candidates in found.items():
        node = nodes[node_id]
        if node.type == "thesis":
            continue
        if len(candidates) > 1:
            detail = "; ".join(
                f"{edge.what} makes it {side}" for side, edges in sorted(candidates.items()) for edge in edges[:1]
            )
            yield ctx.report(("nodes", node_id), f"node '{node_id}' is on both sides: {detail}",
                             ("a node argues for one side; split it into two nodes",), at_key=True)
        elif node.side and node.side not in candidates:
            derived = next(iter(candidates))
            edge = candidates[derived][0]
            yield ctx.report(("nodes", node_id, "side"),
                             f"node '{node_id}' says side {node.side}, but it {edge.what}, which makes it {derived}",
                             ("remove `side:` (it is derived), or fix the relation",))


@rule(Code.AM315, "One of the two sides has no thesis.")
def side_without_thesis(ctx: MapContext):
    """A debate has two sides, each with its main position.

    Passing:

        nodes:
          t: {type: thesis, side: pro, text: T}
          u: {type: thesis, side: con, text: U}

    Failing:

        sides: {pro: P, con: C}
        nodes:
          t: {type: thesis, side: pro, text: T}    # no thesis with side: con
    """
    for side in ("pro", "con"):
        if not ctx.graph.thesis_of(side):
            yield ctx.report(("sides", side), f"side {side} has no thesis", (f"add a node with `type: thesis` and `side: {side}`",))
