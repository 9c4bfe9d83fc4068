from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code


@rule(Code.AM307, "Support relations form a cycle (a node supports itself, directly or not).")
def support_cycles(ctx: MapContext):
    """Support is a reason for a conclusion; a chain of reasons cannot come back to its start.

    Passing:

        a: {type: claim, text: A, supports: [b], analytic: true}
        b: {type: claim, text: B, supports: [t], analytic: true}

    Failing:

        a: {type: claim, text: A, supports: [b], analytic: true}
        b: {type: claim, text: B, supports: [a], analytic: true}
    """
    nodes = ctx.model.nodes
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start, node in nodes.items():
        if start in state or not node.support_entries:  # a node that supports nothing starts no path
            continue
        # iterative depth-first search: maps can be deep, Python's stack is not
        path: list[str] = [start]
        iterators = [iter(node.support_entries)]  # entries, not the ids: no list built per node
        state[start] = 1
        while iterators:
            entry = next(iterators[-1], None)
            if entry is None:
                state[path.pop()] = 2
                iterators.pop()
                continue
            target = entry if entry.__class__ is str else entry.to  # an id, or a {to, weight} entry
            if target not in nodes:
                continue
            if state.get(target) == 1:
                cycle = path[path.index(target):] + [target]
                source = path[-1]
                index = nodes[source].supports.index(target)
                yield ctx.report(("nodes", source, "supports", index),
                                 f"support cycle: {' → '.join(cycle)}", ("break the cycle: support points towards a thesis",))
            elif target not in state:
                state[target] = 1
                path.append(target)
                iterators.append(iter(nodes[target].support_entries))
