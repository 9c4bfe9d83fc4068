"""Shell completion of ids: source ids for `argmap quote`, node ids for `--focus`.

Completion runs on every Tab: it reads the registry or the maps named so far as argmap reads
every file (a regular file, within the size cap), parses them with PyYAML and nothing else, and
says nothing when they do not read (a half-written file is normal while editing).
"""

from __future__ import annotations

from pathlib import Path

import typer

from argmap.core.folders import DEFAULT_MAPS, DEFAULT_SEEDS, SOURCES_FILE


def _mapping_keys(path: Path, key: str) -> list[str]:
    import yaml

    from argmap.core.load import read_text

    text, _ = read_text(path, str(path))
    if text is None:  # not a regular file, over the cap, not UTF-8: nothing to offer
        return []
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return []
    section = data.get(key) if isinstance(data, dict) else None
    return [str(k) for k in section] if isinstance(section, dict) else []


def source_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The ids of the registry of ``--seeds`` (given so far, else seeds/) that start with ``incomplete``."""
    seeds = Path(ctx.params.get("seeds") or DEFAULT_SEEDS)
    return [i for i in _mapping_keys(seeds / SOURCES_FILE, "sources") if i.startswith(incomplete)]


def node_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The node ids of the map files named so far (folders: every map in them), else of maps/."""
    # while completing an option, the maps typed before it are still unparsed words in ctx.args
    named = [Path(word) for word in (ctx.params.get("maps") or ctx.args) if Path(word).exists()]
    found: list[str] = []
    for given in named or [DEFAULT_MAPS]:
        files = sorted(given.glob("*.y*ml")) if given.is_dir() else [given]
        for file in files:
            found.extend(i for i in _mapping_keys(file, "nodes") if i.startswith(incomplete) and i not in found)
    return found
