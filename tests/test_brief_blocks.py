"""A2 blocks as a debater reads them (issue 23, points 1 and 2): every attack on a claim and every
undercut of one of its inferences answers it in its block, numbered, the strongest answer first
and marked; a mutual attack is one clash, shown once; the table at the top ranks by strength; a
standing claim whose inference falls says what that means. In the HTML brief and the Word file."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from debater_support import MAP_ID, write_debate
from html_support import Page, normal

# A PRO claim and a CON objection attacking each other, and a CON claim whose attack on the PRO
# thesis is undercut by a PRO point: analytic only, so no source is needed.
CLASH_MAP = """\
argmap: 2
id: clash
title: Clashes
lang: en
sides: {pro: Yes, con: No}
nodes:
  yes:
    type: thesis
    side: pro
    title: Yes
    text: Yes.
    analytic: true
  no:
    type: thesis
    side: con
    title: "No"
    text: No.
    analytic: true
  cheap:
    type: claim
    title: It is cheap
    text: It costs little.
    supports: [yes]
    attacks: [dear]
    analytic: true
  dear:
    type: objection
    title: It is dear
    text: It costs a lot.
    attacks: [cheap]
    analytic: true
  late:
    type: claim
    title: It comes late
    text: It comes too late to matter.
    attacks: [yes]
    analytic: true
  late-is-fine:
    type: objection
    title: Late still helps
    text: Coming late does not make it useless.
    undercuts:
      - {from: late, to: yes}
    analytic: true
"""


@pytest.fixture
def debate(project: Path) -> Path:
    write_debate(project)
    return project


def brief_of(project: Path, cli, map_id: str) -> Page:
    out = project / "out"
    result = cli(["brief", project / "maps", "--seeds", project / "seeds", "-o", out, "--date", "2025-06-01"])
    assert result.exit_code == 0, result.output
    return Page.load(out / f"{map_id}.html")


def word_of(project: Path, cli, map_id: str) -> list:
    out = project / "word"
    result = cli(["docx", project / "maps", "--seeds", project / "seeds", "-o", out, "--date", "2025-06-01"])
    assert result.exit_code == 0, result.output
    return Document(str(out / f"{map_id}.docx")).paragraphs


def block(page: Page, anchor: str):
    return next(e for e in page.elements if e.attrs.get("id") == anchor)


def answers_in(page: Page, element) -> list[str]:
    """The block's numbered answers: "1. title", in order."""
    return [normal(e.text) for e in page.inside(element) if e.attrs.get("class") == "tag"]


def glance_strengths(page: Page) -> dict[str, float]:
    """Each node's strength as the table at the top shows it, keyed by its card's anchor."""
    rows = [e for e in page.elements if e.tag == "tr" and "data-status" in e.attrs]
    strengths = {}
    for row in rows:
        inside = page.inside(row)
        anchor = next(e.attrs["href"][1:] for e in inside if e.tag == "a")
        strengths[anchor] = float(next(e for e in inside if e.tag == "meter").attrs["value"])
    return strengths


def test_an_undercut_answers_the_claim_in_its_block_strongest_first(debate, cli):
    page = brief_of(debate, cli, MAP_ID)
    a2 = block(page, "a2-con-boats-stop")
    # the attack and the undercut of its inference to the thesis, both answers, numbered
    answers = answers_in(page, a2)
    assert sorted(a.split(". ", 1)[1] for a in answers) == ["A new ferry sails in floods", "Only in the rainy season"]
    assert [a.split(".")[0] for a in answers] == ["1", "2"]
    strengths = glance_strengths(page)
    ranked = sorted(("card-ferry-runs", "card-one-season"), key=lambda anchor: -strengths[anchor])
    titles = {"card-ferry-runs": "A new ferry sails in floods", "card-one-season": "Only in the rainy season"}
    assert answers == [f"1. {titles[ranked[0]]}", f"2. {titles[ranked[1]]}"]
    assert strengths[ranked[0]] > strengths[ranked[1]]
    best = [normal(e.text) for e in page.inside(a2) if e.attrs.get("class") == "best"]
    assert best == ["Best answer"]
    first_card = next(e for e in page.inside(a2) if e.tag == "article")
    assert any(e.attrs.get("class") == "best" for e in page.inside(first_card))


def test_the_table_at_the_top_lists_the_strongest_first(debate, cli):
    page = brief_of(debate, cli, MAP_ID)
    strengths = list(glance_strengths(page).values())
    assert len(strengths) == 10
    assert strengths == sorted(strengths, reverse=True)
    assert len(set(strengths)) > 2  # a ranking, not three label values
    header = [normal(e.text) for e in page.all("th")]
    assert "Strength (qe)" in header and "Status" in header


def test_a_standing_claim_whose_inference_falls_says_what_that_means(debate, cli):
    page = brief_of(debate, cli, MAP_ID)
    card = block(page, "card-boats-stop")
    line = [normal(e.text) for e in page.inside(card) if e.attrs.get("class") == "kept-but-cut"]
    assert line == ["It stands as a claim, but it no longer counts for \u201cBuild the bridge\u201d: "
                    "the undercut cuts the step, not the claim."]
    others = [e for e in page.elements if e.attrs.get("class") == "kept-but-cut"]
    assert len(others) == 1  # only where a standing claim's inference falls
    paragraphs = [p.text for p in word_of(debate, cli, MAP_ID)]
    assert line[0] in paragraphs


def test_a_mutual_attack_is_one_clash_shown_once(project: Path, cli):
    (project / "maps" / "clash.yaml").write_text(CLASH_MAP, encoding="utf-8")
    page = brief_of(project, cli, "clash")
    anchors = {e.attrs["id"] for e in page.elements if e.attrs.get("class") == "block"}
    # "It is dear" answers "It is cheap" (an objection to a claim); not the reverse as well
    assert "a2-con-cheap" in anchors and "a2-pro-dear" not in anchors
    assert answers_in(page, block(page, "a2-con-cheap")) == ["1. It is dear"]
    # the undercut answers the claim whose inference it denies
    assert answers_in(page, block(page, "a2-pro-late")) == ["1. Late still helps"]
    no_block = next((normal(e.text) for e in page.elements if e.attrs.get("class") == "no-block"), "")
    assert "It is dear" not in no_block and "It comes late" not in no_block


def test_word_blocks_hold_the_same_answers_and_name_the_claim(debate, cli):
    html = answers_in(page := brief_of(debate, cli, MAP_ID), block(page, "a2-con-boats-stop"))
    paragraphs = word_of(debate, cli, MAP_ID)
    start = next(i for i, p in enumerate(paragraphs) if p.text == "A2: Boats stop nine days a month")
    assert paragraphs[start + 1].text.startswith("Answers the PRO claim \u201cBoats stop nine days a month\u201d (stands)")
    end = next(i for i, p in enumerate(paragraphs[start + 1:], start + 1) if p.style.name in ("Block", "Hat"))
    tags = [p.text for p in paragraphs[start:end] if p.style.name == "Tag"]
    assert tags == html
    best = [i for i in range(start, end) if paragraphs[i].text.startswith("Best answer")]
    first_tag = next(i for i in range(start, end) if paragraphs[i].style.name == "Tag")
    assert best == [first_tag + 1]  # the line under the first answer's tag
