"""Gradual strength through the commands: `argmap eval --semantics dfquad|qe`, `expect:`
strengths (AM603), `--prep` ranking, and strengths in diagrams (real dot) and briefs (real HTML).

The expected strengths are worked out by hand from the papers' definitions (Rago et al. 2016
for DF-QuAD, Potyka 2018 for QE), as docs/commands/eval.md shows them."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from argmap.usecases.check import check
from conftest import MAPS, SEEDS, TESTS, requires_dot
from html_support import Page
from render_support import drawn_nodes

# The worked example of docs/commands/eval.md: a claim (weight 0.8) attacked by an objection
# (0.6) that a rebuttal (0.5) attacks; a caveat undercuts the objection's attack.
WORKED = """\
argmap: 2
id: toy
title: Toy debate
question: Does it hold?
sides:
  pro: It holds
  con: It does not
nodes:
  thesis:    {type: thesis, side: pro, title: It holds, text: It holds.}
  claim:     {type: claim, title: A reason, text: A reason it holds., supports: [thesis], weight: 0.8, analytic: true}
  objection: {type: objection, title: The reason is wrong, text: The reason is wrong., attacks: [claim], weight: 0.6, analytic: true}
  rebuttal:  {type: rebuttal, title: The objection is wrong, text: The objection is wrong., attacks: [objection], weight: 0.5, analytic: true}
"""
CAVEAT = """\
  caveat:    {type: claim, title: Beside the point, text: The objection would not touch the reason anyway.,
              supports: [thesis], undercuts: [{from: objection, to: claim}], analytic: true}
"""


def h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1 + x * x)


def write_map(project: Path, text: str, name: str = "toy") -> Path:
    path = project / "maps" / f"{name}.yaml"
    path.write_text(text.replace("id: toy", f"id: {name}"), encoding="utf-8")
    return path


def strengths(cli, path: Path, semantics: str, seeds: Path | None = None) -> dict:
    args = ["eval", path, "--semantics", semantics, "--format", "json"]
    if seeds is not None:
        args += ["--seeds", seeds]
    result = cli(args)
    assert result.exit_code == 0, result.stdout
    return json.loads(result.stdout)


# --- argmap eval -----------------------------------------------------------------------------


def test_dfquad_strengths_match_the_hand_computed_example(project: Path, cli, monkeypatch) -> None:
    write_map(project, WORKED)
    monkeypatch.chdir(project)
    payload = strengths(cli, Path("maps/toy.yaml"), "dfquad")
    rebuttal = 0.5
    objection = 0.6 - 0.6 * rebuttal
    claim = 0.8 - 0.8 * objection
    thesis = 0.5 + 0.5 * claim
    assert payload["strengths"] == pytest.approx(
        {"thesis": thesis, "claim": claim, "objection": objection, "rebuttal": rebuttal})
    assert payload["strengths"]["thesis"] == pytest.approx(0.78)
    assert payload["base_scores"] == {"thesis": 0.5, "claim": 0.8, "objection": 0.6, "rebuttal": 0.5}
    # the keys of the other semantics are kept: the labels are the grounded ones
    assert payload["semantics"] == "dfquad"
    assert payload["labels"]["objection"]["status"] == "falls"
    assert payload["extensions"] == [["thesis", "claim", "rebuttal"]]
    assert payload["convergence"] == {"converged": True, "iterations": 1, "residual": 0.0, "acyclic": True}


def test_qe_strengths_match_the_hand_computed_example(project: Path, cli, monkeypatch) -> None:
    write_map(project, WORKED)
    monkeypatch.chdir(project)
    payload = strengths(cli, Path("maps/toy.yaml"), "qe")
    objection = 0.6 - 0.6 * h(0.5)
    claim = 0.8 - 0.8 * h(objection)
    thesis = 0.5 + 0.5 * h(claim)
    assert payload["strengths"] == pytest.approx(
        {"thesis": thesis, "claim": claim, "objection": objection, "rebuttal": 0.5})
    assert payload["strengths"]["objection"] == pytest.approx(0.48)


def test_an_undercut_scales_the_relation_it_denies(project: Path, cli, monkeypatch) -> None:
    write_map(project, WORKED + CAVEAT)
    monkeypatch.chdir(project)
    dfquad = strengths(cli, Path("maps/toy.yaml"), "dfquad")["strengths"]
    assert dfquad["claim"] == pytest.approx(0.8 - 0.8 * (1 - 0.5) * 0.3)  # 0.68, as documented
    assert dfquad["thesis"] == pytest.approx(0.5 + 0.5 * (1 - (1 - 0.68) * (1 - 0.5)))  # 0.92
    qe = strengths(cli, Path("maps/toy.yaml"), "qe")["strengths"]
    weight = 1 - h(0.5)
    assert qe["claim"] == pytest.approx(0.8 - 0.8 * h(weight * 0.48))


def test_the_undercut_relation_reports_the_weight_it_counts_with(project: Path, cli, monkeypatch) -> None:
    write_map(project, WORKED + CAVEAT)
    monkeypatch.chdir(project)
    for semantics, expected in (("dfquad", 1 - 0.5), ("qe", 1 - h(0.5))):  # the caveat's strength is 0.5
        (relation,) = strengths(cli, Path("maps/toy.yaml"), semantics)["undercut_relations"]
        assert (relation["from"], relation["to"], relation["undercut_by"]) == ("objection", "claim", ["caveat"])
        assert relation["weight"] == pytest.approx(expected)
    text = cli(["eval", "maps/toy.yaml", "--semantics", "qe"]).stdout
    assert f"  - objection -> claim counts with weight {expected:.2f}; undercut by caveat" in text
    grounded = json.loads(cli(["eval", "maps/toy.yaml", "--format", "json"]).stdout)["undercut_relations"]
    assert "weight" not in grounded[0]  # a Dung semantics gives the relation a status, not a weight


def test_text_output_rounds_strengths_and_puts_theses_first(project: Path, cli, monkeypatch) -> None:
    write_map(project, WORKED + CAVEAT)
    monkeypatch.chdir(project)
    result = cli(["eval", "maps/toy.yaml", "--semantics", "dfquad"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "maps/toy.yaml: dfquad semantics (gradual strength, 0 to 1)"
    assert lines[2].split() == ["NODE", "TITLE", "TYPE", "SIDE", "STRENGTH", "BASE", "BASE", "FROM"]
    rows = [line.split() for line in lines[3:8]]
    assert rows[0] == ["thesis", "It", "holds", "thesis", "pro", "0.92", "0.50", "neutral"]
    assert rows[1] == ["claim", "A", "reason", "claim", "pro", "0.68", "0.80", "weight"]
    assert [row[0] for row in rows[2:]] == ["rebuttal", "caveat", "objection"]  # strongest first, ties in map order
    assert "exact: the map has no cycle" in result.stdout


def test_base_scores_come_from_the_evidence_reliability(cli) -> None:
    payload = strengths(cli, MAPS / "river-bridge.yaml", "dfquad", SEEDS)
    # one peer-reviewed source (sari2023): 0.5 + 0.2 x 0.8
    assert payload["base_scores"]["boats-stop-in-floods"] == pytest.approx(0.66)
    assert payload["base_scores"]["build-the-bridge"] == 0.5  # analytic
    assert all(0 <= s <= 1 for s in payload["strengths"].values())


def test_supports_is_ignored_with_a_note(project: Path, cli, monkeypatch) -> None:
    write_map(project, WORKED)
    monkeypatch.chdir(project)
    plain = cli(["eval", "maps/toy.yaml", "-s", "qe", "-f", "json"])
    ignored = cli(["eval", "maps/toy.yaml", "-s", "qe", "-f", "json", "--supports", "ignore"])
    assert json.loads(plain.stdout)["strengths"] == json.loads(ignored.stdout)["strengths"]
    assert "--supports is ignored under qe semantics" in ignored.stderr
    assert "--supports" not in plain.stderr


def test_iccma_files_have_no_base_scores(cli) -> None:
    result = cli(["eval", TESTS / "frameworks" / "good" / "floating-reinstatement.tgf", "-s", "dfquad"])
    assert result.exit_code == 2
    assert "argmap: error: --semantics: dfquad semantics needs base scores" in result.stderr


OSCILLATING = """\
argmap: 2
id: toy
title: Toy debate
question: Does it hold?
sides:
  pro: It holds
  con: It does not
nodes:
  thesis: {type: thesis, side: pro, title: T, text: It holds.}
  claim: {type: claim, title: C, text: A reason., supports: [thesis], analytic: true}
  objection: {type: objection, title: O, text: An objection., attacks: [claim], analytic: true}
  answer: {type: rebuttal, title: A, text: An answer., attacks: [objection, counter], weight: 1, analytic: true}
  counter: {type: rebuttal, title: K, text: A counter., attacks: [answer], weight: 1, analytic: true}
"""


def test_a_cycle_that_does_not_converge_is_reported_not_looped_on(project: Path, cli, monkeypatch) -> None:
    # two nodes of base score 1 attacking each other: DF-QuAD's iteration swings between 1 and 0
    write_map(project, OSCILLATING)
    monkeypatch.chdir(project)
    payload = strengths(cli, Path("maps/toy.yaml"), "dfquad")
    assert payload["convergence"]["converged"] is False and payload["convergence"]["acyclic"] is False
    assert payload["convergence"]["iterations"] == 10_000
    text = cli(["eval", "maps/toy.yaml", "-s", "dfquad"]).stdout
    assert "warning: cyclic map: the iteration did not converge after 10,000 iterations" in text
    # QE's continuous model settles on the same cycle
    qe = strengths(cli, Path("maps/toy.yaml"), "qe")["convergence"]
    assert qe["converged"] is True and qe["iterations"] > 1


# --- expect: strengths -----------------------------------------------------------------------


def test_expected_strengths_pass_within_the_tolerance(project: Path) -> None:
    path = write_map(project, WORKED + "expect:\n  dfquad: {thesis: 0.785, claim: 0.56}\n  qe: {objection: 0.48}\n")
    assert [d.code for d in check([path], project / "seeds").diagnostics if d.code.startswith("AM6")] == []


def test_a_wrong_strength_is_am603_at_its_entry(project: Path, cli, monkeypatch) -> None:
    path = write_map(project, WORKED + textwrap.dedent("""\
        expect:
          dfquad:
            thesis: 0.78
            claim: 0.62
          qe:
            nobody: 0.5
        """))
    found = [d for d in check([path], project / "seeds").diagnostics if d.code.startswith("AM6")]
    # line 16 is `    claim: 0.62` (the value, at column 12); line 18 `    nobody: 0.5` (the key)
    assert sorted((d.code, d.line, d.column) for d in found) == [("AM602", 18, 5), ("AM603", 16, 12)]
    found.sort(key=lambda d: d.code)
    assert found[1].message == "strength of 'claim' under dfquad semantics: expected 0.62, found 0.56"
    # eval forgives its own expectations: it still shows the strengths
    monkeypatch.chdir(project)
    assert cli(["check", "maps/toy.yaml"]).exit_code == 1
    result = cli(["eval", "maps/toy.yaml", "-s", "dfquad"])
    assert result.exit_code == 0 and "AM603" in result.stderr


# --- --prep ----------------------------------------------------------------------------------

PREP = """\
argmap: 2
id: toy
title: Toy debate
question: Does it hold?
sides:
  pro: It holds
  con: It does not
nodes:
  thesis: {type: thesis, side: pro, title: T, text: It holds.}
  weak: {type: claim, title: W, text: A weak reason., supports: [thesis], weight: 0.2, analytic: true}
  strong: {type: claim, title: S, text: A strong reason., supports: [thesis], weight: 0.9, analytic: true}
  hits-weak: {type: objection, title: HW, text: Hits the weak one., attacks: [weak], weight: 0.8, analytic: true}
  hits-strong: {type: objection, title: HS, text: Hits the strong one., attacks: [strong], weight: 0.8, analytic: true}
"""


def test_prep_ranks_unanswered_attacks_by_the_gain_of_answering_them(project: Path, cli, monkeypatch) -> None:
    write_map(project, PREP)
    monkeypatch.chdir(project)
    payload = strengths(cli, Path("maps/toy.yaml"), "dfquad")
    prep = json.loads(cli(["eval", "maps/toy.yaml", "-s", "dfquad", "--prep", "-f", "json"]).stdout)["prep"]
    still = prep["pro"]["still_to_answer"]
    assert [a["attacker"] for a in still] == ["hits-strong", "hits-weak"]  # not the map's order
    # answering hits-strong leaves strong at 0.9: the thesis goes from 0.5 + 0.5·(1 - 0.82·0.96)
    now = payload["strengths"]["thesis"]
    assert now == pytest.approx(0.5 + 0.5 * (1 - (1 - 0.18) * (1 - 0.04)))
    assert still[0]["gain"] == pytest.approx(0.5 + 0.5 * (1 - 0.1 * 0.96) - now)
    assert still[1]["gain"] == pytest.approx(0.5 + 0.5 * (1 - 0.82 * 0.8) - now)
    assert still[0]["attacker_strength"] == pytest.approx(0.8)
    text = cli(["eval", "maps/toy.yaml", "-s", "dfquad", "--prep"]).stdout
    assert ("  - hits-strong attacks strong; the attacker's strength 0.80; answering it raises the thesis by 0.35"
            in text)
    # other semantics keep the map's order and no gain
    grounded = json.loads(cli(["eval", "maps/toy.yaml", "--prep", "-f", "json"]).stdout)["prep"]
    assert [a["attacker"] for a in grounded["pro"]["still_to_answer"]] == ["hits-weak", "hits-strong"]
    assert "gain" not in grounded["pro"]["still_to_answer"][0]


# --- diagrams and briefs ---------------------------------------------------------------------


@requires_dot
def test_render_draws_each_strength_as_a_number_and_a_bar(project: Path, cli, monkeypatch) -> None:
    write_map(project, WORKED + CAVEAT)
    monkeypatch.chdir(project)
    assert cli(["render", "maps/toy.yaml", "--semantics", "dfquad", "-o", "out"]).exit_code == 0
    svg = (project / "out" / "toy.svg").read_text(encoding="utf-8")
    nodes = drawn_nodes(svg)
    assert "strength 0.92 \u25b0\u25b0\u25b0\u25b0\u25b0\u25b0\u25b0\u25b0\u25b0\u25b1" in nodes["thesis"].lines
    assert "strength 0.30 \u25b0\u25b0\u25b0\u25b1\u25b1\u25b1\u25b1\u25b1\u25b1\u25b1" in nodes["objection"].lines
    assert "strength (0 to 1) under dfquad semantics" in svg
    # no status badge beside the strength; under grounded, no strength
    assert not any("stands" in line for node in nodes.values() for line in node.lines)
    assert cli(["render", "maps/toy.yaml", "-o", "plain"]).exit_code == 0
    assert "strength" not in (project / "plain" / "toy.svg").read_text(encoding="utf-8")


@requires_dot
def test_brief_cards_show_strengths_and_open_attacks_their_gain(project: Path, cli, monkeypatch) -> None:
    write_map(project, PREP)
    monkeypatch.chdir(project)
    assert cli(["brief", "maps/toy.yaml", "--semantics", "qe", "-o", "briefs"]).exit_code == 0
    page = Page.load(project / "briefs" / "toy.html")
    meters = [e for e in page.elements if e.tag == "meter"]
    assert len(meters) >= 5 and all(0 <= float(m.attrs["value"]) <= 1 for m in meters)
    shown = [e.text for e in page.elements if e.attrs.get("class") == "strength"]
    assert any(text.startswith("strength 0.") for text in shown)
    assert "strengths (0 to 1) under qe semantics" in page.html
    assert "answering it raises the thesis by" in page.html
    assert "statuses under" not in page.html
    # without --semantics the cards keep their statuses; only the table ranks by the verdict's strengths
    assert cli(["brief", "maps/toy.yaml", "-o", "plain"]).exit_code == 0
    plain = Page.load(project / "plain" / "toy.html")
    in_cards = [e for card in plain.all("article") for e in plain.inside(card) if e.attrs.get("class") == "strength"]
    assert in_cards == []


def test_pinned_strengths_wait_for_a_valid_registry(tmp_path):
    # base scores come from the sources: without them the strengths (and AM603's advice) would be wrong
    from argmap.authoring.starter import init_project
    from argmap.usecases.check import check

    init_project(tmp_path)
    registry = tmp_path / "seeds" / "sources.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("{literal: Riverside Library Board}",
                                                                      "Riverside Library Board"), encoding="utf-8")
    found = check([tmp_path / "maps"], tmp_path / "seeds").diagnostics
    assert [(d.code, d.hints[-1]) for d in found] == [
        ("AM203", "a name is a mapping: {literal: Riverside Library Board}, or {family: ..., given: ...}")]
