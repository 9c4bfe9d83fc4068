"""A real headless browser (Debian's chromium) loads a brief, the site's index and a source
page: no console errors, no failed or outside requests, and screenshots saved."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
import yaml

from browser_support import BROWSER_MARKS, chromium
from conftest import MAPS, SEEDS
from debater_support import MAP_ID, write_debate

PDFTOTEXT = shutil.which("pdftotext")
# the diagram's smallest text at a 1400 px window and on a 390 px phone, in CSS pixels
MIN_DIAGRAM_TEXT_PX = 10

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
    link = page.locator("#card-boats-stop-in-floods a", has_text="view in context").first
    link.click()
    page.wait_for_load_state("load")
    assert "/sources/sari2023.html#q-" in page.url
    anchor = page.url.split("#")[1]
    # the passage is scrolled into view and marked
    assert page.evaluate(f"document.getElementById('{anchor}').nextElementSibling.tagName") == "MARK"
    top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 40 <= top < page.viewport_size["height"]  # with a margin above, not flush at the top edge
    outline = page.evaluate(f"getComputedStyle(document.getElementById('{anchor}').nextElementSibling).outlineStyle")
    assert outline == "solid"  # the target passage is marked apart from the other quoted passages
    page.locator(".backlinks a").first.click()  # and back to a citing claim
    page.wait_for_load_state("load")
    assert ".html#card-" in page.url
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


def test_print_keeps_evidence_whole_and_shows_urls(browser, site, tmp_path):
    visit = Visit(browser, (site / "ferry-trial.html").as_uri())
    page = visit.page
    page.emulate_media(media="print")
    # a card may run over a page, between its pieces of evidence; each piece stays whole
    assert page.evaluate("getComputedStyle(document.querySelector('article.card')).breakInside") == "auto"
    assert page.evaluate("getComputedStyle(document.querySelector('.evidence')).breakInside") == "avoid"
    # a relative path means nothing on paper: "view in context" is not printed at all, nor its separator
    hidden = "getComputedStyle(document.querySelector('a[href^=\"sources/\"]').parentElement).display"
    assert page.evaluate(hidden) == "none"
    assert page.evaluate("document.querySelector('a[href^=\"sources/\"]').offsetParent") is None
    in_page = page.evaluate("getComputedStyle(document.querySelector('a[href^=\"#\"]'), '::after').content")
    assert in_page in ('""', "none")  # in-page anchors need no address
    page.pdf(path=str(tmp_path / "brief.pdf"))
    assert (tmp_path / "brief.pdf").stat().st_size > 10_000
    page.close()


# --- the brief a debater takes into a round ------------------------------------------------


@pytest.fixture(scope="module")
def debate(tmp_path_factory) -> Path:
    from argmap.usecases.brief import write_briefs

    project = tmp_path_factory.mktemp("debate")
    shutil.copytree(SEEDS, project / "seeds")
    (project / "maps").mkdir()
    write_debate(project)
    write_briefs([project / "maps"], project / "out", seeds_dir=project / "seeds", built="2025-06-01")
    return project / "out" / f"{MAP_ID}.html"


SMALLEST_TEXT = """() => {
  const svg = document.querySelector('.diagram-svg svg');
  const scale = svg.getScreenCTM().a;
  return Math.min(...Array.from(svg.querySelectorAll('text'), t => parseFloat(t.getAttribute('font-size')) * scale));
}"""


@pytest.mark.parametrize("name", ["debate", "river-bridge"])
@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
def test_diagram_text_is_legible_on_a_desktop_and_a_phone(browser, site, debate, name, viewport):
    path = debate if name == "debate" else site / f"{name}.html"
    visit = Visit(browser, path.as_uri(), viewport=viewport)
    page = visit.page
    assert page.evaluate(SMALLEST_TEXT) >= MIN_DIAGRAM_TEXT_PX
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]  # only the diagram's box scrolls
    visit.assert_clean("file://")
    page.close()


def test_diagram_nodes_lead_to_their_cards_and_the_whole_map_fits_on_request(browser, debate):
    visit = Visit(browser, debate.as_uri(), viewport=(1400, 900))
    page = visit.page
    page.locator('.diagram-svg a[href="#card-ferry-runs"]').click()
    assert page.evaluate("location.hash") == "#card-ferry-runs"
    top = page.evaluate("document.getElementById('card-ferry-runs').getBoundingClientRect().top")
    assert 20 <= top < 900
    page.locator("#zoom-fit").check()
    box = page.evaluate("document.querySelector('.diagram-svg').clientWidth")
    assert page.evaluate("document.querySelector('.diagram-svg svg').getBoundingClientRect().width") <= box
    page.close()


def test_the_table_filters_by_side_and_status(browser, debate):
    visit = Visit(browser, debate.as_uri(), viewport=(1400, 900))
    page = visit.page
    shown = "() => Array.from(document.querySelectorAll('.glance tbody tr')).filter(r => r.offsetParent).map(r => [r.dataset.side, r.dataset.status])"
    rows = page.evaluate(shown)
    assert len(rows) == 10 and {side for side, _ in rows} == {"pro", "con"}
    page.locator("#show-con").uncheck()
    assert {side for side, _ in page.evaluate(shown)} == {"pro"}
    page.locator("#show-falls").uncheck()
    assert page.evaluate(shown) and all(s == "pro" and status != "falls" for s, status in page.evaluate(shown))
    page.close()


def test_badges_keep_their_own_sides_colour_in_either_section(browser, debate):
    visit = Visit(browser, debate.as_uri())
    colours = visit.page.evaluate("""() => Object.fromEntries(['pro', 'con'].map(side => [side,
        Array.from(new Set(Array.from(document.querySelectorAll('.side.side-' + side), e => getComputedStyle(e).color)))]))""")
    assert len(colours["pro"]) == 1 and len(colours["con"]) == 1 and colours["pro"] != colours["con"]
    # PRO badges stand in the CON section too (its blocks answer PRO claims)
    assert visit.page.locator("#side-con .side.side-pro").count() > 0
    visit.page.close()


@pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext is missing (make office installs it)")
@pytest.mark.parametrize("name", ["debate", "river-bridge"])
def test_the_printed_brief_has_no_blank_pages_and_no_link_clutter(browser, site, debate, name, tmp_path):
    path = debate if name == "debate" else site / f"{name}.html"
    visit = Visit(browser, path.as_uri())
    page = visit.page
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('#diagram')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.block-start')).breakInside") == "avoid"
    pdf = tmp_path / "brief.pdf"
    page.pdf(path=str(pdf), format="Letter")
    page.close()
    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.rstrip("\f").split("\f")
    for number, content in enumerate(pages[:-1], 1):
        assert len(content.split()) > 60, f"page {number} of {len(pages)} is (nearly) blank"
    for number, content in enumerate(pages, 1):
        last = [line for line in content.splitlines() if line.strip()][-1]
        assert not last.startswith("A2:"), f"page {number} ends on the heading {last!r}"
    whole = " ".join(text.split())
    # the hidden "view in context" link leaves no separator after the line it ended
    assert not re.search(r"Verified in the source: [^\n]*\u00b7\s*$", text, re.MULTILINE)
    assert "sources/" not in whole and ".html#" not in whole  # no relative link printouts
    assert "<https://example.org" not in whole  # each address printed once, not again after its link
    # side stays legible without colour: the word is always there
    assert "PRO" in whole and "CON" in whole


# --- navigation on a long page (issue 23, point 7) -----------------------------------------


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
def test_a_contents_bar_stays_on_screen_and_the_table_is_part_of_the_page(browser, debate, viewport):
    visit = Visit(browser, debate.as_uri(), viewport=viewport)
    page = visit.page
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    bar = page.evaluate("""() => { const r = document.querySelector('nav.jump').getBoundingClientRect();
                                   return [r.top, r.bottom, r.width]; }""")
    assert bar[0] == 0 and 0 < bar[1] < 120  # at the top of the screen, far down the page
    links = page.evaluate("Array.from(document.querySelectorAll('nav.jump a'), a => a.getAttribute('href'))")
    assert {"#top", "#glance", "#side-pro", "#side-con", "#side-pro-blocks", "#diagram", "#bibliography"} <= set(links)
    page.click("nav.jump a[href='#side-con']")  # a jump lands below the bar, not under it
    heading = page.evaluate("document.querySelector('#side-con').getBoundingClientRect().top")
    assert heading >= bar[1] - bar[0] - 1
    # the table scrolls with the page: no box of its own to get stuck in
    wrap = page.evaluate("""() => { const w = document.querySelector('.glance-wrap');
                                    return [getComputedStyle(w).overflowY, w.scrollHeight - w.clientHeight]; }""")
    assert wrap[0] == "visible" and wrap[1] <= 1
    # "Answered by" is shown on a phone too, inside the screen
    cell = page.evaluate("""() => { const td = document.querySelector('.glance td[data-label="Answered by"]');
                                    const r = td.getBoundingClientRect();
                                    return [getComputedStyle(td).display, r.width, r.right]; }""")
    assert cell[0] != "none" and cell[1] > 20 and cell[2] <= viewport[0]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]
    visit.assert_clean("file://")
    page.close()
