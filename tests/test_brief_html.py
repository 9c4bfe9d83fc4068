"""Parsed-HTML checks on briefs: content present, internal links resolve, nothing external
loaded, headings in order, languages marked, hostile text escaped."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from conftest import MAPS, SEEDS, requires_dot
from html_support import Page, broken_links, duplicate_ids, external_loads, normal

HOSTILE = "<script>alert(1)</script>"


# --- briefs of the fixture maps ------------------------------------------------------------


@pytest.fixture(scope="module")
def briefs(tmp_path_factory) -> dict[str, Page]:
    from argmap.usecases.brief import write_briefs

    out = tmp_path_factory.mktemp("briefs")
    outcome = write_briefs([MAPS], out, seeds_dir=SEEDS, built="2025-06-01")
    assert outcome.written, outcome.check.diagnostics
    return {path.stem: Page.load(path) for path in outcome.written}


@pytest.fixture(scope="module")
def project_models():
    from argmap.usecases.check import check

    result = check([MAPS], SEEDS)
    return result.project


def test_one_brief_per_map(briefs):
    assert set(briefs) == {p.stem for p in MAPS.glob("*.yaml")}


def test_every_node_quote_translation_and_source_is_in_the_brief(briefs, project_models):
    for document in project_models.maps:
        model = document.model
        page = briefs[model.id]
        text = page.text
        assert normal(model.question) in text and normal(model.title) in text
        assert normal(model.sides.pro) in text and normal(model.sides.con) in text
        for node_id, node in model.nodes.items():
            assert f"card-{node_id}" in page.ids, node_id
            card = next(e for e in page.elements if e.attrs.get("id") == f"card-{node_id}")
            assert normal(node.text) in normal(card.text), node_id
            for evidence in node.evidence:
                assert normal(evidence.quote) in normal(card.text), (node_id, evidence.quote)
                if evidence.translation:
                    assert normal(evidence.translation) in normal(card.text)
        cited = {e.source for n in model.nodes.values() for e in n.evidence}
        bibliography = next(e for e in page.elements if e.attrs.get("id") == "bibliography")
        for source_id in cited:
            source = project_models.sources[source_id].source
            assert f"ref-{source_id}" in page.ids
            assert normal(source.title) in normal(bibliography.text)
            if source.URL:
                assert source.URL in page.hrefs()


def test_quotes_carry_their_languages(briefs, project_models):
    page = briefs["river-bridge"]
    quotes = [e for e in page.elements if "quote" in e.attrs.get("class", "").split()]
    translations = [e for e in page.elements if "translation" in e.attrs.get("class", "").split()]
    assert quotes and {q.attrs["lang"] for q in quotes} == {"id"}
    assert translations and {t.attrs["lang"] for t in translations} == {"en"}
    assert page.all("html")[0].attrs["lang"] == "en"


def test_highlights_are_marked(briefs):
    page = briefs["river-bridge"]
    marks = {normal(m.text) for m in page.all("mark")}
    assert {"sembilan hari setiap bulan", "31 pemilik perahu"} <= marks


def test_internal_links_resolve_and_ids_are_unique(briefs):
    for name, page in briefs.items():
        assert broken_links({page.path.resolve(): page}, page.path.parent) == [], name
        assert duplicate_ids(page) == [], name


def test_nothing_external_is_loaded(briefs):
    for name, page in briefs.items():
        assert external_loads(page) == [], name
        assert not re.search(r"<script\b", page.html, re.I), name
        assert "@import" not in page.html and not re.search(r"url\(\s*['\"]?https?:", page.html)


@requires_dot
def test_diagram_is_inline_svg_with_a_text_alternative(briefs):
    page = briefs["river-bridge"]
    holder = next(e for e in page.elements if "diagram-svg" in e.attrs.get("class", ""))
    # a group, not an image: an image holding links is "nested-interactive" to axe (its links unreachable)
    assert holder.attrs["role"] == "group" and holder.attrs["aria-label"]
    assert len(page.all("svg")) == 1
    assert "<?xml" not in page.html and "<!DOCTYPE svg" not in page.html
    assert any(e.tag == "details" and "outline" in e.attrs.get("class", "") for e in page.elements)


def test_headings_never_skip_a_level(briefs):
    for name, page in briefs.items():
        levels = page.headings()
        assert levels[0] == 1 and levels.count(1) == 1, name
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, (name, before, after)


def test_sides_and_statuses_are_named_in_words(briefs):
    page = briefs["river-bridge"]
    sides = {normal(e.text) for e in page.elements if "side" in e.attrs.get("class", "").split()}
    assert {"PRO", "CON"} <= sides
    statuses = {normal(e.text).split()[-1] for e in page.elements if "status" in e.attrs.get("class", "").split()}
    assert statuses == {"stands", "falls", "undecided"}  # the fixture map has all three


def test_blocks_are_headed_a2(briefs):
    page = briefs["river-bridge"]
    assert any(normal(h.text).startswith("A2: ") for h in page.all("h4"))
    assert "Still to answer" in {normal(h.text) for h in page.all("h3")}


def test_print_and_phone_css(briefs):
    html = briefs["river-bridge"].html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "@media print" in html and "break-inside: avoid" in html and 'a[href^="http"]::after' in html
    assert "@media (max-width:" in html


def test_header_shows_date_and_check_status(briefs):
    header = briefs["river-bridge"].all("header")[0]
    assert "2025-06-01" in header.text and "checked: no errors" in normal(header.text)


# --- hostile text --------------------------------------------------------------------------


def hostile_project(root: Path) -> Path:
    """A project whose every text field, and whose source document, holds markup."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    text = (f"Line one of the document.\nThe minister said {HOSTILE} and \"quoted\" <b>bold</b> & more here today.\n"
            "Last line.\n")
    (seeds / "evil.txt").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    (seeds / "sources.yaml").write_text(f"""sources:
  evil:
    file: evil.txt
    sha256: {digest}
    type: webpage
    title: "Title {HOSTILE}"
    title-en: "English <img src=x onerror=alert(2)>"
    author: [{{literal: "Org {HOSTILE}"}}]
    issued: 2024
    container-title: "Site <i>x</i>"
    URL: "https://example.org/?q=<script>&a=\\"b"
    language: en
    reliability: news
    note: "Note {HOSTILE}"
""", encoding="utf-8")
    maps = root / "maps"
    maps.mkdir()
    (maps / "evil.yaml").write_text(f"""argmap: 1
id: evil
title: "Map {HOSTILE}"
question: "Question {HOSTILE}?"
lang: en
sides:
  pro: "Pro {HOSTILE}"
  con: "Con <img src=x onerror=alert(3)>"
nodes:
  t-pro:
    type: thesis
    side: pro
    text: "Thesis {HOSTILE}"
    analytic: true
  t-con:
    type: thesis
    side: con
    text: "Con thesis </h1><h1>injected"
    analytic: true
  c1:
    type: claim
    text: "Claim {HOSTILE}"
    supports: [t-pro]
    note: "Careful {HOSTILE}"
    evidence:
      - source: evil
        quote: "The minister said {HOSTILE} and \\"quoted\\" <b>bold</b> & more"
        translation: "Translation {HOSTILE}"
        highlight: ["{HOSTILE}"]
  o1:
    type: objection
    text: "Objection \\"><script>alert(4)</script>"
    attacks: [c1]
    analytic: true
""", encoding="utf-8")
    return root


@requires_dot
def test_hostile_text_is_shown_as_text(tmp_path):
    from argmap.usecases.brief import write_briefs

    root = hostile_project(tmp_path)
    outcome = write_briefs([root / "maps"], tmp_path / "out", seeds_dir=root / "seeds", built="2025-06-01")
    assert outcome.written, [str(d) for d in outcome.check.diagnostics]
    page = Page.load(outcome.written[0])
    assert page.all("script") == [] and page.all("img") == [] and page.all("b") == []
    assert len(page.all("h1")) == 1
    assert page.text.count(HOSTILE) >= 8  # shown, literally, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.html
    assert any(normal(m.text) == HOSTILE for m in page.all("mark"))
    link = next(e for e in page.all("a") if e.attrs.get("href", "").startswith("https://example.org"))
    assert link.attrs["href"] == 'https://example.org/?q=<script>&a="b'  # one attribute, intact
    svg = page.html[page.html.index("<svg"):page.html.index("</svg>")]
    assert "<script" not in svg and "&lt;script&gt;" in svg
