"""`argmap source add`: web pages (a file or a URL on 127.0.0.1), PDFs with their pages, text;
every refusal writes nothing. No test touches the network."""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

import pytest
import yaml

from argmap.core.load import MAX_FILE_BYTES
from argmap.sources.capture import MIN_ARTICLE_CHARACTERS, MOSTLY_LEFT_OUT
from http_support import ARTICLE, dripping, serving
from pdf_support import write_pdf


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def registry(project: Path) -> dict:
    return yaml.safe_load((project / "seeds" / "sources.yaml").read_text(encoding="utf-8"))["sources"]


def test_a_saved_web_page_keeps_the_article_and_its_metadata(cli, project, monkeypatch):
    monkeypatch.chdir(project)
    page = project / "feri.html"
    page.write_text(ARTICLE, encoding="utf-8")
    result = cli(["source", "add", "feri.html", "--id", "lestari2024b", "--reliability", "news"])
    assert result.exit_code == 0, result.output
    saved = (project / "seeds" / "lestari2024b.txt").read_text(encoding="utf-8")
    assert "Wali kota mengatakan feri lebih murah daripada jembatan" in saved
    for chrome in ("cookies", "Beranda", "Olahraga", "Iklan", "Hak cipta", "privasi"):
        assert chrome not in saved, chrome
    assert "\n\nWali kota" in saved  # paragraphs stay apart: quotes are never cut across them
    entry = registry(project)["lestari2024b"]
    assert entry["sha256"] == hashlib.sha256(saved.encode("utf-8")).hexdigest()
    assert entry["title"] == "Feri atau jembatan?"
    assert entry["author"] == [{"literal": "Nur Lestari"}]
    assert entry["issued"] == "2024-02-12"
    assert entry["container-title"] == "Warta Lembah"
    assert entry["URL"] == "https://warta.example/feri-atau-jembatan"
    assert entry["language"] == "id" and entry["reliability"] == "news" and entry["type"] == "webpage"
    assert "accessed" in entry
    # the old entries and their comments are kept as they were
    assert (project / "seeds" / "sources.yaml").read_text(encoding="utf-8").startswith("# Sources of the test fixture project")
    quoted = cli(["quote", "lestari2024b", "feri lebih murah daripada jembatan"])
    assert quoted.exit_code == 0 and "source: lestari2024b" in quoted.stdout


def test_a_url_is_downloaded_and_registered_with_its_address_and_access_date(cli, project, monkeypatch, tmp_path):
    monkeypatch.chdir(project)
    site = tmp_path / "site"
    site.mkdir()
    (site / "article.html").write_text(ARTICLE.replace('<link rel="canonical" href="https://warta.example/feri-atau-jembatan">', ""),
                                       encoding="utf-8")
    with serving(site) as base:
        result = cli(["source", "add", f"{base}/article.html", "--id", "warta-url", "--lang", "id"])
    assert result.exit_code == 0, result.output
    entry = registry(project)["warta-url"]
    assert entry["URL"] == f"{base}/article.html"
    assert len(entry["accessed"]) == 10
    assert "Dewan kota bertemu" in (project / "seeds" / "warta-url.txt").read_text(encoding="utf-8")
    check = cli(["check", "--seeds", "seeds", "maps"])
    assert check.exit_code == 0 and "0 errors, 0 warnings" in check.stdout  # the new entry validates, its pin holds


def test_a_pdf_keeps_its_pages_and_its_document_information(cli, project, monkeypatch):
    monkeypatch.chdir(project)
    write_pdf(project / "report.pdf", [
        ["Ferry trial report", "The ferry crossed the river in twelve minutes on Monday."],
        ["The bridge would cost four million, according", "to the council's own estimate."],
    ], title="Ferry Trial Report", author="Dewi Sari")
    result = cli(["source", "add", "report.pdf", "--id", "sari2025"])
    assert result.exit_code == 0, result.output
    assert "(PDF, 2 pages)" in result.stdout
    assert "issued: not found" in result.stdout  # what it could not find is said
    saved = (project / "seeds" / "sari2025.txt").read_text(encoding="utf-8")
    first, second = saved.split("\f")
    assert "twelve minutes" in first and "four million" in second
    entry = registry(project)["sari2025"]
    assert entry["title"] == "Ferry Trial Report" and entry["author"] == [{"literal": "Dewi Sari"}]


def test_a_pdf_at_a_url_is_read_as_a_pdf_its_creation_date_a_hint_only(cli, project, monkeypatch, tmp_path):
    monkeypatch.chdir(project)
    site = tmp_path / "site"
    site.mkdir()
    write_pdf(site / "report", [["The ferry sailed every day in May."], ["It stopped twice in June."]],
              title="May and June", created="D:20250701120000")  # no suffix: the server says what it is
    with serving(site) as base:
        result = cli(["source", "add", f"{base}/report", "--id", "may2025"])
    assert result.exit_code == 0, result.output
    entry = registry(project)["may2025"]
    assert entry["URL"] == f"{base}/report" and "accessed" in entry
    # when the file was made is no publication date: not registered, shown as a hint
    assert "issued" not in entry
    assert "issued: not found; the PDF file was created 2025-07-01, which may be later than its publication" in result.stdout
    assert "\f" in (project / "seeds" / "may2025.txt").read_text(encoding="utf-8")


def test_text_and_markdown_are_saved_byte_for_byte(cli, project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "notes.md").write_bytes("# Field notes\n\nThe *ferry* was late twice.\r\n".encode())
    result = cli(["source", "add", "notes.md", "--id", "notes2025"])
    assert result.exit_code == 0, result.output
    assert (project / "seeds" / "notes2025.md").read_bytes() == (project / "notes.md").read_bytes()
    assert registry(project)["notes2025"]["title"] == "Field notes"
    assert "title: taken from the text's first line" in result.stdout


def _pdf_without_text(path: Path) -> Path:
    return write_pdf(path, [[]])


@pytest.mark.parametrize("make, message", [
    (lambda p: (p / "a.docx").write_bytes(b"PK\x03\x04"), "cannot read '.docx' files"),
    (lambda p: write_pdf(p / "a.pdf", [["The ferry report."]], locked=True), "the PDF is encrypted: it opens only with its password"),
    (lambda p: (p / "a.html").write_text('<html><body><div id="app"></div><script>start()</script></body></html>'),
     "no article text found"),  # a page its scripts fill in
    (lambda p: _pdf_without_text(p / "a.pdf"), "the PDF has no text layer"),
    (lambda p: (p / "a.pdf").write_bytes(b"%PDF-1.4 broken"), "not a readable PDF"),
    (lambda p: (p / "a.txt").write_bytes(b"\xff\xfe caf\xe9"), "not UTF-8 text"),
], ids=["other-type", "encrypted-pdf", "empty-page", "scanned-pdf", "broken-pdf", "not-utf8"])
def test_what_cannot_be_read_is_a_clear_error_and_nothing_is_written(run_argmap, project, make, message):
    make(project)
    name = next(p.name for p in project.iterdir() if p.name.startswith("a."))
    before = files_of(project / "seeds")
    done = run_argmap(["source", "add", name, "--id", "new2025"], cwd=project)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert files_of(project / "seeds") == before


def test_a_failed_download_writes_nothing(run_argmap, project, tmp_path):
    before = files_of(project / "seeds")
    (tmp_path / "site").mkdir()
    with serving(tmp_path / "site") as base:
        missing = run_argmap(["source", "add", f"{base}/gone.html", "--id", "new2025"], cwd=project)
    refused = run_argmap(["source", "add", f"{base}/gone.html", "--id", "new2025"], cwd=project)  # server ended
    assert missing.returncode == 2 and "download failed: HTTP 404" in missing.stderr
    assert refused.returncode == 2 and "download failed" in refused.stderr
    assert files_of(project / "seeds") == before


def test_a_taken_id_or_a_bad_option_is_refused(cli, project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "a.txt").write_text("Some words.\n")
    taken = cli(["source", "add", "a.txt", "--id", "sari2023"])
    assert taken.exit_code == 2 and "--id: source 'sari2023' is already registered" in taken.stderr
    bad_lang = cli(["source", "add", "a.txt", "--id", "x2025", "--lang", "English"])
    assert bad_lang.exit_code == 2 and "--lang: 'English' is not a language tag" in bad_lang.stderr
    assert not (project / "seeds" / "x2025.txt").exists()


def test_an_empty_registry_gets_its_first_entry(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "sources.yaml").write_text("# my sources\nsources: {}\n")
    (tmp_path / "a.txt").write_text("The first source says something.\n")
    assert cli(["source", "add", "a.txt", "--id", "first"]).exit_code == 0
    assert list(registry(tmp_path)) == ["first"]
    assert (tmp_path / "seeds" / "sources.yaml").read_text().startswith("# my sources\nsources:\n  first:\n")


# --- the publication date: only what the page itself says --------------------------------------

# An article long enough to be one, which names years in its text
HISTORY = ("<p>The ferry first sailed in 1987 and was replaced by a larger boat in 2003, after years of "
           "complaints from the people of the west bank, who crossed the river every day.</p>"
           "<p>Nobody today remembers the old boat, but the town archive keeps its logbooks and its "
           "photographs for anyone who wants to see them.</p>")


def history_page(head: str = "", article_start: str = "", after: str = "") -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>The ferry's history</title>{head}"
            f"</head><body><article>{article_start}<h1>The ferry's history</h1>{HISTORY}</article>{after}</body></html>")


@pytest.mark.parametrize("page, issued", [
    (history_page(), None),  # the years of the text are no publication date
    (history_page(after="<footer>(c) 2024 Warta Lembah. All rights reserved.</footer>"), None),
    (history_page(head="<link rel='canonical' href='https://warta.example/2021/05/03/ferry-history'>"), None),
    (history_page(article_start="<p>The vote is on <time datetime='2025-03-04'>4 March</time>.</p>"), None),
    (history_page(head="<meta property='article:modified_time' content='2022-01-01T10:00:00Z'>"), None),
    (history_page(head='<script type="application/ld+json">' + "[" * 100_000 + "</script>"
                       "<meta name='pubdate' content='12 Feb 99999999999 08:00:00 GMT'>"
                       "<meta name='date' content='2024-02-30'>"), None),  # nested past the stack; no such dates
    (history_page(head="<meta property='article:published_time' content='2019-06-30T10:00:00+07:00'>"), "2019-06-30"),
    (history_page(head="<meta name='citation_publication_date' content='2016/04/07'>"), "2016-04-07"),
    (history_page(head="<meta name='DC.date.issued' content='2015-11'>"), "2015-11"),
    (history_page(head='<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
                       '[{"@type": "WebSite"}, {"@type": "NewsArticle", "datePublished": "2018-02-03T08:00:00Z"}]}'
                       "</script>"), "2018-02-03"),
    (history_page(article_start="<header><time datetime='2020-11-05T09:30'>5 November 2020</time></header>"),
     "2020-11-05"),
], ids=["body-years", "copyright-footer", "dated-url", "time-in-the-text", "modified-only", "hostile-metadata",
        "meta-published-time",
        "meta-citation-date", "meta-dublin-core", "json-ld", "time-of-the-article"])
def test_issued_comes_only_from_the_pages_own_metadata(cli, project, monkeypatch, page, issued):
    monkeypatch.chdir(project)
    (project / "history.html").write_text(page, encoding="utf-8")
    result = cli(["source", "add", "history.html", "--id", "history"])
    assert result.exit_code == 0, result.output
    entry = registry(project)["history"]
    assert entry.get("issued") == issued
    assert ("issued: not found" in result.stdout) == (issued is None)  # said, not guessed


def test_a_pdf_creation_date_is_a_hint_never_the_issued_date(cli, project, monkeypatch):
    monkeypatch.chdir(project)
    write_pdf(project / "trial.pdf", [["The ferry sailed every day in May."]], title="Trial", created="D:20250701")
    result = cli(["source", "add", "trial.pdf", "--id", "trial2025"])
    assert result.exit_code == 0, result.output
    assert "issued" not in registry(project)["trial2025"]
    assert "  issued: not found; the PDF file was created 2025-07-01, which may be later than its publication" in result.stdout


# --- pages that are no article ------------------------------------------------------------------

# A site's page with no article: a menu (a long one) and a footer, nothing else
MENU_AND_FOOTER = ("<!doctype html><html lang='en'><head><title>Warta Lembah</title></head><body>"
                   "<header><a href='/'>Home</a><a href='/b'>B</a></header><p>"
                   + " ".join(f"<a href='/section/{n}'>News from the river district number {n}</a>" for n in range(12))
                   + "</p><footer>(c) 2024 Warta Lembah. All rights reserved. Privacy policy. Contact us.</footer>"
                   "</body></html>")


@pytest.mark.parametrize("page, message", [
    (MENU_AND_FOOTER, "the text extracted is the page's links, menus, banner or footer"),
    ("<html><body><a href='/'>Home</a><a href='/b'>B</a></body></html>",
     "the text extracted is the page's links, menus, banner or footer (5 of its 5 characters)"),
    ("<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1><p>The ferry sails at nine.</p>"
     "</article></body></html>", "the text extracted is too short for an article"),
], ids=["menu-and-footer", "two-links", "two-sentences"])
def test_a_page_with_no_article_is_refused_and_says_why(run_argmap, project, page, message):
    assert len(MENU_AND_FOOTER) > 4 * MIN_ARTICLE_CHARACTERS  # long enough: refused for being chrome, not for length
    (project / "front.html").write_text(page, encoding="utf-8")
    before = files_of(project / "seeds")
    done = run_argmap(["source", "add", "front.html", "--id", "front"], cwd=project)
    assert done.returncode == 2, done.stdout
    assert f"front.html: no article found: {message}" in done.stderr
    assert f"an article has at least {MIN_ARTICLE_CHARACTERS} characters of its own" in done.stderr
    assert "Traceback" not in done.stderr and files_of(project / "seeds") == before


def test_a_page_of_one_repeated_paragraph_says_most_of_it_was_left_out(cli, project, monkeypatch):
    monkeypatch.chdir(project)
    paragraph = HISTORY.replace("</p><p>", " ")  # one paragraph, long enough to be an article
    copies = 1500
    page = history_page().replace(HISTORY, (paragraph + "\n") * copies)
    (project / "repeated.html").write_text(page, encoding="utf-8")
    result = cli(["source", "add", "repeated.html", "--id", "repeated"])
    assert result.exit_code == 0, result.output
    saved = (project / "seeds" / "repeated.txt").read_bytes()
    assert saved.count(b"The ferry first sailed in 1987") == 1  # kept once
    assert len(saved) < MOSTLY_LEFT_OUT * len(page)
    text = paragraph.removeprefix("<p>").removesuffix("</p>") + " "
    page_text_kb = round(len(text) * copies / 1024)
    assert f"note: kept {len(saved)} bytes of the page's " in result.stdout
    reported_kb = int(result.stdout.split("of the page's ")[1].split(" KB")[0].replace(",", ""))
    assert abs(reported_kb - page_text_kb) <= page_text_kb // 50  # the page's text, not its markup
    assert "most of the page was left out" in result.stdout


def test_an_article_with_its_menus_gets_no_left_out_note(cli, project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "feri.html").write_text(ARTICLE, encoding="utf-8")
    result = cli(["source", "add", "feri.html", "--id", "feri"])
    assert result.exit_code == 0 and "note:" not in result.stdout


# --- what is not a document ---------------------------------------------------------------------

def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe.html")
    return "pipe.html"


def _folder(folder: Path) -> str:
    (folder / "saved.html").mkdir()
    return "saved.html"


@pytest.mark.parametrize("make, message", [
    (lambda p: f"file://{p / 'feri.html'}", "a file:// URL is not downloaded"),
    (lambda p: "ftp://warta.example/feri.html", "argmap downloads http:// and https:// URLs only, not ftp://"),
    (_folder, "saved.html: expected a file, found a directory"),
    (_fifo, "pipe.html: expected a regular file, found a named pipe (FIFO)"),
    (lambda p: "/dev/null", "/dev/null: expected a regular file, found a character device"),
    (lambda p: "/dev/zero", "/dev/zero: expected a regular file, found a character device"),  # endless: never read
    (lambda p: "gone.html", "gone.html: no such file"),
], ids=["file-url", "ftp-url", "folder", "fifo", "dev-null", "dev-zero", "missing"])
def test_what_is_no_document_is_refused_for_what_it_is(run_argmap, project, make, message):
    if sys.platform == "win32" and make is _fifo:
        pytest.skip("no named pipes in the file system")
    (project / "feri.html").write_text(ARTICLE, encoding="utf-8")
    where = make(project)
    before = files_of(project / "seeds")
    done = run_argmap(["source", "add", where, "--id", "new2025"], cwd=project)
    assert done.returncode == 2, done.stdout
    assert message in done.stderr and "Traceback" not in done.stderr
    assert files_of(project / "seeds") == before


def test_a_file_over_the_size_cap_is_refused_unread(run_argmap, project):
    with open(project / "huge.txt", "wb") as huge:
        huge.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    done = run_argmap(["source", "add", "huge.txt", "--id", "huge"], cwd=project)
    assert done.returncode == 2
    assert f"huge.txt: file is larger than {MAX_FILE_BYTES:,} bytes, the most argmap reads" in done.stderr


def test_a_download_over_the_size_cap_is_refused(run_argmap, project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    with open(site / "huge.html", "wb") as huge:
        huge.truncate(MAX_FILE_BYTES + 1)
    with serving(site) as base:
        done = run_argmap(["source", "add", f"{base}/huge.html", "--id", "huge"], cwd=project)
    assert done.returncode == 2
    assert f"larger than {MAX_FILE_BYTES >> 20} MB, the most argmap reads" in done.stderr


# --- one deadline for the whole download --------------------------------------------------------

def test_a_server_sending_a_byte_at_a_time_meets_one_deadline(cli, project, monkeypatch):
    monkeypatch.chdir(project)
    before = files_of(project / "seeds")
    page = ARTICLE.encode("utf-8")  # one byte every 0.2 s: minutes, each byte well within a socket timeout
    with dripping(page, interval=0.2) as url:
        started = time.monotonic()
        result = cli(["source", "add", url, "--id", "slow", "--timeout", "1"])
        took = time.monotonic() - started
    assert result.exit_code == 2
    assert f"{url}: download failed: not finished after 1 s (" in result.stderr
    assert "bytes received)" in result.stderr and "longer --timeout" in result.stderr
    # the deadline ends the download, not the server: it would have gone on for minutes
    assert took < len(page) * 0.2 / 10
    assert files_of(project / "seeds") == before


@pytest.mark.parametrize("value", ["0", "-5", "nan"])
def test_a_timeout_that_is_no_number_of_seconds_is_refused(cli, project, monkeypatch, value):
    monkeypatch.chdir(project)
    (project / "a.txt").write_text("Some words.\n")
    result = cli(["source", "add", "a.txt", "--id", "x2025", "--timeout", value])
    assert result.exit_code == 2 and f"--timeout: {float(value):g} is not a timeout" in result.stderr


# --- the registry keeps its form ----------------------------------------------------------------

def test_a_crlf_registry_stays_crlf_and_the_entry_goes_before_its_closing_comment(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    old = ("# my sources\r\n"
           "sources:\r\n"
           "  first:\r\n"
           "    file: first.txt\r\n"
           "    title: First\r\n"
           "\r\n"
           "# end of the sources\r\n")
    (tmp_path / "seeds" / "sources.yaml").write_bytes(old.encode("utf-8"))
    (tmp_path / "seeds" / "first.txt").write_text("The first source.\n")
    (tmp_path / "a.txt").write_text("The second source says something.\n")
    result = cli(["source", "add", "a.txt", "--id", "second", "--lang", "en", "--reliability", "news"])
    assert result.exit_code == 0, result.output
    sha = hashlib.sha256(b"The second source says something.\n").hexdigest()
    assert (tmp_path / "seeds" / "sources.yaml").read_bytes() == (
        "# my sources\r\n"
        "sources:\r\n"
        "  first:\r\n"
        "    file: first.txt\r\n"
        "    title: First\r\n"
        "\r\n"
        "  second:\r\n"
        "    file: second.txt\r\n"
        f"    sha256: {sha}\r\n"
        "    type: document\r\n"
        "    title: The second source says something.\r\n"
        "    language: en\r\n"
        "    reliability: news\r\n"
        "\r\n"
        "# end of the sources\r\n").encode("utf-8")


def test_a_registry_keeps_its_byte_order_mark_and_its_last_comment_last(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "sources.yaml").write_bytes(
        b"\xef\xbb\xbfsources:\n  first:\n    file: first.txt\n    title: First\n  # third: to find")  # no final newline
    (tmp_path / "seeds" / "first.txt").write_text("The first source.\n")
    (tmp_path / "a.txt").write_text("The second source.\n")
    result = cli(["source", "add", "a.txt", "--id", "second", "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "seeds" / "sources.yaml").read_bytes()
    assert text.startswith(b"\xef\xbb\xbfsources:\n  first:\n    file: first.txt\n    title: First\n\n  second:\n")
    assert text.endswith(b"    reliability: unknown\n  # third: to find\n")


def test_a_long_run_of_one_paragraph_is_shortened_without_losing_the_article_around_it(cli, project, monkeypatch):
    """A run of identical paragraphs is cut to REPEATS_KEPT copies before extraction (a 51 MB page of
    one paragraph took trafilatura many minutes: bench/bench_capture.py); the paragraphs around it
    stay, in order."""
    from argmap.sources.capture import REPEATS_KEPT

    monkeypatch.chdir(project)
    filler = "<p>Iklan: kunjungi toko kami untuk penawaran terbaik minggu ini di seluruh kota.</p>\n"
    page = history_page().replace("</p><p>", "</p>\n" + filler * 400 + "<p>", 1)
    (project / "runs.html").write_text(page, encoding="utf-8")
    result = cli(["source", "add", "runs.html", "--id", "runs"])
    assert result.exit_code == 0, result.output
    saved = (project / "seeds" / "runs.txt").read_text(encoding="utf-8")
    sentences = [p for p in HISTORY.removeprefix("<p>").removesuffix("</p>").split("</p><p>")]
    positions = [saved.index(s[:40]) for s in sentences]
    assert positions == sorted(positions)  # every paragraph of the article, in order
    assert saved.count("kunjungi toko kami") <= REPEATS_KEPT
