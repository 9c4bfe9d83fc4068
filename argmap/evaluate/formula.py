"""What a gradual semantics is: the formula of its update, written once, read by both engines.

A gradual semantics computes an argument's strength from its base score and the strengths of its
attackers and supporters, in three steps: each kind of incoming relation is *aggregated* (the
sources' strengths, each scaled by its relation's weight), the two aggregates are turned into a
*strength*, and an undercut relation's weight is what its undercutters leave of it (*undercut*).
A :class:`GradualFormula` writes these steps once, in arithmetic that floats and NumPy arrays
share: :mod:`.gradual`'s solver runs them on floats, :mod:`.batch`'s engine on arrays of columns
(one per variant of the framework). Strengths are a list of floats, or an array whose rows are
the arguments: ``strengths[i]`` reads either, and so does a loop over relation weights. The one
operation the two do not share, a choice between two values, is the engine's ``choose``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any

# A float (the solver) or an array of columns (the batch engine); a sequence of values is a list
# of floats or an array of rows.
Value = Any
Values = Sequence[Any]
# (condition, if true, if false): a conditional expression on floats, numpy.where on arrays.
Choose = Callable[[Value, Value, Value], Value]


def choose(condition: bool, if_true: float, if_false: float) -> float:
    """The solver's choice between two floats."""
    return if_true if condition else if_false


# Each registered gradual semantics' formula by name, for the engines: the registry fills it
# (:func:`argmap.evaluate.registry.register`), one line per semantics, and nothing else writes it.
FORMULAS: dict[str, GradualFormula] = {}


def formula_of(semantics: str) -> GradualFormula:
    """The formula of a gradual semantics, by its registered name."""
    try:
        return FORMULAS[semantics]
    except KeyError:
        # argmap.evaluate loads lazily: an engine module imported on its own finds the table
        # empty until the registry has loaded
        unfilled = "" if FORMULAS else " (none registered yet: import argmap.evaluate.registry first)"
        raise ValueError(f"unknown gradual semantics {semantics!r}; expected one of {tuple(FORMULAS)}{unfilled}") from None


class GradualFormula(ABC):
    """One gradual semantics' update (see :mod:`.gradual` for what the engines do with it)."""

    # The engines' iteration on a cycle: s ← s + step·(f(s) - s) (a continuous model, integrated
    # by Euler steps), or s ← f(s) (a discrete one).
    continuous: bool = False

    @abstractmethod
    def aggregate(self, sources: Sequence[int], strengths: Values, weights: Values | None) -> Value:
        """The aggregate of one kind of relation into an argument: the strengths of its
        ``sources`` (at least one, in the order of the relations), each counting ``w·v`` with
        its relation's weight (``weights``, parallel to ``sources``; None when all are 1).
        It runs per argument and iteration: one loop, no call per relation. The batch engine
        also aggregates many arguments at once: each of ``sources`` is then an array holding
        the k-th source of each, and each weight a block of rows, so only ``strengths[source]``
        and element-wise arithmetic may be used."""

    @abstractmethod
    def join(self, first: Value, second: Value) -> Value:
        """The aggregate of two disjoint sets of relations, from the aggregate of each: the
        batch engine aggregates what flows into a cycle once, and the cycle's own relations at
        every step."""

    @abstractmethod
    def strength(self, base: Value, attack: Value, support: Value, choose: Choose) -> Value:
        """An argument's strength from its base score and its two aggregates (0 for a kind of
        relation it has none of)."""

    @abstractmethod
    def undercut(self, weight: Value, undercutter_strengths: Values) -> Value:
        """The weight a relation of given ``weight`` counts with when undercutters of these
        strengths deny it: the relation read as an argument of base score ``weight`` that they
        attack. An undercutter of strength 0 leaves it whole."""
