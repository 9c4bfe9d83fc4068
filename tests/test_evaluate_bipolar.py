"""Supports turned into attacks (supported attacks, Cayrol & Lagasquie-Schiex 2005), and maps
evaluated as frameworks."""

from __future__ import annotations

from argmap.evaluate import Label, SupportRule, evaluate_map
from argmap.evaluate.bipolar import Attack, attack_relation, supported_attacks
from argmap.core.model import ArgMap


def test_a_support_chain_carries_the_attack_of_its_end() -> None:
    derived = supported_attacks({"a": ["b"], "b": ["c"]}, {"c": ["d"]})
    assert set(derived) == {Attack("a", "d", ("b", "c")), Attack("b", "d", ("c",))}


def test_no_secondary_attack_through_what_the_target_supports() -> None:
    # o attacks claim c, which supports thesis t: o does not thereby attack t.
    assert supported_attacks({"c": ["t"]}, {"o": ["c"]}) == []


def test_declared_attacks_are_not_derived_again_and_support_cycles_end() -> None:
    derived = supported_attacks({"a": ["b"], "b": ["a"]}, {"a": ["x"], "b": ["x"]})
    assert derived == []


def test_ignore_keeps_only_declared_attacks() -> None:
    supports, attacks = {"a": ["b"]}, {"b": ["c"]}
    assert attack_relation(supports, attacks, SupportRule.IGNORE) == [Attack("b", "c")]
    assert attack_relation(supports, attacks, SupportRule.DERIVE) == [Attack("b", "c"), Attack("a", "c", ("b",))]


def debate(nodes: dict) -> ArgMap:
    return ArgMap.model_validate(
        {
            "argmap": 1,
            "id": "toy",
            "title": "Toy debate",
            "question": "Does it hold?",
            "sides": {"pro": "It holds", "con": "It does not"},
            "nodes": {
                node_id: {"text": node_id.replace("-", " "), "analytic": True, **node} for node_id, node in nodes.items()
            },
        }
    )


TOY = {
    "thesis": {"type": "thesis", "side": "pro"},
    "claim": {"type": "claim", "supports": ["thesis"]},
    "objection": {"type": "objection", "attacks": ["claim"]},
    "backing": {"type": "claim", "supports": ["objection"]},
    "rebuttal": {"type": "rebuttal", "attacks": ["objection"]},
}


def test_a_rebutted_objection_still_bites_through_its_standing_backing() -> None:
    result = evaluate_map(debate(TOY))
    labels = {node: v.label for node, v in result.verdicts.items()}
    assert labels == {
        "thesis": Label.IN,  # supports do not attack: only direct attacks decide a thesis
        "claim": Label.OUT,  # the backing attacks it through the objection
        "objection": Label.OUT,
        "backing": Label.IN,
        "rebuttal": Label.IN,
    }
    assert result.explain("claim") == "defeated by backing (supported attack: backing backs objection)"


def test_ignoring_supports_reinstates_the_claim() -> None:
    result = evaluate_map(debate(TOY), rule=SupportRule.IGNORE)
    assert result.verdicts["claim"].label is Label.IN
    assert result.explain("claim") == "all attackers fall"


def test_references_to_unknown_nodes_are_skipped() -> None:
    result = evaluate_map(debate({"a": {"type": "objection", "attacks": ["nowhere"]}}))
    assert result.verdicts["a"].label is Label.IN


def test_map_evaluation_under_preferred_semantics() -> None:
    nodes = {
        "x": {"type": "claim", "attacks": ["y"]},
        "y": {"type": "claim", "attacks": ["x"]},
    }
    result = evaluate_map(debate(nodes), semantics="preferred")
    assert {frozenset(e) for e in result.evaluation.extensions} == {frozenset("x"), frozenset("y")}
