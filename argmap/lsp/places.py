"""Where a map names its nodes and its sources, and holds its quotes: one table, read by
completion (what may be typed where), hover, navigation and rename (what stands where).

A place is a path pattern: :data:`ANY` stands for any key (a node's id), :data:`ITEM` for any
item of a sequence. A relation's target may be an id or a mapping with a ``to`` key; `expect`'s
strengths under each gradual semantics are mappings keyed by node id.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

from argmap.core.load import LoadedYaml, YamlPath
from argmap.core.vocabulary import GRADUAL_SEMANTICS
from argmap.lsp.positions import TextLines
from argmap.lsp.yamltext import ITEM, token_end, scalar_end

ANY = "\0any"  # any key: no key of a map can hold a NUL


class Kind(Enum):
    NODE = "node"  # a node's definition: its key under `nodes`
    NODE_REFERENCE = "node reference"
    SOURCE_REFERENCE = "source reference"
    QUOTE = "quote"


Pattern = tuple[str | int, ...]

NODE_DEFINITION: Pattern = ("nodes", ANY)
NODE_REFERENCES: tuple[Pattern, ...] = (
    ("nodes", ANY, "supports", ITEM), ("nodes", ANY, "supports", ITEM, "to"),
    ("nodes", ANY, "attacks", ITEM), ("nodes", ANY, "attacks", ITEM, "to"),
    ("nodes", ANY, "undercuts", ITEM, "from"), ("nodes", ANY, "undercuts", ITEM, "to"),
    ("expect", "stands", ITEM), ("expect", "falls", ITEM), ("expect", "undecided", ITEM),
)
NODE_KEYS: tuple[Pattern, ...] = tuple(("expect", semantics, ANY) for semantics in GRADUAL_SEMANTICS)  # keys that are ids
SOURCE_REFERENCES: tuple[Pattern, ...] = (("nodes", ANY, "evidence", ITEM, "source"),)
QUOTES: tuple[Pattern, ...] = (("nodes", ANY, "evidence", ITEM, "quote"),)


def matches(pattern: Pattern, path: tuple[str | int, ...]) -> bool:
    """Whether ``path`` (with indexes, or :data:`ITEM` where the text does not tell) fits."""
    return len(pattern) == len(path) and all(
        p == step or (p == ANY and isinstance(step, str)) or (p == ITEM and isinstance(step, int))
        for p, step in zip(pattern, path))


def fits_any(patterns: tuple[Pattern, ...], path: tuple[str | int, ...]) -> bool:
    return any(matches(pattern, path) for pattern in patterns)


@dataclass(frozen=True)
class Occurrence:
    """An id or quote in the text: ``start``-``end`` is the id itself (inside any quotation
    marks, so that a rename keeps them) or the whole quote."""

    kind: Kind
    name: str
    path: YamlPath
    start: int
    end: int


class MapIndex:
    """Every node id, source id and quote of one map's text, by position."""

    def __init__(self, doc: LoadedYaml):
        self.text = doc.text
        self.lines = TextLines(doc.text)
        found = [o for o in self._occurrences(doc) if o is not None]
        found.sort(key=lambda o: o.start)
        self.occurrences = found
        self._starts = [o.start for o in found]

    def at(self, offset: int) -> Occurrence | None:
        """The occurrence under ``offset`` (its end included: a cursor just after an id is on it)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            occurrence = self.occurrences[i]
            if occurrence.start <= offset <= occurrence.end:
                return occurrence
            if occurrence.kind is not Kind.QUOTE:
                break
            i -= 1
        return None

    def named(self, kinds: tuple[Kind, ...], name: str) -> list[Occurrence]:
        return [o for o in self.occurrences if o.kind in kinds and o.name == name]

    def _occurrences(self, doc: LoadedYaml) -> Iterator[Occurrence | None]:
        data = doc.data
        nodes = data.get("nodes")
        if isinstance(nodes, dict):
            for node_id in nodes:
                yield self._id(doc, Kind.NODE, ("nodes", node_id), node_id, key=True)
        for path, value, is_key in _walk(data, (*NODE_REFERENCES, *NODE_KEYS, *SOURCE_REFERENCES, *QUOTES)):
            if not isinstance(value, str):
                continue
            if fits_any(QUOTES, path):
                yield self._quote(doc, path, value)
            else:
                kind = Kind.SOURCE_REFERENCE if fits_any(SOURCE_REFERENCES, path) else Kind.NODE_REFERENCE
                yield self._id(doc, kind, path, value, key=is_key)

    def _id(self, doc: LoadedYaml, kind: Kind, path: YamlPath, name: str, key: bool) -> Occurrence | None:
        position = doc.locator.key(path) if key else doc.locator.value(path)
        start = self.lines.offset_of(position.line, position.column)
        end = token_end(self.text, start)
        if self.text[start:start + 1] in ("'", '"'):
            start, end = start + 1, end - 1
        if self.text[start:end] != name:  # the locator fell back to an ancestor, or an alias: not this id
            return None
        return Occurrence(kind, name, path, start, end)

    def _quote(self, doc: LoadedYaml, path: YamlPath, quote: str) -> Occurrence | None:
        key = doc.locator.key(path)
        value = doc.locator.value(path)
        if (key.line, key.column) == (value.line, value.column):
            return None
        start = self.lines.offset_of(value.line, value.column)
        return Occurrence(Kind.QUOTE, quote, path, start, scalar_end(self.text, start, key.column - 1))


def _walk(data: Any, patterns: tuple[Pattern, ...], path: tuple = ()) -> Iterator[tuple[YamlPath, Any, bool]]:
    """(path, value, whether the value is a key) of every scalar or key that a pattern names,
    descending only where some pattern leads."""
    depth = len(path)
    live = [p for p in patterns if len(p) > depth and matches(p[:depth], path)]
    if not live:
        return
    if isinstance(data, dict):
        entries = ((key, value, (*path, key)) for key, value in data.items())
    elif isinstance(data, list):
        entries = ((index, value, (*path, index)) for index, value in enumerate(data))
    else:
        return
    for key, value, step in entries:
        named = [p for p in live if len(p) == depth + 1 and matches(p, step)]
        if named and named[0] in NODE_KEYS:
            yield step, key, True
        elif named and not isinstance(value, (dict, list)):
            yield step, value, False
        elif isinstance(value, (dict, list)):
            yield from _walk(value, live, step)
