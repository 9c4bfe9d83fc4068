"""Shared fixtures: the test fixture project (tests/fixtures), CLI runners, the Graphviz requirement.

Tests use the fixture project, never the repository's maps/ and seeds/: those are content that
changes with the debates (tests/test_content.py checks them as content).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
SEEDS = FIXTURES / "seeds"  # the fixture project's seeds: short invented sources
MAPS = FIXTURES / "maps"  # the fixture project's maps, which quote those sources
CASES = TESTS / "cases"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's, installed by `make browser`
NO_DOT = "Graphviz's dot is not installed: `make test` installs it (scripts/ensure-graphviz.sh)"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="rewrite golden files from the current output")


def pytest_runtest_setup(item: pytest.Item) -> None:
    # A missing dot fails the test instead of skipping it: skipped SVG checks would pass unnoticed.
    if item.get_closest_marker("graphviz") and shutil.which("dot") is None:
        pytest.fail(NO_DOT, pytrace=False)


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden") or os.environ.get("ARGMAP_REGEN_GOLDEN"))


@pytest.fixture
def cli():
    """Run argmap in-process: cli(["check", ...]) -> click Result (exit_code, stdout, stderr)."""
    from argmap.cli import app

    runner = CliRunner()

    def invoke(args: list[str], **kwargs):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kwargs)

    return invoke


def argmap_runner(prefix: list[str]):
    """run(args, cwd, env): argmap as a real subprocess (python -m argmap), started by ``prefix``."""

    def run(args: list[str], cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([*prefix, sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=120)

    return run


@pytest.fixture
def run_argmap():
    """Run argmap as a real subprocess (python -m argmap), in a given working directory."""
    return argmap_runner([])


# Root may write where the permissions say no. Without any capability it may not: the kernel
# then holds it to the permissions as it holds any user. (Another user, such as nobody, could
# not always run this environment's Python: under /root, say.)
WITHOUT_CAPABILITIES = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"]


@pytest.fixture
def run_argmap_unprivileged():
    """Like run_argmap, as a user whom file permissions bind: under root, root without capabilities."""
    if os.geteuid() != 0:
        return argmap_runner([])
    try:
        probe = subprocess.run([*WITHOUT_CAPABILITIES, "true"], capture_output=True, text=True)
    except FileNotFoundError:
        pytest.skip("setpriv (util-linux) is not installed: cannot run argmap without root's capabilities")
    if probe.returncode != 0:
        pytest.skip(f"cannot run argmap without root's capabilities here: {probe.stderr.strip()}")
    return argmap_runner(WITHOUT_CAPABILITIES)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project: a copy of the fixture seeds/ and an empty maps/ folder."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "maps").mkdir()
    return tmp_path


requires_dot = pytest.mark.graphviz
