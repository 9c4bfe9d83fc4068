"""`argmap lsp`: diagnostics as you type, on the unsaved text, as `argmap check` reports them."""

from __future__ import annotations

import pytest
from lsprotocol import types

from lsp_support import change_map, client, codes, diagnostics, lsp_project, open_map  # noqa: F401 - fixtures

pytestmark = pytest.mark.asyncio

MISQUOTE = ("quote: On Monday the boat left on time, and the crossing took twelve minutes.",
            "quote: On Monday the ferry left on time, and the crossing took twelve minutes.")


async def test_an_unsaved_misquote_is_reported_with_its_code_slug_link_and_hints(client, lsp_project):
    path = lsp_project / "maps" / "ferry-trial.yaml"
    saved = path.read_text(encoding="utf-8")
    uri = open_map(client, path)
    assert await diagnostics(client, uri) == []

    edited = saved.replace(*MISQUOTE)
    change_map(client, uri, edited, 2)
    found = await diagnostics(client, uri)
    assert codes(found) == ["AM501"]
    misquote = found[0]
    line = edited[:edited.index(MISQUOTE[1])].count("\n")
    assert misquote.range.start == types.Position(line=line, character=edited.splitlines()[line].index("On Monday"))
    assert misquote.range.end.line == line and misquote.range.end.character == len(edited.splitlines()[line])
    assert misquote.severity == types.DiagnosticSeverity.Error
    assert misquote.source == "argmap"
    first, *hints = misquote.message.splitlines()
    assert first == "quote not found in source 'ng2022' (ng2022-ferry-diary.txt) (quote-not-found)"
    assert any("nearest passage" in hint for hint in hints)
    assert "the source has 'boat' where the quote has 'ferry'" in hints
    assert misquote.code_description.href.endswith("reference/diagnostics.md#AM501")
    assert path.read_text(encoding="utf-8") == saved  # checked as typed, never written

    change_map(client, uri, saved, 3)
    assert await diagnostics(client, uri) == []
