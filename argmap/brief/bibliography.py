"""APA 7 references and in-text citations built from CSL-style source records.

A reference is returned as a sequence of :class:`Span` (text, italic or not, maybe a link)
rather than as an HTML string, so that templates keep autoescaping every piece of it.

APA rules followed here (Publication Manual, 7th ed., ch. 9-10):

* authors as ``Family, I. I.``, all of them up to 20, ``&`` before the last (with a comma
  even for two); from 21 on, the first 19, an ellipsis, and the last;
* a work without an author starts with its title, and the date follows the title;
* ``(n.d.)`` when undated; periodicals and web pages give the full date, books, theses and
  journal articles only the year;
* a title not in English keeps its original wording, followed by ``[English title]``;
* journal names and volumes, and the titles of stand-alone works, are italic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.core.model import Author, Source, known_authors, year

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# Types whose title names the whole work (italic), as opposed to a part of a container.
STANDALONE_TYPES = {"book", "thesis", "report", "webpage", "document", "dataset", "software", "manuscript"}
# Types whose reference gives the full date rather than the year alone.
DATED_TYPES = {"article-newspaper", "article-magazine", "post-weblog", "post", "webpage", "broadcast", "interview"}
MAX_LISTED_AUTHORS = 20

# The seed registry records an unknown author as a literal that says so ("Unknown (no
# author stated)"), keeping the reason next to the data; APA treats such a work as authorless.
@dataclass(frozen=True)
class Span:
    """A piece of a formatted reference."""

    text: str
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Reference:
    source_id: str
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        """The reference as plain text (no italics): for tests, search and sorting."""
        return "".join(span.text for span in self.spans)


def is_web_address(url: str) -> bool:
    """Only http(s) addresses become links: a `javascript:` URL in a registry stays text."""
    return re.match(r"https?://", url.strip(), re.IGNORECASE) is not None


def initials(given: str) -> str:
    """``Pinto Rahmat`` → ``P. R.``; ``Jean-Paul`` → ``J.-P.``."""
    parts = []
    for word in given.split():
        pieces = [p for p in word.split("-") if p]
        parts.append("-".join(f"{p[0]}." for p in pieces))
    return " ".join(parts)


def reference_name(author: Author) -> str:
    if author.literal:
        return author.literal
    if author.family and author.given:
        return f"{author.family}, {initials(author.given)}"
    return author.family or author.given or ""


def full_name(author: Author) -> str:
    if author.literal:
        return author.literal
    return " ".join(p for p in (author.given, author.family) if p)


def author_list(authors: list[Author]) -> str:
    names = [reference_name(a) for a in authors]
    if len(names) > MAX_LISTED_AUTHORS:
        return ", ".join(names[:MAX_LISTED_AUTHORS - 1]) + ", . . . " + names[-1]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def reference_date(source: Source) -> str:
    """``2025, December 8`` for periodicals and web pages; the year alone otherwise."""
    if not source.issued:
        return "n.d."
    if source.type not in DATED_TYPES:
        return source.issued[:4]
    parts = source.issued.split("-")
    text = parts[0]
    if len(parts) > 1:
        text += f", {MONTHS[int(parts[1]) - 1]}"
        if len(parts) > 2:
            text += f" {int(parts[2])}"
    return text


def in_text(source: Source) -> str:
    """The parenthetical citation without parentheses: ``Ade et al., 2025``."""
    authors = known_authors(source)
    if not authors:
        words = source.title.split()
        who = "\u201c" + " ".join(words[:4]) + ("\u2026" if len(words) > 4 else "") + "\u201d"
    elif len(authors) == 1:
        who = authors[0].surname
    elif len(authors) == 2:
        who = f"{authors[0].surname} & {authors[1].surname}"
    else:
        who = f"{authors[0].surname} et al."
    return f"{who}, {year(source)}"


def _end(text: str) -> str:
    """APA closes each element with a period unless it already ends in punctuation."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _title_spans(source: Source) -> list[Span]:
    italic = source.type in STANDALONE_TYPES
    spans = [Span(source.title, italic=italic)]
    if source.title_en and source.title_en.strip() != source.title.strip():
        spans.append(Span(f" [{source.title_en.strip()}]"))
    if source.type == "thesis":
        spans.append(Span(f" [Thesis, {source.publisher}]" if source.publisher else " [Thesis]"))
    # close the title element with a period (never italic), placed after any bracket
    if _end(spans[-1].text) != spans[-1].text:
        spans.append(Span("."))
    return spans


def _source_spans(source: Source) -> list[Span]:
    """The 'where it appeared' element: journal with volume, issue and pages, or site, or publisher."""
    container = source.container_title
    if source.type.startswith("article-journal") or source.type == "article":
        if not container:
            return []
        spans = [Span(container, italic=True)]
        if source.volume:
            spans += [Span(", "), Span(source.volume, italic=True)]
            if source.issue:
                spans.append(Span(f"({source.issue})"))
        elif source.issue:
            spans.append(Span(f", ({source.issue})"))
        if source.page:
            spans.append(Span(", " + source.page.replace("-", "\u2013")))
        spans.append(Span("."))
        return spans
    if container and source.type in STANDALONE_TYPES:
        # a web page's site name is not italic; a thesis or book names its publisher instead
        return [] if source.type == "thesis" else [Span(_end(container))]
    if container:
        return [Span(container, italic=True), Span(".")]
    if source.publisher and source.type != "thesis":
        return [Span(_end(source.publisher))]
    return []


def apa_reference(source_id: str, source: Source) -> Reference:
    authors = known_authors(source)
    date = Span(f"({reference_date(source)}).")
    title = _title_spans(source)
    spans: list[Span] = []
    if authors:
        spans += [Span(_end(author_list(authors))), Span(" "), date, Span(" "), *title]
    else:
        spans += [*title, Span(" "), date]
    where = _source_spans(source)
    if where:
        spans += [Span(" "), *where]
    if source.URL:
        spans += [Span(" "), Span(source.URL, href=source.URL if is_web_address(source.URL) else None)]
    if source.qualifications:
        # not APA: a debater's full cite says why the author is worth hearing
        spans += [Span(" "), Span(_end(f"Qualifications: {source.qualifications.strip()}"))]
    return Reference(source_id, tuple(spans))


def sort_key(source: Source) -> tuple[str, str, str]:
    """APA orders by the first element (author, or title when there is none), then year."""
    authors = known_authors(source)
    first = reference_name(authors[0]) if authors else source.title
    return (first.casefold(), year(source), source.title.casefold())


def bibliography(sources: dict[str, Source]) -> list[Reference]:
    ordered = sorted(sources.items(), key=lambda item: sort_key(item[1]))
    return [apa_reference(source_id, source) for source_id, source in ordered]


def card_cite(source: Source) -> str:
    """The short cite a debater reads out and Verbatim styles as `Cite`: surnames and a two-digit
    year, ``Sari et al. 23``. A page without an author is cited by its outlet (the site or paper),
    never by its headline; with no outlet either, by the first words of its title."""
    authors = known_authors(source)
    if len(authors) == 1:
        who = authors[0].surname
    elif len(authors) == 2:
        who = f"{authors[0].surname} and {authors[1].surname}"
    elif authors:
        who = f"{authors[0].surname} et al."
    elif source.container_title or source.publisher:
        who = (source.container_title or source.publisher or "").strip()
    else:
        words = source.title.split()
        who = " ".join(words[:4]) + ("\u2026" if len(words) > 4 else "")
    return f"{who} {source.issued[2:4]}" if source.issued else f"{who} n.d."


def full_cite(source: Source) -> str:
    """The card's full cite in small type: who (with their qualifications), when, what, where.
    The address and the day it was captured are added by the page or file, the address as a link."""
    parts = []
    authors = known_authors(source)
    if authors:
        parts.append(", ".join(full_name(a) for a in authors))
    if source.qualifications:
        parts.append(source.qualifications.strip().rstrip("."))
    parts.append(source.issued or "n.d.")
    title = source.title.strip()
    if source.title_en and source.title_en.strip() != title:
        title += f" [{source.title_en.strip()}]"
    parts.append(f"\u201c{title}\u201d")
    outlet = source.container_title or source.publisher
    if outlet:
        parts.append(outlet.strip())
    if source.volume:
        parts.append(f"vol. {source.volume}" + (f"({source.issue})" if source.issue else ""))
    return ", ".join(parts)  # the address and the day it was captured follow, as a link in a page
