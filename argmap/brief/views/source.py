"""A source page: the document's text with every quoted passage marked and linked back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.brief.bibliography import DEFAULT_CITATION_STYLE, Citations, Reference
from argmap.brief.views.links import Links, SITE_SOURCES, node_anchor, passage_anchor
from argmap.brief.views.parts import CheckStatus, Cite, NodeRef, check_status, cite, locate
from argmap.core.diagnostics import Diagnostic
from argmap.core.project import Project
from argmap.quotes.match import Located


@dataclass(frozen=True)
class BackLink:
    map_id: str
    map_title: str
    node: NodeRef
    href: str


@dataclass(frozen=True)
class Passage:
    anchor: str
    line: int
    end_line: int
    text: str
    cited_by: tuple[BackLink, ...]


@dataclass(frozen=True)
class Piece:
    """A run of source text inside one line, with what starts and ends there."""

    text: str
    marked: bool
    anchors: tuple[str, ...] = ()  # passages starting here
    ends: tuple[Passage, ...] = ()  # passages ending here (their back-links follow)


@dataclass(frozen=True)
class SourceLine:
    number: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class SourcePage:
    source_id: str
    title: str
    title_en: str | None
    lang: str
    cite: Cite
    reference: Reference
    note: str | None
    passages: tuple[Passage, ...]
    lines: tuple[SourceLine, ...]
    readable: bool
    built: str
    check: CheckStatus
    index_href: str | None

    @property
    def page_title(self) -> str:
        return f"{self.cite.short}: {self.title}"


def source_passages(source_id: str, project: Project, links: Links = SITE_SOURCES) -> list[tuple[Located, tuple[BackLink, ...]]]:
    """Every passage of ``source_id`` that a map quotes, with the claims quoting it."""
    document = project.sources.get(source_id)
    by_place: dict[tuple[int, int], tuple[Located, list[BackLink]]] = {}
    for map_doc in project.maps:
        model = map_doc.model
        for node_id, node in model.nodes.items():
            for evidence in node.evidence:
                if evidence.source != source_id:
                    continue
                located = locate(document, evidence)
                if located is None:
                    continue
                ref = NodeRef(node_id, node_anchor(node_id), node.text, map_doc.graph.sides.get(node_id), node.type, node.title)
                link = BackLink(model.id, model.title, ref, f"{links.brief(model.id)}#{node_anchor(node_id)}")
                entry = by_place.setdefault((located.start, located.end), (located, []))
                if link not in entry[1]:
                    entry[1].append(link)
    return [(located, tuple(back)) for located, back in sorted(by_place.values(), key=lambda e: (e[0].start, e[0].end))]


def source_page(source_id: str, project: Project, *, built: str, diagnostics: Sequence[Diagnostic] = (),
                links: Links = SITE_SOURCES, citation_style: str = DEFAULT_CITATION_STYLE) -> SourcePage:
    document = project.sources.get(source_id)  # None when its file cannot be read
    source = project.registered[source_id]
    found = source_passages(source_id, project, links)
    citations = Citations.of({source_id: source}, citation_style)
    passages = [Passage(passage_anchor(loc), loc.line, loc.end_line, loc.passage, back) for loc, back in found]
    text = document.text.text if document else ""
    return SourcePage(
        source_id=source_id,
        title=source.title,
        title_en=source.title_en if source.title_en and source.title_en != source.title else None,
        lang=source.language,
        cite=cite(source_id, source, citations),
        reference=citations.reference(source_id),
        note=source.note,
        passages=tuple(passages),
        lines=tuple(split_lines(text, [(loc.start, loc.end) for loc, _ in found], passages)),
        readable=document is not None,
        built=built,
        check=check_status(diagnostics),
        index_href=links.index,
    )


def split_lines(text: str, spans: Sequence[tuple[int, int]], passages: Sequence[Passage]) -> list[SourceLine]:
    """The text cut at every line break and at every passage's start and end, so that marks
    never cross a line and overlapping passages are each still marked and anchored."""
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[Passage]] = {}
    cuts = {0, len(text)}
    for (start, end), passage in zip(spans, passages, strict=True):
        starts.setdefault(start, []).append(passage.anchor)
        ends.setdefault(end, []).append(passage)
        cuts.update((start, end))
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            cuts.update((i, i + 1))
            line_starts.append(i + 1)
    points = sorted(cuts)
    lines: list[SourceLine] = []
    pieces: list[Piece] = []
    number = 1
    for a, b in zip(points, points[1:]):
        chunk = text[a:b]
        if chunk == "\n":
            lines.append(SourceLine(number, tuple(pieces)))
            pieces, number = [], number + 1
            continue
        covered = any(s <= a and b <= e for s, e in spans)
        pieces.append(Piece(chunk, covered, tuple(starts.get(a, ())), tuple(ends.get(b, ()))))
    lines.append(SourceLine(number, tuple(pieces)))
    # a located passage starts and ends on a visible character, so every start and end above
    # fell on a piece boundary and no anchor or back-link is lost
    return lines
