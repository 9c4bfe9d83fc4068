"""`argmap new` and shell completion."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from argmap.core.load import load_yaml
from argmap.core.schema import MAP_SCHEMA, json_schema


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch project as the current directory (maps/, seeds/ and the committed schema/)."""
    shutil.copytree(Path(__file__).resolve().parent.parent / "schema", project / "schema")
    monkeypatch.chdir(project)
    return project


def placeholder_lines(text: str) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), start=1) if "TODO" in line and not line.lstrip().startswith("#")]


def test_new_map_passes_check_with_a_warning_for_each_placeholder(cli, in_project: Path):
    result = cli(["new", "ferry-fares"])
    assert result.exit_code == 0, result.output
    path = in_project / "maps" / "ferry-fares.yaml"
    assert f"created {Path('maps') / 'ferry-fares.yaml'}" in result.stdout
    assert "`--strict` fails until none is" in result.stdout
    checked = cli(["check", path, "--format", "json"])
    assert checked.exit_code == 0, checked.stdout
    found = yaml.safe_load(checked.stdout)["diagnostics"]
    assert {d["code"] for d in found} == {"AM317"}
    assert [d["line"] for d in found] == placeholder_lines(path.read_text(encoding="utf-8"))


def test_an_unfinished_map_fails_the_strict_gate_until_written(cli, in_project: Path):
    cli(["new", "ferry-fares"])
    path = in_project / "maps" / "ferry-fares.yaml"
    assert cli(["check", path, "--strict"]).exit_code == 1
    path.write_text(path.read_text(encoding="utf-8").replace("TODO, ", "Written, "), encoding="utf-8")
    checked = cli(["check", path, "--strict"])
    assert checked.exit_code == 0, checked.stdout


def test_new_map_has_schema_line_both_sides_and_a_thesis_each(cli, in_project: Path):
    cli(["new", "ferry-fares"])
    path = in_project / "maps" / "ferry-fares.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/argmap.schema.json"
    assert (path.parent / "../schema/argmap.schema.json").is_file()
    data = load_yaml(path)[0].data
    assert data["id"] == "ferry-fares"
    assert set(data["sides"]) == {"pro", "con"}
    theses = {n["side"] for n in data["nodes"].values() if n["type"] == "thesis"}
    assert theses == {"pro", "con"}
    jsonschema.Draft202012Validator(json_schema(MAP_SCHEMA)).validate(data)


def test_new_refuses_to_overwrite(cli, in_project: Path):
    path = in_project / "maps" / "taken.yml"
    path.write_text("my work\n", encoding="utf-8")
    result = cli(["new", "taken"])
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert path.read_text(encoding="utf-8") == "my work\n"
    assert not (in_project / "maps" / "taken.yaml").exists()


@pytest.mark.parametrize("bad_id", ["../escape", "has space", "-leading-dash", ".hidden", "a/b", "", "x" * 201])
def test_new_rejects_ids_that_are_not_identifiers(cli, in_project: Path, bad_id: str):
    result = cli(["new", "--", bad_id])
    assert result.exit_code == 2
    assert "is not a map id" in result.stderr
    assert list((in_project / "maps").iterdir()) == []


@pytest.mark.parametrize("tricky_id", ["2024", "true", "null", "1e3"])
def test_ids_yaml_would_read_as_other_types_are_quoted(cli, in_project: Path, tricky_id: str):
    assert cli(["new", tricky_id]).exit_code == 0
    path = in_project / "maps" / f"{tricky_id}.yaml"
    checked = cli(["check", path, "--format", "json"])
    assert {d["code"] for d in yaml.safe_load(checked.stdout)["diagnostics"]} == {"AM317"}


def test_maps_option_creates_the_folder_and_points_at_the_schema_from_there(cli, in_project: Path):
    result = cli(["new", "deep-map", "--maps", "debates/2025"])
    assert result.exit_code == 0, result.output
    path = in_project / "debates" / "2025" / "deep-map.yaml"
    assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../../schema/argmap.schema.json"
    assert cli(["check", path]).exit_code == 0


def test_new_says_how_to_write_a_missing_schema(cli, project: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(project)  # no schema/ folder here
    result = cli(["new", "fresh"])
    assert result.exit_code == 0
    assert "argmap schema > schema/argmap.schema.json" in result.stdout


# --- shell completion (typer) -----------------------------------------------------------------


def _argmap_script() -> str:
    script = Path(sys.executable).parent / "argmap"
    if not script.exists():
        pytest.skip("the argmap console script is not installed next to this Python")
    return str(script)


def test_show_completion_prints_a_bash_script():
    done = subprocess.run([_argmap_script(), "--show-completion", "bash"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "_argmap_completion" in done.stdout and "complete " in done.stdout


def test_completion_completes_command_names():
    env = {**os.environ, "_ARGMAP_COMPLETE": "complete_bash", "COMP_WORDS": "argmap sch", "COMP_CWORD": "1"}
    done = subprocess.run([_argmap_script()], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == ["schema"]


@pytest.mark.parametrize("reserved", ["index", "Index", "INDEX"])
def test_new_refuses_an_id_that_build_cannot_publish(cli, in_project: Path, reserved: str):
    result = cli(["new", reserved])
    assert result.exit_code == 2
    assert f"'{reserved}' cannot be a map id: `argmap build` keeps index.html for the site's own page" in result.stderr
    assert list((in_project / "maps").iterdir()) == []


def test_check_refuses_the_same_ids_in_any_letter_case_so_build_never_meets_them(cli, in_project: Path):
    assert cli(["new", "report"]).exit_code == 0
    text = (in_project / "maps" / "report.yaml").read_text(encoding="utf-8").replace("id: report", "id: Index")
    (in_project / "maps" / "report.yaml").unlink()
    (in_project / "maps" / "Index.yaml").write_text(text, encoding="utf-8")
    checked = cli(["check", "maps"])
    assert checked.exit_code == 1
    assert "maps/Index.yaml:3:5: error AM318: map id 'Index' is kept for the site's own page (index.html)" in checked.stdout
    built = cli(["build", "-o", in_project / "site", "maps"])
    assert built.exit_code == 1 and "AM318" in built.stdout and not (in_project / "site").exists()
