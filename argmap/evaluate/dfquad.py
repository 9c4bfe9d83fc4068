"""DF-QuAD (Rago, Toni, Aurisicchio and Baroni, "Discontinuity-Free Decision Support with
Quantitative Argumentation Debates", KR 2016): attackers' strengths aggregated by the
probabilistic sum ``va = 1 - ∏(1 - v)``, supporters' likewise into ``vs``; then
``strength = base - base·(va - vs)`` when ``va >= vs``, else ``base + (1 - base)·(vs - va)``.
An undercut relation of weight ``w₀`` counts with ``w₀·∏(1 - s(u))``. Its published iteration on
cycles is the discrete one, ``s ← f(s)``."""

from __future__ import annotations

from collections.abc import Sequence

from .formula import Choose, GradualFormula, Value, Values


class DFQuAD(GradualFormula):
    def aggregate(self, sources: Sequence[int], strengths: Values, weights: Values | None) -> Value:
        remaining = 1.0
        if weights is None:
            for source in sources:
                remaining = remaining * (1.0 - strengths[source])
        else:
            for source, weight in zip(sources, weights):
                remaining = remaining * (1.0 - weight * strengths[source])
        return 1.0 - remaining

    def join(self, first: Value, second: Value) -> Value:
        return 1.0 - (1.0 - first) * (1.0 - second)

    def strength(self, base: Value, attack: Value, support: Value, choose: Choose) -> Value:
        difference = support - attack  # base - base·(va - vs) is base + base·difference, exactly
        return base + choose(difference <= 0.0, base, 1.0 - base) * difference

    def undercut(self, weight: Value, undercutter_strengths: Values) -> Value:
        for strength in undercutter_strengths:
            weight = weight * (1.0 - strength)
        return weight


DFQUAD = DFQuAD()
