"""The formats `argmap import` reads and `argmap export` writes, by name: a new format is a new
entry here, not a new branch in the commands."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from argmap.interchange.aif import read_aif, write_aif
from argmap.interchange.argdown import read_argdown_json, write_argdown
from argmap.interchange.exchange import Exchange
from argmap.interchange.kialo import read_kialo
from argmap.core.model import ArgMap, Source

Reader = Callable[[str], Exchange]
Writer = Callable[[ArgMap, Mapping[str, Source] | None], tuple[str, list[str]]]

READERS: dict[str, Reader] = {"aif": read_aif, "argdown": read_argdown_json, "kialo": read_kialo}
WRITERS: dict[str, Writer] = {"aif": write_aif, "argdown": write_argdown}
IMPORT_FORMATS: tuple[str, ...] = tuple(READERS)
EXPORT_FORMATS: tuple[str, ...] = tuple(WRITERS)
