"""`argmap check`: parse options, check, print the report in the chosen format, exit."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from argmap.cli.options import SEEDS_OPTION, ReportFormat, report_name


def check_command(
    paths: Optional[list[Path]] = typer.Argument(None, help="Map files or folders (default: maps/); in a folder, hidden files and folders are skipped "
        "and a sources registry is validated as one.", show_default=False),
    seeds: Path = SEEDS_OPTION,
    format: Optional[ReportFormat] = typer.Option(
        None, "--format", "-f", show_default=False,
        help="Output format (default: text; github when GITHUB_ACTIONS=true). Other commands call it --report.",
    ),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too, and 2 when a folder holds no map."),
) -> None:
    """Validate maps and verify every quote against its source.

    Every problem is collected before exiting, each as `path:line:col: severity code: message`
    with hints indented below, then a summary line.

    Example: argmap check --strict maps/
    """
    from argmap.core.ahead import read_maps_ahead

    read_maps_ahead(paths)  # first: the maps are parsed on another core while the checker is imported
    from argmap.reporters import get_reporter
    from argmap.text.terminal import printable
    from argmap.usecases.check import check

    result = check(paths, seeds, strict=strict)
    for warning in result.warnings_about_paths:
        typer.echo(f"argmap: warning: {printable(warning)}", err=True)
    typer.echo(get_reporter(report_name(format)).render(result))
    raise typer.Exit(result.exit_code(strict))
