from operator import attrgetter, not_, or_, truth

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code

_EVIDENCE, _ANALYTIC = attrgetter("evidence"), attrgetter("analytic")


@rule(Code.AM311, "A claim, objection or rebuttal has no evidence and is not marked `analytic: true`.")
def unsupported_nodes(ctx: MapContext):
    """Every point either quotes a source or says that it is a reasoned point without one.

    Passing:

        c: {type: claim, text: C, supports: [t], analytic: true}

    Failing:

        c: {type: claim, text: C, supports: [t]}
    """
    # Counted first at C speed: nothing to report when the only nodes without either are theses.
    nodes = ctx.model.nodes
    lacking = sum(map(not_, map(or_, map(truth, map(_EVIDENCE, nodes.values())), map(_ANALYTIC, nodes.values()))))
    if lacking == sum(not (nodes[t].evidence or nodes[t].analytic) for t in ctx.graph.theses):
        return
    for node_id, node in ctx.model.nodes.items():
        if node.type != "thesis" and not node.evidence and not node.analytic:
            yield ctx.report(("nodes", node_id), f"node '{node_id}' has no evidence",
                             ("add `evidence:` quoting a source, or `analytic: true` for a reasoned point",), at_key=True)
