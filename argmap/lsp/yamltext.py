"""What a map's YAML text holds at an offset, read from the text alone: the text being typed is
often not YAML yet (`supports: [a, ` is half a flow sequence), so completion cannot wait for a
parser. Maps are written in block style with one-line flow collections, and that is what these
functions read; anything else gives less, never a wrong answer that crashes.

Paths are as the core's (``("nodes", "a", "evidence", 0, "quote")``), with :data:`ITEM` for an
item of a sequence whose index the text does not tell.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

ITEM = -1  # an item of a sequence, at whatever index

# A plain key at the start of the text, up to its ':' (followed by a blank or the end).
_KEY = re.compile(r"([^\s#'\"\[\]{},:-][^#:]*?|-[^\s#:][^#:]*?)[ \t]*:(?=[ \t]|$)")
_DASH = re.compile(r"-(?:[ \t]+|$)")
_WORD_BEFORE = re.compile(r"[^\s\[\]{},:#'\"]*$")  # what is being typed: an id, a value, a date
_PLAIN_SAFE = re.compile(r"[^\s\[\]{},#&*!|>'\"%@`:-][^\n]*")


@dataclass(frozen=True)
class Cursor:
    """Where a cursor stands in a map's text.

    ``path`` leads to what is being typed: with ``at_key`` a key of the mapping at ``path`` (or,
    after a sequence's dash, the item's value) is typed, otherwise the value at ``path``.
    ``prefix`` is the part of the word already typed, which starts at ``start``."""

    path: tuple[str | int, ...]
    at_key: bool
    prefix: str
    start: int


def cursor_at(text: str, offset: int) -> Cursor:
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    prefix = _WORD_BEFORE.search(before).group()
    head = before[:len(before) - len(prefix)]
    indent = len(head) - len(head.lstrip(" "))
    rest = head[indent:]
    tail: list[str | int] = []
    while (dash := _DASH.match(rest)) is not None:
        tail.append(ITEM)
        rest = rest[dash.end():]
    at_key = True
    key = _KEY.match(rest)
    if key is not None:
        tail.append(key.group(1))
        after = rest[key.end():]
        flow, at_key = _flow(after)
        tail.extend(flow)
    elif rest.strip():  # words that are no key, e.g. the middle of a plain scalar: nothing to say
        return Cursor((), False, prefix, offset - len(prefix))
    path = _ancestors(text, line_start, indent, starts_item=bool(tail) and tail[0] == ITEM) + tail
    return Cursor(tuple(path), at_key, prefix, offset - len(prefix))


def _flow(after: str) -> tuple[list[str | int], bool]:
    """The path inside the flow collections opened (and not closed) in ``after``, the text after
    a key's ':'; and whether a key of a flow mapping is being typed there."""
    stack: list[list] = []  # [opener, key of the flow mapping or None]
    at = 0
    while at < len(after):
        char = after[at]
        if char in "\"'":
            closing = after.find(char, at + 1)
            if closing < 0:
                return [], False  # inside a quoted scalar
            at = closing
        elif char in "[{":
            stack.append([char, None])
        elif char in "]}" and stack:
            stack.pop()
        elif char == "," and stack:
            stack[-1][1] = None
        elif char == ":" and stack and stack[-1][0] == "{":
            key = re.search(r"([^\s{,:]+)\s*$", after[:at])
            stack[-1][1] = key.group(1) if key else None
        at += 1
    if not stack:
        return [], False
    path: list[str | int] = []
    for opener, key in stack:
        if opener == "[":
            path.append(ITEM)
        elif key is not None:
            path.append(key)
        else:
            return path, True  # typing a key of this flow mapping (anything deeper is not open)
    return path, False


def _ancestors(text: str, line_start: int, column: int, starts_item: bool) -> list[str | int]:
    """The keys (and sequence items) above a line whose content starts at ``column``."""
    path: list[str | int] = []
    limit = column
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip("\r")
        end = start - 1
        content = line.lstrip(" ")
        if not content or content.startswith("#"):
            continue
        indent = len(line) - len(content)
        parents: list[str | int] = []
        rest, key_column = content, indent
        while (dash := _DASH.match(rest)) is not None:
            parents.append(ITEM)
            rest = rest[dash.end():]
            key_column = len(line) - len(rest)
        key = _KEY.match(rest)
        # A sequence may stand at its key's own indent ("supports:" over "- a").
        same_indent_parent = starts_item and not parents and key is not None and not rest[key.end():].strip()
        if indent >= limit and not (indent == limit and same_indent_parent):
            continue
        if key is not None and (key_column < limit or same_indent_parent):
            parents.append(key.group(1))
        elif not parents:
            break  # a less indented line that is neither a key nor an item: not a map's layout
        path[:0] = parents
        limit, starts_item = indent, bool(parents) and parents[0] == ITEM
        if limit == 0:
            break
    return path


def token_end(text: str, start: int) -> int:
    """Where the key or scalar starting at ``start`` ends on its line (a quoted one may run on)."""
    if start >= len(text):
        return start
    char = text[start]
    if char == '"':
        at = start + 1
        while at < len(text) and text[at] != '"':
            at += 2 if text[at] == "\\" else 1
        return min(at + 1, len(text))
    if char == "'":
        at = start + 1
        while at < len(text):
            if text[at] == "'":
                if text.startswith("''", at):
                    at += 2
                    continue
                return at + 1
            at += 1
        return len(text)
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    flow = in_flow(text, start)
    at = start
    while at < line_end:
        c = text[at]
        if c == ":" and (at + 1 >= line_end or text[at + 1] in " \t\r"):
            break
        if c == "#" and at > start and text[at - 1] in " \t":
            break
        if flow and c in ",]}":
            break
        at += 1
    while at > start and text[at - 1] in " \t\r":
        at -= 1
    return at


def in_flow(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a flow collection opened earlier on its line."""
    line = text[text.rfind("\n", 0, offset) + 1:offset]
    depth = 0
    quote = None
    for char in line:
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
    return depth > 0


def scalar_end(text: str, start: int, parent_column: int) -> int:
    """Where a scalar value ends, its continuation lines included: a block scalar (``|``, ``>``)
    or a plain one may go on over the lines indented deeper than its key (or dash) at
    ``parent_column``."""
    if start < len(text) and text[start] in "\"'[{" or in_flow(text, start):
        return token_end(text, start)
    return block_end(text, start, parent_column)


def block_end(text: str, start: int, column: int) -> int:
    """Where what starts at ``start`` ends, taking in every following line indented deeper than
    ``column`` (a key's value in block style, a scalar's continuation)."""
    end = token_end(text, start)
    at = text.find("\n", start)
    while at >= 0:
        next_start = at + 1
        next_end = text.find("\n", next_start)
        line = text[next_start:len(text) if next_end < 0 else next_end].rstrip("\r")
        content = line.lstrip(" ")
        if content and (len(line) - len(content) <= column or content.startswith("#")):
            break
        if content:
            end = next_start + len(line)
        at = next_end
    return end


def column_of(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1)


def scalar_text(value: str, flow: bool) -> str:
    """``value`` written as a YAML scalar on one line: plain where that reads back the same (and,
    in a flow collection, holds no comma or bracket), double-quoted otherwise."""
    plain = (_PLAIN_SAFE.fullmatch(value) is not None and value == value.strip() and ": " not in value
             and " #" not in value and not (flow and any(c in value for c in ",[]{}"))
             and _reads_as_text(value))
    return value if plain else json.dumps(value, ensure_ascii=False)


def _reads_as_text(value: str) -> bool:
    from argmap.core.load import resolve_plain_scalar

    return resolve_plain_scalar(value) == value
