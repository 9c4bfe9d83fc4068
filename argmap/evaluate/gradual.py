"""Gradual semantics: a strength in [0, 1] for every argument of a quantitative bipolar framework.

A *quantitative bipolar argumentation framework* gives each argument a **base score** in [0, 1]
and has two relations, attack and support. A gradual semantics computes each argument's
**strength** from its base score and the strengths of its attackers and supporters, by the formula
of the semantics (:class:`argmap.evaluate.formula.GradualFormula`, one module each, registered
in :mod:`argmap.evaluate.registry`): DF-QuAD (:mod:`.dfquad`) and quadratic energy (:mod:`.qe`).

**Acyclic frameworks** are computed exactly, in one pass in topological order (every argument
after all its attackers and supporters). **Cyclic frameworks** have no such order; the strengths
are then the fixpoint of the update ``s ↦ f(s)`` above, searched from the base scores:

* a discrete semantics (DF-QuAD) by the iteration ``s ← f(s)``, all arguments updated at once;
* a continuous one (QE: Potyka's model ``ds/dt = f(s) - s``) by Euler steps of size ``step``
  (default 0.1): ``s ← s + step·(f(s) - s)``.

The iteration stops when the *residual* ``max |f(s) - s|`` is below ``tolerance`` (converged;
the returned strengths are that ``s``) or after ``max_iterations`` updates (not converged; the
last ``s`` is returned and :attr:`GradualResult.converged` is false). It never runs longer.
Neither iteration is guaranteed to converge on every cyclic framework: two arguments with base
score 1 attacking each other make DF-QuAD's discrete iteration oscillate between (1, 1) and
(0, 0).

**Relation weights.** Every attack and support carries a weight in [0, 1], 1 unless given. The
weight scales the relation's contribution: an attacker or supporter of strength ``v`` counts as
``w·v`` in the aggregation (DF-QuAD's probabilistic sum, QE's energy). Weight 1 is the plain
relation, weight 0 removes it.

**Undercuts.** A relation may also have *undercutters*: arguments denying its inference rather
than its source. The relation is then read as an argument of its own, with the given weight as
its base score, attacked by its undercutters under the same semantics; its strength is the
weight the relation counts with. With undercutters ``u`` of strengths ``s(u)`` and given weight
``w₀``, each formula says what is left (:meth:`~argmap.evaluate.formula.GradualFormula.undercut`). An undercut
therefore never strengthens the relation it denies, and an undercutter of strength 0 leaves it
whole. The weight depends on strengths, so undercutters come before the relation's target in
the topological order (a cycle through an undercut is a cycle), and the iteration recomputes
the weights from the current strengths at each step.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from argmap.core.vocabulary import GRADUAL_SEMANTICS, GradualSemantics  # noqa: F401 -- re-exported

from .formula import GradualFormula, choose, formula_of

DEFAULT_TOLERANCE = 1e-9
DEFAULT_MAX_ITERATIONS = 10_000
DEFAULT_STEP = 0.1

Relation = tuple[int, int]


class InvalidGradualFramework(ValueError):
    """A base score or weight outside [0, 1], an index out of range, or a repeated relation."""


@dataclass(frozen=True, eq=False)
class QuantitativeFramework:
    """Arguments ``0 .. n-1`` with base scores, and attack and support relations as
    (source, target) index pairs with a weight each. Build it with :meth:`build`."""

    base_scores: tuple[float, ...]
    attacks: tuple[Relation, ...]
    supports: tuple[Relation, ...]
    attack_weights: tuple[float, ...]
    support_weights: tuple[float, ...]
    # Incoming relations per argument: sources, and their weights (None while all are 1, which
    # keeps the common unweighted case a plain loop over indices).
    attackers: list[list[int]] = field(repr=False)
    attacker_weights: list[list[float] | None] = field(repr=False)
    supporters: list[list[int]] = field(repr=False)
    supporter_weights: list[list[float] | None] = field(repr=False)
    # Outgoing relations per argument, attacks and supports together, and each undercutter's
    # edge to the target of the relation it undercuts: the topological order's.
    successors: list[list[int]] = field(repr=False)
    # Per target, the undercutters of each incoming attack (support), parallel to attackers[i]
    # (supporters[i]); None when none of its incoming relations is undercut.
    attack_undercutters: list[list[tuple[int, ...]] | None] = field(repr=False, default_factory=list)
    support_undercutters: list[list[tuple[int, ...]] | None] = field(repr=False, default_factory=list)
    # Per argument, how many undercutter edges lead into it; None when the framework has no undercut.
    undercut_dependencies: list[int] | None = field(repr=False, default=None)

    @classmethod
    def build(
        cls,
        base_scores: Sequence[float],
        attacks: Iterable[Relation] = (),
        supports: Iterable[Relation] = (),
        attack_weights: Sequence[float] | None = None,
        support_weights: Sequence[float] | None = None,
        attack_undercutters: Sequence[Sequence[int]] | None = None,
        support_undercutters: Sequence[Sequence[int]] | None = None,
    ) -> QuantitativeFramework:
        """``attacks`` and ``supports`` hold (source, target) indices into ``base_scores``; the
        weights and the undercutters (a sequence of argument indices per relation), when given,
        are parallel to them. A pair may occur once per relation."""
        with _cyclic_gc_paused():
            return cls._build(base_scores, attacks, supports, attack_weights, support_weights,
                              attack_undercutters, support_undercutters)

    @classmethod
    def _build(
        cls,
        base_scores: Sequence[float],
        attacks: Iterable[Relation],
        supports: Iterable[Relation],
        attack_weights: Sequence[float] | None,
        support_weights: Sequence[float] | None,
        attack_undercutters: Sequence[Sequence[int]] | None = None,
        support_undercutters: Sequence[Sequence[int]] | None = None,
    ) -> QuantitativeFramework:
        bases = tuple(float(score) for score in base_scores)
        for i, score in enumerate(bases):
            if not 0.0 <= score <= 1.0:
                raise InvalidGradualFramework(f"base score of argument {i} is {score}, not in [0, 1]")
        attack_pairs = tuple(attacks)
        support_pairs = tuple(supports)
        a_weights = _weights("attack", attack_pairs, attack_weights)
        s_weights = _weights("support", support_pairs, support_weights)
        successors: list[list[int]] = [[] for _ in bases]
        attackers, attacker_weights = _incoming("attack", successors, attack_pairs, a_weights)
        supporters, supporter_weights = _incoming("support", successors, support_pairs, s_weights)
        dependencies = [0] * len(bases) if (attack_undercutters or support_undercutters) else None
        a_cuts = _undercutters("attack", attack_pairs, attack_undercutters, attacker_weights, successors, dependencies)
        s_cuts = _undercutters("support", support_pairs, support_undercutters, supporter_weights, successors,
                               dependencies)
        return cls(bases, attack_pairs, support_pairs, a_weights, s_weights,
                   attackers, attacker_weights, supporters, supporter_weights, successors,
                   a_cuts, s_cuts, dependencies)

    def __len__(self) -> int:
        return len(self.base_scores)

    def topological_order(self) -> list[int] | None:
        """Every argument after its attackers and supporters, or None when there is a cycle."""
        pending = [len(a) + len(s) for a, s in zip(self.attackers, self.supporters)]
        if self.undercut_dependencies is not None:
            pending = [count + extra for count, extra in zip(pending, self.undercut_dependencies)]
        order = [i for i, count in enumerate(pending) if not count]
        successors, append = self.successors, order.append
        for argument in order:  # the list grows while it is read: Kahn's algorithm
            for target in successors[argument]:
                count = pending[target] - 1
                pending[target] = count
                if not count:
                    append(target)
        return order if len(order) == len(pending) else None


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Building allocates hundreds of thousands of lists, none in a reference cycle; the cyclic
    collector would scan them again and again for nothing (a third of the build time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _weights(kind: str, pairs: tuple[Relation, ...], weights: Sequence[float] | None) -> tuple[float, ...]:
    if weights is None:
        return (1.0,) * len(pairs)
    result = tuple(float(weight) for weight in weights)
    if len(result) != len(pairs):
        raise InvalidGradualFramework(f"{len(result)} {kind} weights for {len(pairs)} {kind}s")
    for pair, weight in zip(pairs, result):
        if not 0.0 <= weight <= 1.0:
            raise InvalidGradualFramework(f"weight of {kind} {pair} is {weight}, not in [0, 1]")
    return result


def _incoming(
    kind: str, successors: list[list[int]], pairs: tuple[Relation, ...], weights: tuple[float, ...]
) -> tuple[list[list[int]], list[list[float] | None]]:
    """The sources of each argument's incoming ``pairs`` (and their weights); also adds the
    pairs to ``successors``."""
    size = len(successors)
    if len(set(pairs)) != len(pairs):
        # A repeated pair would count its source twice, and its weights could disagree.
        raise InvalidGradualFramework(f"a {kind} pair occurs more than once")
    sources: list[list[int]] = [[] for _ in range(size)]
    for source, target in pairs:
        if source < 0 or target < 0 or source >= size or target >= size:
            raise InvalidGradualFramework(f"{kind} ({source}, {target}) names an argument outside 0..{size - 1}")
        sources[target].append(source)
        successors[source].append(target)
    incoming_weights: list[list[float] | None] = [None] * size
    if any(weight != 1.0 for weight in weights):
        per_target: list[list[float]] = [[] for _ in range(size)]
        for (_, target), weight in zip(pairs, weights):
            per_target[target].append(weight)
        incoming_weights = [list(ws) if ws else None for ws in per_target]
    return sources, incoming_weights


def _undercutters(
    kind: str,
    pairs: tuple[Relation, ...],
    undercutters: Sequence[Sequence[int]] | None,
    incoming_weights: list[list[float] | None],
    successors: list[list[int]],
    dependencies: list[int] | None,
) -> list[list[tuple[int, ...]] | None]:
    """Per target, the undercutters of each incoming relation (in the order of ``_incoming``'s
    lists), or None for a target with no undercut relation. A target with one gets a weight list
    (its weights are recomputed from them); each undercutter becomes a predecessor of the target."""
    size = len(successors)
    per_target: list[list[tuple[int, ...]] | None] = [None] * size
    if not undercutters:
        return per_target
    if len(undercutters) != len(pairs):
        raise InvalidGradualFramework(f"{len(undercutters)} {kind} undercutter lists for {len(pairs)} {kind}s")
    incoming: list[list[tuple[int, ...]]] = [[] for _ in range(size)]
    for (_, target), cutters in zip(pairs, undercutters):
        cutters = tuple(cutters)
        for cutter in cutters:
            if cutter < 0 or cutter >= size:
                raise InvalidGradualFramework(f"an undercutter of {kind} names {cutter}, outside 0..{size - 1}")
            successors[cutter].append(target)
            dependencies[target] += 1  # type: ignore[index]  # set whenever undercutters are
        incoming[target].append(cutters)
    for target, cutters in enumerate(incoming):
        if any(cutters):
            per_target[target] = cutters
            if incoming_weights[target] is None:
                incoming_weights[target] = [1.0] * len(cutters)
    return per_target


@dataclass(frozen=True)
class GradualResult:
    """Strengths of all arguments, by index. Computed in one topological pass (an acyclic
    framework), the result is exact: ``iterations == 1``, ``residual == 0``. Otherwise
    ``iterations`` counts the evaluations of ``f`` over all arguments (when converged, the last
    one is the check that passed), ``converged`` says whether the residual ``max |f(s) - s|``
    fell below the tolerance, and ``residual`` is its last value. ``acyclic`` says whether the
    framework has no cycle, whichever way it was computed."""

    semantics: str
    strengths: tuple[float, ...]
    converged: bool
    iterations: int
    acyclic: bool
    residual: float


# f_i(s): the strength of argument i given the strengths s of all arguments.
Update = Callable[[int, Sequence[float]], float]


def undercut_weight(semantics: str, undercutter_strengths: Iterable[float],
                    weight: float = 1.0) -> float:
    """The weight a relation of given ``weight`` counts with when undercutters of these strengths
    deny it: the relation read as an argument of base score ``weight`` that they attack."""
    return formula_of(semantics).undercut(weight, list(undercutter_strengths))


def _cuts(framework: QuantitativeFramework) -> tuple[list, list]:
    """The per-target undercutter lists, all None for a framework built without undercuts."""
    size = len(framework)
    return (framework.attack_undercutters or [None] * size, framework.support_undercutters or [None] * size)


def _update(framework: QuantitativeFramework, formula: GradualFormula) -> Update:
    bases = framework.base_scores
    attackers, attacker_weights = framework.attackers, framework.attacker_weights
    supporters, supporter_weights = framework.supporters, framework.supporter_weights
    attack_cuts, support_cuts = _cuts(framework)
    aggregate, strength, undercut = formula.aggregate, formula.strength, formula.undercut

    def cut(weights: list[float], cuts: list[tuple[int, ...]], strengths: Sequence[float]) -> list[float]:
        """Each relation's weight once its undercutters (of the current strengths) have acted."""
        return [undercut(weight, [strengths[c] for c in relation_cuts]) if relation_cuts else weight
                for weight, relation_cuts in zip(weights, cuts)]

    # This runs once per argument (per iteration on cycles): most of the engine time.
    def update(i: int, strengths: Sequence[float]) -> float:
        sources = attackers[i]
        if sources:
            weights = attacker_weights[i]
            if weights is not None and (cuts := attack_cuts[i]) is not None:
                weights = cut(weights, cuts, strengths)
            attack = aggregate(sources, strengths, weights)
        else:
            attack = 0.0
        sources = supporters[i]
        if sources:
            weights = supporter_weights[i]
            if weights is not None and (cuts := support_cuts[i]) is not None:
                weights = cut(weights, cuts, strengths)
            support = aggregate(sources, strengths, weights)
        else:
            support = 0.0
        return strength(bases[i], attack, support, choose)

    return update


def gradual_strengths(
    framework: QuantitativeFramework,
    semantics: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
    step: float = DEFAULT_STEP,
    always_iterate: bool = False,
) -> GradualResult:
    """The strengths under the gradual ``semantics`` (a name in the registry): exact in one topological pass when
    the framework is acyclic, else by the iteration described in the module documentation.
    ``step`` is a continuous semantics' Euler step in (0, 1]; ``always_iterate`` uses the iteration even on an
    acyclic framework (to compare both, in tests)."""
    formula = formula_of(semantics)
    update = _update(framework, formula)
    if not 0.0 < step <= 1.0:
        raise ValueError(f"step must be in (0, 1], not {step}")
    if not tolerance > 0.0:
        raise ValueError(f"tolerance must be positive, not {tolerance}")
    if max_iterations < 1:
        raise ValueError(f"max_iterations must be at least 1, not {max_iterations}")

    order = framework.topological_order()
    if order is not None and not always_iterate:
        strengths = list(framework.base_scores)
        for i in order:  # every source is final when its target is computed
            strengths[i] = update(i, strengths)
        return GradualResult(semantics, tuple(strengths), True, 1, True, 0.0)

    euler_step = step if formula.continuous else 1.0
    return _iterate(framework, semantics, update, tolerance, max_iterations, euler_step, order is not None)


def _iterate(
    framework: QuantitativeFramework,
    semantics: str,
    update: Update,
    tolerance: float,
    max_iterations: int,
    step: float,
    acyclic: bool,
) -> GradualResult:
    strengths = list(framework.base_scores)
    indices = range(len(strengths))
    residual = 0.0
    for iteration in range(1, max_iterations + 1):
        targets = [update(i, strengths) for i in indices]  # all at once, from the same s
        residual = max((abs(t - s) for t, s in zip(targets, strengths)), default=0.0)
        if residual < tolerance:
            return GradualResult(semantics, tuple(strengths), True, iteration, acyclic, residual)
        if step == 1.0:
            strengths = targets
        else:
            strengths = [s + step * (t - s) for s, t in zip(strengths, targets)]
    return GradualResult(semantics, tuple(strengths), False, max_iterations, acyclic, residual)
