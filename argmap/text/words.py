"""Words shared by every text argmap writes, for terminals and pages alike."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    """``1 map``, ``2 maps``, ``1,024 nodes``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"
