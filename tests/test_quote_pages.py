"""AM509: the `page` of a quote from a source saved with its pages must be where the quote stands."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

PAGES = ("Page one opens the report. The wall was finished in May.\n"
         "\fPage two holds the costs. The second stage costs 4.1 million, far more than\n"
         "\fplanned in the budget. Page three ends the report.\n")

MAP = """\
argmap: 2
id: walls
title: Walls
question: Build the wall?
lang: en
sides: {{pro: Build it, con: Do not}}
nodes:
  build: {{type: thesis, side: pro, title: Build, text: Build the wall., analytic: true}}
  stop: {{type: thesis, side: con, title: Stop, text: Do not build the wall., analytic: true}}
  cost:
    type: claim
    title: Costly
    text: The second stage is costly.
    supports: [stop]
    evidence:
      - source: {source}
        quote: {quote}
        page: {page}
  done:
    type: claim
    title: Done
    text: The first stage is done.
    supports: [build]
    analytic: true
"""


def project_with(tmp_path: Path, text: str = PAGES) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "report.txt").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    (seeds / "sources.yaml").write_text(f"sources:\n  report:\n    file: report.txt\n    sha256: {digest}\n"
                                        "    title: Report\n    language: en\n    unknown: [author, issued]\n", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    return tmp_path


def check_map(cli, project: Path, quote: str, page: str, monkeypatch):
    (project / "maps" / "walls.yaml").write_text(MAP.format(source="report", quote=quote, page=page), encoding="utf-8")
    monkeypatch.chdir(project)
    return cli(["check", "--strict", "maps"])


@pytest.mark.parametrize(("quote", "page"), [
    ("The wall was finished in May.", "1"),
    ("The second stage costs 4.1 million, far more than planned in the budget.", "2"),  # runs over 2-3
    ("The second stage costs 4.1 million, far more than planned in the budget.", "3"),
    ("The second stage costs 4.1 million, far more than planned in the budget.", "2-3"),
    ("The second stage costs 4.1 million, far more than planned in the budget.", "'1-3'"),
    ("The wall was finished in May.", "iv"),  # another numbering: left to the reader
])
def test_a_page_the_quote_stands_on_passes(cli, tmp_path, monkeypatch, quote, page):
    result = check_map(cli, project_with(tmp_path), quote, page, monkeypatch)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("quote", "page", "message", "hint"), [
    ("The wall was finished in May.", "2", "the quote stands on page 1 of source 'report', not page 2", "write page: 1"),
    ("The second stage costs 4.1 million, far more than planned in the budget.", "1",
     "the quote stands on pages 2-3 of source 'report', not page 1", "write page: 2-3"),
    ("The second stage costs 4.1 million, far more than planned in the budget.", "'3-4'",
     "the quote stands on pages 2-3 of source 'report', not page 3-4", "write page: 2-3"),
])
def test_a_wrong_page_is_am509_at_the_page_value(cli, tmp_path, monkeypatch, quote, page, message, hint):
    result = check_map(cli, project_with(tmp_path), quote, page, monkeypatch)
    assert result.exit_code == 1
    assert f"maps/walls.yaml:18:15: error AM509: {message}\n    {hint}" in result.stdout


def test_a_source_without_pages_leaves_page_unchecked(cli, tmp_path, monkeypatch):
    result = check_map(cli, project_with(tmp_path, PAGES.replace("\f", "")), "The wall was finished in May.", "7",
                       monkeypatch)
    assert result.exit_code == 0, result.output
