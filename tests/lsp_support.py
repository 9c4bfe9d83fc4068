"""Driving `argmap lsp` as an editor does: the real server as a subprocess over stdio (pytest-lsp),
on a copy of the fixture project that each test writes into its own folder."""

from __future__ import annotations

import asyncio
import shutil
import sys
import time
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import MAPS, SEEDS

SERVER = [sys.executable, "-m", "argmap", "lsp"]
WAIT_SECONDS = 30  # for a check to be published: generous, the machine is shared


def start_config(*options: str) -> ClientServerConfig:
    return ClientServerConfig(server_command=[*SERVER, *options])


@pytest_lsp.fixture(config=start_config())
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def lsp_project(tmp_path: Path) -> Path:
    """A project of its own: the fixture maps and seeds, copied."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(MAPS, tmp_path / "maps")
    return tmp_path


def open_map(client: LanguageClient, path: Path, text: str | None = None) -> str:
    """Open ``path`` in the editor, with ``text`` (unsaved) or the file's own; its URI."""
    uri = path.resolve().as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="yaml", version=1,
        text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


def change_map(client: LanguageClient, uri: str, text: str, version: int) -> None:
    """The whole text replaced, unsaved (an editor sending one full change)."""
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def diagnostics(client: LanguageClient, uri: str, until=lambda found: True) -> list[types.Diagnostic]:
    """The diagnostics next published for ``uri`` (since it was opened or changed, or since
    :func:`forget` was called) that satisfy ``until``."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        found = client.diagnostics.get(uri)
        if found is not None and until(found):
            return list(found)
        await asyncio.sleep(0.02)
    raise AssertionError(f"no diagnostics published for {uri} in {WAIT_SECONDS} s (last: {client.diagnostics.get(uri)})")


def forget(client: LanguageClient, uri: str) -> None:
    client.diagnostics.pop(uri, None)


def codes(found: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in found)


def position_of(text: str, needle: str, offset: int = 0) -> types.Position:
    """The position ``offset`` characters into the first ``needle`` of ``text`` (ASCII text)."""
    at = text.index(needle) + offset
    line = text.count("\n", 0, at)
    return types.Position(line=line, character=at - (text.rfind("\n", 0, at) + 1))


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)
