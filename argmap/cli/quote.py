"""`argmap quote`: parse options, find the passage, print it, exit."""

from __future__ import annotations

from pathlib import Path

import typer

from argmap.cli.options import SEEDS_OPTION
from argmap.quotes import DEFAULT_LIMIT


def quote_command(
    source: str = typer.Argument(..., help="Source id from sources.yaml, e.g. ade2025.", show_default=False),
    text: str = typer.Argument(..., help="The words you remember, roughly.", show_default=False),
    seeds: Path = SEEDS_OPTION,
    limit: int = typer.Option(DEFAULT_LIMIT, "--limit", "-n", min=1, help="How many passages to rank."),
) -> None:
    """Find a passage in a source from approximate words; print the verbatim quote and an evidence snippet.

    Passages are ranked by similarity (word overlap forgiving typos, 0-100%) with their line.
    Exit 1 when no passage is at least 60% similar.

    Example: argmap quote ade2025 "Rusia pertimbangan kekuatan NATO ekspansi Polandia"
    """
    from argmap.reporters.text import quote_report
    from argmap.usecases.quote import find_quote

    report = find_quote(source, text, seeds, limit)
    typer.echo(quote_report(report))
    raise typer.Exit(report.exit_code)
