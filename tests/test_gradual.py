"""Gradual semantics (DF-QuAD, quadratic energy): hand-computed examples, the iteration on
cycles and its non-convergence report, relation weights, and properties on random frameworks."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import argmap.evaluate.registry  # noqa: F401 - fills the table of formulas the engines read by name
from argmap.evaluate.gradual import (
    GRADUAL_SEMANTICS,
    InvalidGradualFramework,
    QuantitativeFramework,
    gradual_strengths,
)


def quadratic_influence(energy: float) -> float:
    """h(E) = max(E, 0)² / (1 + max(E, 0)²), written out again for the expected values."""
    positive = max(energy, 0.0)
    return positive**2 / (1 + positive**2)


# --- hand-computed examples -------------------------------------------------------------------

# A chain: 0 attacks 1, 1 attacks 2; base scores 0.8, 0.6, 0.5.
CHAIN = QuantitativeFramework.build([0.8, 0.6, 0.5], attacks=[(0, 1), (1, 2)])


def test_dfquad_chain_of_attacks() -> None:
    result = gradual_strengths(CHAIN, "dfquad")
    # 0: no relations, keeps 0.8.
    # 1: va = 1 - (1 - 0.8) = 0.8, vs = 0; va >= vs: 0.6 - 0.6·(0.8 - 0) = 0.12
    # 2: va = 0.12, vs = 0: 0.5 - 0.5·0.12 = 0.44
    assert result.strengths == pytest.approx([0.8, 0.12, 0.44], abs=1e-12)
    assert (result.acyclic, result.converged, result.iterations) == (True, True, 1)


def test_qe_chain_of_attacks() -> None:
    result = gradual_strengths(CHAIN, "qe")
    # 1: E = -0.8; h(0.8) = 0.64 / 1.64 = 0.390244; 0.6 - 0.6·0.390244 = 0.365854
    # 2: E = -0.365854; h(0.365854) = 0.133849 / 1.133849 = 0.118048; 0.5 - 0.5·0.118048 = 0.440976
    middle = 0.6 - 0.6 * (0.64 / 1.64)
    assert middle == pytest.approx(0.365854, abs=1e-6)
    last = 0.5 - 0.5 * quadratic_influence(middle)
    assert result.strengths == pytest.approx([0.8, middle, last], abs=1e-12)
    assert last == pytest.approx(0.440976, abs=1e-6)


# Node 3 (base 0.5) has two attackers, 0 (0.6) and 1 (0.5), and one supporter, 2 (0.4).
TWO_ATTACKERS_ONE_SUPPORTER = QuantitativeFramework.build(
    [0.6, 0.5, 0.4, 0.5], attacks=[(0, 3), (1, 3)], supports=[(2, 3)]
)


def test_dfquad_two_attackers_one_supporter() -> None:
    result = gradual_strengths(TWO_ATTACKERS_ONE_SUPPORTER, "dfquad")
    # va = 1 - (1 - 0.6)(1 - 0.5) = 1 - 0.2 = 0.8; vs = 0.4
    # va >= vs: 0.5 - 0.5·(0.8 - 0.4) = 0.5 - 0.2 = 0.3
    assert result.strengths == pytest.approx([0.6, 0.5, 0.4, 0.3], abs=1e-12)


def test_qe_two_attackers_one_supporter() -> None:
    result = gradual_strengths(TWO_ATTACKERS_ONE_SUPPORTER, "qe")
    # E = 0.4 - (0.6 + 0.5) = -0.7; h(0.7) = 0.49 / 1.49 = 0.328859; h(-0.7) = 0
    # 0.5 - 0.5·0.328859 + 0.5·0 = 0.335570
    assert result.strengths[3] == pytest.approx(0.5 - 0.5 * 0.49 / 1.49, abs=1e-12)
    assert result.strengths[3] == pytest.approx(0.335570, abs=1e-6)


def test_dfquad_supporters_outweighing_an_attacker() -> None:
    framework = QuantitativeFramework.build([0.2, 0.5, 0.5, 0.5], attacks=[(0, 3)], supports=[(1, 3), (2, 3)])
    # va = 0.2; vs = 1 - (1 - 0.5)(1 - 0.5) = 0.75; va < vs: 0.5 + (1 - 0.5)·(0.75 - 0.2) = 0.775
    assert gradual_strengths(framework, "dfquad").strengths[3] == pytest.approx(0.775, abs=1e-12)


def test_qe_supporter_raises_towards_one() -> None:
    framework = QuantitativeFramework.build([1.0, 0.5], supports=[(0, 1)])
    # E = 1; h(1) = 1 / 2; 0.5 - 0.5·h(-1) + (1 - 0.5)·h(1) = 0.5 + 0.25 = 0.75
    assert gradual_strengths(framework, "qe").strengths == pytest.approx([1.0, 0.75], abs=1e-12)


# A cycle: 0 and 1 attack each other, both with base score 0.5.
MUTUAL_ATTACK = QuantitativeFramework.build([0.5, 0.5], attacks=[(0, 1), (1, 0)])


def test_dfquad_cycle_converges_to_the_fixpoint() -> None:
    result = gradual_strengths(MUTUAL_ATTACK, "dfquad", tolerance=1e-12)
    # Symmetric, so both strengths stay equal to some x with x = 0.5 - 0.5·x, i.e. x = 1/3.
    # From 0.5 the discrete iteration gives 0.25, 0.375, 0.3125, …: the error halves each time.
    assert not result.acyclic
    assert result.converged
    assert result.strengths == pytest.approx([1 / 3, 1 / 3], abs=1e-11)
    assert 30 < result.iterations < 50  # 0.5^k·(1/6) under 1e-12 from k ≈ 40
    assert result.residual < 1e-12


def test_qe_cycle_converges_to_the_fixpoint() -> None:
    result = gradual_strengths(MUTUAL_ATTACK, "qe", tolerance=1e-12)
    # Both equal some x with x = 0.5 - 0.5·x²/(1 + x²) = 0.5 / (1 + x²), i.e. x³ + x - 0.5 = 0,
    # whose one real root is x ≈ 0.423854.
    assert result.converged and not result.acyclic
    x = result.strengths[0]
    assert result.strengths[1] == pytest.approx(x, abs=1e-12)
    assert x**3 + x - 0.5 == pytest.approx(0.0, abs=1e-10)
    assert x == pytest.approx(0.423854, abs=1e-6)


def test_dfquad_oscillation_is_reported_as_not_converged() -> None:
    # Base 1 each: f(1, 1) = (1 - 1·1, …) = (0, 0) and f(0, 0) = (1, 1): the discrete iteration
    # oscillates and never meets the tolerance.
    oscillating = QuantitativeFramework.build([1.0, 1.0], attacks=[(0, 1), (1, 0)])
    result = gradual_strengths(oscillating, "dfquad", max_iterations=101)
    assert not result.converged
    assert result.iterations == 101
    assert result.residual == pytest.approx(1.0)
    assert result.strengths in ((0.0, 0.0), (1.0, 1.0))


@pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)
def test_tiny_iteration_cap_is_reported_as_not_converged(semantics: str) -> None:
    result = gradual_strengths(MUTUAL_ATTACK, semantics, max_iterations=2)  # type: ignore[arg-type]
    assert (result.converged, result.iterations) == (False, 2)
    assert result.residual > 1e-3


def test_self_attack_is_a_cycle() -> None:
    framework = QuantitativeFramework.build([0.5], attacks=[(0, 0)])
    assert framework.topological_order() is None
    result = gradual_strengths(framework, "dfquad", tolerance=1e-12)
    # x = 0.5 - 0.5·x, so x = 1/3
    assert result.converged and result.strengths[0] == pytest.approx(1 / 3, abs=1e-11)


# --- relation weights (the undercut hook) -----------------------------------------------------


@pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)
def test_weight_zero_removes_the_relation_and_weight_one_is_the_plain_relation(semantics: str) -> None:
    bases = [0.6, 0.5, 0.4, 0.5]
    plain = gradual_strengths(TWO_ATTACKERS_ONE_SUPPORTER, semantics)  # type: ignore[arg-type]
    ones = QuantitativeFramework.build(bases, [(0, 3), (1, 3)], [(2, 3)], [1.0, 1.0], [1.0])
    assert gradual_strengths(ones, semantics).strengths == plain.strengths  # type: ignore[arg-type]
    without_first_attack = QuantitativeFramework.build(bases, [(1, 3)], [(2, 3)])
    zero = QuantitativeFramework.build(bases, [(0, 3), (1, 3)], [(2, 3)], [0.0, 1.0], [1.0])
    assert gradual_strengths(zero, semantics).strengths == pytest.approx(  # type: ignore[arg-type]
        gradual_strengths(without_first_attack, semantics).strengths, abs=1e-12)  # type: ignore[arg-type]


def test_dfquad_half_weight_halves_the_attackers_contribution() -> None:
    framework = QuantitativeFramework.build([0.8, 0.6], attacks=[(0, 1)], attack_weights=[0.5])
    # va = 1 - (1 - 0.5·0.8) = 0.4; 0.6 - 0.6·0.4 = 0.36
    assert gradual_strengths(framework, "dfquad").strengths[1] == pytest.approx(0.36, abs=1e-12)


def test_qe_half_weight_halves_the_energy() -> None:
    framework = QuantitativeFramework.build([1.0, 0.5], supports=[(0, 1)], support_weights=[0.5])
    # E = 0.5·1 = 0.5; h(0.5) = 0.25 / 1.25 = 0.2; 0.5 + 0.5·0.2 = 0.6
    assert gradual_strengths(framework, "qe").strengths[1] == pytest.approx(0.6, abs=1e-12)


# --- invalid input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"base_scores": [1.5]}, "base score"),
        ({"base_scores": [0.5], "attacks": [(0, 1)]}, "outside"),
        ({"base_scores": [0.5, 0.5], "supports": [(0, 1), (0, 1)]}, "more than once"),
        ({"base_scores": [0.5, 0.5], "attacks": [(0, 1)], "attack_weights": [2.0]}, "weight"),
        ({"base_scores": [0.5, 0.5], "attacks": [(0, 1)], "attack_weights": []}, "weights for"),
    ],
)
def test_invalid_frameworks_are_rejected(arguments: dict, message: str) -> None:
    with pytest.raises(InvalidGradualFramework, match=message):
        QuantitativeFramework.build(**arguments)


def test_unknown_semantics_and_bad_parameters_are_rejected() -> None:
    with pytest.raises(ValueError, match="unknown gradual semantics"):
        gradual_strengths(CHAIN, "grounded")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="step"):
        gradual_strengths(CHAIN, "qe", step=0.0)
    with pytest.raises(ValueError, match="tolerance"):
        gradual_strengths(CHAIN, "dfquad", tolerance=0.0)
    with pytest.raises(ValueError, match="max_iterations"):
        gradual_strengths(CHAIN, "qe", max_iterations=0)


# --- properties on random frameworks ----------------------------------------------------------

scores = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
semantics_names = st.sampled_from(GRADUAL_SEMANTICS)


@st.composite
def frameworks(draw: st.DrawFn, acyclic: bool, max_arguments: int = 8) -> QuantitativeFramework:
    size = draw(st.integers(min_value=1, max_value=max_arguments))
    bases = draw(st.lists(scores, min_size=size, max_size=size))
    # Acyclic: every relation goes from a lower to a higher index.
    pairs = st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)).filter(
        lambda pair: pair[0] < pair[1] or not acyclic)
    attacks = sorted(draw(st.sets(pairs, max_size=2 * size)))
    supports = sorted(draw(st.sets(pairs, max_size=2 * size)))
    weighted = draw(st.booleans())
    attack_weights = draw(st.lists(scores, min_size=len(attacks), max_size=len(attacks))) if weighted else None
    support_weights = draw(st.lists(scores, min_size=len(supports), max_size=len(supports))) if weighted else None
    return QuantitativeFramework.build(bases, attacks, supports, attack_weights, support_weights)


@settings(max_examples=150, deadline=None)
@given(frameworks(acyclic=False), semantics_names)
def test_strengths_stay_within_zero_and_one(framework: QuantitativeFramework, semantics: str) -> None:
    result = gradual_strengths(framework, semantics, max_iterations=300)  # type: ignore[arg-type]
    assert len(result.strengths) == len(framework)
    assert all(0.0 <= strength <= 1.0 for strength in result.strengths)


@settings(max_examples=150, deadline=None)
@given(frameworks(acyclic=False), semantics_names)
def test_argument_without_attackers_or_supporters_keeps_its_base_score(
    framework: QuantitativeFramework, semantics: str
) -> None:
    result = gradual_strengths(framework, semantics, max_iterations=300)  # type: ignore[arg-type]
    for i, base in enumerate(framework.base_scores):
        if not framework.attackers[i] and not framework.supporters[i]:
            assert result.strengths[i] == base


def with_extra_relation(framework: QuantitativeFramework, kind: str, pair: tuple[int, int]) -> QuantitativeFramework:
    attacks, supports = list(framework.attacks), list(framework.supports)
    attack_weights, support_weights = list(framework.attack_weights), list(framework.support_weights)
    if kind == "attack":
        attacks.append(pair)
        attack_weights.append(1.0)
    else:
        supports.append(pair)
        support_weights.append(1.0)
    return QuantitativeFramework.build(framework.base_scores, attacks, supports, attack_weights, support_weights)


@st.composite
def acyclic_with_new_relation(draw: st.DrawFn, kind: str) -> tuple[QuantitativeFramework, tuple[int, int]]:
    framework = draw(frameworks(acyclic=True).filter(lambda fw: len(fw) >= 2))
    existing = set(framework.attacks if kind == "attack" else framework.supports)
    candidates = [(s, t) for t in range(len(framework)) for s in range(t) if (s, t) not in existing]
    assume(candidates)  # when every forward pair is taken, hypothesis draws another framework
    return framework, draw(st.sampled_from(candidates))


@settings(max_examples=200, deadline=None)
@given(acyclic_with_new_relation("support"), semantics_names)
def test_adding_a_supporter_never_lowers_the_target(drawn: tuple, semantics: str) -> None:
    framework, (source, target) = drawn
    before = gradual_strengths(framework, semantics).strengths[target]  # type: ignore[arg-type]
    after = gradual_strengths(with_extra_relation(framework, "support", (source, target)), semantics)  # type: ignore[arg-type]
    assert after.strengths[target] >= before - 1e-12


@settings(max_examples=200, deadline=None)
@given(acyclic_with_new_relation("attack"), semantics_names)
def test_adding_an_attacker_never_raises_the_target(drawn: tuple, semantics: str) -> None:
    framework, (source, target) = drawn
    before = gradual_strengths(framework, semantics).strengths[target]  # type: ignore[arg-type]
    after = gradual_strengths(with_extra_relation(framework, "attack", (source, target)), semantics)  # type: ignore[arg-type]
    assert after.strengths[target] <= before + 1e-12


@settings(max_examples=100, deadline=None)
@given(frameworks(acyclic=True), semantics_names)
def test_acyclic_one_pass_equals_the_iterations_fixpoint(framework: QuantitativeFramework, semantics: str) -> None:
    exact = gradual_strengths(framework, semantics)  # type: ignore[arg-type]
    iterated = gradual_strengths(framework, semantics, tolerance=1e-12, always_iterate=True)  # type: ignore[arg-type]
    assert exact.acyclic and exact.iterations == 1
    assert iterated.converged
    assert iterated.strengths == pytest.approx(exact.strengths, abs=1e-9)
