"""Layout strategy by map size.

Up to :data:`LARGE_MAP_NODES` nodes, ``dot`` lays the map out with its full quality settings
(curved splines, crossing minimisation). Beyond that, ``dot``'s spline routing and crossing
minimisation dominate the run time and grow much faster than the map, so large maps keep the
layered ``dot`` layout (theses on top, every edge pointing up) but with straight edges and
bounded network-simplex and mincross iterations. The drawing stays usable: same ranks, same
colours, edges as straight lines.
"""

from __future__ import annotations

from dataclasses import dataclass

LARGE_MAP_NODES = 300


@dataclass(frozen=True)
class LayoutPlan:
    name: str
    graph_attributes: tuple[tuple[str, str], ...]


FULL_QUALITY = LayoutPlan("full", (("splines", "true"), ("nodesep", "0.3"), ("ranksep", "0.5")))

LARGE_MAP = LayoutPlan(
    "large",
    (
        ("splines", "line"),  # straight edges: spline routing is the costliest phase on big maps
        ("nslimit", "2"),  # bound network-simplex iterations (node placement)
        ("nslimit1", "2"),  # ... and ranking
        ("mclimit", "0.3"),  # fewer crossing-minimisation passes
        ("remincross", "false"),
        ("nodesep", "0.25"),
        ("ranksep", "0.6"),
    ),
)


def plan_layout(node_count: int) -> LayoutPlan:
    return LARGE_MAP if node_count > LARGE_MAP_NODES else FULL_QUALITY
