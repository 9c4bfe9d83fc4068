"""A map as a quantitative bipolar framework, and its nodes' gradual strengths (DF-QuAD, QE).

**Base scores.** A node's base score is its ``weight:`` when the map gives one. Otherwise it is
derived from the node's evidence: each *independent* source (a distinct source id among the
node's quotes that are not ``disputed:``) earns a credit by its reliability in the registry
(:data:`RELIABILITY_CREDIT`; a source missing from the registry counts as ``unknown``), and the
credits are combined by the probabilistic sum, which adds less for each further source and
never reaches 1; evidence lifts the neutral score by at most :data:`EVIDENCE_LIFT`:

    base = NEUTRAL_BASE_SCORE + EVIDENCE_LIFT · (1 - ∏ (1 - credit(source)))

The lift is small on purpose. A source's type says how far its statements can be trusted in
general, not how well the quoted passage bears on the claim: that fit is the relation's
``weight``, judged by the mapper. So a peer-reviewed source takes a point from 0.5 to 0.66 and a
blog to 0.56, and no side wins a verdict by the kind of sources it cites alone.

A node without evidence (an analytic point, a thesis) has the neutral base score
:data:`NEUTRAL_BASE_SCORE`: its strength is then decided by its supporters and attackers.

**Relations.** Supports and attacks are read as declared, each with its ``weight`` (1 for a
bare id): gradual semantics aggregate supports themselves; no supported attacks are derived.
The theses' derived clash (:func:`argmap.core.graph.clashes`) adds an attack of weight 1 from
every pro thesis to every con thesis and back. A node's ``undercuts: [{from: a, to: b}]``
undercuts the relation ``a → b`` (a support or attack declared on ``a``); see
:mod:`argmap.evaluate.gradual` for how an undercut scales the relation. References to unknown
nodes or relations are skipped: `argmap check` reports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.core.graph import clashes
from argmap.core.model import ArgMap, Node, Source, target_id, target_weight
from argmap.core.vocabulary import GradualSemantics, Reliability

from .gradual import GradualResult, QuantitativeFramework, gradual_strengths, undercut_weight
from .undercut import undercutters_of

# The credit one source earns a node, by the source's reliability: the one table of the rule
# (docs/commands/eval.md shows it; tests/test_strength.py keeps the two equal).
RELIABILITY_CREDIT: dict[Reliability, float] = {
    "peer-reviewed": 0.8,
    "thesis": 0.6,
    "news": 0.5,
    "blog": 0.3,
    "unknown": 0.2,
}
# The base score of a node with neither weight nor evidence, and the floor evidence builds on.
NEUTRAL_BASE_SCORE = 0.5
# How far evidence can lift a base score above the neutral one (reasons in the module's text).
EVIDENCE_LIFT = 0.2
UNREGISTERED_RELIABILITY: Reliability = "unknown"


# Strengths are shown to people with this many decimals (tables, diagrams, briefs); JSON keeps them whole.
STRENGTH_DIGITS = 2


def rounded(score: float) -> str:
    """A strength or base score as people read it: ``0.73``."""
    return f"{score:.{STRENGTH_DIGITS}f}"


class BaseOrigin:
    """Where a base score comes from, as the reporters name it."""

    WEIGHT = "weight"
    EVIDENCE = "evidence"
    NEUTRAL = "neutral"


def base_score(node: Node, sources: Mapping[str, Source]) -> tuple[float, str]:
    """The node's base score and its origin (:class:`BaseOrigin`)."""
    if node.weight is not None:
        return float(node.weight), BaseOrigin.WEIGHT
    cited = dict.fromkeys(e.source for e in node.evidence if e.disputed is None)  # independent sources, in order
    if not cited:
        return NEUTRAL_BASE_SCORE, BaseOrigin.NEUTRAL
    doubt = 1.0
    for source_id in cited:
        source = sources.get(source_id)
        doubt *= 1.0 - RELIABILITY_CREDIT[source.reliability if source else UNREGISTERED_RELIABILITY]
    return NEUTRAL_BASE_SCORE + EVIDENCE_LIFT * (1.0 - doubt), BaseOrigin.EVIDENCE


@dataclass(frozen=True)
class MapStrengths:
    """Every node's strength (and base score) under a gradual semantics, in map order.
    ``converged``, ``iterations`` and ``residual`` are the engine's (exact on acyclic maps)."""

    semantics: GradualSemantics
    strengths: dict[str, float]
    base_scores: dict[str, float]
    base_origins: dict[str, str]
    converged: bool
    iterations: int
    acyclic: bool
    residual: float
    # the weight (0 to 1) each undercut relation ``(from, to)`` counts with, given its undercutters
    relation_weights: dict[tuple[str, str], float] = field(default_factory=dict)


# A declared relation of the map: ("supports" | "attacks", from, to).
RelationKey = tuple[str, str, str]


@dataclass(frozen=True)
class MapFramework:
    """A map as a quantitative framework. ``ids`` are the node ids in the framework's argument
    order; ``attack_keys`` and ``support_keys``, parallel to the framework's relations, name the
    declared relation each comes from (a reason's derived attack on the contradicted thesis
    names the support it comes from; the theses' own clash names none)."""

    ids: list[str]
    framework: QuantitativeFramework
    origins: dict[str, str]
    attack_keys: list[RelationKey | None]
    support_keys: list[RelationKey]


def quantitative_framework(
    argmap: ArgMap, sources: Mapping[str, Source], pinned: Mapping[str, float] | None = None
) -> tuple[list[str], QuantitativeFramework, dict[str, str]]:
    """The map's node ids (the framework's argument order), its framework and each base score's
    origin; see :func:`map_quantitative_framework`."""
    built = map_quantitative_framework(argmap, sources, pinned)
    return built.ids, built.framework, built.origins


def map_quantitative_framework(
    argmap: ArgMap, sources: Mapping[str, Source], pinned: Mapping[str, float] | None = None
) -> MapFramework:
    """The map as a quantitative framework. A ``pinned`` node keeps the given strength whatever
    its supporters and attackers do: its base score is that value and the relations into it are
    left out."""
    pinned = pinned or {}
    ids = list(argmap.nodes)
    index = {node_id: i for i, node_id in enumerate(ids)}
    bases: list[float] = []
    origins: dict[str, str] = {}
    cutters = {relation: [index[u] for u in undercutters]
               for relation, undercutters in undercutters_of(argmap).items()}
    for i, (node_id, node) in enumerate(argmap.nodes.items()):
        score, origins[node_id] = base_score(node, sources)
        bases.append(pinned.get(node_id, score))
    # Each relation once (a repeated one is AM316's), with its weight, and its undercutters when
    # the map has any. Plain lists and local names: this loop visits every relation of maps of
    # 100,000 nodes.
    relations: dict[str, tuple[list[tuple[int, int]], list[float], list[list[int]], list]] = {
        "attacks": ([], [], [], []), "supports": ([], [], [], [])}
    weighted = False
    for kind, (pairs, weights, pair_cutters, keys) in relations.items():
        seen: set[tuple[int, int]] = set()
        for i, (node_id, node) in enumerate(argmap.nodes.items()):
            for entry in node.attack_entries if kind == "attacks" else node.support_entries:
                target, weight = target_id(entry), target_weight(entry)
                j = index.get(target)
                if j is None or (pinned and target in pinned):
                    continue
                pair = (i, j)
                if pair in seen:
                    continue
                seen.add(pair)
                pairs.append(pair)
                keys.append((kind, node_id, target))
                weights.append(weight)
                weighted = weighted or weight != 1.0
                if cutters:
                    pair_cutters.append(cutters.get((node_id, target), []))
    attacks, attack_weights, attack_cutters, attack_keys = relations["attacks"]
    supports, support_weights, support_cutters, support_keys = relations["supports"]
    clash = clashes(argmap)
    if clash:
        declared = set(attacks)
        backing: dict[int, list[int]] = {}  # a thesis -> the positions of the supports into it
        for k, (_, j) in enumerate(supports):
            backing.setdefault(j, []).append(k)
        for attacker, target in clash:
            a, t = index[attacker], index[target]
            if pinned and target in pinned:
                continue
            # the clash itself, then each reason for the attacking thesis as a reason against its
            # target, with the support's weight and undercutters (Dung's supported attack)
            derived = [(a, 1.0, [], None)] + [
                (supports[k][0], support_weights[k], support_cutters[k] if cutters else [], support_keys[k])
                for k in backing.get(a, ())]
            for source, weight, source_cutters, key in derived:
                if (source, t) in declared:
                    continue
                declared.add((source, t))
                attacks.append((source, t))
                attack_keys.append(key)
                attack_weights.append(weight)
                if cutters:
                    attack_cutters.append(source_cutters)
    framework = QuantitativeFramework.build(
        bases, attacks, supports,
        attack_weights=attack_weights if weighted else None,
        support_weights=support_weights if weighted else None,
        attack_undercutters=attack_cutters if cutters else None,
        support_undercutters=support_cutters if cutters else None,
    )
    return MapFramework(ids, framework, origins, attack_keys, support_keys)


def map_strengths(
    argmap: ArgMap,
    semantics: GradualSemantics,
    sources: Mapping[str, Source] | None = None,
    pinned: Mapping[str, float] | None = None,
) -> MapStrengths:
    """The strengths of the map's nodes under ``semantics``; ``sources`` is the registry the
    base scores read reliabilities from (see :func:`quantitative_framework` for ``pinned``)."""
    ids, framework, origins = quantitative_framework(argmap, sources or {}, pinned)
    result: GradualResult = gradual_strengths(framework, semantics)
    strengths = dict(zip(ids, result.strengths))
    return MapStrengths(
        semantics=semantics,
        strengths=strengths,
        base_scores=dict(zip(ids, framework.base_scores)),
        base_origins=origins,
        converged=result.converged,
        iterations=result.iterations,
        acyclic=result.acyclic,
        residual=result.residual,
        relation_weights={relation: undercut_weight(semantics, (strengths[u] for u in undercutters))
                          for relation, undercutters in undercutters_of(argmap).items()},
    )
