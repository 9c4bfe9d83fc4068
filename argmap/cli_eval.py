"""`argmap eval`: the typer command. Parses options, runs :func:`argmap.evaluate.command.run_eval`
and prints what the chosen reporter makes of the outcome."""

from __future__ import annotations

from pathlib import Path

import typer

from argmap.cli import SEEDS_OPTION, choices, fail
from argmap.diagnostics import UsageError
from argmap.evaluate import DEFAULT_SUPPORT_RULE, SEMANTICS, SupportRule
from argmap.evaluate.iccma import MAX_ARGUMENTS
from argmap.vocabulary import DEFAULT_SEMANTICS
from argmap.evaluate.report import EVAL_REPORTERS, get_eval_reporter

SemanticsChoice = choices("SemanticsChoice", SEMANTICS)
EvalFormat = choices("EvalFormat", EVAL_REPORTERS)


def eval_command(
    file: Path = typer.Argument(..., help=f"A map (.yaml) or an ICCMA framework (.apx, .tgf, .af) of at most {MAX_ARGUMENTS:,} arguments.",
        show_default=False),
    semantics: SemanticsChoice = typer.Option(
        DEFAULT_SEMANTICS, "--semantics", "-s",
        help="grounded (one sceptical answer), preferred (maximal admissible sets) or stable.",
    ),
    format: EvalFormat = typer.Option("text", "--format", "-f", help="text (a table) or json."),
    prep: bool = typer.Option(
        False, "--prep",
        help="Also list, for each side: attacks it has not answered, claims resting on analytic "
        "points or one weak source, and evidence reused across many claims.",
    ),
    supports: SupportRule = typer.Option(
        DEFAULT_SUPPORT_RULE.value, "--supports",
        help="derive: a node supporting X also attacks what X attacks (supported attacks, "
        "Cayrol & Lagasquie-Schiex 2005); ignore: only declared attacks count.",
    ),
    seeds: Path = SEEDS_OPTION,
) -> None:
    """Which claims stand, fall or stay undecided, and why.

    For a map, prints each node's label (IN/OUT/UNDEC, shown as stands/falls/undecided) and the
    reason: the attacker that defeats it, or that all its attackers fall. Under preferred and
    stable semantics a node stands if it is in every extension, falls if it is attacked by
    every extension, and is undecided otherwise. A map with check errors is not evaluated: its
    diagnostics are printed as `argmap check` prints them and the exit code is 1.

    Example: argmap eval maps/nato-expansion.yaml --prep
    """
    from argmap.evaluate.command import EvalRequest, run_eval

    request = EvalRequest(file, SemanticsChoice(semantics).value, seeds, SupportRule(supports), prep)
    try:
        outcome = run_eval(request)
    except UsageError as error:
        raise fail(error) from None
    typer.echo(get_eval_reporter(EvalFormat(format).value).render(outcome))
    raise typer.Exit(outcome.exit_code)
