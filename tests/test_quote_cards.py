"""`argmap quote` cuts honest cards: whole clauses or sentences, no stray quotation marks, the
ranking even when nothing is close, a word when the source attributes the words to someone,
and the page of a paged source."""

from __future__ import annotations

import re
import textwrap

import yaml

from argmap.quotes.match import SourceText
from argmap.quotes.search import passage_spans, rank_passages, suggest
from argmap.authoring.starter import init_project

SPEECH = ("The council met on Monday. The mayor, who spoke last, said that the ferry is cheaper than a bridge, "
          "and that it can sail this year.\n")


def snippet_entry(out: str) -> dict:
    block = out.split("evidence snippet (paste under a node):\n", 1)[1]
    return yaml.safe_load(textwrap.dedent(block))["evidence"][0]


def test_a_card_is_a_whole_clause_unless_a_fragment_is_asked_for():
    source = SourceText(SPEECH)
    clauses = {SPEECH[a:b] for a, b in passage_spans(SPEECH)}
    best = rank_passages(source, "ferry cheaper than bridge")[0]
    assert best.located.passage in clauses
    assert best.located.passage == "said that the ferry is cheaper than a bridge"
    fragment = rank_passages(source, "ferry cheaper than bridge", fragments=True)[0]
    assert fragment.located.passage == "ferry is cheaper than a bridge"


def test_no_card_opens_a_quotation_it_does_not_close():
    text = "He called the plan \u201ca luxury, and a waste of money,\u201d and then he left the room.\n"
    source = SourceText(text)
    for words in ("luxury", "waste of money", "plan luxury", "then he left"):
        for passage in rank_passages(source, words, limit=10):
            quoted = passage.located.passage
            assert quoted.count("\u201c") == quoted.count("\u201d"), quoted
    assert rank_passages(source, "a waste of money")[0].located.passage == "and a waste of money"


def test_a_clause_the_sentence_attributes_to_someone_is_flagged_and_asks_for_a_speaker(cli, tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "report.txt").write_text(
        "The ferry sank in March. The driver caused the accident, the union alleged without evidence.\n")
    (tmp_path / "seeds" / "sources.yaml").write_text(
        "sources:\n  report:\n    file: report.txt\n    title: A report\n    language: en\n")
    monkeypatch.chdir(tmp_path)
    result = cli(["quote", "report", "the driver caused the accident"])
    assert result.exit_code == 0, result.output
    assert "verbatim:\n  The driver caused the accident\n" in result.stdout
    assert "attributed: the source's sentence reports these words as someone's ('alleged'):" in result.stdout
    assert "# speaker: TODO, whose words these are: the source says 'alleged'" in result.stdout
    plain = cli(["quote", "report", "ferry sank in March"])
    assert "attributed" not in plain.stdout and "speaker" not in plain.stdout


def test_the_ranking_is_shown_when_the_best_passage_is_weak(cli, tmp_path, monkeypatch):
    init_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = cli(["quote", "riverside2025", "grant until 2027 paid library ends soon council"])
    assert result.exit_code == 1
    ranking = [line for line in result.stdout.splitlines() if re.match(r"^ +[0-9.]+%  line \d+: ", line)]
    assert ranking and "grant that runs until 2027" in ranking[0]
    assert "no passage is close" in result.stdout and "evidence:" not in result.stdout


def test_a_paged_source_gives_the_page_and_the_pasted_card_checks(cli, tmp_path, monkeypatch):
    init_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = cli(["quote", "riverside2025", "staff costs rose twelve percent sunday higher rate"])
    assert result.exit_code == 0, result.output
    assert ", page 2 (" in result.stdout
    entry = snippet_entry(result.stdout)
    assert entry["page"] == 2
    assert entry["quote"] == "Staff costs rose by 12 percent, because hours worked on a Sunday are paid at a higher rate."


def test_a_passage_across_a_page_break_gives_both_pages():
    text = "The survey was held in June, and its\n\fresults were published in July.\n"
    source = SourceText(text)
    best = rank_passages(source, "survey held in June results published July")[0]
    assert suggest("s", "en", source, best).page == "1-2"


def test_a_heading_without_a_blank_line_under_it_is_not_part_of_the_card():
    text = "Ferry trial report\nThe ferry crossed the river in twelve minutes on a normal day.\n"
    assert rank_passages(SourceText(text), "ferry crossed river twelve minutes")[0].located.passage == \
        "The ferry crossed the river in twelve minutes on a normal day."
    wrapped = "The council met the mayor, Budi\nHartono, on Monday to discuss the ferry.\n"
    spans = {wrapped[a:b] for a, b in passage_spans(wrapped)}
    assert "The council met the mayor, Budi\nHartono, on Monday to discuss the ferry." in spans  # still offered whole
