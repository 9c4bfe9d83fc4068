from argmap.checks.rule import MapContext, ProjectContext, rule
from argmap.core.codes import Code


@rule(Code.AM312, "A node whose relations lead to no thesis, or a thesis nothing points at.")
def orphan_nodes(ctx: MapContext):
    """Every node should take part in the debate.

    Passing:

        t: {type: thesis, side: pro, text: T}
        a: {type: claim, text: A, supports: [t], analytic: true}

    Failing:

        t: {type: thesis, side: pro, text: T}
        a: {type: claim, text: A, supports: [b], analytic: true}
        b: {type: claim, text: B, attacks: [a], analytic: true}    # neither leads to t
    """
    graph = ctx.graph
    lonely_thesis_ok = len(ctx.model.nodes) == 1
    # found with set operations first: a large map usually has nothing to report
    theses_heard = lonely_thesis_ok or all(map(graph.incoming.get, graph.theses))
    if theses_heard and not ctx.model.nodes.keys() - graph.reaches_thesis:
        return
    for node_id, node in ctx.model.nodes.items():
        if node.type == "thesis":
            if not graph.incoming.get(node_id) and not lonely_thesis_ok:
                yield ctx.report(("nodes", node_id), f"nothing supports or attacks thesis '{node_id}'", at_key=True)
        elif node_id not in graph.reaches_thesis:
            yield ctx.report(("nodes", node_id), f"node '{node_id}' is not connected to any thesis", at_key=True)


@rule(Code.AM313, "A registered source no checked map cites (reported when a whole folder of maps is checked).")
def unused_sources(ctx: ProjectContext):
    """Every source in seeds/sources.yaml is cited by some map.

    Passing: `argmap check maps/` where some map quotes each registered source.

    Failing: a source `old2019` in seeds/sources.yaml that no evidence names.
    """
    project = ctx.project
    if not project.covers_folder or project.registry is None or project.unloaded_maps:
        return
    cited = ctx.cited_sources
    for source_id in project.registered:
        if source_id not in cited:
            yield ctx.report(project.registry, ("sources", source_id), f"source '{source_id}' is not cited by any map",
                             at_key=True)
