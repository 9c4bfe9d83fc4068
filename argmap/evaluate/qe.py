"""Quadratic energy, QE (Potyka, "Continuous Dynamical Systems for Weighted Bipolar
Argumentation", KR 2018): the energy is ``E = Σ supporters' strengths - Σ attackers'
strengths``; with ``h(x) = max(x, 0)² / (1 + max(x, 0)²)``,
``strength = base - base·h(-E) + (1 - base)·h(E)``. An undercut relation of weight ``w₀``
counts with ``w₀ - w₀·h(Σ s(u))``. On cycles, Potyka's continuous model ``ds/dt = f(s) - s``
is integrated by Euler steps."""

from __future__ import annotations

from collections.abc import Sequence

from .formula import Choose, GradualFormula, Value, Values


class QuadraticEnergy(GradualFormula):
    continuous = True

    def aggregate(self, sources: Sequence[int], strengths: Values, weights: Values | None) -> Value:
        # sum() adds floats, or arrays row by row, in the order of the relations
        if weights is None:
            return sum([strengths[source] for source in sources])
        return sum([weight * strengths[source] for source, weight in zip(sources, weights)])

    def join(self, first: Value, second: Value) -> Value:
        return first + second

    def strength(self, base: Value, attack: Value, support: Value, choose: Choose) -> Value:
        # base - base·h(-E) + (1 - base)·h(E): at most one of h(-E), h(E) is non-zero
        energy = support - attack
        square = energy * energy
        return base + choose(energy >= 0.0, 1.0 - base, -base) * square / (1.0 + square)

    def undercut(self, weight: Value, undercutter_strengths: Values) -> Value:
        square = sum(undercutter_strengths) ** 2
        return weight - weight * square / (1.0 + square)


QE = QuadraticEnergy()
