"""SARIF 2.1.0, the format code-scanning dashboards read (GitHub code scanning, Azure DevOps,
the VS Code SARIF viewer): one run whose tool lists every argmap rule, and one result per
diagnostic with its rule, level and region.

Paths inside the current directory are written relative to it (``uriBaseId: %SRCROOT%``), as
code scanning expects when argmap runs at the repository root; columns count Unicode code
points, which the run declares (SARIF's default would be UTF-16 code units).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote

from argmap import __version__
from argmap.core.diagnostics import Diagnostic
from argmap.reporters.base import Checked

if TYPE_CHECKING:
    from argmap.checks import Rule
    from argmap.usecases.eval import EvalOutcome

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"


class SarifReporter:
    name = "sarif"
    for_people = False

    def render(self, result: Checked) -> str:
        s = result.stats
        properties = {"maps": s.maps, "nodes": s.nodes, "quotes": s.quotes, "quotesVerified": s.quotes_verified}
        return json.dumps(sarif_log(result.diagnostics, properties), ensure_ascii=False, indent=2)

    def unevaluated(self, outcome: EvalOutcome) -> str:
        return json.dumps(sarif_log(outcome.diagnostics), ensure_ascii=False, indent=2)


def sarif_log(diagnostics: Sequence[Diagnostic], properties: dict | None = None) -> dict:
    # the rule table loads every rule module: only a SARIF log needs it, not `argmap --help`
    from argmap.checks import RULES

    rules = sorted(RULES.values(), key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(rules)}
    run = {
        "tool": {"driver": {"name": "argmap", "version": __version__, "semanticVersion": __version__,
                            "rules": [rule_descriptor(rule) for rule in rules]}},
        "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(d, index.get(d.code)) for d in diagnostics],
    }
    if properties is not None:
        run["properties"] = properties
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def rule_descriptor(rule: Rule) -> dict:
    doc = rule.doc or rule.summary
    lead = doc.split("\n\n")[0]
    # a docstring may open with its examples ("Passing: ..."); the summary describes the rule then
    full = rule.summary if lead.startswith(("Passing", "Failing")) else lead
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": doc, "markdown": doc},  # the examples are indented, so Markdown shows them as code
        "defaultConfiguration": {"level": rule.severity.value},
    }


def sarif_result(d: Diagnostic, rule_index: int | None) -> dict:
    result = {
        "ruleId": d.code,
        "level": d.severity.value,
        "message": {"text": "\n".join((d.message, *d.hints))},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact_location(d.path),
            "region": {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)},
        }}],
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    return result


def artifact_location(path: str) -> dict:
    """A relative path becomes a URI reference under %SRCROOT%; any other path a file: URI."""
    posix = PurePosixPath(Path(path).as_posix())
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(str(posix)), "uriBaseId": SOURCE_ROOT}
