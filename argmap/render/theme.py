"""How things look: one table per visual dimension, looked up by key (never if-chains).

Sides use blue and orange, a pair that stays distinct for the common colour-vision
deficiencies; support and attack edges differ in colour *and* line style *and* arrowhead, so
the difference survives black-and-white printing.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.core.vocabulary import STATUS_SYMBOLS, STATUS_WORDS

FONT = "Helvetica"
LABEL_WIDTH = 32  # characters per label line: keeps nodes narrow enough to project
MAX_LABEL_LINES = 12  # longer texts end in "…"; the tooltip holds more, the brief all of it
TITLE_WIDTH = 90
# Graphviz refuses any string over 16 KB (16,384 bytes with its quotes), and an escaped character
# takes up to 20 bytes (a backslash in a tooltip is written four times as "&#92;"): 800
# characters always fit. Longer texts are cut, ending in "…".
TOOLTIP_CHARS = 800
TITLE_CHARS = 200  # the map title, drawn on one line above the diagram


@dataclass(frozen=True)
class SideStyle:
    fill: str
    border: str
    name: str


SIDE_STYLES: dict[str | None, SideStyle] = {
    "pro": SideStyle(fill="#dbeafe", border="#1d4ed8", name="pro"),
    "con": SideStyle(fill="#ffedd5", border="#c2410c", name="con"),
    None: SideStyle(fill="#f3f4f6", border="#6b7280", name="no side"),
}


@dataclass(frozen=True)
class TypeStyle:
    shape: str
    style: tuple[str, ...]
    penwidth: float
    peripheries: int
    fontsize: int
    caption: str  # the type as named in the node's header line


TYPE_STYLES: dict[str, TypeStyle] = {
    # the thesis stands out: double bold border, larger type
    "thesis": TypeStyle("box", ("rounded", "filled", "bold"), 2.5, 2, 14, "THESIS"),
    "claim": TypeStyle("box", ("rounded", "filled"), 1.2, 1, 11, "CLAIM"),
    # compact shapes: hexagons and octagons around wrapped text take twice the room of boxes
    "objection": TypeStyle("box", ("filled", "diagonals"), 1.2, 1, 11, "OBJECTION"),
    "rebuttal": TypeStyle("note", ("filled",), 1.2, 1, 11, "REBUTTAL"),
}


@dataclass(frozen=True)
class EdgeStyle:
    color: str
    style: str
    arrowhead: str
    penwidth: float
    verb: str
    both_ends: bool = False  # drawn with a head at each end: a mutual relation


RELATION_STYLES: dict[str, EdgeStyle] = {
    "supports": EdgeStyle(color="#15803d", style="solid", arrowhead="normal", penwidth=1.5, verb="supports"),
    "attacks": EdgeStyle(color="#b91c1c", style="dashed", arrowhead="tee", penwidth=1.5, verb="attacks"),
    # an undercut ends on the relation it denies: a colour, line and arrowhead of its own
    "undercuts": EdgeStyle(color="#7e22ce", style="dotted", arrowhead="odiamond", penwidth=1.8, verb="undercuts"),
    # the theses' derived mutual attack: one edge, a bar at both ends
    "clash": EdgeStyle(color="#92400e", style="bold", arrowhead="tee", penwidth=2.5, verb="clashes with", both_ends=True),
}
# A relation of weight w is drawn this much thinner at weight 0: thickness says relevance.
THINNEST_WEIGHT_SHARE = 0.3
JUNCTION_WIDTH = "0.07"  # inches: the point where undercuts meet the relation they deny


@dataclass(frozen=True)
class StatusStyle:
    """How an evaluation label is drawn. ``None`` fields keep the side's colours."""

    badge: str
    fill: str | None
    border: str | None
    fontcolor: str
    extra_style: tuple[str, ...]
    strike: bool
    meaning: str  # for the legend


def _badge(label: str) -> str:
    return f"{STATUS_SYMBOLS[label]} {STATUS_WORDS[label]}"


STATUS_STYLES: dict[str | None, StatusStyle] = {
    "IN": StatusStyle(_badge("IN"), None, None, "#111827", (), False, f"{STATUS_WORDS['IN']}: drawn as usual"),
    # a fallen node keeps its side's colours and stays readable (dark text): the dashed border, the
    # badge and the struck-through title say it falls, in black and white too
    "OUT": StatusStyle(_badge("OUT"), None, None, "#374151", ("dashed",), True,
                       f"{STATUS_WORDS['OUT']}: dashed border, struck through"),
    "UNDEC": StatusStyle(_badge("UNDEC"), None, None, "#111827", ("dotted",), False,
                         f"{STATUS_WORDS['UNDEC']}: {STATUS_SYMBOLS['UNDEC']} badge, dotted border"),
    None: StatusStyle("", None, None, "#111827", (), False, ""),
}

FADED_EDGE_COLOR = "#8a8a8a"  # edges leaving a node that falls carry no force: grey, still visible (3.4:1)

# A node's strength under a gradual semantics: a number and a bar of cells, in the label's header.
STRENGTH_BAR_CELLS = 10
STRENGTH_BAR_FULL = "\u25b0"  # ▰
STRENGTH_BAR_EMPTY = "\u25b1"  # ▱
STRENGTH_COLOR = "#1f2937"
