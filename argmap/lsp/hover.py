"""Hover: what an id or a quote under the cursor stands for. A node: its title, type, side and
its status (under the semantics of the map's `expect:`, else grounded) and strength under each
gradual semantics. A source: its full cite. A quote: the passage of the seed it was found at,
with its line (and page), and its translation."""

from __future__ import annotations

from lsprotocol import types

from argmap.brief.bibliography import card_cite, full_cite
from argmap.core.model import ArgMap
from argmap.core.vocabulary import DEFAULT_SEMANTICS, GRADUAL_SEMANTICS
from argmap.lsp.documents import MapState
from argmap.lsp.places import Kind, Occurrence
from argmap.quotes.match import Located
from argmap.quotes.pages import is_paged, page_range


def hover_text(state: MapState, occurrence: Occurrence) -> str | None:
    if occurrence.kind in (Kind.NODE, Kind.NODE_REFERENCE):
        return _node(state, occurrence.name)
    if occurrence.kind is Kind.SOURCE_REFERENCE:
        return _source(state, occurrence.name)
    return _quote(state, occurrence)


def _node(state: MapState, node_id: str) -> str:
    model = state.document.model
    node = model.nodes.get(node_id)
    if node is None:
        return f"no node `{node_id}` in this map"
    side = state.document.graph.sides.get(node_id)
    facts = [node.type, f"{side} side" if side else "no side", *_evaluated(state, model, node_id)]
    return "\n\n".join(part for part in (f"**{_escaped(node.label)}** (`{node_id}`)", " · ".join(facts),
                                         _escaped(node.text) if node.title else None) if part)


def _evaluated(state: MapState, model: ArgMap, node_id: str) -> list[str]:
    """The node's status and strengths, or nothing when the map cannot be evaluated (an error
    that `argmap check` reports stops no hover)."""
    semantics = model.expect.semantics if model.expect is not None else DEFAULT_SEMANTICS
    try:
        verdict = state.evaluations.of(model, semantics).verdicts.get(node_id)
        scores = [(name, state.evaluations.of(model, name).scores) for name in GRADUAL_SEMANTICS]
    except Exception:  # noqa: BLE001 - a map mid-edit may not evaluate; the check says why
        return []
    found = [f"{verdict.status} ({semantics})"] if verdict is not None else []
    found += [f"{name} {scored[node_id]:.2f}" for name, scored in scores if node_id in scored]
    return found


def _source(state: MapState, source_id: str) -> str:
    registered = state.project.registered if state.project is not None else {}
    source = registered.get(source_id)
    if source is None:
        return f"no source `{source_id}` in the registry"
    lines = [f"**{_escaped(card_cite(source))}** (`{source_id}`)", _escaped(full_cite(source))]
    if source.URL:
        lines.append(f"<{source.URL}>" if " " not in source.URL else _escaped(source.URL))
    lines.append(f"{source.file} · {source.language} · {source.reliability}")
    return "\n\n".join(lines)


def _quote(state: MapState, occurrence: Occurrence) -> str | None:
    located = quote_location(state, occurrence)
    evidence = evidence_of(state, occurrence)
    if evidence is None:
        return None
    source = state.project.sources.get(evidence.source) if state.project is not None else None
    parts = []
    if source is None:
        parts.append(f"source `{evidence.source}` could not be read")
    elif located is None:
        parts.append(f"not found in `{source.source.file}`; `argmap check` shows the nearest passage")
    else:
        where = f"line {located.line}"
        if is_paged(source.text.text):
            first, last = page_range(source.text.text, located.start, located.end)
            where += f", page {first}" if first == last else f", pages {first}-{last}"
        parts += [f"`{source.source.file}`, {where}:", "> " + _escaped(" ".join(located.passage.split()))]
    if evidence.translation:
        parts.append(f"translation: {_escaped(evidence.translation)}")
    return "\n\n".join(parts)


def evidence_of(state: MapState, occurrence: Occurrence):
    """The evidence a quote occurrence belongs to (its path is ``nodes, ID, evidence, I, quote``)."""
    _, node_id, _, index, _ = occurrence.path
    node = state.document.model.nodes.get(node_id) if state.document is not None else None
    return node.evidence[index] if node is not None and index < len(node.evidence) else None


def quote_location(state: MapState, occurrence: Occurrence) -> Located | None:
    """Where the quote stands in its seed: the occurrence its prefix or suffix picks, else the first."""
    evidence = evidence_of(state, occurrence)
    source = state.project.sources.get(evidence.source) if evidence is not None and state.project else None
    if source is None:
        return None
    matches = source.text.find(evidence.quote, evidence.prefix, evidence.suffix).matches
    return matches[0] if matches else None


def _escaped(text: str) -> str:
    """Text shown as Markdown: its own characters, never markup."""
    return "".join(f"\\{c}" if c in "\\`*_[]<>#|~" else c for c in text)


def as_hover(text: str, range_: types.Range) -> types.Hover:
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text), range=range_)
