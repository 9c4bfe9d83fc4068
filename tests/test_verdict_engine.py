"""The verdict engine's properties, on generated maps: mirror symmetry, monotonicity, no saturation
artefact, weight 0 as no relation; and the batch engine against the one-framework engine."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.core.model import ArgMap
from argmap.evaluate import batch
from argmap.evaluate.batch import BatchEngine
from argmap.evaluate.gradual import QuantitativeFramework, gradual_strengths
from argmap.evaluate.registry import map_verdict
from argmap.evaluate.verdict import CONTESTED_BAND

GRADUAL = ("qe", "dfquad")


def as_map(nodes: dict, **fields) -> ArgMap:
    return ArgMap.model_validate({"argmap": 2, "id": "v", "title": "Verdict", "question": "Q?",
                                  "sides": {"pro": "Yes", "con": "No"}, "nodes": nodes, **fields})


def theses() -> dict:
    return {"tp": {"type": "thesis", "side": "pro", "text": "Yes."},
            "tc": {"type": "thesis", "side": "con", "text": "No."}}


def claim(target: str, weight: float | None = None, relation: str = "supports", base: float | None = None) -> dict:
    entry = target if weight is None else {"to": target, "weight": weight}
    node = {"type": "claim" if relation == "supports" else "objection", "text": "A point.", relation: [entry],
            "analytic": True}
    if base is not None:
        node["weight"] = base
    return node


# A small debate: claims under either thesis, claims under claims, objections to claims; every
# base score and relation weight drawn. Relations point at earlier nodes only: the clash is the
# one cycle.
@st.composite
def debates(draw) -> dict:
    nodes = theses()
    points = draw(st.integers(1, 8))
    for i in range(points):
        targets = list(nodes)
        target = draw(st.sampled_from(targets))
        relation = "supports" if nodes[target]["type"] == "thesis" else draw(st.sampled_from(["supports", "attacks"]))
        weight = draw(st.one_of(st.none(), st.floats(0, 1)))
        base = draw(st.one_of(st.none(), st.floats(0, 1)))
        nodes[f"p{i}"] = claim(target, weight, relation, base)
    return nodes


def mirrored(nodes: dict) -> dict:
    swap = {"pro": "con", "con": "pro"}
    return {node_id: {**node, "side": swap[node["side"]]} if "side" in node else node for node_id, node in nodes.items()}


def margin(nodes: dict, semantics: str) -> float:
    return map_verdict(as_map(nodes), semantics, samples=0).margin


@pytest.mark.parametrize("semantics", GRADUAL)
@settings(max_examples=60, deadline=None)
@given(nodes=debates())
def test_swapping_the_sides_negates_the_margin(semantics, nodes):
    assert margin(mirrored(nodes), semantics) == pytest.approx(-margin(nodes, semantics), abs=1e-5)


@pytest.mark.parametrize("semantics", GRADUAL)
@settings(max_examples=40, deadline=None)
@given(nodes=debates())
def test_a_symmetric_map_is_contested_with_margin_zero(semantics, nodes):
    # each side gets a copy of the other's case: pro's points under tc become con's under tp
    pro_case = {k: v for k, v in nodes.items() if k not in ("tp", "tc")}
    renamed = {}
    for k, v in pro_case.items():
        def rename(entry):
            target = entry if isinstance(entry, str) else entry["to"]
            new = {"tp": "tc", "tc": "tp"}.get(target, f"m-{target}")
            return new if isinstance(entry, str) else {**entry, "to": new}
        renamed[f"m-{k}"] = {**v, **{r: [rename(e) for e in v[r]] for r in ("supports", "attacks") if r in v}}
    verdict = map_verdict(as_map({**nodes, **renamed}), semantics, samples=0)
    assert verdict.margin == pytest.approx(0.0, abs=1e-5)
    assert verdict.leader == "contested"


@pytest.mark.parametrize("semantics", GRADUAL)
@settings(max_examples=60, deadline=None)
@given(nodes=debates(), base=st.floats(0, 1), weight=st.floats(0, 1))
def test_an_unanswered_supporter_never_lowers_its_sides_margin(semantics, nodes, base, weight):
    before = margin(nodes, semantics)
    assert margin({**nodes, "new": claim("tp", weight, base=base)}, semantics) >= before - 1e-6
    assert margin({**nodes, "new": claim("tc", weight, base=base)}, semantics) <= before + 1e-6


@pytest.mark.parametrize("semantics", GRADUAL)
@settings(max_examples=60, deadline=None)
@given(nodes=debates(), base=st.floats(0, 1), weight=st.floats(0, 1))
def test_an_unanswered_attacker_never_raises_the_attacked_sides_margin(semantics, nodes, base, weight):
    before = margin(nodes, semantics)
    on_pro = {**nodes, "new": {**claim("tp", weight, "attacks", base), "type": "objection"}}
    on_con = {**nodes, "new": {**claim("tc", weight, "attacks", base), "type": "objection"}}
    assert margin(on_pro, semantics) <= before + 1e-6
    assert margin(on_con, semantics) >= before - 1e-6


@pytest.mark.parametrize("semantics", GRADUAL)
@pytest.mark.parametrize("count", [1, 2, 3, 5, 10, 30])
def test_equal_unanswered_supporters_on_both_sides_are_contested_for_any_number(semantics, count):
    nodes = theses()
    for i in range(count):
        nodes[f"a{i}"] = claim("tp", base=0.66)
        nodes[f"b{i}"] = claim("tc", base=0.66)
    verdict = map_verdict(as_map(nodes), semantics, samples=0)
    assert verdict.leader == "contested" and verdict.margin == pytest.approx(0.0, abs=1e-6)
    # under QE, the headline semantics, one more on one side leads however many there are; DF-QuAD's
    # probabilistic sum reaches 1 in floating point by 30 such reasons (docs/verdicts.md says so)
    nodes["extra"] = claim("tp", base=0.66)
    if semantics == "qe":
        assert map_verdict(as_map(nodes), semantics, samples=0).leader == "pro"


@pytest.mark.parametrize("semantics", GRADUAL)
@settings(max_examples=60, deadline=None)
@given(nodes=debates())
def test_a_relation_of_weight_zero_is_no_relation(semantics, nodes):
    with_zero = {**nodes, "ghost": claim("tp", 0.0, base=1.0)}
    without = {**nodes, "ghost": {"type": "claim", "text": "A point.", "supports": [], "analytic": True, "weight": 1.0}}
    assert margin(with_zero, semantics) == pytest.approx(margin(without, semantics), abs=1e-6)


def test_compatible_theses_do_not_clash():
    nodes = {**theses(), "a": claim("tp"), "b": claim("tc")}
    clashing = map_verdict(as_map(nodes), "grounded")
    compatible = map_verdict(as_map(nodes, theses="compatible", because="both can be true"), "grounded")
    assert (clashing.pro, clashing.con) == (0.0, 0.0)  # each thesis falls to the other's standing reason
    assert (compatible.pro, compatible.con) == (1.0, 1.0) and compatible.compatible
    assert compatible.leader == "contested"


def test_robustness_is_seeded_and_a_close_verdict_is_fragile():
    nodes = {**theses(), "a": claim("tp", base=0.62), "b": claim("tc", base=0.6)}
    first = map_verdict(as_map(nodes), "qe", samples=400)
    assert first == map_verdict(as_map(nodes), "qe", samples=400)  # the same samples every time
    assert 0.0 <= first.robustness <= 1.0 and first.fragile
    clear = map_verdict(as_map({**nodes, "c": claim("tp", base=0.9), "d": claim("tp", base=0.9)}), "qe", samples=400)
    assert clear.leader == "pro" and clear.robustness >= 0.99 and not clear.fragile


def test_decisive_clashes_rank_what_moves_the_margin_and_say_what_turns_it():
    nodes = {**theses(), "a": claim("tp", base=0.9), "b": claim("tc", base=0.55),
             "minor": claim("tp", 0.1, base=0.55)}
    verdict = map_verdict(as_map(nodes), "qe", samples=0)
    assert verdict.leader == "pro" and verdict.decisive[0].node == "a"
    shifts = [abs(d.shift) for d in verdict.decisive]
    assert shifts == sorted(shifts, reverse=True)
    assert verdict.decisive[0].turns_to in ("con", "contested") and verdict.turning[0].node == "a"
    assert all(d.node != "tp" and d.node != "tc" for d in verdict.decisive)  # the theses are what is judged


def test_a_map_without_a_thesis_on_one_side_has_no_verdict():
    assert map_verdict(as_map({"tp": theses()["tp"], "a": claim("tp")}), "qe") is None


@pytest.mark.parametrize("seed", range(40))
def test_the_batch_engine_finds_the_one_framework_engines_strengths(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 10)
    pairs = list({(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, 16))})
    split = rng.randint(0, len(pairs))
    attacks, supports = pairs[:split], pairs[split:]
    weights = ([rng.random() for _ in attacks], [rng.random() for _ in supports])
    cuts = ([tuple(rng.sample(range(n), rng.randint(0, 1))) for _ in attacks],
            [tuple(rng.sample(range(n), rng.randint(0, 1))) for _ in supports])
    bases = [rng.random() for _ in range(n)]
    framework = QuantitativeFramework.build(bases, attacks, supports, *weights, *cuts)
    for semantics in GRADUAL:
        reference = gradual_strengths(framework, semantics)
        if not reference.converged:
            continue
        columns = lambda values: np.repeat(np.asarray(values, dtype=float).reshape(-1, 1), 3, axis=1)  # noqa: E731
        found, converged = BatchEngine(framework, semantics).strengths(
            columns(bases), columns(weights[0]).reshape(len(attacks), 3), columns(weights[1]).reshape(len(supports), 3))
        if converged:
            assert found[:, 0] == pytest.approx(reference.strengths, abs=1e-4)
            assert (found[:, 0] == found[:, 2]).all()


def test_the_contested_band_is_what_the_leader_reads():
    nodes = {**theses(), "a": claim("tp", base=0.5), "b": claim("tc", base=0.5), "c": claim("tp", 0.02)}
    verdict = map_verdict(as_map(nodes), "qe", samples=0)
    assert abs(verdict.margin) < CONTESTED_BAND and verdict.leader == "contested"


def test_the_engines_table_follows_the_formats_list_of_semantics():
    from argmap.core.model import Expect
    from argmap.core.vocabulary import GRADUAL_SEMANTICS, SEMANTICS_KINDS
    from argmap.evaluate.formula import FORMULAS
    from argmap.evaluate.registry import REGISTRY

    assert {name: e.kind for name, e in REGISTRY.items()} == SEMANTICS_KINDS
    assert list(FORMULAS) == list(GRADUAL_SEMANTICS)  # the engines find each gradual formula by its name
    assert all(e.summary for e in REGISTRY.values())
    # `expect:` has a mapping of pinned strengths for each gradual semantics, and for no other
    assert [f for f in Expect.model_fields if f in SEMANTICS_KINDS] == list(GRADUAL_SEMANTICS)


def layered_framework(rng: random.Random, ranks: int, width: int):
    """An acyclic framework of ``ranks`` layers of up to ``width`` arguments, each argument with
    0-4 attackers and 0-4 supporters from earlier layers: many arguments per rank, with and
    without the same number of incoming relations."""
    layers: list[list[int]] = []
    attacks, supports, size = [], [], 0
    for rank in range(ranks):
        layer = list(range(size, size + rng.randint(1, width)))
        size += len(layer)
        if layers:
            earlier = [i for previous in layers for i in previous]
            for target in layer:
                for pairs in (attacks, supports):
                    for source in rng.sample(earlier, min(len(earlier), rng.randint(0, 4))):
                        pairs.append((source, target))
        layers.append(layer)
    return size, attacks, supports


@pytest.mark.parametrize("block", [None, 8])  # 8 values: a wide rank goes two rows at a time
@pytest.mark.parametrize("seed", range(12))
def test_the_batch_engine_updating_a_rank_at_a_time_gives_each_columns_strengths_to_the_last_bit(seed, block,
                                                                                               monkeypatch):
    # outside cycles, the batch engine updates every argument of a rank together; each column must
    # hold exactly what the one-framework solver computes for that column's scores and weights
    if block:
        monkeypatch.setattr(batch, "BLOCK_VALUES", block)
    rng = random.Random(seed)
    size, attacks, supports = layered_framework(rng, ranks=rng.randint(2, 7), width=12)
    columns = 4
    bases = np.array([[rng.random() for _ in range(columns)] for _ in range(size)])
    attack_weights = np.array([[rng.random() for _ in range(columns)] for _ in attacks]).reshape(len(attacks), columns)
    support_weights = np.array([[rng.random() for _ in range(columns)] for _ in supports]).reshape(len(supports), columns)
    for semantics in GRADUAL:
        framework = QuantitativeFramework.build(bases[:, 0], attacks, supports, attack_weights[:, 0],
                                                support_weights[:, 0])
        found, converged = BatchEngine(framework, semantics).strengths(bases, attack_weights, support_weights)
        assert converged
        for column in range(columns):
            one = QuantitativeFramework.build(bases[:, column], attacks, supports, attack_weights[:, column],
                                              support_weights[:, column])
            assert found[:, column].tolist() == list(gradual_strengths(one, semantics).strengths)
