"""Quote matching: what is forgiven, and what never is."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.quotes.match import SourceText, canonical

SOURCE = (
    "Para pemimpin NATO sedang mendiskusikan cara untuk memastikan Ukraina tidak\n"
    "diserang lagi oleh Rusia, kata ketua aliansi 31 negara tersebut.\n"
    "Presiden Ukraina sedang mencari \u201cjaminan keamanan\u201d dari aliansi \u2014 untuk mence-\n"
    "gah serangan di masa depan. Rusia juga melakukan pertimbangan kekuatan karena *NATO* melakukan ekspansi.\n"
    "NATO memberikan bantuan militer. Sejak 2022, NATO memberikan bantuan militer kepada negara-\n"
    "negara mitra.\n"
)


@pytest.fixture(scope="module")
def source() -> SourceText:
    return SourceText(SOURCE)


@pytest.mark.parametrize(
    "quote",
    [
        "memastikan Ukraina tidak diserang lagi oleh Rusia",  # line break in the source
        "memastikan   Ukraina\ttidak\n diserang lagi",  # runs of white space in the quote
        'sedang mencari "jaminan keamanan" dari aliansi - untuk',  # straight quotes and dash
        "untuk mencegah serangan di masa depan",  # line-end hyphenation joined
        "karena NATO melakukan ekspansi",  # Markdown emphasis in the source
        "karena *NATO* melakukan ekspansi",  # ... or in the quote
        "kepada negara-negara mitra",  # a reduplication split at a line end keeps its hyphen
        unicodedata.normalize("NFD", "Presiden Ukraina sedang mencari"),
    ],
)
def test_invisible_differences_are_forgiven(source: SourceText, quote: str):
    result = source.find(quote)
    assert result.found, quote


@pytest.mark.parametrize(
    "quote",
    [
        "kata ketua aliansi 30 negara tersebut",  # a changed digit
        "memastikan Ukraina diserang lagi oleh Rusia",  # a dropped negation
        "memastikan Ukraina tidak diserang lagi oleh China",  # a changed word
        "memastikan ukraina tidak diserang lagi",  # case is part of the words
    ],
)
def test_changed_words_digits_and_negations_are_not(source: SourceText, quote: str):
    result = source.find(quote)
    assert not result.found
    assert result.nearest is not None
    assert result.nearest.similarity > 60


def test_nearest_passage_names_its_line_and_the_changed_word(source: SourceText):
    result = source.find("kata ketua aliansi 30 negara tersebut")
    near = result.nearest
    assert near.line == 2
    assert "31 negara" in near.passage
    assert any("'31'" in d and "'30'" in d for d in near.differences)


def test_found_quote_reports_line_and_verbatim_passage(source: SourceText):
    result = source.find("untuk mencegah serangan di masa depan")
    (match,) = result.matches
    assert (match.line, match.end_line) == (3, 4)
    assert match.passage == "untuk mence-\ngah serangan di masa depan"
    assert SOURCE[match.start:match.end] == match.passage


def test_several_occurrences_and_prefix_suffix_pick_one(source: SourceText):
    ambiguous = source.find("NATO memberikan bantuan militer")
    assert ambiguous.occurrences == 2 and len(ambiguous.matches) == 2
    picked = source.find("NATO memberikan bantuan militer", prefix="Sejak 2022,")
    assert picked.unique and picked.matches[0].line == 5
    by_suffix = source.find("NATO memberikan bantuan militer", suffix="kepada negara")
    assert by_suffix.unique and by_suffix.matches[0].start == picked.matches[0].start
    wrong = source.find("NATO memberikan bantuan militer", prefix="Pada 2014,")
    assert wrong.occurrences == 2 and not wrong.found


def test_canonical_form_is_idempotent():
    text = "  \u201cA\u201d \u2014 *b*  c-\nd  "
    assert canonical(canonical(text)) == canonical(text) == '"A" - b cd'


# Text made of what the canonical form changes: single and repeated spaces, line breaks, mapped
# and dropped characters, hyphens at line ends, between words kept as they are.
_TRICKY = st.lists(st.sampled_from(list("ab1 .-\n\t*_") + ["\u00a0", "\u00ad", "\u200b", "\u201c", "\u2019", "\u2014",
                                                             "\u3000", "-\n", " \n ", "  "]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TRICKY)
def test_the_search_index_maps_each_canonical_character_back_to_the_source(text: str):
    from argmap.quotes.match import _TRANSLATION, _CanonicalIndex

    for keep_line_end_hyphens in (False, True):
        index = _CanonicalIndex(text, keep_line_end_hyphens)
        assert list(index.offsets) == sorted(set(index.offsets)) and len(index.offsets) == len(index.text)
        for char, offset in zip(index.text, index.offsets):
            source = text[offset]
            assert char == source or char == source.translate(_TRANSLATION) or (char == " " and source.isspace()) \
                or (char == " " and source.translate(_TRANSLATION) == ""), (char, source)
        if "-" not in text.translate(_TRANSLATION):  # no hyphen nor dash: the index is the canonical form
            assert index.text == canonical(text)
