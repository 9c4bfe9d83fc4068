"""APA 7 references and in-text citations."""

from __future__ import annotations

import pytest

from argmap.brief.bibliography import apa_reference, author_list, bibliography, in_text, initials, reference_date
from argmap.core.model import Author, Source


def source(**fields) -> Source:
    base = {"file": "x.txt", "title": "Judul Asli"}
    return Source.model_validate({**base, **fields})


def test_initials():
    assert initials("Pinto Rahmat") == "P. R."
    assert initials("Jean-Paul") == "J.-P."
    assert initials("Ummu") == "U."


def test_author_lists_follow_apa():
    names = [Author(family=f"F{i}", given="Given") for i in range(25)]
    assert author_list(names[:1]) == "F0, G."
    assert author_list(names[:2]) == "F0, G., & F1, G."
    assert author_list(names[:3]) == "F0, G., F1, G., & F2, G."
    listed = author_list(names[:21])
    assert listed.count("F") == 20 and listed.endswith(", . . . F20, G.") and "F19" not in listed


def test_journal_article_with_english_title():
    s = source(type="article-journal", title="Perimbangan Kekuatan Rusia", **{"title-en": "Russia's balance of power"},
               author=[{"family": "Ade", "given": "Pinto Rahmat"}, {"family": "Santoso", "given": "Made"}],
               issued="2025-10-28", **{"container-title": "Jurnal Ilmiah"}, volume="11", issue="11.B", page="221-229",
               URL="https://example.org/a")
    ref = apa_reference("ade", s)
    assert ref.text == ("Ade, P. R., & Santoso, M. (2025). Perimbangan Kekuatan Rusia [Russia's balance of power]. "
                        "Jurnal Ilmiah, 11(11.B), 221\u2013229. https://example.org/a")
    italic = [span.text for span in ref.spans if span.italic]
    assert italic == ["Jurnal Ilmiah", "11"]  # journal and volume, not the article title
    assert ref.spans[-1].href == "https://example.org/a"
    assert in_text(s) == "Ade & Santoso, 2025"


def test_newspaper_blog_and_webpage_give_the_full_date():
    news = source(type="article-newspaper", issued="2025-12-08", author=[{"family": "Alvina", "given": "Ummu"}],
                  **{"container-title": "jfid"})
    assert apa_reference("n", news).text == "Alvina, U. (2025, December 8). Judul Asli. jfid."
    blog = source(type="post-weblog", issued="2021-12", author=[{"family": "Hakima", "given": "Fidhel"}],
                  **{"container-title": "Kompasiana"})
    assert reference_date(blog) == "2021, December"
    page = source(type="webpage", issued="2020", author=[{"literal": "NATO"}], **{"container-title": "nato.int"})
    ref = apa_reference("p", page)
    assert ref.text == "NATO. (2020). Judul Asli. nato.int."
    assert [s.text for s in ref.spans if s.italic] == ["Judul Asli"]  # a web page's title is italic, its site not


def test_work_without_author_or_date_starts_with_its_title():
    s = source(type="thesis", author=[{"literal": "Unknown (not stated in the captured abstract)"}],
               **{"title-en": "English title"})
    assert apa_reference("t", s).text == "Judul Asli [English title] [Thesis]. (n.d.)."
    assert in_text(s) == "\u201cJudul Asli\u201d, n.d."


def test_same_english_title_is_not_repeated():
    s = source(type="report", title="Same", **{"title-en": "Same"}, issued="2024")
    assert "[" not in apa_reference("s", s).text


def test_only_web_addresses_become_links():
    s = source(URL="javascript:alert(1)")
    ref = apa_reference("j", s)
    assert ref.spans[-1].text == "javascript:alert(1)" and ref.spans[-1].href is None


def test_bibliography_is_alphabetical_by_first_element():
    refs = bibliography({
        "b": source(author=[{"family": "Zed", "given": "A"}]),
        "a": source(author=[{"family": "Abe", "given": "A"}]),
        "c": source(title="Middle title"),
    })
    assert [r.source_id for r in refs] == ["a", "c", "b"]


@pytest.mark.parametrize("issued, expected", [(None, "n.d."), ("2024", "2024"), ("2024-03", "2024, March"),
                                               ("2024-03-05", "2024, March 5")])
def test_periodical_dates(issued, expected):
    assert reference_date(source(type="article-newspaper", issued=issued)) == expected


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
