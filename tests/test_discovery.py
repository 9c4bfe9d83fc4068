"""Which files a folder given to `argmap check` (and render, brief, build) contributes as maps."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import CASES


def check_json(cli, *args) -> dict:
    return json.loads(cli(["check", "--format", "json", *args]).stdout)


def test_hidden_folders_and_files_are_skipped_inside_a_folder(project: Path, cli, monkeypatch) -> None:
    maps = project / "maps"
    shutil.copy(CASES / "good" / "minimal.yaml", maps / "minimal.yaml")
    for hidden in (maps / ".backup" / "schema-errors.yaml", maps / "drafts" / ".schema-errors.yaml"):
        hidden.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CASES / "bad" / "schema-errors.yaml", hidden)
    monkeypatch.chdir(project)
    report = check_json(cli, "maps")
    assert report["summary"]["maps"] == 1
    assert [d for d in report["diagnostics"] if d["code"] != "AM313"] == []  # the copied seeds have unused sources


def test_a_hidden_file_named_on_the_command_line_is_checked(project: Path, cli, monkeypatch) -> None:
    hidden = project / "maps" / ".backup" / "schema-errors.yaml"
    hidden.parent.mkdir()
    shutil.copy(CASES / "bad" / "schema-errors.yaml", hidden)
    monkeypatch.chdir(project)
    assert check_json(cli, "maps/.backup/schema-errors.yaml")["summary"]["errors"] > 0
    assert check_json(cli, "maps/.backup")["summary"]["errors"] > 0  # a hidden folder named itself


def test_checking_the_seeds_folder_validates_its_registry_instead_of_reading_it_as_a_map(project: Path, cli, monkeypatch) -> None:
    monkeypatch.chdir(project)
    result = cli(["check", "--strict", "seeds"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == "checked 0 maps, 0 nodes; 0 of 0 quotes verified; 0 errors, 0 warnings"
    registry = project / "seeds" / "sources.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "  broken:\n    file: missing.txt\n    title: Gone\n",
                        encoding="utf-8")
    report = check_json(cli, "seeds")
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [("seeds/sources.yaml", "AM402")]  # once


def test_another_registry_in_a_checked_folder_is_validated_as_a_registry(project: Path, cli, monkeypatch) -> None:
    other = project / "archive"
    other.mkdir()
    (other / "sources.yaml").write_text("sources:\n  gone:\n    file: gone.txt\n    title: Gone\n", encoding="utf-8")
    monkeypatch.chdir(project)
    report = check_json(cli, "archive")
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in report["diagnostics"]] == [
        ("archive/sources.yaml", 3, 11, "AM402")]
    assert report["summary"]["maps"] == 0


def test_eval_refuses_a_registry_as_a_map(project: Path, cli, monkeypatch) -> None:
    monkeypatch.chdir(project)
    result = cli(["eval", "seeds/sources.yaml"])
    assert result.exit_code == 2
    assert "seeds/sources.yaml: a sources registry, not a map" in result.stderr


@pytest.mark.parametrize("args", [["list"], ["export", "--to", "aif"], ["migrate"]], ids=["list", "export", "migrate"])
def test_a_command_that_takes_a_map_says_a_registry_is_not_one(project: Path, cli, monkeypatch, args) -> None:
    monkeypatch.chdir(project)
    result = cli([args[0], "seeds/sources.yaml", *args[1:]])
    assert result.exit_code == 2
    assert "seeds/sources.yaml: a sources registry, not a map" in result.stderr
    assert "does not load" not in result.stderr  # `argmap check` finds nothing wrong with it


def test_a_map_suffix_in_capitals_is_found_in_a_folder_as_when_named(project: Path, cli, monkeypatch) -> None:
    shouted = project / "shouted"
    shouted.mkdir()
    shutil.copy(CASES / "good" / "minimal.yaml", shouted / "minimal.YAML")
    monkeypatch.chdir(project)
    assert check_json(cli, "shouted")["summary"]["maps"] == 1
    assert check_json(cli, "shouted/minimal.YAML")["summary"]["maps"] == 1
