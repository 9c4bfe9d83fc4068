"""The composite action's `run:` steps, run here as a runner runs them: each step's `if:`
decided, its `${{ ... }}` expressions filled in from the inputs and the event, bash with the
runner's options, GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY files. A `uses:` step is
another action: it is not run, and the outputs it would give are handed in (``given``).

Only the expressions action.yml uses are understood (a name, a quoted string, ==, !=, &&); any
other raises, so the action cannot grow one this runner would misread."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
COMPARISON = re.compile(r"^(\S+)\s*(==|!=)\s*(\S+)$")


@dataclass
class ActionRun:
    steps_run: list[str] = field(default_factory=list)
    failed: str | None = None  # the name of the step that failed, if one did
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    log: str = ""


def run_action(action: Path, workspace: Path, temp: Path, inputs: dict[str, str], github: dict,
               given: dict[str, dict[str, str]], env: dict[str, str]) -> ActionRun:
    definition = yaml.safe_load(action.read_text(encoding="utf-8"))
    values = {name: str(spec.get("default", "")) for name, spec in definition.get("inputs", {}).items()}
    unknown = set(inputs) - set(values)
    assert not unknown, f"inputs the action does not declare: {unknown}"
    values |= inputs
    files = {name: temp / f"{name.lower()}.txt" for name in ("GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_STEP_SUMMARY")}
    context = {"inputs": values, "github": {**github, "action_path": str(action.parent)},
               "runner": {"temp": str(temp)}, "steps": {k: {"outputs": v} for k, v in given.items()}}
    result = ActionRun(outputs={k: dict(v) for k, v in given.items()})
    path = env.get("PATH", os.defpath)
    for step in definition["runs"]["steps"]:
        name = step.get("name") or step.get("id") or step.get("uses")
        if "if" in step and not _condition(step["if"], context):
            continue
        if "uses" in step:
            continue
        for file in files.values():
            file.touch()
        files["GITHUB_OUTPUT"].write_text("")
        step_env = {**env, "PATH": path, "RUNNER_TEMP": str(temp), "GITHUB_ACTION_PATH": str(action.parent),
                    "GITHUB_WORKSPACE": str(workspace), **{k: str(v) for k, v in files.items()}}
        step_env |= {key: _fill(str(value), context) for key, value in step.get("env", {}).items()}
        assert step.get("shell") == "bash", name
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _fill(step["run"], context)],
                              cwd=workspace, env=step_env, capture_output=True, text=True, timeout=600)
        result.steps_run.append(name)
        result.log += f"## {name}\n{done.stdout}{done.stderr}"
        outputs = dict(line.split("=", 1) for line in files["GITHUB_OUTPUT"].read_text().splitlines() if "=" in line)
        if "id" in step:
            result.outputs[step["id"]] = outputs
            context["steps"][step["id"]] = {"outputs": outputs}
        added = files["GITHUB_PATH"].read_text().split()
        path = os.pathsep.join([*reversed(added), *path.split(os.pathsep)]) if added else path
        files["GITHUB_PATH"].write_text("")
        if done.returncode != 0:
            result.failed = name
            break
    return result


def copy_of_argmap(target: Path) -> Path:
    """argmap as a workflow or pre-commit gets it: the repository's files that build and install
    it (tracked, or new and not ignored), without its maps, docs, tests and benchmarks."""
    repo = Path(__file__).resolve().parent.parent
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=repo,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (repo / name).is_file() and not name.startswith(("maps/", "seeds/", "docs/", "tests/", "bench/")):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(repo / name, target / name)
    return target


def summary(temp: Path) -> str:
    return (temp / "github_step_summary.txt").read_text(encoding="utf-8")


def _value(expression: str, context: dict) -> str:
    if expression.startswith("'") and expression.endswith("'"):
        return expression[1:-1]
    found: object = context
    for part in expression.split("."):
        assert isinstance(found, dict), f"cannot read {expression!r}"
        found = found.get(part, "")
    assert isinstance(found, str), f"{expression!r} is not a value"
    return found


def _condition(expression: str, context: dict) -> bool:
    expression = EXPRESSION.sub(r"\1", expression)
    results = []
    for part in expression.split("&&"):
        matched = COMPARISON.match(part.strip())
        assert matched, f"an expression this runner does not read: {part!r}"
        left, operator, right = matched.groups()
        results.append((_value(left, context) == _value(right, context)) == (operator == "=="))
    return all(results)


def _fill(text: str, context: dict) -> str:
    return EXPRESSION.sub(lambda m: _value(m.group(1), context), text)
