"""A real headless browser (Debian's chromium) loads a brief, the site's index and a source
page: no console errors, no failed or outside requests, and screenshots saved."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
import yaml

from browser_support import BROWSER_MARKS, chromium
from conftest import MAPS, SEEDS

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from argmap.usecases.build import build_site

    out = tmp_path_factory.mktemp("browser") / "site"
    build_site([MAPS], out, seeds_dir=SEEDS, built="2025-06-01")
    return out


@pytest.fixture(scope="module")
def server(site):
    """The site over http://127.0.0.1: what a reader gets from any static host."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


class Visit:
    """Open a page and record everything that went wrong or left the page's own origin."""

    def __init__(self, browser, url: str, viewport=(1100, 1400)):
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.response = self.page.goto(url, wait_until="load")

    def outside(self, origin: str) -> list[str]:
        return [u for u in self.requests if not u.startswith(origin) and not u.startswith("data:")]

    def assert_clean(self, origin: str) -> None:
        assert self.errors == [] and self.failed == []
        assert self.outside(origin) == []


def test_brief_loads_cleanly_from_a_file(browser, site, tmp_path):
    brief = site / "river-bridge.html"
    visit = Visit(browser, brief.as_uri())
    visit.assert_clean("file://")
    assert visit.requests == [brief.as_uri()]  # self-contained: the page is the only request
    page = visit.page
    assert page.title() == "A bridge over the Lembah river \u2014 debate brief"
    assert page.locator(".diagram-svg svg").count() == 1
    assert page.locator(".diagram-svg svg").bounding_box()["width"] > 300
    nodes = yaml.safe_load((MAPS / "river-bridge.yaml").read_text(encoding="utf-8"))["nodes"]
    assert page.locator("article.card").count() >= len(nodes)  # a full card per node, and repeats
    page.screenshot(path=str(tmp_path / "brief.png"), full_page=False)
    assert (tmp_path / "brief.png").stat().st_size > 10_000
    visit.page.close()


def test_site_pages_load_cleanly_over_http(browser, server, tmp_path):
    for path in ("index.html", "river-bridge.html", "sources/sari2023.html"):
        visit = Visit(browser, f"{server}/{path}")
        assert visit.response.ok, path
        visit.assert_clean(server)
        visit.page.screenshot(path=str(tmp_path / (path.replace("/", "-") + ".png")))
        visit.page.close()


def test_view_in_context_reaches_the_highlighted_passage(browser, server):
    visit = Visit(browser, f"{server}/river-bridge.html")
    page = visit.page
    link = page.locator("#n-boats-stop-in-floods a", has_text="view in context").first
    link.click()
    page.wait_for_load_state("load")
    assert "/sources/sari2023.html#q-" in page.url
    anchor = page.url.split("#")[1]
    # the passage is scrolled into view and marked
    assert page.evaluate(f"document.getElementById('{anchor}').nextElementSibling.tagName") == "MARK"
    top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert -2 <= top < page.viewport_size["height"]  # sub-pixel rounding
    page.locator(".backlinks a").first.click()  # and back to a citing claim
    page.wait_for_load_state("load")
    assert ".html#n-" in page.url
    visit.assert_clean(server)
    page.close()


def test_brief_fits_a_phone(browser, site, tmp_path):
    visit = Visit(browser, (site / "ferry-trial.html").as_uri(), viewport=(375, 740))
    page = visit.page
    # only the diagram may scroll sideways; the page itself fits the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(tmp_path / "phone.png"))
    visit.assert_clean("file://")
    page.close()


def test_print_keeps_cards_whole_and_shows_urls(browser, site, tmp_path):
    visit = Visit(browser, (site / "ferry-trial.html").as_uri())
    page = visit.page
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('article.card')).breakInside") == "avoid"
    after = page.evaluate("getComputedStyle(document.querySelector('a[href^=\"sources/\"]'), '::after').content")
    assert after.startswith('" <sources/') and "#q-" in after  # the printed page names where the link leads
    in_page = page.evaluate("getComputedStyle(document.querySelector('a[href^=\"#\"]'), '::after').content")
    assert in_page in ('""', "none")  # in-page anchors need no address
    page.pdf(path=str(tmp_path / "brief.pdf"))
    assert (tmp_path / "brief.pdf").stat().st_size > 10_000
    page.close()
