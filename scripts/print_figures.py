"""Figures of a printed brief: pages, how full each is, where the first card falls, and the
print rules of issue 23 (point 8) checked on a real map. A measurement, not a test: tests never
depend on the maps in maps/.

    .venv/bin/python scripts/print_figures.py                      # maps/nato-expansion.yaml, A4
    .venv/bin/python scripts/print_figures.py maps/x.yaml --format Letter

The brief is built with `argmap build`, printed by Chromium (Playwright, print media) and read
back with poppler's `pdftotext -bbox`: a page's fill is the height its words span over the
page's height (Playwright prints without margins, and the brief's CSS sets none). Rules: no "A2:" heading last on a page; no page under a third full except the
last one or one before a new side's case; the first card by page 3.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
SHORT_PAGE = 1 / 3
FIRST_CARD_BY_PAGE = 3
_PAGE = re.compile(r'<page width="([0-9.]+)" height="([0-9.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(r'<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</word>')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("map", type=Path, nargs="?", default=ROOT / "maps" / "nato-expansion.yaml")
    parser.add_argument("--format", default="A4", help="paper size, as Chromium names it (A4, Letter)")
    args = parser.parse_args()
    if not shutil.which("pdftotext"):
        raise SystemExit("pdftotext is missing: bash scripts/ensure-libreoffice.sh installs poppler-utils")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "argmap", "build", str(args.map), "-o", str(site), "--date", "2025-06-01"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        html = next(p for p in site.glob("*.html") if p.name != "index.html")
        pdf = Path(tmp) / "brief.pdf"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(html.as_uri())
            first_tag = " ".join(page.evaluate("document.querySelector('.side-case .card .tag').innerText").split())
            sides = [" ".join(t.split()) for t in page.evaluate(
                "Array.from(document.querySelectorAll('.side-case > h2'), h => h.innerText)")]
            page.emulate_media(media="print")
            page.pdf(path=str(pdf), format=args.format)
            browser.close()
        bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = [(float(h), [(float(top), float(bottom), unescape(word)) for top, bottom, word in _WORD.findall(body)])
             for _, h, body in _PAGE.findall(bbox)]
    problems: list[str] = []
    first_card_page = None
    print(f"{html.stem}: {len(pages)} pages ({args.format})")
    for number, (height, words) in enumerate(pages, 1):
        text = " ".join(word for *_, word in words)
        fill = (max(b for _, b, _ in words) - min(t for t, _, _ in words)) / height if words else 0.0
        if first_card_page is None and first_tag and first_tag in text:
            first_card_page = number
        lines = last_line(words)
        print(f"  page {number:>2}: {fill:5.0%} full{'  last line: ' + lines if lines.startswith('A2:') else ''}")
        if lines.startswith("A2:"):
            problems.append(f"page {number} ends on the heading {lines!r}")
        following = " ".join(word for *_, word in pages[number][1][:12]) if number < len(pages) else ""
        if fill < SHORT_PAGE and number < len(pages) and not any(following.startswith(side[:20]) for side in sides):
            problems.append(f"page {number} is {fill:.0%} full and no new side follows")
    print(f"  first card ({first_tag!r}) on page {first_card_page}")
    if first_card_page is None or first_card_page > FIRST_CARD_BY_PAGE:
        problems.append(f"the first card is on page {first_card_page}, after page {FIRST_CARD_BY_PAGE}")
    print("rules: " + ("all kept" if not problems else "; ".join(problems)))
    return 0 if not problems else 1


def last_line(words: list[tuple[float, float, str]]) -> str:
    """The words of the page's lowest line (those whose top is within 2 pt of the last word's)."""
    if not words:
        return ""
    bottom_top = max(top for top, _, _ in words)
    return " ".join(word for top, _, word in words if abs(top - bottom_top) < 2)


if __name__ == "__main__":
    sys.exit(main())
