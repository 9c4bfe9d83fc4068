"""The command line: a thin typer layer. Each command parses options, calls a use case
(:mod:`argmap.usecases`), hands the outcome to a reporter and exits with the outcome's code.
Errors that carry an exit code (:class:`argmap.core.diagnostics.ArgmapError`) are reported here, once."""

from __future__ import annotations

import difflib
import re
import sys

import typer
from typer.core import TyperGroup

from argmap import __version__
from argmap.cli.init import init_command
from argmap.cli.migrate import migrate_command
from argmap.cli.new import new_command
from argmap.cli.quote import quote_command
from argmap.cli.schema import schema_command
from argmap.cli.serve import serve_command
from argmap.cli.source import source_app
from argmap.cli.brief import brief_command
from argmap.cli.build import build_command
from argmap.cli.check import check_command
from argmap.cli.diff import diff_command
from argmap.cli.docx import docx_command
from argmap.cli.eval import eval_command
from argmap.cli.export import export_command
from argmap.cli.import_ import import_command
from argmap.cli.list import list_command
from argmap.cli.lsp import lsp_command
from argmap.cli.render import render_command
from argmap.core.diagnostics import ArgmapError, ExitCode

# The core names the setting at fault in its own words; the CLI says which option sets it.
OPTION_FOR_SETTING = {"depth": "--depth", "focus": "--focus", "prep": "--prep", "limit": "--limit",
                      "semantics": "--semantics", "id": "--id", "lang": "--lang", "reliability": "--reliability",
                      "host": "--host", "port": "--port", "timeout": "--timeout"}


def report_error(error: ArgmapError) -> None:
    """Print a could-not-run error to stderr: `argmap: error: [--option: ]message`, hint below."""
    option = OPTION_FOR_SETTING.get(error.setting or "")
    typer.echo(f"argmap: error: {f'{option}: ' if option else ''}{error.message}", err=True)
    if error.hint:
        typer.echo(f"    {error.hint}", err=True)


# How typer words a value outside an option's choices (its validation's own prefix included).
_NOT_A_CHOICE = re.compile(r"^(?:Value error, )?(?P<value>'.*') is not one of (?P<choices>.*?)\.?$", re.S)


def choice_message(message: str) -> str:
    """typer's "Value error, 'svgg' is not one of 'svg', 'png'." in argmap's words: expected
    one of the choices, found the value, and the nearest choice when one is close."""
    matched = _NOT_A_CHOICE.match(message)
    if matched is None:
        return message
    value, choices = matched["value"], [c.strip() for c in matched["choices"].split(",")]
    text = f"expected one of {', '.join(choices)}; found {value}"
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f"{text} (did you mean {close[0]}?)" if close else text


class ArgmapGroup(TyperGroup):
    """Maps every :class:`ArgmapError` a command raises to its message and exit code, and words
    a value outside an option's choices as argmap words every "expected X, found Y"."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ArgmapError as error:
            report_error(error)
            raise typer.Exit(error.exit_code) from None
        except typer.BadParameter as error:
            error.message = choice_message(error.message)
            raise


app = typer.Typer(
    name="argmap",
    cls=ArgmapGroup,
    help="Argument maps in YAML: check citations, evaluate which claims stand, render diagrams and debate briefs.\n\n"
    "Exit codes: 0 clean; 1 the input has errors (or warnings, with --strict); 2 the command could not run.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="Show the version and exit."),
) -> None:
    """argmap: argument maps with verified citations."""


# in the order `argmap --help` lists them
for name, command in (
    ("check", check_command),
    ("render", render_command),
    ("brief", brief_command),
    ("build", build_command),
    ("docx", docx_command),
    ("eval", eval_command),
    ("diff", diff_command),
    ("quote", quote_command),
    ("schema", schema_command),
    ("new", new_command),
    ("migrate", migrate_command),
    ("list", list_command),
    ("import", import_command),
    ("export", export_command),
    ("init", init_command),
    ("serve", serve_command),
    ("lsp", lsp_command),
):
    app.command(name)(command)
app.add_typer(source_app, name="source")


def run() -> None:
    """The app, with the user's environment told apart from argmap's bugs (no traceback ever)."""
    try:
        app()
    except OSError as error:  # a file or folder the system refused: the user's environment, not a bug
        where = f"{error.filename}: " if error.filename else ""
        typer.echo(f"argmap: error: {where}{error.strerror or error}", err=True)
        sys.exit(ExitCode.CANNOT_RUN)
    except Exception as error:  # noqa: BLE001 - last line of defence, reported plainly
        typer.echo(f"argmap: internal error: {type(error).__name__}: {error}", err=True)
        typer.echo("    this is a bug in argmap; please report it with the command and input that caused it", err=True)
        sys.exit(ExitCode.CANNOT_RUN)
