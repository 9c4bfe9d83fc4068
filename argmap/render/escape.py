"""Escaping map text for DOT, for Graphviz's HTML-like labels, and for the SVG Graphviz writes.

Map text is untrusted: a label must never end a DOT string early, open an HTML tag, or trigger
Graphviz's own substitutions (``\\N`` is the node name, ``\\G`` the graph name, ...). So every
character that means something to DOT, to the label parser or to XML is written as a numeric
character reference, which the DOT lexer passes through untouched.

Backslashes need the most care, because Graphviz unescapes them in passes after decoding the
references (checked against Graphviz 2.43 and pinned by tests/test_render_escaping.py):

* HTML-like labels undo one level of backslash escaping, so a literal ``\\`` is written twice;
* escString attributes such as ``tooltip`` undo two levels, so it is written four times.
"""

from __future__ import annotations

import re

_BACKSLASH = "&#92;"

# Characters XML 1.0 cannot carry even as references (C0 controls other than tab and newline,
# lone surrogates, U+FFFE/U+FFFF). They are shown as the matching Unicode "control picture"
# (U+2400 + code) or U+FFFD, so they stay visible instead of breaking the SVG.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


# Any character either step below changes: a text without one is written as it is.
_NEEDS_ESCAPE = re.compile("[&<>\"'\\\\\n\t\r\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def showable(text: str) -> str:
    return _UNSHOWABLE.sub(_visible, text) if _UNSHOWABLE.search(text) else text


def _markup_escaper(backslash_level: int):
    """The escaping function for one backslash level. Chained ``str.replace`` calls, each a
    single C-level pass, are several times faster than ``str.translate`` with a dict on the
    short strings labels are made of (render time is dominated by thousands of them)."""
    pairs = (
        ("&", "&amp;"),  # first: the references written below start with "&"
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&quot;"),
        ("'", "&#39;"),
        ("\\", _BACKSLASH * backslash_level),
        ("\n", "&#10;"),
        ("\t", "&#9;"),
        ("\r", "&#13;"),
        # DOT's lexer treats nothing else specially inside a quoted string or <...>; { } | [ ] ;
        # are only special outside strings (or in record labels, which argmap never uses).
    )

    def escape(text: str) -> str:
        if not _NEEDS_ESCAPE.search(text):  # most texts (ids, colours, plain words): one scan
            return text
        text = showable(text)
        for character, reference in pairs:
            if character in text:
                text = text.replace(character, reference)
        return text

    return escape


_html_label_escape = _markup_escaper(backslash_level=2)
_escstring_escape = _markup_escaper(backslash_level=4)


def html_text(text: str) -> str:
    """One line of text for an HTML-like label (no line breaks expected here)."""
    return _html_label_escape(text)


def escstring(text: str) -> str:
    """The contents of a quoted DOT attribute value of type escString (tooltip, id, class)."""
    return _escstring_escape(text)


def quoted_attr(text: str) -> str:
    return f'"{escstring(text)}"'


def quoted_name(name: str) -> str:
    """A node or graph name as a quoted DOT ID. Names are not escStrings: the DOT lexer only
    unescapes ``\\"``, and keeps ``\\\\`` as written, consistently for nodes and edges alike."""
    return '"' + showable(name).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
