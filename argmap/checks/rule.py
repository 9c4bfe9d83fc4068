"""What a rule is and what it sees.

A rule is a function that looks at one map (a :class:`MapContext`) or at the whole project (a
:class:`ProjectContext`) and yields diagnostics; ``@rule`` gives it its code and documentation.
Codes raised while loading (syntax, schema, seeds) are :func:`documented` with no function, so
that the documentation and SARIF list them too. The table of all rules is :mod:`argmap.checks`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, compress, repeat
from operator import attrgetter, is_not, itemgetter
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


@dataclass(slots=True)
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


_EVIDENCE, _SOURCE, _MATCHES = attrgetter("evidence"), attrgetter("source"), attrgetter("matches")
# what a quote is looked up by, read from each evidence model's fields at C speed
_LOOKUP = itemgetter("source", "quote", "prefix", "suffix")
_FIELDS = attrgetter("__dict__")


@dataclass
class MapContext:
    """What a map rule sees: the map, its graph, its YAML document, the project and the run's
    evaluations. The runner sets ``rule`` before each rule runs: :meth:`report` stamps its code,
    the rule names none."""

    project: Project
    document: MapDocument
    evaluations: Evaluations
    rule: Rule | None = None
    # the result of each distinct lookup of a quote, None where the source's text could not be read
    _lookups: dict[tuple[str, str, str | None, str | None], QuoteResult | None] = field(default_factory=dict, repr=False)

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
        """Every quote of the map looked up once; the citation rules each read what they need
        (or, in a large map, first ask :meth:`quotes_where` which to read)."""
        return self._checks(*self._quote_results)

    @property
    def quote_count(self) -> int:
        """How many quotes were looked up (their source's text could be read)."""
        return len(self._quote_results[0])

    @property
    def quotes_verified(self) -> int:
        return sum(map(bool, map(_MATCHES, self._quote_results[1])))

    def quotes_where(self, test: Callable[[QuoteResult], bool]) -> list[QuoteCheck]:
        """The quote checks, in map order, whose result passes ``test``: asked of each distinct
        result once (the quotes that are the same lookup share theirs), the checks then picked
        and made at C speed. A rule reports on a few quotes of the 200,000 of a large map, if any."""
        positions, results = self._quote_results
        chosen = {id(result) for result in self._lookups.values() if result is not None and test(result)}
        if not chosen:
            return []
        picked = list(map(chosen.__contains__, map(id, results)))
        return self._checks(list(compress(positions, picked)), list(compress(results, picked)))

    def _checks(self, positions: Iterable[int], results: list[QuoteResult]) -> list[QuoteCheck]:
        ids, indexes, items = self._evidence_columns
        sources = self.project.sources
        return [QuoteCheck(ids[at], indexes[at], items[at], sources[items[at].source], result)
                for at, result in zip(positions, results)]

    @cached_property
    def _quote_results(self) -> tuple[Sequence[int], list[QuoteResult]]:
        """The position (in :attr:`evidence`) and result of each quote whose source's text could
        be read, in map order. Each distinct (source, quote, prefix, suffix) is looked up once:
        large maps repeat quotes."""
        items = self._evidence_columns[2]
        sources = self.project.sources
        self._lookups = {}
        # the keys made twice rather than held: a large map's 200,000 would add to its peak memory
        for key in dict.fromkeys(map(_LOOKUP, map(_FIELDS, items))):
            source = sources.get(key[0])
            self._lookups[key] = source.text.find(*key[1:]) if source is not None else None
        results: list[QuoteResult | None] = list(map(self._lookups.__getitem__, map(_LOOKUP, map(_FIELDS, items))))
        if all(result is not None for result in self._lookups.values()):
            return range(len(items)), results  # type: ignore[return-value]
        known = list(map(is_not, results, repeat(None)))
        return list(compress(range(len(items)), known)), list(compress(results, known))

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
    """A diagnostic code's rule: its one-line summary, the check that reports it (None for codes the
    loader reports) and its documentation."""

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
