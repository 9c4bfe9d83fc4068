"""Words shared by every text argmap writes, for terminals and pages alike."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    """``1 map``, ``2 maps``, ``1,024 nodes``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def byte_size(n: int) -> str:
    """``812 bytes``, ``3 KB``, ``51 MB``: units of 1,024 bytes, rounded to the nearest."""
    if n < 1024:
        return plural(n, "byte")
    if n < 1024 * 1024:
        return f"{round(n / 1024):,} KB"
    return f"{round(n / (1024 * 1024)):,} MB"
