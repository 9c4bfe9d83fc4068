"""Pages of a source whose text was saved from a paged document (a PDF).

`argmap source add` saves a PDF's text page by page, each page ending with a line break, and
starts every page after the first with a form feed (U+000C), as ``pdftotext`` does. A text with
no form feed has no pages: a `page` given for a quote from it cannot be checked and is not.
Quote matching treats the form feed as white space, so a quote may run across a page break.
"""

from __future__ import annotations

import bisect

PAGE_BREAK = "\f"


def is_paged(text: str) -> bool:
    return PAGE_BREAK in text


def page_starts(text: str) -> list[int]:
    """Offsets of the form feeds: page n+1 starts after the n-th."""
    starts, at = [], text.find(PAGE_BREAK)
    while at != -1:
        starts.append(at)
        at = text.find(PAGE_BREAK, at + 1)
    return starts


def page_at(breaks: list[int], offset: int) -> int:
    """The 1-based page on which ``offset`` stands, given :func:`page_starts` of the text."""
    return bisect.bisect_right(breaks, offset) + 1


def page_range(text: str, start: int, end: int) -> tuple[int, int]:
    """First and last page of the text between ``start`` and ``end`` (a quote's span)."""
    breaks = page_starts(text)
    return page_at(breaks, start), page_at(breaks, max(start, end - 1))


def join_pages(pages: list[str]) -> str:
    """Page texts as one saved text: each ending with a line break, a form feed before each next one."""
    return PAGE_BREAK.join(page if page.endswith("\n") else page + "\n" for page in pages)
