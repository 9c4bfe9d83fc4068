"""What a gradual semantics is: the formula of its update, written once, read by both engines.

A gradual semantics computes an argument's strength from its base score and the strengths of its
attackers and supporters, in three steps: each kind of incoming relation is *aggregated* (the
sources' strengths, each scaled by its relation's weight), the two aggregates are turned into a
*strength*, and an undercut relation's weight is what its undercutters leave of it (*undercut*).
A :class:`GradualFormula` writes these steps once, in terms of a few :class:`Arithmetic`
operations: :mod:`.gradual`'s solver runs them on floats (:data:`SCALAR`), :mod:`.batch`'s engine
on NumPy arrays, one column per variant of the framework. Each engine keeps its own order of
operations in :class:`Arithmetic`, so the strengths it computes are those it always computed.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from typing import Any

# A float (the solver) or an array of columns (the batch engine); a sequence of such values is a
# list of floats or an array whose rows are the relations.
Value = Any
Values = Any


class Arithmetic:
    """The operations a formula needs, on floats: each over the values of one argument's
    relations (a list), and a choice between two values."""

    @staticmethod
    def complement(values: Values) -> Values:
        """``1 - v`` for each value."""
        return [1.0 - v for v in values]

    @staticmethod
    def product(values: Values, start: Value | None = None) -> Value:
        """``∏ values`` (``start · ∏ values`` when given), multiplied in the order of the relations."""
        return math.prod(values, start=1.0 if start is None else start)

    @staticmethod
    def total(values: Values) -> Value:
        return sum(values)

    @staticmethod
    def choose(condition: Value, if_true: Value, if_false: Value) -> Value:
        return if_true if condition else if_false


SCALAR = Arithmetic()


# Each registered gradual semantics' formula by name, for the engines: the registry fills it
# (:func:`argmap.evaluate.registry.register`), one line per semantics, and nothing else writes it.
FORMULAS: dict[str, GradualFormula] = {}


def formula_of(semantics: str) -> GradualFormula:
    """The formula of a gradual semantics, by its registered name."""
    try:
        return FORMULAS[semantics]
    except KeyError:
        raise ValueError(f"unknown gradual semantics {semantics!r}; expected one of {tuple(FORMULAS)}") from None


class GradualFormula(ABC):
    """One gradual semantics' update (see :mod:`.gradual` for what the engines do with it)."""

    # The engines' iteration on a cycle: s ← s + step·(f(s) - s) (a continuous model, integrated
    # by Euler steps), or s ← f(s) (a discrete one).
    continuous: bool = False

    @abstractmethod
    def aggregate(self, values: Values, ops: Arithmetic) -> Value:
        """The aggregate of one kind of relation into an argument, from its sources' weighted
        strengths (none: the aggregate is 0)."""

    @abstractmethod
    def join(self, first: Value, second: Value) -> Value:
        """The aggregate of two disjoint sets of relations, from the aggregate of each: the
        batch engine aggregates what flows into a cycle once, and the cycle's own relations at
        every step."""

    @abstractmethod
    def strength(self, base: Value, attack: Value, support: Value, ops: Arithmetic) -> Value:
        """An argument's strength from its base score and its two aggregates."""

    @abstractmethod
    def undercut(self, weight: Value, undercutter_strengths: Values, ops: Arithmetic) -> Value:
        """The weight a relation of given ``weight`` counts with when undercutters of these
        strengths deny it: the relation read as an argument of base score ``weight`` that they
        attack. An undercutter of strength 0 leaves it whole."""
