"""`argmap brief`: parse options, call :func:`argmap.usecases.brief.write_briefs`, report, exit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from argmap.cli.options import (BRIEF_SEMANTICS_OPTION, CITATION_STYLE_OPTION, OUT_ALIAS, READ_OPTION, REPORT_OPTION,
                                SEEDS_OPTION, WPM_OPTION, BriefSemantics, ReadText, ReportFormat, card_options,
                                output_folder, output_option, report_name)
from argmap.files.output import BRIEFS_FOLDER

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
    semantics: Optional[BriefSemantics] = BRIEF_SEMANTICS_OPTION,
    wpm: int = WPM_OPTION,
    citation_style: str = CITATION_STYLE_OPTION,
    read: Optional[ReadText] = READ_OPTION,
    report: Optional[ReportFormat] = REPORT_OPTION,
) -> None:
    """Write one self-contained HTML debate brief per map.

    Each brief holds its CSS and diagram inline and loads nothing from the network: the
    question and sides, a table of every claim (standing ones first) with its best card, each
    side's case as cards (tag, short and full cite, the quote in its sentence with translation,
    highlighted parts, reading time, line in the source), blocks answering the other side
    ("A2: ..."), what is still to answer, the diagram (each node links to its card), and a
    bibliography in APA 7 (or the CSL style --citation-style names).

    On check errors nothing is written and the report is printed as `argmap check` prints it,
    exit 1; with --allow-errors the briefs are written and the exit code is still 1.

    Example: argmap brief maps/nato-expansion.yaml -o out/
    """
    from argmap.brief.views import build_date
    from argmap.cli.output import finish
    from argmap.usecases.brief import write_briefs

    progress = ProgressBar("briefs")
    try:
        outcome = write_briefs(maps, output_folder(output, out, BRIEFS_FOLDER), seeds_dir=seeds, built=build_date(date),
                               allow_errors=allow_errors, progress=progress,
                               semantics=semantics.value if semantics else None, options=card_options(wpm, citation_style, read))
    finally:
        progress.close()
    finish(outcome, report_name(report))
