"""A map's diagram: the options that shape it, its DOT text (whole or streamed in pieces) and
the drawing Graphviz makes of it. Writing files is the use case's (:mod:`argmap.usecases.render`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from argmap.core.diagnostics import UsageError
from argmap.core.graph import MapGraph
from argmap.core.model import ArgMap, Source
from argmap.core.project import MapDocument
from argmap.evaluate.evaluations import Evaluations
from argmap.render.dot import DEFAULT_RANKDIR, RANKDIRS, dot_pieces
from argmap.render.formats import DEFAULT_FORMAT, FORMATS, GraphvizFailed, OutputFormat
from argmap.files.output import DIAGRAMS_FOLDER
from argmap.render.select import Selection, selected_nodes
from argmap.render.status import DrawnStatus, drawn_status
from argmap.core.vocabulary import ALL_SEMANTICS, DEFAULT_SEMANTICS
from argmap.render.view import build_view


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
        if self.semantics not in ALL_SEMANTICS:
            raise UsageError(f"unknown semantics '{self.semantics}'", f"choose one of: {', '.join(ALL_SEMANTICS)}")


def map_dot_pieces(
    argmap: ArgMap,
    graph: MapGraph | None = None,
    sources: Mapping[str, Source] | None = None,
    *,
    rankdir: str = DEFAULT_RANKDIR,
    selection: Selection | None = None,
    status: DrawnStatus | None = None,
) -> Iterator[str]:
    """:func:`map_to_dot`'s text in pieces, each made when it is asked for."""
    graph = graph or MapGraph(argmap)
    kept = selected_nodes(graph, selection or Selection(), argmap.id)
    focus = selection.focus if selection else None
    view = build_view(argmap, graph, sources, kept, focus, status)
    yield from dot_pieces(view, rankdir)


def map_to_dot(
    argmap: ArgMap,
    graph: MapGraph | None = None,
    sources: Mapping[str, Source] | None = None,
    *,
    rankdir: str = DEFAULT_RANKDIR,
    selection: Selection | None = None,
    status: DrawnStatus | None = None,
) -> str:
    """The DOT source of one map (public API; briefs and the site builder use it too). ``status``
    (:func:`argmap.render.status.drawn_status` of an evaluation) is drawn on the nodes and named
    in the legend; without it no status is drawn."""
    return "".join(map_dot_pieces(argmap, graph, sources, rankdir=rankdir, selection=selection, status=status))


def document_dot_pieces(document: MapDocument, evaluations: Evaluations, options: RenderOptions) -> Iterator[str]:
    """The map's DOT in pieces; ``evaluations`` gives the statuses drawn and the registered sources."""
    # the legend names the leader, margin and robustness, not the decisive clashes
    status = (drawn_status(evaluations.of(document.model, options.semantics),
                           evaluations.verdict(document.model, what_ifs=False))
              if options.show_status else None)
    yield from map_dot_pieces(document.model, document.graph, evaluations.sources, rankdir=options.rankdir,
                              selection=options.selection, status=status)


def document_dot(document: MapDocument, evaluations: Evaluations, options: RenderOptions) -> str:
    return "".join(document_dot_pieces(document, evaluations, options))


def drawing(document: MapDocument, evaluations: Evaluations, options: RenderOptions,
            output_format: OutputFormat) -> bytes:
    # in pieces: `dot` starts, and reads, while the statuses, the view and the DOT text are made
    try:
        return output_format.produce(document_dot_pieces(document, evaluations, options))
    except GraphvizFailed as error:
        raise GraphvizFailed(f"{document.display}: {error.message}", error.hint) from None
