"""Undercuts under Dung's semantics: a relation is an argument of its own, attacked by the nodes
that undercut it, and an attack bites only while every relation it is built from stands.

Dung's frameworks have no attacks on attacks, so they are *encoded* with auxiliary arguments, as
in meta-argumentation (Modgil 2009, "Reasoning about preferences in argumentation frameworks",
AIJ 173; Baroni, Cerutti, Giacomin and Guida 2011, "AFRA: Argumentation framework with recursive
attacks", IJAR 52). An attack ``a → c`` built from an undercut relation becomes::

    a → X → Y → c        X: "a is not accepted"    Y: "the attack a → c succeeds"

and every undercutter of every relation the attack is built from (the attack itself, or for a
supported attack the supports of its chain and the attack at its end) attacks ``Y``. In every
complete labelling X takes the opposite of a's label (UNDEC stays UNDEC) and Y is IN exactly when
a is IN and every undercutter is OUT; so c is OUT when a stands and no undercutter does, and the
labellings of the map's own nodes are those of the framework with attacks on attacks. Growing
the map nodes' IN set grows the auxiliaries' IN set too, so grounded (least) and preferred
(maximal) labellings, and stable ones (no UNDEC), correspond one to one.

Each undercut relation ``a -> b`` also gets an argument of its own, attacked by its undercutters
and attacking nothing: its label is the relation's status (it stands, falls or is undecided),
whether or not the relation is an attack (a support under ``--supports ignore`` has no effect on
labels, but can still fall).

Attacks built from no undercut relation are left as they are, so a map without undercuts gives
exactly the framework it gave before. Auxiliary names hold a colon, which no node id can.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.core.model import ArgMap

from .bipolar import Attack
from .labels import Evaluation, Reason, Verdict

RelationKey = tuple[str, str]  # (from, to)


@dataclass(frozen=True)
class UndercutAttack:
    """An attack (declared or supported) built from at least one undercut relation."""

    attack: Attack
    argument: str  # the auxiliary "the attack succeeds"
    undercutters: tuple[str, ...]  # of any relation the attack is built from


@dataclass(frozen=True)
class Encoding:
    """A map's undercuts encoded as plain attacks: the auxiliary arguments, and what each stands for."""

    auxiliaries: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]  # the whole attack relation, by name
    attacks: tuple[UndercutAttack, ...]
    relations: Mapping[RelationKey, str]  # each undercut relation's own argument
    speaks_for: Mapping[str, str]  # auxiliary "the attack succeeds" -> the node making the attack
    undercutters: Mapping[RelationKey, tuple[str, ...]]  # each undercut relation's undercutters


def relation_argument(source: str, target: str) -> str:
    return f"relation:{source}->{target}"


def encode(relation: Sequence[Attack], undercutters: Mapping[RelationKey, Sequence[str]]) -> Encoding:
    """The attack relation with each undercut attack routed through auxiliary arguments."""
    auxiliaries: dict[str, None] = {}
    pairs: list[tuple[str, str]] = []
    attacks: list[UndercutAttack] = []
    speaks_for: dict[str, str] = {}
    for attack in relation:
        cutters = tuple(dict.fromkeys(u for link in attack.links for u in undercutters.get(link, ())))
        if not cutters:
            pairs.append((attack.attacker, attack.target))
            continue
        not_accepted = f"not:{attack.attacker}"
        succeeds = "attack:" + "->".join((attack.attacker, *attack.via, attack.target))
        auxiliaries.update(dict.fromkeys((not_accepted, succeeds)))
        pairs += [(attack.attacker, not_accepted), (not_accepted, succeeds), (succeeds, attack.target)]
        pairs += [(u, succeeds) for u in cutters]
        attacks.append(UndercutAttack(attack, succeeds, cutters))
        speaks_for[succeeds] = attack.attacker
    relations: dict[RelationKey, str] = {}
    for (source, target), cutters in undercutters.items():
        argument = relations[(source, target)] = relation_argument(source, target)
        auxiliaries[argument] = None
        pairs += [(u, argument) for u in cutters]
    return Encoding(tuple(auxiliaries), tuple(pairs), tuple(attacks), relations, speaks_for,
                    {key: tuple(cutters) for key, cutters in undercutters.items()})


def without_auxiliaries(evaluation: Evaluation, nodes: Iterable[str], encoding: Encoding) -> Evaluation:
    """The evaluation as the map's nodes see it: no auxiliary in extensions or verdicts, and a
    node defeated (or contested) through "the attack succeeds" names the node making the attack."""
    kept = tuple(nodes)
    auxiliary = set(encoding.auxiliaries)
    speaks_for = encoding.speaks_for

    def verdicts() -> dict[str, Verdict]:
        full = evaluation.verdicts
        result = {}
        for node in kept:
            verdict = full[node]
            attackers = verdict.reason.attackers
            if any(a in auxiliary for a in attackers):
                named = tuple(dict.fromkeys(speaks_for.get(a, a) for a in attackers))
                verdict = Verdict(verdict.label, Reason(verdict.reason.kind, named))
            result[node] = verdict
        return result

    return Evaluation(
        semantics=evaluation.semantics,
        extensions=tuple(tuple(a for a in extension if a not in auxiliary) for extension in evaluation.extensions),
        explain=verdicts,
    )

def undercutters_of(argmap: ArgMap) -> dict[RelationKey, tuple[str, ...]]:
    """Each undercut relation ``(from, to)`` with its undercutters, in map order. Undercuts of a
    relation the map does not have, or by one of the relation's own ends, are skipped: `argmap
    check` reports them (AM319, AM322)."""
    nodes = argmap.nodes
    found: dict[RelationKey, dict[str, None]] = {}
    for node_id, node in nodes.items():
        for ref in node.undercuts:
            source = nodes.get(ref.from_)
            if (source is None or ref.to not in nodes or node_id in (ref.from_, ref.to)
                    or (ref.to not in source.supports and ref.to not in source.attacks)):
                continue
            found.setdefault((ref.from_, ref.to), {})[node_id] = None
    return {key: tuple(cutters) for key, cutters in found.items()}
