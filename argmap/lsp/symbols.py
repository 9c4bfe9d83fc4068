"""Document symbols: the map's outline, by side (as its relations give it) and, within a side, by
node type in the format's order; each node under its title."""

from __future__ import annotations

from lsprotocol import types

from argmap.core.vocabulary import NODE_TYPES, SIDES
from argmap.lsp.documents import MapState
from argmap.lsp.places import Kind
from argmap.lsp.positions import TextLines
from argmap.lsp.yamltext import block_end, column_of

NO_SIDE = "no side"
_KIND = {"thesis": types.SymbolKind.Class, "claim": types.SymbolKind.Method, "objection": types.SymbolKind.Event,
         "rebuttal": types.SymbolKind.Operator}


def outline(state: MapState, lines: TextLines) -> list[types.DocumentSymbol]:
    document = state.document
    if document is None:
        return []
    model, sides = document.model, document.graph.sides
    groups: dict[str, dict[str, list[types.DocumentSymbol]]] = {}
    for occurrence in state.index.occurrences:
        if occurrence.kind is not Kind.NODE:
            continue
        node = model.nodes[occurrence.name]
        end = block_end(lines.text, occurrence.start, column_of(lines.text, occurrence.start))
        symbol = types.DocumentSymbol(name=node.label, detail=f"{occurrence.name} · {node.type}",
                                      kind=_KIND.get(node.type, types.SymbolKind.Object),
                                      range=lines.range(occurrence.start, end),
                                      selection_range=lines.range(occurrence.start, occurrence.end))
        groups.setdefault(sides.get(occurrence.name) or NO_SIDE, {}).setdefault(node.type, []).append(symbol)
    outlined = []
    for side in (*SIDES, NO_SIDE):
        by_type = groups.get(side)
        if not by_type:
            continue
        children = [_group(node_type, types.SymbolKind.Namespace, by_type[node_type])
                    for node_type in NODE_TYPES if node_type in by_type]
        position = getattr(model.sides, side, None) if side in SIDES else None
        outlined.append(_group(side, types.SymbolKind.Package, children, detail=position))
    return outlined


def _group(name: str, kind: types.SymbolKind, children: list[types.DocumentSymbol],
           detail: str | None = None) -> types.DocumentSymbol:
    """A heading of the outline, spanning its children (which may lie apart in the text)."""
    start = min((c.range.start for c in children), key=lambda p: (p.line, p.character))
    end = max((c.range.end for c in children), key=lambda p: (p.line, p.character))
    return types.DocumentSymbol(name=name, detail=detail, kind=kind, range=types.Range(start=start, end=end),
                                selection_range=types.Range(start=start, end=start), children=children)
