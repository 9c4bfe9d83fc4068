"""The brief page of one map: its sides, cards, answer blocks, outline and diagram."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from argmap.brief.bibliography import DEFAULT_CITATION_STYLE, Citations, Reference
from argmap.brief.views.options import CardOptions
from argmap.brief.diagram import Region, page_diagram
from argmap.brief.views.links import Links, STANDALONE, block_anchor, node_anchor, passage_anchor
from argmap.brief.views.parts import (CheckStatus, DecisiveView, NodeRef, QuoteView, Relation, SIDE_LABELS, Status,
                                      SourceGap, TYPE_LABELS, Undercut, VerdictView, check_status, cite, highlight_segments, locate, page_locator,
                                      source_gaps, surrounding)
from argmap.core.diagnostics import Diagnostic
from argmap.evaluate import MapEvaluation
from argmap.evaluate.evaluations import Evaluations
from argmap.evaluate.registry import entry
from argmap.evaluate.verdict import Decisive, MapVerdict, headline_semantics
from argmap.evaluate.prep import Preparation, UnansweredAttack, prepare
from argmap.evaluate.strength import rounded
from argmap.core.graph import MapGraph, other_side
from argmap.core.model import ArgMap, Evidence, Source
from argmap.core.periods import as_of_phrase
from argmap.core.project import MapDocument, Project, SourceDocument
from argmap.brief.views.reading import duration
from argmap.core.vocabulary import DEFAULT_SEMANTICS, DEFAULT_WPM, NODE_TYPES, RELIABILITIES

# The table at the top lists standing claims first; under a gradual semantics, the strongest first, and
# its filter tells strong (at least one half) from weak.
STATUS_RANK = {"stands": 0, "undecided": 1, "falls": 2}
STANDING_STRENGTH = 0.5
STRENGTH_KEYS = ("strong", "weak")
# Best card first: peer-reviewed before news, blogs and unknown sources (the vocabulary's order).
RELIABILITY_RANK = {reliability: rank for rank, reliability in enumerate(RELIABILITIES)}


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
    strength: float | None = None  # under a gradual semantics, shown instead of the status
    undercut_by: tuple[Undercut, ...] = ()  # undercuts of this node's own relations
    undercuts: tuple[Undercut, ...] = ()  # the relations this node undercuts
    answers: tuple[NodeRef, ...] = ()  # what it attacks, or the source of a relation it undercuts
    answered_by: tuple[NodeRef, ...] = ()  # what attacks it, or undercuts one of its relations
    rank: float | None = None  # its strength in the map's verdict: what orders the best card first

    @property
    def rank_text(self) -> str | None:
        return rounded(self.rank) if self.rank is not None else None

    @property
    def anchor(self) -> str:
        return self.ref.anchor

    @property
    def reading_seconds(self) -> int:
        return sum(q.reading_seconds for q in self.quotes)

    @property
    def reading(self) -> str:
        return duration(self.reading_seconds)

    @property
    def best_quote(self) -> QuoteView | None:
        """The card a debater reads first: found in its source, from the most reliable source."""
        ranked = sorted(self.quotes, key=lambda q: (not q.found, RELIABILITY_RANK.get(q.cite.reliability, 99)))
        return ranked[0] if ranked else None

    @property
    def kept_but_cut(self) -> str | None:
        """What a standing claim whose inference falls means, in one line: the undercut cuts the
        step from it, not the claim."""
        cut = [u.target for u in self.undercut_by if u.status is not None and u.status.word == "falls"]
        if not cut or self.status is None or self.status.word != "stands":
            return None
        targets = " or ".join(f"\u201c{t.label}\u201d" for t in dict.fromkeys(cut))
        return f"It stands as a claim, but it no longer counts for {targets}: the undercut cuts the step, not the claim."

    @property
    def strength_text(self) -> str | None:
        return rounded(self.strength) if self.strength is not None else None


@dataclass(frozen=True)
class Block:
    """Answers prepared against one claim of the other side ("A2" = "answers to")."""

    anchor: str
    claim: NodeRef
    claim_status: Status | None
    answers: tuple[Card, ...]  # the answers, strongest first, then their backing
    best: str | None = None  # the strongest of several answers, marked as the one to read first

    @property
    def reading(self) -> str:
        return duration(sum(card.reading_seconds for card in self.answers if not card.repeat))


@dataclass(frozen=True)
class OpenAttack:
    """An opponent's attack on this side that this side has not answered yet."""

    attack: NodeRef
    target: NodeRef
    attacker_status: str | None = None
    via: tuple[NodeRef, ...] = ()  # for a supported attack: the chain of support it runs through
    denied: NodeRef | None = None  # for an undercut: it denies that ``target`` shows this


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
    relation: str | None  # how it relates to its parent: "supports" | "attacks" | "undercuts"
    children: tuple[OutlineItem, ...] = ()
    repeated: bool = False  # shown earlier in the outline; children not repeated
    continued: bool = False  # at the deepest level the outline nests: its children follow it as a list of its own
    denied: NodeRef | None = None  # for "undercuts": the target of the parent's relation it denies


@dataclass(frozen=True)
class Diagram:
    svg: Markup | None  # trusted: Graphviz's own SVG, prolog stripped, nodes linked to their cards
    label: str
    outline: tuple[OutlineItem, ...]
    href: str | None
    min_width_px: int = 0  # narrower, its smallest text would be too small to read: the box scrolls instead
    width_px: int = 0
    theses: Region | None = None  # where the theses are drawn: the box opens on them


@dataclass(frozen=True)
class GlanceRow:
    """One line of the table at the top of the brief: a claim, how it fares, its best card."""

    card: Card

    @property
    def order(self) -> tuple[float, int]:
        """The strongest first, by the node's strength in the verdict; of equal strength, standing
        claims before undecided and fallen ones."""
        status = STATUS_RANK.get(self.card.status.word, 1) if self.card.status else 1
        return (-(self.card.rank if self.card.rank is not None else 0.0), status)

    @property
    def status_key(self) -> str:
        """What the table's status filter knows the row by: its status, or under a gradual
        semantics "strong" (a strength of one half or more) or "weak"."""
        if self.card.strength is not None:
            return "strong" if self.card.strength >= STANDING_STRENGTH else "weak"
        return self.card.status.word if self.card.status else "none"


@dataclass(frozen=True)
class BriefPage:
    map_id: str
    title: str
    question: str | None
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
    strength_semantics: str | None = None  # the gradual semantics of the cards' strengths
    glance: tuple[GlanceRow, ...] = ()  # every node's full card, standing ones first
    wpm: int = DEFAULT_WPM
    citation_style: str = DEFAULT_CITATION_STYLE
    verdict: VerdictView | None = None  # None when a side has no thesis
    rank_semantics: str | None = None  # the semantics of the verdict whose strengths rank the cards
    source_gaps: tuple[SourceGap, ...] = ()  # cited sources whose cite lacks an author, date, URL or qualifications

    @property
    def page_title(self) -> str:
        return f"{self.title} \u2014 debate brief"

    @property
    def glance_statuses(self) -> tuple[str, ...]:
        """The statuses the table's rows have, in the order the filter offers them."""
        present = {row.status_key for row in self.glance}
        return tuple(key for key in (*STATUS_RANK, *STRENGTH_KEYS, "none") if key in present)


@dataclass
class _MapReader:
    """Shared lookups while one brief is built."""

    model: ArgMap
    graph: MapGraph
    registered: Mapping[str, Source]
    sources: Mapping[str, SourceDocument]  # the registered sources whose text could be read
    links: Links
    statuses: Mapping[str, Status]
    semantics: str | None
    shown: set[str] = field(default_factory=set)  # nodes whose full card is already on the page
    strengths: Mapping[str, float] = field(default_factory=dict)  # under a gradual semantics
    relation_statuses: Mapping[tuple[str, str], Status] = field(default_factory=dict)  # undercut relations
    relation_weights: Mapping[tuple[str, str], float] = field(default_factory=dict)  # the same, gradual
    wpm: int = DEFAULT_WPM
    ranks: Mapping[str, float] = field(default_factory=dict)  # each node's strength in the verdict
    full_cards: dict[str, Card] = field(default_factory=dict)  # node id → its full card, in page order
    read: str | None = None  # --read: "original" or "translation"; None: the map's language decides
    citations: Citations = field(default_factory=lambda: Citations({}))  # the page's references, in its style

    def ref(self, node_id: str) -> NodeRef:
        node = self.model.nodes[node_id]
        return NodeRef(node_id, node_anchor(node_id), node.text, self.graph.sides.get(node_id), node.type, node.title)

    def card(self, node_id: str) -> Card:
        """The node's full card the first time; later, a short repeat linking to it (an answer
        can meet several claims, and ids on a page must stay unique)."""
        node = self.model.nodes[node_id]
        if node_id in self.shown:
            return Card(self.ref(node_id), TYPE_LABELS[node.type], (), (), node.analytic, None,
                        self.statuses.get(node_id), repeat=True, strength=self.strengths.get(node_id),
                        rank=self.ranks.get(node_id))
        self.shown.add(node_id)
        relations = tuple(
            Relation(verb, self.ref(target), node.relation_weight(verb, target))
            for verb in ("supports", "attacks")
            for target in getattr(node, verb)
            if target in self.model.nodes
        )
        quotes = tuple(self.quote(node_id, i, e) for i, e in enumerate(node.evidence))
        # an undercut is listed on the card of the relation's source, where the relation is declared
        undercut_by = tuple(self.undercut(u, node_id, r.target.id) for r in relations
                            for u in self.graph.undercutters(node_id, r.target.id))
        undercuts = tuple(self.undercut(node_id, ref.from_, ref.to) for ref in dict.fromkeys(node.undercuts)
                          if self.graph.relation_exists(ref.from_, ref.to) and node_id not in (ref.from_, ref.to))
        answers = [r.target for r in relations if r.verb == "attacks"] + [u.source for u in undercuts]
        answered_by = [self.ref(a) for a in self.graph.attackers(node_id)] + [u.undercutter for u in undercut_by]
        card = Card(self.ref(node_id), TYPE_LABELS[node.type], relations, quotes, node.analytic, node.note,
                    self.statuses.get(node_id), strength=self.strengths.get(node_id),
                    undercut_by=tuple(dict.fromkeys(undercut_by)), undercuts=undercuts,
                    answers=tuple(dict.fromkeys(answers)), answered_by=tuple(dict.fromkeys(answered_by)),
                    rank=self.ranks.get(node_id))
        self.full_cards[node_id] = card
        return card

    def undercut(self, undercutter: str, source: str, target: str) -> Undercut:
        relation = "supports" if target in self.model.nodes[source].supports else "attacks"
        return Undercut(self.ref(undercutter), self.ref(source), self.ref(target), relation,
                        self.relation_statuses.get((source, target)), self.relation_weights.get((source, target)))

    def quote(self, node_id: str, index: int, evidence: Evidence) -> QuoteView:
        document = self.sources.get(evidence.source)
        located = locate(document, evidence)
        before, after = surrounding(document.text.text, located) if document and located else ("", "")
        anchor = passage_anchor(located) if located else None
        source = self.registered.get(evidence.source)
        # the card body is read aloud: --read's choice, else the text in the map's language
        read_translation = bool(evidence.translation) and (self.read or "translation") == "translation"
        # a body without highlights is highlighted whole: what is underlined is what is read
        segments = highlight_segments(evidence.quote, evidence.highlight or
                                      ([] if read_translation else [evidence.quote]))
        translation_segments = (highlight_segments(evidence.translation, evidence.highlight_translation or
                                                   ([evidence.translation] if read_translation else []))
                                if evidence.translation else ())
        return QuoteView(
            id=f"{node_anchor(node_id)}-e{index + 1}",
            source_id=evidence.source,
            segments=segments,
            lang=source.language if source else self.model.lang,
            translation=evidence.translation,
            translation_lang=self.model.lang,
            found=located is not None,
            line=located.line if located else None,
            end_line=located.end_line if located else None,
            passage_anchor=anchor,
            context_href=self.links.source(evidence.source, anchor) if located else None,
            cite=cite(evidence.source, source, self.citations),
            note=evidence.note,
            translation_segments=translation_segments,
            read_translation=read_translation,
            speaker=evidence.speaker,
            as_of=as_of_phrase(evidence.as_of) if evidence.as_of else None,
            page=page_locator(evidence.page),
            disputed=evidence.disputed,
            before=before,
            after=after,
            wpm=self.wpm,
        )


def verdict_strengths(model: ArgMap, evaluations: Evaluations, semantics: str) -> dict[str, float]:
    """Each node's strength as the verdict under ``semantics`` reads a thesis: its gradual
    strength, or what its label is worth (stands 1, undecided 0.5, falls 0)."""
    score = entry(semantics).thesis_score
    evaluation = evaluations.of(model, semantics)
    return {node_id: score(evaluation, node_id) for node_id in model.nodes}


def status_semantics(model: ArgMap, chosen: str | None = None) -> str:
    """The semantics the brief shows, in the cards and in the diagram alike: the one chosen
    (`--semantics`), else the one the map's `expect:` names, else grounded."""
    if chosen is not None:
        return chosen
    return model.expect.semantics if model.expect else DEFAULT_SEMANTICS


def statuses_of(evaluation: MapEvaluation, ref: Callable[[str], NodeRef]) -> dict[str, Status]:
    """Each node's status, its reason naming the other nodes by title ("defeated by “Ferry
    stops at night”"); a node without a title is named by its id, as its text is too long.
    The nodes the reason names come along as references, and the reason's words around them
    (``lead``, ``tail``), so that the brief can put links in their place."""
    nodes = evaluation.argmap.nodes
    names = {node_id: f"\u201c{node.title}\u201d" for node_id, node in nodes.items() if node.title}
    statuses = {}
    for node_id, verdict in evaluation.shown_verdicts.items():
        reason = evaluation.explain(node_id, names)
        named = tuple(a for a in verdict.reason.attackers if a in nodes)
        listed = ", ".join(names.get(a, a) for a in verdict.reason.attackers)
        place = reason.find(listed) if named and listed else -1
        if place < 0:
            statuses[node_id] = Status(verdict.label, reason)
            continue
        statuses[node_id] = Status(verdict.label, reason, tuple(ref(a) for a in named),
                                   lead=reason[:place], tail=reason[place + len(listed):])
    return statuses


def relation_statuses_of(evaluation: MapEvaluation) -> dict[tuple[str, str], Status]:
    return {(r.source, r.target): Status(r.verdict.label, str(r.verdict.reason)) for r in evaluation.shown_relations}


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


def answers_in_clash(model: ArgMap, answer: str, claim: str) -> bool:
    """Whether ``answer`` is the answer in its clash with ``claim``. One-way, it always is; in a
    mutual attack the clash is shown once, the later kind of node (an objection to a claim, a
    rebuttal to an objection) answering the earlier, and of the same kind the later in the map."""
    if claim not in model.nodes[answer].attacks or answer not in model.nodes[claim].attacks:
        return True
    order = list(model.nodes)
    rank = {node_type: i for i, node_type in enumerate(NODE_TYPES)}
    answer_type, claim_type = model.nodes[answer].type, model.nodes[claim].type
    if answer_type != claim_type:
        return rank[answer_type] > rank[claim_type]
    return order.index(answer) > order.index(claim)


def answers_to(graph: MapGraph, claim_id: str) -> list[str]:
    """What answers a claim, each once: what attacks it (one clash of a mutual attack, see
    :func:`answers_in_clash`) and what undercuts one of its inferences."""
    attackers = [a for a in graph.attackers(claim_id) if answers_in_clash(graph.map, a, claim_id)]
    undercutters = [e.source for e in graph.incoming.get(claim_id, ()) if e.relation == "undercuts"]
    return list(dict.fromkeys(attackers + undercutters))


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
        answers = [a for a in answers_to(graph, claim_id) if sides.get(a) == side]
        if not answers:
            # a claim that only answers back in a mutual attack is answered where that clash is shown
            if not any(answers_in_clash(model, claim_id, a) for a in graph.attackers(claim_id)):
                unanswered.append(reader.ref(claim_id))
            continue
        # the best answer first: by its strength in the verdict, the strongest read first
        answers.sort(key=lambda a: -reader.ranks.get(a, 0.0))
        # an answer's own backing belongs with it in the block
        backing = [s for s in _descendants(graph, answers, "supports") if sides.get(s) == side and s not in answers]
        blocks.append(Block(block_anchor(side, claim_id), reader.ref(claim_id), reader.statuses.get(claim_id),
                            tuple(reader.card(a) for a in answers + backing),
                            best=answers[0] if len(answers) > 1 else None))
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
            OpenAttack(reader.ref(u.attacker), reader.ref(u.target), _attacker_standing(u),
                       tuple(reader.ref(v) for v in u.via if v in model.nodes),
                       reader.ref(u.denied) if u.denied is not None else None)
            for u in preparation.side(side).still_to_answer
        ),
        unanswered_claims=tuple(unanswered),
    )


def _attacker_standing(attack: UnansweredAttack) -> str:
    """The attacker's status, or under a gradual semantics its strength and what answering adds."""
    if attack.gain is None:
        return attack.attacker_status
    return f"strength {rounded(attack.attacker_strength)}; answering it raises the thesis by {rounded(attack.gain)}"


# Lists nested deeper than this are read by no one (and a chain of thousands of supports would
# exhaust Python's stack, building the outline and rendering it): a node at this depth is
# continued as a list of its own.
MAX_OUTLINE_DEPTH = 40


def outline(reader: _MapReader) -> tuple[OutlineItem, ...]:
    """The map as nested lists, thesis first: the diagram's text alternative."""
    graph = reader.graph
    shown: set[str] = set()

    def item(node_id: str, relation: str | None, denied: str | None = None, depth: int = 1) -> OutlineItem:
        denied_ref = reader.ref(denied) if denied else None
        if node_id in shown:
            return OutlineItem(reader.ref(node_id), relation, (), repeated=True, denied=denied_ref)
        below = [(s, "supports", None) for s in graph.supporters(node_id)]
        below += [(a, "attacks", None) for a in graph.attackers(node_id)]
        # an undercut sits under the source of the relation it denies, naming the relation's target
        below += [(e.source, "undercuts", e.denied) for e in graph.incoming.get(node_id, ()) if e.relation == "undercuts"]
        if below and depth == MAX_OUTLINE_DEPTH:  # not shown yet: it starts a list of its own below
            return OutlineItem(reader.ref(node_id), relation, (), continued=True, denied=denied_ref)
        shown.add(node_id)
        children = tuple(item(child, child_relation, child_denied, depth + 1) for child, child_relation, child_denied in below)
        return OutlineItem(reader.ref(node_id), relation, children, denied=denied_ref)

    roots = [item(t, None) for side in ("pro", "con") for t in graph.thesis_of(side)]
    roots += [item(n, None) for n in graph.nodes if n not in shown]
    return tuple(roots)


def brief_page(
    document: MapDocument,
    project: Project,
    evaluations: Evaluations,
    *,
    diagnostics: Sequence[Diagnostic] = (),
    built: str,
    links: Links = STANDALONE,
    svg: str | None = None,
    semantics: str | None = None,
    options: CardOptions = CardOptions(),
) -> BriefPage:
    """The view model of one map's brief. ``diagnostics`` are this map's (for the check status);
    ``semantics`` is the one chosen, if any (see :func:`status_semantics`). Under a gradual
    semantics the cards show strengths instead of statuses."""
    model = document.model
    verdict = evaluations.verdict(model, semantics)  # the semantics chosen, else the map's headline one
    rank_semantics = verdict.semantics if verdict else semantics or headline_semantics(model)
    ranks = verdict_strengths(model, evaluations, rank_semantics)
    semantics = status_semantics(model, semantics)
    evaluation = evaluations.of(model, semantics)
    preparation = prepare(model, project.registered, evaluation)
    # in the order first cited: a numbered style numbers them so
    cited = dict.fromkeys(e.source for node in model.nodes.values() for e in node.evidence)
    registered = {sid: project.registered[sid] for sid in cited if sid in project.registered}
    citations = Citations.of(registered, options.citation_style)
    reader = _MapReader(model, document.graph, project.registered, project.sources, links, {},
                        evaluation.label_semantics,
                        strengths=dict(evaluation.scores),
                        relation_statuses=relation_statuses_of(evaluation),
                        relation_weights=evaluation.relation_weights, wpm=options.wpm, ranks=ranks,
                        citations=citations, read=options.read)
    reader.statuses = statuses_of(evaluation, reader.ref)
    quote_count = sum(len(node.evidence) for node in model.nodes.values())
    drawn = page_diagram(svg, node_anchor) if svg else None
    diagram = Diagram(
        svg=Markup(drawn.svg) if drawn else None,
        label=f"Diagram of the map \u201c{model.title}\u201d: {len(model.nodes)} nodes, "
              "pro and con theses with the claims that support and attack them. A text outline follows.",
        outline=outline(reader),
        href=links.diagram(model.id) if svg else None,
        min_width_px=drawn.min_width_px if drawn else 0,
        width_px=drawn.width_px if drawn else 0,
        theses=drawn.theses if drawn else None,
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
        bibliography=tuple(citations.references()),
        semantics=reader.semantics,
        index_href=links.index,
        node_count=len(model.nodes),
        quote_count=quote_count,
        unsided=unsided,
        strength_semantics=evaluation.score_semantics,
        glance=tuple(sorted((GlanceRow(c) for c in reader.full_cards.values()), key=lambda row: row.order)),
        wpm=options.wpm,
        citation_style=options.citation_style,
        verdict=verdict_view(verdict, reader) if verdict is not None else None,
        rank_semantics=rank_semantics,
        source_gaps=source_gaps(dict(sorted(registered.items()))),
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def verdict_view(verdict: MapVerdict, reader: _MapReader) -> VerdictView:
    def decisive(d: Decisive) -> DecisiveView:
        return DecisiveView(reader.ref(d.node), reader.ref(d.target) if d.target else None, d.kind, d.shift, d.turns_to)

    return VerdictView(
        leader=verdict.leader, summary=verdict.summary, semantics=verdict.semantics,
        pro=rounded(verdict.pro), con=rounded(verdict.con), robustness_phrase=_sentence(verdict.robustness_phrase.removeprefix("fragile: ")),
        fragile=verdict.fragile, decisive=tuple(map(decisive, verdict.decisive)),
        turn_lead=_sentence(verdict.turn_lead), turning=tuple(map(decisive, verdict.turning)),
        compatible_because=reader.model.because if verdict.compatible else None,
        score_basis=entry(verdict.semantics).score_basis,
    )
