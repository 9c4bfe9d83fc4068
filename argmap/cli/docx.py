"""`argmap docx`: parse options, call :func:`argmap.usecases.brief.write_word_briefs`, report, exit."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from argmap.cli.brief import DATE_OPTION, ProgressBar
from argmap.cli.options import (BRIEF_SEMANTICS_OPTION, CITATION_STYLE_OPTION, READ_OPTION, REPORT_OPTION,
                                SEEDS_OPTION, WPM_OPTION, BriefSemantics, ReadText, ReportFormat, card_options,
                                output_option, report_name)
from argmap.files.output import BRIEFS_FOLDER


def docx_command(
    maps: list[Path] = typer.Argument(..., help="Map files or folders.", show_default=False),
    output: Optional[Path] = output_option("the Word files, one MAP-ID.docx per map", BRIEFS_FOLDER),
    seeds: Path = SEEDS_OPTION,
    date: Optional[str] = DATE_OPTION,
    allow_errors: bool = typer.Option(
        False, "--allow-errors",
        help="Write the files even when the check finds errors (each counts them); the exit code is still 1."),
    semantics: Optional[BriefSemantics] = BRIEF_SEMANTICS_OPTION,
    wpm: int = WPM_OPTION,
    citation_style: str = CITATION_STYLE_OPTION,
    read: Optional[ReadText] = READ_OPTION,
    report: Optional[ReportFormat] = REPORT_OPTION,
) -> None:
    """Write one Word brief per map, in Verbatim's styles, for a debater to read from.

    The outline is Pocket (the map), Hat (each side), Block (the side's case, then one "A2:" block
    per claim of the other side it answers, responses numbered) and Tag (each card's title), built
    on Word's Heading 1-4 so the navigation pane shows it. Each card's cite line has the short cite
    in the character style Cite, then the full cite, the source's reliability, whether the quote
    was found in the source, and the reading time; the quote follows in its sentence, the quoted
    words underlined (Underline), the highlighted ones in Emphasis and highlighted, and then its
    translation, highlighted the same way. A debater's Verbatim template restyles it all.

    On check errors nothing is written and the report is printed as `argmap check` prints it,
    exit 1; with --allow-errors the files are written and the exit code is still 1.

    Example: argmap docx maps/nato-expansion.yaml -o out/
    """
    from argmap.brief.views import build_date
    from argmap.cli.output import finish
    from argmap.usecases.brief import write_word_briefs

    progress = ProgressBar("docx")
    try:
        outcome = write_word_briefs(maps, output or BRIEFS_FOLDER, seeds_dir=seeds, built=build_date(date),
                                    allow_errors=allow_errors, progress=progress,
                                    semantics=semantics.value if semantics else None, options=card_options(wpm, citation_style, read))
    finally:
        progress.close()
    finish(outcome, report_name(report))
