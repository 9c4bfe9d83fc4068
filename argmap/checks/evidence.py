from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code


@rule(Code.AM311, "A claim, objection or rebuttal has no evidence and is not marked `analytic: true`.")
def unsupported_nodes(ctx: MapContext):
    """Every point either quotes a source or says that it is a reasoned point without one.

    Passing:

        c: {type: claim, text: C, supports: [t], analytic: true}

    Failing:

        c: {type: claim, text: C, supports: [t]}
    """
    for node_id, node in ctx.model.nodes.items():
        if node.type != "thesis" and not node.evidence and not node.analytic:
            yield ctx.report(("nodes", node_id), f"node '{node_id}' has no evidence",
                             ("add `evidence:` quoting a source, or `analytic: true` for a reasoned point",), at_key=True)
