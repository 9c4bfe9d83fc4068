"""`argmap new`: create a map to start from."""

from __future__ import annotations

from pathlib import Path

import typer

from argmap.core.diagnostics import ExitCode
from argmap.core.folders import DEFAULT_MAPS


def new_command(
    map_id: str = typer.Argument(..., help="Id of the new map, also its file name.", show_default=False),
    maps: Path = typer.Option(DEFAULT_MAPS, "--maps", help="Folder to create the map in."),
) -> None:
    """Create maps/MAP_ID.yaml: both sides, a thesis and a reason for each, and the schema line.

    Its texts are TODO placeholders: `argmap check` warns about each (AM317), so `--strict` fails
    until they are written. Never overwrites an existing map; the id `index` is refused, since
    `argmap build` writes its index page under that name (both exit 2).

    Example: argmap new nato-expansion
    """
    from argmap.reporters.text import new_map_report
    from argmap.usecases.new import new

    typer.echo(new_map_report(new(map_id, maps)))
    raise typer.Exit(ExitCode.CLEAN)
