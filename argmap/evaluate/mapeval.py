"""Evaluate an argument map: its nodes become arguments, its relations the attack relation.

Under a gradual semantics (dfquad, qe) the evaluation also holds each node's strength
(:mod:`.strength`); its labels are then the grounded ones under the default support rule, so
that every reader of labels (diagrams, briefs, `--prep`) still has them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from collections.abc import Mapping

from argmap.model import ArgMap, Source
from argmap.vocabulary import DEFAULT_SEMANTICS, GRADUAL_SEMANTICS

from .bipolar import DEFAULT_SUPPORT_RULE, Attack, SupportRule, attack_relation
from .framework import Framework
from .labels import Evaluation, ReasonKind, Verdict
from .semantics import evaluate
from .strength import MapStrengths, map_strengths


@dataclass(frozen=True)
class MapEvaluation:
    argmap: ArgMap
    evaluation: Evaluation
    relation: tuple[Attack, ...]  # the attacks evaluated, declared and derived
    support_rule: SupportRule
    gradual: MapStrengths | None = None  # set under a gradual semantics

    @property
    def semantics(self) -> str:
        """The semantics asked for: the gradual one, or the labels' own."""
        return self.gradual.semantics if self.gradual else self.evaluation.semantics

    @property
    def verdicts(self) -> dict[str, Verdict]:
        return self.evaluation.verdicts

    @cached_property
    def _derived(self) -> dict[tuple[str, str], Attack]:
        return {(a.attacker, a.target): a for a in self.relation if a.is_derived}

    def explain(self, node_id: str, names: Mapping[str, str] | None = None) -> str:
        """The reason in words, naming the support chain behind a derived (supported) attack.
        ``names`` gives the words for each node (a brief names them by title); ids otherwise."""
        def name(other: str) -> str:
            return names.get(other, other) if names else other

        verdict = self.verdicts[node_id]
        reason = verdict.reason
        text = str(replace(reason, attackers=tuple(map(name, reason.attackers))) if names else reason)
        if verdict.reason.kind in (ReasonKind.DEFEATED_BY, ReasonKind.DEFEATED_EITHER_WAY, ReasonKind.CONTESTED_BY):
            chains = [
                f"{name(attacker)} backs {' → '.join(map(name, derived.via))}"
                for attacker in verdict.reason.attackers
                if (derived := self._derived.get((attacker, node_id)))
            ]
            if chains:
                text += f" (supported attack: {'; '.join(chains)})"
        return text


def map_framework(argmap: ArgMap, rule: SupportRule = DEFAULT_SUPPORT_RULE) -> tuple[Framework, list[Attack]]:
    """The map's framework under ``rule``. References to unknown nodes are skipped: `argmap
    check` reports them, and evaluation should still say what it can about the rest."""
    known = argmap.nodes.keys()
    supports = {nid: [t for t in node.supports if t in known] for nid, node in argmap.nodes.items()}
    attacks = {nid: [t for t in node.attacks if t in known] for nid, node in argmap.nodes.items()}
    relation = attack_relation(supports, attacks, rule)
    framework = Framework.build(argmap.nodes, ((a.attacker, a.target) for a in relation))
    return framework, relation


def is_gradual(semantics: str) -> bool:
    return semantics in GRADUAL_SEMANTICS


def evaluate_map(
    argmap: ArgMap,
    semantics: str = DEFAULT_SEMANTICS,
    rule: SupportRule = DEFAULT_SUPPORT_RULE,
    sources: Mapping[str, Source] | None = None,
) -> MapEvaluation:
    """``sources`` (the registry) gives gradual semantics the reliabilities base scores are
    derived from; a gradual semantics reads supports itself, so ``rule`` is then ignored."""
    if is_gradual(semantics):
        framework, relation = map_framework(argmap, DEFAULT_SUPPORT_RULE)
        return MapEvaluation(argmap, evaluate(framework, DEFAULT_SEMANTICS), tuple(relation), DEFAULT_SUPPORT_RULE,
                             map_strengths(argmap, semantics, sources))  # type: ignore[arg-type]
    framework, relation = map_framework(argmap, rule)
    return MapEvaluation(argmap, evaluate(framework, semantics), tuple(relation), rule)
