"""Regenerate the pictures of the README and the docs (docs/screenshots/): build the site, open it in headless Chromium, screenshot.

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshots/*.png
    .venv/bin/python scripts/screenshots.py --out DIR  # somewhere else

Pictures: brief.png (the top of a brief at a 1400 px window), map.png (a diagram), phone.png (a
brief on a 390 px phone), phone-diagram.png (its diagram as a phone opens it, on the theses), print.png (the first printed pages side by side) and docx.png (the
first pages of `argmap docx`'s Word file as LibreOffice renders it).
Uses Debian's chromium (scripts/ensure-chromium.sh installs it), LibreOffice and poppler's
pdftoppm (scripts/ensure-libreoffice.sh); no browser is downloaded.
"""

from __future__ import annotations

import argparse
import shutil
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
PRINTED_PAGES = 3  # print.png and docx.png show the first pages side by side


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        subprocess.run([sys.executable, "-m", "argmap", "build", "-o", str(site), "--date", "2025-06-01"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto((site / f"{BRIEF_MAP}.html").as_uri())
            # the top of the brief: the claims at a glance, and the first card below
            page.screenshot(path=str(args.out / "brief.png"))
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
            phone.goto((site / f"{BRIEF_MAP}.html").as_uri())
            phone.evaluate("window.scrollTo(0, document.querySelector('#side-pro').offsetTop - 10)")
            phone.screenshot(path=str(args.out / "phone.png"))
            phone.goto((site / f"{BRIEF_MAP}.html").as_uri() + "#diagram")
            phone.wait_for_timeout(200)  # the diagram's box scrolls to the theses once laid out
            phone.screenshot(path=str(args.out / "phone-diagram.png"))
            page.goto((site / f"{BRIEF_MAP}.html").as_uri())
            page.emulate_media(media="print")
            page.pdf(path=str(tmp / "print.pdf"), format="Letter")
            browser.close()
        pages_side_by_side(tmp / "print.pdf", args.out / "print.png")
        # the whole diagram as `argmap render` draws it (the brief shows it at reading size, scrolled)
        subprocess.run([sys.executable, "-m", "argmap", "render", f"maps/{DIAGRAM_MAP}.yaml", "-f", "png", "--rankdir", "RL", "-o", str(tmp)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        shutil.copyfile(tmp / f"{DIAGRAM_MAP}.png", args.out / "map.png")
        subprocess.run([sys.executable, "-m", "argmap", "docx", f"maps/{BRIEF_MAP}.yaml", "-o", str(tmp), "--date", "2025-06-01"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp), str(tmp / f"{BRIEF_MAP}.docx")], check=True, capture_output=True)
        pages_side_by_side(tmp / f"{BRIEF_MAP}.pdf", args.out / "docx.png")
    print(f"wrote brief.png, map.png, phone.png, phone-diagram.png, print.png and docx.png into {args.out}")
    return 0


def pages_side_by_side(pdf: Path, png: Path) -> None:
    """The PDF's first pages drawn by pdftoppm, set side by side in one picture (by Chromium,
    which every other picture already needs)."""
    from playwright.sync_api import sync_playwright

    if not shutil.which("pdftoppm"):
        raise SystemExit("pdftoppm is missing: bash scripts/ensure-libreoffice.sh installs poppler-utils")
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-l", str(PRINTED_PAGES), str(pdf), str(prefix)], check=True)
    images = sorted(pdf.parent.glob(f"{prefix.name}-*.png"))
    html = pdf.with_suffix(".html")
    html.write_text("<body style='margin:0'><div id='pages' style='display:inline-flex;gap:12px;padding:12px;background:#888'>"
                    + "".join(f"<img src='{i.name}' style='box-shadow:0 0 4px #000'>" for i in images) + "</div></body>")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 2000, "height": 900})
        page.goto(html.as_uri())
        page.locator("#pages").screenshot(path=str(png))
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
