"""Headless Chromium for the browser tests: Debian's chromium, driven by Playwright."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from conftest import CHROMIUM

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed (make browser installs it)"),
]


def needs_browser(test):
    """Mark one test as driving the browser (skipped, with the reason, when chromium is missing)."""
    for mark in BROWSER_MARKS:
        test = mark(test)
    return test


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A launched headless browser, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
