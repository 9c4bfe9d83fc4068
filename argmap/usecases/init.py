"""`argmap init`: a new project, never over an existing file."""

from __future__ import annotations

from pathlib import Path

from argmap.authoring.starter import InitProject, init_project


def init(folder: Path) -> InitProject:
    """Raises :class:`argmap.core.diagnostics.UsageError` (exit 2), writing nothing, when a file of the
    project exists already."""
    return init_project(folder)
