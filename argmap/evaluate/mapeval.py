"""Evaluate an argument map: its nodes become arguments, its relations the attack relation.

Under a gradual semantics (dfquad, qe) the evaluation also holds each node's strength
(:mod:`.strength`); its labels are then the grounded ones under the default support rule, so
that every reader of labels (diagrams, briefs, `--prep`) still has them.

Outputs read what an evaluation shows of each node (its status in :attr:`MapEvaluation.shown_verdicts`,
or its score in :attr:`MapEvaluation.scores` where the semantics gives one) and of each undercut
relation, not which kind of semantics made it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from argmap.core.graph import clashes
from argmap.core.model import ArgMap

from .bipolar import DEFAULT_SUPPORT_RULE, Attack, SupportRule, attack_relation
from .framework import Framework
from .labels import Evaluation, Label, ReasonKind, Verdict
from .semantics import Labelling, label_framework
from .undercut import Encoding, encode, undercutters_of, without_auxiliaries

if TYPE_CHECKING:  # strengths load with a gradual semantics (registry.Strengths): `expect:` of labels needs none
    from .strength import MapStrengths


@dataclass(frozen=True)
class UndercutRelation:
    """A relation ``source -> target`` that some node undercuts, and whether it still stands."""

    source: str
    target: str
    undercutters: tuple[str, ...]
    verdict: Verdict  # IN: it stands (every undercutter falls); OUT: it falls; UNDEC: undecided

    @property
    def status(self) -> str:
        return self.verdict.status


@dataclass(frozen=True)
class MapEvaluation:
    """A map evaluated under one semantics: its labels, the attacks they were computed on and,
    under a gradual semantics, its strengths."""

    argmap: ArgMap
    evaluation: Evaluation  # the map's nodes only: auxiliary arguments of undercuts are left out
    relation: tuple[Attack, ...]  # the attacks evaluated, declared and derived
    support_rule: SupportRule
    undercut_relations: tuple[UndercutRelation, ...] = ()
    # each attack built from an undercut relation: the undercutters of those relations, and the
    # label of "the attack succeeds" (OUT: the attack is undercut)
    undercut_attacks: Mapping[Attack, tuple[tuple[str, ...], Label]] = field(default_factory=dict)
    gradual: MapStrengths | None = None  # set under a gradual semantics

    @property
    def semantics(self) -> str:
        """The semantics asked for: the gradual one, or the labels' own."""
        return self.gradual.semantics if self.gradual else self.evaluation.semantics

    # What outputs show. An evaluation under a semantics of strengths shows each node's score
    # (and each undercut relation's weight) where one of labels shows its status; it carries
    # the grounded labels too, for the readers of labels (--prep, a card's reasons).

    @property
    def scores(self) -> Mapping[str, float]:
        """Each node's score (its strength), by id; empty when the semantics gives none."""
        return self.gradual.strengths if self.gradual else {}

    @property
    def relation_weights(self) -> Mapping[tuple[str, str], float]:
        """The weight each undercut relation ``(from, to)`` counts with; empty when the semantics
        gives none (a relation then has a status: :attr:`shown_relations`)."""
        return self.gradual.relation_weights if self.gradual else {}

    @property
    def label_semantics(self) -> str | None:
        """The semantics of the statuses shown; None when scores are shown instead."""
        return None if self.gradual else self.evaluation.semantics

    @property
    def score_semantics(self) -> str | None:
        """The semantics of the scores shown; None when statuses are shown instead."""
        return self.gradual.semantics if self.gradual else None

    @property
    def shown_verdicts(self) -> dict[str, Verdict]:
        """Each node's verdict when statuses are shown; empty when scores are."""
        return {} if self.gradual else self.evaluation.verdicts

    @property
    def shown_relations(self) -> tuple[UndercutRelation, ...]:
        """The undercut relations whose status is shown; none when their weights are."""
        return () if self.gradual else self.undercut_relations
    def relation_status(self, source: str, target: str) -> UndercutRelation | None:
        """The status of ``source -> target`` if some node undercuts it (None otherwise: it stands)."""
        return next((r for r in self.undercut_relations if (r.source, r.target) == (source, target)), None)

    @property
    def verdicts(self) -> dict[str, Verdict]:
        return self.evaluation.verdicts

    @cached_property
    def _derived(self) -> dict[tuple[str, str], Attack]:
        return {(a.attacker, a.target): a for a in self.relation if a.is_derived}

    @cached_property
    def _undercut_on(self) -> dict[str, list[tuple[Attack, tuple[str, ...]]]]:
        """Per target, the attacks on it that are undercut (their "attack succeeds" is OUT)."""
        found: dict[str, list[tuple[Attack, tuple[str, ...]]]] = {}
        for attack, (cutters, label) in self.undercut_attacks.items():
            if label is Label.OUT:
                found.setdefault(attack.target, []).append((attack, cutters))
        return found

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
        undercut = [f"{name(attack.attacker)}'s attack is undercut by {', '.join(map(name, cutters))}"
                    for attack, cutters in self._undercut_on.get(node_id, ())
                    if self.verdicts[attack.attacker].label is not Label.OUT]
        if undercut:
            if reason.kind is ReasonKind.ATTACKERS_FALL:  # an undercut attacker may stand: its attack does not
                text = "no attack on it holds"
            text += f" ({'; '.join(dict.fromkeys(undercut))})"
        return text



def map_framework(argmap: ArgMap, rule: SupportRule = DEFAULT_SUPPORT_RULE
                  ) -> tuple[Framework, list[Attack], Encoding | None]:
    """The map's framework under ``rule``, and the encoding of its undercuts (None when it has
    none: the framework is then the nodes and their attacks alone). References to unknown nodes
    are skipped: `argmap check` reports them, and evaluation should still say what it can."""
    known = argmap.nodes.keys()
    supports = {nid: [t for t in node.supports if t in known] for nid, node in argmap.nodes.items()}
    attacks = {nid: [t for t in node.attacks if t in known] for nid, node in argmap.nodes.items()}
    for attacker, target in clashes(argmap):  # the theses contradict: a derived mutual attack
        if target not in attacks[attacker]:
            attacks[attacker].append(target)
    undercutters = undercutters_of(argmap)
    relation = attack_relation(supports, attacks, rule, undercutters.keys())
    if not undercutters:
        return Framework.build(argmap.nodes, ((a.attacker, a.target) for a in relation)), relation, None
    encoding = encode(relation, undercutters)
    framework = Framework.build((*argmap.nodes, *encoding.auxiliaries), encoding.pairs)
    return framework, relation, encoding


def evaluate_labels(argmap: ArgMap, semantics: str, rule: SupportRule,
                    labellings: Callable[[Framework], list[Labelling]]) -> MapEvaluation:
    """The map's labels under the labelling semantics named ``semantics``, whose ``labellings``
    the registry's entry gives; see :func:`argmap.evaluate.registry.evaluate_map` for every
    semantics."""
    framework, relation, encoding = map_framework(argmap, rule)
    evaluation = label_framework(framework, semantics, labellings)
    if encoding is None:
        return MapEvaluation(argmap, evaluation, tuple(relation), rule)
    full = evaluation.verdicts
    relations = tuple(
        UndercutRelation(source, target, cutters, full[encoding.relations[(source, target)]])
        for (source, target), cutters in encoding.undercutters.items()
    )
    attacks = {u.attack: (u.undercutters, full[u.argument].label) for u in encoding.attacks}
    return MapEvaluation(argmap, without_auxiliaries(evaluation, argmap.nodes, encoding), tuple(relation), rule,
                         relations, attacks)
