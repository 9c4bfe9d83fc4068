"""DOT text from a :class:`MapView`: formatting only, every value escaped on the way out.

Node names are the map's node ids (always quoted); legend nodes are named ``legend:...``, which
no map id can be (ids never contain a colon), so the legend can never collide with the map.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator, Mapping

from argmap.render.arrangement import CLASH_WEIGHT, Arrangement, SideGroup, arrange, unarranged
from argmap.render.escape import html_text, quoted_attr, quoted_name
from argmap.render.labels import clipped, node_label, title_label, wrap_lines
from argmap.render.layout import LayoutPlan, plan_layout
from argmap.render.theme import (
    FADED_EDGE_COLOR,
    FONT,
    JUNCTION_WIDTH,
    RELATION_STYLES,
    THINNEST_WEIGHT_SHARE,
    SIDE_STYLES,
    STATUS_STYLES,
    TITLE_CHARS,
    TITLE_WIDTH,
    TOOLTIP_CHARS,
    TYPE_STYLES,
)
from argmap.render.view import EdgeView, JunctionView, MapView, NodeView

RANKDIRS = ("BT", "TB", "LR", "RL")
LEGEND_FONTSIZE = 10
FADED_MEANING = "grey: from a node that falls (no force)"
THINNER_MEANING = "thinner: a relation of lower weight"
DEFAULT_RANKDIR = "BT"  # theses on top; supports and attacks point up at what they target

Attributes = Iterable[tuple[str, str]]


def html(markup: str) -> str:
    return f"<{markup}>"


def attribute_list(attributes: Attributes) -> str:
    """``[k=v, ...]``; values arrive already quoted (``quoted_attr``) or as ``<html>``."""
    return "[" + ", ".join(f"{key}={value}" for key, value in attributes) + "]"


def node_statement(name: str, attributes: Attributes) -> str:
    return f"  {quoted_name(name)} {attribute_list(attributes)};"


def edge_statement(source: str, target: str, attributes: Attributes) -> str:
    return f"  {quoted_name(source)} -> {quoted_name(target)} {attribute_list(attributes)};"


@functools.cache  # a handful of distinct looks, asked for by thousands of nodes
def node_look(node_type: str, side: str | None, status: str | None, is_focus: bool = False,
              fontsize: int | None = None) -> tuple[tuple[str, str], ...]:
    kind = TYPE_STYLES[node_type]
    colours = SIDE_STYLES[side]
    state = STATUS_STYLES[status]
    penwidth = kind.penwidth + (1.5 if is_focus else 0)
    return (
        ("shape", kind.shape),
        ("style", quoted_attr(",".join(kind.style + state.extra_style))),
        ("fillcolor", quoted_attr(state.fill or colours.fill)),
        ("color", quoted_attr(state.border or colours.border)),
        ("fontcolor", quoted_attr(state.fontcolor)),
        ("penwidth", f"{penwidth:g}"),
        ("peripheries", str(kind.peripheries)),
        ("fontsize", str(fontsize or kind.fontsize)),
    )


@functools.cache  # made once per look: thousands of nodes share a handful
def node_look_text(node_type: str, side: str | None, status: str | None, is_focus: bool) -> tuple[str, str]:
    """A node's ``class`` attribute and its look (what follows its label), as DOT text."""
    classes = f"argnode type-{node_type} side-{side or 'none'} status-{status or 'none'}"
    return quoted_attr(classes), ", ".join(f"{key}={value}" for key, value in node_look(node_type, side, status, is_focus))


def node_line(node: NodeView) -> str:
    """A map node's statement (``id``, ``class``, ``tooltip``, ``label``, then its look), made in
    one piece: only what differs from node to node is escaped on the way."""
    classes, look = node_look_text(node.type, node.side, node.status, node.is_focus)
    return (f"  {quoted_name(node.id)} [id={quoted_attr(node.dom_id)}, class={classes}, "
            f"tooltip={quoted_attr(clipped(node.text, TOOLTIP_CHARS))}, label=<{node_label(node)}>, {look}];")


@functools.cache
def edge_look(relation: str, faded: bool = False, weight: float = 1.0) -> tuple[tuple[str, str], ...]:
    """A relation's colour, line and arrowheads; its thickness shrinks with its weight."""
    look = RELATION_STYLES[relation]
    thickness = look.penwidth * (THINNEST_WEIGHT_SHARE + (1.0 - THINNEST_WEIGHT_SHARE) * weight)
    return (
        ("color", quoted_attr(FADED_EDGE_COLOR if faded else look.color)),
        ("style", look.style),
        ("arrowhead", look.arrowhead),
        *((("dir", "both"), ("arrowtail", look.arrowhead)) if look.both_ends else ()),
        ("penwidth", f"{round(thickness, 2):g}"),
    )


def edge_attributes(edge: EdgeView, target_text: str | None = None) -> list[tuple[str, str]]:
    """``target_text`` names what an undercut ends on (the relation, not its junction point)."""
    weight = f" (weight {edge.weight:g})" if edge.weight != 1.0 else ""
    return [
        ("id", quoted_attr(edge.dom_id)),
        ("class", quoted_attr(f"argedge {edge.relation}")),
        ("tooltip", quoted_attr(f"{edge.source} {RELATION_STYLES[edge.relation].verb} {target_text or edge.target}{weight}")),
        *edge_look(edge.relation, edge.faded, edge.weight),
    ]


@functools.cache
def edge_look_text(relation: str, faded: bool, weight: float) -> tuple[str, str]:
    """An edge's ``class`` attribute and its look (:func:`edge_look`), as DOT text."""
    return quoted_attr(f"argedge {relation}"), ", ".join(f"{key}={value}" for key, value in edge_look(relation, faded, weight))


# The theses' clash: on one rank (a flat edge), and pulled together harder than anything else.
CLASH_PLACEMENT = (("minlen", "0"), ("weight", str(CLASH_WEIGHT)))


def spans(edge: EdgeView, minlen: Mapping[str, int]) -> tuple[tuple[str, str], ...]:
    span = minlen.get(edge.dom_id)
    return (("minlen", str(span)),) if span else ()


def edge_statements(edge: EdgeView, relation_names: Mapping[str, str], minlen: Mapping[str, int]) -> Iterator[str]:
    """One edge; a relation with a junction as two halves (the first without an arrowhead), and
    an undercut from its undercutter to the junction. ``minlen``: the ranks an edge spans, by
    dom id, where more than one."""
    if edge.relation == "undercuts":
        yield edge_statement(edge.source, edge.target, edge_attributes(edge, relation_names[edge.target]))
    elif edge.relation == "clash":
        yield edge_statement(edge.source, edge.target, [*edge_attributes(edge), *CLASH_PLACEMENT])
    elif edge.junction is None:  # nearly every edge: one piece, its class and look made once per look
        classes, look = edge_look_text(edge.relation, edge.faded, edge.weight)
        weight = f" (weight {edge.weight:g})" if edge.weight != 1.0 else ""
        verb = RELATION_STYLES[edge.relation].verb
        span = minlen.get(edge.dom_id)
        yield (f"  {quoted_name(edge.source)} -> {quoted_name(edge.target)} [id={quoted_attr(edge.dom_id)}, "
               f"class={classes}, tooltip={quoted_attr(f'{edge.source} {verb} {edge.target}{weight}')}, {look}"
               f"{f', minlen={span}' if span else ''}];")
    else:
        first_half = [(key, value) for key, value in edge_attributes(edge) if key not in ("id", "arrowhead")]
        yield edge_statement(edge.source, edge.junction, [("id", quoted_attr(f"{edge.dom_id}-start")), *first_half,
                                                          ("arrowhead", "none"), *spans(edge, minlen)])
        yield edge_statement(edge.junction, edge.target, edge_attributes(edge))


def junction_statement(junction: JunctionView) -> str:
    return node_statement(junction.name, [
        ("id", quoted_attr(junction.dom_id)),
        ("class", quoted_attr(f"junction {junction.relation}")),
        ("shape", "point"),
        ("width", quoted_attr(JUNCTION_WIDTH)),
        ("color", quoted_attr(RELATION_STYLES[junction.relation].color)),
        ("label", '""'),
    ])


def legend_statements(sides: Mapping[str, str], semantics: str | None, strength_semantics: str | None = None,
                      undercuts: bool = False, clash: bool = False, verdict: str | None = None,
                      faded: bool = False, thinner: bool = False) -> list[str]:
    """A cluster that names what colours, shapes, edges and (when shown) statuses or strengths
    mean, drawn with the same styles as the map itself: each edge style the map draws (undercuts,
    the clash, faded and thinner edges only where the map has some)."""
    caption = "Legend" + (f" · status under {semantics} semantics" if semantics else "")
    if strength_semantics:
        caption += f" · strength (0 to 1) under {strength_semantics} semantics"
    if verdict:
        caption += f" · {verdict}"
    lines = [
        '  subgraph "cluster_legend" {',
        f'  graph [id="legend", label={html("<B>" + html_text(caption) + "</B>")}, style="rounded", '
        'color="#9ca3af", fontsize=10];',
        '  node [margin="0.06,0.03"];',
        f"  edge [fontsize={LEGEND_FONTSIZE}];",
    ]
    for side, position in sides.items():
        text = "<BR/>".join(html_text(line) for line in wrap_lines(position, max_lines=3))
        lines.append(node_statement(f"legend:{side}", [
            ("id", quoted_attr(f"legend-{side}")),
            ("label", html(f"<B>{html_text(side.upper())}</B><BR/>{text}")),
            *node_look("claim", side, None, fontsize=LEGEND_FONTSIZE),
        ]))
    for node_type in TYPE_STYLES:
        lines.append(node_statement(f"legend:{node_type}", [
            ("id", quoted_attr(f"legend-{node_type}")),
            ("label", quoted_attr(node_type)),
            *node_look(node_type, None, None, fontsize=LEGEND_FONTSIZE),
        ]))
    # each edge style is shown by a short sample edge between two small points: the points make two
    # rows (ranks), so the samples sit side by side whichever way the map is laid out
    samples = [(relation, relation, edge_look(relation)) for relation in RELATION_STYLES
               if (relation != "undercuts" or undercuts) and (relation != "clash" or clash)]
    if faded:
        samples.append(("faded", FADED_MEANING, edge_look("supports", faded=True)))
    if thinner:
        samples.append(("thinner", THINNER_MEANING, edge_look("supports", weight=0.0)))
    ends_rows: tuple[list[str], list[str]] = ([], [])
    for name, caption, look in samples:
        ends = [f"legend:{name}:from", f"legend:{name}:to"]
        for end in ends:
            lines.append(node_statement(end, [("id", quoted_attr(end.replace(":", "-"))), ("shape", "point"),
                                              ("width", "0.06"), ("color", quoted_attr("#6b7280"))]))
        lines.append(edge_statement(*ends, [("id", quoted_attr(f"legend-{name}")), ("label", quoted_attr(caption)),
                                            *look]))
        ends_rows[0].append(ends[1])
        ends_rows[1].append(ends[0])
    rows = [[f"legend:{side}" for side in sides], [f"legend:{t}" for t in TYPE_STYLES], *ends_rows]
    if semantics:
        for status in ("IN", "OUT", "UNDEC"):
            meaning = STATUS_STYLES[status].meaning
            body = f"<S>{html_text(meaning)}</S>" if STATUS_STYLES[status].strike else html_text(meaning)
            lines.append(node_statement(f"legend:{status}", [
                ("id", quoted_attr(f"legend-{status}")),
                ("label", html(body)),
                *node_look("claim", None, status, fontsize=LEGEND_FONTSIZE),
            ]))
        rows.append([f"legend:{status}" for status in ("IN", "OUT", "UNDEC")])
    # a compact block: each group on one rank, the groups stacked by invisible edges
    for row in rows:
        lines.append("  { rank=same; " + " ".join(f"{quoted_name(name)};" for name in row) + " }")
    sample_edges = set(zip(ends_rows[1], ends_rows[0]))
    for upper, lower in zip(rows, rows[1:]):
        if (lower[0], upper[0]) not in sample_edges:  # a second edge beside a sample would bend it
            lines.append(f"  {quoted_name(lower[0])} -> {quoted_name(upper[0])} [style=invis];")
    lines.append("  }")
    return lines


def node_groups(groups: Iterable[SideGroup]) -> Iterator[str]:
    """The nodes and junctions, each side's in a borderless cluster of its own (``dot`` keeps a
    cluster's boxes together, so the sides are laid out apart); those without a side outside."""
    for group in groups:
        if group.side is not None:
            yield f'  subgraph "cluster_side_{group.side}" {{'
            yield f'  graph [id={quoted_attr(f"sides-{group.side}")}, label="", peripheries=0];'
        yield from map(node_line, group.nodes)
        yield from (junction_statement(junction) for junction in group.junctions)
        if group.side is not None:
            yield "  }"


# Where ranks run top to bottom the legend, a block of its own, would widen the drawing beside the
# map: it goes below it, one rank under the lowest boxes. Left to right it lies below the map
# anyway, and only must not start a column before the theses' (an empty band beside them).
LEGEND_BELOW_RANKDIRS = frozenset({"BT", "TB"})
LEGEND_TOP = "legend:pro"  # a node of the legend's first row: its highest rank


def legend_placement(arrangement: Arrangement, rankdir: str) -> Iterator[str]:
    if rankdir in LEGEND_BELOW_RANKDIRS:
        for node_id in arrangement.unanswered:
            yield f"  {quoted_name(LEGEND_TOP)} -> {quoted_name(node_id)} [style=invis, weight=0];"
    else:
        for node_id in arrangement.theses:
            yield f"  {quoted_name(LEGEND_TOP)} -> {quoted_name(node_id)} [style=invis, weight=0, minlen=0];"


def dot_pieces(view: MapView, rankdir: str = DEFAULT_RANKDIR, layout: LayoutPlan | None = None) -> Iterator[str]:
    """The DOT source of ``view``, one statement at a time, each ending in a newline: render
    hands them to ``dot`` as they are made, so that ``dot`` reads while the rest is being made.
    Deterministic: the same view gives the same bytes. The sides and wide fans of answers are
    placed as :mod:`argmap.render.arrangement` says."""
    layout = layout or plan_layout(len(view.nodes))
    arrangement = arrange(view, rankdir) if layout.arranged else unarranged(view)
    relation_names = {edge.junction: f"{edge.source} -> {edge.target}" for edge in view.edges if edge.junction}
    graph_attributes = [
        ("id", quoted_attr(f"map-{view.id}")),
        ("charset", '"UTF-8"'),
        ("rankdir", rankdir),
        ("label", html(title_label(view.title, view.question, TITLE_WIDTH))),
        ("labelloc", "t"),
        ("fontname", quoted_attr(FONT)),
        ("fontsize", "16"),
        ("tooltip", quoted_attr(clipped(view.title, TITLE_CHARS))),
        *((key, quoted_attr(value)) for key, value in layout.graph_attributes),
    ]
    lines = itertools.chain(
        (
            f"digraph {quoted_name(view.id)} {{",
            f"  graph {attribute_list(graph_attributes)};",
            f'  node [fontname={quoted_attr(FONT)}, margin="0.12,0.06"];',
            f"  edge [fontname={quoted_attr(FONT)}, fontsize=9];",
        ),
        legend_statements(view.sides, view.semantics, view.strength_semantics, undercuts=bool(view.junctions),
                          clash=any(edge.relation == "clash" for edge in view.edges), verdict=view.verdict,
                          faded=any(edge.faded for edge in view.edges),
                          thinner=any(edge.weight < 1.0 for edge in view.edges)),
        node_groups(arrangement.groups),
        itertools.chain.from_iterable(edge_statements(edge, relation_names, arrangement.edge_minlen)
                                      for edge in view.edges),
        legend_placement(arrangement, rankdir),
        ("}",),
    )
    for line in lines:
        yield line + "\n"
