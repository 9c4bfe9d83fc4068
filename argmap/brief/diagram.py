"""The map's diagram as SVG text, ready to inline in a page.

Drawing belongs to :mod:`argmap.render`; this module only asks it for SVG and trims what
must not appear inside an HTML document (the XML prolog, the DOCTYPE naming an external DTD,
comments). Without the system ``dot`` there is no diagram, and briefs fall back to the text
outline they always carry; a ``dot`` that fails is an error, never a silently missing diagram.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from argmap.core.model import Source
from argmap.core.project import MapDocument
from argmap.evaluate.mapeval import MapEvaluation
from argmap.evaluate.verdict import MapVerdict
from argmap.render.drawing import map_dot_pieces
from argmap.render.formats import FORMATS, GraphvizFailed, dot_available
from argmap.render.status import drawn_status

# Pages scroll down, not sideways: theses at the left and the exchange growing rightwards gives a
# tall drawing that stays legible when scaled to the page width (top-down maps get very wide).
PAGE_RANKDIR = "RL"

_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)
# Graphviz wraps every node that has a tooltip (all of a map's nodes do) in <g id="a_<id>"><a ...>
_NODE_LINK = re.compile(r'(<g id="a_node&#45;([^"]+)"><a) ')
_FONT_SIZE = re.compile(r'font-size="([0-9.]+)"')
_VIEW_BOX = re.compile(r'<svg[^>]*\bviewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)"')
_TRANSLATE = re.compile(r'class="graph" transform="[^"]*translate\(([-0-9.]+) ([-0-9.]+)\)"')
# A thesis's group ("-" is written &#45; by some Graphviz versions; the group of its link closes
# first, with every outline inside), and the points of its outlines: paths for rounded boxes,
# polygons otherwise, one per border of a double border. The translate shifts them into the viewBox.
_THESIS_GROUP = re.compile(r'class="node argnode type(?:-|&#45;)thesis[^"]*">(.*?)</g>', re.DOTALL)
_OUTLINE = re.compile(r'\s(?:d|points)="([^"]+)"')
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
# The smallest text of the page's diagram must render at this size or more: the diagram is never
# shrunk below it; a larger map scrolls (and zooms) in its box instead.
MIN_TEXT_PX = 10.5


@dataclass(frozen=True)
class Region:
    """A part of the drawing, in percent of its width and height (from the top left)."""

    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class InlineDiagram:
    svg: str
    min_width_px: int  # below this width the smallest text would render under MIN_TEXT_PX
    width_px: int  # the drawing's own width (1 pt of Graphviz = 1 px here)
    theses: Region | None = None  # where the theses are: the box opens on them


def theses_region(svg: str, width: float, height: float) -> Region | None:
    """The smallest region holding every thesis's box, or None when none is drawn."""
    shift = _TRANSLATE.search(svg)
    if not shift or width <= 0 or height <= 0:
        return None
    dx, dy = float(shift.group(1)), float(shift.group(2))
    xs: list[float] = []
    ys: list[float] = []
    for group in _THESIS_GROUP.finditer(svg):
        for outline in _OUTLINE.finditer(group.group(1)):
            numbers = [float(n) for n in _NUMBER.findall(outline.group(1))]
            xs += [x + dx for x in numbers[0::2]]
            ys += [y + dy for y in numbers[1::2]]
    if not xs:
        return None
    def share(value: float, whole: float) -> float:
        return round(100 * value / whole, 2)
    return Region(share(min(xs), width), share(min(ys), height), share(max(xs) - min(xs), width),
                  share(max(ys) - min(ys), height))


def link_nodes(svg: str, anchor: Callable[[str], str]) -> str:
    """Make each node of Graphviz's SVG a link to ``anchor(node id)`` (its card on the page)."""
    def linked(match: re.Match[str]) -> str:
        node_id = html.unescape(match.group(2))
        return f'{match.group(1)} href="#{html.escape(anchor(node_id), quote=True)}" '
    return _NODE_LINK.sub(linked, svg)


def page_diagram(svg: str, anchor: Callable[[str], str]) -> InlineDiagram:
    """The SVG for a brief: inline-ready, nodes linked to their cards, with the width at which
    its smallest text is still legible."""
    svg = link_nodes(inline_svg(svg), anchor)
    sizes = [float(size) for size in _FONT_SIZE.findall(svg)]
    box = _VIEW_BOX.search(svg)
    width = float(box.group(1)) if box else 0.0
    height = float(box.group(2)) if box else 0.0
    smallest = min(sizes) if sizes else MIN_TEXT_PX
    return InlineDiagram(svg, math.ceil(width * MIN_TEXT_PX / smallest), math.ceil(width),
                         theses_region(svg, width, height))


def inline_svg(svg: str) -> str:
    """SVG text that can sit inside HTML: from ``<svg`` on, with no prolog, DOCTYPE or comments."""
    svg = _PROLOG.sub("", svg)
    start = svg.find("<svg")
    return svg[start:].strip() if start >= 0 else ""


def map_svg(document: MapDocument, sources: Mapping[str, Source] | None = None,
            evaluation: MapEvaluation | None = None, verdict: MapVerdict | None = None) -> str | None:
    """The diagram of the map, the statuses (or gradual strengths) of ``evaluation`` drawn (none without), as a
    stand-alone SVG file's text; None when Graphviz is not installed. Raises
    :class:`GraphvizFailed` (exit 2) when ``dot`` fails."""
    if not dot_available():
        return None
    argmap = document.model
    status = drawn_status(evaluation, verdict) if evaluation is not None else None
    pieces = map_dot_pieces(argmap, document.graph, sources, rankdir=PAGE_RANKDIR, status=status)
    try:
        return FORMATS["svg"].produce(pieces).decode("utf-8")
    except GraphvizFailed as error:
        raise GraphvizFailed(f"map '{argmap.id}': {error.message}", error.hint) from None
