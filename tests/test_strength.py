"""Maps as quantitative frameworks: base scores, undercuts in the engine, and the properties of
gradual strength on generated maps (bounds, monotonicity, undercuts never helping their target)."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.evaluate.registry  # noqa: F401 - fills the table of formulas the engines read by name
from argmap.evaluate.gradual import InvalidGradualFramework, QuantitativeFramework, gradual_strengths
from argmap.evaluate.strength import EVIDENCE_LIFT, NEUTRAL_BASE_SCORE, RELIABILITY_CREDIT, base_score, map_strengths
from argmap.core.model import ArgMap, Node, Source
from argmap.core.vocabulary import GRADUAL_SEMANTICS, RELIABILITIES
from conftest import REPO


def h(x: float) -> float:
    """Potyka's h: max(x, 0)² / (1 + max(x, 0)²)."""
    x = max(x, 0.0)
    return x * x / (1 + x * x)


# --- undercuts in the engine -----------------------------------------------------------------


def test_dfquad_undercut_scales_the_attack_by_one_minus_the_undercutter() -> None:
    # 0 attacks 1; 2 undercuts that attack. Bases 0.6, 0.8, 0.25.
    framework = QuantitativeFramework.build([0.6, 0.8, 0.25], attacks=[(0, 1)], attack_undercutters=[[2]])
    strengths = gradual_strengths(framework, "dfquad").strengths
    weight = 1 - 0.25
    assert strengths[1] == pytest.approx(0.8 - 0.8 * weight * 0.6)


def test_qe_undercut_scales_the_support_by_one_minus_h_of_the_undercutters() -> None:
    # 0 supports 1; 2 and 3 undercut the support.
    framework = QuantitativeFramework.build([0.7, 0.4, 0.5, 0.3], supports=[(0, 1)], support_undercutters=[[2, 3]])
    strengths = gradual_strengths(framework, "qe").strengths
    weight = 1 - h(0.5 + 0.3)
    assert strengths[1] == pytest.approx(0.4 + 0.6 * h(weight * 0.7))


def test_a_given_weight_is_the_relation_base_score_under_its_undercutters() -> None:
    framework = QuantitativeFramework.build([0.6, 0.8, 0.5], attacks=[(0, 1)], attack_weights=[0.5],
                                            attack_undercutters=[[2]])
    assert gradual_strengths(framework, "dfquad").strengths[1] == pytest.approx(0.8 - 0.8 * (0.5 * 0.5 * 0.6))


def test_undercutters_come_before_the_target_in_the_topological_order() -> None:
    # the undercutter 3 is itself attacked by 2, and is last in index order
    framework = QuantitativeFramework.build([0.9, 0.8, 0.5, 0.7], attacks=[(0, 1), (2, 3)],
                                            attack_undercutters=[[3], []])
    order = framework.topological_order()
    assert order.index(3) < order.index(1) and order.index(2) < order.index(3)
    for semantics in GRADUAL_SEMANTICS:
        exact = gradual_strengths(framework, semantics).strengths
        iterated = gradual_strengths(framework, semantics, always_iterate=True).strengths
        assert exact == pytest.approx(iterated, abs=1e-7)


def test_a_cycle_through_an_undercut_is_iterated_and_converges() -> None:
    # 1 attacks 0 and 0 undercuts that very attack: no topological order
    framework = QuantitativeFramework.build([0.5, 0.6], attacks=[(1, 0)], attack_undercutters=[[0]])
    assert framework.topological_order() is None
    result = gradual_strengths(framework, "dfquad")
    assert result.converged and not result.acyclic
    s0, s1 = result.strengths
    assert s0 == pytest.approx(0.5 - 0.5 * (1 - s0) * s1, abs=1e-8)


def test_undercutter_lists_are_validated() -> None:
    with pytest.raises(InvalidGradualFramework, match="undercutter lists"):
        QuantitativeFramework.build([0.5, 0.5], attacks=[(0, 1)], attack_undercutters=[[], []])
    with pytest.raises(InvalidGradualFramework, match="outside"):
        QuantitativeFramework.build([0.5, 0.5], attacks=[(0, 1)], attack_undercutters=[[7]])


# --- base scores -------------------------------------------------------------------------------


def node(**fields) -> Node:
    return Node.model_validate({"type": "claim", "text": "A claim.", **fields})


def evidence(*source_ids: str) -> list[dict]:
    return [{"source": s, "quote": f"a quote from {s}"} for s in source_ids]


def registry(**reliabilities: str) -> dict[str, Source]:
    return {sid: Source.model_validate({"file": f"{sid}.txt", "title": sid, "reliability": r})
            for sid, r in reliabilities.items()}


def test_weight_is_the_base_score_whatever_the_evidence() -> None:
    sources = registry(a="peer-reviewed")
    assert base_score(node(weight=0.3, evidence=evidence("a")), sources) == (0.3, "weight")


def test_a_node_without_evidence_has_the_neutral_base_score() -> None:
    assert base_score(node(analytic=True), {}) == (NEUTRAL_BASE_SCORE, "neutral")


def test_evidence_combines_independent_sources_with_diminishing_returns_below_one() -> None:
    sources = registry(a="news", b="news", c="news", d="peer-reviewed", e="peer-reviewed")
    one = base_score(node(evidence=evidence("a")), sources)[0]
    two = base_score(node(evidence=evidence("a", "b")), sources)[0]
    three = base_score(node(evidence=evidence("a", "b", "c")), sources)[0]
    assert one == pytest.approx(0.5 + 0.2 * 0.5)  # the neutral score, lifted by at most EVIDENCE_LIFT
    assert one < two < three < 1
    assert two - one > three - two  # each further source adds less
    # the same source quoted twice is one source
    assert base_score(node(evidence=evidence("a", "a")), sources)[0] == one
    assert base_score(node(evidence=evidence("d", "e")), sources)[0] == pytest.approx(0.5 + 0.2 * (1 - 0.2 * 0.2))


def test_disputed_evidence_adds_no_credit() -> None:
    sources = registry(a="peer-reviewed", b="news")
    disputed = {"source": "a", "quote": "a quote", "disputed": "the source misdates it"}
    assert base_score(node(evidence=[disputed]), sources)[0] == 0.5
    both = base_score(node(evidence=[disputed, *evidence("b")]), sources)[0]
    assert both == base_score(node(evidence=evidence("b")), sources)[0]


def test_credit_follows_reliability_and_unregistered_sources_count_as_unknown() -> None:
    sources = registry(**{r: r for r in RELIABILITIES})
    scores = [base_score(node(evidence=evidence(r)), sources)[0] for r in RELIABILITIES]
    assert scores == sorted(scores, reverse=True)  # RELIABILITIES run from most to least reliable
    assert base_score(node(evidence=evidence("nowhere")), sources)[0] == scores[RELIABILITIES.index("unknown")]


def test_the_documented_base_score_table_is_the_code_table() -> None:
    page = (REPO / "docs" / "commands" / "eval.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| ([a-z-]+) \| ([0-9.]+) \|$", page, re.MULTILINE))
    assert {r: float(c) for r, c in rows.items()} == RELIABILITY_CREDIT
    assert set(RELIABILITY_CREDIT) == set(RELIABILITIES)
    assert f"neutral base score **{NEUTRAL_BASE_SCORE}**" in page
    assert f"by at most **{EVIDENCE_LIFT}**" in page


# --- properties on generated maps ------------------------------------------------------------


@st.composite
def acyclic_maps(draw: st.DrawFn) -> dict:
    """A map's data: nodes n0..nk, each pointing only at earlier nodes (so acyclic), with
    random weights (or none), relations and undercuts of existing relations."""
    size = draw(st.integers(min_value=1, max_value=9))
    nodes: dict[str, dict] = {"n0": {"type": "thesis", "side": "pro", "text": "T", "analytic": True}}
    relations: list[tuple[str, str]] = []
    for i in range(1, size):
        targets = [f"n{j}" for j in range(i)]
        supports = draw(st.lists(st.sampled_from(targets), unique=True, max_size=2))
        attacks = draw(st.lists(st.sampled_from([t for t in targets if t not in supports] or targets),
                                unique=True, max_size=2))
        attacks = [t for t in attacks if t not in supports]
        data: dict = {"type": "claim", "text": f"C{i}", "supports": supports, "attacks": attacks, "analytic": True}
        weight = draw(st.one_of(st.none(), st.floats(min_value=0, max_value=1)))
        if weight is not None:
            data["weight"] = weight
        undercut = [r for r in relations if r[1] != f"n{i}"]
        if undercut and draw(st.booleans()):
            source, target = draw(st.sampled_from(undercut))
            data["undercuts"] = [{"from": source, "to": target}]
        nodes[f"n{i}"] = data
        relations += [(f"n{i}", t) for t in supports + attacks]
    return nodes


def make_map(nodes: dict) -> ArgMap:
    return ArgMap.model_validate({"argmap": 2, "id": "generated", "title": "G", "question": "Q?",
                                  "sides": {"pro": "P", "con": "C"}, "nodes": nodes})


@settings(max_examples=150, deadline=None)
@given(acyclic_maps(), st.sampled_from(GRADUAL_SEMANTICS))
def test_strengths_are_within_zero_and_one(nodes: dict, semantics: str) -> None:
    result = map_strengths(make_map(nodes), semantics)
    assert result.acyclic and result.converged
    assert all(0.0 <= s <= 1.0 and not math.isnan(s) for s in result.strengths.values())


@settings(max_examples=150, deadline=None)
@given(acyclic_maps(), st.sampled_from(GRADUAL_SEMANTICS), st.data())
def test_adding_a_supporter_never_lowers_a_strength(nodes: dict, semantics: str, data: st.DataObject) -> None:
    target = data.draw(st.sampled_from(sorted(nodes)))
    weight = data.draw(st.floats(min_value=0, max_value=1))
    before = map_strengths(make_map(nodes), semantics).strengths
    extended = {**nodes, "extra": {"type": "claim", "text": "E", "supports": [target], "weight": weight, "analytic": True}}
    after = map_strengths(make_map(extended), semantics).strengths
    assert after[target] >= before[target] - 1e-12


@settings(max_examples=150, deadline=None)
@given(acyclic_maps(), st.sampled_from(GRADUAL_SEMANTICS), st.data())
def test_adding_an_attacker_never_raises_a_strength(nodes: dict, semantics: str, data: st.DataObject) -> None:
    target = data.draw(st.sampled_from(sorted(nodes)))
    before = map_strengths(make_map(nodes), semantics).strengths
    extended = {**nodes, "extra": {"type": "claim", "text": "E", "attacks": [target], "analytic": True}}
    after = map_strengths(make_map(extended), semantics).strengths
    assert after[target] <= before[target] + 1e-12


@settings(max_examples=150, deadline=None)
@given(acyclic_maps(), st.sampled_from(GRADUAL_SEMANTICS), st.data())
def test_an_undercut_never_helps_the_target_of_the_relation_it_denies(nodes: dict, semantics: str,
                                                                      data: st.DataObject) -> None:
    relations = [(source, target, kind) for source, n in nodes.items()
                 for kind in ("supports", "attacks") for target in n.get(kind, [])]
    if not relations:
        return
    source, target, kind = data.draw(st.sampled_from(relations))
    weight = data.draw(st.floats(min_value=0, max_value=1))
    before = map_strengths(make_map(nodes), semantics).strengths
    extended = {**nodes, "extra": {"type": "claim", "text": "E", "weight": weight, "analytic": True,
                                   "undercuts": [{"from": source, "to": target}]}}
    after = map_strengths(make_map(extended), semantics).strengths
    if kind == "supports":
        assert after[target] <= before[target] + 1e-12
    else:
        assert after[target] >= before[target] - 1e-12


def test_undercuts_of_relations_the_map_lacks_are_skipped() -> None:
    nodes = {
        "t": {"type": "thesis", "side": "pro", "text": "T", "analytic": True},
        "c": {"type": "claim", "text": "C", "supports": ["t"], "weight": 0.7, "analytic": True},
        "o": {"type": "objection", "text": "O", "attacks": ["c"], "weight": 0.4, "analytic": True},
    }
    stray = {"type": "claim", "text": "S", "supports": ["t"], "analytic": True,
             "undercuts": [{"from": "o", "to": "t"}, {"from": "ghost", "to": "c"}]}
    aimed = {**stray, "undercuts": [{"from": "o", "to": "c"}]}
    for semantics in GRADUAL_SEMANTICS:
        without = map_strengths(make_map({**nodes, "s": {**stray, "undercuts": []}}), semantics).strengths
        assert map_strengths(make_map({**nodes, "s": stray}), semantics).strengths == without
        assert map_strengths(make_map({**nodes, "s": aimed}), semantics).strengths["c"] > without["c"]
