"""The text inside a node: header (type, side, status badge), wrapped body, evidence footer,
as Graphviz HTML-like label markup with every piece of map text escaped."""

from __future__ import annotations

import functools
import re
import textwrap

from argmap.evaluate.strength import rounded
from argmap.render.escape import html_text
from argmap.render.theme import (LABEL_WIDTH, MAX_LABEL_LINES, STATUS_STYLES, STRENGTH_BAR_CELLS, STRENGTH_BAR_EMPTY,
                                 STRENGTH_BAR_FULL, STRENGTH_COLOR, TITLE_CHARS, TYPE_STYLES)
from argmap.render.view import NodeView
from argmap.text.words import plural

LINE_BREAK = '<BR ALIGN="LEFT"/>'
ELLIPSIS = "…"
TAB_SIZE = 4


# textwrap treats these specially (white space other than a single space, which it rewrites or
# drops at line ends; hyphens, where it may break). A paragraph without them and with no word
# wider than a line wraps the same by plain greedy filling, several times cheaper than textwrap
# on the thousands of labels of a big map.
_TEXTWRAP_SPECIAL = re.compile(r"[^\S ]|-|  |^ | $")


@functools.cache
def _blank_run_wider_than(width: int) -> re.Pattern[str]:
    """Runs of what textwrap takes for white space, longer than ``width`` + 1 characters."""
    return re.compile(r"[\t\x0b\x0c\r ]{%d,}" % (width + 2))


def greedy_wrap(paragraph: str, width: int) -> list[str] | None:
    """``paragraph`` wrapped as textwrap would, or None when only textwrap can say."""
    if _TEXTWRAP_SPECIAL.search(paragraph):
        return None
    lines: list[str] = []
    line = ""
    for word in paragraph.split(" "):
        if len(word) > width:
            return None
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def wrap_paragraph(paragraph: str, width: int) -> list[str]:
    wrapped = greedy_wrap(paragraph, width)
    if wrapped is None:
        wrapped = textwrap.wrap(paragraph, width, break_long_words=True, tabsize=TAB_SIZE)
    return wrapped or [""]


def wrap_lines(text: str, width: int = LABEL_WIDTH, max_lines: int = MAX_LABEL_LINES) -> list[str]:
    """Wrap each of the author's paragraphs to ``width``; long words (URLs, unspaced scripts such
    as Chinese) are cut so no line exceeds the width. Past ``max_lines`` the text ends in "…"."""
    # A megabyte-long paragraph costs no more than a short one. Wrapping is greedy, so cutting a
    # paragraph changes only the line where the cut falls, and a line uses at most 2 x width + 1
    # characters once blank runs are shortened: a prefix this long yields every line shown.
    # (textwrap breaks the line at any blank run wider than a line, whatever its length, but is
    # quadratic in it; only such a run at the very start of a long paragraph draws differently.)
    prefix_length = (max_lines + 2) * (2 * width + 2)
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        wanted = max_lines + 1 - len(lines)  # one more than shown, to know the text goes on
        if len(paragraph) > prefix_length:
            # tabs first, as textwrap does: a tab's width depends on the columns before it
            paragraph = paragraph.expandtabs(TAB_SIZE)
            paragraph = _blank_run_wider_than(width).sub(lambda run: run.group()[: width + 1], paragraph)
            wrapped = wrap_paragraph(paragraph[:prefix_length], width)[:-1]
            if len(wrapped) >= wanted:
                lines.extend(wrapped)
                break
        lines.extend(wrap_paragraph(paragraph, width))
        if len(lines) > max_lines:
            break  # the rest is not shown
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + ELLIPSIS
    return lines


def clipped(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in "…" when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def small(text_markup: str, color: str | None = None) -> str:
    colour = f' COLOR="{color}"' if color else ""
    return f'<FONT POINT-SIZE="8"{colour}>{text_markup}</FONT>'


def header_text(node: NodeView) -> str:
    parts = [TYPE_STYLES[node.type].caption]
    if node.side:
        parts.append(node.side.upper())
    badge = STATUS_STYLES[node.status].badge
    if badge:
        parts.append(badge)
    return " · ".join(parts)


def footer_text(node: NodeView) -> str:
    if node.evidence_count:
        cite = clipped(node.cites[0], LABEL_WIDTH) + (f" +{len(node.cites) - 1}" if len(node.cites) > 1 else "")
        return f"{plural(node.evidence_count, 'quote')} · {cite}"
    return "analytic" if node.analytic else "no evidence"


def strength_bar(strength: float) -> str:
    """The strength as a bar of STRENGTH_BAR_CELLS cells, filled to the nearest cell."""
    filled = round(strength * STRENGTH_BAR_CELLS)
    return STRENGTH_BAR_FULL * filled + STRENGTH_BAR_EMPTY * (STRENGTH_BAR_CELLS - filled)


def strength_text(strength: float) -> str:
    return f"strength {rounded(strength)} {strength_bar(strength)}"


def node_label(node: NodeView) -> str:
    """HTML-like label markup (without the enclosing < >)."""
    status = STATUS_STYLES[node.status]
    body = LINE_BREAK.join(html_text(line) for line in wrap_lines(node.label))
    if status.strike:
        body = f"<S>{body}</S>"
    strength = "" if node.strength is None else small(html_text(strength_text(node.strength)), STRENGTH_COLOR) + LINE_BREAK
    return (
        small(html_text(header_text(node)), "#4b5563") + LINE_BREAK
        + strength
        + body + LINE_BREAK
        + small(html_text(footer_text(node)), "#4b5563") + LINE_BREAK
    )


def title_label(title: str, question: str | None, width: int) -> str:
    heading = f'<B>{html_text(clipped(title, TITLE_CHARS))}</B>'
    if not question:
        return heading
    question_lines = "<BR/>".join(html_text(line) for line in wrap_lines(question, width, max_lines=4))
    return f'{heading}<BR/><FONT POINT-SIZE="11">{question_lines}</FONT>'
