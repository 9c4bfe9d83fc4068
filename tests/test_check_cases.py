"""`argmap check` over folders of example maps: a new case is a new file.

Good cases (tests/cases/good) must pass `--strict`. Each bad case (tests/cases/bad) states on
its first line the diagnostics it must produce, as `# expect: CODE@LINE ...`, and must produce
exactly those, with exit code 1.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from argmap.usecases.check import check
from conftest import CASES, SEEDS

GOOD = sorted((CASES / "good").glob("*.yaml"))
BAD = sorted((CASES / "bad").glob("*.yaml"))
EXPECT = re.compile(rb"^# expect: (.*)$", re.MULTILINE)


def expected_pairs(path: Path) -> list[tuple[str, int]]:
    found = EXPECT.search(path.read_bytes())
    assert found, f"{path.name} has no '# expect:' line"
    pairs = [item.split("@") for item in found.group(1).decode().split()]
    return sorted((code, int(line)) for code, line in pairs)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.stem)
def test_good_case_passes_strict(path: Path, cli):
    result = cli(["check", "--strict", "--seeds", SEEDS, path])
    assert result.exit_code == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stdout


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_case_reports_exactly_its_diagnostics(path: Path):
    result = check([path], SEEDS)
    got = sorted((d.code, d.line) for d in result.diagnostics)
    assert got == expected_pairs(path)
    assert all(d.path.endswith(path.name) for d in result.diagnostics)
    assert all(d.line >= 1 and d.column >= 1 for d in result.diagnostics)


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_case_exit_code_and_text_form(path: Path, cli):
    before = path.read_bytes()
    result = cli(["check", "--strict", "--seeds", SEEDS, path])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert re.match(r"^\S+\.yaml:\d+:\d+: (error|warning) AM\d{3}: .+", first), first
    assert "Traceback" not in result.stdout + result.stderr
    assert path.read_bytes() == before, "check must never change an input file"


def test_json_format_has_documented_shape(cli):
    path = CASES / "bad" / "citations.yaml"
    result = cli(["check", "--format", "json", "--seeds", SEEDS, path])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert set(payload) == {"argmap", "summary", "diagnostics"}
    assert set(payload["summary"]) == {"maps", "nodes", "quotes", "quotes_verified", "errors", "warnings"}
    first = payload["diagnostics"][0]
    assert set(first) == {"path", "line", "column", "severity", "code", "message", "hints"}
    assert payload["summary"]["errors"] == sum(d["severity"] == "error" for d in payload["diagnostics"])
    not_found = next(d for d in payload["diagnostics"] if d["code"] == "AM501")
    assert "30" in not_found["hints"][-1] and "31" in not_found["hints"][-1]
