"""Shared fixtures: the repository's own seeds and maps, and CLI runners."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
MAPS = REPO / "maps"
CASES = Path(__file__).resolve().parent / "cases"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="rewrite golden files from the current output")


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


@pytest.fixture
def run_argmap():
    """Run argmap as a real subprocess (python -m argmap), in a given working directory."""

    def run(args: list[str], cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=120)

    return run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project: a copy of the real seeds/ and an empty maps/ folder."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "maps").mkdir()
    return tmp_path


requires_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
