"""The language server itself: pygls over stdio, each request answered from :mod:`.documents`.

An edit is checked once the typing pauses for :data:`DEBOUNCE_SECONDS`, on one worker thread, so
that the editor's other requests are answered meanwhile; the diagnostics of a text that changed
again during its check are never published. A change in the seeds folder of an open map (its
registry, a seed added, edited or removed) checks that map again. The server stops on the
protocol's `shutdown` and `exit`, when its input ends, and when the editor's process does.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from argmap import __version__
from argmap.core.collector import long_running
from argmap.lsp import actions, completion, hover, navigation, symbols
from argmap.lsp.diagnostics import ReferenceLinks, by_file, cannot_check, lsp_diagnostic
from argmap.lsp.documents import MapState, OpenMaps, is_map
from argmap.lsp.positions import TextLines
from argmap.lsp.yamltext import cursor_at

DEBOUNCE_SECONDS = 0.05  # typing paused this long: check the text (well inside the 150 ms an edit may take)
PARENT_POLL_SECONDS = 2.0  # how often the server looks whether the editor's process still runs
SEEDS_WATCH_STEP_MS = 50  # how long the seeds watcher waits for more changes after the first one
COMPLETION_TRIGGERS = [" ", "[", ",", "{"]

log = logging.getLogger(__name__)


def path_of(uri: str) -> Path | None:
    """The file a document is, or None for one that is no file (an unsaved, untitled buffer)."""
    found = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(found).resolve() if found else None


class ArgmapServer(LanguageServer):
    def __init__(self, maps: OpenMaps, links: ReferenceLinks):
        super().__init__("argmap", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.maps = maps
        self.links = links
        self._pending: dict[str, asyncio.Task] = {}
        self._checker = ThreadPoolExecutor(1, thread_name_prefix="argmap-check")
        self._published_elsewhere: dict[str, dict[str, list[types.Diagnostic]]] = {}  # map -> other file -> its diagnostics
        self._watched: dict[Path, threading.Event] = {}  # seeds folder -> stops its watcher
        self._loop: asyncio.AbstractEventLoop | None = None

    # --- checking ---

    def schedule(self, uri: str, delay: float = DEBOUNCE_SECONDS) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._loop = asyncio.get_running_loop()
        self._pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.workspace.text_documents.get(uri)
        path = path_of(uri)
        if document is None or path is None:
            return
        text, version = document.source, document.version
        if not is_map(path, text):
            if self.maps.last(path) is not None:  # it was a map: its diagnostics go
                self.maps.forget(path)
                self._publish(uri, None, version)
            return
        self._watch_seeds(self.maps.seeds_for(path))
        state = await asyncio.get_running_loop().run_in_executor(self._checker, self.maps.check, path, text)
        current = self.workspace.text_documents.get(uri)
        if current is not None and current.source == text:  # else a check of the newer text follows
            self._publish(uri, state, version)

    def _publish(self, uri: str, state: MapState | None, version: int | None) -> None:
        own: list[types.Diagnostic] = []
        elsewhere: dict[str, list[types.Diagnostic]] = {}
        if state is not None:
            encoding = self.workspace.position_encoding
            path = state.path
            for file, found in by_file(state.diagnostics).items():
                if file == path:
                    lines = TextLines(state.text, encoding)
                    own += [lsp_diagnostic(d, lines, self.links) for d in found]
                else:
                    lines = TextLines(_text_of(file), encoding)
                    elsewhere[file.as_uri()] = [lsp_diagnostic(d, lines, self.links) for d in found]
            if state.failure is not None:
                own.insert(0, cannot_check(state.failure))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=own, version=version))
        before = self._published_elsewhere.pop(uri, {})
        self._published_elsewhere[uri] = elsewhere
        for other in before.keys() | elsewhere.keys():
            merged = {d.message + repr(d.range): d for found in self._published_elsewhere.values() for d in found.get(other, [])}
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=other, diagnostics=list(merged.values())))

    def closed(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        path = path_of(uri)
        if path is not None and self.maps.last(path) is not None:
            self.maps.forget(path)
            self._publish(uri, None, None)
            self._published_elsewhere.pop(uri, None)

    # --- the seeds folders of the open maps ---

    def _watch_seeds(self, seeds: Path) -> None:
        if seeds in self._watched or not seeds.is_dir():
            return
        stop = self._watched[seeds] = threading.Event()
        loop = asyncio.get_running_loop()
        # The watcher starts on its own thread a little later; a change made before it is live
        # would go unseen, so the folder as it was before the first check is compared once then.
        before: dict[str, tuple[int, int]] | None = _folder_state(seeds)

        def run() -> None:
            nonlocal before
            from watchfiles import watch

            try:
                for changes in watch(seeds, step=SEEDS_WATCH_STEP_MS, stop_event=stop, rust_timeout=200,
                                     yield_on_timeout=True, raise_interrupt=False):
                    if changes or (before is not None and _folder_state(seeds) != before):
                        loop.call_soon_threadsafe(self._seeds_changed, seeds)
                    before = None
            except Exception as error:  # noqa: BLE001 - a folder removed or unreadable: watched no more
                log.warning("argmap lsp: stopped watching %s: %s", seeds, error)
                self._watched.pop(seeds, None)

        threading.Thread(target=run, name=f"argmap-watch-{seeds.name}", daemon=True).start()

    def _seeds_changed(self, seeds: Path) -> None:
        for uri in list(self.workspace.text_documents):
            path = path_of(uri)
            if path is not None and self.maps.last(path) is not None and self.maps.seeds_for(path) == seeds:
                self.schedule(uri, delay=0)

    def stop(self) -> None:
        for stop in self._watched.values():
            stop.set()
        self._checker.shutdown(wait=False, cancel_futures=True)

    # --- the editor's process ---

    def watch_parent(self, pid: int) -> None:
        """Exit when the editor's process ends, even if it could not say so (it was killed)."""

        def run() -> None:
            while _alive(pid):
                threading.Event().wait(PARENT_POLL_SECONDS)
            log.info("argmap lsp: the editor's process %s ended; stopping", pid)
            self.stop()
            os._exit(0)  # the input thread blocks on a pipe nobody writes to: no orderly way out

        threading.Thread(target=run, name="argmap-parent", daemon=True).start()

    # --- requests ---

    def state_of(self, uri: str) -> tuple[MapState, TextLines] | None:
        """The state of the open map's current text, with its lines; None for no map."""
        document = self.workspace.text_documents.get(uri)
        path = path_of(uri)
        if document is None or path is None or not is_map(path, document.source):
            return None
        state = self.maps.state(path, document.source)
        return state, TextLines(state.text, self.workspace.position_encoding)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


def _text_of(path: Path) -> str:
    """A file that is not open (the registry, a seed), for the positions of its diagnostics."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def make_server(seeds: Path | None = None, docs_url: str | None = None) -> ArgmapServer:
    server = ArgmapServer(OpenMaps(seeds), ReferenceLinks(docs_url))

    @server.feature(types.INITIALIZE)
    def initialize(ls: ArgmapServer, params: types.InitializeParams) -> None:
        if params.process_id is not None:
            ls.watch_parent(params.process_id)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: ArgmapServer, params: None) -> None:
        ls.stop()

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=COMPLETION_TRIGGERS))
    def complete(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList | None:
        found = ls.state_of(params.text_document.uri)
        if found is None:
            return None
        state, lines = found
        cursor = cursor_at(state.text, lines.offset(params.position))
        loaded = state if state.document is not None else ls.maps.last_loaded(state.path)
        project = state.project or (loaded.project if loaded is not None else None)
        model = loaded.document.model if loaded is not None else None
        sides = loaded.document.graph.sides if loaded is not None else {}
        items = completion.completions(cursor, lines, model, sides, dict(project.registered) if project else {})
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover_(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        found = _occurrence(ls, params.text_document.uri, params.position)
        if found is None:
            return None
        state, lines, occurrence = found
        text = hover.hover_text(state, occurrence)
        return hover.as_hover(text, lines.range(occurrence.start, occurrence.end)) if text else None

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
        found = _occurrence(ls, params.text_document.uri, params.position)
        if found is None:
            return None
        state, lines, occurrence = found
        return navigation.definition(state, occurrence, params.text_document.uri, lines, ls.workspace.position_encoding)

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location] | None:
        found = _occurrence(ls, params.text_document.uri, params.position)
        if found is None:
            return None
        state, lines, occurrence = found
        return navigation.references(state, occurrence, params.text_document.uri, lines, ls.workspace.position_encoding,
                                     params.context.include_declaration)

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
        found = _occurrence(ls, params.text_document.uri, params.position)
        return navigation.renamable(found[2], found[1]) if found is not None else None

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        found = _occurrence(ls, params.text_document.uri, params.position)
        if found is None:
            return None
        state, lines, occurrence = found
        try:
            return navigation.rename(state, occurrence, params.new_name, params.text_document.uri, lines)
        except navigation.RenameRefused as refused:
            raise JsonRpcInvalidParams(str(refused)) from None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorRewrite]))
    def code_action(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        found = ls.state_of(params.text_document.uri)
        if found is None:
            return None
        state, lines = found
        return actions.code_actions(state, params.text_document.uri, lines, lines.offset(params.range.start),
                                    lines.offset(params.range.end))

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: ArgmapServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
        found = ls.state_of(params.text_document.uri)
        return symbols.outline(*found) if found is not None else None

    return server


def _occurrence(ls: ArgmapServer, uri: str, position: types.Position):
    """The state, lines and the id or quote at ``position``; None when there is none."""
    found = ls.state_of(uri)
    if found is None or found[0].index is None:
        return None
    state, lines = found
    occurrence = state.index.at(lines.offset(position))
    return (state, lines, occurrence) if occurrence is not None else None


def serve_stdio(seeds: Path | None = None, docs_url: str | None = None) -> None:
    """Answer one editor over stdin and stdout until it says `exit`, its input ends or it dies."""
    server = make_server(seeds, docs_url)
    with long_running():  # hours of edits: the cycle collector on, as for `argmap serve`
        try:
            server.start_io()
        finally:
            server.stop()


def _folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its modification time and size: enough to tell that
    something changed between two moments."""
    state: dict[str, tuple[int, int]] = {}
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                status = os.stat(os.path.join(root, name))
            except OSError:
                continue
            state[os.path.join(root, name)] = (status.st_mtime_ns, status.st_size)
    return state
