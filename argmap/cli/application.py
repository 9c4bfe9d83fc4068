"""The command line: a thin typer layer. Each command parses options, calls a use case
(:mod:`argmap.usecases`), hands the outcome to a reporter and exits with the outcome's code.
Errors that carry an exit code (:class:`argmap.core.diagnostics.ArgmapError`) are reported here, once."""

from __future__ import annotations

import difflib
import importlib
import re
import sys
from collections.abc import Iterator, Mapping, MutableMapping

import typer
import typer.main
from typer.core import TyperGroup
from typer.models import CommandInfo, TyperInfo

from argmap import __version__
from argmap.cli import coercion
from argmap.core.diagnostics import ArgmapError, ExitCode

coercion.install()  # values coerced without pydantic where typer's coercion would certainly accept them

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


# Each command's module, imported only when that command runs (or `--help` lists them all):
# `argmap --version` and a plain `check` do not pay for importing every other command.
# In the order `argmap --help` lists them: name -> (module, the typer function or sub-app in it).
COMMANDS = {
    "check": ("argmap.cli.check", "check_command"),
    "render": ("argmap.cli.render", "render_command"),
    "brief": ("argmap.cli.brief", "brief_command"),
    "build": ("argmap.cli.build", "build_command"),
    "docx": ("argmap.cli.docx", "docx_command"),
    "eval": ("argmap.cli.eval", "eval_command"),
    "diff": ("argmap.cli.diff", "diff_command"),
    "quote": ("argmap.cli.quote", "quote_command"),
    "schema": ("argmap.cli.schema", "schema_command"),
    "new": ("argmap.cli.new", "new_command"),
    "migrate": ("argmap.cli.migrate", "migrate_command"),
    "list": ("argmap.cli.list", "list_command"),
    "import": ("argmap.cli.import_", "import_command"),
    "export": ("argmap.cli.export", "export_command"),
    "init": ("argmap.cli.init", "init_command"),
    "serve": ("argmap.cli.serve", "serve_command"),
    "lsp": ("argmap.cli.lsp", "lsp_command"),
    "source": ("argmap.cli.source", "source_app"),
}


def load_command(name: str):
    """The click command of one of :data:`COMMANDS`, built by typer from its module."""
    module, attribute = COMMANDS[name]
    target = getattr(importlib.import_module(module), attribute)
    if isinstance(target, typer.Typer):
        return typer.main.get_group_from_info(TyperInfo(target, name=name), pretty_exceptions_short=app.pretty_exceptions_short,
                                              suggest_commands=app.suggest_commands, rich_markup_mode=app.rich_markup_mode)
    return typer.main.get_command_from_info(CommandInfo(name=name, callback=target),
                                            pretty_exceptions_short=app.pretty_exceptions_short,
                                            rich_markup_mode=app.rich_markup_mode)


class LazyCommands(MutableMapping):
    """The group's commands: every name known from the start (for --help, completion and
    "did you mean"), each command built on first use."""

    def __init__(self, names: Mapping[str, object]):
        self.names = list(names)
        self.loaded: dict = {}

    def __getitem__(self, name: str):
        if name not in self.loaded:
            if name not in self.names:
                raise KeyError(name)
            self.loaded[name] = load_command(name)
        return self.loaded[name]

    def __setitem__(self, name: str, command) -> None:
        if name not in self.names:
            self.names.append(name)
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self.names.remove(name)
        self.loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return name in self.names


class ArgmapGroup(TyperGroup):
    """Maps every :class:`ArgmapError` a command raises to its message and exit code, and words
    a value outside an option's choices as argmap words every "expected X, found Y". Its
    commands are :data:`COMMANDS`, each imported when first needed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(COMMANDS)

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
