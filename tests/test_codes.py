"""Diagnostic codes are objects of one module; every code has one rule, and the runner, not the
rule, decides what code and severity a diagnostic carries."""

from __future__ import annotations

import ast
import hashlib
import json
import re
from pathlib import Path

import pytest

from argmap.checks import MAP_RULES, PROJECT_RULES, RULES
from argmap.core.codes import Code, Severity

PACKAGE = Path(__file__).resolve().parent.parent / "argmap"
CODE_TEXT = re.compile(r"AM\d{3}")


def test_every_code_has_exactly_one_rule_and_every_rule_a_known_code():
    listed = [r.code for r in RULES.values()]
    assert sorted(listed) == sorted(Code) and len(set(listed)) == len(listed)
    checks = [r.code for r in (*MAP_RULES, *PROJECT_RULES)]
    assert len(set(checks)) == len(checks), "a rule listed twice would report everything twice"
    assert all(RULES[code].check is not None for code in checks)


def test_a_mistyped_code_fails_when_the_module_loads():
    with pytest.raises(AttributeError):
        Code.AM310  # noqa: B018 -- no such code


def test_a_code_reads_as_its_id_and_carries_its_name_and_severity():
    assert Code.AM501 == "AM501" and f"{Code.AM501}" == "AM501" and json.dumps(Code.AM501) == '"AM501"'
    assert (Code.AM501.slug, Code.AM501.severity) == ("quote-not-found", Severity.ERROR)
    assert Code("AM312").severity is Severity.WARNING


def test_no_code_is_written_as_a_string_in_the_package():
    """Codes are named as ``Code.AM301``: a code in quotes would escape the registry."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE_TEXT.fullmatch(node.value):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}")
    assert offenders == []


SOURCE_TEXT = "The alliance of thirty-one nations met in Vilnius and agreed on a common plan.\n"


def test_reported_severities_are_the_codes_and_quotes_are_counted_by_the_runner(tmp_path: Path, run_argmap):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "report.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    digest = hashlib.sha256(SOURCE_TEXT.encode()).hexdigest()
    (seeds / "sources.yaml").write_text(
        f"sources:\n  report:\n    file: report.txt\n    title: Report\n    language: en\n    sha256: {digest}\n"
        "  unused:\n    file: report.txt\n    title: Unused\n    language: en\n", encoding="utf-8")
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "m.yaml").write_text(
        "argmap: 1\nid: m\ntitle: M\nquestion: Q?\nlang: en\nsides: {pro: P, con: C}\nnodes:\n"
        "  t: {type: thesis, side: pro, text: T}\n"
        "  a:\n    type: claim\n    text: A\n    supports: [t]\n    evidence:\n"
        "      - {source: report, quote: thirty-one nations met in Vilnius}\n"
        "      - {source: report, quote: thirty-two nations met in Vilnius}\n"
        "  lonely: {type: claim, text: L, analytic: true, supports: [nowhere]}\n", encoding="utf-8")
    done = run_argmap(["check", "--format", "json", "maps/"], cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    payload = json.loads(done.stdout)
    reported = {d["code"] for d in payload["diagnostics"]}
    assert {Code.AM301, Code.AM312, Code.AM313, Code.AM404, Code.AM501} <= reported
    assert all(d["severity"] == Code(d["code"]).severity.value for d in payload["diagnostics"])
    assert (payload["summary"]["quotes"], payload["summary"]["quotes_verified"]) == (2, 1)
