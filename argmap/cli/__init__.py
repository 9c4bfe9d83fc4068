"""argmap's command line. Nothing in argmap imports it: it sits on top of the use cases."""

from __future__ import annotations

import os


def main() -> None:
    """The `argmap` program."""
    # argmap uses no pydantic plugins; skipping their entry-point scan saves ~15 ms per command.
    # Set for argmap's own process only, never for a program that imports argmap, and before
    # the app is imported: pydantic scans when the first model class is made.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from argmap.cli.application import main as run

    run()


def __getattr__(name: str):
    if name == "app":  # the typer app, for tests and embedding
        from argmap.cli.application import app

        return app
    raise AttributeError(f"module 'argmap.cli' has no attribute {name!r}")
