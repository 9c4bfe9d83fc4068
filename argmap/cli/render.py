"""`argmap render`: parse options, call :func:`argmap.usecases.render.render_maps`, report, exit."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from argmap.cli.completion import node_ids
from argmap.cli.options import OUT_ALIAS, REPORT_OPTION, SEEDS_OPTION, ReportFormat, choices, output_folder, output_option, report_name
from argmap.core.model import SIDES
from argmap.files.output import DIAGRAMS_FOLDER
from argmap.render.dot import DEFAULT_RANKDIR, RANKDIRS
from argmap.render.formats import DEFAULT_FORMAT, FORMATS
from argmap.render.layout import LARGE_MAP_NODES
from argmap.render.select import DEFAULT_DEPTH, Selection
from argmap.render.theme import TOOLTIP_CHARS
from argmap.core.vocabulary import ALL_SEMANTICS, DEFAULT_SEMANTICS


FormatChoice = choices("RenderFormat", list(FORMATS))
RankdirChoice = choices("Rankdir", RANKDIRS)
SideChoice = choices("SideChoice", SIDES)
SemanticsChoice = choices("RenderSemantics", ALL_SEMANTICS)


def render_command(
    maps: list[Path] = typer.Argument(..., help="Map files or folders to render.", show_default=False),
    output: Optional[Path] = output_option("the diagrams", DIAGRAMS_FOLDER),
    out: Optional[Path] = OUT_ALIAS,
    format: FormatChoice = typer.Option(DEFAULT_FORMAT, "--format", "-f", help="svg, png and pdf need Graphviz; dot writes the DOT source."),
    rankdir: RankdirChoice = typer.Option(DEFAULT_RANKDIR, "--rankdir", help="Direction of the layout; BT puts theses on top."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Draw only this node's neighbourhood.", show_default=False,
                                        autocompletion=node_ids),
    depth: Optional[int] = typer.Option(None, "--depth", min=0, show_default=False,
                                        help=f"Relations to follow from --focus (default {DEFAULT_DEPTH})."),
    side: Optional[SideChoice] = typer.Option(None, "--side", help="Draw only one side's nodes.", show_default=False),
    no_status: bool = typer.Option(False, "--no-status", help="Do not draw which claims stand, fall or stay undecided."),
    semantics: SemanticsChoice = typer.Option(
        DEFAULT_SEMANTICS, "--semantics",
        help="Semantics of the drawn statuses; dfquad or qe draw each node's strength (a number and a bar) instead."),
    seeds: Path = SEEDS_OPTION,
    report: Optional[ReportFormat] = REPORT_OPTION,
) -> None:
    """Draw maps as Graphviz diagrams: <output>/<map-id>.<format>.

    Maps are checked first; if any has errors they are printed as `argmap check` prints them
    and nothing is drawn. Sides are blue (pro) and orange (con); the thesis has a double bold
    border; supports are green solid arrows, attacks red dashed with a bar head, undercuts
    purple dotted lines ending on the relation they deny. Each node shows
    its title (its text when it has none), its evidence count and first cite, and its status
    under --semantics: struck through and faded when it falls, a badge when undecided. In SVG
    each node has id node-<id> and its full text as tooltip (shortened past {tooltip} characters; the brief has it all); edges have id
    edge-<source>-<relation>-<target>. If Graphviz fails, what it said is printed (exit 2).

    Large maps: beyond {large} nodes, the layered layout is kept but edges are drawn as straight
    lines and dot's placement and crossing-minimisation passes are bounded, so thousands of
    nodes render in seconds instead of minutes.

    Needs Graphviz's dot (sudo apt-get install graphviz) except with --format dot.

    Example: argmap render maps/nato-expansion.yaml --focus spiral-mechanism --depth 1
    (writes diagrams/nato-expansion.svg)
    """
    from argmap.cli.output import finish
    from argmap.render.drawing import RenderOptions
    from argmap.usecases.render import render_maps

    options = RenderOptions(
        out_dir=output_folder(output, out, DIAGRAMS_FOLDER),
        format=format.value,
        rankdir=rankdir.value,
        selection=Selection(focus=focus, depth=depth, side=side.value if side else None),
        show_status=not no_status,
        semantics=semantics.value,
    )
    finish(render_maps(maps, seeds, options), report_name(report), say_refused=False)


render_command.__doc__ = (render_command.__doc__ or "").replace("{large}", f"{LARGE_MAP_NODES:,}").replace(
    "{tooltip}", f"{TOOLTIP_CHARS:,}")
