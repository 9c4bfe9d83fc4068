"""`argmap schema`: print the JSON Schema of maps or of sources.yaml."""

from __future__ import annotations

import typer

from argmap.core.diagnostics import ExitCode


def schema_command(
    sources: bool = typer.Option(False, "--sources", help="The schema of seeds/sources.yaml instead of maps."),
) -> None:
    """Print the JSON Schema of the map format (or of sources.yaml), for editors.

    Maps name it on their first line, `# yaml-language-server: $schema=../schema/argmap.schema.json`,
    and VS Code's YAML extension then completes and validates while you type.

    Example: argmap schema > schema/argmap.schema.json
    """
    from argmap.usecases.schema import schema

    typer.echo(schema(sources), nl=False)
    raise typer.Exit(ExitCode.CLEAN)
