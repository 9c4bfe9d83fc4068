"""`argmap eval`: read a map or an ICCMA framework, evaluate it, prepare lists.

The CLI prints what a reporter (:mod:`argmap.reporters`) makes of the :class:`EvalOutcome`
returned here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.core.diagnostics import Diagnostic, ExitCode, UsageError
from argmap.evaluate.bipolar import DEFAULT_SUPPORT_RULE, SupportRule
from argmap.evaluate.iccma import PARSERS, is_framework_file, parse_framework_file
from argmap.evaluate.registry import entry, evaluate, framework_semantics, map_verdict
from argmap.evaluate.semantics import TooManyExtensions
from argmap.evaluate.verdict import ROBUSTNESS_SAMPLES, headline_semantics
from argmap.core.folders import DEFAULT_SEEDS
from argmap.core.vocabulary import DEFAULT_SEMANTICS

if TYPE_CHECKING:  # what only a map's evaluation makes: a framework is evaluated without loading them
    from argmap.evaluate.labels import Evaluation
    from argmap.evaluate.mapeval import MapEvaluation
    from argmap.evaluate.prep import Preparation
    from argmap.evaluate.verdict import MapVerdict


@dataclass(frozen=True)
class EvalRequest:
    path: Path
    semantics: str | None = None  # None: not chosen; labels under the default, the verdict under the map's headline one
    seeds: Path = DEFAULT_SEEDS
    supports: SupportRule | None = None  # None: not chosen, the default rule
    prep: bool = False
    samples: int = ROBUSTNESS_SAMPLES  # the verdict's robustness samples


@dataclass(frozen=True)
class EvalOutcome:
    """Either ``problems`` (the input has errors: nothing was evaluated) or an evaluation;
    ``map_evaluation`` and ``preparation`` are set for maps only."""

    path: str
    problems: tuple[Diagnostic, ...] = ()
    evaluation: Evaluation | None = None
    map_evaluation: MapEvaluation | None = None
    preparation: Preparation | None = None
    verdict: MapVerdict | None = None  # maps with a thesis on each side
    notes: tuple[str, ...] = ()  # about the options, for stderr

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.problems

    @property
    def exit_code(self) -> int:
        return ExitCode.CLEAN if self.evaluation is not None else ExitCode.INPUT_ERRORS


def run_eval(request: EvalRequest) -> EvalOutcome:
    """Raises :class:`UsageError` when the command cannot run (missing file, unknown kind)."""
    path = request.path
    if not path.is_file():
        raise UsageError(f"{path}: no such file" if not path.exists() else f"{path}: not a file",
                         "argmap eval takes one map (.yaml) or ICCMA framework (.apx, .tgf, .af)")
    if is_framework_file(path):
        return _eval_framework(request)
    from argmap.core.project import MAP_SUFFIXES  # the project's reader: maps only

    if path.suffix.lower() in MAP_SUFFIXES:
        return _eval_map(request)
    raise UsageError(f"{path}: cannot tell what this file is from its suffix",
                     f"expected a map ({', '.join(MAP_SUFFIXES)}) or an ICCMA framework ({', '.join(PARSERS)})")


def _eval_framework(request: EvalRequest) -> EvalOutcome:
    semantics = request.semantics or DEFAULT_SEMANTICS
    if not entry(semantics).takes_frameworks:
        raise UsageError(f"{semantics} semantics needs base scores, and an abstract framework has none",
                         f"evaluate a map for gradual strengths, or choose one of {', '.join(framework_semantics())}",
                         setting="semantics")
    if request.prep:
        raise UsageError("preparation lists need an argument map: an abstract framework has no sides or evidence",
                         setting="prep")
    parsed = parse_framework_file(request.path)
    if parsed.framework is None:
        return EvalOutcome(str(request.path), problems=tuple(parsed.diagnostics))
    return EvalOutcome(str(request.path), evaluation=evaluate(parsed.framework, semantics))


def _eval_map(request: EvalRequest) -> EvalOutcome:
    # imported here: an ICCMA framework is evaluated without loading the checker and its rules
    from argmap.checks.expect import EXPECT_CODES
    from argmap.core.project import RegistryNotMap
    from argmap.evaluate.prep import prepare
    from argmap.usecases.check import check

    checked = check([request.path], request.seeds)
    # A map is evaluated only when `argmap check` finds no error in it. Differences from its
    # own `expect:` block do not count: showing the computed labels is what helps fix them.
    blocking = [d for d in checked.diagnostics if d.is_error and d.code not in EXPECT_CODES]
    if not checked.project.map_count:
        raise RegistryNotMap(request.path, "check it with `argmap check`")
    if blocking or checked.project.unloaded_maps:
        (named,) = checked.project.maps or checked.project.unloaded_maps
        return EvalOutcome(named.display, problems=tuple(checked.diagnostics))
    (document,) = checked.project.maps
    notes: tuple[str, ...] = ()
    semantics = request.semantics or DEFAULT_SEMANTICS
    if request.supports is not None and entry(semantics).weighs_supports:
        notes = (f"note: --supports is ignored under {semantics} semantics, which weighs supports itself",)
    rule = request.supports or DEFAULT_SUPPORT_RULE
    map_evaluation = checked.evaluations.of(document.model, semantics, rule)
    preparation = None
    if request.prep:
        sources = checked.project.registered
        preparation = prepare(document.model, sources, map_evaluation)
    # the verdict under the semantics asked for, else the map's headline one
    verdict_semantics = request.semantics or headline_semantics(document.model)
    try:
        verdict = map_verdict(document.model, verdict_semantics, checked.project.registered, samples=request.samples,
                              labelled=lambda: checked.evaluations.of(document.model, verdict_semantics, rule))
    except TooManyExtensions as error:  # the `expect:` semantics (AM604): the labels asked for are shown still
        verdict, notes = None, (*notes, f"note: no verdict: {error.message}")
    return EvalOutcome(document.display, problems=tuple(checked.diagnostics), evaluation=map_evaluation.evaluation,
                       map_evaluation=map_evaluation, preparation=preparation, verdict=verdict, notes=notes)
