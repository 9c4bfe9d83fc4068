"""`argmap quote`: from remembered words to a verified evidence snippet.

The queries are sentences of the fixture sources (tests/fixtures/seeds), altered the way a mapper's memory alters
them: words left out, spacing changed, a typo, a different case, a clause taken from the middle.
"""

from __future__ import annotations

import re

import textwrap
from pathlib import Path

import pytest
import yaml

from argmap.quotes.match import SourceText
from argmap.quotes.search import CLOSE_ENOUGH, rank_passages, readable
from argmap.usecases.quote import find_quote
from conftest import SEEDS


def source(name: str) -> SourceText:
    return SourceText((SEEDS / name).read_text(encoding="utf-8"))


SARI = "sari2023-jembatan-lembah.txt"
WARTA = "warta2024-feri-lembah.txt"
NG = "ng2022-ferry-diary.txt"

# (file, remembered words, the verbatim passage the finder must return, its line)
PARAPHRASES = [
    # three words left out ("kota", "sebesar", "harus")
    (SARI, "Pemerintah memperkirakan biaya pembangunan 40 miliar rupiah, dan dana itu diambil dari anggaran jalan desa",
     "Pemerintah kota memperkirakan biaya pembangunan sebesar 40 miliar rupiah, dan dana itu harus diambil dari anggaran jalan desa.", 19),
    # a clause from the middle of a sentence, with a typo ("berlyar") and doubled spaces
    (WARTA, "feri  tetap dapat berlyar ketika air sungai naik",
     "feri tetap dapat berlayar ketika air sungai naik", 7),
    # words left out and the typographic quotes not typed
    (WARTA, "Kami menunggu jembatan sepuluh tahun kata seorang pedagang pasar",
     "\u201cKami sudah menunggu jembatan selama sepuluh tahun,\u201d kata seorang pedagang pasar.", 9),
    # a sentence broken over three lines in the source, typed in lower case on one line
    (SARI, "kajian terdahulu menunjukkan bahwa masih sedikit penelitian yang mengukur waktu tempuh warga secara langsung",
     "Kajian terdahulu menunjukkan bahwa masih sedikit penelitian yang mengukur waktu tempuh warga desa kecil secara langsung di lapangan.", 11),
    # words reordered, one left out and one added: the whole clause, not the words alone
    (NG, "old boatmen say their trade would end with a bridge",
     "The old boatmen say a bridge would end their trade", 6),
]


@pytest.mark.parametrize(("file", "words", "passage", "line"), PARAPHRASES, ids=[p[1][:30] for p in PARAPHRASES])
def test_paraphrase_finds_the_real_passage_first(file, words, passage, line):
    text = source(file)
    best = rank_passages(text, words)[0]
    assert readable(best.located.passage) == passage
    assert best.located.line == line
    assert best.similarity >= CLOSE_ENOUGH
    assert text.find(readable(best.located.passage)).found


def test_ranking_is_best_first_without_overlaps_and_respects_limit():
    ranked = rank_passages(source(SARI), "perahu jembatan warga", limit=4)
    assert len(ranked) == 4
    assert [p.similarity for p in ranked] == sorted((p.similarity for p in ranked), reverse=True)
    spans = sorted((p.located.start, p.located.end) for p in ranked)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


def test_unrelated_words_are_not_close():
    ranked = rank_passages(source(WARTA), "the quick brown fox jumps over the lazy dog")
    assert all(p.similarity < CLOSE_ENOUGH for p in ranked)


def test_readable_joins_lines_drops_emphasis_keeps_typography():
    assert readable("karena *NATO* melakukan\n  ekspansi") == "karena NATO melakukan ekspansi"
    assert readable("perta-\nhanan dan negara-\nnegara") == "pertahanan dan negara-negara"
    assert readable("“jaminan keamanan”") == "“jaminan keamanan”"


# --- the command -------------------------------------------------------------------------------


def snippet_of(stdout: str) -> str:
    return stdout[stdout.index("    evidence:"):]


def test_cli_prints_ranking_quote_and_snippet(cli):
    result = cli(["quote", "sari2023", PARAPHRASES[0][1], "--seeds", SEEDS])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"line {PARAPHRASES[0][3]}" in out and "%" in out
    assert f"verbatim:\n  {PARAPHRASES[0][2]}" in out
    entry = yaml.safe_load(textwrap.dedent(snippet_of(out)))["evidence"][0]
    assert entry == {"source": "sari2023", "quote": PARAPHRASES[0][2]}  # the translation is a TODO comment
    assert "# translation: TODO" in out


def test_cli_limit(cli):
    out = cli(["quote", "warta2024", "feri jembatan warga", "--seeds", SEEDS, "--limit", "2"]).stdout
    ranking = [line for line in out.splitlines() if re.match(r"^ +[0-9.]+%  line ", line)]
    assert len(ranking) == 2


def test_cli_exits_1_when_nothing_is_close(cli):
    result = cli(["quote", "warta2024", "the quick brown fox jumps over the lazy dog", "--seeds", SEEDS])
    assert result.exit_code == 1
    assert "no passage is close" in result.stdout and "evidence:" not in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["quote", "sari2024", "perahu", "--seeds", SEEDS], "did you mean 'sari2023'?"),
    (["quote", "sari2023", "perahu", "--seeds", "no-such-folder"], "seeds folder 'no-such-folder' not found"),
    (["quote", "sari2023", " ... ", "--seeds", SEEDS], "no words to look for"),
])
def test_cli_exits_2_when_it_cannot_run(cli, args, message):
    result = cli(args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


# --- repeated passages: prefix/suffix ------------------------------------------------------------

TITLE = "Jembatan Sungai Lembah dan Kehidupan Warga Tepi Barat"  # lines 1 and 11 of sari2023
TITLE_WORDS = "Jembatan sungai Lembah dan kehidupan warga tepi barat"


def test_repeated_passage_gets_a_short_prefix_that_makes_it_unique():
    report = find_quote("sari2023", TITLE_WORDS, SEEDS)
    best = report.best
    assert best is not None and best.quote.startswith(TITLE)
    assert [o.line for o in best.occurrences] == [1, 11]
    assert best.prefix or best.suffix
    text = source(SARI)
    matches = text.find(best.quote, best.prefix, best.suffix).matches
    assert [m.line for m in matches] == [best.passage.located.line]
    for context in (best.prefix, best.suffix):
        assert context is None or len(context.split()) <= 3  # short, not the whole paragraph


def map_with(snippet: str, lang: str) -> str:
    head = textwrap.dedent(f"""\
        argmap: 1
        id: pasted
        title: A pasted snippet
        question: Does the pasted evidence verify?
        lang: {lang}
        sides:
          pro: Yes
          con: No
        nodes:
          pro-thesis:
            type: thesis
            side: pro
            text: The snippet verifies.
          con-thesis:
            type: thesis
            side: con
            text: It does not.
          con-reason:
            type: claim
            text: A reason.
            supports: [con-thesis]
            analytic: true
          pasted-claim:
            type: claim
            text: The claim the pasted evidence backs.
            supports: [pro-thesis]
        """)
    return head + snippet + "\n"


@pytest.mark.parametrize(("source_id", "words"), [("sari2023", PARAPHRASES[0][1]), ("warta2024", PARAPHRASES[2][1]),
                                                  ("sari2023", PARAPHRASES[3][1]), ("sari2023", TITLE_WORDS)])
def test_pasted_snippet_verifies_with_argmap_check(cli, project: Path, source_id, words):
    quoted = cli(["quote", source_id, words, "--seeds", project / "seeds"])
    assert quoted.exit_code == 0, quoted.output
    map_file = project / "maps" / "pasted.yaml"
    map_file.write_text(map_with(snippet_of(quoted.stdout), lang="id"), encoding="utf-8")
    checked = cli(["check", map_file, "--seeds", project / "seeds", "--format", "json", "--strict"])
    assert checked.exit_code == 0, checked.stdout
    summary = yaml.safe_load(checked.stdout)["summary"]
    assert summary["quotes"] == summary["quotes_verified"] == 1


def test_translation_placeholder_is_reported_until_written(cli, project: Path):
    """The snippet leaves the translation as a comment: in an English map `argmap check` asks
    for it (AM503) instead of accepting a placeholder, and the quote itself verifies."""
    quoted = cli(["quote", "sari2023", PARAPHRASES[0][1], "--seeds", project / "seeds"])
    map_file = project / "maps" / "pasted.yaml"
    map_file.write_text(map_with(snippet_of(quoted.stdout), lang="en"), encoding="utf-8")
    checked = cli(["check", map_file, "--seeds", project / "seeds", "--format", "json"])
    report = yaml.safe_load(checked.stdout)
    assert [d["code"] for d in report["diagnostics"]] == ["AM503"]
    assert report["summary"]["quotes_verified"] == 1


@pytest.mark.parametrize("file", [SARI, WARTA, NG])
def test_every_candidate_passage_becomes_a_snippet_that_picks_exactly_it(file):
    """Whatever passage ranks first, its snippet parses as YAML and its quote, prefix and suffix
    match exactly one place in the source: that passage."""
    from argmap.quotes.search import Passage, passage_spans, suggest

    text = source(file)
    spans = list(passage_spans(text.text))
    assert len(spans) > 30
    for start, end in spans:
        located = Passage(_located(text, start, end), 100.0)
        entry = yaml.safe_load(textwrap.dedent(suggest("s", "id", text, located).snippet()))["evidence"][0]
        matches = text.find(entry["quote"], entry.get("prefix"), entry.get("suffix")).matches
        assert len(matches) == 1, entry
        assert matches[0].start < end and start < matches[0].end, entry


def _located(text: SourceText, start: int, end: int):
    from argmap.quotes.match import Located

    return Located(start, end, text.line_of(start), text.line_of(end - 1), text.text[start:end])


@pytest.mark.parametrize(("text", "quote"), [
    ("Kebijakan perta-\nhanan NATO berubah.", "Kebijakan pertahanan NATO berubah."),
    ("Kebijakan negara-\nnegara anggota NATO berubah.", "Kebijakan negara-negara anggota NATO berubah."),
    # a split word and a reduplication in one passage: quote matching joins all or keeps all
    ("Kebijakan perta-\nhanan negara-\nnegara anggota NATO berubah.", "Kebijakan pertahanan negaranegara anggota NATO berubah."),
])
def test_passage_broken_by_line_end_hyphens_gives_a_quote_that_verifies(text, quote):
    from argmap.quotes.search import suggest

    source_text = SourceText("Paragraf awal.\n\n" + text + "\n")
    best = rank_passages(source_text, "kebijakan pertahanan negara negara anggota NATO berubah")[0]
    suggestion = suggest("s", "id", source_text, best)
    assert suggestion.quote == quote
    assert source_text.find(suggestion.quote).unique
    assert best.located.line == 3


# --- similarity is how much of the words the passage holds, in order -----------------------------

LONG_SENTENCE = (
    "At the summit in Vilnius the secretary general told the reporters who had waited for hours that NATO as an "
    "alliance does not supply weapons to Ukraine although many of its members do so bilaterally and in smaller "
    "groups because the organisation fears a wider war with a nuclear power.\n\n"
    "Weapons for Ukraine were discussed by NATO members in Vilnius, and the alliance agreed to supply nothing.\n")


@pytest.fixture
def summit(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "summit.txt").write_text(LONG_SENTENCE, encoding="utf-8")
    (seeds / "sources.yaml").write_text("sources:\n  summit:\n    file: summit.txt\n    title: Summit\n    language: en\n",
                                        encoding="utf-8")
    return seeds


def test_a_long_sentence_holding_the_words_in_order_is_close_however_it_goes_on(cli, summit):
    """The words are a stretch of a 50-word sentence, "an" left out: all of them are there, in
    order, so the sentence is 100% similar, though the words are a sixth of it."""
    result = cli(["quote", "summit", "NATO as alliance does not supply weapons to Ukraine", "--seeds", summit])
    assert result.exit_code == 0, result.output
    ranking = [line for line in result.stdout.splitlines() if re.match(r"^ +[0-9.]+%  line ", line)]
    assert ranking[0].startswith("  100.0%  line 1: At the summit in Vilnius")
    assert float(ranking[1].split("%")[0]) < 100  # the other paragraph has the words, out of order


def test_words_out_of_order_count_half():
    text = SourceText("Weapons for Ukraine were discussed by the members.\n")
    in_order = rank_passages(text, "weapons for Ukraine were discussed")[0]
    reversed_words = rank_passages(text, "discussed were Ukraine for weapons")[0]
    assert in_order.similarity == 100.0
    assert reversed_words.located == in_order.located and reversed_words.similarity == 60.0  # 1 + 4 halves of 5


def test_a_pair_of_sentences_needs_two_more_of_the_words_than_either_sentence():
    """One more word the next sentence happens to repeat does not win a card twice as long."""
    text = SourceText("The ferry sails at dawn every day. Later the bridge opens for the market and the ferry rests.\n")
    best = rank_passages(text, "ferry sails at dawn market")[0]
    assert best.located.passage == "The ferry sails at dawn every day."
    both = rank_passages(text, "ferry sails at dawn bridge opens market")[0]
    assert both.located.passage == text.text.strip()


@pytest.mark.parametrize(("lang", "asks"), [(None, False), ("en-GB", False), ("id", True)])
def test_the_snippet_asks_for_a_translation_only_into_another_language(cli, summit, lang, asks):
    args = ["quote", "summit", "NATO as alliance does not supply weapons to Ukraine", "--seeds", summit]
    result = cli(args + (["--lang", lang] if lang else []))
    assert result.exit_code == 0, result.output
    assert ("# translation: TODO, translate the quote from 'en' into 'id'" in result.stdout) is asks
    assert ("translation" in snippet_of(result.stdout)) is asks


def test_a_bad_language_tag_is_a_usage_error(cli, summit):
    result = cli(["quote", "summit", "NATO", "--seeds", summit, "--lang", "English"])
    assert result.exit_code == 2
    assert "--lang: 'English' is not a language tag" in result.stderr
