"""The map's diagram as SVG text, ready to inline in a page.

Drawing belongs to :mod:`argmap.render`; this module only asks it for SVG and trims what
must not appear inside an HTML document (the XML prolog, the DOCTYPE naming an external DTD,
comments). Without the system ``dot`` there is no diagram, and briefs fall back to the text
outline they always carry; a ``dot`` that fails is an error, never a silently missing diagram.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from argmap.model import Source
from argmap.project import MapDocument
from argmap.render.drawing import map_dot_pieces
from argmap.render.formats import FORMATS, GraphvizFailed, dot_available
from argmap.render.status import labels_of, strengths_of

# Pages scroll down, not sideways: theses at the left and the exchange growing rightwards gives a
# tall drawing that stays legible when scaled to the page width (top-down maps get very wide).
PAGE_RANKDIR = "RL"

_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)


def inline_svg(svg: str) -> str:
    """SVG text that can sit inside HTML: from ``<svg`` on, with no prolog, DOCTYPE or comments."""
    svg = _PROLOG.sub("", svg)
    start = svg.find("<svg")
    return svg[start:].strip() if start >= 0 else ""


def map_svg(document: MapDocument, sources: Mapping[str, Source] | None = None,
            semantics: str | None = None) -> str | None:
    """The diagram of the map, statuses (or gradual strengths) drawn under ``semantics`` (none without), as a
    stand-alone SVG file's text; None when Graphviz is not installed. Raises
    :class:`GraphvizFailed` (exit 2) when ``dot`` fails."""
    if not dot_available():
        return None
    argmap = document.model
    labels = strengths = None
    if semantics:
        evaluation = document.evaluation(semantics)
        strengths = strengths_of(evaluation)  # a gradual semantics draws strengths instead of statuses
        labels = None if strengths is not None else labels_of(evaluation)
    pieces = map_dot_pieces(argmap, document.graph, sources, rankdir=PAGE_RANKDIR, labels=labels, semantics=semantics,
                            strengths=strengths)
    try:
        return FORMATS["svg"].produce(pieces).decode("utf-8")
    except GraphvizFailed as error:
        raise GraphvizFailed(f"map '{argmap.id}': {error.message}", error.hint) from None
