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
        self._kept: np.ndarray | None = None

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
        for component in self.components:
            if len(component) == 1 and component[0] not in self.self_loops:
                i = component[0]
                strengths[i] = self._update(i, strengths, bases, attack_weights, support_weights)
                continue
            converged &= self._iterate(component, strengths, bases, attack_weights, support_weights,
                                       tolerance, max_iterations, euler)
        return strengths, converged

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
