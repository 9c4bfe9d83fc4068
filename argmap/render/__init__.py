"""Graphviz diagrams of argument maps.

* :mod:`.view` — typed view models (what a node shows), from map, sources and evaluation;
* :mod:`.dot` — DOT text from a view; :mod:`.labels` — node label markup; :mod:`.escape` —
  escaping for DOT, HTML-like labels and SVG; :mod:`.theme` — colours, shapes, edge styles;
* :mod:`.layout` — the layout strategy by map size; :mod:`.select` — focus and side filters;
* :mod:`.formats` — svg/png/pdf through Graphviz, or the DOT source; :mod:`.drawing` — a map's DOT text and drawing (writing them is :mod:`argmap.usecases.render`'s).
"""

import importlib

# Exported names, resolved on first use (PEP 562): `argmap --help` and `argmap check` import the
# CLI's option constants from submodules without paying for Graphviz and the evaluator.
_EXPORTS = {
    "RenderOptions": "drawing", "map_to_dot": "drawing",
    "FORMATS": "formats", "INSTALL_COMMAND": "formats", "LARGE_MAP_NODES": "layout", "Selection": "select",
    "MapView": "view", "NodeView": "view", "build_view": "view",
}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'argmap.render' has no attribute {name!r}")
    return getattr(importlib.import_module(f"argmap.render.{_EXPORTS[name]}"), name)


__all__ = [
    "FORMATS",
    "INSTALL_COMMAND",
    "LARGE_MAP_NODES",
    "MapView",
    "NodeView",
    "RenderOptions",
    "Selection",
    "build_view",
    "map_to_dot",
]
