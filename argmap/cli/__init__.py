"""argmap's command line. Nothing in argmap imports it: it sits on top of the use cases.

This module stays light: :func:`main` sets up the process (signals, the cycle collector, the
environment) before the app and the core are imported, so that a Ctrl-C during start-up is
reported like any other."""

from __future__ import annotations

import importlib
import os
import signal
import sys
import types

from argmap.core.collector import run_once  # light: the standard library's gc only

STOP_REASONS = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}


class Stopped(BaseException):
    """A signal asked argmap to stop. Not a KeyboardInterrupt, which typer turns into a silent
    exit 130: this passes every `except Exception` up to main(), which says why argmap stopped,
    and `finally` blocks on the way remove temporary files and folders."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: object) -> None:
    raise Stopped(signum)


# pydantic's plugin loader, and the values of PYDANTIC_DISABLE_PLUGINS for which it finds none
_PLUGIN_LOADER = "pydantic.plugin._loader"
_NO_PLUGINS = ("__all__", "1", "true")


def _plugin_loader_stand_in() -> None:
    """When plugins are off, pydantic's loader would still import importlib.metadata (~17 ms of
    every command) before finding none: a stand-in says at once that there are none. Any other
    name asked of it loads pydantic's own loader, which then takes its place."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _NO_PLUGINS or _PLUGIN_LOADER in sys.modules:
        return
    stand_in = types.ModuleType(_PLUGIN_LOADER, "pydantic's plugin loader while plugins are off (argmap.cli)")

    def __getattr__(name: str) -> object:
        if name.startswith("__"):  # what the import system asks of any module (__path__, ...)
            raise AttributeError(name)
        del sys.modules[_PLUGIN_LOADER]
        return getattr(importlib.import_module(_PLUGIN_LOADER), name)

    stand_in.get_plugins = tuple  # type: ignore[attr-defined]  # no plugin
    stand_in.__getattr__ = __getattr__  # type: ignore[attr-defined]
    sys.modules[_PLUGIN_LOADER] = stand_in


def main() -> None:
    """The `argmap` program: no Python traceback ever reaches the user."""
    # argmap uses no pydantic plugins; skipping their entry-point scan saves ~15 ms per command.
    # Set for argmap's own process only, never for a program that imports argmap, and before
    # the app is imported: pydantic scans when the first model class is made.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _plugin_loader_stand_in()
    previous = {}
    try:
        for signum in STOP_REASONS:
            previous[signum] = signal.signal(signum, _stop)
    except ValueError:  # not the main thread (main() embedded): signals stay as they are
        pass
    try:
        with run_once():  # a command runs once: the cycle collector is off (`serve` turns it on)
            from argmap.cli.application import run

            run()
    except Stopped as stop:
        sys.stderr.write(f"argmap: {STOP_REASONS[stop.signum]}\n")
        sys.exit(128 + stop.signum)  # the shell's convention for "killed by this signal"
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def __getattr__(name: str):
    if name == "app":  # the typer app, for tests and embedding
        from argmap.cli.application import app

        return app
    raise AttributeError(f"module 'argmap.cli' has no attribute {name!r}")
