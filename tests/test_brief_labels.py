"""Dates and labels on cards (issue 23, point 10): the period a quote describes is not shown where
the publication date is; a peer-reviewed source whose note calls its review nominal says so."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from debater_support import MAP_ID, write_debate
from html_support import Page, normal


def debate(project: Path) -> Path:
    path = write_debate(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("        highlight: [sembilan hari setiap bulan]\n",
                                 "        highlight: [sembilan hari setiap bulan]\n        as_of: \"1951\"\n"),
                    encoding="utf-8")
    registry = project / "seeds" / "sources.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "note: An invented journal article", "note: Accepted in three days, which makes its peer review nominal. An invented journal article"),
        encoding="utf-8")
    return project


def test_the_period_described_is_apart_from_the_cite_and_a_nominal_review_says_so(project: Path, cli):
    debate(project)
    out = project / "out"
    for command in ("brief", "docx"):
        result = cli([command, project / "maps", "--seeds", project / "seeds", "-o", out, "--date", "2025-06-01"])
        assert result.exit_code == 0, result.output
    page = Page.load(out / f"{MAP_ID}.html")
    evidence = next(e for e in page.elements if e.attrs.get("id") == "card-boats-stop-e1")
    inside = page.inside(evidence)
    cite = normal(next(e for e in inside if e.attrs.get("class") == "cite").text)
    assert "1951" not in cite  # the cite's date is the publication's: 2023
    assert [normal(e.text) for e in inside if e.attrs.get("class") == "as-of"] == ["Describes the situation as of 1951"]
    label = next(e for e in inside if "reliability" in e.attrs.get("class", "").split())
    assert "is-nominal" in label.attrs["class"].split()
    assert normal(label.text) == "peer-reviewed (nominal: see the source's note)"
    other = next(e for e in page.elements if e.attrs.get("id") == "card-ferry-runs-e1")
    plain = next(e for e in page.inside(other) if "reliability" in e.attrs.get("class", "").split())
    assert "is-nominal" not in plain.attrs["class"].split() and normal(plain.text) == "news report"
    paragraphs = [p.text for p in Document(str(out / f"{MAP_ID}.docx")).paragraphs]
    line = next(i for i, p in enumerate(paragraphs) if p.startswith("Sari et al. 23 ["))
    assert "1951" not in paragraphs[line] and "peer-reviewed (nominal: see the source's note)" in paragraphs[line]
    assert paragraphs[line + 1] == "Describes the situation as of 1951"
