"""Reading HTML pages in tests (stdlib html.parser): elements with their text, ids, links and
loads, and the checks the brief and site tests share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    descendants: list[Element] = field(default_factory=list, repr=False)


@dataclass
class Page:
    """One HTML file, parsed: its elements (with their text), ids, links and loads."""

    path: Path
    html: str
    elements: list[Element] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Page:
        return cls.parse(path.read_text(encoding="utf-8"), path)

    @classmethod
    def parse(cls, html: str, path: Path = Path("page.html")) -> Page:
        page = cls(path, html)
        _Collector(page).feed(html)
        return page

    @property
    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs}

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    @staticmethod
    def inside(element: Element) -> list[Element]:
        """The elements within ``element``, in document order."""
        return element.descendants

    @property
    def text(self) -> str:
        """The page's text as a reader sees it: white space runs made one space."""
        return re.sub(r"\s+", " ", self._text)

    def hrefs(self) -> list[str]:
        return [e.attrs["href"] for e in self.elements if "href" in e.attrs and e.tag in ("a", "area")]

    def loads(self) -> list[str]:
        """Everything the page would fetch: src attributes, <link href>, CSS imports and urls."""
        found = [e.attrs[a] for e in self.elements for a in ("src", "srcset", "poster", "data") if a in e.attrs]
        found += [e.attrs.get("href", "") for e in self.all("link")]
        found += [e.attrs.get("xlink:href", "") for e in self.all("image") + self.all("use")]
        for style in self.all("style"):
            found += re.findall(r"@import\s+([^;]+)", style.text)
            found += re.findall(r"url\(\s*([^)]*)\)", style.text)
        found += re.findall(r"url\(\s*([^)]*)\)", " ".join(e.attrs.get("style", "") for e in self.elements))
        return found

    def headings(self) -> list[int]:
        return [int(e.tag[1]) for e in self.elements if re.fullmatch(r"h[1-6]", e.tag)]


class _Collector(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open: list[Element] = []
        page._text = ""

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs})
        self._add(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self._add(Element(tag, {k: v or "" for k, v in attrs}))

    def _add(self, element: Element) -> None:
        self.page.elements.append(element)
        for holder in self.open:
            holder.descendants.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data
        self.page._text += data


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def broken_links(pages: dict[Path, Page], base: Path) -> list[str]:
    """Every internal link (#id, or a relative file with an optional #id) that does not resolve."""
    problems = []
    for path, page in pages.items():
        for href in page.hrefs():
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            assert not parts.scheme, f"{path.name}: unexpected link {href}"
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path.resolve()
            if not target.is_file():
                problems.append(f"{path.relative_to(base)}: {href}: no such file")
                continue
            if parts.fragment:
                target_page = pages.get(target) or Page.load(target)
                if parts.fragment not in target_page.ids:
                    problems.append(f"{path.relative_to(base)}: {href}: no such id")
    return problems


def external_loads(page: Page) -> list[str]:
    """Loads that leave the page; a self-contained page has none, not even relative ones."""
    return [u for u in page.loads() if u.strip("'\" ")]


def duplicate_ids(page: Page) -> list[str]:
    seen, dupes = set(), []
    for e in page.elements:
        if "id" in e.attrs:
            if e.attrs["id"] in seen:
                dupes.append(e.attrs["id"])
            seen.add(e.attrs["id"])
    return dupes
