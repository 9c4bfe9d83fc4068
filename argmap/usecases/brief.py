"""`argmap brief`: check, make each map's view model, render it, write every brief or none.

Briefs are rendered in memory before any file is written, so a failure leaves the previous
output untouched.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from argmap.brief.diagram import inline_svg, map_svg
from argmap.brief.html import render_brief
from argmap.brief.word import word_brief
from argmap.brief.views import STANDALONE, BriefPage, CardOptions, Links, brief_page, diagnostics_of, status_semantics
from argmap.core.diagnostics import UsageError
from argmap.files.output import BRIEFS_FOLDER, Inputs, prepare_folder, refuse_outputs, write_files
from argmap.core.project import DEFAULT_SEEDS, MapDocument
from argmap.usecases.check import CheckResult, check
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


@dataclass(frozen=True)
class BriefKind:
    """A kind of brief file: its suffix, whether it shows the diagram, how a page becomes bytes."""

    suffix: str
    shows_diagram: bool
    render: Callable[[BriefPage], bytes]


HTML_BRIEF = BriefKind(".html", True, lambda page: render_brief(page).encode("utf-8"))
WORD_BRIEF = BriefKind(".docx", False, word_brief)


def checked_page(document: MapDocument, result: CheckResult, *, built: str, links: Links = STANDALONE,
                 svg: str | None = None, semantics: str | None = None, options: CardOptions = CardOptions()) -> BriefPage:
    """The brief's view model of one checked map, its header counting this map's diagnostics."""
    return brief_page(document, result.project, result.evaluations, diagnostics=diagnostics_of(document, result.diagnostics),
                      built=built, links=links, svg=inline_svg(svg) if svg else None, semantics=semantics, options=options)


def write_briefs(
    paths: Sequence[Path] | None,
    out_dir: Path = BRIEFS_FOLDER,
    *,
    seeds_dir: Path = DEFAULT_SEEDS,
    built: str,
    allow_errors: bool = False,
    progress: Progress | None = None,
    semantics: str | None = None,
    options: CardOptions = CardOptions(),
    kind: BriefKind = HTML_BRIEF,
) -> Outcome:
    """One brief per map, ``<map-id>`` with ``kind``'s suffix, into ``out_dir``: check, make every
    file in memory, then write them all or none. Refuses on check errors unless ``allow_errors``
    (then the header of each brief counts them, and the exit code is still 1). ``semantics`` is
    the one the briefs show (default: each map's `expect:` semantics); ``options`` say how the
    cards read (reading speed, citation style, which text is the body)."""
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
    targets = [out_dir / f"{document.model.id}{kind.suffix}" for document in documents]
    refuse_outputs(targets, Inputs(seeds_dir, named=paths or ()))  # before any brief is made
    progress.start(len(documents))
    files: dict[Path, bytes] = {}
    for document, target in zip(documents, targets):
        svg = diagram(document, result, semantics) if kind.shows_diagram else None
        if kind.shows_diagram and svg is None:
            outcome.undrawn.append(document.model.id)
        page = checked_page(document, result, built=built, svg=svg, semantics=semantics, options=options)
        files[target] = kind.render(page)
        progress.advance(document.model.id)
    prepare_folder(out_dir)
    write_files(files)
    outcome.written = list(files)
    return outcome


# `argmap docx`: the same briefs, as Word files in Verbatim's style names.
write_word_briefs = functools.partial(write_briefs, kind=WORD_BRIEF)


def diagram(document: MapDocument, result: CheckResult, semantics: str | None = None) -> str | None:
    """The map's diagram, statuses (or strengths) drawn under the semantics its brief shows."""
    shown = status_semantics(document.model, semantics)
    evaluation = result.evaluations.of(document.model, shown) if shown else None
    return map_svg(document, result.project.registered, evaluation, result.evaluations.verdict(document.model, semantics))
