"""Gradual strengths for many variants of one framework at once: the verdict's robustness samples
and its what-if removals.

Each *column* is one variant of the framework: its own base scores and relation weights, the
same arguments and relations. The update is the semantics' formula (:mod:`.formula`: aggregates,
strength, undercut weights), the one :mod:`.gradual` computes, here on NumPy arrays: all columns
together.

The framework is evaluated one strongly connected component at a time, in topological order:
an argument outside every cycle is computed exactly, once, from final values; a cycle (the
derived clash of two theses is one) is iterated on its own members only, with the values
flowing into it already final, until the residual over its members and every column is below
the tolerance. That is the fixpoint :func:`.gradual.gradual_strengths` searches over the whole
framework, reached with far fewer updates.

Arguments outside every cycle are moreover computed a *rank* at a time (an argument's rank is one
more than the highest of those it depends on, so those of one rank depend on none of each
other): those of one rank with as many attacks and as many supports each, none undercut, in one
update of a block of rows. The block runs the formula's very operations, in the same order, on
each of its rows, so every strength is the one a row-by-row update gives, to the last bit: a
2,000-argument framework takes a few dozen updates instead of 2,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .formula import formula_of
from .gradual import DEFAULT_MAX_ITERATIONS, DEFAULT_STEP, QuantitativeFramework

# Samples need no more precision than a verdict shows (two decimals); the engine's own
# tolerance (1e-9) would cost cycles many more updates for nothing.
BATCH_TOLERANCE = 1e-7
# The most values a group's update works on at once: its intermediate arrays (~1 MB each) then stay
# in the processor's cache, which made the update of a wide rank twice as fast.
BLOCK_VALUES = 128 * 1024


@dataclass(frozen=True)
class _Incoming:
    """One argument's incoming relations of one kind: sources, relation indices, undercutters."""

    sources: np.ndarray
    relations: np.ndarray
    cuts: tuple[tuple[int, ...], ...] | None


def _incoming(size: int, pairs: Sequence[tuple[int, int]], cuts: list | None) -> list[_Incoming | None]:
    per_target: list[list[tuple[int, int]]] = [[] for _ in range(size)]
    for relation, (source, target) in enumerate(pairs):
        per_target[target].append((source, relation))
    result: list[_Incoming | None] = []
    for target, entries in enumerate(per_target):
        if not entries:
            result.append(None)
            continue
        target_cuts = cuts[target] if cuts else None
        result.append(_Incoming(np.array([s for s, _ in entries]), np.array([r for _, r in entries]),
                                tuple(target_cuts) if target_cuts and any(target_cuts) else None))
    return result


@dataclass(frozen=True)
class _Group:
    """Arguments of one rank, outside every cycle, none of whose relations is undercut, with the
    same number of incoming attacks and of incoming supports: ``attack_sources[k]`` holds the
    source of each member's k-th attack (in the framework's order), ``attack_relations[k]`` that
    attack's index."""

    members: np.ndarray
    attack_sources: tuple[np.ndarray, ...]
    attack_relations: tuple[np.ndarray, ...]
    support_sources: tuple[np.ndarray, ...]
    support_relations: tuple[np.ndarray, ...]


def _group(members: list[int], attacks: list[_Incoming | None], supports: list[_Incoming | None]) -> _Group:
    def slots(incoming: list[_Incoming | None]) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
        first = incoming[members[0]]
        if first is None:
            return (), ()
        count = len(first.sources)
        sources = np.array([incoming[i].sources for i in members]).reshape(len(members), count)  # type: ignore[union-attr]
        relations = np.array([incoming[i].relations for i in members]).reshape(len(members), count)  # type: ignore[union-attr]
        return tuple(sources[:, k].copy() for k in range(count)), tuple(relations[:, k].copy() for k in range(count))

    attack_sources, attack_relations = slots(attacks)
    support_sources, support_relations = slots(supports)
    return _Group(np.array(members), attack_sources, attack_relations, support_sources, support_relations)


def _split(incoming: _Incoming | None, inside: set[int]) -> tuple[_Incoming | None, _Incoming | None]:
    """A member's incoming relations: those from outside its cycle (source and undercutters), and the rest."""
    if incoming is None:
        return None, None
    rows = range(len(incoming.sources))
    within = [r for r in rows if int(incoming.sources[r]) in inside
              or (incoming.cuts is not None and any(c in inside for c in incoming.cuts[r]))]
    if not within:
        return incoming, None
    outside = [r for r in rows if r not in set(within)]

    def part(selected: list[int]) -> _Incoming | None:
        if not selected:
            return None
        cuts = tuple(incoming.cuts[r] for r in selected) if incoming.cuts is not None else None
        return _Incoming(incoming.sources[selected], incoming.relations[selected],
                         cuts if cuts and any(cuts) else None)

    return part(outside), part(within)


def components(framework: QuantitativeFramework) -> list[list[int]]:
    """The strongly connected components of the framework's dependency graph (relations and
    undercutter edges), each after every component it depends on (Tarjan, without recursion)."""
    successors = framework.successors
    size = len(framework)
    index = [-1] * size
    low = [0] * size
    on_stack = [False] * size
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(size):
        if index[root] != -1:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = True
            recurse = False
            targets = successors[node]
            while child < len(targets):
                target = targets[child]
                child += 1
                if index[target] == -1:
                    work.append((node, child))
                    work.append((target, 0))
                    recurse = True
                    break
                if on_stack[target]:
                    low[node] = min(low[node], index[target])
            if recurse:
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    found.reverse()  # Tarjan finds a component after those it leads to: sources come last
    return found


class BatchEngine:
    """A framework prepared for :meth:`strengths` of many columns; build it once, run it often."""

    def __init__(self, framework: QuantitativeFramework, semantics: str) -> None:
        self.framework = framework
        self.semantics = semantics
        self.formula = formula_of(semantics)
        size = len(framework)
        self.attacks = _incoming(size, framework.attacks, framework.attack_undercutters)
        self.supports = _incoming(size, framework.supports, framework.support_undercutters)
        self.components = components(framework)
        self.self_loops = {i for i, targets in enumerate(framework.successors) if i in targets}
        self.plan = self._plan()
        self._kept: np.ndarray | None = None

    def _plan(self) -> list[_Group | list[int]]:
        """The order of the updates: rank by rank, first the groups of the rank, then each of its
        cycles and undercut arguments (a list of members) on its own."""
        successors = self.framework.successors
        component_of = [0] * len(self.framework)
        for number, component in enumerate(self.components):
            for i in component:
                component_of[i] = number
        rank = [0] * len(self.components)
        for number, component in enumerate(self.components):  # each after those it depends on
            for i in component:
                for target in successors[i]:
                    other = component_of[target]
                    if other != number and rank[other] <= rank[number]:
                        rank[other] = rank[number] + 1
        grouped: dict[tuple[int, int, int], list[int]] = {}
        alone: dict[int, list[list[int]]] = {}
        for number, component in enumerate(self.components):
            i = component[0]
            attack, support = self.attacks[i], self.supports[i]
            if (len(component) == 1 and i not in self.self_loops
                    and (attack is None or attack.cuts is None) and (support is None or support.cuts is None)):
                counts = (0 if attack is None else len(attack.sources), 0 if support is None else len(support.sources))
                grouped.setdefault((rank[number], *counts), []).append(i)
            else:
                alone.setdefault(rank[number], []).append(component)
        plan: list[_Group | list[int]] = []
        for level in range(max(rank, default=-1) + 1):
            plan += [_group(members, self.attacks, self.supports)
                     for (at, _, _), members in grouped.items() if at == level]
            plan += alone.get(level, [])
        return plan

    def strengths(self, bases: np.ndarray, attack_weights: np.ndarray, support_weights: np.ndarray,
                  *, kept: np.ndarray | None = None, tolerance: float = BATCH_TOLERANCE,
                  max_iterations: int = DEFAULT_MAX_ITERATIONS, step: float = DEFAULT_STEP) -> tuple[np.ndarray, bool]:
        """Strengths, an (arguments × columns) array, for base scores (arguments × columns) and
        relation weights (relations × columns, in the framework's order); and whether every
        cycle converged. Where ``kept`` (arguments × columns, 0 or 1) is 0, the argument is
        taken out of that column: its strength is 0, so none of its relations counts."""
        self._kept = kept
        strengths = np.array(bases, dtype=float, copy=True)
        if kept is not None:
            strengths *= kept
        converged = True
        euler = step if self.formula.continuous else 1.0
        for step in self.plan:
            if isinstance(step, _Group):
                self._update_group(step, strengths, bases, attack_weights, support_weights)
            elif len(step) == 1 and step[0] not in self.self_loops:
                i = step[0]
                strengths[i] = self._update(i, strengths, bases, attack_weights, support_weights)
            else:
                converged &= self._iterate(step, strengths, bases, attack_weights, support_weights,
                                           tolerance, max_iterations, euler)
        return strengths, converged

    def _update_group(self, group: _Group, strengths: np.ndarray, bases: np.ndarray, attack_weights: np.ndarray,
                      support_weights: np.ndarray) -> None:
        """:meth:`_update` of every member at once: the k-th relation of every member is added
        (or multiplied, as the formula says) in the k-th step, one row per member. A large group
        goes a few rows at a time, so that the formula's intermediate arrays stay in the cache."""
        def aggregate(sources: tuple[np.ndarray, ...], relations: tuple[np.ndarray, ...], weights: np.ndarray,
                      rows: slice) -> np.ndarray | float:
            if not sources:
                return 0.0
            return self.formula.aggregate([s[rows] for s in sources], strengths, [weights[r[rows]] for r in relations])

        step = max(1, BLOCK_VALUES // strengths.shape[1])
        for start in range(0, len(group.members), step):
            rows = slice(start, start + step)
            members = group.members[rows]
            attack = aggregate(group.attack_sources, group.attack_relations, attack_weights, rows)
            support = aggregate(group.support_sources, group.support_relations, support_weights, rows)
            value = self.formula.strength(bases[members], attack, support, np.where)
            strengths[members] = value if self._kept is None else value * self._kept[members]

    def _iterate(self, members: list[int], strengths: np.ndarray, bases: np.ndarray, attack_weights: np.ndarray,
                 support_weights: np.ndarray, tolerance: float, max_iterations: int, euler: float) -> bool:
        # What flows in from outside the cycle is final: aggregated once, not at every step.
        inside = set(members)
        fixed = {}
        for i in members:
            parts = []
            for incoming, weights in ((self.attacks[i], attack_weights), (self.supports[i], support_weights)):
                outside, within = _split(incoming, inside)
                parts.append((self._aggregate(outside, strengths, weights), within))
            fixed[i] = parts
        for _ in range(max_iterations):
            targets = [self._combine(i, fixed[i], strengths, bases, attack_weights, support_weights) for i in members]
            residual = max(float(np.max(np.abs(t - strengths[i]))) for i, t in zip(members, targets))
            if residual < tolerance:
                return True
            for i, target in zip(members, targets):  # all at once, from the same strengths
                strengths[i] = target if euler == 1.0 else strengths[i] + euler * (target - strengths[i])
        return False

    def _aggregate(self, incoming: _Incoming | None, strengths: np.ndarray, weights: np.ndarray) -> np.ndarray | float:
        if incoming is None:
            return 0.0
        relation_weights = weights[incoming.relations]
        if incoming.cuts is not None:
            relation_weights = relation_weights.copy()
            for row, cutters in enumerate(incoming.cuts):
                if cutters:
                    relation_weights[row] = self.formula.undercut(relation_weights[row], strengths[list(cutters)])
        return self.formula.aggregate(incoming.sources, strengths, relation_weights)

    def _combine(self, i: int, fixed: list, strengths: np.ndarray, bases: np.ndarray, attack_weights: np.ndarray,
                 support_weights: np.ndarray) -> np.ndarray:
        """The update of a cycle's member: the fixed aggregate from outside it, joined with the
        aggregate of the relations inside it (the same as aggregating them all at once)."""
        (attack_outside, attack_within), (support_outside, support_within) = fixed
        attack = self.formula.join(attack_outside, self._aggregate(attack_within, strengths, attack_weights))
        support = self.formula.join(support_outside, self._aggregate(support_within, strengths, support_weights))
        return self._strength(i, attack, support, bases)

    def _update(self, i: int, strengths: np.ndarray, bases: np.ndarray, attack_weights: np.ndarray,
                support_weights: np.ndarray) -> np.ndarray:
        attack = self._aggregate(self.attacks[i], strengths, attack_weights)
        support = self._aggregate(self.supports[i], strengths, support_weights)
        return self._strength(i, attack, support, bases)

    def _strength(self, i: int, attack: np.ndarray | float, support: np.ndarray | float, bases: np.ndarray) -> np.ndarray:
        value = self.formula.strength(bases[i], attack, support, np.where)
        return value if self._kept is None else value * self._kept[i]


def columns(values: Sequence[float], count: int) -> np.ndarray:
    """``values`` repeated in ``count`` columns: the unperturbed framework, column by column."""
    return np.repeat(np.asarray(values, dtype=float).reshape(-1, 1), count, axis=1)
