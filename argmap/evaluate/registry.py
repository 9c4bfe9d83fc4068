"""The semantics argmap computes, one table line each: its name, its kind, what it is in a few
words, how a map is evaluated under it, and how a verdict reads a thesis from the result.

The names and kinds follow :data:`argmap.core.vocabulary.SEMANTICS_KINDS`, the map format's own
list (a test keeps the two equal). A semantics of a new kind of computation is a module (like
:mod:`.semantics` for labellings or :mod:`.gradual` for strengths) plus a line here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from argmap.core.model import ArgMap, Source
from argmap.core.vocabulary import DEFAULT_SEMANTICS, SEMANTICS_KINDS, SemanticsKind

from .bipolar import DEFAULT_SUPPORT_RULE, SupportRule
from .labels import Label
from .mapeval import MapEvaluation, evaluate_labels
from .strength import map_strengths

# (map, support rule, registered sources, the grounded evaluation when computed already) -> evaluation
MapEvaluator = Callable[[ArgMap, SupportRule, Mapping[str, Source], MapEvaluation | None], MapEvaluation]

# A thesis's score in a verdict under a labelling semantics: what its label is worth.
LABEL_SCORE = {Label.IN: 1.0, Label.UNDEC: 0.5, Label.OUT: 0.0}


@dataclass(frozen=True)
class SemanticsEntry:
    name: str
    kind: SemanticsKind
    summary: str  # for --help and the docs: what it computes, in a few words
    evaluate: MapEvaluator
    thesis_score: Callable[[MapEvaluation, str], float]  # a thesis's score, as the verdict reads it

    @property
    def gradual(self) -> bool:
        return self.kind == "gradual"


def _labels(name: str) -> MapEvaluator:
    def evaluate(argmap: ArgMap, rule: SupportRule, sources: Mapping[str, Source],
                 labelled: MapEvaluation | None) -> MapEvaluation:
        return evaluate_labels(argmap, name, rule)
    return evaluate


def _strengths(name: str) -> MapEvaluator:
    def evaluate(argmap: ArgMap, rule: SupportRule, sources: Mapping[str, Source],
                 labelled: MapEvaluation | None) -> MapEvaluation:
        # a gradual semantics reads supports itself; its labels are the grounded ones, for every reader of labels
        labelled = labelled or evaluate_labels(argmap, DEFAULT_SEMANTICS, DEFAULT_SUPPORT_RULE)
        return replace(labelled, gradual=map_strengths(argmap, name, sources))
    return evaluate


def _label_score(evaluation: MapEvaluation, node_id: str) -> float:
    return LABEL_SCORE[evaluation.verdicts[node_id].label]


def _strength_score(evaluation: MapEvaluation, node_id: str) -> float:
    return evaluation.gradual.strengths[node_id]  # type: ignore[union-attr]  # set under a gradual semantics


def _entry(name: str, summary: str) -> SemanticsEntry:
    kind = SEMANTICS_KINDS[name]
    if kind == "gradual":
        return SemanticsEntry(name, kind, summary, _strengths(name), _strength_score)
    return SemanticsEntry(name, kind, summary, _labels(name), _label_score)


REGISTRY: dict[str, SemanticsEntry] = {entry.name: entry for entry in (
    _entry("grounded", "one sceptical answer: the least set of nodes that defend themselves"),
    _entry("preferred", "maximal admissible sets: a node stands if it is in every one"),
    _entry("stable", "sets that attack every node outside them: a node stands if it is in every one"),
    _entry("dfquad", "DF-QuAD: a strength from 0 to 1, attackers and supporters combined by the probabilistic sum"),
    _entry("qe", "quadratic energy: a strength from 0 to 1, from the sum of supporters' minus attackers' strengths"),
)}


def entry(name: str) -> SemanticsEntry:
    """The table line of ``name``; a name argmap does not know is a usage error (exit 2)."""
    from argmap.core.diagnostics import UsageError

    try:
        return REGISTRY[name]
    except KeyError:
        raise UsageError(f"unknown semantics '{name}'", f"choose one of: {', '.join(REGISTRY)}") from None


def is_gradual(name: str) -> bool:
    return entry(name).gradual


def evaluate_map(
    argmap: ArgMap,
    semantics: str = DEFAULT_SEMANTICS,
    rule: SupportRule = DEFAULT_SUPPORT_RULE,
    sources: Mapping[str, Source] | None = None,
    labelled: MapEvaluation | None = None,
) -> MapEvaluation:
    """The map evaluated under ``semantics``. ``sources`` (the registry) gives gradual semantics
    the reliabilities base scores are derived from; a gradual semantics reads supports itself, so
    ``rule`` is then ignored and the labels are the grounded ones under the default rule
    (``labelled``, when already computed)."""
    return entry(semantics).evaluate(argmap, rule, sources or {}, labelled)
