"""A map as a quantitative bipolar framework, and its nodes' gradual strengths (DF-QuAD, QE).

**Base scores.** A node's base score is its ``weight:`` when the map gives one. Otherwise it is
derived from the node's evidence: each *independent* source (a distinct source id among the
node's quotes) earns a credit by its reliability in the registry (:data:`RELIABILITY_CREDIT`;
a source missing from the registry counts as ``unknown``), and the credits are combined by the
probabilistic sum, which adds less for each further source and never reaches 1:

    base = NEUTRAL_BASE_SCORE + (1 - NEUTRAL_BASE_SCORE) · (1 - ∏ (1 - credit(source)))

A node without evidence (an analytic point, a thesis) has the neutral base score
:data:`NEUTRAL_BASE_SCORE`: its strength is then decided by its supporters and attackers.

**Relations.** Supports and attacks are read as declared (gradual semantics aggregate supports
themselves; no supported attacks are derived). A node's ``undercuts: [{from: a, to: b}]``
undercuts the relation ``a → b`` (a support or attack declared on ``a``); see
:mod:`argmap.evaluate.gradual` for how an undercut scales the relation. References to unknown
nodes or relations are skipped: `argmap check` reports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.core.model import ArgMap, Node, Source
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
    cited = dict.fromkeys(e.source for e in node.evidence)  # independent sources, in order
    if not cited:
        return NEUTRAL_BASE_SCORE, BaseOrigin.NEUTRAL
    doubt = 1.0
    for source_id in cited:
        source = sources.get(source_id)
        doubt *= 1.0 - RELIABILITY_CREDIT[source.reliability if source else UNREGISTERED_RELIABILITY]
    return NEUTRAL_BASE_SCORE + (1.0 - NEUTRAL_BASE_SCORE) * (1.0 - doubt), BaseOrigin.EVIDENCE


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


def quantitative_framework(
    argmap: ArgMap, sources: Mapping[str, Source], pinned: Mapping[str, float] | None = None
) -> tuple[list[str], QuantitativeFramework, dict[str, str]]:
    """The map's node ids (the framework's argument order), its framework and each base score's
    origin. A ``pinned`` node keeps the given strength whatever its supporters and attackers
    do: its base score is that value and the relations into it are left out."""
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
    # Each relation once (a repeated one is AM316's), with its undercutters when the map has any.
    # Plain lists and local names: this loop visits every relation of maps of 100,000 nodes.
    relations: dict[str, tuple[list[tuple[int, int]], list[list[int]]]] = {"attacks": ([], []), "supports": ([], [])}
    for kind, (pairs, pair_cutters) in relations.items():
        seen: set[tuple[int, int]] = set()
        for i, (node_id, node) in enumerate(argmap.nodes.items()):
            for target in getattr(node, kind):
                j = index.get(target)
                if j is None or (pinned and target in pinned):
                    continue
                pair = (i, j)
                if pair in seen:
                    continue
                seen.add(pair)
                pairs.append(pair)
                if cutters:
                    pair_cutters.append(cutters.get((node_id, target), []))
    (attacks, attack_cutters), (supports, support_cutters) = relations["attacks"], relations["supports"]
    framework = QuantitativeFramework.build(
        bases, attacks, supports,
        attack_undercutters=attack_cutters if cutters else None,
        support_undercutters=support_cutters if cutters else None,
    )
    return ids, framework, origins


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
