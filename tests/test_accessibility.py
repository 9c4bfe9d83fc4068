"""Accessibility, tested (issue 23, point 11): axe-core, run in Chromium on the site's index, a
brief and a source page, finds no serious or critical violation."""

from __future__ import annotations

import pytest

from browser_support import chromium, needs_browser
from conftest import REPO, requires_dot

BLOCKING_IMPACTS = ("serious", "critical")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import subprocess
    import sys
    out = tmp_path_factory.mktemp("a11y") / "site"
    subprocess.run([sys.executable, "-m", "argmap", "build", "tests/fixtures/maps", "--seeds", "tests/fixtures/seeds",
                    "-o", str(out), "--date", "2025-06-01"], cwd=REPO, check=True, capture_output=True)
    return out


def blocking_violations(page_path) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(page_path.as_uri())
        results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


@needs_browser
@requires_dot
@pytest.mark.parametrize("which", ["index", "brief", "source"])
def test_axe_finds_no_serious_or_critical_violation(site, which):
    pages = {"index": site / "index.html",
             "brief": next(p for p in sorted(site.glob("*.html")) if p.name != "index.html"),
             "source": next(iter(sorted((site / "sources").glob("*.html"))))}
    assert blocking_violations(pages[which]) == []


def test_the_axe_core_run_is_4_10_or_later():
    from axe_playwright_python.sync_playwright import Axe

    version = Axe().axe_script[:200].split("axe v", 1)[1].split()[0]
    assert tuple(int(part) for part in version.split(".")[:2]) >= (4, 10)
