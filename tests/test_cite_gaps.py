"""Complete cites (issue 23, point 3): `check` warns of a cited source without author, date, URL (for
a web source) or the author's qualifications (AM406) unless the registry says the document gives
none; the brief and the Word file list every gap, those said on purpose included."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from docx import Document

from html_support import Page, normal

TEXT = "The harbour wall will be extended by 400 metres next spring.\n"

MAP = """\
argmap: 2
id: wall
title: The harbour wall
question: Should the city extend the harbour wall?
lang: en
sides: {pro: Extend the wall, con: Keep the wall}
nodes:
  extend: {type: thesis, side: pro, title: Extend the wall, text: The city should extend the wall., analytic: true}
  keep: {type: thesis, side: con, title: Keep the wall, text: The city should keep the wall., analytic: true}
  cost: {type: claim, title: It costs too much, text: The work costs too much., supports: [keep], analytic: true}
  decided:
    type: claim
    title: The council decided
    text: The council has already decided to extend it.
    supports: [extend]
    evidence:
%s
"""
EVIDENCE = """\
      - source: {source}
        quote: The harbour wall will be extended by 400 metres
"""

# line 2, column 3: the key of each entry (its first and only source in these registries)
BARE = """\
sources:
  notice:
    file: notice.txt
    type: webpage
    title: Harbour wall notice
"""
SAID = """\
sources:
  notice:
    file: notice.txt
    type: webpage
    title: Harbour wall notice
    author: [{literal: Unknown (the notice is unsigned)}]
    unknown: [issued, URL]
"""
AUTHOR_ONLY = """\
sources:
  notice:
    file: notice.txt
    type: report
    title: Harbour wall notice
    author: [{family: Tan, given: Mei}]
    issued: "2024-03-01"
"""
UNCITED = BARE + """\
  minutes:
    file: notice.txt
    type: webpage
    title: Minutes
"""


def write(tmp_path: Path, registry: str, sources: tuple[str, ...] = ("notice",)) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "notice.txt").write_text(TEXT, encoding="utf-8")
    pin = f"    sha256: {hashlib.sha256(TEXT.encode()).hexdigest()}\n"
    (seeds / "sources.yaml").write_text(registry.replace("    file: notice.txt\n", "    file: notice.txt\n" + pin),
                                        encoding="utf-8")
    maps = tmp_path / "maps"
    maps.mkdir(exist_ok=True)
    (maps / "wall.yaml").write_text(MAP % "".join(EVIDENCE.format(source=s) for s in sources), encoding="utf-8")
    return tmp_path


def incomplete(cli, project: Path, *options: str) -> tuple[int, list[dict]]:
    result = cli(["check", project / "maps", "--seeds", project / "seeds", "--format", "json", *options])
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "AM406"]
    return result.exit_code, found


def test_a_source_without_author_date_or_url_is_warned_at_its_entry(tmp_path, cli):
    project = write(tmp_path, BARE)
    exit_code, found = incomplete(cli, project)
    assert exit_code == 0  # a warning
    [warning] = found
    assert warning["severity"] == "warning"
    assert (warning["line"], warning["column"]) == (2, 3)
    assert warning["path"].endswith("seeds/sources.yaml")
    assert warning["message"] == "source 'notice' has no author, date or URL in its cite"
    assert "unknown: [author, issued, URL]" in warning["hints"][0]
    strict = cli(["check", project / "maps", "--seeds", project / "seeds", "--strict"])
    assert strict.exit_code == 1
    assert "seeds/sources.yaml:2:3: warning AM406: source 'notice' has no author, date or URL" in strict.stdout


def test_gaps_said_on_purpose_are_not_warned(tmp_path, cli):
    assert incomplete(cli, write(tmp_path, SAID), "--strict") == (0, [])


def test_a_known_author_needs_qualifications_and_a_report_needs_no_url(tmp_path, cli):
    _, [warning] = incomplete(cli, write(tmp_path, AUTHOR_ONLY))
    assert warning["message"] == "source 'notice' has no author's qualifications in its cite"


def test_a_source_no_map_cites_is_left_to_am313(tmp_path, cli):
    _, found = incomplete(cli, write(tmp_path, UNCITED))
    assert [d["message"] for d in found] == ["source 'notice' has no author, date or URL in its cite"]


@pytest.mark.parametrize("registry", [BARE, SAID], ids=["unsaid", "said"])
def test_the_brief_and_the_word_file_list_the_gaps(tmp_path, cli, registry):
    project = write(tmp_path, registry)
    out = project / "out"
    for command in ("brief", "docx"):
        result = cli([command, project / "maps", "--seeds", project / "seeds", "-o", out, "--date", "2025-06-01"])
        assert result.exit_code == 0, result.output
    page = Page.load(out / "wall.html")
    gaps = [normal(e.text) for e in page.inside(next(e for e in page.elements if e.attrs.get("class") == "source-gaps"))
            if e.tag == "li"]
    said = " (the document gives none)" if registry == SAID else ""
    expected = f"Harbour wall notice n.d.: no author{said}; no date{said}; no URL{said}"
    assert gaps == [expected]
    link = next(e for e in page.elements if e.attrs.get("class") == "gaps-link")
    assert link.attrs["href"] == "#source-gaps" and normal(link.text) == "1 source with gaps in the cite"
    paragraphs = [p.text for p in Document(str(out / "wall.docx")).paragraphs]
    assert paragraphs[paragraphs.index("Source gaps") + 1] == expected


def test_a_complete_cite_has_no_gap_list(tmp_path, cli):
    complete = AUTHOR_ONLY + "    qualifications: Harbour engineer\n"
    project = write(tmp_path, complete)
    assert incomplete(cli, project, "--strict") == (0, [])
    out = project / "out"
    assert cli(["brief", project / "maps", "--seeds", project / "seeds", "-o", out]).exit_code == 0
    page = Page.load(out / "wall.html")
    assert "source-gaps" not in page.ids and "Source gaps" not in page.text
