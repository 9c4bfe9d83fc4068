"""The semantics argmap computes: one object each, registered by one table line.

An entry says what a semantics is (name, kind, a summary for --help and the docs), how a map is
evaluated under it, and how its verdict reads a thesis from the result. There are two kinds of
entry, one per family of computation:

* :class:`Labels`: a Dung semantics, given by a function from a framework to its complete
  labellings (:mod:`.semantics` holds grounded, preferred and stable); a node stands, falls or
  is undecided, and a thesis is worth what its label is (:data:`LABEL_SCORE`);
* :class:`Strengths`: a gradual semantics, given by its formula (:class:`.formula.GradualFormula`,
  one module each: :mod:`.dfquad`, :mod:`.qe`), which both of its engines run; a node has a
  strength from 0 to 1, and so has a thesis.

Whatever reads an evaluation reads what it shows per node (:class:`.mapeval.MapEvaluation`'s
``scores`` or ``shown_verdicts``) and asks the entry the rest; no reader asks which kind it is.
A new semantics is a module plus a line in the table below (and its line in
:data:`argmap.core.vocabulary.SEMANTICS_KINDS`, the map format's list, which a test keeps equal
to this one); docs/development.md says how.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from argmap.core.vocabulary import DEFAULT_SEMANTICS, SemanticsKind

from .bipolar import DEFAULT_SUPPORT_RULE, SupportRule
from .dfquad import DFQUAD
from .formula import FORMULAS, GradualFormula
from .framework import Framework
from .labels import Evaluation, Label
from .qe import QE
from .semantics import (Labelling, UnknownSemantics, grounded_labellings, label_framework, preferred_labellings,
                        stable_labellings)
from .verdict import CONTESTED_BAND, ROBUSTNESS_SAMPLES, ROBUSTNESS_SEED, label_verdict, strength_verdict

# The map model (pydantic) and the map engines are imported where a map is evaluated: an ICCMA
# framework (`argmap eval FILE.apx`) is labelled without them, and importing them was a tenth
# of such a run.
if TYPE_CHECKING:
    from argmap.core.model import ArgMap, Source

    from .mapeval import MapEvaluation
    from .verdict import MapVerdict

# A thesis's score in a verdict under a labelling semantics: what its label is worth.
LABEL_SCORE = {Label.IN: 1.0, Label.UNDEC: 0.5, Label.OUT: 0.0}


@dataclass(frozen=True)
class SemanticsEntry(ABC):
    """A semantics of the registry: its name and summary; its kind and how it evaluates a map and
    reads a verdict are the subclass's."""

    name: str
    summary: str  # for --help and the docs: what it computes, in a few words
    kind: ClassVar[SemanticsKind]
    contested_band: ClassVar[float]  # a verdict's margin within this of 0 names no leader
    score_basis: ClassVar[str]  # what a side's score in a verdict is, in words
    # the semantics whose labels an evaluation under this one carries (for every reader of
    # labels: diagrams, briefs, --prep); None: its own
    labels_from: ClassVar[str | None]
    weighs_supports: ClassVar[bool]  # it reads supports itself: no support rule applies
    takes_frameworks: ClassVar[bool]  # it evaluates an abstract framework (an ICCMA file): no base scores

    def support_rule(self, rule: SupportRule) -> SupportRule:
        """The rule supports are read by when ``rule`` is asked for."""
        return DEFAULT_SUPPORT_RULE if self.weighs_supports else rule

    @abstractmethod
    def evaluate(self, argmap: ArgMap, rule: SupportRule, sources: Mapping[str, Source],
                 labelled: MapEvaluation | None) -> MapEvaluation:
        """The map evaluated; ``labelled`` is its evaluation under :attr:`labels_from`, when
        computed already."""

    @abstractmethod
    def thesis_score(self, evaluation: MapEvaluation, node_id: str) -> float:
        """A thesis's score, as the verdict reads it."""

    @abstractmethod
    def verdict(self, argmap: ArgMap, sources: Mapping[str, Source], samples: int, seed: int,
                labelled: Callable[[], MapEvaluation], what_ifs: bool) -> MapVerdict:
        """The map's verdict (both sides have a thesis); ``labelled()`` is the map's evaluation
        under this semantics, computed once for a run."""

    def register(self) -> None:
        """What the engines look up by name (a gradual formula): see :func:`register`."""


@dataclass(frozen=True)
class Labels(SemanticsEntry):
    """A Dung semantics: the complete labellings of a framework, read sceptically."""

    labellings: Callable[[Framework], list[Labelling]]
    kind: ClassVar[SemanticsKind] = "labels"
    contested_band: ClassVar[float] = 0.0
    score_basis: ClassVar[str] = "each side's strongest thesis: stands 1, undecided 0.5, falls 0"
    labels_from: ClassVar[str | None] = None
    weighs_supports: ClassVar[bool] = False
    takes_frameworks: ClassVar[bool] = True

    def evaluate(self, argmap: ArgMap, rule: SupportRule, sources: Mapping[str, Source],
                 labelled: MapEvaluation | None) -> MapEvaluation:
        from .mapeval import evaluate_labels

        return evaluate_labels(argmap, self.name, rule, self.labellings)

    def label(self, framework: Framework) -> Evaluation:
        """An abstract framework's labels (an ICCMA file)."""
        return label_framework(framework, self.name, self.labellings)

    def thesis_score(self, evaluation: MapEvaluation, node_id: str) -> float:
        return LABEL_SCORE[evaluation.verdicts[node_id].label]

    def verdict(self, argmap: ArgMap, sources: Mapping[str, Source], samples: int, seed: int,
                labelled: Callable[[], MapEvaluation], what_ifs: bool) -> MapVerdict:
        return label_verdict(argmap, self, labelled(), what_ifs)


@dataclass(frozen=True)
class Strengths(SemanticsEntry):
    """A gradual semantics: a strength from 0 to 1 per node, by its formula."""

    formula: GradualFormula
    kind: ClassVar[SemanticsKind] = "gradual"
    contested_band: ClassVar[float] = CONTESTED_BAND
    score_basis: ClassVar[str] = "the strength of each side's strongest thesis"
    labels_from: ClassVar[str | None] = DEFAULT_SEMANTICS
    weighs_supports: ClassVar[bool] = True
    takes_frameworks: ClassVar[bool] = False

    def evaluate(self, argmap: ArgMap, rule: SupportRule, sources: Mapping[str, Source],
                 labelled: MapEvaluation | None) -> MapEvaluation:
        from .strength import map_strengths

        labelled = labelled or REGISTRY[self.labels_from].evaluate(argmap, DEFAULT_SUPPORT_RULE, sources, None)
        return replace(labelled, gradual=map_strengths(argmap, self.name, sources))

    def thesis_score(self, evaluation: MapEvaluation, node_id: str) -> float:
        return evaluation.scores[node_id]

    def verdict(self, argmap: ArgMap, sources: Mapping[str, Source], samples: int, seed: int,
                labelled: Callable[[], MapEvaluation], what_ifs: bool) -> MapVerdict:
        return strength_verdict(argmap, self, sources, samples, seed, what_ifs)

    def register(self) -> None:
        FORMULAS[self.name] = self.formula


REGISTRY: dict[str, SemanticsEntry] = {}


def register(semantics: SemanticsEntry) -> SemanticsEntry:
    """Adds a semantics to the table (its name must also be a line of the format's
    :data:`argmap.core.vocabulary.SEMANTICS_KINDS`, of the same kind)."""
    REGISTRY[semantics.name] = semantics
    semantics.register()
    return semantics


for _line in (
    Labels("grounded", "one sceptical answer: the least set of nodes that defend themselves", grounded_labellings),
    Labels("preferred", "maximal admissible sets: a node stands if it is in every one", preferred_labellings),
    Labels("stable", "sets that attack every node outside them: a node stands if it is in every one",
              stable_labellings),
    Strengths("dfquad", "DF-QuAD: a strength from 0 to 1, attackers and supporters combined by the probabilistic sum",
              DFQUAD),
    Strengths("qe", "quadratic energy: a strength from 0 to 1, from the sum of supporters' minus attackers' strengths",
              QE),
):
    register(_line)



def framework_semantics() -> tuple[str, ...]:
    """The semantics of an abstract framework (an ICCMA file), which has no base scores."""
    return tuple(name for name, found in REGISTRY.items() if found.takes_frameworks)


def evaluate(framework: Framework, semantics: str = DEFAULT_SEMANTICS) -> Evaluation:
    """An abstract framework's labels under ``semantics``; one that does not label frameworks
    is :class:`UnknownSemantics`."""
    found = REGISTRY.get(semantics)
    if not isinstance(found, Labels):
        raise UnknownSemantics(f"unknown semantics {semantics!r}; choose one of {', '.join(framework_semantics())}")
    return found.label(framework)


def entry(name: str) -> SemanticsEntry:
    """The table line of ``name``; a name argmap does not know is a usage error (exit 2)."""
    from argmap.core.diagnostics import UsageError

    try:
        return REGISTRY[name]
    except KeyError:
        raise UsageError(f"unknown semantics '{name}'", f"choose one of: {', '.join(REGISTRY)}") from None


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
    found = entry(semantics)
    return found.evaluate(argmap, found.support_rule(rule), sources or {}, labelled)


def map_verdict(
    argmap: ArgMap,
    semantics: str,
    sources: Mapping[str, Source] | None = None,
    *,
    samples: int = ROBUSTNESS_SAMPLES,
    seed: int = ROBUSTNESS_SEED,
    labelled: Callable[[], MapEvaluation] | None = None,
    what_ifs: bool = True,
) -> MapVerdict | None:
    """The verdict under ``semantics`` (:mod:`.verdict`); None when a side has no thesis (nothing
    to compare). ``labelled`` gives the map's evaluation under ``semantics`` as a run keeps it,
    for a verdict that reads it (a Dung one); without it, the verdict evaluates the map itself.
    ``what_ifs=False`` leaves out the decisive clashes (``decisive`` is empty): one evaluation
    per node and relation, most of the work on a large map."""
    from argmap.core.graph import theses

    if not theses(argmap, "pro") or not theses(argmap, "con"):
        return None
    return entry(semantics).verdict(argmap, sources or {}, samples, seed,
                                    labelled or (lambda: evaluate_map(argmap, semantics)), what_ifs)
