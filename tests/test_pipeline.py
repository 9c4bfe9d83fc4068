"""The layered pipeline seen from outside: one evaluation per map and semantics, diagnostics in
every format from every command that checks maps, errors mapped once, the host environment left
alone. Each test writes its own project into tmp_path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.core.diagnostics import UsageError

MAP = """\
argmap: 1
id: {id}
title: T
question: Q?
lang: en
sides: {{pro: "Yes", con: "No"}}
nodes:
  t: {{type: thesis, side: pro, text: The thesis holds.}}
  n: {{type: thesis, side: con, text: It does not.}}
  c: {{type: claim, text: A reason for it., supports: [t], analytic: true}}
  o: {{type: objection, text: An objection to the reason., attacks: [{target}], analytic: true}}
{expect}"""


def write_project(root: Path, maps: dict[str, str]) -> Path:
    (root / "seeds").mkdir()
    (root / "seeds" / "sources.yaml").write_text("sources: {}\n", encoding="utf-8")
    (root / "maps").mkdir()
    for map_id, text in maps.items():
        (root / "maps" / f"{map_id}.yaml").write_text(text, encoding="utf-8")
    return root


def good_map(map_id: str, expect: str = "") -> str:
    return MAP.format(id=map_id, target="c", expect=expect)


def broken_map(map_id: str) -> str:
    return MAP.format(id=map_id, target="no-such-node", expect="")


def test_a_build_evaluates_each_map_once(tmp_path, monkeypatch):
    """The expect check (AM601), the site's diagram and the brief read one evaluation."""
    from argmap.evaluate import mapeval
    from argmap.usecases.build import build_site

    root = write_project(tmp_path, {
        "with-expect": good_map("with-expect", "expect:\n  semantics: preferred\n  stands: [o]\n"),
        "without": good_map("without"),
    })
    calls: list[str] = []
    real = mapeval.label_framework
    whole = 4  # t, n, c and o

    def counted(framework, semantics, labellings):
        if len(framework.arguments) == whole:  # the verdict's what-ifs evaluate the map without one node
            calls.append(semantics)
        return real(framework, semantics, labellings)

    monkeypatch.setattr(mapeval, "label_framework", counted)
    outcome = build_site([root / "maps"], root / "site", seeds_dir=root / "seeds", built="2025-01-01")
    assert outcome.exit_code == 0 and outcome.index == root / "site" / "index.html"
    assert sorted(calls) == ["grounded", "preferred"]


@pytest.mark.parametrize("command", [
    ["check", "--format", "{report}"],
    ["render", "-f", "dot", "-o", "out", "--report", "{report}"],
    ["brief", "-o", "out", "--report", "{report}"],
    ["build", "-o", "out", "--report", "{report}"],
    ["eval", "--report", "{report}"],
])
@pytest.mark.parametrize("report", ["json", "sarif", "github"])
def test_every_command_that_checks_maps_reports_in_every_format(tmp_path, run_argmap, command, report):
    root = write_project(tmp_path, {"broken": broken_map("broken")})
    args = [part.format(report=report) for part in command]
    args.insert(1, "maps/broken.yaml")
    done = run_argmap(args, cwd=root, env=os.environ | {"GITHUB_ACTIONS": ""})
    assert done.returncode == 1, done.stderr
    assert not (root / "out").exists()
    if report == "github":
        assert "::error file=maps/broken.yaml,line=" in done.stdout
    elif report == "json":
        assert "AM301" in [d["code"] for d in json.loads(done.stdout)["diagnostics"]]
    else:
        assert "AM301" in [r["ruleId"] for r in json.loads(done.stdout)["runs"][0]["results"]]


@pytest.mark.parametrize("command", [["check"], ["render", "-f", "dot", "-o", "out"], ["brief", "-o", "out"],
                                     ["build", "-o", "out"], ["eval"]])
def test_github_actions_get_annotations_from_every_such_command(tmp_path, run_argmap, command):
    root = write_project(tmp_path, {"broken": broken_map("broken")})
    done = run_argmap([command[0], "maps/broken.yaml", *command[1:]], cwd=root, env=os.environ | {"GITHUB_ACTIONS": "true"})
    assert done.returncode == 1
    assert "::error file=maps/broken.yaml,line=" in done.stdout


def test_a_machine_report_has_stdout_to_itself(tmp_path, run_argmap):
    """Warnings beside files written: the JSON report on stdout, the list of files on stderr."""
    root = write_project(tmp_path, {"fine": good_map("fine")})
    done = run_argmap(["render", "maps", "-f", "dot", "-o", "out", "--report", "json"], cwd=root)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["warnings"] == 1
    assert f"wrote {Path('out') / 'fine.dot'}" in done.stderr


def test_text_reports_stay_where_they_were(tmp_path, run_argmap):
    root = write_project(tmp_path, {"fine": good_map("fine")})
    done = run_argmap(["render", "maps", "-f", "dot", "-o", "out"], cwd=root, env=os.environ | {"GITHUB_ACTIONS": ""})
    assert done.returncode == 0
    assert done.stdout.strip() == f"wrote {Path('out') / 'fine.dot'}"
    assert "warning AM312" in done.stderr


def test_the_core_names_the_setting_and_the_cli_its_option(tmp_path, cli):
    from argmap.render import Selection

    with pytest.raises(UsageError) as error:
        Selection(depth=1)
    assert "--" not in error.value.message and error.value.setting == "depth"
    root = write_project(tmp_path, {"fine": good_map("fine")})
    result = cli(["render", root / "maps", "--depth", "1", "--seeds", root / "seeds", "-o", root / "out"])
    assert result.exit_code == 2
    assert result.stderr.startswith("argmap: error: --depth: a depth needs a focus node")


def test_an_evaluation_of_a_framework_has_no_preparation_lists(tmp_path, cli):
    framework = tmp_path / "f.apx"
    framework.write_text("arg(a).\n", encoding="utf-8")
    result = cli(["eval", framework, "--prep"])
    assert result.exit_code == 2 and result.stderr.startswith("argmap: error: --prep: ")


def test_importing_argmap_leaves_the_host_environment_alone():
    env = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    code = "import os, argmap, argmap.cli, argmap.usecases.build; print('PYDANTIC_DISABLE_PLUGINS' in os.environ)"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr


def test_the_report_choices_are_the_registered_reporters(cli):
    from argmap.reporters import EVALUATION_FORMATS, REPORTERS

    assert set(REPORTERS) == {"text", "json", "github", "sarif"} and set(EVALUATION_FORMATS) == {"text", "json"}
    # each looked-up class is the reporter of its name; those that show evaluations are eval's formats
    assert all(cls.name == name for name, cls in REPORTERS.items())
    assert {name for name, cls in REPORTERS.items() if hasattr(cls, "evaluation")} == set(EVALUATION_FORMATS)
    for command in ("render", "brief", "build", "eval"):
        assert "json, sarif, text" in " ".join(cli([command, "--help"]).stdout.split())


def test_the_version_loads_no_pipeline(tmp_path):
    """What the CLI's deferred imports promise: `argmap --version` (and --help) load the option
    constants, not the checker, the use cases or the brief."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "argmap", "--version"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "argmap.cli.application" in loaded
    heavy = ("argmap.checks", "argmap.usecases", "argmap.core.project", "argmap.brief", "jinja2", "yaml", "rapidfuzz")
    assert not {m for m in loaded if m in heavy or m.startswith(tuple(f"{h}." for h in heavy))}


def test_a_check_cache_gives_the_same_report_and_checks_again_only_the_changed_map(tmp_path, monkeypatch):
    import shutil

    from argmap.checks import runner
    from argmap.usecases.check import check
    from conftest import MAPS, SEEDS

    maps, seeds = tmp_path / "maps", tmp_path / "seeds"
    shutil.copytree(MAPS, maps)
    shutil.copytree(SEEDS, seeds)
    checked: list[str] = []
    original = runner._check_map
    monkeypatch.setattr(runner, "_check_map", lambda project, document, evaluations: checked.append(document.model.id)
                        or original(project, document, evaluations))
    cache: dict = {}

    def report(result):
        return [(d.path, d.line, d.column, d.code, d.message) for d in result.diagnostics], result.stats

    first = check([maps], seeds, cache)
    assert sorted(checked) == ["ferry-trial", "river-bridge"] and len(cache) == 2
    assert report(check([maps], seeds, cache)) == report(first)
    assert sorted(checked) == ["ferry-trial", "river-bridge"]  # nothing changed: nothing checked again

    bridge = maps / "river-bridge.yaml"
    bridge.write_text(bridge.read_text(encoding="utf-8").replace("supports: [", "supports: [no-such-node, ", 1),
                      encoding="utf-8")
    cached = check([maps], seeds, cache)
    assert checked[2:] == ["river-bridge"] and len(cache) == 2  # the changed map only; its old result dropped
    assert report(cached) == report(check([maps], seeds))  # the same as a check without a cache
    assert "AM301" in {d.code for d in cached.diagnostics}


def test_a_placeholder_spelt_with_a_yaml_escape_is_still_found(tmp_path):
    from argmap.usecases.check import check
    from conftest import SEEDS

    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "escaped.yaml").write_text(MAP.format(id="escaped", target="c", expect="").replace(
        "text: A reason for it.", 'text: "\\x54ODO, a reason"'), encoding="utf-8")
    found = [(d.code, d.line) for d in check([maps], SEEDS).diagnostics if d.code == "AM317"]
    assert found == [("AM317", 10)]
