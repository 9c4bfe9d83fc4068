"""What each node type may point at (DESIGN.md, "Types and relations")."""

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code


@rule(Code.AM302, "A thesis must declare its `side` (pro or con).")
def thesis_has_side(ctx: MapContext):
    """A thesis is one side's main position, so it says which side.

    Passing:

        t: {type: thesis, side: pro, text: NATO expansion drives the dilemma.}

    Failing:

        t: {type: thesis, text: NATO expansion drives the dilemma.}
    """
    nodes = ctx.model.nodes
    for node_id in ctx.graph.theses:
        node = nodes[node_id]
        if node.side is None:
            yield ctx.report(("nodes", node_id), f"thesis '{node_id}' has no side",
                             ("add `side: pro` or `side: con`",), at_key=True)


@rule(Code.AM303, "A thesis points at nothing: no `supports`, no `attacks`, no `undercuts`.")
def thesis_points_at_nothing(ctx: MapContext):
    """Theses are the roots of the map; other nodes point at them.

    Passing:

        t1: {type: thesis, side: pro, text: A}
        c: {type: claim, text: B, attacks: [t1], analytic: true}

    Failing:

        t1: {type: thesis, side: pro, text: A}
        t2: {type: thesis, side: con, text: B, attacks: [t1]}
    """
    nodes = ctx.model.nodes
    for node_id in ctx.graph.theses:
        node = nodes[node_id]
        if node.support_entries or node.attack_entries or node.undercuts:
            relation = next(r for r in ("supports", "attacks", "undercuts") if getattr(node, r))
            what = "relations" if relation == "undercuts" else "nodes"
            yield ctx.report(("nodes", node_id, relation), f"thesis '{node_id}' {relation} other {what}; a thesis points at nothing",
                             ("make it a claim, or remove the relation",), at_key=True)


@rule(Code.AM304, "An objection attacks (or undercuts) at least once and supports nothing.")
def objection_attacks(ctx: MapContext):
    """An objection that only undercuts a relation (denies that its source shows its target) is
    an objection too.

    Passing:

        o: {type: objection, text: O, attacks: [c], analytic: true}

    Failing:

        o: {type: objection, text: O, supports: [c], analytic: true}
    """
    nodes = ctx.model.nodes
    for node_id in ctx.graph.of_type("objection"):
        node = nodes[node_id]
        if node.support_entries:
            yield ctx.report(("nodes", node_id, "supports"), f"objection '{node_id}' supports other nodes; an objection only attacks",
                             ("make it a claim, or turn `supports` into `attacks`",), at_key=True)
        elif not node.attack_entries and not node.undercuts:
            yield ctx.report(("nodes", node_id), f"objection '{node_id}' attacks nothing",
                             ("add `attacks: [<node id>]` or `undercuts: [{from: <id>, to: <id>}]`",), at_key=True)


@rule(Code.AM305, "A rebuttal attacks or undercuts, and only objections, rebuttals or their relations.")
def rebuttal_targets(ctx: MapContext):
    """A rebuttal answers an objection or a rebuttal: it attacks one, or undercuts a relation
    *from* one (`{from: o, to: c}`: even if o holds, it does not refute c).

    Passing:

        r: {type: rebuttal, text: R, attacks: [o], analytic: true}     # o is an objection

    Failing:

        r: {type: rebuttal, text: R, attacks: [c], analytic: true}     # c is a claim
    """
    nodes = ctx.model.nodes
    for node_id in ctx.graph.of_type("rebuttal"):
        node = nodes[node_id]
        if node.support_entries:
            yield ctx.report(("nodes", node_id, "supports"), f"rebuttal '{node_id}' supports other nodes; a rebuttal only attacks", at_key=True)
        if not node.attack_entries and not node.undercuts:
            yield ctx.report(("nodes", node_id), f"rebuttal '{node_id}' attacks nothing",
                             ("add `attacks: [<objection or rebuttal id>]`",), at_key=True)
        for i, target in enumerate(node.attacks):
            if target in nodes and nodes[target].type not in ("objection", "rebuttal"):
                yield ctx.report(("nodes", node_id, "attacks", i),
                                 f"rebuttal '{node_id}' attacks {nodes[target].type} '{target}'; "
                                 "a rebuttal attacks an objection or a rebuttal",
                                 ("to attack a claim or thesis, make this node an objection or a claim",))
        for i, ref in enumerate(node.undercuts):
            source = nodes.get(ref.from_)
            if source is not None and source.type not in ("objection", "rebuttal"):
                yield ctx.report(("nodes", node_id, "undercuts", i),
                                 f"rebuttal '{node_id}' undercuts '{ref.from_} -> {ref.to}', a relation of {source.type} "
                                 f"'{ref.from_}'; a rebuttal undercuts relations of objections and rebuttals",
                                 ("to undercut a claim's relation, make this node an objection",))


@rule(Code.AM306, "A claim supports, attacks or undercuts at least once.")
def claim_points_somewhere(ctx: MapContext):
    """Passing:

        c: {type: claim, text: C, supports: [t], analytic: true}

    Failing:

        c: {type: claim, text: C, analytic: true}
    """
    nodes = ctx.model.nodes
    for node_id in ctx.graph.idle:
        if nodes[node_id].type == "claim":
            yield ctx.report(("nodes", node_id), f"claim '{node_id}' neither supports nor attacks a node",
                             ("add `supports: [<id>]` or `attacks: [<id>]`",), at_key=True)
