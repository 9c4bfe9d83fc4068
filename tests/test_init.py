"""`argmap init`: a new project that checks clean, builds, and is never written over another."""

from __future__ import annotations

import json

import jsonschema
import yaml

from argmap.core.schema import MAP_SCHEMA, json_schema


def test_a_new_project_passes_check_strict_and_its_schema_lines_resolve(run_argmap, tmp_path):
    done = run_argmap(["init", "debate"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    project = tmp_path / "debate"
    for name in ("maps/example.yaml", "seeds/sources.yaml", "schema/argmap.schema.json", ".gitignore",
                 ".pre-commit-config.yaml", ".github/workflows/argmap.yml"):
        assert (project / name).is_file(), name
        assert f"created debate/{name}" in done.stdout
    assert "build/" in (project / ".gitignore").read_text()
    checked = run_argmap(["check", "--strict"], cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "0 errors, 0 warnings" in checked.stdout
    for yaml_file in (project / "maps" / "example.yaml", project / "seeds" / "sources.yaml"):
        first = yaml_file.read_text().splitlines()[0]
        schema_file = yaml_file.parent / first.split("$schema=")[1]
        schema = json.loads(schema_file.read_text())  # the path works offline, from the file's folder
        jsonschema.validate(yaml.safe_load(yaml_file.read_text()), schema)
    assert json.loads((project / "schema" / "argmap.schema.json").read_text()) == json_schema(MAP_SCHEMA)


def test_the_example_map_shows_format_2_with_every_feature(tmp_path, run_argmap):
    assert run_argmap(["init"], cwd=tmp_path).returncode == 0
    example = yaml.safe_load((tmp_path / "maps" / "example.yaml").read_text())
    assert example["argmap"] == 2
    nodes = example["nodes"].values()
    assert all(node.get("title") for node in nodes)
    assert {node["type"] for node in nodes} == {"thesis", "claim", "objection", "rebuttal"}
    assert any(node.get("undercuts") for node in nodes) and any("weight" in node for node in nodes)
    evidence = [e for node in nodes for e in node.get("evidence", [])]
    for key in ("page", "speaker", "as_of", "highlight", "suffix", "prefix", "translation", "highlight_translation"):
        assert any(key in e for e in evidence), key
    assert example["expect"]["stands"]


def test_init_refuses_to_overwrite_and_writes_nothing(run_argmap, tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "sources.yaml").write_text("sources: {}\n")
    done = run_argmap(["init", str(tmp_path)])
    assert done.returncode == 2
    assert "sources.yaml already exists; nothing written" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["seeds", "seeds/sources.yaml"]
    assert (tmp_path / "seeds" / "sources.yaml").read_text() == "sources: {}\n"


def test_init_into_a_file_is_a_usage_error(run_argmap, tmp_path):
    (tmp_path / "afile").write_text("x")
    done = run_argmap(["init", "afile"], cwd=tmp_path)
    assert done.returncode == 2 and "is not a folder" in done.stderr


def test_new_in_an_empty_folder_points_at_init_and_its_next_step_then_works(run_argmap, tmp_path):
    created = run_argmap(["new", "ferry-or-bridge"], cwd=tmp_path)
    assert created.returncode == 0
    assert "there is no seeds/sources.yaml here yet" in created.stdout and "`argmap init`" in created.stdout
    assert run_argmap(["init"], cwd=tmp_path).returncode == 0
    checked = run_argmap(["check", "maps/ferry-or-bridge.yaml"], cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout  # warnings for the TODOs, no error
    first = (tmp_path / "maps" / "ferry-or-bridge.yaml").read_text().splitlines()[0]
    assert (tmp_path / "maps" / first.split("$schema=")[1]).is_file()


def test_the_workflow_says_where_argmap_comes_from(tmp_path):
    from argmap.authoring.starter import init_project

    init_project(tmp_path)
    workflow = (tmp_path / ".github" / "workflows" / "argmap.yml").read_text(encoding="utf-8")
    # argmap is on no package index: the workflow uses argmap's action, which installs it from its own repository
    assert "pip install argmap" not in workflow
    assert "- uses: OWNER/argmap@v" in workflow and "make\n      # OWNER the account" in workflow
