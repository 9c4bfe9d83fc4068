"""Graphviz diagrams of argument maps.

* :mod:`.view` — typed view models (what a node shows), from map, sources and evaluation;
* :mod:`.dot` — DOT text from a view; :mod:`.labels` — node label markup; :mod:`.escape` —
  escaping for DOT, HTML-like labels and SVG; :mod:`.theme` — colours, shapes, edge styles;
* :mod:`.layout` — the layout strategy by map size; :mod:`.select` — focus and side filters;
* :mod:`.formats` — svg/png/pdf through Graphviz, or the DOT source; :mod:`.output` — atomic
  writes that never touch an input; :mod:`.command` — `argmap render` as a function.
"""

from argmap.render.command import RenderOptions, RenderReport, map_to_dot, render_maps
from argmap.render.formats import FORMATS, INSTALL_COMMAND
from argmap.render.layout import LARGE_MAP_NODES
from argmap.render.select import Selection
from argmap.render.view import MapView, NodeView, build_view

__all__ = [
    "FORMATS",
    "INSTALL_COMMAND",
    "LARGE_MAP_NODES",
    "MapView",
    "NodeView",
    "RenderOptions",
    "RenderReport",
    "Selection",
    "build_view",
    "map_to_dot",
    "render_maps",
]
