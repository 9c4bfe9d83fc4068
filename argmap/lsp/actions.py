"""Code actions: a quote that is not verbatim (AM501) replaced by the closest whole clause the quote
finder gives (as `argmap quote` does), a missing title (AM320) added as the placeholder
`argmap migrate` writes, and a version-1 map migrated to version 2 in the editor's buffer."""

from __future__ import annotations

from lsprotocol import types

from argmap.core.codes import Code
from argmap.core.diagnostics import ArgmapError
from argmap.core.model import FORMAT_VERSION
from argmap.lsp.documents import MapState
from argmap.lsp.hover import evidence_of
from argmap.lsp.places import Kind
from argmap.lsp.positions import TextLines
from argmap.lsp.yamltext import in_flow, scalar_text
from argmap.usecases.migrate import TextEdit, migration_edits, title_edit


def code_actions(state: MapState, uri: str, lines: TextLines, start: int, end: int) -> list[types.CodeAction]:
    """The actions for the diagnostics of the map between ``start`` and ``end`` (offsets)."""
    if state.document is None:
        return []
    actions: list[types.CodeAction] = []
    for diagnostic in state.diagnostics:
        if diagnostic.path != state.display:
            continue
        at = lines.offset_of(diagnostic.line, diagnostic.column)
        if not (start <= at <= end or lines.position(at).line == lines.position(start).line):
            continue
        if diagnostic.code is Code.AM501:
            actions += _closest_clause(state, uri, lines, at)
        elif diagnostic.code is Code.AM320:
            actions += _add_title(state, uri, lines, at)
    if state.document.model.argmap < FORMAT_VERSION:
        actions += _migrate(state, uri, lines)
    return actions


def _closest_clause(state: MapState, uri: str, lines: TextLines, at: int) -> list[types.CodeAction]:
    from argmap.quotes.search import CLOSE_ENOUGH, rank_passages, suggest  # the finder: only when asked

    occurrence = state.index.at(at) if state.index is not None else None
    evidence = evidence_of(state, occurrence) if occurrence is not None and occurrence.kind is Kind.QUOTE else None
    source = state.project.sources.get(evidence.source) if evidence is not None and state.project else None
    if source is None:
        return []
    best = next(iter(rank_passages(source.text, evidence.quote, 1)), None)
    if best is None or best.similarity < CLOSE_ENOUGH:
        return []
    quote = suggest(evidence.source, source.source.language, source.text, best).quote
    edit = types.TextEdit(range=lines.range(occurrence.start, occurrence.end),
                          new_text=scalar_text(quote, flow=in_flow(lines.text, occurrence.start)))
    title = f"Replace with the closest whole clause of '{evidence.source}' (line {best.located.line}, {best.similarity:.0f}% similar)"
    return [_quick_fix(title, uri, [edit], preferred=True)]


def _add_title(state: MapState, uri: str, lines: TextLines, at: int) -> list[types.CodeAction]:
    occurrence = state.index.at(at) if state.index is not None else None
    if occurrence is None or occurrence.kind is not Kind.NODE:
        return []
    try:
        edit = title_edit(state.document, occurrence.name)
    except ArgmapError:  # a node that is an alias of another has no text of its own to title
        return []
    return [_quick_fix(f"Add a title to '{occurrence.name}' (a TODO to write)", uri, [_lsp_edit(edit, lines)])]


def _migrate(state: MapState, uri: str, lines: TextLines) -> list[types.CodeAction]:
    try:
        edits = migration_edits(state.document)
    except ArgmapError:  # `argmap migrate` says why it cannot; the action is not offered
        return []
    action = _quick_fix(f"Migrate this map to argmap: {FORMAT_VERSION} (as `argmap migrate` does)", uri,
                        [_lsp_edit(edit, lines) for edit in edits])
    action.kind = types.CodeActionKind.RefactorRewrite
    return [action]


def _lsp_edit(edit: TextEdit, lines: TextLines) -> types.TextEdit:
    return types.TextEdit(range=lines.range(edit.start, edit.end), new_text=edit.replacement)


def _quick_fix(title: str, uri: str, edits: list[types.TextEdit], preferred: bool = False) -> types.CodeAction:
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, is_preferred=preferred or None,
                            edit=types.WorkspaceEdit(changes={uri: edits}))
