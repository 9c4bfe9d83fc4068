"""`argmap quote`: rank a source's passages like some remembered words; the best one as evidence."""

from __future__ import annotations

from pathlib import Path

from argmap.quote import QuoteReport, find_quote


def quote(source_id: str, words: str, seeds_dir: Path, limit: int) -> QuoteReport:
    """Raises :class:`argmap.diagnostics.UsageError` (exit 2) when the seeds, the source or the
    words cannot be used."""
    return find_quote(source_id, words, seeds_dir, limit)
