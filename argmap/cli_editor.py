"""Typer commands for authoring: `argmap schema`, `argmap quote`, `argmap new`.

Each parses its options, calls the core (argmap.schema, argmap.quotes.search, argmap.scaffold), prints
what the core rendered and exits with the core's code. Registered in argmap.cli.
"""

from __future__ import annotations

from pathlib import Path

import typer

from argmap.cli import SEEDS_OPTION, fail
from argmap.diagnostics import ExitCode, UsageError


def schema_command(
    sources: bool = typer.Option(False, "--sources", help="The schema of seeds/sources.yaml instead of maps."),
) -> None:
    """Print the JSON Schema of the map format (or of sources.yaml), for editors.

    Maps name it on their first line, `# yaml-language-server: $schema=../schema/argmap.schema.json`,
    and VS Code's YAML extension then completes and validates while you type.

    Example: argmap schema > schema/argmap.schema.json
    """
    from argmap.schema import MAP_SCHEMA, SOURCES_SCHEMA, schema_text

    typer.echo(schema_text(SOURCES_SCHEMA if sources else MAP_SCHEMA), nl=False)
    raise typer.Exit(ExitCode.CLEAN)


def quote_command(
    source: str = typer.Argument(..., help="Source id from sources.yaml, e.g. ade2025.", show_default=False),
    text: str = typer.Argument(..., help="The words you remember, roughly.", show_default=False),
    seeds: Path = SEEDS_OPTION,
    limit: int = typer.Option(5, "--limit", "-n", min=1, help="How many passages to rank."),
) -> None:
    """Find a passage in a source from approximate words; print the verbatim quote and an evidence snippet.

    Passages are ranked by similarity (word overlap forgiving typos, 0-100%) with their line.
    Exit 1 when no passage is at least 60% similar.

    Example: argmap quote ade2025 "Rusia pertimbangan kekuatan NATO ekspansi Polandia"
    """
    from argmap.quotes.search import find_quote

    try:
        report = find_quote(source, text, seeds, limit)
    except UsageError as error:
        raise fail(error) from None
    typer.echo(report.render())
    raise typer.Exit(report.exit_code)


def new_command(
    map_id: str = typer.Argument(..., help="Id of the new map, also its file name.", show_default=False),
    maps: Path = typer.Option(Path("maps"), "--maps", help="Folder to create the map in."),
) -> None:
    """Create maps/MAP_ID.yaml: both sides, a thesis and a reason for each, and the schema line.

    Its texts are TODO placeholders: `argmap check` warns about each (AM317), so `--strict` fails
    until they are written. Never overwrites an existing map; the id `index` is refused, since
    `argmap build` writes its index page under that name (both exit 2).

    Example: argmap new nato-expansion
    """
    from argmap.scaffold import new_map

    try:
        created = new_map(map_id, maps)
    except UsageError as error:
        raise fail(error) from None
    typer.echo(created.render())
    raise typer.Exit(ExitCode.CLEAN)
