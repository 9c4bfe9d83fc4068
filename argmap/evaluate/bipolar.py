"""From a map's supports and attacks to the attack relation the semantics evaluate.

Argument maps are *bipolar*: nodes support and attack each other. Dung's semantics know only
attacks, so supports are turned into attacks by a documented rule from bipolar argumentation
(Cayrol & Lagasquie-Schiex, "On the acceptability of arguments in bipolar argumentation
frameworks", ECSQARU 2005, LNAI 3571, pp. 378–389; terms as in their "Bipolarity in
argumentation graphs: towards a better understanding", IJAR 54(7), 2013):

* **supported attack** (2005: *supported defeat*): if ``a`` supports ``b`` through a chain of
  supports and ``b`` attacks ``c``, then ``a`` attacks ``c``.
* **secondary attack** (2005: *indirect defeat*): if ``a`` attacks ``b`` and ``b`` supports
  ``c`` through a chain of supports, then ``a`` attacks ``c``.

argmap's default rule, ``derive``, adds **supported attacks only**. Secondary attacks read a
support as a *necessary* condition (Nouioua & Risch 2010): any successful objection to any one
claim under a thesis would then defeat the thesis. In a debate map a thesis usually rests on
several independent claims, each a *sufficient* reason on its own, and an objection to one of
them leaves the others standing; secondary attacks would make every thesis fall to its weakest
claim and would flood the "still to answer" list with attacks nobody made. Supported attacks,
by contrast, say what debaters mean by backing an objection: while the backing stands, the
objection's force stands with it, so a rebuttal that answers only the objection's conclusion
has not answered the backing. Consequently a thesis, which supports and attacks nothing, is
decided only by direct attacks on it; the claims under it are where the exchange is decided.

``ignore`` evaluates the declared attacks only: supports then do not change acceptability.

Undercuts (a node denying the relation ``a -> b`` rather than a node) are encoded on top of this
relation by :mod:`argmap.evaluate.undercut`: an attack, declared or supported, bites only while
every relation it is built from (:attr:`Attack.links`) stands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from enum import Enum


class SupportRule(str, Enum):
    IGNORE = "ignore"
    DERIVE = "derive"


DEFAULT_SUPPORT_RULE = SupportRule.DERIVE


@dataclass(frozen=True)
class Attack:
    """An attack of the evaluated relation. ``via`` is empty for a declared attack; for a
    supported attack it is the support chain from the attacker to the node making the attack."""

    attacker: str
    target: str
    via: tuple[str, ...] = ()

    @property
    def is_derived(self) -> bool:
        return bool(self.via)

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        """The relations the attack is built from: the supports along ``via``, then the attack
        its last node declares (for a declared attack, just itself)."""
        chain = (self.attacker, *self.via, self.target)
        return tuple(zip(chain, chain[1:]))


def supported_attacks(
    supports: Mapping[str, Sequence[str]],
    attacks: Mapping[str, Sequence[str]],
    undercut: AbstractSet[tuple[str, str]] = frozenset(),
) -> list[Attack]:
    """Every supported attack not already declared, with the shortest support chain behind it.

    ``supports[a]`` and ``attacks[a]`` list the nodes ``a`` supports and attacks. A node's
    support chain is followed breadth-first, so each supported node is reached once along a
    shortest chain; cycles of supports are harmless.

    ``undercut`` holds the relations ``(a, b)`` some node undercuts. A chain none of whose
    relations is undercut is preferred (the attack then holds whatever the undercuts' fate);
    only where there is none is the shortest chain through undercut relations kept, and a
    declared attack that is undercut may then be doubled by a supported one.
    """
    declared = {(a, t) for a, targets in attacks.items() for t in targets if (a, t) not in undercut}
    derived: dict[tuple[str, str], Attack] = {}
    passes = (True, False) if undercut else (False,)  # without undercuts every chain is clean: one pass
    for origin in supports:
        for clean_only in passes:
            chain_to = {origin: ()}  # supported node -> chain of nodes from origin's first step
            frontier = [origin]
            while frontier:
                following = []
                for node in frontier:
                    for supported in supports.get(node, ()):
                        if supported not in chain_to and not (clean_only and (node, supported) in undercut):
                            chain_to[supported] = (*chain_to[node], supported)
                            following.append(supported)
                frontier = following
            for supported, chain in chain_to.items():
                if supported == origin:
                    continue
                for target in attacks.get(supported, ()):
                    pair = (origin, target)
                    if clean_only and (supported, target) in undercut:
                        continue
                    if pair not in declared and pair not in derived:
                        derived[pair] = Attack(origin, target, chain)
    return list(derived.values())


def attack_relation(
    supports: Mapping[str, Sequence[str]],
    attacks: Mapping[str, Sequence[str]],
    rule: SupportRule = DEFAULT_SUPPORT_RULE,
    undercut: AbstractSet[tuple[str, str]] = frozenset(),
) -> list[Attack]:
    """The declared attacks, plus the supported attacks when ``rule`` is ``derive``."""
    relation = [Attack(a, t) for a, targets in attacks.items() for t in targets]
    if rule is SupportRule.DERIVE:
        relation.extend(supported_attacks(supports, attacks, undercut))
    return relation
