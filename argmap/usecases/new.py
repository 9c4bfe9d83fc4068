"""`argmap new`: a map to start from, never over an existing one."""

from __future__ import annotations

from pathlib import Path

from argmap.authoring.scaffold import NewMap, new_map


def new(map_id: str, maps_dir: Path) -> NewMap:
    """Raises :class:`argmap.core.diagnostics.UsageError` (exit 2) for a bad id or an existing map."""
    return new_map(map_id, maps_dir)
