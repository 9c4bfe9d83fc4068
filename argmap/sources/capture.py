"""`argmap source add`: a document's text and bibliographic data, from a file or a URL.

Web pages (a saved ``.html`` file or a URL) go through trafilatura, which keeps the article and
drops navigation, advertising, cookie banners and footers, and reads the page's metadata. PDFs
go through pdfplumber, page by page; the saved text keeps the pages (see
:mod:`argmap.quotes.pages`). Plain text and Markdown are kept byte for byte. Each library is
imported only when a document of its kind is added: checking a map never loads them.

Nothing here writes a file: :func:`capture` returns what would be saved, or raises
:class:`UsageError` (exit 2) for what it cannot read (another type, a folder or a device, an
encrypted PDF), an extraction that is no article, or a failed download.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from argmap.core.diagnostics import UsageError
from argmap.core.load import read_bytes
from argmap.quotes.pages import join_pages
from argmap.sources.download import DOWNLOAD_TIMEOUT, download

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
READABLE = "give a file (.html, .pdf, .txt, .md) or an http(s) URL"

# An article has at least this many characters of its own, outside the page's menus, links,
# banner and footer: about three sentences. Less is a teaser, a caption or a menu that the
# extractor took for text, and nothing to quote from.
MIN_ARTICLE_CHARACTERS = 200
# A page whose saved text is under this share of all its text gets a note. Menus, teasers and
# footers may well outweigh an article a few times, not twenty: that much left out is text
# the extractor dropped (a paragraph repeated, kept once), and the author should look.
MOSTLY_LEFT_OUT = 1 / 20
# A run of identical elements (the same tag and text, nothing inside) keeps this many: a page of
# one paragraph repeated a million times otherwise holds trafilatura for many minutes, for an
# article it would shorten to one copy anyway.
REPEATS_KEPT = 2

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_HTML_LANG = re.compile(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?[\"'\s>]", re.I)
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


@dataclass
class Captured:
    """A document ready to register: the text to save and the CSL fields found."""

    text: bytes  # what is saved under seeds/, verbatim
    suffix: str  # of the saved file: .txt, or the text file's own (.md)
    kind: str  # "web page", "PDF", "text"
    fields: dict[str, object] = field(default_factory=dict)  # CSL key -> value, only those found
    wanted: tuple[str, ...] = ()  # the CSL fields this kind of document usually has
    guessed: set[str] = field(default_factory=set)  # fields guessed from the text: to check
    pages: int | None = None
    created: str | None = None  # a PDF file's creation date: a hint for `issued`, never `issued` itself
    page_text_bytes: int | None = None  # a web page's visible text, all of it, in UTF-8

    @property
    def missing(self) -> list[str]:
        return [name for name in self.wanted if name not in self.fields]

    @property
    def mostly_left_out(self) -> bool:
        """Whether the saved text is a small part of the page's (see MOSTLY_LEFT_OUT)."""
        return self.page_text_bytes is not None and len(self.text) < MOSTLY_LEFT_OUT * self.page_text_bytes


def is_url(where: str) -> bool:
    return where.lower().startswith(("http://", "https://"))


def capture(where: str, today: dt.date | None = None, timeout: float = DOWNLOAD_TIMEOUT) -> Captured:
    """The text and metadata of the file or URL ``where``; a download gets ``timeout`` seconds in all."""
    today = today or dt.date.today()
    if is_url(where):
        downloaded = download(where, timeout)
        kind = _kind_of_download(where, downloaded.content_type, downloaded.body)
        captured = _read(kind, downloaded.body, where, url=downloaded.final_url)
        captured.fields.setdefault("URL", downloaded.final_url)
        captured.fields["accessed"] = today.isoformat()
        return captured
    scheme = _SCHEME.match(where)
    if scheme and scheme.group(1).lower() == "file":
        raise UsageError(f"{where}: a file:// URL is not downloaded", "give the file's path instead, e.g. "
                         "ferry-report.pdf; nothing written")
    if scheme:
        raise UsageError(f"{where}: argmap downloads http:// and https:// URLs only, not {scheme.group(1)}://",
                         "download the document yourself and give its file; nothing written")
    path = Path(where)
    body = _read_file(path, where)
    kind = _kind_of_file(path)
    captured = _read(kind, body, where)
    if kind == "html":  # a saved page: the capture date is as near as we know to the access date
        captured.fields.setdefault("accessed", dt.date.fromtimestamp(path.stat().st_mtime).isoformat())
    return captured


def _read_file(path: Path, where: str) -> bytes:
    """The file's bytes through the core's reader: a folder, a named pipe or a device is refused
    for what it is before anything is read, and the size is capped."""
    if not os.path.lexists(path):
        raise UsageError(f"{where}: no such file", READABLE)
    body, problems = read_bytes(path, where)
    if body is None:
        raise UsageError(f"{where}: {problems[0].message}", f"{READABLE}; nothing written")
    return body


def _kind_of_file(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise UsageError(f"{path}: cannot read '{path.suffix or 'no suffix'}' files",
                     f"argmap reads web pages ({', '.join(HTML_SUFFIXES)}), PDFs and text ({', '.join(TEXT_SUFFIXES)})")


def _kind_of_download(url: str, content_type: str, body: bytes) -> str:
    if "html" in content_type or body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if "pdf" in content_type or body.startswith(b"%PDF-"):
        return "pdf"
    if content_type.startswith("text/"):
        return "text"
    raise UsageError(f"{url}: cannot read a document of type '{content_type or 'unknown'}'",
                     "argmap reads web pages, PDFs and plain text")


def _read(kind: str, body: bytes, where: str, url: str | None = None) -> Captured:
    if kind == "html":
        return read_html(body, where, url)
    if kind == "pdf":
        return read_pdf(body, where)
    return read_text(body, where)


def read_text(body: bytes, where: str) -> Captured:
    """A text or Markdown file, kept as it is: it must be UTF-8 and hold some words."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{where}: not UTF-8 text", "save the file as UTF-8 first; nothing written") from None
    if not text.strip():
        raise UsageError(f"{where}: the file is empty", "nothing written")
    suffix = Path(where).suffix.lower() if Path(where).suffix.lower() in TEXT_SUFFIXES else ".txt"
    title = _first_line(text)
    return Captured(body, suffix, "text", {"title": title[:200]} if title else {}, wanted=("title", "author", "issued"),
                    guessed={"title"})


_NOT_AN_ARTICLE = "save the article's own page (not a front page or a login wall); nothing written"


def _drop_long_repeats(tree) -> None:
    """Shorten every run of identical leaf siblings to :data:`REPEATS_KEPT` copies, in place."""
    for parent in tree.iter():
        previous, run = None, 0
        for child in list(parent):
            key = (child.tag, child.text, child.tail, tuple(child.attrib.items())) if len(child) == 0 else None
            run = run + 1 if key is not None and key == previous else 1
            previous = key
            if run > REPEATS_KEPT:
                parent.remove(child)


def read_html(body: bytes, where: str, url: str | None = None) -> Captured:
    """The article of a web page, without the page's navigation, ads, banners and footer."""
    import trafilatura

    from argmap.sources.webpage import page_facts

    html = _decode_html(body)
    tree = trafilatura.load_html(html)
    if tree is None:
        raise UsageError(f"{where}: no article text found in the page", _NOT_AN_ARTICLE)
    facts = page_facts(tree)  # before trafilatura, which prunes the tree it reads
    _drop_long_repeats(tree)
    text = trafilatura.extract(tree, url=url, include_comments=False, include_tables=True, favor_precision=True)
    if not text or not text.strip():
        raise UsageError(f"{where}: no article text found in the page", _NOT_AN_ARTICLE)
    # one paragraph a line from trafilatura; a blank line between them marks the paragraph breaks
    # that `argmap quote` never cuts across
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    _refuse_no_article(paragraphs, facts, where)
    saved = "\n\n".join(paragraphs) + "\n"
    fields: dict[str, object] = {}
    if facts.issued:
        fields["issued"] = facts.issued
    meta = trafilatura.extract_metadata(tree, default_url=url, extensive=False)  # its date is not used
    if meta is not None:
        if meta.title:
            fields["title"] = meta.title.strip()
        authors = [a.strip() for a in re.split(r";|\band\b", meta.author or "") if a.strip()]
        if authors:
            fields["author"] = [{"literal": a} for a in authors]
        if meta.sitename:
            fields["container-title"] = meta.sitename.strip()
        if meta.url and is_url(meta.url):
            fields["URL"] = meta.url
        if meta.language:
            fields["language"] = meta.language.split("-")[0].lower()
    declared_language = _HTML_LANG.search(html[:4096])
    if declared_language and "language" not in fields:
        fields["language"] = declared_language.group(1).split("-")[0].lower()
    guessed = set() if "title" in fields else {"title"}
    fields.setdefault("title", paragraphs[0][:200])
    return Captured(saved.encode("utf-8"), ".txt", "web page", fields,
                    wanted=("title", "author", "issued", "container-title", "URL"), guessed=guessed,
                    page_text_bytes=facts.text_bytes)


def _refuse_no_article(paragraphs: list[str], facts, where: str) -> None:
    """Refuse an extraction with less than MIN_ARTICLE_CHARACTERS of the article's own text,
    saying whether it was the page's chrome (a menu and a footer read as text) or just short."""
    chrome = sum(len(paragraph) for paragraph in paragraphs if facts.is_chrome(paragraph))
    own = sum(len(paragraph) for paragraph in paragraphs) - chrome
    if own >= MIN_ARTICLE_CHARACTERS:
        return
    least = f"an article has at least {MIN_ARTICLE_CHARACTERS} characters of its own"
    if chrome >= own:
        why = (f"the text extracted is the page's links, menus, banner or footer ({chrome:,} of its "
               f"{chrome + own:,} characters); {least}")
    else:
        why = f"the text extracted is too short for an article ({own:,} characters; {least})"
    raise UsageError(f"{where}: no article found: {why}", _NOT_AN_ARTICLE)


def _decode_html(body: bytes) -> str:
    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", body[:4096], re.I)
    for encoding in ([declared.group(1).decode("ascii")] if declared else []) + ["utf-8", "cp1252"]:
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


def read_pdf(body: bytes, where: str) -> Captured:
    """The text of every page, in order, pages kept (form feeds between them)."""
    import io

    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(body)) as pdf:
            pages = [(page.extract_text() or "").strip("\n") for page in pdf.pages]
            info = pdf.metadata or {}
    except Exception as error:  # noqa: BLE001 - pdfminer raises its own types for broken files
        if _is_encrypted(error):
            raise UsageError(f"{where}: the PDF is encrypted: it opens only with its password",
                             "save an unencrypted copy (print to PDF from a viewer that opens it); nothing written") from None
        if isinstance(error, (PDFSyntaxError, ValueError, KeyError, TypeError)):
            raise UsageError(f"{where}: not a readable PDF ({type(error).__name__})", "nothing written") from None
        if type(error).__module__.startswith(("pdfminer", "pdfplumber")):
            raise UsageError(f"{where}: not a readable PDF ({error})", "nothing written") from None
        raise
    if not any(page.strip() for page in pages):
        raise UsageError(f"{where}: the PDF has no text layer",
                         "a scanned PDF needs OCR first (e.g. ocrmypdf); nothing written")
    fields: dict[str, object] = {}
    title = _pdf_string(info.get("Title"))
    if title:
        fields["title"] = title
    author = _pdf_string(info.get("Author"))
    if author:
        fields["author"] = [{"literal": a.strip()} for a in author.split(";") if a.strip()]
    # when the file was made, which may be long after the document was published: a hint only
    created = _PDF_DATE.match(_pdf_string(info.get("CreationDate")) or "")
    guessed = set()
    if "title" not in fields:
        first = _first_line("\n".join(pages))
        if first:
            fields["title"] = first[:200]
            guessed.add("title")
    return Captured(join_pages(pages).encode("utf-8"), ".txt", "PDF", fields,
                    wanted=("title", "author", "issued"), guessed=guessed, pages=len(pages),
                    created="-".join(part for part in created.groups() if part) if created else None)


def _is_encrypted(error: BaseException) -> bool:
    """Whether pdfminer failed for want of the password; pdfplumber wraps its errors, so the
    pdfminer error is an argument or the cause of the one raised."""
    from pdfminer.pdfdocument import PDFEncryptionError

    pending, seen = [error], set()
    while pending:
        cause = pending.pop()
        if isinstance(cause, PDFEncryptionError):
            return True
        seen.add(id(cause))
        linked = (*cause.args, cause.__cause__, cause.__context__)
        pending += [item for item in linked if isinstance(item, BaseException) and id(item) not in seen]
    return False


def _pdf_string(value: object) -> str | None:
    """A document-information value as text: PDF strings are UTF-16 with a byte-order mark, or
    PDFDocEncoding, of which Latin-1 is a close enough reading for a title or a name."""
    if isinstance(value, bytes):
        value = value.decode("utf-16") if value.startswith((b"\xfe\xff", b"\xff\xfe")) else value.decode("latin-1")
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line
    return None
