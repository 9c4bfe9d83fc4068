"""`argmap init`: create a project to start from."""

from __future__ import annotations

from pathlib import Path

import typer

from argmap.core.diagnostics import ExitCode


def init_command(
    folder: Path = typer.Argument(Path("."), help="Folder of the new project (created if missing).", show_default="."),
) -> None:
    """Create a project that `argmap check --strict` passes: maps/ with an example map that uses
    every feature of the format, seeds/ with its source and sources.yaml, the JSON Schemas the
    files' first lines point at, a .gitignore for build/, a pre-commit hook and a CI workflow.

    Never overwrites: when any of these files exists, nothing is written (exit 2).

    Example: argmap init my-debate && cd my-debate && argmap check --strict
    """
    from argmap.reporters.text import init_report
    from argmap.usecases.init import init

    typer.echo(init_report(init(folder)))
    raise typer.Exit(ExitCode.CLEAN)
