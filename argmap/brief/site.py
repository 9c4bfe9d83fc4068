"""`argmap brief` and `argmap build` as functions: check, make the view models, render, write.

Nothing is written unless everything rendered: briefs are rendered in memory before any file
is written, and a site is built in a temporary folder beside its target and swapped in by
renaming, so a failure leaves the previous output untouched and no half-written site behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from argmap.brief.diagram import inline_svg, map_svg
from argmap.brief.html import render_brief, render_index, render_source
from argmap.brief.views import (SITE_ROOT, SITE_SOURCES, STANDALONE, brief_page, diagnostics_of, index_page,
                                source_page, status_semantics)
from argmap.check import CheckResult, check
from argmap.diagnostics import ExitCode, UsageError
from argmap.model import is_reserved_map_id
from argmap.output import (BRIEFS_FOLDER, SITE_FOLDER, input_files, prepare_folder, refuse_inputs,
                           refuse_inputs_within, remove_abandoned_staging, replacing_folder, write_files)
from argmap.project import DEFAULT_SEEDS, MapDocument, Project

SITE_MARKER = ".argmap-site"  # marks a folder argmap built, so that a rebuild may replace it


class Progress(Protocol):
    """What the builder reports while it works (the CLI draws it as a progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self, label: str) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, label: str) -> None:
        pass


@dataclass
class Outcome:
    """What a build did: the check it ran, and the files it wrote (none when refused)."""

    check: CheckResult
    written: list[Path] = field(default_factory=list)
    index: Path | None = None
    skipped: list[str] = field(default_factory=list)  # maps that did not load

    @property
    def refused(self) -> bool:
        return not self.written

    @property
    def exit_code(self) -> int:
        # errors found are reported by the exit code even when --allow-errors wrote the briefs
        return ExitCode.INPUT_ERRORS if self.check.errors else ExitCode.CLEAN

    @property
    def summary(self) -> str:
        if self.refused:
            return "nothing written: fix the errors above first"
        if self.index is not None:
            return f"wrote {len(self.written)} file{'s' if len(self.written) != 1 else ''}: {self.index}"
        return "\n".join(f"wrote {path}" for path in self.written)


def write_briefs(
    paths: Sequence[Path] | None,
    out_dir: Path = BRIEFS_FOLDER,
    *,
    seeds_dir: Path = DEFAULT_SEEDS,
    built: str,
    allow_errors: bool = False,
    progress: Progress | None = None,
) -> Outcome:
    """One self-contained HTML brief per map, into ``out_dir``. Refuses on check errors unless
    ``allow_errors`` (then the header of each brief counts them, and the exit code is still 1)."""
    progress = progress or _Silent()
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
        svg = diagram(document, result.project)
        page = brief_page(document, result.project, diagnostics=diagnostics_of(document, result.diagnostics),
                          built=built, links=STANDALONE, svg=inline_svg(svg) if svg else None)
        pages[out_dir / f"{document.model.id}.html"] = render_brief(page).encode("utf-8")
        progress.advance(document.model.id)
    refuse_inputs(pages, input_files(result.project))
    prepare_folder(out_dir)
    write_files(pages)
    outcome.written = list(pages)
    return outcome


def build_site(
    paths: Sequence[Path] | None,
    out: Path = SITE_FOLDER,
    *,
    seeds_dir: Path = DEFAULT_SEEDS,
    built: str,
    progress: Progress | None = None,
) -> Outcome:
    """Check, then write every brief, diagram and cited source page and an index into ``out``,
    which is replaced as a whole."""
    progress = progress or _Silent()
    remove_abandoned_staging(out)
    _guard_target(out)
    result = check(paths, seeds_dir)
    project = result.project
    refuse_inputs_within(out, [*input_files(project), project.seeds_dir, *(paths or ())])
    outcome = Outcome(result)
    if result.errors:
        return outcome
    documents = project.maps
    for document in documents:
        if is_reserved_map_id(document.model.id):
            raise UsageError(f"{document.display}: a map id '{document.model.id}' would overwrite the site's "
                             f"{document.model.id}.html", "rename the map")
    cited = sorted({e.source for d in documents for n in d.model.nodes.values() for e in n.evidence
                    if e.source in project.registered})
    progress.start(len(documents) + len(cited) + 1)
    files: list[Path] = []
    with replacing_folder(out) as staging:
        diagrams: list[str] = []
        for document in documents:
            model = document.model
            svg = diagram(document, project)
            if svg:
                files.append(_write(staging / f"{model.id}.svg", svg))
                diagrams.append(model.id)
            page = brief_page(document, project, diagnostics=diagnostics_of(document, result.diagnostics),
                              built=built, links=SITE_ROOT, svg=inline_svg(svg) if svg else None)
            files.append(_write(staging / f"{model.id}.html", render_brief(page)))
            progress.advance(model.id)
        (staging / "sources").mkdir()
        for source_id in cited:
            page = source_page(source_id, project, built=built, diagnostics=result.diagnostics, links=SITE_SOURCES)
            files.append(_write(staging / "sources" / f"{source_id}.html", render_source(page)))
            progress.advance(source_id)
        index = index_page(project, built=built, diagnostics=result.diagnostics, cited_sources=cited, diagrams=diagrams)
        files.append(_write(staging / "index.html", render_index(index)))
        _write(staging / SITE_MARKER, "built by argmap; `argmap build` replaces this folder as a whole\n")
        progress.advance("index")
    outcome.written = [out / f.relative_to(staging) for f in files]
    outcome.index = out / "index.html"
    return outcome


def diagram(document: MapDocument, project: Project) -> str | None:
    model = document.model
    return map_svg(model, document.graph, project.registered,
                   status_semantics(model))


def _guard_target(out: Path) -> None:
    """Only an empty folder, or one argmap built, may be replaced: `-o .` must not wipe a project."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} exists and is not a folder", "choose another -o")
    if out.is_dir() and any(out.iterdir()) and not (out / SITE_MARKER).is_file():
        raise UsageError(f"{out} holds files argmap did not build; refusing to replace it",
                         "choose an empty or new folder for -o, or remove this one")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
