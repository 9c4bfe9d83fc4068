"""Evaluate an argument map: its nodes become arguments, its relations the attack relation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from argmap.model import ArgMap
from argmap.vocabulary import DEFAULT_SEMANTICS

from .bipolar import DEFAULT_SUPPORT_RULE, Attack, SupportRule, attack_relation
from .framework import Framework
from .labels import Evaluation, ReasonKind, Verdict
from .semantics import evaluate


@dataclass(frozen=True)
class MapEvaluation:
    argmap: ArgMap
    evaluation: Evaluation
    relation: tuple[Attack, ...]  # the attacks evaluated, declared and derived
    support_rule: SupportRule

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


def evaluate_map(
    argmap: ArgMap, semantics: str = DEFAULT_SEMANTICS, rule: SupportRule = DEFAULT_SUPPORT_RULE
) -> MapEvaluation:
    framework, relation = map_framework(argmap, rule)
    return MapEvaluation(argmap, evaluate(framework, semantics), tuple(relation), rule)
