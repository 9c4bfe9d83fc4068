"""`argmap export`: a map as AIF JSON or Argdown."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from argmap.cli.options import SEEDS_OPTION, choices
from argmap.interchange.formats import EXPORT_FORMATS

ExportFormat = choices("ExportFormat", EXPORT_FORMATS)


def export_command(
    map_file: Path = typer.Argument(..., help="The map to export.", show_default=False),
    to: ExportFormat = typer.Option(..., "--to", help="The format to write.", show_default=False),
    output: Optional[Path] = typer.Option(None, "--output", "-o", show_default=False,
                                          help="The file to write (default: stdout)."),
    seeds: Path = SEEDS_OPTION,
) -> None:
    """Write a map in another tool's format.

    aif: AIF JSON, one I-node per node, an RA node per support, a CA node per attack and per
    undercut (pointing at the relation's RA or CA node); titles, types, sides, evidence and the
    cited sources ride along in the `argmap` extension, so `argmap import --from aif` restores
    the map. argdown: one statement per node, relations as + and -, undercuts as _> against an
    argument standing for the relation, evidence as a data block.

    -o never replaces an input: the map exported, another map under maps/, sources.yaml or any
    file of the seeds folder (exit 2).

    Example: argmap export maps/nato-expansion.yaml --to argdown -o nato.argdown
    """
    from argmap.cli.output import echo_load_failure
    from argmap.reporters.interchange import export_report
    from argmap.usecases.interchange import export_map

    with echo_load_failure():
        outcome = export_map(map_file, to.value, output, seeds)
    if output is None:
        typer.echo(outcome.text, nl=False)
    report = export_report(outcome)
    if report:
        typer.echo(report, err=output is None)
