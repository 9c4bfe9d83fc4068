"""From a command's outcome to stdout, stderr and the exit code: the one place the CLI prints
what the core found."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from argmap.reporters import get_reporter
from argmap.reporters.text import format_diagnostics, undrawn, written
from argmap.text.terminal import printable
from argmap.usecases.outcome import Outcome

REFUSED = "nothing written: fix the errors above first"


def finish(outcome: Outcome, report: str, *, say_refused: bool = True) -> None:
    """Report a command that checked maps and wrote files; exit with the outcome's code.

    Refused, the check report goes to stdout. Otherwise, for people, the diagnostics (warnings,
    or errors let through) go to stderr beside the list of files written; a machine format
    gets stdout to itself, and the list of files goes to stderr."""
    reporter = get_reporter(report)
    result = outcome.check
    for_people = reporter.for_people
    if outcome.refused or not for_people:
        typer.echo(reporter.render(result))
    elif result.diagnostics:
        typer.echo(format_diagnostics(result.diagnostics), err=True)
    if outcome.refused:
        if say_refused:
            typer.echo(REFUSED, err=True)
        raise typer.Exit(outcome.exit_code)
    for skipped in outcome.skipped:
        typer.echo(f"argmap: skipped {printable(skipped)}: it does not load", err=True)
    if outcome.undrawn:
        typer.echo(undrawn(outcome.undrawn), err=True)
    typer.echo(written(outcome.written, outcome.index), err=not for_people)
    raise typer.Exit(outcome.exit_code)


@contextmanager
def echo_load_failure() -> Iterator[None]:
    """A map that does not load: its diagnostics on stderr, then the error itself (exit 1)."""
    from argmap.usecases.interchange import MapDoesNotLoad

    try:
        yield
    except MapDoesNotLoad as error:
        if error.diagnostics:
            typer.echo(format_diagnostics(error.diagnostics), err=True)
        raise
