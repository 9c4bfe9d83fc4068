"""The GitHub Action (action.yml) and the workflows that use it: valid against the schemas that
check-jsonschema vendors (offline), and the action's steps run here as a runner would run them on a
pull request of a project made by `argmap init`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from action_support import copy_of_argmap, run_action, summary
from argmap import __version__
from argmap.authoring.starter import ACTION, init_project
from conftest import REPO
from test_diff import GIT_IDENTITY, edit, git

ACTION_FILE = REPO / "action.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def validate(builtin: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([CHECK_JSONSCHEMA, "--builtin-schema", builtin, *files], capture_output=True, text=True)


def documented_workflows() -> list[str]:
    """Each YAML block of docs/ci.md that is a workflow (has jobs:)."""
    blocks = re.findall(r"```yaml\n(.*?)```", (REPO / "docs" / "ci.md").read_text(encoding="utf-8"), re.DOTALL)
    return [block for block in blocks if "\njobs:" in block]


def test_action_yml_is_a_valid_action(tmp_path):
    done = validate("vendor.github-actions", ACTION_FILE)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = tmp_path / "action.yml"
    broken.write_text(ACTION_FILE.read_text(encoding="utf-8").replace("using: composite", "using: compost"))
    assert validate("vendor.github-actions", broken).returncode == 1  # the schema does look


def test_init_and_the_docs_write_valid_workflows_that_use_the_action_at_this_version(tmp_path):
    init_project(tmp_path)
    workflow = tmp_path / ".github" / "workflows" / "argmap.yml"
    documented = []
    for number, block in enumerate(documented_workflows()):
        documented.append(tmp_path / f"documented-{number}.yml")
        documented[-1].write_text(block, encoding="utf-8")
    assert len(documented) >= 2, "docs/ci.md shows the action in a workflow"
    done = validate("vendor.github-workflows", workflow, *documented)
    assert done.returncode == 0, done.stdout + done.stderr
    declared = yaml.safe_load(ACTION_FILE.read_text(encoding="utf-8"))["inputs"]
    for file in (workflow, *documented):
        steps = [step for job in yaml.safe_load(file.read_text())["jobs"].values() for step in job["steps"]]
        ours = [step for step in steps if step.get("uses", "").split("@")[0].endswith("/argmap")]
        assert ours, f"{file.name} does not use argmap's action"
        for step in ours:
            assert step["uses"].endswith(f"@v{__version__}"), step["uses"]
            assert set(step.get("with", {})) <= set(declared), f"{file.name}: inputs the action does not declare"
    assert ACTION in workflow.read_text(encoding="utf-8")


def test_every_run_step_is_bash_that_parses_and_names_only_declared_inputs_and_steps():
    action = yaml.safe_load(ACTION_FILE.read_text(encoding="utf-8"))
    text = ACTION_FILE.read_text(encoding="utf-8")
    assert set(re.findall(r"inputs\.([\w-]+)", text)) == set(action["inputs"])  # each declared input is used
    ids = {step["id"] for step in action["runs"]["steps"] if "id" in step}
    assert set(re.findall(r"steps\.([\w-]+)\.", text)) <= ids
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            parsed = subprocess.run(["bash", "-n", "-c", step["run"]], capture_output=True, text=True)
            assert parsed.returncode == 0, f"{step['name']}: {parsed.stderr}"


@pytest.fixture
def action_checkout(tmp_path_factory) -> Path:
    return copy_of_argmap(tmp_path_factory.mktemp("argmap-action"))


@pytest.mark.graphviz
def test_the_action_on_a_pull_request_checks_diffs_into_the_summary_builds_the_site_and_fails_on_a_warning(
        action_checkout, tmp_path):
    project, origin, temp = tmp_path / "project", tmp_path / "origin.git", tmp_path / "runner-temp"
    temp.mkdir()
    init_project(project)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "start")
    base = git(project, "rev-parse", "HEAD").strip()
    subprocess.run(["git", "clone", "-q", "--bare", project, origin], check=True)
    git(project, "remote", "add", "origin", str(origin))
    git(project, "checkout", "-q", "-b", "change")
    edit(project / "maps" / "example.yaml", ("title: A grant pays the extra", "title: TODO, a short title"))
    git(project, "commit", "-qam", "retitle")
    env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env |= GIT_IDENTITY | {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "GITHUB_ACTIONS": "true"}
    run = run_action(action_checkout / "action.yml", project, temp, {"site": "true"},
                     {"event_name": "pull_request", "event": {"pull_request": {"base": {"sha": base}}}},
                     {"python": {"python-path": sys.executable}}, env)
    assert run.failed == "Fail when the check found problems", run.log
    assert run.steps_run == ["Install argmap from the action's checkout", "Install Graphviz", "argmap check --strict",
                             "argmap diff into the job summary", "argmap build", "Fail when the check found problems"]
    assert "::warning file=maps/example.yaml," in run.log and "title=AM317::" in run.log  # the annotation
    assert run.outputs["check"] == {"status": "1"} and run.outputs["diff"] == {"changed": "true"}
    shown = summary(temp)
    assert shown.startswith("## argmap diff\n") and "**retitled**" in shown
    assert '- grant-pays: "A grant pays the extra" → "TODO, a short title"' in shown
    assert (temp / "argmap-site" / "index.html").is_file()
    installed = temp / "argmap-venv" / "bin" / "argmap"
    assert subprocess.run([installed, "--version"], capture_output=True, text=True).stdout == f"argmap {__version__}\n"
