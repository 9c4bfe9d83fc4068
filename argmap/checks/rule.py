"""What a rule is and what it sees.

A rule is a function that looks at one map (a :class:`MapContext`) or at the whole project (a
:class:`ProjectContext`) and yields diagnostics; ``@rule`` gives it its code and documentation.
Codes raised while loading (syntax, schema, seeds) are :func:`documented` with no function, so
that the documentation and SARIF list them too. The table of all rules is :mod:`argmap.checks`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import chain, compress, repeat
from operator import attrgetter, is_, is_not, itemgetter
from typing import TYPE_CHECKING

from argmap.core.codes import Code, Severity
from argmap.core.diagnostics import Diagnostic
from argmap.core.graph import MapGraph
from argmap.core.load import LoadedYaml, YamlPath
from argmap.core.model import ArgMap, Evidence
from argmap.core.project import MapDocument, Project, SourceDocument
from argmap.evaluate.evaluations import Evaluations
from argmap.quotes.match import QuoteResult, SourceText

if TYPE_CHECKING:  # the engine loads when a rule asks for an evaluation, not with every check
    from argmap.evaluate.mapeval import MapEvaluation


class QuoteCheck(tuple):
    """One piece of evidence looked up in its source (the source's text could be read): a tuple
    (node id, index, evidence, source, result), made at C speed for the 200,000 quotes of a
    large map, read by name."""

    __slots__ = ()

    def __new__(cls, node_id: str, index: int, evidence: Evidence, source: SourceDocument, result: QuoteResult) -> QuoteCheck:
        return tuple.__new__(cls, (node_id, index, evidence, source, result))

    node_id: str = property(itemgetter(0))  # type: ignore[assignment]
    index: int = property(itemgetter(1))  # type: ignore[assignment]
    evidence: Evidence = property(itemgetter(2))  # type: ignore[assignment]
    source: SourceDocument = property(itemgetter(3))  # type: ignore[assignment]
    result: QuoteResult = property(itemgetter(4))  # type: ignore[assignment]

    @property
    def path(self) -> YamlPath:
        return ("nodes", self.node_id, "evidence", self.index)


_NEW_QUOTE_CHECK = partial(tuple.__new__, QuoteCheck)
_EVIDENCE = attrgetter("evidence")
_SOURCE, _QUOTE, _PREFIX, _SUFFIX = attrgetter("source"), attrgetter("quote"), attrgetter("prefix"), attrgetter("suffix")
_TEXT = attrgetter("text")
_RESULT = itemgetter(4)


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
        return list(zip(*self._evidence_columns))

    @cached_property
    def evidence_items(self) -> list[Evidence]:
        """Every piece of evidence of the map, in map order: what rules read at C speed to find
        first whether they have anything to report (a large map usually has not)."""
        return self._evidence_columns[2]

    @cached_property
    def _evidence_columns(self) -> tuple[list[str], list[int], list[Evidence]]:
        """The node ids, indexes and evidence of :attr:`evidence`, made at C speed (no object
        per node when no node has two pieces, as in most large maps)."""
        nodes = self.model.nodes
        lists = list(map(_EVIDENCE, nodes.values()))
        counts = list(map(len, lists))
        items = list(chain.from_iterable(lists))
        if max(counts, default=0) <= 1:
            return list(compress(nodes, counts)), [0] * len(items), items
        return list(chain.from_iterable(map(repeat, nodes, counts))), list(chain.from_iterable(map(range, counts))), items

    @cached_property
    def quote_checks(self) -> list[QuoteCheck]:
        """Every quote of the map looked up once; the citation rules each read what they need."""
        ids, indexes, items = self._evidence_columns
        sources = list(map(self.project.sources.get, map(_SOURCE, items)))
        if any(map(is_, sources, repeat(None))):  # evidence of unknown or unreadable sources is left out
            known = list(map(is_not, sources, repeat(None)))
            ids, indexes, items, sources = (list(compress(column, known)) for column in (ids, indexes, items, sources))
        # each distinct lookup once (large maps repeat quotes), in columns
        def lookups() -> Iterator[tuple[SourceText, str, str | None, str | None]]:  # made twice, never all held
            return zip(map(_TEXT, sources), map(_QUOTE, items), map(_PREFIX, items), map(_SUFFIX, items))

        found = {lookup: lookup[0].find(*lookup[1:]) for lookup in dict.fromkeys(lookups())}
        return list(map(_NEW_QUOTE_CHECK, zip(ids, indexes, items, sources, map(found.__getitem__, lookups()))))

    def quotes_where(self, test: Callable[[QuoteResult], bool]) -> list[QuoteCheck]:
        """The quote checks, in map order, whose result passes ``test``: asked of each distinct
        result once (the quotes that are the same lookup share theirs), the checks then picked
        at C speed. A rule reports on a few quotes of the 200,000 of a large map, if any."""
        checks = self.quote_checks
        results = self._quote_results
        chosen = {key for key, result in results.items() if test(result)}
        if not chosen:
            return []
        if len(chosen) == len(results):
            return checks
        return list(compress(checks, map(chosen.__contains__, map(id, map(_RESULT, checks)))))

    @cached_property
    def _quote_results(self) -> dict[int, QuoteResult]:
        """The distinct results of :attr:`quote_checks`, by identity."""
        results = list(map(_RESULT, self.quote_checks))
        return dict(zip(map(id, results), results))

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

    @cached_property
    def cited_sources(self) -> set[str]:
        """The source ids that some evidence of some map cites (gathered at C speed)."""
        nodes = chain.from_iterable(document.model.nodes.values() for document in self.project.maps)
        return set(map(_SOURCE, chain.from_iterable(map(_EVIDENCE, nodes))))

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
