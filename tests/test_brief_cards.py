"""The brief as a debater uses it, checked on the parsed HTML: a card per node with links both ways
along every attack and undercut, fallen claims linking to what defeats them, the diagram's nodes
linking to their cards, the table of claims at the top, and Verbatim-style cards (short and full
cite, the quote in its sentence, highlights in the translation too, reading times)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import requires_dot
from debater_support import MAP_ID, QUALIFICATIONS, write_debate
from html_support import Page, normal

TITLES = {
    "build": "Build the bridge", "keep": "Keep the boats", "boats-stop": "Boats stop nine days a month",
    "ferry-runs": "A new ferry sails in floods", "ferry-stops-at-night": "The ferry stops at night",
    "road-money": "It takes the road money", "roads-can-wait": "Roads can wait a year",
    "roads-cannot-wait": "Some roads cannot wait", "crossing-is-quick": "The crossing takes twelve minutes",
    "one-season": "Only in the rainy season",
}
# (answering node, answered node): every attack, and every undercut (answering the relation's source)
ANSWERS = [("ferry-runs", "boats-stop"), ("ferry-stops-at-night", "ferry-runs"), ("roads-can-wait", "road-money"),
           ("roads-cannot-wait", "roads-can-wait"), ("one-season", "boats-stop")]


@pytest.fixture
def brief(project: Path) -> Page:
    from argmap.usecases.brief import write_briefs

    write_debate(project)
    outcome = write_briefs([project / "maps"], project / "out", seeds_dir=project / "seeds", built="2025-06-01")
    assert outcome.written, [str(d) for d in outcome.check.diagnostics]
    return Page.load(project / "out" / f"{MAP_ID}.html")


def card(page: Page, node_id: str):
    return next(e for e in page.elements if e.attrs.get("id") == f"card-{node_id}")


def links_in(page: Page, element, label: str) -> dict[str, str]:
    """The links of the card's "Answers:" or "Answered by:" line: href → text."""
    inside = page.inside(element)
    line = next(e for e in inside if e.attrs.get("class") == "answers" and normal(e.text).startswith(label))
    return {e.attrs["href"]: normal(e.text) for e in page.inside(line) if e.tag == "a"}


def test_every_node_theses_included_has_a_card(brief):
    for node_id, title in TITLES.items():
        element = card(brief, node_id)
        assert element.tag == "article"
        heading = next(e for e in brief.inside(element) if e.attrs.get("class") == "tag")
        assert normal(heading.text).endswith(title)


def test_answers_and_answered_by_link_both_ways_by_title(brief):
    for answering, answered in ANSWERS:
        assert links_in(brief, card(brief, answering), "Answers:")[f"#card-{answered}"] == TITLES[answered]
        assert links_in(brief, card(brief, answered), "Answered by:")[f"#card-{answering}"] == TITLES[answering]


def test_a_fallen_claim_links_to_what_defeats_it(brief):
    fallen = card(brief, "ferry-runs")
    reason = next(e for e in brief.inside(fallen) if e.attrs.get("class") == "reason")
    assert normal(reason.text) == "(defeated by \u201cThe ferry stops at night\u201d)"
    assert [e.attrs["href"] for e in brief.inside(reason) if e.tag == "a"] == ["#card-ferry-stops-at-night"]


@requires_dot
def test_every_diagram_node_links_to_its_card(brief):
    svg = next(e for e in brief.elements if e.tag == "svg")
    hrefs = {e.attrs.get("href") for e in brief.inside(svg) if e.tag == "a"}
    assert {f"#card-{node_id}" for node_id in TITLES} <= hrefs
    assert all(h is None or h[1:] in brief.ids for h in hrefs)


def test_the_table_lists_standing_claims_first_with_their_best_card(brief):
    table = next(e for e in brief.elements if e.tag == "table" and e.attrs.get("class") == "glance")
    rows = [e for e in brief.inside(table) if e.tag == "tr" and "data-status" in e.attrs]
    assert len(rows) == len(TITLES)
    statuses = [row.attrs["data-status"] for row in rows]
    assert statuses == sorted(statuses, key=["stands", "undecided", "falls"].index)
    assert statuses.count("falls") == 3  # two answered claims, and the thesis whose clash the other side wins
    first = {normal(e.text) for e in brief.inside(rows[0]) if e.tag == "a"}
    assert first & set(TITLES.values())
    boats = next(row for row in rows if any(e.attrs.get("href") == "#card-boats-stop" for e in brief.inside(row)))
    best = next(e for e in brief.inside(boats) if e.tag == "a" and e.attrs["href"].startswith("#card-boats-stop-e"))
    assert normal(best.text) == "Sari et al. 23" and best.attrs["href"][1:] in brief.ids
    # the filters: one box per side and per status present, all ticked
    boxes = {e.attrs["id"] for e in brief.all("input") if e.attrs.get("type") == "checkbox"}
    assert boxes == {"show-pro", "show-con", "show-stands", "show-falls"}


def test_cards_are_verbatim_style(brief):
    evidence = next(e for e in brief.elements if e.attrs.get("id") == "card-boats-stop-e1")
    inside = brief.inside(evidence)
    short = next(e for e in inside if e.attrs.get("class") == "short-cite")
    assert short.tag == "strong" and normal(short.text) == "Sari et al. 23"
    full = normal(next(e for e in inside if e.attrs.get("class") == "full-cite").text)
    assert QUALIFICATIONS in full and "Jurnal Kota Kecil" in full and "https://example.org/jurnal/jembatan-lembah" in full
    context = [normal(e.text) for e in inside if e.attrs.get("class") == "context"]
    assert context == ["Pada musim hujan,", "."]
    marks = [normal(e.text) for e in inside if e.tag == "mark"]
    assert marks == ["nine days a month", "sembilan hari setiap bulan"]  # the body (the translation) first
    reading = next(e for e in inside if e.attrs.get("class") == "reading")
    assert normal(reading.text) == "read 0:01"


def test_a_block_states_its_reading_time_and_numbers_its_answers(brief):
    block = next(e for e in brief.elements if e.attrs.get("id") == "a2-pro-ferry-runs")
    text = normal(block.text)
    assert text.startswith("A2: A new ferry sails in floods")
    assert "read 0:02" in text and "1. The ferry stops at night" in text


def test_the_speaker_is_named_on_the_cite_line(brief):
    evidence = normal(next(e for e in brief.elements if e.attrs.get("id") == "card-ferry-runs-e1").text)
    assert "Lestari 24 (reporting the head of the transport office)" in evidence


def test_the_html_brief_takes_the_reading_speed_too(project: Path, cli):
    write_debate(project)
    out = project / "slow"
    result = cli(["brief", project / "maps", "--seeds", project / "seeds", "-o", out, "--wpm", "60"])
    assert result.exit_code == 0, result.output
    page = Page.load(out / f"{MAP_ID}.html")
    evidence = next(e for e in page.elements if e.attrs.get("id") == "card-boats-stop-e1")
    reading = next(e for e in page.inside(evidence) if e.attrs.get("class") == "reading")
    assert normal(reading.text) == "read 0:04"  # "nine days a month" at one word a second


def test_under_a_gradual_semantics_the_table_lists_the_strongest_first(project: Path):
    from argmap.usecases.brief import write_briefs

    write_debate(project)
    outcome = write_briefs([project / "maps"], project / "out", seeds_dir=project / "seeds", built="2025-06-01",
                           semantics="dfquad")
    assert outcome.written
    page = Page.load(project / "out" / f"{MAP_ID}.html")
    rows = [e for e in page.elements if e.tag == "tr" and "data-status" in e.attrs]
    strengths = [float(next(e for e in page.inside(row) if e.tag == "meter").attrs["value"]) for row in rows]
    assert strengths == sorted(strengths, reverse=True)
    assert {row.attrs["data-status"] for row in rows} == {"strong", "weak"}
    assert all((row.attrs["data-status"] == "strong") == (s >= 0.5) for row, s in zip(rows, strengths))


def test_read_original_puts_the_original_first_and_highlights_a_body_without_highlights(project: Path, cli):
    write_debate(project)
    out = project / "original"
    result = cli(["brief", project / "maps", "--seeds", project / "seeds", "-o", out, "--read", "original"])
    assert result.exit_code == 0, result.output
    page = Page.load(out / f"{MAP_ID}.html")
    evidence = next(e for e in page.elements if e.attrs.get("id") == "card-ferry-stops-at-night-e1")
    quotes = [e for e in page.inside(evidence) if e.tag == "blockquote"]
    assert [q.attrs["class"] for q in quotes] == ["quote", "translation unread"]
    # no highlight in the original: as the body, all of it is marked, and the reading time counts it
    assert [normal(e.text) for e in page.inside(quotes[0]) if e.tag == "mark"] == [
        "feri tidak akan berlayar pada malam hari saat hujan deras"]
    assert [normal(e.text) for e in page.inside(quotes[1]) if e.tag == "mark"] == ["will not sail at night"]
    reading = next(e for e in page.inside(evidence) if e.attrs.get("class") == "reading")
    assert normal(reading.text) == "read 0:03"  # 10 words at 250 a minute
