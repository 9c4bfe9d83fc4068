"""`argmap check` in CI: GitHub annotations, SARIF, JSON, the pre-commit hook and the documented workflow.

tests/data/sarif-2.1.0.json is the official SARIF 2.1.0 JSON Schema (draft-04, title "Static
Analysis Results Format (SARIF) Version 2.1.0-rtm.5 JSON Schema"), copied verbatim from the npm
package @microsoft/jest-sarif 1.0.0-beta.0 (MIT, github.com/microsoft/sarif-js-sdk), file
lib/schemas/sarif-2.1.0-rtm.5.json; sha256 below. It is the schema SchemaStore publishes as
sarif-2.1.0-rtm.5.json, which the OASIS SARIF 2.1.0 standard finalised.
"""

from __future__ import annotations

import hashlib
import json
import re
import shlex
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from argmap.usecases.check import CheckResult, CheckStats
from argmap.checks import RULES
from argmap.core.diagnostics import Diagnostic, Severity
from argmap.reporters import REPORTERS
from argmap.reporters.github import annotation, escape_data, escape_property
from conftest import MAPS, REPO, SEEDS

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0.json"
SARIF_SCHEMA_SHA256 = "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"

FLAWED_MAP = textwrap.dedent("""\
    argmap: 1
    id: flawed
    title: A map with one error and one warning
    question: Does CI show them?
    lang: id
    sides:
      pro: Ya
      con: Tidak
    nodes:
      t:
        type: thesis
        side: pro
        text: Sebuah tesis.
      misquoted:
        type: claim
        text: Sebuah klaim.
        supports: [t]
        evidence:
          - source: warta2024
            quote: feri baru yang dapat membawa 30 penumpang
      c:
        type: thesis
        side: con
        text: Tesis yang tidak didukung apa pun.
    """)


@pytest.fixture
def flawed(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch project (as the current directory) whose map has an AM501 error and an AM312 warning (a thesis nothing points at)."""
    (project / "maps" / "flawed.yaml").write_text(FLAWED_MAP, encoding="utf-8")
    monkeypatch.chdir(project)
    return project


def check_output(cli, fmt: str, *extra: str):
    return cli(["check", "maps/flawed.yaml", "--format", fmt, *extra])


# --- GitHub workflow commands ----------------------------------------------------------------


def test_github_escaping_follows_the_actions_toolkit():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert escape_data("%0A") == "%250A"  # % first, so an encoded-looking message stays literal


def test_github_annotation_field_by_field():
    d = Diagnostic("maps/a,b:c.yaml", 12, 7, Severity.ERROR, "AM501", "quote 50% off: \"x\"\nline two",
                   ("nearest passage, line 3",))
    assert annotation(d) == ("::error file=maps/a%2Cb%3Ac.yaml,line=12,col=7,title=AM501::"
                             "quote 50%25 off: \"x\"%0Aline two%0Anearest passage, line 3")
    warning = Diagnostic("maps/x.yaml", 1, 1, Severity.WARNING, "AM312", "orphan")
    assert annotation(warning) == "::warning file=maps/x.yaml,line=1,col=1,title=AM312::orphan"


ANNOTATION = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=(AM\d+)::(.+)$")


def test_github_format_through_the_cli(cli, flawed: Path):
    result = check_output(cli, "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    parsed = [ANNOTATION.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    by_code = {m.group(5): m for m in parsed}
    error, warning = by_code["AM501"], by_code["AM312"]
    assert (error.group(1), error.group(2), error.group(3), error.group(4)) == ("error", "maps/flawed.yaml", "20", "16")
    assert "quote not found" in error.group(6) and "%0A" in error.group(6)  # hints on further lines
    assert (warning.group(1), warning.group(3)) == ("warning", "21")
    assert lines[-1].startswith("checked 1 map")


@pytest.mark.parametrize(("env", "expected"), [({"GITHUB_ACTIONS": "true"}, "github"), ({"GITHUB_ACTIONS": ""}, "text")])
def test_github_format_is_the_default_in_github_actions(cli, flawed: Path, env, expected):
    result = cli(["check", "maps/flawed.yaml"], env=env)
    assert result.stdout.startswith("::error ") == (expected == "github")
    assert result.stdout.startswith("maps/flawed.yaml:") == (expected == "text")


# --- SARIF -------------------------------------------------------------------------------------


def sarif_validator() -> jsonschema.Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_sarif_schema_is_the_published_one():
    assert hashlib.sha256(SARIF_SCHEMA.read_bytes()).hexdigest() == SARIF_SCHEMA_SHA256
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0-rtm.5 JSON Schema"


def test_sarif_output_validates_against_the_sarif_schema(cli, flawed: Path):
    result = check_output(cli, "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator().iter_errors(log)]
    assert errors == []


def test_sarif_schema_catches_a_broken_log(cli, flawed: Path):
    """The validation is not vacuous: the schema rejects what SARIF forbids."""
    log = json.loads(check_output(cli, "sarif").stdout)
    log["runs"][0]["results"][0]["level"] = "fatal"
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(list(sarif_validator().iter_errors(log))) == 2


def test_sarif_field_by_field(cli, flawed: Path):
    log = json.loads(check_output(cli, "sarif").stdout)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "argmap" and driver["version"]
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    for descriptor in driver["rules"]:
        rule = RULES[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] and descriptor["help"]["text"] == (rule.doc or rule.summary)
        assert descriptor["defaultConfiguration"]["level"] == rule.severity.value
    assert run["columnKind"] == "unicodeCodePoints"
    results = {r["ruleId"]: r for r in run["results"]}
    assert set(results) == {"AM501", "AM312"}
    for code, level, line, column in (("AM501", "error", 20, 16), ("AM312", "warning", 21, 3)):
        result = results[code]
        assert result["level"] == level
        assert driver["rules"][result["ruleIndex"]]["id"] == code
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": "maps/flawed.yaml", "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {"startLine": line, "startColumn": column}
    assert results["AM501"]["message"]["text"].startswith("quote not found in source 'warta2024'")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_of_a_clean_project_has_rules_and_no_results(cli):
    result = cli(["check", MAPS, "--seeds", SEEDS, "--format", "sarif"])
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    assert log["runs"][0]["results"] == [] and len(log["runs"][0]["tool"]["driver"]["rules"]) == len(RULES)
    assert list(sarif_validator().iter_errors(log)) == []


def test_sarif_uris_are_encoded():
    from argmap.reporters.sarif import artifact_location

    assert artifact_location("maps/my map#1.yaml") == {"uri": "maps/my%20map%231.yaml", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/tmp/x y.yaml")["uri"] == "file:///tmp/x%20y.yaml"


# --- JSON and the registry -------------------------------------------------------------------


def test_json_format_lists_the_same_diagnostics(cli, flawed: Path):
    payload = json.loads(check_output(cli, "json").stdout)
    assert {(d["code"], d["severity"], d["line"]) for d in payload["diagnostics"]} == {("AM501", "error", 20), ("AM312", "warning", 21)}


def test_every_format_is_a_registered_reporter_and_renders_an_empty_result():
    assert {"text", "json", "github", "sarif"} <= set(REPORTERS)
    from argmap.core.project import Project

    empty = CheckResult(Project(Path("seeds"), None), [], CheckStats())
    for cls in REPORTERS.values():
        assert isinstance(cls().render(empty), str)


# --- pre-commit and the documented workflow ---------------------------------------------------


def test_pre_commit_hook_definition():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "argmap-check"
    assert hook["language"] == "python"
    assert hook["entry"] == "argmap check --strict"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("maps/some-debate.yaml") and files.search("maps/sub/x.yml") and files.search("seeds/sources.yaml")
    assert not files.search("README.md") and not files.search("argmap/maps/x.py")


def test_pre_commit_entry_passes_on_a_clean_project(cli, monkeypatch: pytest.MonkeyPatch):
    """The entry, with no file names, checks maps/ and seeds/ of the project it runs in."""
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    program, *args = shlex.split(hook["entry"])
    assert program == "argmap"
    monkeypatch.chdir(MAPS.parent)
    result = cli(args)
    assert result.exit_code == 0, result.stdout


def test_documented_github_workflow_uses_the_action_which_installs_graphviz_and_runs_check_strict():
    page = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", page, re.DOTALL)
    workflows = [yaml.safe_load(b) for b in blocks if "jobs:" in b]
    assert workflows, "no GitHub Actions workflow in docs/ci.md"
    steps = [step for job in workflows[0]["jobs"].values() for step in job["steps"]]
    assert any(step.get("uses", "").startswith("OWNER/argmap@") for step in steps)
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    commands = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "sudo apt-get install -y -q graphviz" in commands
    assert "argmap check --strict" in commands
    hooks = [yaml.safe_load(b) for b in blocks if "repos:" in b]
    assert hooks and hooks[0]["repos"][0]["hooks"][0]["id"] == "argmap-check"
