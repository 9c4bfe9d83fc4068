import difflib

from argmap.checks.rule import MapContext, rule
from argmap.codes import Code


@rule(Code.AM301, "`supports` or `attacks` names a node that does not exist.")
def dangling_references(ctx: MapContext):
    """Every id in `supports` and `attacks` must be a node of the same map.

    Passing:

        nodes:
          t: {type: thesis, side: pro, text: T}
          c: {type: claim, text: C, supports: [t], analytic: true}

    Failing:

        nodes:
          t: {type: thesis, side: pro, text: T}
          c: {type: claim, text: C, supports: [thesis], analytic: true}   # no node 'thesis'
    """
    ids = list(ctx.model.nodes)
    for edge in ctx.graph.edges:
        if edge.target in ctx.model.nodes:
            continue
        close = difflib.get_close_matches(edge.target, ids, n=1, cutoff=0.6)
        hints = (f"did you mean '{close[0]}'?",) if close else ()
        yield ctx.report(("nodes", edge.source, edge.relation, edge.index),
                         f"node '{edge.source}' {edge.relation} '{edge.target}', which is not a node of this map", hints)


@rule(Code.AM316, "A node names the same target twice, or both supports and attacks it.")
def repeated_relations(ctx: MapContext):
    """A relation is stated once.

    Passing:

        c: {type: claim, text: C, supports: [t], analytic: true}

    Failing:

        c: {type: claim, text: C, supports: [t, t], analytic: true}
    """
    for node_id, node in ctx.model.nodes.items():
        if len(node.supports) + len(node.attacks) < 2:
            continue
        seen: set[str] = set()
        for relation in ("supports", "attacks"):
            for i, target in enumerate(getattr(node, relation)):
                if target in seen:
                    yield ctx.report(("nodes", node_id, relation, i), f"node '{node_id}' names '{target}' more than once")
                seen.add(target)
