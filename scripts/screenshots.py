"""Regenerate the pictures of the README and the docs (docs/screenshots/): build the site, open it in headless Chromium, screenshot.

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshots/brief.png and map.png
    .venv/bin/python scripts/screenshots.py --out DIR  # somewhere else

Uses Debian's chromium (scripts/ensure-chromium.sh installs it); no browser is downloaded.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BRIEF_MAP = "nato-expansion"  # the central debate: its cards
DIAGRAM_MAP = "nato-instruments"  # small enough for its diagram to read at README width


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "argmap", "build", "-o", str(site), "--date", "2025-06-01"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 900}, device_scale_factor=2)  # crisp on high-density screens
            page.goto((site / f"{BRIEF_MAP}.html").as_uri())
            # the thesis and first cards of the pro case: what a brief looks like
            page.evaluate("window.scrollTo(0, document.querySelector('#side-pro').offsetTop - 20)")
            page.screenshot(path=str(args.out / "brief.png"))
            page.goto((site / f"{DIAGRAM_MAP}.html").as_uri())
            page.locator(".diagram-svg").screenshot(path=str(args.out / "map.png"))
            browser.close()
    print(f"wrote {args.out / 'brief.png'} and {args.out / 'map.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
