"""`argmap brief`: check, make each map's view model, render it, write every brief or none.

Briefs are rendered in memory before any file is written, so a failure leaves the previous
output untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from argmap.brief.diagram import inline_svg, map_svg
from argmap.brief.html import render_brief
from argmap.brief.word import word_brief
from argmap.brief.views import STANDALONE, brief_page, diagnostics_of, status_semantics
from argmap.diagnostics import UsageError
from argmap.output import BRIEFS_FOLDER, input_files, prepare_folder, refuse_inputs, write_files
from argmap.project import DEFAULT_SEEDS, MapDocument, Project
from argmap.usecases.check import CheckResult, check
from argmap.vocabulary import DEFAULT_WPM
from argmap.usecases.outcome import Outcome


class Progress(Protocol):
    """What the builder reports while it works (the CLI draws it as a progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self, label: str) -> None: ...


class Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, label: str) -> None:
        pass


def write_briefs(
    paths: Sequence[Path] | None,
    out_dir: Path = BRIEFS_FOLDER,
    *,
    seeds_dir: Path = DEFAULT_SEEDS,
    built: str,
    allow_errors: bool = False,
    progress: Progress | None = None,
    semantics: str | None = None,
    wpm: int = DEFAULT_WPM,
) -> Outcome:
    """One self-contained HTML brief per map, into ``out_dir``. Refuses on check errors unless
    ``allow_errors`` (then the header of each brief counts them, and the exit code is still 1).
    ``semantics`` is the one the briefs show (default: each map's `expect:` semantics); reading
    times are at ``wpm`` words a minute."""
    def html(document: MapDocument, result: CheckResult, outcome: Outcome) -> tuple[str, bytes]:
        svg = diagram(document, result.project, semantics)
        if svg is None:
            outcome.undrawn.append(document.model.id)
        page = brief_page(document, result.project, diagnostics=diagnostics_of(document, result.diagnostics),
                          built=built, links=STANDALONE, svg=inline_svg(svg) if svg else None, semantics=semantics,
                          wpm=wpm)
        return f"{document.model.id}.html", render_brief(page).encode("utf-8")

    return _write_each(paths, out_dir, seeds_dir, allow_errors, progress, html)


def write_word_briefs(
    paths: Sequence[Path] | None,
    out_dir: Path = BRIEFS_FOLDER,
    *,
    seeds_dir: Path = DEFAULT_SEEDS,
    built: str,
    allow_errors: bool = False,
    progress: Progress | None = None,
    semantics: str | None = None,
    wpm: int = DEFAULT_WPM,
) -> Outcome:
    """One Word brief per map, ``<map-id>.docx`` in ``out_dir``, with Verbatim's style names; the
    same refusals, statuses and reading times as :func:`write_briefs`."""
    def docx(document: MapDocument, result: CheckResult, outcome: Outcome) -> tuple[str, bytes]:
        page = brief_page(document, result.project, diagnostics=diagnostics_of(document, result.diagnostics),
                          built=built, links=STANDALONE, semantics=semantics, wpm=wpm)
        return f"{document.model.id}.docx", word_brief(page)

    return _write_each(paths, out_dir, seeds_dir, allow_errors, progress, docx)


def _write_each(paths: Sequence[Path] | None, out_dir: Path, seeds_dir: Path, allow_errors: bool,
                progress: Progress | None,
                make: Callable[[MapDocument, CheckResult, Outcome], tuple[str, bytes]]) -> Outcome:
    """Check, then make every map's file in memory, then write them all or none."""
    progress = progress or Silent()
    result = check(paths, seeds_dir)
    outcome = Outcome(result)
    if result.errors and not allow_errors:
        return outcome
    documents = result.project.maps
    if not documents and result.errors:
        return outcome  # none loads: the report says why
    if not documents:
        raise UsageError("no map to write a brief for", "name map files or folders holding *.yaml maps")
    outcome.skipped = [m.display for m in result.project.unloaded_maps]
    progress.start(len(documents))
    files: dict[Path, bytes] = {}
    for document in documents:
        name, content = make(document, result, outcome)
        files[out_dir / name] = content
        progress.advance(document.model.id)
    refuse_inputs(files, input_files(result.project))
    prepare_folder(out_dir)
    write_files(files)
    outcome.written = list(files)
    return outcome


def diagram(document: MapDocument, project: Project, semantics: str | None = None) -> str | None:
    """The map's diagram, statuses (or strengths) drawn under the semantics its brief shows."""
    return map_svg(document, project.registered, status_semantics(document.model, semantics))
