"""`argmap brief`: check, make each map's view model, render it, write every brief or none.

Briefs are rendered in memory before any file is written, so a failure leaves the previous
output untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from argmap.brief.diagram import inline_svg, map_svg
from argmap.brief.html import render_brief
from argmap.brief.views import STANDALONE, brief_page, diagnostics_of, status_semantics
from argmap.diagnostics import UsageError
from argmap.output import BRIEFS_FOLDER, input_files, prepare_folder, refuse_inputs, write_files
from argmap.project import DEFAULT_SEEDS, MapDocument, Project
from argmap.usecases.check import check
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
) -> Outcome:
    """One self-contained HTML brief per map, into ``out_dir``. Refuses on check errors unless
    ``allow_errors`` (then the header of each brief counts them, and the exit code is still 1).
    ``semantics`` is the one the briefs show (default: each map's `expect:` semantics)."""
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
    pages: dict[Path, bytes] = {}
    for document in documents:
        svg = diagram(document, result.project, semantics)
        if svg is None:
            outcome.undrawn.append(document.model.id)
        page = brief_page(document, result.project, diagnostics=diagnostics_of(document, result.diagnostics),
                          built=built, links=STANDALONE, svg=inline_svg(svg) if svg else None, semantics=semantics)
        pages[out_dir / f"{document.model.id}.html"] = render_brief(page).encode("utf-8")
        progress.advance(document.model.id)
    refuse_inputs(pages, input_files(result.project))
    prepare_folder(out_dir)
    write_files(pages)
    outcome.written = list(pages)
    return outcome


def diagram(document: MapDocument, project: Project, semantics: str | None = None) -> str | None:
    """The map's diagram, statuses (or strengths) drawn under the semantics its brief shows."""
    return map_svg(document, project.registered, status_semantics(document.model, semantics))
