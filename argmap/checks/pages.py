"""A quote's `page` must be the page of its source on which the quote stands."""

import re
from itertools import repeat
from operator import attrgetter, is_

from argmap.checks.rule import MapContext, rule
from argmap.core.codes import Code
from argmap.quotes.pages import is_paged, page_at, page_starts

_PAGES = re.compile(r"^\s*(\d+)\s*(?:[-\u2013]\s*(\d+))?\s*$")  # 7, or a range 7-8
# No source has a billion pages: a longer number is past the last page of any (and int() refuses
# numbers of more than 4,300 digits).
_MAX_PAGE_DIGITS = 9
_PAGE = attrgetter("page")


def _page_number(digits: str) -> int:
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= _MAX_PAGE_DIGITS else 10 ** _MAX_PAGE_DIGITS


@rule(Code.AM509, "A quote's `page` is not the page of the source's saved text the quote stands on.")
def quote_pages(ctx: MapContext):
    """Checked for sources saved with their pages (a PDF added with `argmap source add`, whose
    text has a form feed before each page after the first). A single page must be one the quote
    stands on; a range such as `7-8` must hold every page the quote runs over. A page in another
    form (`iv`, `A3`), or in a source without pages, is left to the reader.

    Passing (the quote stands on page 2 of the saved text):

        quote: The second stage will cost 4.1 million, which is 0.6 million more than budgeted.
        page: 2

    Failing:

        quote: The second stage will cost 4.1 million, which is 0.6 million more than budgeted.
        page: 1
    """
    if all(map(is_, map(_PAGE, ctx.evidence_items), repeat(None))):  # found at C speed: most maps give no page
        return
    breaks: dict[str, list[int]] = {}  # per source, the offsets of its page breaks: found once
    for quote in ctx.quote_checks:
        given = quote.evidence.page
        matches = quote.result.matches
        if given is None or len(matches) != 1:  # a quote not found or not unique is reported already
            continue
        declared = _PAGES.match(str(given))
        text = quote.source.text.text
        if declared is None or not is_paged(text):
            continue
        if quote.evidence.source not in breaks:
            breaks[quote.evidence.source] = page_starts(text)
        starts = breaks[quote.evidence.source]
        first, last = page_at(starts, matches[0].start), page_at(starts, max(matches[0].start, matches[0].end - 1))
        low = _page_number(declared.group(1))
        high = _page_number(declared.group(2)) if declared.group(2) else low
        fits = low <= first and last <= high if declared.group(2) else first <= low <= last
        if not fits:
            where = f"page {first}" if first == last else f"pages {first}-{last}"
            yield ctx.report((*quote.path, "page"),
                             f"the quote stands on {where} of source '{quote.evidence.source}', not page {given}",
                             (f"write page: {first if first == last else f'{first}-{last}'}",))
