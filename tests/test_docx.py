"""`argmap docx`: a Word brief in Verbatim's styles, read back with python-docx, and converted to
PDF by LibreOffice headless (its pages read back with pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Pt

from debater_support import MAP_ID, QUALIFICATIONS, write_debate

# each side's case, then one block per claim of the other side it answers
BLOCKS = ["PRO case", "A2: A new ferry sails in floods", "A2: It takes the road money", "Still to answer",
          "CON case", "A2: Boats stop nine days a month", "A2: Roads can wait a year", "Still to answer"]
SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture
def debate(project: Path) -> Path:
    write_debate(project)
    return project


@pytest.fixture
def word(debate: Path, cli) -> Document:
    out = debate / "out"
    result = cli(["docx", debate / "maps", "--seeds", debate / "seeds", "-o", out, "--date", "2025-06-01"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [f"{MAP_ID}.docx"]
    return Document(str(out / f"{MAP_ID}.docx"))


def texts(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def body_after(document, cite_text: str):
    """The paragraph that follows the cite line starting with ``cite_text``: the card's body."""
    paragraphs = document.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.runs and p.runs[0].text == cite_text)
    return paragraphs[index], paragraphs[index + 1], paragraphs[index + 2]


def test_the_outline_uses_verbatims_heading_styles_on_words_headings(word):
    styles = word.styles
    for name, base, level in (("Pocket", "Heading 1", 0), ("Hat", "Heading 2", 1), ("Block", "Heading 3", 2),
                              ("Tag", "Heading 4", 3)):
        style = styles[name]
        assert style.base_style.name == base
        assert style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level)
    assert texts(word, "Pocket") == ["Cards on the Lembah bridge"]
    hats = texts(word, "Hat")
    assert hats[0].startswith("Verdict: ")  # right after the Pocket heading
    assert hats[1:] == ["PRO: Build the bridge", "CON: Keep the boats", "Sources"]
    assert texts(word, "Block") == BLOCKS
    tags = texts(word, "Tag")
    assert "1. The ferry stops at night" in tags  # each response in a block is numbered
    assert "Boats stop nine days a month" in tags and "Keep the boats" in tags


def test_the_cite_line_has_the_short_cite_in_cite_style_then_the_full_cite(word):
    cite, _, _ = body_after(word, "Sari et al. 23")
    assert cite.runs[0].style.name == "Cite"
    line = cite.text
    for part in (QUALIFICATIONS, "Dewi Sari, Andi Wijaya, Rudi Putra", "2023", "Jurnal Kota Kecil",
                 "https://example.org/jurnal/jembatan-lembah", "peer-reviewed", "verified: line 17 of"):
        assert part in line, part
    reported = [p.text for p in word.paragraphs if p.runs and p.runs[0].text == "Lestari 24" and "reporting" in p.text]
    assert len(reported) == 1 and reported[0].startswith("Lestari 24 (reporting the head of the transport office) [")
    assert "news report" in reported[0]


def test_the_body_is_the_text_in_the_maps_language_underlined_the_original_small_after_it(word):
    _, body, original = body_after(word, "Sari et al. 23")
    # the map is English: the translation is the card body, read aloud, underlined and highlighted
    read = [r for r in body.runs if r.style.name in ("Underline", "Emphasis")]
    assert "".join(r.text for r in read) == body.text == "the boats do not sail for nine days a month on average"
    assert [r.text for r in body.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW] == ["nine days a month"]
    # the original follows in its sentence from the source, in small type, neither underlined nor highlighted
    assert original.text == ("Original: Pada musim hujan, perahu tidak berlayar selama rata-rata sembilan hari "
                             "setiap bulan.")
    assert all(r.font.size == Pt(8) and r.style.name not in ("Underline", "Emphasis") for r in original.runs)
    assert word.styles["Emphasis"].font.bold and not word.styles["Emphasis"].font.italic


def test_read_original_makes_the_original_the_body_with_its_highlights(debate, cli):
    out = debate / "original"
    result = cli(["docx", debate / "maps", "--seeds", debate / "seeds", "-o", out, "--read", "original"])
    assert result.exit_code == 0, result.output
    _, body, translation = body_after(Document(str(out / f"{MAP_ID}.docx")), "Sari et al. 23")
    read = [r for r in body.runs if r.style.name in ("Underline", "Emphasis")]
    assert "".join(r.text for r in read) == "perahu tidak berlayar selama rata-rata sembilan hari setiap bulan"
    marked = [r.text for r in body.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert marked == ["sembilan hari setiap bulan"]
    context = [r for r in body.runs if r.style.name not in ("Underline", "Emphasis")]
    assert context[0].text == "Pada musim hujan, " and context[0].font.size == Pt(8)
    assert translation.text == "Translation: the boats do not sail for nine days a month on average"
    assert all(r.font.size == Pt(8) for r in translation.runs)


def test_a_body_without_highlights_is_highlighted_whole_and_timed_by_it(debate, cli):
    out = debate / "original"
    result = cli(["docx", debate / "maps", "--seeds", debate / "seeds", "-o", out, "--read", "original",
                  "--wpm", "60"])
    assert result.exit_code == 0, result.output
    # the night ferry's original has no highlight (only its translation has): as the body, all of it is
    cite, body, _ = body_after(Document(str(out / f"{MAP_ID}.docx")), "Lestari 24")
    marked = [r.text for r in body.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert marked == ["feri tidak akan berlayar pada malam hari saat hujan deras"]
    assert "read 0:10" in cite.text  # its 10 words at one a second


def test_reading_time_follows_the_chosen_speed(debate, cli):
    out = debate / "slow"
    result = cli(["docx", debate / "maps", "--seeds", debate / "seeds", "-o", out, "--wpm", "60"])
    assert result.exit_code == 0, result.output
    document = Document(str(out / f"{MAP_ID}.docx"))
    cite, _, _ = body_after(document, "Sari et al. 23")
    assert "read 0:04" in cite.text  # "nine days a month": four words at one a second
    cite, _, _ = body_after(document, "Ng 22")
    assert "read 0:02" in cite.text  # no translation: the original's highlight, "twelve minutes"
    assert "reading times at 60 words a minute" in document.paragraphs[2].text


def test_nothing_is_written_when_the_check_finds_errors(debate, cli):
    path = debate / "maps" / f"{MAP_ID}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("source: ng2022", "source: nowhere"), encoding="utf-8")
    out = debate / "out"
    result = cli(["docx", debate / "maps", "--seeds", debate / "seeds", "-o", out])
    assert result.exit_code == 1
    assert not out.exists() or not any(out.iterdir())


def test_bad_speed_is_a_usage_error(debate, cli):
    result = cli(["docx", debate / "maps", "--seeds", debate / "seeds", "--wpm", "0"])
    assert result.exit_code == 2


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice or pdftotext is missing (make office installs them)")
def test_libreoffice_renders_every_page_with_content(word, debate, tmp_path):
    source = debate / "out" / f"{MAP_ID}.docx"
    # a profile of its own, so that a LibreOffice the user has open does not swallow the job
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / f"{MAP_ID}.pdf"
    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    assert len(pages) >= 2
    for number, page in enumerate(pages[:-1], 1):
        assert len(page.split()) > 40, f"page {number} is (nearly) blank"
    whole = " ".join(text.split())
    for part in ("Cards on the Lembah bridge", "A2: A new ferry sails in floods", "Sari et al. 23",
                 "the boats do not sail for nine days a month on average"):
        assert part in whole, part


def test_the_file_is_reproducible_its_dates_are_the_build_date(word, debate):
    import zipfile

    assert word.core_properties.created.date().isoformat() == "2025-06-01"
    assert word.core_properties.modified == word.core_properties.created
    with zipfile.ZipFile(debate / "out" / f"{MAP_ID}.docx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2025, 6, 1, 0, 0, 0)}


# Characters XML cannot carry (C0 controls, U+FFFE), as a map spells them in double quotes.
UNCARRIED_MAP = """\
argmap: 1
id: hostile
title: "Hostile \\e[2J title"
question: "Does it hold\\a?"
sides: {pro: It holds, con: It does not}
nodes:
  a: {type: thesis, side: pro, text: "It holds.\\uFFFE", analytic: true}
  b: {type: thesis, side: con, text: It does not., analytic: true, note: "noted\\x01"}
  c: {type: claim, text: Why., supports: [a], analytic: true}
  d:
    type: claim
    text: Why not.
    supports: [b]
    evidence:
      - {source: bell, quote: The alliance grew quickly after 1999}
"""


def test_characters_xml_cannot_carry_are_shown_as_the_diagrams_show_them(project, cli):
    # a control character in a source reaches the card as the quote's context
    (project / "seeds" / "bell.txt").write_text("The alliance grew quickly after 1999, bells \x07rang.\n", encoding="utf-8")
    with (project / "seeds" / "sources.yaml").open("a", encoding="utf-8") as registry:
        registry.write("  bell:\n    file: bell.txt\n    title: Bell\n")
    (project / "maps" / "hostile.yaml").write_text(UNCARRIED_MAP, encoding="utf-8")
    out = project / "out"
    result = cli(["docx", project / "maps", "--seeds", project / "seeds", "-o", out])
    assert result.exit_code == 0, result.output
    document = Document(str(out / "hostile.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    for shown in ("Hostile \u241b[2J title", "Does it hold\u2407?", "It holds.\ufffd", "noted\u2401", "bells \u2407rang."):
        assert shown in text, shown
    assert document.core_properties.title.startswith("Hostile \u241b[2J title")


@pytest.mark.parametrize(("epoch", "day", "zipped"), [("0", "1970-01-01", (1980, 1, 1, 0, 0, 0)),
                                                      ("253402300799", "9999-12-31", (2107, 12, 31, 0, 0, 0))])
def test_a_build_date_a_zip_cannot_carry_dates_the_members_the_nearest_day_it_can(debate, cli, monkeypatch,
                                                                                   epoch, day, zipped):
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    out = debate / "out"
    result = cli(["docx", debate / "maps", "--seeds", debate / "seeds", "-o", out])
    assert result.exit_code == 0, result.output
    path = out / f"{MAP_ID}.docx"
    assert Document(str(path)).core_properties.created.date().isoformat() == day
    with zipfile.ZipFile(path) as archive:
        assert {info.date_time for info in archive.infolist()} == {zipped}


@pytest.mark.parametrize("epoch", ["-1", "253402300800", "99999999999999999999"])
def test_source_date_epoch_out_of_range_says_so(debate, cli, monkeypatch, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    out = debate / "out"
    result = cli(["docx", debate / "maps", "--seeds", debate / "seeds", "-o", out])
    assert result.exit_code == 2
    assert (f"argmap: error: SOURCE_DATE_EPOCH='{epoch}' is out of range: expected 0 (1970-01-01) to "
            "253402300799 (9999-12-31)") in result.stderr
    assert not out.exists()
