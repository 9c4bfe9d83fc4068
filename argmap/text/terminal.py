"""Text bound for a terminal. A module of its own, importing nothing of argmap, so that every
command can use it without loading the check pipeline."""

from __future__ import annotations

import re

# Characters a terminal acts on instead of showing: C0 and C1 controls with DEL (escape
# sequences, bells, line breaks inside one diagnostic), the Unicode line separators, and the
# bidirectional controls that can make text display differently from what it says.
_INVISIBLE = [*range(0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x2028, 0x202F), *range(0x2066, 0x206A)]
_ESCAPES = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _INVISIBLE}
_ESCAPES.update({ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"})
# Looking for them is many times quicker than translating text that has none (nearly all text):
# `argmap eval` prints a line per argument, 100,000 of them for an ICCMA instance.
_ANY_INVISIBLE = re.compile("[" + "".join(re.escape(chr(code)) for code in _INVISIBLE) + "]")
_ANY_INVISIBLE_BUT_NEWLINE = re.compile("[" + "".join(re.escape(chr(code)) for code in _INVISIBLE if code != 0x0A) + "]")


def printable(text: str) -> str:
    """Text from a map or source made safe for a terminal: controls are shown escaped (``\\x1b``,
    ``\\u202e``). Machine formats (json, sarif) keep the real characters; JSON escapes them."""
    return text.translate(_ESCAPES) if _ANY_INVISIBLE.search(text) else text


# What a terminal shows of ASCII, and the line break: ASCII text (known without reading it) has
# nothing to escape but line breaks when deleting these leaves nothing, a bytes.translate ten
# times quicker than the search (a table of 100,000 arguments is 6 MB).
_SHOWN_ASCII_AND_NEWLINE = bytes([*range(0x20, 0x7F), 0x0A])


def printable_lines(lines: list[str]) -> str:
    """The lines made printable, one per line: the line breaks between them are kept, any inside
    one is escaped. One search of the whole text when nothing needs escaping (nearly always),
    rather than one per line."""
    text = "\n".join(lines)
    if text.count("\n") == len(lines) - 1 and not (
            text.encode("ascii").translate(None, _SHOWN_ASCII_AND_NEWLINE) if text.isascii()
            else _ANY_INVISIBLE_BUT_NEWLINE.search(text)):
        return text
    return "\n".join(map(printable, lines))
