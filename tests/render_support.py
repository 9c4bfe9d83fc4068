"""Helpers for the render tests: the fixture maps and reading Graphviz's SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from conftest import SEEDS

RENDER_MAPS = Path(__file__).resolve().parent / "maps" / "render"
SMALL = RENDER_MAPS / "render-small.yaml"
HOSTILE = RENDER_MAPS / "hostile-labels.yaml"
GOLDEN = Path(__file__).resolve().parent / "golden"

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"


@dataclass
class DrawnNode:
    dom_id: str
    classes: list[str]
    tooltip: str | None
    lines: list[str]


def groups(root: ET.Element, kind: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if kind in g.get("class", "").split()]


def drawn_nodes(svg: bytes | str) -> dict[str, DrawnNode]:
    """Map nodes drawn in the SVG (legend samples excluded), by map node id."""
    root = ET.fromstring(svg)
    result = {}
    for g in groups(root, "node"):
        dom_id = g.get("id", "")
        if not dom_id.startswith("node-"):
            continue
        link = next(g.iter(f"{SVG}a"), None)
        result[dom_id.removeprefix("node-")] = DrawnNode(
            dom_id, g.get("class", "").split(), link.get(XLINK_TITLE) if link is not None else None,
            [t.text or "" for t in g.iter(f"{SVG}text")],
        )
    return result


def drawn_edges(svg: bytes | str) -> list[str]:
    root = ET.fromstring(svg)
    return [g.get("id", "") for g in groups(root, "edge") if g.get("id", "").startswith("edge-")]


def load_model(path: Path):
    from argmap.usecases.check import check

    result = check([path], SEEDS)
    assert result.errors == 0, [str(d) for d in result.diagnostics]
    return result
