"""`argmap brief` and `argmap build` as functions: check, make the view models, render, write.

Nothing is written unless everything rendered: briefs are rendered in memory before any file
is written, and a site is built in a temporary folder beside its target and swapped in by
renaming, so a failure leaves the previous output untouched and no half-written site behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
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
from argmap.output import atomic_write, input_files, prepare_folder, refuse_inputs
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
        return ExitCode.INPUT_ERRORS if self.refused and self.check.errors else ExitCode.CLEAN

    @property
    def summary(self) -> str:
        if self.refused:
            return "nothing written: fix the errors above first"
        where = self.index or self.written[0].parent
        return f"wrote {len(self.written)} file{'s' if len(self.written) != 1 else ''}: {where}"


def write_briefs(
    paths: Sequence[Path] | None,
    out_dir: Path,
    *,
    seeds_dir: Path = DEFAULT_SEEDS,
    built: str,
    allow_errors: bool = False,
    progress: Progress | None = None,
) -> Outcome:
    """One self-contained HTML brief per map, into ``out_dir``. Refuses on check errors unless
    ``allow_errors`` (then the header of each brief counts them)."""
    progress = progress or _Silent()
    result = check(paths, seeds_dir)
    outcome = Outcome(result)
    if result.errors and not allow_errors:
        return outcome
    documents = result.project.valid_maps
    outcome.skipped = [m.display for m in result.project.maps if m.model is None]
    progress.start(len(documents))
    pages: dict[Path, str] = {}
    for document in documents:
        svg = diagram(document, result.project)
        page = brief_page(document, result.project, diagnostics=diagnostics_of(document, result.diagnostics),
                          built=built, links=STANDALONE, svg=inline_svg(svg) if svg else None)
        pages[out_dir / f"{document.model.id}.html"] = render_brief(page)
        progress.advance(document.model.id)
    refuse_inputs(pages, input_files(result.project))
    prepare_folder(out_dir)
    for path, text in pages.items():
        atomic_write(path, text.encode("utf-8"))
        outcome.written.append(path)
    return outcome


def build_site(
    paths: Sequence[Path] | None,
    out: Path,
    *,
    seeds_dir: Path = DEFAULT_SEEDS,
    built: str,
    progress: Progress | None = None,
) -> Outcome:
    """Check, then write every brief, diagram and cited source page and an index into ``out``."""
    progress = progress or _Silent()
    _guard_target(out)
    result = check(paths, seeds_dir)
    outcome = Outcome(result)
    if result.errors:
        return outcome
    project = result.project
    documents = project.valid_maps
    for document in documents:
        if is_reserved_map_id(document.model.id):
            raise UsageError(f"{document.display}: a map id '{document.model.id}' would overwrite the site's "
                             f"{document.model.id}.html", "rename the map")
    cited = sorted({e.source for d in documents for n in d.model.nodes.values() for e in n.evidence
                    if e.source in project.sources})
    progress.start(len(documents) + len(cited) + 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        files: list[Path] = []
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
        _swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    outcome.written = [out / f.relative_to(staging) for f in files]
    outcome.index = out / "index.html"
    return outcome


def diagram(document: MapDocument, project: Project) -> str | None:
    model = document.model
    return map_svg(model, document.graph, {sid: doc.source for sid, doc in project.sources.items()},
                   status_semantics(model))


def _guard_target(out: Path) -> None:
    """Only an empty folder, or one argmap built, may be replaced: `-o .` must not wipe a project."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} exists and is not a folder", "choose another -o")
    if out.is_dir() and any(out.iterdir()) and not (out / SITE_MARKER).is_file():
        raise UsageError(f"{out} holds files argmap did not build; refusing to replace it",
                         "choose an empty or new folder for -o, or remove this one")


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging`` with renames: readers see the old site or the new one."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
        os.rename(out, old / out.name)
    try:
        os.rename(staging, out)
    except OSError:
        if old is not None:
            os.rename(old / out.name, out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    os.chmod(out, 0o755)  # mkdtemp makes 0700 folders; a site is meant to be served and read


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
