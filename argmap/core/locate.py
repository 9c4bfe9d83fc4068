"""Where a YAML path's key and value start, found without re-parsing the whole file.

Positions are character offsets into the text until a diagnostic needs them; then
:class:`LineTable` turns them into the line and column an editor shows (lines end at LF, CRLF
or CR; NEL, U+2028 and U+2029 are characters inside a line, as in YAML 1.2).

After the fast path, :class:`BlockScanner` reads only the part of the text a path runs
through: the key lines of each block mapping on the way, the ``- `` lines of each block
sequence, and single flow collections (``[a, b]``, ``{k: v}``). Each container it reads is
checked against the parsed data (same keys in the same order, same number of items); where the
text is written in a way it does not know, it answers ``None`` and the caller falls back to
the event parser, so a position is never guessed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.core.diagnostics import Position

YamlPath = tuple[str | int, ...]
Marks = dict[YamlPath, int]


_LINE_BREAK = re.compile(r"\r\n?|\n")


class LineTable:
    """Offsets to 1-based line and column. The first few are counted directly; a table of line
    starts is built only when many positions are asked for."""

    _COUNTED = 16

    def __init__(self, text: str):
        self.text = text
        self._asked = 0
        self._starts: list[int] | None = None
        self._only_newlines: bool | None = None

    def position(self, offset: int) -> Position:
        self._asked += 1
        if self._only_newlines is None:
            self._only_newlines = "\r" not in self.text
        if self._starts is None and self._asked <= self._COUNTED and self._only_newlines:
            return Position(self.text.count("\n", 0, offset) + 1, offset - (self.text.rfind("\n", 0, offset) + 1) + 1)
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]
        line = bisect.bisect_right(self._starts, offset)
        return Position(line, offset - self._starts[line - 1] + 1)


def position_at(text: str, offset: int) -> Position:
    """One offset's position, without building a table (for a single parse error)."""
    return LineTable(text[:offset]).position(offset)


@dataclass
class _Entry:
    """One key or item of a container: where its key (None for items) and its value start."""

    key: int | None
    value: int


@dataclass
class _BlockEntry:
    """A block entry whose value is found only when asked: where its ':' or '-' ends."""

    key: int | None
    after: int


_CONTENT_LINE = re.compile(r"^[ ]*(?=[^ \t\r\n#])", re.MULTILINE)
# A plain key (what maps use) at the start of the match, up to the first ': '.
_PLAIN_KEY = r"((?:[^ \t\r\n#'\"\[\]{},&*!|>%@`?:-]|[?:-](?=[^ \t\r\n]))[^\r\n]*?)[ \t]*:(?=[ \t\r\n]|$)"
_KEY_AT = re.compile(_PLAIN_KEY)
_ITEM_AT = re.compile(r"-(?=[ \t\r\n]|$)")
_GAP = re.compile(r"[ \t]*")


class BlockScanner:
    """Key and value offsets by path in text the fast path parsed into ``data``."""

    def __init__(self, text: str, data: Any):
        self.text = text
        self.data = data
        self._containers: dict[YamlPath, dict[Any, Any] | _KeyLines | list[Any] | None] = {}
        self._patterns: dict[tuple[str, int], re.Pattern[str]] = {}

    def find(self, path: YamlPath) -> _Entry | None:
        """Key and value offsets of an existing path; None when the text is beyond this scanner."""
        entry = _Entry(None, 0)
        value = self.data
        start = self._first_content(0)
        if start is None:
            return None
        for depth, step in enumerate(path):
            entries = self._container(path[:depth], value, start)
            if entries is None:
                return None
            found = entries[step]  # type: ignore[index]
            if found is None:
                return None
            if isinstance(found, _BlockEntry):
                column = self._column(start)
                found = self._block_value(found, column, in_mapping=isinstance(value, _MAPPINGS))
                if found is None:
                    return None
                entries[step] = found  # type: ignore[index]
            entry = found
            value = value[step]
            start = entry.value
        return entry

    def entry_text(self, path: YamlPath) -> str | None:
        """The lines of an entry of a block mapping, its key's line to the next line as little
        indented (comment and blank lines after it included), e.g. ``  a:\\n    type: claim\\n``
        for ``("nodes", "a")``; None when the mapping is not in block style or beyond this scanner.
        The value itself is not looked at (it may be what the caller is rebuilding)."""
        parent = self.find(path[:-1])
        if parent is None:
            return None
        value = self.data
        for step in path[:-1]:
            value = value[step]
        entries = self._container(path[:-1], value, parent.value if path[:-1] else self._first_content(0) or 0)
        if not isinstance(entries, _KeyLines):
            return None
        entry = entries[path[-1]]
        if entry is None or entry.key is None:
            return None
        start = entry.key - entries.indent
        following = self._pattern("end-mapping", entries.indent + 1).search(self.text, self._line_end(entry.key), entries.region[1])
        return self.text[start:following.start() + 1 if following else entries.region[1]]

    def _container(self, path: YamlPath, value: Any, start: int) -> dict[Any, Any] | _KeyLines | list[Any] | None:
        if path not in self._containers:
            if self.text[start] in "[{":
                found = _FlowReader(self.text, start).read()
            elif isinstance(value, _MAPPINGS):
                found = self._block_mapping(start)
            else:
                found = self._block_sequence(start)
            self._containers[path] = found if _matches(found, value) else None
        return self._containers[path]

    # --- block style ---------------------------------------------------------------------

    def _block_mapping(self, start: int) -> _KeyLines | None:
        indent = self._column(start)
        first = _KEY_AT.match(self.text, start)
        if first is None:
            return None
        region = (self._line_end(start), self._block_end(start, indent, sequence=False))
        keys = [first.group(1), *self._pattern("key", indent).findall(self.text, *region)]
        return _KeyLines(self.text, indent, keys, _BlockEntry(first.start(1), first.end()), region)

    def _block_sequence(self, start: int) -> list[_BlockEntry] | None:
        indent = self._column(start)
        if not _ITEM_AT.match(self.text, start):
            return None
        end = self._block_end(start, indent, sequence=True)
        later = self._pattern("item", indent).finditer(self.text, self._line_end(start), end)
        return [_BlockEntry(None, start + 1), *(_BlockEntry(None, m.end()) for m in later)]

    def _block_value(self, entry: _BlockEntry, indent: int, in_mapping: bool) -> _Entry | None:
        """Where the value after a ':' or '-' starts: on the same line, or on the next content
        line if that is more indented (or, after a key, an item of a sequence at the key's indent).
        A key with no value at all is marked just after its ':'; an empty item is left unknown."""
        at = _GAP.match(self.text, entry.after).end()  # type: ignore[union-attr]
        if at < len(self.text) and self.text[at] not in "#\r\n":
            return _Entry(entry.key, at)
        following = self._first_content(self._next_line(at))
        if following is not None:
            column = self._column(following)
            if column > indent or (in_mapping and column == indent and _ITEM_AT.match(self.text, following)):
                return _Entry(entry.key, following)
        return _Entry(entry.key, entry.after) if in_mapping else None

    def _block_end(self, start: int, indent: int, sequence: bool) -> int:
        """Where the block collection starting at ``start`` ends: the first content line less
        indented, or (for a sequence) at its indent but not an item."""
        pattern = self._pattern("end-sequence" if sequence else "end-mapping", indent)
        found = pattern.search(self.text, self._line_end(start)) if (indent or sequence) else None
        return found.start() + 1 if found else len(self.text)

    def _pattern(self, kind: str, indent: int) -> re.Pattern[str]:
        if (kind, indent) not in self._patterns:
            # Each pattern starts with a literal "\n" rather than "^": the regex engine then jumps
            # from line to line instead of trying every character of a large mapping.
            less = f"[ ]{{0,{indent - 1}}}[^ \\t\\r\\n#]" if indent else "(?!)"
            source = {
                "key": rf"\n[ ]{{{indent}}}{_PLAIN_KEY}",
                "item": rf"\n[ ]{{{indent}}}-(?=[ \t\r\n]|$)",
                "end-mapping": rf"\n{less}",
                "end-sequence": rf"\n(?:{less}|[ ]{{{indent}}}(?!-(?:[ \t\r\n]|$))[^ \t\r\n#])",
            }[kind]
            self._patterns[kind, indent] = re.compile(source, re.MULTILINE)
        return self._patterns[kind, indent]

    def _column(self, offset: int) -> int:
        return offset - (self.text.rfind("\n", 0, offset) + 1)

    def _line_end(self, offset: int) -> int:
        """The offset of the "\\n" ending the line (the text's length on the last line)."""
        found = self.text.find("\n", offset)
        return len(self.text) if found < 0 else found

    def _next_line(self, offset: int) -> int:
        found = self.text.find("\n", offset)
        return len(self.text) if found < 0 else found + 1

    def _first_content(self, offset: int) -> int | None:
        found = _CONTENT_LINE.search(self.text, offset)
        return found.end() if found else None


class LazyMapping(Mapping[str, Any]):
    """A mapping of parsed data whose keys are known and whose values are built only when asked
    (``build(key)``, once each): it stands for the nodes of a large map once their parsed data
    was let go, so that placing a diagnostic rebuilds one node, not the whole file."""

    def __init__(self, keys: Mapping[str, Any], build: Callable[[str], Any]):
        self._keys = keys
        self._build = build
        self._built: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        if key not in self._built:
            if key not in self._keys:
                raise KeyError(key)
            self._built[key] = self._build(key)
        return self._built[key]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


_MAPPINGS = (dict, LazyMapping)


class _KeyLines:
    """A block mapping's keys in text order; each key's line is searched for only when asked."""

    def __init__(self, text: str, indent: int, keys: list[str], first: _BlockEntry, region: tuple[int, int]):
        self.text = text
        self.indent = indent
        self.keys = keys
        self.region = region
        self._found: dict[str, _BlockEntry | _Entry] = {keys[0]: first}

    def __iter__(self) -> Any:
        return iter(self.keys)

    def __getitem__(self, key: str) -> _BlockEntry | _Entry | None:
        if key not in self._found:
            # Keys were checked against the data (same keys, same order, so each once): the only
            # line at this indent that starts with this key and a ':' is the key's own.
            line = re.compile(rf"\n[ ]{{{self.indent}}}{re.escape(key)}[ \t]*:(?=[ \t\r\n]|$)", re.MULTILINE)
            match = line.search(self.text, *self.region)
            if match is None:
                return None
            self._found[key] = _BlockEntry(match.start() + 1 + self.indent, match.end())
        return self._found[key]

    def __setitem__(self, key: str, entry: _Entry) -> None:
        self._found[key] = entry


class _FlowReader:
    """One flow collection: positions of its keys and items, nested collections included."""

    def __init__(self, text: str, start: int):
        self.text = text
        self.at = start

    def read(self) -> dict[str, _Entry] | list[_Entry] | None:
        try:
            return self._collection()
        except _Unknown:
            return None

    def _collection(self) -> dict[str, _Entry] | list[_Entry]:
        opener = self.text[self.at]
        closer = "]" if opener == "[" else "}"
        self.at += 1
        entries: dict[str, _Entry] = {}
        items: list[_Entry] = []
        while True:
            self._skip_space()
            if self._peek() == closer:
                self.at += 1
                return items if opener == "[" else entries
            if opener == "[":
                items.append(_Entry(None, self._value()))
            else:
                key_at = self.at
                key = self._plain(mapping_key=True)
                if key in entries or self._peek() != ":":
                    raise _Unknown
                self.at += 1
                self._skip_space()
                entries[key] = _Entry(key_at, self._value())
            self._skip_space()
            if self._peek() == ",":
                self.at += 1
            elif self._peek() != closer:
                raise _Unknown

    def _value(self) -> int:
        start = self.at
        char = self._peek()
        if char in "[{":
            self._collection()
        elif char in "\"'":
            self._quoted(char)
        elif char in ",]}:":
            raise _Unknown  # an empty value: rare enough to leave to the parser
        else:
            self._plain(mapping_key=False)
        return start

    def _plain(self, mapping_key: bool) -> str:
        start = self.at
        while self.at < len(self.text):
            char = self.text[self.at]
            following = self.text[self.at + 1:self.at + 2]
            if char in ",[]{}\r\n" or (char == ":" and (following in " \t\r\n,[]{}" or mapping_key)):
                break
            if char == "#" and self.text[self.at - 1] in " \t":
                raise _Unknown
            if char in "\"'&*!|>%@`?" and self.at == start:
                raise _Unknown
            self.at += 1
        text = self.text[start:self.at].rstrip(" \t")
        if not text or (self.at < len(self.text) and self.text[self.at] in "\r\n"):
            raise _Unknown  # a plain scalar over several lines: leave it to the parser
        return text

    def _quoted(self, quote: str) -> None:
        self.at += 1
        while self.at < len(self.text):
            char = self.text[self.at]
            if quote == '"' and char == "\\":
                self.at += 2
                continue
            if char == quote:
                if quote == "'" and self.text[self.at + 1:self.at + 2] == "'":
                    self.at += 2
                    continue
                self.at += 1
                return
            self.at += 1
        raise _Unknown

    def _skip_space(self) -> None:
        while self.at < len(self.text) and self.text[self.at] in " \t\r\n":
            self.at += 1
        if self.at < len(self.text) and self.text[self.at] == "#":
            raise _Unknown

    def _peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""


class _Unknown(Exception):
    """Flow text this reader does not vouch for."""


def _matches(found: dict[Any, Any] | _KeyLines | list[Any] | None, value: Any) -> bool:
    if found is None:
        return False
    if isinstance(value, _MAPPINGS):
        return not isinstance(found, list) and list(found) == list(value)
    return isinstance(found, list) and len(found) == len(value)


@dataclass
class Locator:
    """Positions of keys and values by path, e.g. ``("nodes", "a", "evidence", 0, "quote")``.

    ``marks`` holds (key offsets, value offsets) when the careful path already recorded them;
    otherwise the scanner answers, and ``build_marks`` (the full event parse) is the fallback.
    """

    text: str
    data: Any
    build_marks: Callable[[], tuple[Marks, Marks]]
    marks: tuple[Marks, Marks] | None = None
    _scanner: BlockScanner | None = field(default=None, repr=False)
    _lines: LineTable | None = field(default=None, repr=False)

    def forget(self) -> None:
        """Drop what was read from the text against the data: ``data`` was replaced."""
        self._scanner = None

    def entry_text(self, path: YamlPath) -> str | None:
        """The lines of the block-mapping entry at ``path`` (see :meth:`BlockScanner.entry_text`)."""
        self._scanner = self._scanner or BlockScanner(self.text, self.data)
        return self._scanner.entry_text(path)

    def value(self, path: YamlPath) -> Position:
        """Where the value at ``path`` starts; the nearest existing ancestor otherwise."""
        return self._position(self._existing(path), key=False)

    def key(self, path: YamlPath) -> Position:
        """Where the key of the entry at ``path`` starts (the value's position for list items)."""
        existing = self._existing(path)
        return self._position(existing, key=len(existing) == len(path))

    def _existing(self, path: YamlPath) -> YamlPath:
        value = self.data
        for depth, step in enumerate(path):
            if isinstance(value, _MAPPINGS) and step in value:
                value = value[step]
            elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
                value = value[step]
            else:
                return tuple(path[:depth])
        return tuple(path)

    def _position(self, path: YamlPath, key: bool) -> Position:
        offset: int | None = None
        if self.marks is None:
            self._scanner = self._scanner or BlockScanner(self.text, self.data)
            entry = self._scanner.find(path)
            if entry is not None:
                offset = entry.key if key and entry.key is not None else entry.value
            else:
                self.marks = self.build_marks()
        if offset is None:
            assert self.marks is not None
            keys, values = self.marks
            offset = (keys.get(path) if key else None)
            if offset is None:
                offset = values.get(path, 0)
        self._lines = self._lines or LineTable(self.text)
        return self._lines.position(offset)
