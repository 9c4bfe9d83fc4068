"""What a web page says of itself in its own markup (an lxml tree): the date it was published,
the text of its navigation, banners and footers, and how much text it holds in all.

The publication date comes only from the page's metadata: ``<meta>`` tags, JSON-LD and
microdata ``datePublished``, and the ``<time>`` of the page's one article. trafilatura's date
(htmldate) is not used: without such metadata it guesses from the years in the body, a copyright
line or the URL, and a guess registered as found is worse than a date reported missing.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

# <meta> names and properties that hold the publication date, most specific first
# (Open Graph, Highwire/Google Scholar, Dublin Core, then the common ad hoc ones)
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "citation_publication_date", "citation_date", "citation_online_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "prism.publicationdate",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "parsely-pub-date", "sailthru.date", "date",
)
# Elements whose text is the page's chrome, not its article. A <header> or <footer> inside an
# article or a section is that part's own (a byline, a title), so only the page's are chrome.
_CHROME_TAGS = {"nav", "aside", "menu", "a", "button", "form", "select", "label"}
_PAGE_PARTS = {"header", "footer"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "menu", "menubar", "search"}
_SECTIONING = {"article", "section", "main"}
_NO_TEXT = {"script", "style", "noscript", "template"}

_ISO_DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?=$|[T\s+Z.:-])")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class PageFacts:
    issued: str | None  # YYYY, YYYY-MM or YYYY-MM-DD, from the page's own metadata
    chrome: str  # the text of its navigation, menus, links, banner and footer, squeezed (see _squeezed)
    text_bytes: int  # its visible text in UTF-8, runs of white space counted as one space

    def is_chrome(self, paragraph: str) -> bool:
        """Whether an extracted paragraph is made of the page's chrome (a menu read as text)."""
        squeezed = _squeezed(paragraph)
        return bool(squeezed) and squeezed in self.chrome


def page_facts(tree) -> PageFacts:
    """The facts of the page ``tree`` (an lxml.html element), read without changing it."""
    return PageFacts(published(tree), _chrome_text(tree), _text_bytes(tree))


def published(tree) -> str | None:
    """The publication date the page gives in its metadata, else None (never a guess)."""
    for value in _published_candidates(tree):
        date = _date(value)
        if date is not None:
            return date
    return None


def _published_candidates(tree) -> Iterator[str]:
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and content:
                metas.setdefault(key, content)
    yield from (metas[key] for key in PUBLISHED_META if key in metas)
    yield from _json_ld_dates(tree)
    for element in tree.xpath('//*[@itemprop="datePublished"]'):  # microdata on the page's own elements
        yield element.get("datetime") or element.get("content") or ""
    yield from _article_times(tree)


def _json_ld_dates(tree) -> Iterator[str]:
    """``datePublished`` of the JSON-LD items describing the page: the top-level items, those of
    an ``@graph`` and their ``mainEntity``; not deeper (a review's, a video's)."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # broken, or nested past Python's stack: not the page's word
            continue
        items = data if isinstance(data, list) else [data]
        items = [item for item in items if isinstance(item, dict)]
        items += [item for top in items for item in (top.get("@graph") or []) if isinstance(item, dict)]
        items += [item["mainEntity"] for item in items if isinstance(item.get("mainEntity"), dict)]
        for item in items:
            if isinstance(item.get("datePublished"), str):
                yield item["datePublished"]


def _article_times(tree) -> Iterator[str]:
    """The ``<time datetime>`` of the page's one article, outside its running text: a date in a
    paragraph is one the article mentions, and on a page of several articles (a list of
    teasers) no date is the page's."""
    articles = tree.xpath("//article[not(ancestor::article)]")
    if len(articles) != 1:
        return
    for time in articles[0].xpath(".//time[@datetime][not(ancestor::p or ancestor::li or ancestor::blockquote "
                                  "or ancestor::td or ancestor::figcaption)]"):
        if _nearest(time, "article") is articles[0]:  # not a comment's, when comments are articles
            yield time.get("datetime")


def _nearest(element, tag: str):
    return next(element.iterancestors(tag), None)


def _date(value: str) -> str | None:
    """``value`` as a CSL date (YYYY, YYYY-MM, YYYY-MM-DD), if it is an ISO 8601 date (or has
    slashes, as Highwire's citation_date) or an RFC 2822 one; None for anything else."""
    value = value.strip()
    matched = _ISO_DATE.match(value)
    if matched:
        year, month, day = (int(part) if part else None for part in matched.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            return None
        return "-".join([f"{year:04d}", *(f"{part:02d}" for part in (month, day) if part is not None)])
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _is_chrome(element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _CHROME_TAGS or (element.get("role") or "").strip().lower() in _CHROME_ROLES:
        return True
    return tag in _PAGE_PARTS and not any(ancestor.tag in _SECTIONING for ancestor in element.iterancestors())


def _chrome_text(tree) -> str:
    """The text of the page's outermost chrome elements in page order, squeezed and run together,
    so that a paragraph an extractor made by joining menu items is found in it."""
    parts: list[str] = []
    stack = [tree]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or element.tag in _NO_TEXT:
            continue
        if _is_chrome(element):
            parts.append(_squeezed(element.text_content()))
            continue
        stack.extend(reversed(element))
    return "".join(parts)


def _text_bytes(tree) -> int:
    body = tree.find("body")
    pieces = (body if body is not None else tree).xpath(
        ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]")
    return len(" ".join(" ".join(pieces).split()).encode("utf-8"))


def _squeezed(text: str) -> str:
    """Text without white space, case-folded: how an extractor may have joined or spaced it."""
    return _SPACE.sub("", text).casefold()
