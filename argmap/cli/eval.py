"""`argmap eval`: parse options, run :func:`argmap.usecases.eval.run_eval`, print what the chosen
reporter makes of the outcome, exit."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from argmap.core.collector import one_shot
from argmap.cli.options import REPORT_OPTION, SEEDS_OPTION, EvaluationFormat, ReportFormat, choices, report_name
from argmap.evaluate import DEFAULT_SUPPORT_RULE, SupportRule
from argmap.evaluate.limits import MAX_ARGUMENTS
from argmap.core.vocabulary import ALL_SEMANTICS, DEFAULT_SEMANTICS, VERDICT_SEMANTICS
from argmap.evaluate.registry import REGISTRY
from argmap.evaluate.verdict import ROBUSTNESS_SAMPLES

SemanticsChoice = choices("SemanticsChoice", ALL_SEMANTICS)

# What the last evaluation built, held in a reference cycle until the process ends: see _held_to_exit().
_HELD: list = []


def _held_to_exit(outcome: object) -> None:
    """Keeps what a one-shot `argmap eval` built from being freed object by object as the command
    returns: for an ICCMA instance of 100,000 arguments that is a million objects, 5-10% of the
    run. The cycle is frozen with the rest when the command ends (argmap.core.collector.run_once)
    and left to the operating system, which takes back the memory at exit anyway. Called again in
    the same process (tests, programs calling main()), the previous outcome is let go: at most one
    is held. A long-running process (serve, the language server) holds none."""
    _HELD.clear()
    if one_shot():
        _HELD.extend((outcome, _HELD))


def eval_command(
    file: Path = typer.Argument(..., help=f"A map (.yaml) or an ICCMA framework (.apx, .tgf, .af) of at most {MAX_ARGUMENTS:,} arguments.",
        show_default=False),
    semantics: Optional[SemanticsChoice] = typer.Option(
        None, "--semantics", "-s", show_default=False,
        help="; ".join(f"{e.name}: {e.summary}" for e in REGISTRY.values())
        + f". Labels default to {DEFAULT_SEMANTICS}; strengths are for maps only. Also the semantics of the verdict "
        f"(default: the map's expect: semantics, else {VERDICT_SEMANTICS}).",
    ),
    samples: int = typer.Option(
        ROBUSTNESS_SAMPLES, "--samples", min=0, max=100_000, metavar="N",
        help="Robustness samples of the verdict: how often the leader holds when every base score and weight moves a little."),
    format: Optional[EvaluationFormat] = typer.Option(None, "--format", "-f", show_default=False,
                                                      help="text (a table, the default) or json."),
    prep: bool = typer.Option(
        False, "--prep",
        help="Also list, for each side: attacks it has not answered, claims resting on analytic "
        "points or one weak source, and evidence reused across many claims.",
    ),
    supports: Optional[SupportRule] = typer.Option(
        None, "--supports", show_default=False,
        help=f"How supports count under grounded, preferred and stable (default: {DEFAULT_SUPPORT_RULE.value}). "
        "derive: a node supporting X also attacks what X attacks (supported attacks, Cayrol & "
        "Lagasquie-Schiex 2005); ignore: only declared attacks count. Ignored by dfquad and qe, which "
        "weigh supports themselves.",
    ),
    seeds: Path = SEEDS_OPTION,
    report: Optional[ReportFormat] = REPORT_OPTION,
) -> None:
    """Which side is ahead, and which claims stand, fall or stay undecided, and why.

    For a map, prints the verdict first: the side ahead (or contested), the margin (pro minus
    con), how robust it is, and the clashes that decide it. Then each node's label (IN/OUT/UNDEC, shown as stands/falls/undecided) and the
    reason: the attacker that defeats it, or that all its attackers fall. Under preferred and
    stable semantics a node stands if it is in every extension, falls if it is attacked by
    every extension, and is undecided otherwise. A map with check errors is not evaluated: its
    diagnostics are printed as `argmap check` prints them (in the --report format, else the
    --format one) and the exit code is 1.

    Under dfquad or qe, prints each node's strength from 0 to 1 (rounded; unrounded in JSON)
    and its base score: its weight, else derived from its evidence. --prep then ranks the
    unanswered attacks by how much answering them would raise the side's thesis.

    Example: argmap eval maps/nato-expansion.yaml --prep
    """
    from argmap.reporters import get_evaluation_reporter, get_reporter
    from argmap.reporters.text import format_diagnostics
    from argmap.usecases.eval import EvalRequest, run_eval

    outcome = run_eval(EvalRequest(file, SemanticsChoice(semantics).value if semantics is not None else None, seeds,
                                   SupportRule(supports) if supports is not None else None, prep, samples))
    for note in outcome.notes:
        typer.echo(note, err=True)
    if outcome.evaluation is None:
        # an explicit --format json keeps a script's JSON even under GitHub Actions
        typer.echo(get_reporter(report_name(report or format)).unevaluated(outcome))
    else:
        if outcome.diagnostics:  # warnings (or differences from `expect:`) the check found: beside the labels
            typer.echo(format_diagnostics(outcome.diagnostics), err=True)
        typer.echo(get_evaluation_reporter((format or EvaluationFormat.text).value).evaluation(outcome))
    _held_to_exit(outcome)
    raise typer.Exit(outcome.exit_code)
