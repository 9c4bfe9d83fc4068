"""Offsets into a text and the protocol's positions: 0-based lines, and columns counted in the
code units the client and server agreed on (UTF-16 unless the client offers another), where
argmap counts 1-based lines and columns in characters."""

from __future__ import annotations

import bisect
import re

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n?|\n")  # the protocol's line breaks, and argmap's


def _utf16_units(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


_UNITS = {
    types.PositionEncodingKind.Utf8: lambda text: len(text.encode("utf-8", "surrogatepass")),
    types.PositionEncodingKind.Utf16: _utf16_units,
    types.PositionEncodingKind.Utf32: len,
}


class TextLines:
    """One text's line starts, built once, for converting positions both ways."""

    def __init__(self, text: str, encoding: str | None = None):
        self.text = text
        self._units = _UNITS.get(encoding or types.PositionEncodingKind.Utf16, _utf16_units)
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def line_end(self, line: int) -> int:
        """The offset where 0-based ``line`` ends, before its line break."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        end = self.starts[line + 1]
        while end > self.starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def offset(self, position: types.Position) -> int:
        """The offset of a client's position (clamped to the text)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[position.line], self.line_end(position.line)
        at, units = start, 0
        while at < end and units < position.character:
            units += self._units(self.text[at])
            at += 1
        return at

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self._units(self.text[self.starts[line]:offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset_of(self, line: int, column: int) -> int:
        """The offset of argmap's 1-based line and column (in characters)."""
        line = max(1, min(line, len(self.starts)))
        return min(self.starts[line - 1] + column - 1, self.line_end(line - 1))
