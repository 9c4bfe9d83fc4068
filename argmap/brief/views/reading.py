"""How long a card takes to read aloud: the highlighted words at a speaking speed."""

from __future__ import annotations

import math
import re

_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def reading_seconds(words: int, wpm: int) -> int:
    """Whole seconds, rounded up: a card is never shorter on paper than in the round."""
    return math.ceil(words * 60 / wpm) if words else 0


def duration(seconds: int) -> str:
    """``0:07``, ``1:25``: minutes and seconds, as a debater's timer shows them."""
    return f"{seconds // 60}:{seconds % 60:02d}"
