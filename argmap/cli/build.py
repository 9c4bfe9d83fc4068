"""`argmap build`: parse options, call :func:`argmap.usecases.build.build_site`, report, exit."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from argmap.cli.brief import DATE_OPTION, ProgressBar
from argmap.cli.options import (BRIEF_SEMANTICS_OPTION, CITATION_STYLE_OPTION, OUT_ALIAS, READ_OPTION, REPORT_OPTION,
                                SEEDS_OPTION, WPM_OPTION, BriefSemantics, ReadText, ReportFormat, card_options,
                                output_folder, output_option, report_name)
from argmap.files.output import SITE_FOLDER


def build_command(
    maps: Optional[list[Path]] = typer.Argument(None, help="Map files or folders (default: maps/).", show_default=False),
    output: Optional[Path] = output_option("the site, replaced as a whole", SITE_FOLDER),
    out: Optional[Path] = OUT_ALIAS,
    seeds: Path = SEEDS_OPTION,
    date: Optional[str] = DATE_OPTION,
    semantics: Optional[BriefSemantics] = BRIEF_SEMANTICS_OPTION,
    wpm: int = WPM_OPTION,
    citation_style: str = CITATION_STYLE_OPTION,
    read: Optional[ReadText] = READ_OPTION,
    report: Optional[ReportFormat] = REPORT_OPTION,
) -> None:
    """Check, then build a static site: every brief and diagram, a page per cited source with
    each quoted passage highlighted and linked to the claims citing it, and an index.

    On check errors nothing is built: the report is printed as `argmap check` prints it, exit 1.
    The site is built beside the output folder and swapped in, so a failure leaves the old site in
    place. Only a folder argmap built (or an empty one) is replaced, never one holding a map, the
    seeds folder or a source; temporary folders left by a killed build are removed.

    Example: argmap build -o build && xdg-open build/index.html
    """
    from argmap.brief.views import build_date
    from argmap.cli.output import finish
    from argmap.usecases.build import build_site

    progress = ProgressBar("building")
    try:
        outcome = build_site(maps, output_folder(output, out, SITE_FOLDER), seeds_dir=seeds, built=build_date(date),
                             progress=progress, semantics=semantics.value if semantics else None, options=card_options(wpm, citation_style, read))
    finally:
        progress.close()
    finish(outcome, report_name(report))
