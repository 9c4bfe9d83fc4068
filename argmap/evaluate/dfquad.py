"""DF-QuAD (Rago, Toni, Aurisicchio and Baroni, "Discontinuity-Free Decision Support with
Quantitative Argumentation Debates", KR 2016): attackers' strengths aggregated by the
probabilistic sum ``va = 1 - ∏(1 - v)``, supporters' likewise into ``vs``; then
``strength = base - base·(va - vs)`` when ``va >= vs``, else ``base + (1 - base)·(vs - va)``.
An undercut relation of weight ``w₀`` counts with ``w₀·∏(1 - s(u))``. Its published iteration on
cycles is the discrete one, ``s ← f(s)``."""

from __future__ import annotations

from .formula import Arithmetic, GradualFormula, Value, Values


class DFQuAD(GradualFormula):
    def aggregate(self, values: Values, ops: Arithmetic) -> Value:
        return 1.0 - ops.product(ops.complement(values))

    def join(self, first: Value, second: Value) -> Value:
        return 1.0 - (1.0 - first) * (1.0 - second)

    def strength(self, base: Value, attack: Value, support: Value, ops: Arithmetic) -> Value:
        difference = support - attack
        return ops.choose(difference <= 0.0, base + base * difference, base + (1.0 - base) * difference)

    def undercut(self, weight: Value, undercutter_strengths: Values, ops: Arithmetic) -> Value:
        return ops.product(ops.complement(undercutter_strengths), start=weight)


DFQUAD = DFQuAD()
