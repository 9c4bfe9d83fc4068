"""`argmap render` as a function: check the maps, build each diagram, write them all or none.

Order matters for "a failing command writes no partial output": usage problems (unknown format,
missing ``dot``, an output over an input) are found before any work; every diagram is produced
in memory before the first file is written; each file is written atomically.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.check import CheckResult, check
from argmap.diagnostics import ExitCode, UsageError
from argmap.graph import MapGraph
from argmap.model import ArgMap, Source
from argmap.project import DEFAULT_SEEDS, MapDocument
from argmap.render.dot import DEFAULT_RANKDIR, RANKDIRS, dot_pieces
from argmap.render.formats import DEFAULT_FORMAT, FORMATS, GraphvizFailed, OutputFormat, require_dot
from argmap.output import DIAGRAMS_FOLDER, input_files, prepare_folder, refuse_inputs, write_files
from argmap.render.select import Selection, selected_nodes
from argmap.render.status import DEFAULT_SEMANTICS, SEMANTICS_NAMES, status_labels
from argmap.render.view import build_view
from argmap.reporters.text import TextReporter, format_diagnostic


@dataclass(frozen=True)
class RenderOptions:
    out_dir: Path = DIAGRAMS_FOLDER
    format: str = DEFAULT_FORMAT
    rankdir: str = DEFAULT_RANKDIR
    selection: Selection = field(default_factory=Selection)
    show_status: bool = True
    semantics: str = DEFAULT_SEMANTICS

    def output_format(self) -> OutputFormat:
        try:
            return FORMATS[self.format]
        except KeyError:
            raise UsageError(f"unknown format '{self.format}'", f"choose one of: {', '.join(FORMATS)}") from None

    def validate(self) -> None:
        if self.rankdir not in RANKDIRS:
            raise UsageError(f"unknown rankdir '{self.rankdir}'", f"choose one of: {', '.join(RANKDIRS)}")
        if self.semantics not in SEMANTICS_NAMES:
            raise UsageError(f"unknown semantics '{self.semantics}'", f"choose one of: {', '.join(SEMANTICS_NAMES)}")


@dataclass
class RenderReport:
    exit_code: int
    output: str  # for stdout: the check report when maps have errors, else the files written
    messages: str = ""  # for stderr: warnings found while checking
    written: list[Path] = field(default_factory=list)


def map_dot_pieces(
    argmap: ArgMap,
    graph: MapGraph | None = None,
    sources: Mapping[str, Source] | None = None,
    *,
    rankdir: str = DEFAULT_RANKDIR,
    selection: Selection | None = None,
    labels: Mapping[str, str] | None = None,
    semantics: str | None = DEFAULT_SEMANTICS,
) -> Iterator[str]:
    """:func:`map_to_dot`'s text in pieces, each made when it is asked for."""
    graph = graph or MapGraph(argmap)
    kept = selected_nodes(graph, selection or Selection(), argmap.id)
    focus = selection.focus if selection else None
    view = build_view(argmap, graph, sources, labels, kept, semantics, focus)
    yield from dot_pieces(view, rankdir)


def map_to_dot(
    argmap: ArgMap,
    graph: MapGraph | None = None,
    sources: Mapping[str, Source] | None = None,
    *,
    rankdir: str = DEFAULT_RANKDIR,
    selection: Selection | None = None,
    labels: Mapping[str, str] | None = None,
    semantics: str | None = DEFAULT_SEMANTICS,
) -> str:
    """The DOT source of one map (public API; briefs and the site builder use it too).

    ``labels`` maps node ids to "IN" / "OUT" / "UNDEC" (drawn as stands / falls / undecided and
    named in the legend with ``semantics``); without labels no status is drawn."""
    return "".join(map_dot_pieces(argmap, graph, sources, rankdir=rankdir, selection=selection,
                                  labels=labels, semantics=semantics))


def document_dot_pieces(document: MapDocument, sources: Mapping[str, Source], options: RenderOptions) -> Iterator[str]:
    labels = status_labels(document.model, options.semantics) if options.show_status else None
    yield from map_dot_pieces(document.model, document.graph, sources, rankdir=options.rankdir,
                              selection=options.selection, labels=labels, semantics=options.semantics)


def document_dot(document: MapDocument, sources: Mapping[str, Source], options: RenderOptions) -> str:
    return "".join(document_dot_pieces(document, sources, options))


def drawing(document: MapDocument, sources: Mapping[str, Source], options: RenderOptions,
            output_format: OutputFormat) -> bytes:
    # in pieces: `dot` starts, and reads, while the statuses, the view and the DOT text are made
    try:
        return output_format.produce(document_dot_pieces(document, sources, options))
    except GraphvizFailed as error:
        raise GraphvizFailed(f"{document.display}: {error.message}", error.hint) from None


def check_failed(result: CheckResult) -> RenderReport:
    return RenderReport(ExitCode.INPUT_ERRORS, TextReporter().render(result))


def render_maps(paths: Sequence[Path] | None, seeds_dir: Path = DEFAULT_SEEDS,
                options: RenderOptions | None = None) -> RenderReport:
    """Render each map to ``<out_dir>/<map-id>.<ext>``. Raises :class:`UsageError` (exit 2)
    when the command cannot run."""
    options = options or RenderOptions()
    options.validate()
    output_format = options.output_format()
    if output_format.needs_dot:
        require_dot()
    result = check(paths, seeds_dir)
    if result.errors:
        return check_failed(result)
    documents = result.project.maps
    if not documents:
        raise UsageError("no map files to render", "name map files or folders holding *.yaml maps")
    targets = [options.out_dir / f"{document.model.id}.{output_format.extension}" for document in documents]
    refuse_inputs(targets, input_files(result.project))
    sources = result.project.registered
    produced = [drawing(document, sources, options, output_format) for document in documents]
    prepare_folder(options.out_dir)
    write_files(dict(zip(targets, produced)))
    return RenderReport(
        ExitCode.CLEAN,
        "\n".join(f"wrote {target}" for target in targets),
        "\n".join(format_diagnostic(d) for d in result.diagnostics),
        targets,
    )
