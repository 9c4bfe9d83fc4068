"""Where a project keeps its files, by default: one definition for the core and the command line
(which reads it at start-up, so it imports nothing)."""

from __future__ import annotations

from pathlib import Path

DEFAULT_MAPS = Path("maps")
DEFAULT_SEEDS = Path("seeds")
SOURCES_FILE = "sources.yaml"  # the registry of sources, inside the seeds folder
MAP_SUFFIXES = (".yaml", ".yml")  # the files of a maps folder that are maps
