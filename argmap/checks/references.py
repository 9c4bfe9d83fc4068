import difflib

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code


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
    nodes = ctx.model.nodes
    ids = list(nodes)
    for edge in ctx.graph.edges:
        if edge.target in nodes:
            continue
        close = difflib.get_close_matches(edge.target, ids, n=1, cutoff=0.6)
        hints = (f"did you mean '{close[0]}'?",) if close else ()
        yield ctx.report(("nodes", edge.source, edge.relation, edge.index),
                         f"node '{edge.source}' {edge.relation} '{edge.target}', which is not a node of this map", hints)


@rule(Code.AM316, "A node names the same target twice, both supports and attacks it, or undercuts one relation twice.")
def repeated_relations(ctx: MapContext):
    """A relation is stated once, and so is an undercut.

    Passing:

        c: {type: claim, text: C, supports: [t], analytic: true}

    Failing:

        c: {type: claim, text: C, supports: [t, t], analytic: true}
    """
    graph = ctx.graph
    if max(graph.relation_counts, default=0) < 2 and max(graph.undercut_counts, default=0) < 2:
        return  # (found at C speed: in a large map, most nodes state one relation)
    for node_id, node in ctx.model.nodes.items():
        if len(node.support_entries) + len(node.attack_entries) >= 2:
            seen: set[str] = set()
            for relation in ("supports", "attacks"):
                for i, target in enumerate(getattr(node, relation)):
                    if target in seen:
                        yield ctx.report(("nodes", node_id, relation, i), f"node '{node_id}' names '{target}' more than once")
                    seen.add(target)
        if len(node.undercuts) >= 2:
            denied: set[tuple[str, str]] = set()
            for i, ref in enumerate(node.undercuts):
                if (ref.from_, ref.to) in denied:
                    yield ctx.report(("nodes", node_id, "undercuts", i),
                                     f"node '{node_id}' undercuts '{ref.from_} -> {ref.to}' more than once")
                denied.add((ref.from_, ref.to))


@rule(Code.AM319, "An undercut names a node that does not exist, or a pair that is not a support or attack.")
def unknown_undercuts(ctx: MapContext):
    """An undercut denies a relation of the map: `{from: a, to: b}` must name a support or an
    attack that node `a` declares on node `b`.

    Passing:

        c: {type: claim, text: C, supports: [t], analytic: true}
        u: {type: objection, text: U, undercuts: [{from: c, to: t}], analytic: true}

    Failing:

        c: {type: claim, text: C, supports: [t], analytic: true}
        u: {type: objection, text: U, undercuts: [{from: t, to: c}], analytic: true}   # t supports nothing
    """
    nodes = ctx.model.nodes
    ids = list(nodes)
    for edge in ctx.graph.undercuts:
        source, target = edge.target, edge.denied
        path = ("nodes", edge.source, "undercuts", edge.index)
        missing = [(key, end) for key, end in (("from", source), ("to", target)) if end not in nodes]
        if missing:
            key, end = missing[0]
            close = difflib.get_close_matches(end, ids, n=1, cutoff=0.6)
            yield ctx.report((*path, key), f"node '{edge.source}' {edge.what}, but '{end}' is not a node of this map",
                             (f"did you mean '{close[0]}'?",) if close else ())
        elif not ctx.graph.relation_exists(source, target):
            yield ctx.report(path, f"node '{edge.source}' {edge.what}, but '{source}' neither supports nor attacks '{target}'",
                             (_relation_hint(ctx, source, target), *_relations_into(ctx, target)))


def _relation_hint(ctx: MapContext, source: str, target: str) -> str:
    """What the author may have meant: the relation the other way round, or what ``source`` does."""
    if ctx.graph.relation_exists(target, source):
        return f"did you mean {{from: {target}, to: {source}}}? '{target}' is the one pointing at '{source}'"
    node = ctx.model.nodes[source]
    if not node.targets:
        return f"'{source}' supports and attacks nothing: an undercut names one of its relations"
    relations = [f"{{from: {source}, to: {t}}}" for t in node.targets]
    return f"the relations of '{source}': {', '.join(dict.fromkeys(relations))}"


def _relations_into(ctx: MapContext, target: str) -> tuple[str, ...]:
    """The relations that do end on ``target``: the one the author meant is often among them."""
    into = [f"{{from: {nid}, to: {target}}}" for nid, node in ctx.model.nodes.items() if target in node.targets]
    return (f"the relations into '{target}': {', '.join(into)}",) if into else ()


@rule(Code.AM322, "A node undercuts a relation it is itself an end of.")
def self_undercuts(ctx: MapContext):
    """An undercut is an answer to someone else's inference: a node does not deny its own
    reasoning (drop the relation instead), and a node does not undercut a relation aimed at
    it (a separate node answers the attack or support).

    Passing:

        c: {type: claim, text: C, supports: [t], analytic: true}
        u: {type: objection, text: U, undercuts: [{from: c, to: t}], analytic: true}

    Failing:

        c: {type: claim, text: C, supports: [t], undercuts: [{from: c, to: t}], analytic: true}
    """
    graph = ctx.graph
    for edge in graph.undercuts:
        if edge.source not in (edge.target, edge.denied) or not graph.relation_exists(edge.target, edge.denied):
            continue
        if edge.source == edge.target:
            message = f"node '{edge.source}' {edge.what}, its own relation"
            hint = f"to withdraw the inference, remove '{edge.denied}' from the relations of '{edge.source}'"
        else:
            message = f"node '{edge.source}' {edge.what}, a relation aimed at itself"
            hint = "write the answer as a separate node that undercuts the relation"
        yield ctx.report(("nodes", edge.source, "undercuts", edge.index), message, (hint,))
