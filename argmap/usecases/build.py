"""`argmap build`: check, then write every brief, diagram and cited source page and an index.

The site is built in a temporary folder beside its target and swapped in by renaming, so a
failure leaves the previous site untouched and no half-written site behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from argmap.brief.html import render_brief, render_index, render_source
from argmap.brief.bibliography import DEFAULT_CITATION_STYLE
from argmap.brief.views import SITE_ROOT, SITE_SOURCES, CardOptions, index_page, source_page
from argmap.core.diagnostics import UsageError
from argmap.files.output import (SITE_FOLDER, Inputs, link_target, refuse_replacing_folder, remove_abandoned_staging,
                                 replacing_folder)
from argmap.core.project import DEFAULT_SEEDS, MapDocument, Project
from argmap.usecases.brief import Progress, Silent, checked_page, diagram
from argmap.usecases.check import CheckResult, check
from argmap.usecases.outcome import Outcome

SITE_MARKER = ".argmap-site"  # marks a folder argmap built, so that a rebuild may replace it


def build_site(
    paths: Sequence[Path] | None,
    out: Path = SITE_FOLDER,
    *,
    seeds_dir: Path = DEFAULT_SEEDS,
    built: str,
    progress: Progress | None = None,
    semantics: str | None = None,
    options: CardOptions = CardOptions(),
    draw: Callable[[MapDocument, CheckResult, str | None], str | None] = diagram,
) -> Outcome:
    """Check, then write every brief, diagram and cited source page and an index into ``out``,
    which is replaced as a whole. ``semantics`` is the one the briefs show (default: each
    map's `expect:` semantics); ``draw`` makes a map's SVG diagram (`argmap serve` passes one
    that remembers the diagrams of maps that did not change)."""
    progress = progress or Silent()
    out = link_target(out)
    remove_abandoned_staging(out)
    _guard_target(out)
    result = check(paths, seeds_dir)
    project = result.project
    refuse_replacing_folder(out, Inputs(seeds_dir, named=paths or ()))
    outcome = Outcome(result)
    if result.errors:
        return outcome
    documents = project.maps
    cited = cited_sources(project)
    progress.start(len(documents) + len(cited) + 1)
    files: list[Path] = []
    with replacing_folder(out) as staging:
        diagrams: list[str] = []
        for document in documents:
            model = document.model
            svg = draw(document, result, semantics)
            if svg is None:
                outcome.undrawn.append(document.model.id)
            if svg:
                files.append(_write(staging / f"{model.id}.svg", svg))
                diagrams.append(model.id)
            files.append(_write(staging / f"{model.id}.html", map_page_html(document, result, built, svg, semantics, options)))
            progress.advance(model.id)
        (staging / "sources").mkdir()
        for source_id in cited:
            files.append(_write(staging / "sources" / f"{source_id}.html", source_page_html(source_id, result, built, options.citation_style)))
            progress.advance(source_id)
        files.append(_write(staging / "index.html", index_html(result, built, cited, diagrams, options.citation_style)))
        _write(staging / SITE_MARKER, "built by argmap; `argmap build` replaces this folder as a whole\n")
        progress.advance("index")
    outcome.written = [out / f.relative_to(staging) for f in files]
    outcome.index = out / "index.html"
    return outcome


# The pages of the site, one function each: `argmap build` writes them all, `argmap serve`
# writes again only those a saved map changes.


def cited_sources(project: Project) -> list[str]:
    """The registered sources some map quotes: each gets a page."""
    return sorted({e.source for d in project.maps for n in d.model.nodes.values() for e in n.evidence
                   if e.source in project.registered})


def map_page_html(document: MapDocument, result: CheckResult, built: str, svg: str | None,
                  semantics: str | None = None, options: CardOptions = CardOptions()) -> str:
    return render_brief(checked_page(document, result, built=built, links=SITE_ROOT, svg=svg, semantics=semantics,
                                     options=options))


def source_page_html(source_id: str, result: CheckResult, built: str,
                     citation_style: str = DEFAULT_CITATION_STYLE) -> str:
    return render_source(source_page(source_id, result.project, built=built, diagnostics=result.diagnostics,
                                     links=SITE_SOURCES, citation_style=citation_style))


def index_html(result: CheckResult, built: str, cited: list[str], diagrams: list[str],
               citation_style: str = DEFAULT_CITATION_STYLE) -> str:
    verdicts = {d.model.id: result.evaluations.verdict(d.model) for d in result.project.maps}
    return render_index(index_page(result.project, built=built, diagnostics=result.diagnostics,
                                   cited_sources=cited, diagrams=diagrams, verdicts=verdicts,
                                   citation_style=citation_style))


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
