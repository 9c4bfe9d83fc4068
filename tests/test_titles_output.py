"""Format 2 in every output: titles label the diagram's nodes and the brief's headings, links,
lists and reasons, the full text staying in the tooltip and on the card; evidence cards say whose
view a quote reports, when its situation was and on which page; all of it escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import requires_dot
from html_support import Page, normal
from render_support import drawn_nodes

HOSTILE = "<script>alert(1)</script>"

MAP = """\
argmap: 2
id: titled
title: Titled debate
question: Does the town of Lembah stay committed to its bridge?
lang: en
sides: {{pro: The town stays committed, con: The commitment is limited}}
nodes:
  committed:
    type: thesis
    side: pro
    title: "Committed {hostile}"
    text: The town stays committed to building the bridge, whatever the budget says this year.
    analytic: true
  limited:
    type: thesis
    side: con
    title: The commitment is limited
    text: The town's commitment to the bridge is limited by what its budget allows.
    analytic: true
  keeps-supporting:
    type: claim
    title: The town says it will build
    text: The town government says it will build the bridge once the budget allows.
    supports: [committed]
    evidence:
      - source: warta2024
        quote: Pemerintah kota tetap berkomitmen untuk membangun jembatan setelah anggaran tersedia.
        translation: "The town government remains committed to building the bridge once the budget is available {hostile}."
        highlight_translation: [remains committed, "{hostile}"]
        as_of: 2023-06
        speaker: "Town hall {hostile}"
        page: "12 {hostile}"
  road-money:
    type: objection
    title: It takes the road money
    text: The bridge money would have to come out of the village road budget.
    attacks: [keeps-supporting]
    evidence:
      - source: sari2023
        quote: Pemerintah kota memperkirakan biaya pembangunan sebesar 40 miliar rupiah, dan dana itu harus diambil dari anggaran jalan desa
        translation: The town estimates the building cost at 40 billion rupiah, and that money would have to come from the village road budget
        as_of: 2022/2024
        page: 12-14
  road-support:
    type: claim
    title: Roads matter more
    text: The village roads matter more than a bridge.
    supports: [limited]
    analytic: true
"""


@pytest.fixture
def titled(project: Path) -> Path:
    registry = project / "seeds" / "sources.yaml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace("    qualifications: Researchers in urban planning\n",
                        f"    qualifications: \"Professor of planning {HOSTILE}\"\n", 1)
    registry.write_text(text, encoding="utf-8")
    (project / "maps" / "titled.yaml").write_text(MAP.format(hostile=HOSTILE), encoding="utf-8")
    return project


@requires_dot
def test_the_diagram_shows_titles_with_the_full_text_as_tooltip(titled, cli):
    out = titled / "diagrams"
    result = cli(["render", titled / "maps" / "titled.yaml", "-o", out, "--seeds", titled / "seeds"])
    assert result.exit_code == 0, result.output
    nodes = drawn_nodes((out / "titled.svg").read_bytes())
    supporting = nodes["keeps-supporting"]
    assert "The town says it will build" in supporting.lines
    assert not any("government" in line for line in supporting.lines)
    assert supporting.tooltip == "The town government says it will build the bridge once the budget allows."
    assert nodes["committed"].lines[1:3] == ["Committed", HOSTILE]  # the title, wrapped, drawn as text


@pytest.fixture
def brief(titled) -> Page:
    from argmap.usecases.brief import write_briefs

    outcome = write_briefs([titled / "maps"], titled / "out", seeds_dir=titled / "seeds", built="2025-06-01")
    assert outcome.written, [str(d) for d in outcome.check.diagnostics]
    return Page.load(outcome.written[0])


def card(page: Page, node_id: str):
    return next(e for e in page.elements if e.attrs.get("id") == f"card-{node_id}")


@requires_dot
def test_the_brief_heads_cards_with_titles_and_keeps_the_full_text(brief):
    supporting = card(brief, "keeps-supporting")
    headings = [normal(e.text) for e in brief.elements if e.tag in ("h3", "h4", "h5") and e.attrs.get("class") == "tag"]
    assert "The town says it will build" in headings
    assert "The town government says it will build the bridge once the budget allows." in normal(supporting.text)
    # the diagram's node (an SVG link holding the whole drawn label) aside, links name the card by title
    links = {normal(e.text) for e in brief.all("a")
             if e.attrs.get("href") == "#card-keeps-supporting" and "xlink:title" not in e.attrs}
    assert links and links <= {"The town says it will build"}
    assert any(normal(e.text) == f"Committed {HOSTILE}" for e in brief.all("a"))  # relation link by title
    assert "A2: The town says it will build" in brief.text
    assert "defeated by \u201cIt takes the road money\u201d" in brief.text


@requires_dot
def test_cards_say_whose_view_when_and_which_page(brief):
    supporting = normal(card(brief, "keeps-supporting").text)
    assert f"(reporting Town hall {HOSTILE})" in supporting
    assert "as of June 2023" in supporting
    assert f"p. 12 {HOSTILE}" in supporting
    road = normal(card(brief, "road-money").text)
    assert "from 2022 to 2024" in road and "pp. 12-14" in road
    marks = [normal(m.text) for m in brief.all("mark")]
    assert "remains committed" in marks and HOSTILE in marks
    bibliography = next(e for e in brief.elements if e.attrs.get("id") == "bibliography")
    assert f"Qualifications: Professor of planning {HOSTILE}." in normal(bibliography.text)


@requires_dot
def test_new_fields_are_escaped(brief):
    assert brief.all("script") == []
    assert brief.html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 6
    assert "<script>" not in brief.html.replace('<script type="application/ld+json">', "")


def test_eval_shows_titles(titled, cli):
    path = titled / "maps" / "titled.yaml"
    result = cli(["eval", path, "--seeds", titled / "seeds"])
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if line.startswith("NODE"))
    assert header.split()[:3] == ["NODE", "TITLE", "TYPE"]
    assert any(line.startswith("keeps-supporting") and "The town says it will build" in line for line in result.stdout.splitlines())
    labels = json.loads(cli(["eval", path, "--seeds", titled / "seeds", "--format", "json"]).stdout)["labels"]
    assert labels["road-money"]["title"] == "It takes the road money"


def test_eval_of_a_map_without_titles_has_no_title_column(cli):
    from conftest import MAPS, SEEDS

    result = cli(["eval", MAPS / "river-bridge.yaml", "--seeds", SEEDS])
    assert result.exit_code == 0, result.output
    assert "TITLE" not in result.stdout
    as_json = cli(["eval", MAPS / "river-bridge.yaml", "--seeds", SEEDS, "--format", "json"]).stdout
    assert "title" not in json.loads(as_json)["labels"]["roads-can-wait"]
