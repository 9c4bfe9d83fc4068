"""Layout strategy by map size.

Up to :data:`LARGE_MAP_NODES` nodes, ``dot`` lays the map out at full quality (curved splines,
crossing minimisation, optimal placement). Beyond that, ``dot``'s network-simplex placement
dominates its run time and grows much faster than the map (80% of 26 s on a 5,000-node map), so
large maps keep the layered layout (theses on top, every edge pointing up) with straight edges,
fewer crossing-minimisation passes and a bounded number of placement iterations; beyond
:data:`HUGE_MAP_NODES` placement keeps little more than its first feasible solution. The
drawing stays usable: same ranks, same colours and shapes, edges as straight lines.
"""

from __future__ import annotations

from dataclasses import dataclass

LARGE_MAP_NODES = 300
HUGE_MAP_NODES = 2_000


@dataclass(frozen=True)
class LayoutPlan:
    name: str
    graph_attributes: tuple[tuple[str, str], ...]
    # each side in a cluster, wide fans wrapped (argmap.render.arrangement): clusters cost dot
    # 3 to 9 times its time on maps of thousands of nodes, where nobody reads the halves anyway
    arranged: bool = False


FULL_QUALITY = LayoutPlan("full", (("splines", "true"), ("nodesep", "0.3"), ("ranksep", "0.5")), arranged=True)


def bounded(name: str, placement_iterations_per_node: str) -> LayoutPlan:
    return LayoutPlan(
        name,
        (
            ("splines", "line"),  # straight edges: no spline routing around thousands of boxes
            # network-simplex iterations = this x nodes, for placement (nslimit) and ranking (nslimit1)
            ("nslimit", placement_iterations_per_node),
            ("nslimit1", placement_iterations_per_node),
            ("mclimit", "0.3"),  # fewer crossing-minimisation passes
            ("remincross", "false"),
            ("nodesep", "0.25"),
            ("ranksep", "0.6"),
        ),
    )


# (largest node count, plan), smallest first; the last entry takes every bigger map
LAYOUT_TIERS: tuple[tuple[float, LayoutPlan], ...] = (
    (LARGE_MAP_NODES, FULL_QUALITY),
    (HUGE_MAP_NODES, bounded("large", "0.1")),
    (float("inf"), bounded("huge", "0.01")),
)


def plan_layout(node_count: int) -> LayoutPlan:
    return next(plan for limit, plan in LAYOUT_TIERS if node_count <= limit)
