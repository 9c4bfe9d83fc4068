"""`argmap new`: a new map file, ready to fill in, that `argmap check` accepts with warnings.

The scaffold holds both sides, a thesis for each, and one reason under each thesis, so that
neither thesis is an orphan (AM312). Every point is marked ``analytic: true`` until the mapper
gives it evidence; the comments show how (`argmap quote`). The texts are TODO placeholders,
titles included, each a warning (AM317), so `argmap check --strict`, the CI gate, refuses the map until it is written.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from argmap.core.diagnostics import UsageError
from argmap.core.load import resolve_plain_scalar
from argmap.core.model import FORMAT_VERSION, IDENTIFIER_PATTERN, MAX_IDENTIFIER_LENGTH, RESERVED_MAP_IDS, is_reserved_map_id
from argmap.core.project import DEFAULT_MAPS, MAP_SUFFIXES
from argmap.core.schema import MAP_SCHEMA
from argmap.core.vocabulary import PLACEHOLDER_TITLE

SCHEMA_DIR = Path("schema")

_IDENTIFIER = re.compile(IDENTIFIER_PATTERN)

_TEMPLATE = """\
# yaml-language-server: $schema={schema}
argmap: {version}
id: {map_id}
title: {title}
question: TODO, the question this debate answers?
lang: en
sides:
  pro: TODO, the pro side's position in one sentence
  con: TODO, the con side's position in one sentence

nodes:
  pro-thesis:
    type: thesis
    side: pro
    title: {placeholder_title}
    text: TODO, the pro side's main position.
    analytic: true

  con-thesis:
    type: thesis
    side: con
    title: {placeholder_title}
    text: TODO, the con side's main position.
    analytic: true

  # Replace `analytic: true` with evidence once a source backs the point; `argmap quote SOURCE
  # "words you remember"` finds the passage and prints the snippet to paste, e.g.:
  #   evidence:
  #     - source: SOURCE-ID          # an id from seeds/sources.yaml
  #       quote: the source's exact words
  #       translation: a faithful translation, when the source is not in the map's lang
  #       as_of: 2024-06                # when the quoted situation was (EDTF: 2024, 2022/2024)
  #       speaker: whose view the quote reports, when not the author's own
  pro-reason:
    type: claim
    title: {placeholder_title}
    text: TODO, a reason for the pro thesis.
    supports: [pro-thesis]
    analytic: true

  con-reason:
    type: claim
    title: {placeholder_title}
    text: TODO, a reason for the con thesis.
    supports: [con-thesis]
    analytic: true
"""


@dataclass(frozen=True)
class NewMap:
    """The map `argmap new` wrote, and what its first line points at."""

    path: Path
    schema_path: Path  # what the first line points at, relative to the map
    schema_file: Path = SCHEMA_DIR / MAP_SCHEMA.file_name  # that schema, from the working folder

    @property
    def schema_missing(self) -> bool:
        return not (self.path.parent / self.schema_path).is_file()


def new_map(map_id: str, maps_dir: Path = DEFAULT_MAPS) -> NewMap:
    """Write ``maps_dir/map_id.yaml``; raises UsageError (exit 2) for a bad id or an existing map."""
    if not _IDENTIFIER.match(map_id) or len(map_id) > MAX_IDENTIFIER_LENGTH:
        raise UsageError(f"'{map_id}' is not a map id",
                         "use letters, digits, '-', '_' and '.', starting with a letter or digit, e.g. nato-expansion")
    if is_reserved_map_id(map_id):
        raise UsageError(f"'{map_id}' cannot be a map id: `argmap build` keeps "
                         f"{', '.join(sorted(RESERVED_MAP_IDS))}.html for the site's own page",
                         "choose another id, e.g. nato-expansion")
    for suffix in MAP_SUFFIXES:
        existing = maps_dir / f"{map_id}{suffix}"
        if existing.exists():
            raise UsageError(f"{existing} already exists", "argmap new never overwrites a map; choose another id")
    if maps_dir.exists() and not maps_dir.is_dir():
        raise UsageError(f"{maps_dir} is not a folder")
    path = maps_dir / f"{map_id}.yaml"
    schema_path = Path(os.path.relpath(SCHEMA_DIR / MAP_SCHEMA.file_name, maps_dir))
    text = _TEMPLATE.format(schema=schema_path.as_posix(), version=FORMAT_VERSION, map_id=_scalar(map_id),
                            title=_scalar(_title(map_id)), placeholder_title=PLACEHOLDER_TITLE)
    maps_dir.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as out:  # "x": never clobber a file that appeared meanwhile
            out.write(text)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    return NewMap(path, schema_path)


def _title(map_id: str) -> str:
    text = " ".join(re.split(r"[-_.]+", map_id))
    return text[:1].upper() + text[1:]


def _scalar(value: str) -> str:
    """The value as a YAML string: ids such as ``true``, ``null``, ``2024`` or ``1e3`` are read as
    other types unless quoted (the same resolution the loader applies)."""
    return value if resolve_plain_scalar(value) == value else json.dumps(value)
