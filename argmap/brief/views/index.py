"""The index page of a site: every map and source with its check status."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.brief.bibliography import DEFAULT_CITATION_STYLE, Reference, bibliography
from argmap.brief.views.links import Links, SITE_ROOT
from argmap.brief.views.parts import CheckStatus, RELIABILITY_LABELS, SIDE_LABELS, check_status
from argmap.core.diagnostics import Diagnostic
from argmap.core.project import MapDocument, Project
from argmap.evaluate.verdict import MapVerdict


@dataclass(frozen=True)
class SideCount:
    label: str
    position: str
    nodes: int
    quotes: int


@dataclass(frozen=True)
class MapSummary:
    id: str
    title: str
    question: str | None
    href: str
    diagram_href: str | None
    nodes: int
    quotes: int
    sides: tuple[SideCount, ...]
    check: CheckStatus
    verdict: str | None = None  # "con ahead by 0.45 (qe)", fragile said; None when a side has no thesis
    leader: str | None = None


@dataclass(frozen=True)
class SourceSummary:
    id: str
    href: str
    reference: Reference
    reliability_label: str
    lang: str
    quotes: int


@dataclass(frozen=True)
class IndexPage:
    title: str
    built: str
    check: CheckStatus
    maps: tuple[MapSummary, ...]
    sources: tuple[SourceSummary, ...]
    lang: str = "en"

    @property
    def page_title(self) -> str:
        return self.title


def map_summary(document: MapDocument, diagnostics: Sequence[Diagnostic], links: Links = SITE_ROOT,
                has_diagram: bool = True, verdict: MapVerdict | None = None) -> MapSummary:
    model = document.model
    sides = document.graph.sides
    counts = []
    for side in ("pro", "con"):
        ids = [n for n in model.nodes if sides.get(n) == side]
        counts.append(SideCount(SIDE_LABELS[side], getattr(model.sides, side), len(ids),
                                sum(len(model.nodes[n].evidence) for n in ids)))
    return MapSummary(model.id, model.title, model.question, links.brief(model.id) or f"{model.id}.html",
                      links.diagram(model.id) if has_diagram else None, len(model.nodes),
                      sum(len(n.evidence) for n in model.nodes.values()), tuple(counts), check_status(diagnostics),
                      _verdict_words(verdict), verdict.leader if verdict else None)


def _verdict_words(verdict: MapVerdict | None) -> str | None:
    if verdict is None:
        return None
    return f"{verdict.summary} under {verdict.semantics}" + ("; fragile" if verdict.fragile else "")


def index_page(project: Project, *, built: str, diagnostics: Sequence[Diagnostic], cited_sources: Sequence[str],
               diagrams: Iterable[str] = (), title: str = "Debate briefs",
               verdicts: Mapping[str, MapVerdict | None] | None = None,
               citation_style: str = DEFAULT_CITATION_STYLE) -> IndexPage:
    """``verdicts`` gives each map's headline verdict by map id."""
    with_diagram = set(diagrams)
    verdicts = verdicts or {}
    maps = tuple(map_summary(d, diagnostics_of(d, diagnostics), SITE_ROOT, d.model.id in with_diagram,
                             verdicts.get(d.model.id)) for d in project.maps)
    quote_counts: dict[str, int] = {}
    for document in project.maps:
        for node in document.model.nodes.values():
            for evidence in node.evidence:
                quote_counts[evidence.source] = quote_counts.get(evidence.source, 0) + 1
    references = {r.source_id: r for r in bibliography({s: project.registered[s] for s in cited_sources},
                                                               citation_style)}
    sources = tuple(
        SourceSummary(sid, SITE_ROOT.source(sid) or "", ref, RELIABILITY_LABELS[project.registered[sid].reliability],
                      project.registered[sid].language, quote_counts.get(sid, 0))
        for sid, ref in references.items()
    )
    return IndexPage(title, built, check_status(diagnostics), maps, sources)


def diagnostics_of(document: MapDocument, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.path == document.display]
