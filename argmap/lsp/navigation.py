"""Go to definition, find references and rename. A node id leads to its entry under `nodes`, and
is found (and renamed) wherever the map names it: relations, undercuts and `expect`. A source id
leads to its entry in the sources registry; a quote, to the passage of the seed it was found at."""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.core.model import IDENTIFIER_PATTERN, MAX_IDENTIFIER_LENGTH
from argmap.lsp.documents import MapState
from argmap.lsp.hover import evidence_of, quote_location
from argmap.lsp.places import Kind, Occurrence
from argmap.lsp.positions import TextLines
from argmap.quotes.match import SourceText

NODE_KINDS = (Kind.NODE, Kind.NODE_REFERENCE)
_IDENTIFIER = re.compile(IDENTIFIER_PATTERN)


class RenameRefused(Exception):
    """A rename that would break the map: the message says why."""


def definition(state: MapState, occurrence: Occurrence, uri: str, lines: TextLines,
               encoding: str | None) -> types.Location | None:
    if occurrence.kind in NODE_KINDS:
        found = state.index.named((Kind.NODE,), occurrence.name)
        return types.Location(uri=uri, range=lines.range(found[0].start, found[0].end)) if found else None
    if occurrence.kind is Kind.SOURCE_REFERENCE:
        return _registry_entry(state, occurrence.name, encoding)
    located = quote_location(state, occurrence)
    if located is None:
        return None
    source = state.project.sources[evidence_of(state, occurrence).source]
    seed = TextLines(source.text.text, encoding)
    return types.Location(uri=source.path.resolve().as_uri(), range=seed.range(located.start, located.end))


def _registry_entry(state: MapState, source_id: str, encoding: str | None) -> types.Location | None:
    registry = state.project.registry if state.project is not None else None
    if registry is None or source_id not in (registry.data.get("sources") or {}):
        return None
    position = registry.locator.key(("sources", source_id))
    lines = TextLines(registry.text, encoding)
    start = lines.offset_of(position.line, position.column)
    return types.Location(uri=registry.path.resolve().as_uri(), range=lines.range(start, start + len(source_id)))


def references(state: MapState, occurrence: Occurrence, uri: str, lines: TextLines, encoding: str | None,
               include_declaration: bool) -> list[types.Location]:
    if occurrence.kind is Kind.QUOTE:
        return []
    if occurrence.kind in NODE_KINDS:
        kinds = NODE_KINDS if include_declaration else (Kind.NODE_REFERENCE,)
        found = [types.Location(uri=uri, range=lines.range(o.start, o.end)) for o in state.index.named(kinds, occurrence.name)]
        return found
    found = [types.Location(uri=uri, range=lines.range(o.start, o.end))
             for o in state.index.named((Kind.SOURCE_REFERENCE,), occurrence.name)]
    if include_declaration and (entry := _registry_entry(state, occurrence.name, encoding)) is not None:
        found.insert(0, entry)
    return found


def rename(state: MapState, occurrence: Occurrence, new_name: str, uri: str, lines: TextLines) -> types.WorkspaceEdit:
    """Every place the map names the node, renamed. Raises :class:`RenameRefused` for a name that
    is not an id, or one another node has."""
    if occurrence.kind not in NODE_KINDS:
        raise RenameRefused("only a node id can be renamed here: a source id is renamed in seeds/sources.yaml and every map citing it")
    if not _IDENTIFIER.match(new_name) or len(new_name) > MAX_IDENTIFIER_LENGTH:
        raise RenameRefused(f"'{new_name}' is not a node id: use letters, digits, '-', '_' and '.', starting with a letter or digit")
    if new_name != occurrence.name and new_name in state.document.model.nodes:
        raise RenameRefused(f"the map already has a node '{new_name}'")
    edits = [types.TextEdit(range=lines.range(o.start, o.end), new_text=new_name)
             for o in state.index.named(NODE_KINDS, occurrence.name)]
    return types.WorkspaceEdit(changes={uri: edits})


def renamable(occurrence: Occurrence | None, lines: TextLines) -> types.PrepareRenamePlaceholder | None:
    if occurrence is None or occurrence.kind not in NODE_KINDS:
        return None
    return types.PrepareRenamePlaceholder(range=lines.range(occurrence.start, occurrence.end), placeholder=occurrence.name)
