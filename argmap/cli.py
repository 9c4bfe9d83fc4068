"""The command line: a thin typer layer. Each command parses options, calls the core, prints
what a reporter made of the result, and exits with the code the core returns."""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from argmap import __version__
from argmap.diagnostics import ExitCode, UsageError

app = typer.Typer(
    name="argmap",
    help="Argument maps in YAML: check citations, evaluate which claims stand, render diagrams and debate briefs.\n\n"
    "Exit codes: 0 clean; 1 the input has errors (or warnings, with --strict); 2 the command could not run.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

SEEDS_OPTION = typer.Option(Path("seeds"), "--seeds", help="Folder holding the source documents and sources.yaml.")
# `--out` was the name on brief and build before every command took -o/--output; still accepted
OUT_ALIAS = typer.Option(None, "--out", hidden=True, show_default=False)


def output_option(what: str, default: Path):
    """The -o/--output option of a command that writes ``what`` into a folder (``default``
    unless given: the core's own default, named in the help)."""
    return typer.Option(None, "--output", "-o", show_default=False,
                        help=f"Folder for {what} (default: {default}/; created if missing).")


def output_folder(output: Path | None, alias: Path | None, default: Path) -> Path:
    """The folder chosen with -o/--output (or its old name --out), else ``default``."""
    if output is not None and alias is not None and output != alias:
        raise UsageError(f"-o/--output {output} and --out {alias} disagree",
                         "--out is the old name of --output: give one")
    return output or alias or default


def fail(error: UsageError) -> typer.Exit:
    """Print a could-not-run error to stderr; return the exit to raise."""
    typer.echo(f"argmap: error: {error.message}", err=True)
    if error.hint:
        typer.echo(f"    {error.hint}", err=True)
    return typer.Exit(ExitCode.CANNOT_RUN)


def choices(name: str, values: Iterable[str]) -> type[Enum]:
    """An option's choices as the Enum typer wants, made from the core's own list of names."""
    return Enum(name, {value: value for value in values}, type=str)


def report_formats() -> type[Enum]:
    """The --format choices: one per registered reporter."""
    from argmap.reporters import REPORTERS

    return choices("ReportFormat", sorted(REPORTERS))


ReportFormat = report_formats()


def default_report_format() -> str:
    """GitHub Actions sets GITHUB_ACTIONS=true; annotations are what it shows best."""
    from argmap.reporters import REPORTERS

    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in REPORTERS else "text"


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="Show the version and exit."),
) -> None:
    """argmap: argument maps with verified citations."""


@app.command("check")
def check_command(
    paths: Optional[list[Path]] = typer.Argument(None, help="Map files or folders (default: maps/); in a folder, hidden files and folders are skipped "
        "and a sources registry is validated as one.", show_default=False),
    seeds: Path = SEEDS_OPTION,
    format: Optional[ReportFormat] = typer.Option(
        None, "--format", "-f", show_default=False,
        help="Output format (default: text; github when GITHUB_ACTIONS=true).",
    ),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
) -> None:
    """Validate maps and verify every quote against its source.

    Every problem is collected before exiting, each as `path:line:col: severity code: message`
    with hints indented below, then a summary line.

    Example: argmap check --strict maps/
    """
    from argmap.check import check
    from argmap.reporters import get_reporter

    try:
        result = check(paths, seeds)
    except UsageError as error:
        raise fail(error) from None
    typer.echo(get_reporter(format.value if format else default_report_format()).render(result))
    raise typer.Exit(result.exit_code(strict))


# --- the other commands: each module holds its command bodies; they are registered here, in
# the order `argmap --help` lists them (after `check`).
from argmap import cli_brief, cli_editor, cli_eval, cli_render  # noqa: E402  (they import this module)

for name, command in (
    ("render", cli_render.render_command),
    ("brief", cli_brief.brief_command),
    ("build", cli_brief.build_command),
    ("eval", cli_eval.eval_command),
    ("quote", cli_editor.quote_command),
    ("schema", cli_editor.schema_command),
    ("new", cli_editor.new_command),
):
    app.command(name)(command)


class Stopped(BaseException):
    """A signal asked argmap to stop. Not a KeyboardInterrupt, which typer turns into a silent
    exit 130: this passes every `except Exception` up to main(), which says why argmap stopped,
    and `finally` blocks on the way remove temporary files and folders."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


STOP_REASONS = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}


def _stop(signum: int, frame: object) -> None:
    raise Stopped(signum)


def main() -> None:
    """Entry point: no Python traceback ever reaches the user."""
    # A command runs once and exits. The ~10^5 objects a large map becomes hold no reference
    # cycles worth collecting, and the collector's repeated passes over them cost ~15% of a
    # 10,000-node check; memory is returned at exit anyway.
    gc.disable()
    previous = {}
    try:
        for signum in STOP_REASONS:
            previous[signum] = signal.signal(signum, _stop)
    except ValueError:  # not the main thread (main() embedded): signals stay as they are
        pass
    try:
        app()
    except Stopped as stop:
        typer.echo(f"argmap: {STOP_REASONS[stop.signum]}", err=True)
        sys.exit(128 + stop.signum)  # the shell's convention for "killed by this signal"
    except OSError as error:  # a file or folder the system refused: the user's environment, not a bug
        where = f"{error.filename}: " if error.filename else ""
        typer.echo(f"argmap: error: {where}{error.strerror or error}", err=True)
        sys.exit(ExitCode.CANNOT_RUN)
    except Exception as error:  # noqa: BLE001 - last line of defence, reported plainly
        typer.echo(f"argmap: internal error: {type(error).__name__}: {error}", err=True)
        typer.echo("    this is a bug in argmap; please report it with the command and input that caused it", err=True)
        sys.exit(ExitCode.CANNOT_RUN)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        gc.enable()  # main() is also called in-process (tests, embedding)


if __name__ == "__main__":  # pragma: no cover
    main()
