"""`argmap brief` and `argmap build`: the typer commands. They parse options, call
:mod:`argmap.brief.site`, print the check report when it refuses, and exit with its code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from argmap.cli import OUT_ALIAS, SEEDS_OPTION, fail, output_folder, output_option
from argmap.diagnostics import UsageError
from argmap.output import BRIEFS_FOLDER, SITE_FOLDER

DATE_OPTION = typer.Option(
    None, "--date", metavar="YYYY-MM-DD",
    help="Date printed as the build date (default: SOURCE_DATE_EPOCH when set, else today); pin it for reproducible output.",
)


class ProgressBar:
    """typer's progress bar on stderr, drawn only for a terminal (logs stay clean)."""

    def __init__(self, label: str):
        self.label = label
        self.bar = None

    def start(self, total: int) -> None:
        if sys.stderr.isatty() and total > 1:
            self.bar = typer.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True)
            self.bar.__enter__()

    def advance(self, label: str) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _finish(outcome) -> None:
    """Print what the build did (or the check report when it refused) and exit with its code."""
    from argmap.reporters.text import TextReporter, format_diagnostic

    if outcome.refused:
        typer.echo(TextReporter().render(outcome.check))
        typer.echo(outcome.summary, err=True)
        raise typer.Exit(outcome.exit_code)
    for diagnostic in outcome.check.diagnostics:  # warnings (or errors let through): still worth seeing
        typer.echo(format_diagnostic(diagnostic), err=True)
    for skipped in outcome.skipped:
        typer.echo(f"argmap: skipped {skipped}: it does not load", err=True)
    typer.echo(outcome.summary)
    raise typer.Exit(outcome.exit_code)


def brief_command(
    maps: list[Path] = typer.Argument(..., help="Map files or folders.", show_default=False),
    output: Optional[Path] = output_option("the briefs, one MAP-ID.html per map", BRIEFS_FOLDER),
    out: Optional[Path] = OUT_ALIAS,
    seeds: Path = SEEDS_OPTION,
    date: Optional[str] = DATE_OPTION,
    allow_errors: bool = typer.Option(
        False, "--allow-errors",
        help="Write briefs even when the check finds errors (each brief's header counts them); "
             "the exit code is still 1."),
) -> None:
    """Write one self-contained HTML debate brief per map.

    Each brief holds its CSS and diagram inline and loads nothing from the network: the
    question and sides, the diagram with a text outline, each side's case as cards (tag, cite,
    quote with translation, highlighted parts, line in the source), blocks answering the other
    side ("A2: ..."), what is still to answer, and an APA bibliography.

    On check errors nothing is written and the report is printed as `argmap check` prints it,
    exit 1; with --allow-errors the briefs are written and the exit code is still 1.

    Example: argmap brief maps/nato-expansion.yaml -o out/
    """
    from argmap.brief import write_briefs
    from argmap.brief.views import build_date

    progress = ProgressBar("briefs")
    try:
        outcome = write_briefs(maps, output_folder(output, out, BRIEFS_FOLDER), seeds_dir=seeds, built=build_date(date),
                               allow_errors=allow_errors, progress=progress)
    except UsageError as error:
        raise fail(error) from None
    finally:
        progress.close()
    _finish(outcome)


def build_command(
    maps: Optional[list[Path]] = typer.Argument(None, help="Map files or folders (default: maps/).", show_default=False),
    output: Optional[Path] = output_option("the site, replaced as a whole", SITE_FOLDER),
    out: Optional[Path] = OUT_ALIAS,
    seeds: Path = SEEDS_OPTION,
    date: Optional[str] = DATE_OPTION,
) -> None:
    """Check, then build a static site: every brief and diagram, a page per cited source with
    each quoted passage highlighted and linked to the claims citing it, and an index.

    On check errors nothing is built: the report is printed as `argmap check` prints it, exit 1.
    The site is built beside the output folder and swapped in, so a failure leaves the old site in
    place. Only a folder argmap built (or an empty one) is replaced, never one holding a map, the
    seeds folder or a source; temporary folders left by a killed build are removed.

    Example: argmap build -o build && xdg-open build/index.html
    """
    from argmap.brief import build_site
    from argmap.brief.views import build_date

    progress = ProgressBar("building")
    try:
        outcome = build_site(maps, output_folder(output, out, SITE_FOLDER), seeds_dir=seeds, built=build_date(date),
                             progress=progress)
    except UsageError as error:
        raise fail(error) from None
    finally:
        progress.close()
    _finish(outcome)
