"""The rule registry: every diagnostic code, its name, default severity and documentation.

A rule is a function that looks at one map (scope ``map``) or at the whole project (scope
``project``) and yields diagnostics. Codes raised while loading (syntax, schema, seeds) are
registered with no function so that documentation and SARIF list them too.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from argmap.diagnostics import Diagnostic, Severity
from argmap.graph import MapGraph
from argmap.load import LoadedYaml, YamlPath
from argmap.citations import QuoteResult
from argmap.model import ArgMap, Evidence
from argmap.project import SourceDocument
from argmap.project import MapDocument, Project

Scope = Literal["load", "map", "project"]


@dataclass
class CheckStats:
    maps: int = 0
    nodes: int = 0
    quotes: int = 0
    quotes_verified: int = 0


@dataclass(slots=True)  # one per quote of the map: slots keep 200,000 of them small and quick to make
class QuoteCheck:
    """One piece of evidence looked up in its source (the source's text could be read)."""

    node_id: str
    index: int
    evidence: Evidence
    source: SourceDocument
    result: QuoteResult

    @property
    def path(self) -> YamlPath:
        return ("nodes", self.node_id, "evidence", self.index)


@dataclass
class MapContext:
    """What a map rule sees: the map, its graph, its YAML document and the project."""

    project: Project
    document: MapDocument
    stats: CheckStats
    rule: Rule | None = None

    @cached_property
    def evidence(self) -> list[tuple[str, int, Evidence]]:
        """(node id, index, evidence) of every piece of evidence of the map: one flat list that
        the citation rules walk instead of each nesting two loops over every node."""
        return [(node_id, i, evidence) for node_id, node in self.model.nodes.items()
                for i, evidence in enumerate(node.evidence)]

    @cached_property
    def quote_checks(self) -> list[QuoteCheck]:
        """Every quote of the map looked up once; the citation rules each read what they need."""
        checks = []
        sources = self.project.sources
        for node_id, i, evidence in self.evidence:
            source = sources.get(evidence.source)
            if source is not None and source.text is not None:
                result = source.text.find(evidence.quote, evidence.prefix, evidence.suffix)
                checks.append(QuoteCheck(node_id, i, evidence, source, result))
        return checks

    @property
    def model(self) -> ArgMap:
        assert self.document.model is not None
        return self.document.model

    @property
    def graph(self) -> MapGraph:
        return self.document.graph

    @property
    def doc(self) -> LoadedYaml:
        assert self.document.doc is not None
        return self.document.doc

    def report(self, path: YamlPath, message: str, hints: tuple[str, ...] = (), *, at_key: bool = False,
               code: str | None = None) -> Diagnostic:
        rule = RULES[code] if code else self.rule
        assert rule is not None
        return self.doc.diagnostic(path, rule.code, message, rule.severity, hints, at_key)


@dataclass
class ProjectContext:
    project: Project
    stats: CheckStats
    rule: Rule | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    scope: Scope
    check: Callable[..., Iterable[Diagnostic]] | None = field(default=None, compare=False)
    doc: str = ""


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, summary: str, scope: Scope = "map"):
    """Register a check function under a stable code; its docstring documents the rule."""

    def register(function: Callable[..., Iterable[Diagnostic]]):
        _add(Rule(code, name, severity, summary, scope, function, inspect.getdoc(function) or ""))
        return function

    return register


def describe(code: str, name: str, severity: Severity, summary: str, doc: str = "") -> None:
    """Register a code raised by the load stage (no check function)."""
    _add(Rule(code, name, severity, summary, "load", None, inspect.cleandoc(doc) if doc else ""))


def _add(new: Rule) -> None:
    if new.code in RULES:
        raise ValueError(f"rule code {new.code} registered twice")
    RULES[new.code] = new


def map_rules() -> Iterator[Rule]:
    return (r for r in sorted(RULES.values(), key=lambda r: r.code) if r.scope == "map")


def project_rules() -> Iterator[Rule]:
    return (r for r in sorted(RULES.values(), key=lambda r: r.code) if r.scope == "project")
