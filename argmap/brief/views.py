"""Typed view models for the brief, source and index pages.

Everything a template shows is computed here, from the project and its check result, so that
templates only lay out values and never decide anything: which side a node is on, what a card
holds, where a quote sits in its source, which claims still need an answer.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from argmap.brief.bibliography import Reference, apa_reference, bibliography, full_name, in_text, is_web_address
from argmap.citations import Located, SourceText
from argmap.diagnostics import Diagnostic, UsageError, count
from argmap.evaluate import MapEvaluation
from argmap.evaluate.prep import Preparation, prepare
from argmap.graph import MapGraph, other_side
from argmap.model import ArgMap, Evidence, Source, is_weak, known_authors
from argmap.project import MapDocument, Project, SourceDocument
from argmap.words import plural

SIDE_LABELS = {"pro": "PRO", "con": "CON"}
TYPE_LABELS = {"thesis": "Thesis", "claim": "Claim", "objection": "Objection", "rebuttal": "Rebuttal"}
RELIABILITY_LABELS = {
    "peer-reviewed": "peer-reviewed",
    "thesis": "thesis",
    "news": "news report",
    "blog": "blog post (weak)",
    "unknown": "reliability unknown (weak)",
}
# Status words carry the meaning; the symbol and colour only repeat it.
STATUS_SYMBOLS = {"stands": "\u2713", "falls": "\u2717", "undecided": "?"}


# --- build date ----------------------------------------------------------------------------


def build_date(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The date printed on pages: ``--date``, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    environ = os.environ if environ is None else environ
    if option:
        try:
            return _dt.date.fromisoformat(option).isoformat()
        except ValueError:
            raise UsageError(f"--date '{option}' is not a date", "give it as YYYY-MM-DD") from None
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds",
                             "see https://reproducible-builds.org/specs/source-date-epoch/") from None
    return _dt.datetime.now(_dt.timezone.utc).date().isoformat()


# --- links between pages -------------------------------------------------------------------


@dataclass(frozen=True)
class Links:
    """Where pages are, relative to the page being written. A stand-alone brief links nowhere."""

    in_site: bool = False
    root: str = ""  # from the current page to the site's root: "" or "../"

    def brief(self, map_id: str) -> str | None:
        return f"{self.root}{map_id}.html" if self.in_site else None

    def diagram(self, map_id: str) -> str | None:
        return f"{self.root}{map_id}.svg" if self.in_site else None

    def source(self, source_id: str, anchor: str | None = None) -> str | None:
        if not self.in_site:
            return None
        return f"{self.root}sources/{source_id}.html" + (f"#{anchor}" if anchor else "")

    @property
    def index(self) -> str | None:
        return f"{self.root}index.html" if self.in_site else None


STANDALONE = Links()
SITE_ROOT = Links(in_site=True)
SITE_SOURCES = Links(in_site=True, root="../")


# --- anchors -------------------------------------------------------------------------------


def node_anchor(node_id: str) -> str:
    """Node ids are already safe in ids (letters, digits, _ . -); the prefix keeps them apart
    from the page's other ids and from the diagram's."""
    return f"n-{node_id}"


def block_anchor(side: str, node_id: str) -> str:
    return f"a2-{side}-{node_id}"


def passage_anchor(located: Located) -> str:
    """Offsets identify a passage in its source: quotes of the same passage share the anchor."""
    return f"q-{located.start}-{located.end}"


# --- small values --------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool = False


@dataclass(frozen=True)
class CheckStatus:
    errors: int
    warnings: int

    @property
    def clean(self) -> bool:
        return not self.errors and not self.warnings

    @property
    def summary(self) -> str:
        if self.clean:
            return "checked: no errors, no warnings"
        return f"checked: {plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}"


def check_status(diagnostics: Iterable[Diagnostic]) -> CheckStatus:
    counts = count(diagnostics)
    return CheckStatus(counts.errors, counts.warnings)


@dataclass(frozen=True)
class Status:
    """A node's evaluation: stands, falls or undecided, with the reason in words."""

    word: str
    reason: str

    @property
    def symbol(self) -> str:
        return STATUS_SYMBOLS.get(self.word, "")


@dataclass(frozen=True)
class NodeRef:
    id: str
    anchor: str
    text: str
    side: str | None
    type: str

    @property
    def side_label(self) -> str:
        return SIDE_LABELS.get(self.side or "", "no side")


@dataclass(frozen=True)
class Relation:
    verb: str  # "supports" | "attacks"
    target: NodeRef


@dataclass(frozen=True)
class Cite:
    source_id: str
    short: str  # in-text citation, "Ade et al., 2025"
    authors: str  # full names, or "" when unknown
    date: str  # as the source gives it, or "n.d."
    title: str
    title_en: str | None
    container: str | None
    url: str | None
    url_is_link: bool  # http(s) only; anything else is shown as text
    reliability: str
    reliability_label: str
    weak: bool
    file: str
    title_lang: str


@dataclass(frozen=True)
class QuoteView:
    id: str  # unique in the brief
    source_id: str
    segments: tuple[Segment, ...]  # the quote with its highlighted parts marked
    lang: str
    translation: str | None
    translation_lang: str
    found: bool
    line: int | None
    end_line: int | None
    passage_anchor: str | None
    context_href: str | None  # the passage on its source page (site build only)
    cite: Cite
    note: str | None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    @property
    def lines(self) -> str:
        if self.line is None:
            return ""
        return f"line {self.line}" if self.end_line in (None, self.line) else f"lines {self.line}\u2013{self.end_line}"


@dataclass(frozen=True)
class Card:
    ref: NodeRef
    type_label: str
    relations: tuple[Relation, ...]
    quotes: tuple[QuoteView, ...]
    analytic: bool
    note: str | None
    status: Status | None
    repeat: bool = False  # already shown in full earlier on the page: shown as a link to it

    @property
    def anchor(self) -> str:
        return self.ref.anchor


@dataclass(frozen=True)
class Block:
    """Answers prepared against one claim of the other side ("A2" = "answers to")."""

    anchor: str
    claim: NodeRef
    claim_status: Status | None
    answers: tuple[Card, ...]


@dataclass(frozen=True)
class OpenAttack:
    """An opponent's attack on this side that this side has not answered yet."""

    attack: NodeRef
    target: NodeRef
    attacker_status: str | None = None
    via: tuple[NodeRef, ...] = ()  # for a supported attack: the chain of support it runs through


@dataclass(frozen=True)
class SideCase:
    key: str
    label: str  # "PRO" / "CON": the side is named in words, never by colour alone
    position: str
    anchor: str
    theses: tuple[Card, ...]
    contentions: tuple[Card, ...]
    blocks: tuple[Block, ...]
    still_to_answer: tuple[OpenAttack, ...]
    unanswered_claims: tuple[NodeRef, ...]  # other side's claims with no block


@dataclass(frozen=True)
class OutlineItem:
    ref: NodeRef
    relation: str | None  # how it relates to its parent: "supports" | "attacks"
    children: tuple[OutlineItem, ...] = ()
    repeated: bool = False  # shown earlier in the outline; children not repeated


@dataclass(frozen=True)
class Diagram:
    svg: Markup | None  # trusted: Graphviz's own SVG, prolog stripped
    label: str
    outline: tuple[OutlineItem, ...]
    href: str | None


@dataclass(frozen=True)
class BriefPage:
    map_id: str
    title: str
    question: str
    description: str | None
    lang: str
    sides: tuple[SideCase, ...]
    built: str
    check: CheckStatus
    diagram: Diagram
    bibliography: tuple[Reference, ...]
    semantics: str | None
    index_href: str | None
    node_count: int
    quote_count: int
    unsided: tuple[Card, ...] = ()  # nodes no relation gives a side (the check reports them)

    @property
    def page_title(self) -> str:
        return f"{self.title} \u2014 debate brief"


# --- building a brief ----------------------------------------------------------------------


@dataclass
class _MapReader:
    """Shared lookups while one brief is built."""

    model: ArgMap
    graph: MapGraph
    sources: Mapping[str, SourceDocument]
    links: Links
    statuses: Mapping[str, Status]
    semantics: str | None
    shown: set[str] = field(default_factory=set)  # nodes whose full card is already on the page

    def ref(self, node_id: str) -> NodeRef:
        node = self.model.nodes[node_id]
        return NodeRef(node_id, node_anchor(node_id), node.text, self.graph.sides.get(node_id), node.type)

    def card(self, node_id: str) -> Card:
        """The node's full card the first time; later, a short repeat linking to it (an answer
        can meet several claims, and ids on a page must stay unique)."""
        node = self.model.nodes[node_id]
        if node_id in self.shown:
            return Card(self.ref(node_id), TYPE_LABELS[node.type], (), (), node.analytic, None,
                        self.statuses.get(node_id), repeat=True)
        self.shown.add(node_id)
        relations = tuple(
            Relation(verb, self.ref(target))
            for verb in ("supports", "attacks")
            for target in getattr(node, verb)
            if target in self.model.nodes
        )
        quotes = tuple(self.quote(node_id, i, e) for i, e in enumerate(node.evidence))
        return Card(self.ref(node_id), TYPE_LABELS[node.type], relations, quotes, node.analytic, node.note,
                    self.statuses.get(node_id))

    def quote(self, node_id: str, index: int, evidence: Evidence) -> QuoteView:
        document = self.sources.get(evidence.source)
        located = locate(document, evidence)
        anchor = passage_anchor(located) if located else None
        source = document.source if document else None
        return QuoteView(
            id=f"{node_anchor(node_id)}-e{index + 1}",
            source_id=evidence.source,
            segments=highlight_segments(evidence.quote, evidence.highlight),
            lang=source.language if source else self.model.lang,
            translation=evidence.translation,
            translation_lang=self.model.lang,
            found=located is not None,
            line=located.line if located else None,
            end_line=located.end_line if located else None,
            passage_anchor=anchor,
            context_href=self.links.source(evidence.source, anchor) if located else None,
            cite=cite(evidence.source, source, document),
            note=evidence.note,
        )


def locate(document: SourceDocument | None, evidence: Evidence) -> Located | None:
    if document is None or document.text is None:
        return None
    result = document.text.find(evidence.quote, evidence.prefix, evidence.suffix)
    return result.matches[0] if result.found else None


def highlight_segments(quote: str, highlights: Sequence[str]) -> tuple[Segment, ...]:
    """The quote cut into plain and marked parts. Highlights are matched as the check matches
    them (white space, quotes and dashes forgiven), so what passes the check is what is marked."""
    text = SourceText(quote)
    spans: list[tuple[int, int]] = []
    for part in highlights:
        found = text.find(part)
        spans.extend((m.start, m.end) for m in found.matches)
    marked = [False] * len(text.text)
    for start, end in spans:
        marked[start:end] = [True] * (end - start)
    segments: list[Segment] = []
    for i, ch in enumerate(text.text):
        if segments and segments[-1].marked == marked[i]:
            segments[-1] = Segment(segments[-1].text + ch, marked[i])
        else:
            segments.append(Segment(ch, marked[i]))
    return tuple(segments)


def cite(source_id: str, source: Source | None, document: SourceDocument | None) -> Cite:
    if source is None:
        return Cite(source_id, source_id, "", "n.d.", f"unregistered source '{source_id}'", None, None, None,
                    False, "unknown", RELIABILITY_LABELS["unknown"], True, "", "")
    authors = known_authors(source)
    return Cite(
        source_id=source_id,
        short=in_text(source),
        authors=", ".join(full_name(a) for a in authors),
        date=source.issued or "n.d.",
        title=source.title,
        title_en=source.title_en if source.title_en and source.title_en != source.title else None,
        container=source.container_title,
        url=source.URL,
        url_is_link=bool(source.URL) and is_web_address(source.URL),
        reliability=source.reliability,
        reliability_label=RELIABILITY_LABELS[source.reliability],
        weak=is_weak(source),
        file=source.file,
        title_lang=source.language,
    )


def status_semantics(model: ArgMap) -> str:
    """Statuses are shown under the semantics the map's `expect:` names (grounded by default),
    in the cards and in the diagram alike."""
    return model.expect.semantics if model.expect else "grounded"


def statuses_of(evaluation: MapEvaluation) -> dict[str, Status]:
    return {node_id: Status(v.status, evaluation.explain(node_id)) for node_id, v in evaluation.verdicts.items()}


def _descendants(graph: MapGraph, roots: Iterable[str], relation: str) -> list[str]:
    """Nodes reaching ``roots`` through chains of ``relation`` edges, nearest first."""
    seen: list[str] = []
    queue = list(roots)
    while queue:
        target = queue.pop(0)
        sources = graph.supporters(target) if relation == "supports" else graph.attackers(target)
        for source in sources:
            if source not in seen and source not in roots:
                seen.append(source)
                queue.append(source)
    return seen


def side_case(reader: _MapReader, side: str, preparation: Preparation) -> SideCase:
    graph, model = reader.graph, reader.model
    sides = graph.sides
    theses = graph.thesis_of(side)
    # contentions: this side's chains of support leading to its thesis
    contention_ids = [n for n in _descendants(graph, theses, "supports") if sides.get(n) == side]
    # cards are made in page order, so the first one shown is the full one
    thesis_cards = tuple(reader.card(t) for t in theses)
    contention_cards = [reader.card(n) for n in contention_ids]
    blocks: list[Block] = []
    unanswered: list[NodeRef] = []
    for claim_id, node in model.nodes.items():
        if sides.get(claim_id) != other_side(side) or node.type == "thesis":
            continue
        answers = [a for a in graph.attackers(claim_id) if sides.get(a) == side]
        # an answer's own backing belongs with it in the block
        backing = [s for s in _descendants(graph, answers, "supports") if sides.get(s) == side and s not in answers]
        if not answers:
            unanswered.append(reader.ref(claim_id))
            continue
        blocks.append(Block(block_anchor(side, claim_id), reader.ref(claim_id), reader.statuses.get(claim_id),
                            tuple(reader.card(a) for a in answers + backing)))
    # anything of this side not shown yet (e.g. a claim backing nothing reachable) is still shown
    contention_cards += [reader.card(n) for n in model.nodes if sides.get(n) == side and n not in reader.shown]
    return SideCase(
        key=side,
        label=SIDE_LABELS[side],
        position=getattr(model.sides, side),
        anchor=f"side-{side}",
        theses=thesis_cards,
        contentions=tuple(contention_cards),
        blocks=tuple(blocks),
        # the same list as `argmap eval --prep`
        still_to_answer=tuple(
            OpenAttack(reader.ref(u.attacker), reader.ref(u.target), u.attacker_status,
                       tuple(reader.ref(v) for v in u.via if v in model.nodes))
            for u in preparation.side(side).still_to_answer
        ),
        unanswered_claims=tuple(unanswered),
    )


def outline(reader: _MapReader) -> tuple[OutlineItem, ...]:
    """The map as nested lists, thesis first: the diagram's text alternative."""
    graph = reader.graph
    shown: set[str] = set()

    def item(node_id: str, relation: str | None) -> OutlineItem:
        if node_id in shown:
            return OutlineItem(reader.ref(node_id), relation, (), repeated=True)
        shown.add(node_id)
        children = [item(s, "supports") for s in graph.supporters(node_id)]
        children += [item(a, "attacks") for a in graph.attackers(node_id)]
        return OutlineItem(reader.ref(node_id), relation, tuple(children))

    roots = [item(t, None) for side in ("pro", "con") for t in graph.thesis_of(side)]
    roots += [item(n, None) for n in graph.nodes if n not in shown]
    return tuple(roots)


def brief_page(
    document: MapDocument,
    project: Project,
    *,
    diagnostics: Sequence[Diagnostic] = (),
    built: str,
    links: Links = STANDALONE,
    svg: str | None = None,
) -> BriefPage:
    """The view model of one map's brief. ``diagnostics`` are this map's (for the check status)."""
    model = document.model
    if model is None:
        raise ValueError(f"{document.display}: the map did not load; check it first")
    semantics = status_semantics(model)
    evaluation = document.evaluation(semantics)
    preparation = prepare(model, {sid: doc.source for sid, doc in project.sources.items()}, evaluation)
    reader = _MapReader(model, document.graph, project.sources, links, statuses_of(evaluation), semantics)
    cited = {e.source for node in model.nodes.values() for e in node.evidence}
    registered = {sid: project.sources[sid].source for sid in cited if sid in project.sources}
    quote_count = sum(len(node.evidence) for node in model.nodes.values())
    diagram = Diagram(
        svg=Markup(svg) if svg else None,
        label=f"Diagram of the map \u201c{model.title}\u201d: {len(model.nodes)} nodes, "
              "pro and con theses with the claims that support and attack them. A text outline follows.",
        outline=outline(reader),
        href=links.diagram(model.id) if svg else None,
    )
    sides = (side_case(reader, "pro", preparation), side_case(reader, "con", preparation))
    unsided = tuple(reader.card(n) for n in model.nodes if n not in reader.shown)
    return BriefPage(
        map_id=model.id,
        title=model.title,
        question=model.question,
        description=model.description,
        lang=model.lang,
        sides=sides,
        built=built,
        check=check_status(diagnostics),
        diagram=diagram,
        bibliography=tuple(bibliography(registered)),
        semantics=semantics,
        index_href=links.index,
        node_count=len(model.nodes),
        quote_count=quote_count,
        unsided=unsided,
    )


# --- source pages --------------------------------------------------------------------------


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
    document = project.sources[source_id]
    by_place: dict[tuple[int, int], tuple[Located, list[BackLink]]] = {}
    for map_doc in project.valid_maps:
        model = map_doc.model
        for node_id, node in model.nodes.items():
            for evidence in node.evidence:
                if evidence.source != source_id:
                    continue
                located = locate(document, evidence)
                if located is None:
                    continue
                ref = NodeRef(node_id, node_anchor(node_id), node.text, map_doc.graph.sides.get(node_id), node.type)
                link = BackLink(model.id, model.title, ref, f"{links.brief(model.id)}#{node_anchor(node_id)}")
                entry = by_place.setdefault((located.start, located.end), (located, []))
                if link not in entry[1]:
                    entry[1].append(link)
    return [(located, tuple(back)) for located, back in sorted(by_place.values(), key=lambda e: (e[0].start, e[0].end))]


def source_page(source_id: str, project: Project, *, built: str, diagnostics: Sequence[Diagnostic] = (),
                links: Links = SITE_SOURCES) -> SourcePage:
    document = project.sources[source_id]
    source = document.source
    found = source_passages(source_id, project, links)
    passages = [Passage(passage_anchor(loc), loc.line, loc.end_line, loc.passage, back) for loc, back in found]
    text = document.text.text if document.text else ""
    return SourcePage(
        source_id=source_id,
        title=source.title,
        title_en=source.title_en if source.title_en and source.title_en != source.title else None,
        lang=source.language,
        cite=cite(source_id, source, document),
        reference=apa_reference(source_id, source),
        note=source.note,
        passages=tuple(passages),
        lines=tuple(split_lines(text, [(loc.start, loc.end) for loc, _ in found], passages)),
        readable=document.text is not None,
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


# --- the index -----------------------------------------------------------------------------


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
    question: str
    href: str
    diagram_href: str | None
    nodes: int
    quotes: int
    sides: tuple[SideCount, ...]
    check: CheckStatus


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
                has_diagram: bool = True) -> MapSummary:
    model = document.model
    sides = document.graph.sides
    counts = []
    for side in ("pro", "con"):
        ids = [n for n in model.nodes if sides.get(n) == side]
        counts.append(SideCount(SIDE_LABELS[side], getattr(model.sides, side), len(ids),
                                sum(len(model.nodes[n].evidence) for n in ids)))
    return MapSummary(model.id, model.title, model.question, links.brief(model.id) or f"{model.id}.html",
                      links.diagram(model.id) if has_diagram else None, len(model.nodes),
                      sum(len(n.evidence) for n in model.nodes.values()), tuple(counts), check_status(diagnostics))


def index_page(project: Project, *, built: str, diagnostics: Sequence[Diagnostic], cited_sources: Sequence[str],
               diagrams: Iterable[str] = (), title: str = "Debate briefs") -> IndexPage:
    with_diagram = set(diagrams)
    maps = tuple(map_summary(d, diagnostics_of(d, diagnostics), SITE_ROOT, d.model.id in with_diagram)
                 for d in project.valid_maps)
    quote_counts: dict[str, int] = {}
    for document in project.valid_maps:
        for node in document.model.nodes.values():
            for evidence in node.evidence:
                quote_counts[evidence.source] = quote_counts.get(evidence.source, 0) + 1
    references = {r.source_id: r for r in bibliography({s: project.sources[s].source for s in cited_sources})}
    sources = tuple(
        SourceSummary(sid, SITE_ROOT.source(sid) or "", ref, RELIABILITY_LABELS[project.sources[sid].source.reliability],
                      project.sources[sid].source.language, quote_counts.get(sid, 0))
        for sid, ref in references.items()
    )
    return IndexPage(title, built, check_status(diagnostics), maps, sources)


def diagnostics_of(document: MapDocument, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.path == document.display]


