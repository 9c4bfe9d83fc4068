"""What a rule is and what it sees.

A rule is a function that looks at one map (a :class:`MapContext`) or at the whole project (a
:class:`ProjectContext`) and yields diagnostics; ``@rule`` gives it its code and documentation.
Codes raised while loading (syntax, schema, seeds) are :func:`documented` with no function, so
that the documentation and SARIF list them too. The table of all rules is :mod:`argmap.checks`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from argmap.core.codes import Code, Severity
from argmap.core.diagnostics import Diagnostic
from argmap.core.graph import MapGraph
from argmap.core.load import LoadedYaml, YamlPath
from argmap.core.model import ArgMap, Evidence
from argmap.core.project import MapDocument, Project, SourceDocument
from argmap.evaluate.evaluations import Evaluations
from argmap.quotes.match import QuoteResult

if TYPE_CHECKING:  # the engine loads when a rule asks for an evaluation, not with every check
    from argmap.evaluate.mapeval import MapEvaluation


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
    """What a map rule sees: the map, its graph, its YAML document, the project and the run's
    evaluations. The runner sets ``rule`` before each rule runs: :meth:`report` stamps its code,
    the rule names none."""

    project: Project
    document: MapDocument
    evaluations: Evaluations
    rule: Rule | None = None

    def evaluation(self, semantics: str) -> MapEvaluation:
        """The map evaluated under ``semantics``, shared with the outputs of the same run."""
        return self.evaluations.of(self.model, semantics)

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
            if source is not None:
                result = source.text.find(evidence.quote, evidence.prefix, evidence.suffix)
                checks.append(QuoteCheck(node_id, i, evidence, source, result))
        return checks

    @property
    def model(self) -> ArgMap:
        return self.document.model

    @property
    def graph(self) -> MapGraph:
        return self.document.graph

    @property
    def doc(self) -> LoadedYaml:
        return self.document.doc

    def report(self, path: YamlPath, message: str, hints: tuple[str, ...] = (), *, at_key: bool = False) -> Diagnostic:
        return self.doc.diagnostic(path, self.rule.code, message, hints, at_key)


@dataclass
class ProjectContext:
    """What a project rule sees: every map and source. ``report`` says in which file."""

    project: Project
    rule: Rule | None = None

    def report(self, doc: LoadedYaml, path: YamlPath, message: str, hints: tuple[str, ...] = (), *,
               at_key: bool = False) -> Diagnostic:
        return doc.diagnostic(path, self.rule.code, message, hints, at_key)


@dataclass(frozen=True)
class Rule:
    code: Code
    summary: str  # one line, for the table of codes
    check: Callable[..., Iterable[Diagnostic]] | None = field(default=None, compare=False)
    doc: str = ""  # what the code means, with passing and failing examples

    @property
    def name(self) -> str:
        return self.code.slug

    @property
    def severity(self) -> Severity:
        return self.code.severity


def rule(code: Code, summary: str) -> Callable[[Callable[..., Iterable[Diagnostic]]], Rule]:
    """Make a check function a rule with a code; its docstring documents the rule. Nothing is
    registered: the table in :mod:`argmap.checks` lists every rule."""

    def make(function: Callable[..., Iterable[Diagnostic]]) -> Rule:
        return Rule(code, summary, function, inspect.getdoc(function) or "")

    return make


def documented(code: Code, summary: str, doc: str = "") -> Rule:
    """A code raised by the load stage: documented here, reported by the loader."""
    return Rule(code, summary, None, inspect.cleandoc(doc) if doc else "")
