"""Undercuts (`undercuts: [{from: a, to: b}]`): checked at their line and column, evaluated under
Dung's semantics with the relation as an argument of its own, drawn as an edge ending on the
relation, and listed in the brief."""

from __future__ import annotations

import json
import re
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.evaluate import Framework, Label, SupportRule, evaluate, evaluate_map
from argmap.evaluate.bipolar import attack_relation
from argmap.evaluate.mapeval import map_framework
from argmap.render.theme import FADED_EDGE_COLOR
from argmap.core.model import ArgMap
from argmap.usecases.check import check
from conftest import REPO, requires_dot
from render_support import SVG, drawn_edges, groups

HEADER = """\
argmap: 2
id: {map_id}
title: Undercuts
question: Does the inference hold?
lang: en
sides: {{pro: "Yes", con: "No"}}
nodes:
"""

# The example: a supports b, b attacks c, d defeats b; u undercuts a -> b.
WORKED = {
    "t": {"type": "thesis", "side": "pro", "title": "T", "text": "The thesis."},
    "k": {"type": "thesis", "side": "con", "title": "K", "text": "The other thesis."},
    "c": {"type": "claim", "title": "C", "text": "C holds.", "supports": ["t"], "analytic": True},
    "b": {"type": "objection", "title": "B", "text": "B refutes c.", "attacks": ["c"], "analytic": True},
    "a": {"type": "claim", "title": "A", "text": "A shows b.", "supports": ["b", "k"], "analytic": True},
    "d": {"type": "objection", "title": "D", "text": "D refutes b.", "attacks": ["b"], "analytic": True},
    "u": {"type": "objection", "title": "U", "text": "Even if a holds, it does not show b.",
          "undercuts": [{"from": "a", "to": "b"}], "analytic": True},
}
ANSWER = {"r": {"type": "rebuttal", "title": "R", "text": "R answers u.", "attacks": ["u"], "analytic": True}}


def write_map(project: Path, body: str, map_id: str = "uc") -> Path:
    path = project / "maps" / f"{map_id}.yaml"
    path.write_text(HEADER.format(map_id=map_id) + textwrap.indent(textwrap.dedent(body), "  "), encoding="utf-8")
    return path


def found(project: Path, path: Path) -> list[tuple[str, int, int, str]]:
    result = check([path], project / "seeds")
    return [(d.code, d.line, d.column, d.message) for d in result.diagnostics]


def as_map(nodes: dict, map_id: str = "uc") -> ArgMap:
    return ArgMap.model_validate({"argmap": 2, "id": map_id, "title": "Undercuts", "question": "Q?",
                                  "sides": {"pro": "Yes", "con": "No"}, "nodes": nodes})


def labels(argmap: ArgMap, semantics: str = "grounded", rule: SupportRule = SupportRule.DERIVE) -> dict[str, str]:
    return {n: v.label.value for n, v in evaluate_map(argmap, semantics, rule).verdicts.items()}


BASE = """\
t: {type: thesis, side: pro, title: T, text: T}
k: {type: thesis, side: con, title: K, text: K}
a: {type: claim, title: A, text: A, supports: [b, k], analytic: true}
b: {type: objection, title: B, text: B, attacks: [c], analytic: true}
c: {type: claim, title: C, text: C, supports: [t], analytic: true}
"""


# --- checks ----------------------------------------------------------------------------------


def test_an_objection_or_claim_that_only_undercuts_is_valid_and_connected(project):
    path = write_map(project, BASE + """\
u: {type: objection, title: U, text: U, undercuts: [{from: a, to: b}], analytic: true}
w: {type: claim, title: W, text: W, undercuts: [{from: b, to: c}], analytic: true}
""")
    assert found(project, path) == []


def test_unknown_undercuts_are_reported_at_the_entry_with_a_suggestion(project):
    path = write_map(project, BASE + """\
u:
  type: objection
  title: U
  text: U
  undercuts:
    - {from: b, to: a}
    - {from: ax, to: b}
    - {from: a, to: cc}
    - {from: a, to: c}
  analytic: true
""")
    problems = found(project, path)
    # none of u's undercuts names a relation of the map, so u is not connected either
    assert [p[:3] for p in problems] == [("AM312", 13, 3), ("AM319", 18, 9), ("AM319", 19, 16), ("AM319", 20, 23),
                                         ("AM319", 21, 9)]
    problems = problems[1:]
    result = check([path], project / "seeds")
    hints = [d.hints for d in result.diagnostics if d.code == "AM319"]
    assert hints[0] == ("did you mean {from: a, to: b}? 'a' is the one pointing at 'b'",)
    assert hints[1] == ("did you mean 'a'?",)
    assert problems[2][3] == "node 'u' undercuts 'a -> cc', but 'cc' is not a node of this map"
    assert problems[3][3] == "node 'u' undercuts 'a -> c', but 'a' neither supports nor attacks 'c'"
    assert hints[3] == ("the relations of 'a': {from: a, to: b}, {from: a, to: k}",
                        "the relations into 'c': {from: b, to: c}")  # the one meant is often among them


def test_a_node_undercutting_its_own_relation_or_one_aimed_at_it_is_an_error(project):
    path = write_map(project, BASE + """\
o: {type: objection, title: O, text: O, attacks: [a], undercuts: [{from: o, to: a}], analytic: true}
p: {type: objection, title: P, text: P, attacks: [q], analytic: true}
q: {type: claim, title: Q, text: Q, supports: [c], undercuts: [{from: p, to: q}], analytic: true}
""")
    problems = found(project, path)
    assert [p[:3] for p in problems] == [("AM322", 13, 69), ("AM322", 15, 66)]
    assert problems[0][3] == "node 'o' undercuts 'o -> a', its own relation"
    assert problems[1][3] == "node 'q' undercuts 'p -> q', a relation aimed at itself"


def test_repeated_undercuts_thesis_undercuts_and_rebuttal_targets(project):
    path = write_map(project, BASE + """\
u: {type: objection, title: U, text: U, undercuts: [{from: a, to: b}, {from: a, to: b}], analytic: true}
r: {type: rebuttal, title: R, text: R, undercuts: [{from: c, to: t}], analytic: true}
s: {type: rebuttal, title: S, text: S, undercuts: [{from: b, to: c}], analytic: true}
t2: {type: thesis, side: pro, title: T2, text: T2, undercuts: [{from: a, to: b}]}
""")
    problems = found(project, path)
    codes = [(code, line, column) for code, line, column, _ in problems]
    assert ("AM316", 13, 73) in codes
    assert ("AM305", 14, 54) in codes
    assert ("AM303", 16, 54) in codes
    assert not any(line == 15 for _, line, _ in codes)  # a rebuttal may undercut an objection's attack
    messages = {code: message for code, _, _, message in problems}
    assert messages["AM316"] == "node 'u' undercuts 'a -> b' more than once"
    assert messages["AM303"] == "thesis 't2' undercuts other relations; a thesis points at nothing"


def test_the_undercutter_takes_the_side_opposite_to_the_relation_source(project):
    # a is con (it backs the objection b): its undercutter is pro
    path = write_map(project, BASE + """\
u: {type: objection, side: con, title: U, text: U, undercuts: [{from: a, to: b}], analytic: true}
""")
    assert found(project, path) == [
        ("AM308", 13, 30, "node 'u' says side con, but it undercuts 'a -> b', which makes it pro")]


def test_an_undercutter_of_a_relation_both_sides_use_is_on_both_sides(project):
    path = write_map(project, BASE + """\
e: {type: objection, title: E, text: E, attacks: [c], analytic: true}
u: {type: objection, title: U, text: U, undercuts: [{from: a, to: b}, {from: c, to: t}], analytic: true}
""")
    ((code, line, column, message),) = found(project, path)
    assert (code, line, column) == ("AM308", 14, 3)
    assert "undercuts 'a -> b' makes it pro" in message and "undercuts 'c -> t' makes it con" in message


def test_a_version_1_map_with_no_undercuts_checks_as_before(project):
    path = project / "maps" / "old.yaml"
    path.write_text(HEADER.format(map_id="old").replace("argmap: 2", "argmap: 1")
                    + textwrap.indent("t: {type: thesis, side: pro, text: T}\nk: {type: thesis, side: con, text: K}\n"
                                      "c: {type: claim, text: C, supports: [t], analytic: true}\n"
                                      "o: {type: objection, text: O, attacks: [c], analytic: true}\n"
                                      "p: {type: claim, text: P, supports: [k], analytic: true}\n", "  "))
    assert found(project, path) == []


# --- evaluation ------------------------------------------------------------------------------


@pytest.mark.parametrize("semantics", ["grounded", "preferred", "stable"])
def test_the_worked_example_c_stands_with_the_undercut_and_falls_when_it_is_answered(semantics):
    without = {n: node for n, node in WORKED.items() if n != "u"}
    assert labels(as_map(without), semantics)["c"] == "OUT"  # a attacks c through b (supported attack)
    undercut = labels(as_map(WORKED), semantics)
    # the theses clash: c backs t against k and a backs k against t, both standing, so both theses fall
    assert undercut == {"t": "OUT", "k": "OUT", "c": "IN", "b": "OUT", "a": "IN", "d": "IN", "u": "IN"}
    answered = labels(as_map(WORKED | ANSWER), semantics)
    # once c falls, only k keeps a standing reason: k stands, t falls
    assert answered == {"t": "OUT", "k": "IN", "c": "OUT", "b": "OUT", "a": "IN", "d": "IN", "u": "OUT", "r": "IN"}


def test_the_relation_has_a_status_and_auxiliary_arguments_never_show():
    result = evaluate_map(as_map(WORKED))
    ((relation),) = result.undercut_relations
    assert (relation.source, relation.target, relation.undercutters, relation.status) == ("a", "b", ("u",), "falls")
    assert result.relation_status("a", "b") is relation and result.relation_status("b", "c") is None
    assert set(result.verdicts) == set(WORKED)
    assert all(set(extension) <= set(WORKED) for extension in result.evaluation.extensions)
    assert result.explain("c") == "no attack on it holds (a's attack is undercut by u)"  # a stands
    answered = evaluate_map(as_map(WORKED | ANSWER))
    assert answered.relation_status("a", "b").status == "stands"
    assert answered.explain("c") == "defeated by a (supported attack: a backs b)"


def test_an_undercut_of_a_declared_attack_and_the_real_attacker_named_when_it_bites():
    nodes = {
        "t": {"type": "thesis", "side": "pro", "text": "T"},
        "c": {"type": "claim", "text": "C", "supports": ["t"], "analytic": True},
        "o": {"type": "objection", "text": "O", "attacks": ["c"], "analytic": True},
        "u": {"type": "claim", "text": "U", "undercuts": [{"from": "o", "to": "c"}], "analytic": True},
        "v": {"type": "rebuttal", "text": "V", "undercuts": [{"from": "o", "to": "c"}], "analytic": True},
        "w": {"type": "objection", "text": "W", "attacks": ["u", "v"], "analytic": True},
    }
    for semantics in ("grounded", "preferred", "stable"):
        assert labels(as_map(nodes), semantics)["c"] == "OUT"  # both undercutters fall to w
        result = evaluate_map(as_map(nodes), semantics)
        assert str(result.verdicts["c"].reason) == "defeated by o"
        assert result.relation_status("o", "c").status == "stands"
    nodes["w"] = {**nodes["w"], "attacks": ["u"]}
    assert labels(as_map(nodes))["c"] == "IN"  # v still stands: the attack o -> c falls
    assert evaluate_map(as_map(nodes)).relation_status("o", "c").status == "falls"


def test_an_undecided_undercutter_leaves_the_target_undecided_under_grounded():
    nodes = {
        "t": {"type": "thesis", "side": "pro", "text": "T"},
        "c": {"type": "claim", "text": "C", "supports": ["t"], "analytic": True},
        "o": {"type": "objection", "text": "O", "attacks": ["c"], "analytic": True},
        "u": {"type": "claim", "text": "U", "undercuts": [{"from": "o", "to": "c"}], "attacks": ["x"], "analytic": True},
        "x": {"type": "objection", "text": "X", "attacks": ["u"], "analytic": True},
    }
    result = evaluate_map(as_map(nodes))
    assert {n: v.label.value for n, v in result.verdicts.items()} == {
        "t": "IN", "c": "UNDEC", "o": "IN", "u": "UNDEC", "x": "UNDEC"}
    assert str(result.verdicts["c"].reason) == "contested by o, which do not fall"
    preferred = evaluate_map(as_map(nodes), "preferred")
    assert sorted(preferred.evaluation.extensions) == [("t", "c", "o", "u"), ("t", "o", "x")]


def test_an_undercut_support_under_ignore_changes_no_label_but_falls():
    plain = {n: node for n, node in WORKED.items() if n != "u"}
    result = evaluate_map(as_map(WORKED), rule=SupportRule.IGNORE)
    assert labels(as_map(WORKED), rule=SupportRule.IGNORE) == labels(as_map(plain), rule=SupportRule.IGNORE) | {"u": "IN"}
    assert result.relation_status("a", "b").status == "falls"


def test_a_clean_support_chain_keeps_a_supported_attack_whatever_the_undercuts():
    nodes = {
        "t": {"type": "thesis", "side": "pro", "text": "T"},
        "c": {"type": "claim", "text": "C", "supports": ["t"], "analytic": True},
        "b": {"type": "objection", "text": "B", "attacks": ["c"], "analytic": True},
        "m": {"type": "claim", "text": "M", "supports": ["b"], "analytic": True},
        "a": {"type": "claim", "text": "A", "supports": ["b", "m"], "analytic": True},
        "d": {"type": "objection", "text": "D", "attacks": ["b"], "analytic": True},
        "u": {"type": "objection", "text": "U", "undercuts": [{"from": "a", "to": "b"}], "analytic": True},
    }
    # a -> b is undercut, but a -> m -> b is not: a still attacks c
    assert labels(as_map(nodes))["c"] == "OUT"


def test_maps_without_undercuts_get_the_framework_they_always_got():
    argmap = as_map({n: node for n, node in WORKED.items() if n != "u"})
    framework, relation, encoding = map_framework(argmap)
    assert encoding is None and framework.arguments == tuple(argmap.nodes)


@st.composite
def random_maps(draw: st.DrawFn) -> dict:
    """Maps of up to 9 claims and objections with random supports and attacks (no undercuts)."""
    size = draw(st.integers(min_value=1, max_value=9))
    ids = [f"n{i}" for i in range(size)]
    nodes: dict = {"t": {"type": "thesis", "side": "pro", "text": "T"}}
    for node_id in ids:
        supports = draw(st.lists(st.sampled_from(ids + ["t"]), max_size=2, unique=True))
        attacks = draw(st.lists(st.sampled_from(ids + ["t"]), max_size=2, unique=True))
        nodes[node_id] = {"type": "claim", "text": node_id, "analytic": True,
                          "supports": [s for s in supports if s != node_id], "attacks": attacks}
    return nodes


def _old_labels(argmap: ArgMap, semantics: str, rule: SupportRule) -> dict[str, Label]:
    """The framework as maps were evaluated before undercuts existed: nodes and their attacks."""
    supports = {n: list(node.supports) for n, node in argmap.nodes.items()}
    attacks = {n: list(node.attacks) for n, node in argmap.nodes.items()}
    relation = attack_relation(supports, attacks, rule)
    framework = Framework.build(argmap.nodes, ((a.attacker, a.target) for a in relation))
    return {n: v.label for n, v in evaluate(framework, semantics).verdicts.items()}


@settings(max_examples=150, deadline=None)
@given(random_maps(), st.sampled_from(["grounded", "preferred", "stable"]), st.sampled_from(list(SupportRule)))
def test_property_maps_without_undercuts_label_as_before(nodes, semantics, rule):
    argmap = as_map(nodes)
    assert {n: v.label for n, v in evaluate_map(argmap, semantics, rule).verdicts.items()} == _old_labels(argmap, semantics, rule)


@settings(max_examples=150, deadline=None)
@given(random_maps(), st.data(), st.sampled_from(["grounded", "preferred", "stable"]))
def test_property_a_defeated_undercutter_changes_nothing_and_a_standing_one_removes_the_attack(nodes, data, semantics):
    declared = [(n, t) for n, node in nodes.items() for t in node.get("attacks", ())]
    if not declared:
        return
    source, target = data.draw(st.sampled_from(declared))
    before = labels(as_map(nodes), semantics, SupportRule.IGNORE)
    cut = {"type": "claim", "text": "cut", "analytic": True, "undercuts": [{"from": source, "to": target}]}
    beaten = nodes | {"cut": cut, "beater": {"type": "claim", "text": "beater", "attacks": ["cut"], "analytic": True}}
    after = labels(as_map(beaten), semantics, SupportRule.IGNORE)
    assert {n: after[n] for n in before} == before
    # an unattacked undercutter removes the attack, as if it had never been declared
    removed = {n: dict(node) for n, node in nodes.items()}
    removed[source]["attacks"] = [t for t in removed[source]["attacks"] if t != target]
    standing = labels(as_map(nodes | {"cut": cut}), semantics, SupportRule.IGNORE)
    assert {n: standing[n] for n in nodes} == labels(as_map(removed), semantics, SupportRule.IGNORE)


# --- eval command, docs ----------------------------------------------------------------------


def worked_yaml(nodes: dict, map_id: str) -> str:
    return yaml.safe_dump({"argmap": 2, "id": map_id, "title": "Worked", "question": "Q?",
                           "sides": {"pro": "Yes", "con": "No"}, "nodes": nodes}, sort_keys=False)


def test_eval_reports_the_undercut_relation_in_text_and_json(cli, project):
    path = project / "maps" / "worked.yaml"
    path.write_text(worked_yaml(WORKED, "worked"), encoding="utf-8")
    text = cli(["eval", path, "--seeds", project / "seeds"])
    assert text.exit_code == 0, text.output
    assert "Undercut relations:\n  - a -> b falls (defeated by u); undercut by u" in text.stdout
    assert re.search(r"^c +C +claim +pro +IN +stands +no attack on it holds \(a's attack is undercut by u\)$", text.stdout, re.M)
    payload = json.loads(cli(["eval", path, "--seeds", project / "seeds", "-f", "json"]).stdout)
    assert payload["undercut_relations"] == [
        {"from": "a", "to": "b", "undercut_by": ["u"], "label": "OUT", "status": "falls", "reason": "defeated by u"}]
    assert payload["extensions"] == [["c", "a", "d", "u"]]  # the theses clash, and each has a standing reason


def test_an_undercut_answers_the_attack_in_the_preparation_lists(cli, project):
    path = project / "maps" / "worked.yaml"
    path.write_text(worked_yaml(WORKED, "worked"), encoding="utf-8")
    prep = json.loads(cli(["eval", path, "--seeds", project / "seeds", "--prep", "-f", "json"]).stdout)["prep"]
    # d answers b; u undercuts a's attack through b: what is left is a backing k, the thesis t clashes with
    assert [(a["attacker"], a["target"], a["via"]) for a in prep["pro"]["still_to_answer"]] == [("a", "t", ["k"])]
    path.write_text(worked_yaml({n: node for n, node in WORKED.items() if n != "u"}, "worked"), encoding="utf-8")
    prep = json.loads(cli(["eval", path, "--seeds", project / "seeds", "--prep", "-f", "json"]).stdout)["prep"]
    assert [(a["attacker"], a["target"]) for a in prep["pro"]["still_to_answer"]] == [("a", "c"), ("a", "t")]


def test_an_undercut_of_a_sides_inference_is_still_to_answer_for_that_side(cli, project, tmp_path):
    path = project / "maps" / "worked.yaml"
    path.write_text(worked_yaml(WORKED, "worked"), encoding="utf-8")
    result = cli(["eval", path, "--seeds", project / "seeds", "--prep", "-f", "json"])
    con = json.loads(result.stdout)["prep"]["con"]["still_to_answer"]
    # d attacks b, and u (pro) denies the con side's step a -> b; nothing of con's answers either
    assert [(a["attacker"], a["target"], a.get("denied")) for a in con] == [("d", "b", None), ("u", "a", "b")]
    text = cli(["eval", path, "--seeds", project / "seeds", "--prep"]).stdout
    assert "  - u undercuts a -> b; the attacker stands" in text
    assert cli(["brief", path, "-o", tmp_path / "out", "--seeds", project / "seeds"]).exit_code == 0
    html = (tmp_path / "out" / "worked.html").read_text(encoding="utf-8")
    assert re.search(r'undercuts the step from <a href="#card-a">A</a> to <a href="#card-b">B</a>', html)
    path.write_text(worked_yaml(WORKED | ANSWER, "worked"), encoding="utf-8")  # r (con) answers u
    con = json.loads(cli(["eval", path, "--seeds", project / "seeds", "--prep", "-f", "json"]).stdout)["prep"]["con"]
    assert [(a["attacker"], a.get("denied")) for a in con["still_to_answer"]] == [("d", None)]


def test_expect_can_state_what_the_undercut_does(project):
    path = project / "maps" / "worked.yaml"
    path.write_text(worked_yaml(WORKED, "worked") + "expect: {semantics: preferred, stands: [c, u], falls: [b]}\n")
    assert found(project, path) == []


def test_the_worked_example_in_the_eval_docs_behaves_as_documented(project):
    page = (REPO / "docs" / "commands" / "eval.md").read_text(encoding="utf-8")
    section = page[page.index("## Undercuts"):]
    section = section[:section.index("\n## ")]  # up to the next section
    data = yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))
    answer = yaml.safe_load(re.search(r"`(r: \{type: rebuttal.*?\})`", section, re.S).group(1).replace("\n", " "))
    without = {n: node for n, node in data["nodes"].items() if n != "u"}
    columns = [labels(ArgMap.model_validate(data | {"nodes": without})),
               labels(ArgMap.model_validate(data)),
               labels(ArgMap.model_validate(data | {"nodes": data["nodes"] | answer}))]
    rows = re.findall(r"^\| (\w+) +\| (.+?) +\| (.+?) +\| (.+?) +\|$", section, re.M)
    words = {"IN": "stands", "OUT": "falls", None: "—"}
    assert rows[0][0] == "node" and len(rows) == 7
    for node, *shown in rows[1:]:
        assert [words[column.get(node)] for column in columns] == shown, node
    (document_path := project / "maps" / "harbour.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert found(project, document_path) == []


# --- diagram and brief -----------------------------------------------------------------------


@requires_dot
def test_the_svg_draws_the_undercut_to_a_junction_on_the_relation(cli, project, tmp_path):
    path = project / "maps" / "worked.yaml"
    path.write_text(worked_yaml(WORKED, "worked"), encoding="utf-8")
    result = cli(["render", path, "-o", tmp_path / "out", "--seeds", project / "seeds"])
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "out" / "worked.svg").read_bytes()
    root = ET.fromstring(svg)
    edges = drawn_edges(svg)
    assert {"edge-a-supports-b-start", "edge-a-supports-b", "edge-u-undercuts-a-supports-b"} <= set(edges)
    (junction,) = [g for g in groups(root, "node") if g.get("id") == "junction-a-supports-b"]
    assert "junction" in junction.get("class", "").split() and junction.find(f"{SVG}ellipse") is not None
    (undercut,) = [g for g in groups(root, "edge") if g.get("id") == "edge-u-undercuts-a-supports-b"]
    assert undercut.find(f"{SVG}title").text == "u->junction:edge-a-supports-b"
    (line,) = undercut.iter(f"{SVG}path")
    assert line.get("stroke") == "#7e22ce" and line.get("stroke-dasharray")  # dotted, purple: u stands
    (denied,) = [g for g in groups(root, "edge") if g.get("id") == "edge-a-supports-b"]
    assert next(denied.iter(f"{SVG}path")).get("stroke") == FADED_EDGE_COLOR  # the support a -> b falls: faded
    assert any(g.get("id") == "legend-undercuts" for g in groups(root, "edge"))
    # under a gradual semantics the relation has a weight, not a status: not drawn as fallen
    assert cli(["render", path, "-o", tmp_path / "gradual", "--seeds", project / "seeds",
                "--semantics", "dfquad"]).exit_code == 0
    gradual = ET.fromstring((tmp_path / "gradual" / "worked.svg").read_bytes())
    (denied,) = [g for g in groups(gradual, "edge") if g.get("id") == "edge-a-supports-b"]
    assert next(denied.iter(f"{SVG}path")).get("stroke") != FADED_EDGE_COLOR


def test_maps_without_undercuts_draw_no_undercut_legend(cli, project, tmp_path):
    path = project / "maps" / "plain.yaml"
    path.write_text(worked_yaml({n: node for n, node in WORKED.items() if n != "u"}, "plain"), encoding="utf-8")
    assert cli(["render", path, "-o", tmp_path / "out", "--seeds", project / "seeds", "-f", "dot"]).exit_code == 0
    dot = (tmp_path / "out" / "plain.dot").read_text(encoding="utf-8")
    assert "undercuts" not in dot and "junction" not in dot


def test_ids_with_dots_and_dashes_stay_whole_in_junction_names(cli, project, tmp_path):
    nodes = {"t": {"type": "thesis", "side": "pro", "text": "T"},
             "c.1_x-": {"type": "claim", "text": "C", "supports": ["t"], "analytic": True},
             "o-2": {"type": "objection", "text": "O", "undercuts": [{"from": "c.1_x-", "to": "t"}], "analytic": True}}
    path = project / "maps" / "odd.yaml"
    path.write_text(worked_yaml(nodes, "odd"), encoding="utf-8")
    assert cli(["render", path, "-o", tmp_path / "out", "--seeds", project / "seeds", "-f", "dot"]).exit_code == 0
    dot = (tmp_path / "out" / "odd.dot").read_text(encoding="utf-8")
    assert '"o-2" -> "junction:edge-c.1_x--supports-t" [id="edge-o-2-undercuts-c.1_x--supports-t"' in dot


def test_the_brief_lists_the_undercut_on_the_source_card_and_the_undercutters_card(cli, project, tmp_path):
    path = project / "maps" / "worked.yaml"
    path.write_text(worked_yaml(WORKED, "worked"), encoding="utf-8")
    result = cli(["brief", path, "-o", tmp_path / "out", "--seeds", project / "seeds"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "worked.html").read_text(encoding="utf-8")
    source_card = html[html.index('id="card-a"'):]
    source_card = source_card[:source_card.index("</article>")]
    # named by their titles, as everywhere in the brief
    assert re.search(r'Undercut by <a href="#card-u">U</a>: even if “A”, '
                     r'it does not show “<a href="#card-b">B</a>”\. The inference .*falls', source_card)
    undercutter_card = html[html.index('id="card-u"'):]
    undercutter_card = undercutter_card[:undercutter_card.index("</article>")]
    assert re.search(r'Undercuts an inference: even if “<a href="#card-a">A</a>”, it does not show '
                     r'“<a href="#card-b">B</a>”', undercutter_card)
    assert "undercuts the step to “B”" in html  # the outline
    # under a gradual semantics the inference has a weight, not a Dung status
    assert cli(["brief", path, "-o", tmp_path / "gradual", "--seeds", project / "seeds",
                "--semantics", "dfquad"]).exit_code == 0
    gradual = (tmp_path / "gradual" / "worked.html").read_text(encoding="utf-8")
    gradual_card = gradual[gradual.index('id="card-a"'):]
    gradual_card = gradual_card[:gradual_card.index("</article>")]
    assert re.search(r'“<a href="#card-b">B</a>”\. The inference counts with weight 0\.\d\d\.', gradual_card)
    assert "falls" not in gradual_card


def test_a_focus_on_a_relation_end_draws_its_undercutter(cli, project, tmp_path):
    path = project / "maps" / "worked.yaml"
    path.write_text(worked_yaml(WORKED, "worked"), encoding="utf-8")
    result = cli(["render", path, "-o", tmp_path / "out", "--seeds", project / "seeds", "-f", "dot",
                  "--focus", "b", "--depth", "1"])
    assert result.exit_code == 0, result.output
    dot = (tmp_path / "out" / "worked.dot").read_text(encoding="utf-8")
    assert '"u" -> "junction:edge-a-supports-b"' in dot and '"k" [' not in dot


def test_the_public_api_skips_undercuts_that_check_reports():
    broken = WORKED | {"x": {"type": "objection", "text": "X", "analytic": True,
                             "undercuts": [{"from": "b", "to": "a"}, {"from": "nope", "to": "b"}, {"from": "x", "to": "b"}]}}
    result = evaluate_map(as_map(broken))
    assert [(r.source, r.target) for r in result.undercut_relations] == [("a", "b")]
    assert labels(as_map(broken))["c"] == "IN"
