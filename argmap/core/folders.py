"""Where a project keeps its files, by default, and which map files the paths given name: one
definition for the core and the command line (which reads it at start-up, before the checker is
imported, so it imports next to nothing)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from argmap.core.diagnostics import UsageError

DEFAULT_MAPS = Path("maps")
DEFAULT_SEEDS = Path("seeds")
SOURCES_FILE = "sources.yaml"  # the registry of sources, inside the seeds folder
MAP_SUFFIXES = (".yaml", ".yml")  # the files of a maps folder that are maps


@dataclass(frozen=True)
class MapFiles:
    """The map files that the paths given name, and which folders held none."""

    files: list[Path]
    covers_folder: bool  # a folder was named
    empty_folders: list[Path]  # folders named in which no YAML file (map or registry) was found


def find_map_files(paths: Sequence[Path] | None, unsaved: Mapping[Path, str] | None = None) -> MapFiles:
    """Files and folders → map files. A missing path is a usage error (exit 2), unless ``unsaved``
    holds its text (by resolved path): a map open in an editor need not be on disk."""
    if not paths:
        if not DEFAULT_MAPS.is_dir():
            raise UsageError(f"no maps given and no '{DEFAULT_MAPS}/' folder here",
                             "run it in a project folder (`argmap init` makes one), or name map files or folders")
        paths = [DEFAULT_MAPS]
    files: list[Path] = []
    covers_folder = False
    empty_folders: list[Path] = []
    for path in paths:
        if path.is_dir():
            covers_folder = True
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in MAP_SUFFIXES and p.is_file()
                           and not _is_hidden(p.relative_to(path)))
            files.extend(found)
            if not found:
                empty_folders.append(path)
        elif path.exists() or (unsaved and path.resolve() in unsaved):
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    unique: dict[Path, Path] = {}  # a file named twice (or via a folder too) is checked once
    for file in files:
        unique.setdefault(file.resolve(), file)
    return MapFiles(list(unique.values()), covers_folder, empty_folders)


def _is_hidden(relative: Path) -> bool:
    """Inside a folder, names starting with '.' are skipped, as git and editors keep files there
    (``.git/``, ``.backup/``); a hidden file named on the command line is still read."""
    return any(part.startswith(".") for part in relative.parts)
