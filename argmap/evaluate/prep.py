"""Debate preparation: for each side, what it still has to answer and where it is thin.

For each side of a map (:func:`prepare`):

* **still to answer** — the opponent's attacks on the side's nodes that the side has not
  answered: no node of the side attacks the attacker or undercuts a relation the attack is
  built from. Supported attacks (see :mod:`argmap.evaluate.bipolar`) count too, because they
  decide the evaluation: a standing backing of a rebutted objection still has to be answered.
* **thin claims** — nodes resting only on analytic points (neither the node nor anything
  supporting it, through chains of supports, cites evidence) or on a single weak source (all
  of that evidence comes from one source whose reliability is blog or unknown).
* **reused evidence** — the same quote from the same source backing three or more nodes.

Under a gradual semantics (dfquad, qe) each unanswered attack also gets a **gain**: how much
answering it would raise the strength of the attacked side's thesis (summed over the side's
theses when it has several). Answering is taken at its best: the map is evaluated again with
the attacker's strength pinned to 0 (its base score 0, the relations into it left out), and the
gain is the thesis's strength then minus its strength now. The list is sorted by gain, largest
first, so the attack most worth answering comes first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum

from argmap.core.graph import MapGraph
from argmap.core.model import SIDES, ArgMap, Source, is_weak

from .bipolar import Attack
from .mapeval import MapEvaluation
from .registry import evaluate_map
from .strength import map_strengths

REUSE_THRESHOLD = 3  # a quote on this many nodes or more is "reused across many claims"


@dataclass(frozen=True)
class UnansweredAttack:
    attacker: str
    target: str
    attacker_status: str  # "stands" | "falls" | "undecided", under the evaluation's semantics
    via: tuple[str, ...] = ()  # the support chain, for a supported attack
    # for an undercut: the attacker denies the inference from ``target`` to ``denied``
    denied: str | None = None
    gain: float | None = None  # under a gradual semantics: what answering it adds to the thesis
    attacker_strength: float | None = None  # under a gradual semantics


class Basis(str, Enum):
    ANALYTIC_ONLY = "analytic-only"
    SINGLE_WEAK_SOURCE = "single-weak-source"


@dataclass(frozen=True)
class ThinClaim:
    node: str
    basis: Basis
    source: str | None = None  # the one weak source, for SINGLE_WEAK_SOURCE


@dataclass(frozen=True)
class ReusedEvidence:
    source: str
    quote: str
    nodes: tuple[str, ...]


@dataclass(frozen=True)
class SidePreparation:
    side: str
    position: str
    still_to_answer: tuple[UnansweredAttack, ...]
    thin_claims: tuple[ThinClaim, ...]
    reused_evidence: tuple[ReusedEvidence, ...]


@dataclass(frozen=True)
class Preparation:
    semantics: str
    sides: tuple[SidePreparation, ...]

    def side(self, name: str) -> SidePreparation:
        return next(s for s in self.sides if s.side == name)


def prepare(
    argmap: ArgMap, sources: Mapping[str, Source], evaluation: MapEvaluation | None = None
) -> Preparation:
    """The preparation lists for both sides. ``sources`` maps source ids to registry entries
    (unknown ids are ignored: `argmap check` reports them); ``evaluation`` defaults to grounded."""
    evaluation = evaluation or evaluate_map(argmap)
    graph = MapGraph(argmap)
    sides = graph.sides
    return Preparation(
        semantics=evaluation.semantics,
        sides=tuple(
            SidePreparation(
                side=side,
                position=getattr(argmap.sides, side),
                still_to_answer=tuple(_ranked(_unanswered(side, sides, evaluation), side, graph, evaluation, sources)),
                thin_claims=tuple(_thin_claims(side, sides, argmap, graph, sources)),
                reused_evidence=tuple(_reused_evidence(side, sides, argmap)),
            )
            for side in SIDES
        ),
    )


def _unanswered(side: str, sides: Mapping[str, str | None], evaluation: MapEvaluation) -> list[UnansweredAttack]:
    attacked_by_side = {a.target for a in evaluation.relation if sides.get(a.attacker) == side}
    verdicts = evaluation.verdicts
    undercut = evaluation.undercut_attacks

    def undercut_by_side(attack: Attack) -> bool:  # denying the attack's inference answers it too
        return attack in undercut and any(sides.get(u) == side for u in undercut[attack][0])

    attacks = [
        UnansweredAttack(a.attacker, a.target, verdicts[a.attacker].status, a.via)
        for a in evaluation.relation
        if sides.get(a.target) == side
        and sides.get(a.attacker) not in (side, None)
        and a.attacker not in attacked_by_side
        and not undercut_by_side(a)
    ]
    # the other side denying one of this side's inferences (an answer of its, say) is an attack too
    undercuts = [
        UnansweredAttack(cutter, relation.source, verdicts[cutter].status, denied=relation.target)
        for relation in evaluation.undercut_relations if sides.get(relation.source) == side
        for cutter in relation.undercutters
        if sides.get(cutter) not in (side, None) and cutter not in attacked_by_side
    ]
    return attacks + undercuts


def _ranked(
    attacks: list[UnansweredAttack], side: str, graph: MapGraph, evaluation: MapEvaluation,
    sources: Mapping[str, Source],
) -> list[UnansweredAttack]:
    """Under a gradual semantics, each attack with its gain, largest gain first (ties keep the
    map's order); otherwise the attacks as they are."""
    scores, semantics = evaluation.scores, evaluation.score_semantics
    if semantics is None or not attacks:
        return attacks
    theses = graph.thesis_of(side)
    now = sum(scores[t] for t in theses)
    gains: dict[str, float] = {}
    for attacker in dict.fromkeys(a.attacker for a in attacks):
        answered = map_strengths(evaluation.argmap, semantics, sources, pinned={attacker: 0.0})
        gains[attacker] = sum(answered.strengths[t] for t in theses) - now
    with_gains = [replace(a, gain=gains[a.attacker], attacker_strength=scores[a.attacker]) for a in attacks]
    return sorted(with_gains, key=lambda a: -a.gain)


def _thin_claims(
    side: str, sides: Mapping[str, str | None], argmap: ArgMap, graph: MapGraph, sources: Mapping[str, Source]
) -> list[ThinClaim]:
    thin = []
    for node_id, node in argmap.nodes.items():
        if node.type == "thesis" or sides.get(node_id) != side:
            continue
        cited = {e.source for n in _with_supporters(node_id, graph) for e in argmap.nodes[n].evidence}
        if not cited:
            thin.append(ThinClaim(node_id, Basis.ANALYTIC_ONLY))
        elif len(cited) == 1:
            (only,) = cited
            if only in sources and is_weak(sources[only]):
                thin.append(ThinClaim(node_id, Basis.SINGLE_WEAK_SOURCE, only))
    return thin


def _with_supporters(node_id: str, graph: MapGraph) -> set[str]:
    """The node and every node supporting it through a chain of supports."""
    found, frontier = {node_id}, [node_id]
    while frontier:
        for supporter in graph.supporters(frontier.pop()):
            if supporter not in found:
                found.add(supporter)
                frontier.append(supporter)
    return found


def _reused_evidence(side: str, sides: Mapping[str, str | None], argmap: ArgMap) -> list[ReusedEvidence]:
    # Quotes are compared with white space collapsed: a re-wrapped copy is the same quote.
    users: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node_id, node in argmap.nodes.items():
        if sides.get(node_id) != side:
            continue
        for evidence in node.evidence:
            key = (evidence.source, " ".join(evidence.quote.split()))
            if node_id not in users[key]:
                users[key].append(node_id)
    return [
        ReusedEvidence(source, quote, tuple(nodes))
        for (source, quote), nodes in users.items()
        if len(nodes) >= REUSE_THRESHOLD
    ]
