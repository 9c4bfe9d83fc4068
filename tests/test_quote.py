"""`argmap quote`: from remembered words to a verified evidence snippet.

The queries are real sentences of the seed documents, altered the way a mapper's memory alters
them: words left out, spacing changed, a typo, a different case, a clause taken from the middle.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from argmap.quotes.match import SourceText
from argmap.quotes.search import CLOSE_ENOUGH, find_quote, rank_passages, readable
from conftest import SEEDS


def source(name: str) -> SourceText:
    return SourceText((SEEDS / name).read_text(encoding="utf-8"))


ADE = "ade2025-csto-balancing-nato.txt"
NEWS = "news-ukraine-security-guarantees.txt"
ALVINA = "alvina2024-jfid-nato-support-ukraine.txt"
THESIS = "nato-instruments-thesis-abstract.txt"
HAKIMA = "hakima2021-kompasiana-nato-security-dilemma.txt"

# (file, remembered words, the verbatim passage the finder must return, its line)
PARAPHRASES = [
    # two words left out ("juga", "negara"), one abbreviated ("Republik Ceko" -> "Ceko")
    (ADE, "Rusia melakukan pertimbangan kekuatan karena NATO melakukan ekspansi ke Polandia dan Ceko",
     "Rusia juga melakukan pertimbangan kekuatan karena NATO melakukan ekspansi ke negara Polandia dan Republik Ceko.", 99),
    # a clause from the middle of a long sentence, with a typo ("memberikn") and doubled spaces
    (ALVINA, "NATO  akan terus memberikn bantuan militer yang diperlukan kepada Ukraina",
     "NATO akan terus memberikan bantuan militer yang diperlukan kepada Ukraina", 12),
    # words left out and the typographic quotes not typed
    (NEWS, "Zelenskyy mencari jaminan keamanan dari aliansi 31 negara",
     "Zelenskyy sedang mencari “jaminan keamanan” dari aliansi 31 negara", 7),
    # a sentence broken over three lines in the source, typed in lower case on one line
    (THESIS, "telaah literatur menunjukkan bahwa masih terbatas penelitian yang menganalisis implementasi instrumen keamanan kolektif NATO",
     "Telaah literatur menunjukkan bahwa masih terbatas penelitian yang secara spesifik menganalisis implementasi instrumen keamanan kolektif NATO", 4),
    # words reordered and one left out
    (HAKIMA, "dua alasan terbentuknya aliansi ialah kekhawatiran negara terisolasi",
     "dua alasan dalam terbentuknya aliansi ialah kekhawatiran negara terisolasi", 29),
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
    ranked = rank_passages(source(ADE), "NATO ekspansi Polandia", limit=4)
    assert len(ranked) == 4
    assert [p.similarity for p in ranked] == sorted((p.similarity for p in ranked), reverse=True)
    spans = sorted((p.located.start, p.located.end) for p in ranked)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


def test_unrelated_words_are_not_close():
    ranked = rank_passages(source(NEWS), "the quick brown fox jumps over the lazy dog")
    assert all(p.similarity < CLOSE_ENOUGH for p in ranked)


def test_readable_joins_lines_drops_emphasis_keeps_typography():
    assert readable("karena *NATO* melakukan\n  ekspansi") == "karena NATO melakukan ekspansi"
    assert readable("perta-\nhanan dan negara-\nnegara") == "pertahanan dan negara-negara"
    assert readable("“jaminan keamanan”") == "“jaminan keamanan”"


# --- the command -------------------------------------------------------------------------------


def snippet_of(stdout: str) -> str:
    return stdout[stdout.index("    evidence:"):]


def test_cli_prints_ranking_quote_and_snippet(cli):
    result = cli(["quote", "ade2025", PARAPHRASES[0][1], "--seeds", SEEDS])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "line 99" in out and "%" in out
    assert f"verbatim:\n  {PARAPHRASES[0][2]}" in out
    entry = yaml.safe_load(textwrap.dedent(snippet_of(out)))["evidence"][0]
    assert entry == {"source": "ade2025", "quote": PARAPHRASES[0][2]}  # the translation is a TODO comment
    assert "# translation: TODO" in out


def test_cli_limit(cli):
    out = cli(["quote", "news-guarantees", "NATO jaminan keamanan Ukraina", "--seeds", SEEDS, "--limit", "2"]).stdout
    ranking = out.split("\n\n")[0].splitlines()[1:]
    assert len(ranking) == 2


def test_cli_exits_1_when_nothing_is_close(cli):
    result = cli(["quote", "news-guarantees", "the quick brown fox jumps over the lazy dog", "--seeds", SEEDS])
    assert result.exit_code == 1
    assert "no passage is close" in result.stdout and "evidence:" not in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["quote", "ade2024", "NATO", "--seeds", SEEDS], "did you mean 'ade2025'?"),
    (["quote", "ade2025", "NATO", "--seeds", "no-such-folder"], "seeds folder 'no-such-folder' not found"),
    (["quote", "ade2025", " ... ", "--seeds", SEEDS], "no words to look for"),
])
def test_cli_exits_2_when_it_cannot_run(cli, args, message):
    result = cli(args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


# --- repeated passages: prefix/suffix ------------------------------------------------------------

TITLE = "Perimbangan Kekuatan Rusia Dalam Csto Terhadap Hegemoni Amerika Serikat Dalam Nato"  # lines 5 and 23 of ade2025


def test_repeated_passage_gets_a_short_prefix_that_makes_it_unique():
    report = find_quote("ade2025", "Perimbangan kekuatan Rusia dalam CSTO terhadap hegemoni AS dalam NATO", SEEDS)
    best = report.best
    assert best is not None and best.quote.startswith(TITLE)
    assert [o.line for o in best.occurrences] == [5, 23]
    assert best.prefix or best.suffix
    text = source(ADE)
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


@pytest.mark.parametrize("words", [PARAPHRASES[0][1], PARAPHRASES[2][1], PARAPHRASES[3][1],
                                   "Perimbangan kekuatan Rusia dalam CSTO terhadap hegemoni AS dalam NATO"])
def test_pasted_snippet_verifies_with_argmap_check(cli, project: Path, words):
    source_id = {"Perimb": "ade2025", "Rusia ": "ade2025", "Zelens": "news-guarantees", "telaah": "nato-instruments-thesis"}[words[:6]]
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
    quoted = cli(["quote", "ade2025", PARAPHRASES[0][1], "--seeds", project / "seeds"])
    map_file = project / "maps" / "pasted.yaml"
    map_file.write_text(map_with(snippet_of(quoted.stdout), lang="en"), encoding="utf-8")
    checked = cli(["check", map_file, "--seeds", project / "seeds", "--format", "json"])
    report = yaml.safe_load(checked.stdout)
    assert [d["code"] for d in report["diagnostics"]] == ["AM503"]
    assert report["summary"]["quotes_verified"] == 1


@pytest.mark.parametrize("file", [ADE, NEWS, ALVINA, THESIS, HAKIMA])
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
