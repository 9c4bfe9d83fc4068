"""The repository's maps/ and seeds/ as content: every map checks clean under --strict, every
source is pinned and cited, every file validates against the schema editors use.

Only this module reads maps/ and seeds/; it names no map, node or source, so the debates can be
rewritten freely. Behaviour is tested on the fixture project (tests/fixtures).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from argmap.usecases.check import check
from argmap.core.schema import MAP_SCHEMA, SOURCES_SCHEMA
from conftest import CHROMIUM, REPO
from schema_support import data_of, validator

CONTENT_MAPS = REPO / "maps"
CONTENT_SEEDS = REPO / "seeds"
MAP_FILES = sorted(CONTENT_MAPS.glob("*.yaml"))


def test_there_are_maps():
    assert MAP_FILES, "maps/ holds no map"


def test_maps_pass_strict_with_every_quote_verified(cli, monkeypatch):
    monkeypatch.chdir(REPO)
    result = cli(["check", "--strict"])  # defaults: maps/ and seeds/
    assert result.exit_code == 0, result.stdout
    summary = result.stdout.strip().splitlines()[-1].replace(",", "")
    maps, verified, quotes = (int(n) for n in re.search(r"(\d+) maps? .*?(\d+) of (\d+) quotes? verified", summary).groups())
    assert maps == len(MAP_FILES) and verified == quotes


def test_every_source_is_pinned_and_cited():
    registry = yaml.safe_load((CONTENT_SEEDS / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    assert [source_id for source_id, entry in registry.items() if not entry.get("sha256")] == []
    result = check([CONTENT_MAPS], CONTENT_SEEDS)
    cited = {e.source for d in result.project.maps for n in d.model.nodes.values() for e in n.evidence}
    assert sorted(set(registry) - cited) == []


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: p.name)
def test_maps_point_at_the_schema_and_validate(path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../schema/argmap.schema.json"
    assert (path.parent / "../schema/argmap.schema.json").resolve().is_file()
    assert [e.message for e in validator(MAP_SCHEMA).iter_errors(data_of(path))] == []


def test_sources_registry_validates():
    assert [e.message for e in validator(SOURCES_SCHEMA).iter_errors(data_of(CONTENT_SEEDS / "sources.yaml"))] == []


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed (make browser installs it)")
def test_screenshot_script_runs(tmp_path):
    """scripts/screenshots.py draws the README pictures from maps/; check it still works."""
    script = REPO / "scripts" / "screenshots.py"
    result = subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "brief.png").stat().st_size > 10_000 and (tmp_path / "map.png").stat().st_size > 5_000
    shutil.rmtree(tmp_path)
