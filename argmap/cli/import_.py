"""`argmap import`: a map from an AIF, Argdown or Kialo file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from argmap.cli.options import REPORT_OPTION, SEEDS_OPTION, ReportFormat, choices, report_name
from argmap.interchange.formats import IMPORT_FORMATS

ImportFormat = choices("ImportFormat", IMPORT_FORMATS)


def import_command(
    source: Path = typer.Argument(..., help="The file to import.", show_default=False),
    from_: ImportFormat = typer.Option(..., "--from", help="Its format.", show_default=False),
    output: Optional[Path] = typer.Option(None, "--output", "-o", show_default=False,
                                          help="The map file to write (default: stdout)."),
    map_id: Optional[str] = typer.Option(None, "--id", show_default=False,
                                         help="The map's id (default: the output's file name without .yaml)."),
    force: bool = typer.Option(False, "--force",
                               help="Replace the output file if it exists (never an input: a map, the registry, a seed)."),
    seeds: Path = SEEDS_OPTION,
    report: Optional[ReportFormat] = REPORT_OPTION,
) -> None:
    """Convert another tool's argument map into an argmap map, and check it.

    aif: AIF JSON (AIFdb, OVA). argdown: the JSON `argdown json` writes, or a .argdown file when
    the Argdown CLI is on PATH. kialo: a Kialo discussion exported as text. Every node is
    `analytic: true` (no format carries verified quotes; an AIF file written by `argmap export`
    brings its evidence back). What argmap cannot express is kept in notes and printed.

    The map is written even when it does not check (exit 1), so it can be fixed; exit 2 when the
    file cannot be read as the format. An existing output is only replaced with --force, and never
    when it is an input: the file imported, a map under maps/, sources.yaml or any file of the
    seeds folder (exit 2).
    --report json|github|sarif gives the check of the written map in that format (on stdout, or on
    stderr when the map itself goes to stdout).

    Example: argmap import debate.json --from aif -o maps/debate.yaml
    """
    from argmap.reporters import get_reporter
    from argmap.reporters.interchange import import_report
    from argmap.usecases.interchange import import_map

    outcome = import_map(source, from_.value, output, map_id, force, seeds)
    if output is None:
        typer.echo(outcome.text, nl=False)
    reporter = get_reporter(report_name(report))
    if reporter.for_people:
        typer.echo(import_report(outcome), err=output is None)
    else:  # a program reads the check of the written map alone; the notes go to stderr
        typer.echo(import_report(outcome, with_diagnostics=False), err=True)
        typer.echo(reporter.render(outcome.check), err=output is None)
    raise typer.Exit(outcome.exit_code)
