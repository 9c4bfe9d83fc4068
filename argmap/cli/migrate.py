"""`argmap migrate`: rewrite maps to the newest format version, in place."""

from __future__ import annotations

from pathlib import Path

import typer


def migrate_command(
    paths: list[Path] = typer.Argument(..., help="Map files to rewrite.", show_default=False),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the changes as a diff; write nothing."),
) -> None:
    """Rewrite version-1 maps as `argmap: 2`, in place and atomically.

    Comments, key order and formatting are kept: the version line changes, and each node
    without a title gets `title: TODO, a short title`, which `argmap check --strict` reports
    (AM317) until it is written. A map already at version 2 is left unchanged. If a map does not
    load, its diagnostics are printed and no file is changed (exit 1); a read-only file is
    refused (exit 2). A map named through a link is rewritten where the link points; the link stays.

    Example: argmap migrate maps/nato-expansion.yaml
    """
    from argmap.reporters.text import migrate_report
    from argmap.usecases.migrate import migrate

    outcome = migrate(paths, dry_run)
    typer.echo(migrate_report(outcome))
    raise typer.Exit(outcome.exit_code)
