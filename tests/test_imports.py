"""Start-up cost: each command imports only what it needs. Measured on a real process with
``python -X importtime``, which names every module the command loaded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, requires_dot
from render_support import SMALL

# Modules that checking and drawing a valid map never need: HTML briefs and their templates,
# nearest-match search (only for a quote that is not found), PyYAML's pure-Python parser (only
# for the rare YAML the fast parser leaves to it), the graphviz package (dot is run directly),
# the authoring commands, the language server (pygls), debate preparation (`eval --prepare`),
# package metadata (pydantic's plugin lookup, with plugins off), test tools.
NOT_FOR_CHECK_OR_RENDER = {
    "jinja2", "markupsafe", "rapidfuzz", "yaml", "graphviz", "hypothesis", "pytest", "pygls", "lsprotocol", "argmap.lsp",
    "argmap.evaluate.prep", "importlib.metadata",
    "argmap.brief", "argmap.quotes.search", "argmap.authoring.scaffold", "argmap.core.schema",
    "trafilatura", "lxml", "pdfplumber", "pdfminer", "watchfiles",
    "argmap.sources.capture", "argmap.sources.registering", "argmap.authoring.starter", "argmap.web.serving",
}


def imported_modules(args: list[str], cwd: Path, **environment: str) -> set[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"} | environment
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "argmap", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert "argmap.cli" in rows
    return set(rows)


def unneeded(modules: set[str]) -> set[str]:
    return {m for m in modules if any(m == package or m.startswith(f"{package}.") for package in NOT_FOR_CHECK_OR_RENDER)}


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A map that checks clean: no warning either, so that no position has to be looked up."""
    import yaml

    registry = yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))
    cited = {"sari2023", "ng2022"}  # every source the map cites, and no other
    (tmp_path / "seeds").mkdir()
    (tmp_path / "maps").mkdir()
    for source_id in cited:
        shutil.copy(SEEDS / registry["sources"][source_id]["file"], tmp_path / "seeds")
    sources = {"sources": {key: value for key, value in registry["sources"].items() if key in cited}}
    (tmp_path / "seeds" / "sources.yaml").write_text(yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8")
    shutil.copy(SMALL, tmp_path / "maps")
    done = subprocess.run([sys.executable, "-m", "argmap", "check", "--strict", "maps"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout  # --strict: not even a warning
    return tmp_path


@pytest.mark.parametrize("args", [
    ["check", "maps"],
    ["render", "maps", "-o", "out", "--format", "dot"],
    ["render", "--help"],
    ["--version"],
], ids=["check", "render-dot", "render-help", "version"])
def test_check_and_render_import_nothing_they_do_not_need(small_project, args):
    assert unneeded(imported_modules(args, small_project)) == set()


def test_check_loads_nothing_of_the_renderer(small_project):
    # its report names Graphviz only for a map left undrawn, which check never draws
    assert {m for m in imported_modules(["check", "maps"], small_project) if m.startswith("argmap.render")} == set()


def test_pydantic_plugins_a_user_allows_are_still_looked_up(small_project):
    # argmap turns pydantic's plugins off unless the user says otherwise; then they are looked for
    assert "importlib.metadata" in imported_modules(["check", "maps"], small_project, PYDANTIC_DISABLE_PLUGINS="")


@requires_dot
def test_rendering_svg_runs_dot_without_the_graphviz_package(small_project):
    modules = imported_modules(["render", "maps", "-o", "out"], small_project)
    assert (small_project / "out" / "render-small.svg").read_bytes().startswith(b"<?xml")
    assert unneeded(modules) == set()


# Each command's own module and what only other commands use: `--version` loads none of them,
# a command only its own (typer builds a command when it runs, or when --help lists them all).
COMMAND_MODULES = {"argmap.cli." + module for module in (
    "check", "render", "brief", "build", "docx", "eval", "diff", "quote", "schema", "new", "migrate", "list", "import_",
    "export", "init", "serve", "lsp", "source")}
OTHER_COMMANDS_ONLY = {"argmap.interchange", "argmap.sources", "argmap.authoring", "argmap.web", "argmap.lsp", "pygls"}


def other_commands(modules: set[str], own: set[str]) -> set[str]:
    return {m for m in modules if m in COMMAND_MODULES - own
            or any(m == package or m.startswith(f"{package}.") for package in OTHER_COMMANDS_ONLY)}


@pytest.mark.parametrize("args, own", [
    (["--version"], set()),
    (["check", "maps"], {"argmap.cli.check"}),
    (["render", "maps", "-o", "out", "--format", "dot"], {"argmap.cli.render"}),
], ids=["version", "check", "render-dot"])
def test_a_command_imports_no_other_command(small_project, args, own):
    # (-X importtime names what `import` statements load, not the command's own module, which
    # the app loads through importlib; what that module imports in turn is named)
    assert other_commands(imported_modules(args, small_project), own) == set()


def test_help_still_lists_every_command_in_order(cli):
    listed = [line.split()[0] for line in cli(["--help"]).stdout.split("Commands:\n")[1].splitlines()
              if line.startswith("  ") and not line.startswith("    ")]
    assert listed == ["check", "render", "brief", "build", "docx", "eval", "diff", "quote", "schema", "new", "migrate",
                      "list", "import", "export", "init", "serve", "lsp", "source"]


def test_a_mistyped_command_is_still_told_the_nearest_name(cli):
    result = cli(["chek"])
    assert result.exit_code == 2
    assert "Did you mean 'check'" in result.stderr


def test_evaluating_a_framework_loads_no_checker(tmp_path):
    # an ICCMA file is not a map: the checker and its rules are not loaded for it
    (tmp_path / "pair.apx").write_text("arg(a).\narg(b).\natt(a,b).\n", encoding="utf-8")
    modules = imported_modules(["eval", "pair.apx"], tmp_path)
    assert {m for m in modules if m == "argmap.usecases.check" or m.startswith("argmap.checks")} == set()


# The evaluation engine (labels by semantics, gradual strengths, verdicts) and its report: what
# `eval`, `render`, `brief` and a map's `expect:` need. A check of a map without `expect:` asks
# for no evaluation, so it loads none of it (~25 ms of every check), not even the labels, the
# frameworks or the ICCMA reader whose limits the rules quote (argmap.evaluate.limits).
EVALUATION_ENGINE = {"argmap.evaluate.registry", "argmap.evaluate.mapeval", "argmap.evaluate.strength",
                     "argmap.evaluate.gradual", "argmap.evaluate.undercut", "argmap.evaluate.verdict",
                     "argmap.evaluate.dfquad", "argmap.evaluate.qe", "argmap.reporters.evaluation",
                     "argmap.evaluate.semantics", "argmap.evaluate.labels", "argmap.evaluate.framework",
                     "argmap.evaluate.search", "argmap.evaluate.bipolar", "argmap.evaluate.iccma"}


@pytest.mark.parametrize("report", ["text", "json", "github", "sarif"])
def test_checking_a_map_without_expect_loads_no_evaluation_engine(small_project, report):
    assert "expect:" not in (small_project / "maps" / SMALL.name).read_text(encoding="utf-8")
    modules = imported_modules(["check", "--format", report, "maps"], small_project)
    assert "argmap.checks.expect" in modules  # the rules that would evaluate did run
    assert modules & EVALUATION_ENGINE == set()


def test_checking_a_map_with_expect_still_evaluates_it(small_project):
    # the engine loads when a map asks for it: o1 is undecided under grounded semantics
    path = small_project / "maps" / SMALL.name
    path.write_text(path.read_text(encoding="utf-8") + "expect:\n  stands: [o1]\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "argmap", "check", "--format", "json", "maps"],
                          cwd=small_project, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "'o1' is expected to stand under grounded semantics, but it is undecided" in done.stdout
    modules = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
    assert "argmap.evaluate.registry" in modules
    # labels alone: no gradual strengths are computed, nor their engine loaded
    assert modules & {"argmap.evaluate.strength", "argmap.evaluate.gradual"} == set()



def test_a_gradual_engine_imported_alone_says_the_registry_fills_its_table():
    """argmap.evaluate loads lazily, so a caller importing the solver module by itself, before
    anything loaded the registry that names the formulas, is told what to import."""
    program = (
        "from argmap.evaluate.gradual import QuantitativeFramework, gradual_strengths\n"
        "framework = QuantitativeFramework.build([0.5, 0.5], attacks=[(0, 1)])\n"
        "try:\n"
        "    gradual_strengths(framework, 'dfquad')\n"
        "except ValueError as error:\n"
        "    print(error)\n"
        "import argmap.evaluate.registry\n"
        "print(round(gradual_strengths(framework, 'dfquad').strengths[1], 6))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    message, strength = done.stdout.splitlines()
    assert "import argmap.evaluate.registry first" in message
    assert 0.0 < float(strength) < 0.5  # attacked by an argument of strength 0.5: weakened


@pytest.mark.parametrize("options", [[], ["--format", "json"]], ids=["table", "json"])
def test_evaluating_a_framework_loads_no_map_model_nor_pydantic(tmp_path, options):
    # an ICCMA framework has no map: neither the map model nor its graph, strengths or verdict
    # engine is loaded for it, and the options are coerced without pydantic (argmap.cli.coercion):
    # together a tenth of evaluating a 100,000-argument file
    (tmp_path / "pair.apx").write_text("arg(a).\narg(b).\natt(a,b).\n", encoding="utf-8")
    modules = imported_modules(["eval", "pair.apx", "--samples", "10", *options], tmp_path)
    assert "argmap.evaluate.registry" in modules  # the framework was labelled
    assert modules & {"argmap.core.model", "argmap.core.graph", "argmap.evaluate.mapeval",
                      "argmap.evaluate.strength"} == set()
    assert {m for m in modules if m == "pydantic" or m.startswith(("pydantic.", "pydantic_core"))} == set()


def loaded_modules(args: list[str], cwd: Path) -> set[str]:
    """Every module in sys.modules when the command ends, those imported through importlib too
    (which -X importtime does not name)."""
    program = ("import atexit, runpy, sys\n"
               "atexit.register(lambda: print('MODULES', *sorted(sys.modules), file=sys.stderr))\n"
               f"sys.argv = ['argmap', *{args!r}]\n"
               "runpy.run_module('argmap', run_name='__main__')\n")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run([sys.executable, "-c", program], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return set(done.stderr.rsplit("MODULES ", 1)[1].split())


@pytest.mark.parametrize("report", ["text", "json", "github", "sarif"])
def test_a_check_loads_only_the_reporter_it_reports_with(small_project, report):
    # the reporters are looked up by name; each module loads when its format is chosen
    reporters = {m for m in loaded_modules(["check", "--format", report, "maps"], small_project)
                 if m.startswith("argmap.reporters.")}
    assert f"argmap.reporters.{report}" in reporters
    # (github's annotations end with the text reporter's summary line)
    assert reporters <= {"argmap.reporters.base", "argmap.reporters.text", f"argmap.reporters.{report}"}
