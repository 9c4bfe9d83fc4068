"""Commands that write files refuse a bad output place with exit 2, and write nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MAPS, requires_dot

MAP = "maps/ferry-trial.yaml"


@pytest.fixture
def workspace(project: Path, monkeypatch) -> Path:
    shutil.copy(MAPS / "ferry-trial.yaml", project / "maps")
    monkeypatch.chdir(project)
    return project


@requires_dot
@pytest.mark.parametrize("command", [["render", MAP], ["brief", MAP]])
def test_output_folder_that_is_a_file_exits_2(command, workspace: Path, cli):
    before = (workspace / MAP).read_bytes()
    result = cli([*command, "-o", MAP])
    assert result.exit_code == 2
    assert "not a folder" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert (workspace / MAP).read_bytes() == before


def test_render_never_overwrites_an_input(workspace: Path, cli):
    (workspace / "maps" / "ferry-trial.dot").symlink_to(workspace / MAP)
    before = (workspace / MAP).read_bytes()
    result = cli(["render", MAP, "-o", "maps", "--format", "dot"])
    assert result.exit_code == 2
    assert ("refusing to overwrite maps/ferry-trial.dot: it is the same file as maps/ferry-trial.yaml, "
            "a map named on the command line") in result.stderr
    assert (workspace / MAP).read_bytes() == before
