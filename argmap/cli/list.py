"""`argmap list`: the nodes of a map, one a line."""

from __future__ import annotations

from pathlib import Path

import typer


def list_command(
    map_file: Path = typer.Argument(..., help="The map to list.", show_default=False),
) -> None:
    """Print each node's id, type, side and title (its text when it has no title).

    The side is the declared one on a thesis, else the one its relations give it (support keeps
    the side, attack and undercut switch it); `-` when no relation leads to a thesis.

    Example: argmap list maps/nato-expansion.yaml
    """
    from argmap.cli.output import echo_load_failure
    from argmap.reporters.interchange import node_table
    from argmap.usecases.interchange import list_nodes

    with echo_load_failure():
        rows = list_nodes(map_file)
    typer.echo(node_table(rows))
