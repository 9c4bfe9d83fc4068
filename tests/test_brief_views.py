"""The brief's view models, on the fixture maps: what goes where, and why."""

from __future__ import annotations


import pytest

from argmap.brief.views import (SITE_ROOT, SITE_SOURCES, STANDALONE, brief_page, build_date, highlight_segments,
                                source_page, split_lines)
from argmap.core.diagnostics import UsageError
from argmap.evaluate.evaluations import Evaluations
from conftest import MAPS, SEEDS


@pytest.fixture(scope="module")
def project():
    from argmap.usecases.check import check

    result = check([MAPS], SEEDS)
    assert result.errors == 0
    return result.project


@pytest.fixture(scope="module")
def pages(project):
    return {d.model.id: (d, brief_page(d, project, Evaluations(project.registered), built="2025-06-01", links=SITE_ROOT)) for d in project.maps}


def full_cards(page):
    cards = [c for side in page.sides for c in (*side.theses, *side.contentions)]
    cards += [c for side in page.sides for block in side.blocks for c in block.answers]
    return [c for c in (*cards, *page.unsided) if not c.repeat]


def test_every_node_has_exactly_one_full_card(pages):
    for document, page in pages.values():
        ids = [c.ref.id for c in full_cards(page)]
        assert sorted(ids) == sorted(document.model.nodes), document.model.id


def test_cards_sit_on_their_own_side(pages):
    for document, page in pages.values():
        for side in page.sides:
            for card in (*side.theses, *side.contentions):
                assert document.graph.sides[card.ref.id] == side.key
            for block in side.blocks:
                assert document.graph.sides[block.claim.id] != side.key
                for answer in block.answers:
                    assert document.graph.sides[answer.ref.id] == side.key


def test_blocks_answer_every_attacked_claim_of_the_other_side(pages):
    document, page = pages["river-bridge"]
    graph = document.graph
    blocked = {side.key: {b.claim.id for b in side.blocks} for side in page.sides}
    # training-is-unfunded and training-is-cheap attack each other: one clash, shown once, in the
    # block against the earlier of two rebuttals
    assert blocked == {"pro": {"bridge-too-costly", "boatmen-lose-work", "new-ferry-runs-in-floods", "training-is-unfunded"},
                       "con": {"boats-stop-in-floods", "boatmen-can-be-trained", "roads-can-wait"}}
    for side in page.sides:
        for block in side.blocks:
            direct = {a.ref.id for a in block.answers} & set(graph.attackers(block.claim.id))
            assert direct, block.claim.id  # every block holds at least one real answer
        # the claim answered only by the clash shown in the other side's block has no "no block yet"
        assert "training-is-cheap" not in {r.id for r in side.unanswered_claims}


def test_contentions_support_their_thesis(pages):
    document, page = pages["river-bridge"]
    pro = page.sides[0]
    assert [t.ref.id for t in pro.theses] == ["build-the-bridge"]
    first = pro.contentions[0]
    assert first.ref.id == "boats-stop-in-floods"
    assert [(r.verb, r.target.id) for r in first.relations] == [("supports", "build-the-bridge")]


def test_quote_view_has_cite_line_highlight_and_context_link(pages, project):
    document, page = pages["river-bridge"]
    card = next(c for c in full_cards(page) if c.ref.id == "boats-stop-in-floods")
    quote = card.quotes[0]
    located = project.sources["sari2023"].text.find(quote.text).matches[0]
    assert quote.found and quote.line == located.line
    assert quote.context_href == f"sources/sari2023.html#q-{located.start}-{located.end}"
    assert [s.text for s in quote.segments if s.marked] == ["sembilan hari setiap bulan"]
    assert quote.lang == "id" and quote.translation_lang == "en"
    assert quote.translation.startswith("In the rainy season the boats")
    assert quote.cite.short == "Sari et al., 2023" and quote.cite.reliability_label == "peer-reviewed"
    assert quote.cite.url == "https://example.org/jurnal/jembatan-lembah"
    assert quote.cite.title_en.startswith("The Lembah river bridge")


def test_standalone_briefs_link_nowhere_else(project):
    document = project.maps[0]
    page = brief_page(document, project, Evaluations(project.registered), built="2025-06-01", links=STANDALONE)
    quotes = [q for c in full_cards(page) for q in c.quotes]
    assert quotes and all(q.context_href is None for q in quotes)
    assert page.index_href is None and page.diagram.href is None


def test_statuses_come_from_the_evaluation(pages):
    from argmap.evaluate import evaluate_map

    document, page = pages["river-bridge"]
    verdicts = evaluate_map(document.model, page.semantics).verdicts
    for card in full_cards(page):
        assert card.status.word == verdicts[card.ref.id].status


def test_still_to_answer_matches_prep(pages, project):
    from argmap.evaluate.prep import prepare

    for document, page in pages.values():
        registry = {sid: doc.source for sid, doc in project.sources.items()}
        prep = prepare(document.model, registry)
        for side in page.sides:
            expected = [(u.attacker, u.target) for u in prep.side(side.key).still_to_answer]
            assert [(o.attack.id, o.target.id) for o in side.still_to_answer] == expected


def test_bibliography_lists_each_cited_source_once(pages):
    document, page = pages["river-bridge"]
    cited = {e.source for n in document.model.nodes.values() for e in n.evidence}
    assert sorted(r.source_id for r in page.bibliography) == sorted(cited)


def test_outline_covers_every_node(pages):
    def walk(items):
        for item in items:
            yield item.ref.id
            yield from walk(item.children)

    for document, page in pages.values():
        assert set(walk(page.diagram.outline)) == set(document.model.nodes)


def test_highlight_segments_forgive_what_the_check_forgives():
    segments = highlight_segments("NATO \u201cmenegaskan\u201d  dukungan kuat", ['"menegaskan" dukungan'])
    assert [(s.text, s.marked) for s in segments] == [("NATO ", False), ("\u201cmenegaskan\u201d  dukungan", True),
                                                      (" kuat", False)]


def test_source_lines_split_passages_at_line_ends():
    from argmap.brief.views import Passage

    text = "one two\nthree four\n"
    passage = Passage("q-4-13", 1, 2, "two\nthree", ())
    lines = split_lines(text, [(4, 13)], [passage])
    assert [line.number for line in lines] == [1, 2, 3]
    assert [(p.text, p.marked, p.anchors) for p in lines[0].pieces] == [("one ", False, ()), ("two", True, ("q-4-13",))]
    assert [(p.text, p.marked, bool(p.ends)) for p in lines[1].pieces] == [("three", True, True), (" four", False, False)]


def test_source_page_collects_every_citing_claim(project):
    page = source_page("warta2024", project, built="2025-06-01", links=SITE_SOURCES)
    citing = {(b.map_id, b.node.id) for p in page.passages for b in p.cited_by}
    expected = {(d.model.id, nid) for d in project.maps for nid, n in d.model.nodes.items()
                if any(e.source == "warta2024" for e in n.evidence)}
    assert citing == expected
    assert all(b.href.startswith("../") for p in page.passages for b in p.cited_by)


def test_build_date_is_pinnable():
    assert build_date("2024-02-29", {}) == "2024-02-29"
    assert build_date(None, {"SOURCE_DATE_EPOCH": "0"}) == "1970-01-01"
    assert build_date("2024-01-01", {"SOURCE_DATE_EPOCH": "0"}) == "2024-01-01"  # the option wins
    with pytest.raises(UsageError):
        build_date("2024-13-01", {})
    with pytest.raises(UsageError):
        build_date(None, {"SOURCE_DATE_EPOCH": "soon"})
