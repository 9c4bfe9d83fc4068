"""`argmap diff`: parse options, run :func:`argmap.usecases.diff.run_diff`, print what the chosen
diff reporter makes of the outcome, exit 0 (nothing changed in the debate), 1 (something did) or
2 (it could not compare)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from argmap.cli.options import SEEDS_OPTION, choices
from argmap.reporters.diff import DIFF_REPORTERS

DiffFormat = choices("DiffFormat", DIFF_REPORTERS)


def diff_command(
    maps: Optional[list[str]] = typer.Argument(
        None, metavar="MAPS", show_default=False,
        help="Two versions of a map, each a file or REV:PATH (the map at a git revision, e.g. main:maps/x.yaml). "
        "With --base: the map files or folders to look in (default: maps/)."),
    base: Optional[str] = typer.Option(
        None, "--base", metavar="REV", show_default=False,
        help="Compare every map changed since the git revision REV (a branch, tag or commit) with the working tree."),
    seeds: Path = SEEDS_OPTION,
    format: DiffFormat = typer.Option(  # type: ignore[valid-type]
        "text", "--format", "-f",
        help="text; json; markdown (for a pull-request comment or $GITHUB_STEP_SUMMARY); github (a notice on each changed map)."),
) -> None:
    """What changed in the debate between two versions of a map.

    Nodes added, removed, retitled or reworded; relations added, removed or reweighted; evidence
    added, removed or requoted; sources whose pin changed; and what that did: the verdict (leader,
    margin, robustness), labels and strengths (changes of 0.05 or more) before and after, both
    versions evaluated under the new version's headline semantics. A comment or layout edit is
    no change.

    Exit codes: 0 nothing changed in the debate; 1 something did; 2 the command could not
    compare (a missing file, an unknown revision, a version that is not a valid map).

    Examples: argmap diff main:maps/x.yaml maps/x.yaml; argmap diff --base origin/main --format markdown
    """
    from argmap.reporters.text import format_diagnostics
    from argmap.usecases.diff import DiffRequest, run_diff

    outcome = run_diff(DiffRequest(tuple(maps or ()), base, seeds))
    reporter = DIFF_REPORTERS[DiffFormat(format).value]()
    if reporter.for_people and outcome.problems:
        typer.echo(format_diagnostics(outcome.problems), err=True)
    typer.echo(reporter.render(outcome))
    raise typer.Exit(outcome.exit_code)
