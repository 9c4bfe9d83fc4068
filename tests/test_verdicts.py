"""Verdicts where users meet them: the format's new keys (relation weights, disputed evidence,
compatible theses, expect.verdict), `argmap eval` (text and JSON), the brief's verdict box, the
site index, the diagram (clash edge, weights, legend) and export, which leaves the clash out."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from argmap.core.model import ArgMap
from conftest import requires_dot
from html_support import Page

HEADER = """\
argmap: {version}
id: {map_id}
title: The harbour wall
question: Should the city extend the harbour wall?
lang: en
sides: {{pro: Extend the wall, con: Keep the wall as it is}}
"""

DEBATE = """\
nodes:
  extend: {type: thesis, side: pro, title: Extend the wall, text: The city should extend the harbour wall.}
  keep: {type: thesis, side: con, title: Keep the wall, text: The city should keep the wall as it is.}
  shelter: {type: claim, title: Shelter for the fleet, text: A longer wall shelters the fleet., supports: [extend], weight: 0.8, analytic: true}
  storms: {type: claim, title: Storms grow, text: Storms grow stronger., supports: [shelter], analytic: true}
  cost:
    type: claim
    title: The cost
    text: The work costs more than budgeted.
    supports: [{to: keep, weight: 0.3}]
    analytic: true
"""


def write(project: Path, body: str = DEBATE, map_id: str = "harbour", version: int = 2, extra: str = "") -> Path:
    path = project / "maps" / f"{map_id}.yaml"
    path.write_text(HEADER.format(version=version, map_id=map_id) + extra + body, encoding="utf-8")
    return path


def codes(cli, path: Path, project: Path) -> list[tuple[str, int]]:
    result = cli(["check", path, "--seeds", project / "seeds", "--format", "json"])
    return [(d["code"], d["line"]) for d in json.loads(result.stdout)["diagnostics"]]


def test_a_weighted_entry_reads_as_its_id_with_a_weight():
    model = ArgMap.model_validate({"argmap": 2, "id": "m", "title": "T", "question": "Q?", "sides": {"pro": "p", "con": "c"},
                                   "nodes": {"t": {"type": "thesis", "side": "pro", "text": "T"},
                                             "c": {"type": "claim", "text": "C", "analytic": True,
                                                   "supports": [{"to": "t", "weight": 0.25}]}}})
    node = model.nodes["c"]
    assert node.supports == ["t"] and node.relation_weight("supports", "t") == 0.25
    assert node.model_dump(by_alias=True, exclude_defaults=True)["supports"] == [{"to": "t", "weight": 0.25}]


def test_a_weight_outside_zero_to_one_is_an_invalid_value_at_its_line(cli, project):
    path = write(project, DEBATE.replace("weight: 0.3}", "weight: 1.5}"))
    assert codes(cli, path, project) == [("AM203", 16)]  # once, for the weight: the entry is a mapping


def test_version_1_maps_are_told_that_the_new_keys_need_format_2(cli, project):
    body = DEBATE.replace("title: ", "x: ").replace("x: The harbour", "title: The harbour")  # v1: no titles
    body = re.sub(r" x: [^,]+,", "", body).replace(", weight: 0.8", "")
    path = write(project, body, version=1, extra="theses: compatible\nbecause: Both can be done.\n")
    found = codes(cli, path, project)
    assert ("AM204", 7) in found and ("AM204", 8) in found  # theses, because
    assert any(code == "AM204" and line >= 14 for code, line in found)  # the weighted entry


def test_compatible_needs_a_reason_and_a_reason_needs_compatible(cli, project):
    assert ("AM323", 7) in codes(cli, write(project, extra="theses: compatible\n"), project)
    assert ("AM323", 7) in codes(cli, write(project, extra="because: Both can be true.\n"), project)
    assert [c for c, _ in codes(cli, write(project, extra="theses: compatible\nbecause: They can.\n"), project)
            if c == "AM323"] == []


def test_eval_shows_the_verdict_first_and_in_json(cli, project):
    path = write(project)
    text = cli(["eval", path, "--seeds", project / "seeds"])
    assert text.exit_code == 0, text.output
    lines = text.stdout.splitlines()
    assert lines[2].startswith("VERDICT under qe: pro ahead by ")
    assert "the leader holds in" in text.stdout and "decisive clashes:" in text.stdout
    payload = json.loads(cli(["eval", path, "--seeds", project / "seeds", "-f", "json"]).stdout)
    verdict = payload["verdict"]
    assert list(payload)[0] == "verdict"
    assert {"leader", "margin", "robustness", "semantics", "decisive"} <= set(verdict)
    assert verdict["leader"] == "pro" and verdict["semantics"] == "qe" and 0 <= verdict["robustness"] <= 1
    assert verdict["margin"] == pytest.approx(verdict["pro"] - verdict["con"])
    assert verdict["decisive"][0]["node"] in ("shelter", "storms", "cost")


def test_eval_gives_the_verdict_under_the_semantics_asked_for(cli, project):
    path = write(project)
    grounded = json.loads(cli(["eval", path, "--seeds", project / "seeds", "-f", "json", "-s", "grounded"]).stdout)
    assert grounded["verdict"]["semantics"] == "grounded"
    assert grounded["verdict"]["leader"] == "contested"  # both theses fall to the other's standing reason
    few = json.loads(cli(["eval", path, "--seeds", project / "seeds", "-f", "json", "--samples", "10"]).stdout)
    assert few["verdict"]["samples"] == 10


def test_expect_verdict_is_checked_at_its_line(cli, project):
    path = write(project, DEBATE + "expect:\n  verdict: con\n")
    line = path.read_text(encoding="utf-8").splitlines().index("  verdict: con") + 1
    assert codes(cli, path, project) == [("AM605", line)]
    path.write_text(path.read_text(encoding="utf-8").replace("verdict: con", "verdict: pro"), encoding="utf-8")
    assert codes(cli, path, project) == []


def test_a_disputed_quote_adds_nothing_and_the_card_says_so(cli, project):
    quote = textwrap.dedent("""\
      shelter:
        type: claim
        title: Shelter for the fleet
        text: A longer wall shelters the fleet.
        supports: [extend]
        evidence:
          - source: sari2023
            quote: {quote}
            translation: {translation}
            disputed: The survey counted the wrong harbour.
    """)
    seeds = project / "seeds"
    sentence = next(line for line in (seeds / "sari2023-jembatan-lembah.txt").read_text(encoding="utf-8").splitlines()
                    if len(line.split()) > 8)
    body = re.sub(r"  shelter: \{[^\n]*\n", textwrap.indent(quote.format(quote=json.dumps(sentence.strip()),
                                                                       translation="A sentence."), "  "), DEBATE)
    path = write(project, body)
    payload = json.loads(cli(["eval", path, "--seeds", seeds, "-s", "qe", "-f", "json"]).stdout)
    assert payload["base_scores"]["shelter"] == 0.5  # the disputed quote earns no credit
    out = project / "briefs"
    assert cli(["brief", path, "--seeds", seeds, "-o", out]).exit_code == 0
    page = Page.load(out / "harbour.html")
    disputed = [e for e in page.elements if e.attrs.get("class") == "disputed"]
    assert disputed and "The survey counted the wrong harbour." in page.text


def test_the_brief_has_a_verdict_box_whose_clashes_link_to_cards(cli, project):
    path = write(project)
    out = project / "briefs"
    assert cli(["brief", path, "--seeds", project / "seeds", "-o", out, "--semantics", "qe"]).exit_code == 0
    page = Page.load(out / "harbour.html")
    (box,) = [e for e in page.elements if "data-verdict" in e.attrs]
    assert box.attrs["data-verdict"] == "pro"
    links = [e.attrs["href"][1:] for e in page.inside(box) if e.tag == "a"]
    assert links and all(link in page.ids for link in links)
    assert "weight 0.3" in page.text  # the card of cost says how relevant its support is


def test_the_site_index_tables_each_maps_question_and_verdict(cli, project):
    write(project)
    write(project, DEBATE.replace("supports: [extend], weight: 0.8", "supports: [extend], weight: 0.2"),
          map_id="harbour-two")
    out = project / "site"
    assert cli(["build", project / "maps", "--seeds", project / "seeds", "-o", out]).exit_code == 0
    page = Page.load(out / "index.html")
    rows = [e for e in page.elements if e.tag == "tr" and "data-verdict" in e.attrs]
    assert len(rows) == 2 and all(row.attrs["data-verdict"] in ("pro", "con", "contested") for row in rows)
    assert "Should the city extend the harbour wall?" in page.text


@requires_dot
def test_the_diagram_draws_one_clash_edge_weights_as_thickness_and_the_verdict_in_the_legend(cli, project):
    path = write(project)
    out = project / "diagrams"
    assert cli(["render", path, "--seeds", project / "seeds", "-f", "dot", "-o", out]).exit_code == 0
    dot = (out / "harbour.dot").read_text(encoding="utf-8")
    clash = [line for line in dot.splitlines() if 'class="argedge clash"' in line]
    assert len(clash) == 1 and "dir=both" in clash[0]
    widths = {m.group(1): float(m.group(2)) for m in re.finditer(r'id="edge-([a-z]+)-supports-[a-z]+".*?penwidth=([0-9.]+)', dot)}
    assert widths["cost"] < widths["shelter"]  # weight 0.3 against 1
    assert "verdict under qe:" in dot


def test_export_writes_the_relations_as_declared_without_the_clash(cli, project):
    path = write(project)
    exported = project / "harbour.json"
    result = cli(["export", path, "--to", "aif", "--seeds", project / "seeds", "-o", exported])
    assert result.exit_code == 0, result.output
    back = project / "back.yaml"
    imported = cli(["import", exported, "--from", "aif", "-o", back, "--seeds", project / "seeds"])
    assert imported.exit_code == 0, imported.output
    model = ArgMap.model_validate(__import__("yaml").safe_load(back.read_text(encoding="utf-8")))
    thesis_ids = [n for n, node in model.nodes.items() if node.type == "thesis"]
    assert len(thesis_ids) == 2
    assert all(not set(model.nodes[t].attacks) & set(thesis_ids) for t in thesis_ids)
    assert model.nodes["cost"].relation_weight("supports", "keep") == 0.3  # the weight comes back


def test_the_worked_example_of_the_docs_shows_real_output(cli, monkeypatch):
    """docs/verdicts.md shows `argmap eval` of its worked example: the page and the command agree."""
    from conftest import REPO

    page = (REPO / "docs" / "verdicts.md").read_text(encoding="utf-8")
    block = page.split("```console\n$ argmap eval docs/worked/harbour.yaml --seeds docs/examples/seeds\n", 1)[1]
    shown = block.split("```", 1)[0]
    monkeypatch.chdir(REPO)
    result = cli(["eval", "docs/worked/harbour.yaml", "--seeds", "docs/examples/seeds"])
    assert result.exit_code == 0
    assert result.stdout.startswith(shown)
    source = (REPO / "docs" / "worked" / "harbour.yaml").read_text(encoding="utf-8")
    assert source.split("nodes:\n", 1)[1] in page  # the map in the page is the file


def test_a_map_without_a_question_is_told_and_still_works(cli, project):
    path = write(project)
    path.write_text(path.read_text(encoding="utf-8").replace("question: Should the city extend the harbour wall?\n", ""),
                    encoding="utf-8")
    assert codes(cli, path, project) == [("AM324", 2)]
    evaluated = cli(["eval", path, "--seeds", project / "seeds"])
    assert evaluated.exit_code == 0 and "question:" not in evaluated.stdout
    out = project / "briefs"
    assert cli(["brief", path, "--seeds", project / "seeds", "-o", out]).exit_code == 0
    assert 'class="question"' not in (out / "harbour.html").read_text(encoding="utf-8")
    one_sided = path.read_text(encoding="utf-8").replace("  keep: {type: thesis, side: con", "  keep: {type: claim")
    path.write_text(one_sided.replace("supports: [{to: keep, weight: 0.3}]", "supports: [extend]"), encoding="utf-8")
    assert "AM324" not in {code for code, _ in codes(cli, path, project)}  # one side only: no verdict to answer
