"""`argmap serve`: the site `argmap build` makes, rebuilt when a map or seed is saved.

The first build, and any after a seed, a new or deleted map or a broken state, is a whole
`argmap build` into a new folder (so the site is laid out exactly as `build` lays it out),
swapped in under the server's lock. When only maps of the site were saved, the whole project is
checked again but only the pages those maps change are written (their brief and diagram, the
index, the pages of the sources they cite). A map's diagram (Graphviz, the costly part) is drawn
again only when the map's text or the sources registry changed.
While the check finds errors, or the build cannot run, the server shows the report instead of
the pages, and the previous site is kept for when the files are fixed.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import queue
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import ExitStack
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from argmap.web.addresses import DEFAULT_HOST, DEFAULT_PORT
from argmap.checks.runner import MapCheckKey, MapChecked
from argmap.core.collector import cyclic_gc_paused, long_running
from argmap.core.diagnostics import ArgmapError, UsageError
from argmap.core.project import DEFAULT_MAPS, MAP_SUFFIXES, MapDocument
from argmap.web.serving import LiveState, make_server, serve_in_background
from argmap.usecases.brief import diagram
from argmap.usecases.build import build_site, cited_sources, index_html, map_page_html, source_page_html
from argmap.usecases.check import CheckResult, check

WATCH_STEP_MS = 20  # how long watchfiles waits for more changes after the first one (an editor's save is several)
IDLE_SECONDS = 1.0  # no save for this long after a rebuild: the server is idle, and collects its garbage


@dataclass(frozen=True)
class Rebuilt:
    """One rebuild: how long it took, how many diagrams were drawn, and whether the site is up."""

    seconds: float
    drawn: int
    check: CheckResult | None  # None when the build could not run (``error`` says why)
    error: ArgmapError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.check is not None and not self.check.errors


class DiagramCache:
    """Each map's diagram and the texts it was drawn from: a map is drawn again only when its
    text or the sources registry changed. One diagram per map file is kept, and only for the
    maps of the site (:meth:`keep_only`): the server runs for hours, through countless saves."""

    def __init__(self) -> None:
        self._svg: dict[tuple[Path, str | None], tuple[str, str | None]] = {}  # (map, semantics) -> (texts' digest, SVG)
        self.drawn = 0

    def __call__(self, document: MapDocument, result: CheckResult, semantics: str | None = None) -> str | None:
        registry = result.project.registry.text if result.project.registry is not None else ""
        digest = hashlib.sha256(f"{document.doc.text}\0{registry}".encode("utf-8")).hexdigest()
        kept = self._svg.get((document.path, semantics))
        if kept is None or kept[0] != digest:
            kept = self._svg[document.path, semantics] = (digest, diagram(document, result, semantics))
            self.drawn += 1
        return kept[1]

    def last(self, document: MapDocument, semantics: str | None = None) -> str | None:
        """The diagram last drawn of this map file, whatever its text is now (None: none yet)."""
        kept = self._svg.get((document.path, semantics))
        return kept[1] if kept is not None else None

    def keep_only(self, maps: Iterable[Path]) -> None:
        """Forget the diagrams of map files that are no longer in the site."""
        kept = set(maps)
        for slot in [slot for slot in self._svg if slot[0] not in kept]:
            del self._svg[slot]

    def __len__(self) -> int:
        return len(self._svg)


class LiveSite:
    """The site of ``paths`` and ``seeds_dir``, built into a temporary folder of its own."""

    def __init__(self, paths: Sequence[Path] | None, seeds_dir: Path, built: str,
                 describe: Callable[[CheckResult | ArgmapError], str]):
        self.paths = list(paths or [DEFAULT_MAPS])
        self.seeds_dir = seeds_dir
        self.built = built
        self.describe = describe  # the report shown while the site cannot be built, as `argmap check` prints it
        self._resources = ExitStack()  # what close() ends, last in first out
        # the server runs for hours: the one-shot commands' collector policy would keep every
        # reference cycle of every rebuild
        self._resources.enter_context(long_running())
        self.workspace = Path(tempfile.mkdtemp(prefix="argmap-serve-"))
        self._resources.callback(shutil.rmtree, self.workspace, ignore_errors=True)
        self.state = LiveState(self.workspace / "empty")
        self.state.folder.mkdir()
        self.diagrams = DiagramCache()
        self._checked: dict[MapCheckKey, MapChecked] = {}  # each map's rule results, for the next check
        self._builds = 0
        self._known: dict[Path, tuple[str, frozenset[str]]] = {}  # map file -> (id, cited sources) of the site shown
        self._saved: queue.Queue[set[str]] = queue.Queue()
        self._stop_watching = threading.Event()
        self._watcher: threading.Thread | None = None
        self._server: ThreadingHTTPServer | None = None

    def rebuild(self, changed: set[str] | None = None) -> Rebuilt:
        """Bring the site up to date with the files, or show why it cannot be built. When only
        maps already in the site were saved, only their pages, the index and the pages of the
        sources they cite are written again; anything else (a seed, a new or deleted map, an id
        changed, a site not built yet) is a whole build."""
        started = time.perf_counter()
        drawn_before = self.diagrams.drawn
        try:
            # paused, as for a one-shot command, while the rebuild makes its many objects;
            # the garbage is collected once the saves pause (see changes())
            with cyclic_gc_paused():
                check_result = self._update(changed) if self._can_update(changed) else None
                if check_result is None:
                    check_result = self._build()
        except ArgmapError as error:
            with self.state.updating():
                self.state.problem = self.describe(error)
            self._known = {}
            return Rebuilt(time.perf_counter() - started, self.diagrams.drawn - drawn_before, None, error)
        return Rebuilt(time.perf_counter() - started, self.diagrams.drawn - drawn_before, check_result)

    def _can_update(self, changed: set[str] | None) -> bool:
        if not changed or not self._known or self.state.problem is not None:
            return False
        return all(Path(path).resolve() in self._known for path in changed)

    def _build(self) -> CheckResult:
        """`argmap build` into a new folder, swapped in; the check's result either way."""
        self._builds += 1
        out = self.workspace / f"site-{self._builds}"
        try:
            outcome = build_site(self.paths, out, seeds_dir=self.seeds_dir, built=self.built, draw=self.diagrams)
        except ArgmapError:
            shutil.rmtree(out, ignore_errors=True)
            raise
        with self.state.updating():
            if outcome.refused:
                self.state.problem = self.describe(outcome.check)
                old = out
            else:
                old, self.state.folder, self.state.problem = self.state.folder, out, None
        shutil.rmtree(old, ignore_errors=True)
        self._known = {} if outcome.refused else self._site_of(outcome.check)
        if not outcome.refused:
            self.diagrams.keep_only(document.path for document in outcome.check.project.maps)
        return outcome.check

    def _update(self, changed: set[str]) -> CheckResult | None:
        """Write again the pages the saved maps change; None when a whole build is needed."""
        result = check(self.paths, self.seeds_dir, self._checked)  # only the saved maps are checked again
        if result.errors:
            with self.state.updating():
                self.state.problem = self.describe(result)
            self._known = {}
            return result
        now = self._site_of(result)
        if {path: id_ for path, (id_, _) in now.items()} != {path: id_ for path, (id_, _) in self._known.items()}:
            return None  # a map's id changed, or a map appeared among the files: build it all
        saved = {Path(path).resolve() for path in changed}
        project = result.project
        cited = cited_sources(project)
        # The saved maps' own pages first, and shown at once: their open tabs reload without
        # waiting for the index (every map's verdict) and the source pages, which are written,
        # and announced, after them.
        for document in project.maps:
            if document.path.resolve() in saved:
                self._show_saved_map(document, result)
        diagrams = [document.model.id for document in project.maps if self.diagrams(document, result)]  # remembered
        touched = set().union(*(now[path][1] | self._known[path][1] for path in saved if path in now))
        after = {"index.html": index_html(result, self.built, cited, diagrams)}
        after.update({f"sources/{source_id}.html": source_page_html(source_id, result, self.built)
                      for source_id in sorted(touched & set(cited))})
        self._show(after, [f"sources/{source_id}.html" for source_id in touched - set(cited)])
        self._known = now
        return result

    def _show_saved_map(self, document: MapDocument, result: CheckResult) -> None:
        """A saved map's page, shown as soon as its text is made. Graphviz draws the diagram in a
        process of its own meanwhile; when it has not finished by then, the page is shown at once
        with the diagram it had, and again with the new one when it is drawn."""
        result.evaluations.verdict(document.model)  # made here, once: the page and the diagram both show it
        earlier = self.diagrams.last(document)
        drawing: Future[str | None] = Future()

        def draw() -> None:
            try:
                drawing.set_result(self.diagrams(document, result))
            except BaseException as error:  # noqa: BLE001 - handed to the rebuild, which reports it
                drawing.set_exception(error)

        # a daemon thread: Ctrl-C while dot draws a large map does not wait for it
        threading.Thread(target=draw, name="argmap-draw", daemon=True).start()
        page = map_page_html(document, result, self.built, earlier)
        if not drawing.done():
            self._show({f"{document.model.id}.html": page})
        svg = drawing.result()
        pages = {f"{document.model.id}.svg": svg} if svg else {}
        pages[f"{document.model.id}.html"] = page if svg == earlier else map_page_html(document, result, self.built, svg)
        self._show(pages)

    def _show(self, pages: dict[str, str], gone: Sequence[str] = ()) -> None:
        """Write these pages of the site (and remove those gone); tell the tabs showing them."""
        if not pages and not gone:
            return
        with self.state.updating([*pages, *gone]):
            for relative, text in pages.items():
                (self.state.folder / relative).write_text(text, encoding="utf-8")
            for relative in gone:
                (self.state.folder / relative).unlink(missing_ok=True)

    @staticmethod
    def _site_of(result: CheckResult) -> dict[Path, tuple[str, frozenset[str]]]:
        """Each map file of the site: its id and the sources it cites."""
        return {document.path.resolve(): (document.model.id, frozenset(
                    e.source for n in document.model.nodes.values() for e in n.evidence))
                for document in result.project.maps}

    # --- what to watch ---

    def watched_folders(self) -> list[Path]:
        folders = {self.seeds_dir.resolve()}
        for path in self.paths:
            folders.add((path if path.is_dir() else path.parent).resolve())
        return sorted(folders)

    def is_input(self, changed: str) -> bool:
        """Whether a changed path is a map or seed file of this site (editors' swap files and
        hidden folders are not)."""
        given_path = Path(changed)
        # the folder resolved, not the file: a link added to the maps folder is a map of the
        # site, wherever it points
        path = given_path.parent.resolve() / given_path.name
        if path.name.startswith(".") or path.name.endswith("~"):
            return False
        seeds = self.seeds_dir.resolve()
        if path.is_relative_to(seeds):
            return not any(part.startswith(".") for part in path.relative_to(seeds).parts)
        for given in self.paths:
            given = given.resolve()
            if path == given:
                return True
            if path.is_relative_to(given) and path.suffix.lower() in MAP_SUFFIXES:
                return not any(part.startswith(".") for part in path.relative_to(given).parts)
        return False

    def watch(self) -> None:
        """Start noticing saved inputs, on a thread of its own (watchfiles: inotify on Linux).
        Called before the first build, so that nothing saved while it runs is missed."""
        from watchfiles import watch

        maps_folders = [p.parent if p.suffix.lower() in MAP_SUFFIXES and not p.is_dir() else p for p in self.paths]
        for folder in (*maps_folders, self.seeds_dir):  # watchfiles cannot watch a folder that is not there
            if not folder.is_dir():
                raise UsageError(f"{folder}: no such folder to watch",
                                 "run `argmap init` to start a project here, or name existing map files or "
                                 "folders (and the seeds folder with --seeds)")

        def relevant(_change: object, path: str) -> bool:
            return self.is_input(path)

        def run() -> None:
            for batch in watch(*self.watched_folders(), watch_filter=relevant, step=WATCH_STEP_MS, debounce=1000,
                               stop_event=self._stop_watching, rust_timeout=200, yield_on_timeout=False,
                               raise_interrupt=False):
                self._saved.put({path for _, path in batch})

        self._watcher = threading.Thread(target=run, name="argmap-watch", daemon=True)
        self._watcher.start()

        def stop_watching() -> None:
            self._stop_watching.set()
            self._watcher.join(timeout=5)

        self._resources.callback(stop_watching)

    def changes(self) -> Iterator[set[str]]:
        """Each batch of saved inputs, those that came during the last rebuild taken together."""
        last_rebuilt: float | None = None  # when the last batch was handed out, until the garbage is collected
        while True:
            try:
                batch = self._saved.get(timeout=0.25)  # a timeout: the main thread stays free for Ctrl-C
            except queue.Empty:
                if last_rebuilt is not None and time.monotonic() - last_rebuilt > IDLE_SECONDS:
                    # the saves paused and the pages are shown: free the rebuilds' reference
                    # cycles now, while nobody waits, rather than when the collector gets to them
                    gc.collect()
                    last_rebuilt = None
                continue
            while not self._saved.empty():
                batch |= self._saved.get_nowait()
            yield batch
            last_rebuilt = time.monotonic()

    # --- the HTTP server ---

    def listen(self, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
        """Take the address and port, before the first build: one that cannot be used is said
        at once. Nothing is answered until :meth:`serve`."""
        try:
            self._server = make_server(self.state, host, port)
        except OSError as error:
            raise _cannot_listen(error, host, port) from None
        self._resources.callback(self._server.server_close)

    def serve(self) -> str:
        """Answer requests, on threads of their own; the site's address."""
        if self._server is None:
            raise RuntimeError("listen() comes before serve()")
        self._resources.callback(serve_in_background(self._server))
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def close(self) -> None:
        """Stop serving and watching; remove the built site; the collector as it was."""
        self.state.close()  # the listeners first: each holds a thread until told
        self._resources.close()


def _cannot_listen(error: OSError, host: str, port: int) -> UsageError:
    """The address or the port, whichever is at fault, named with the system's reason."""
    reason = error.strerror or str(error)
    if isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL:
        return UsageError(f"cannot serve on {host}: {reason}",
                          f"give an address of this machine ({DEFAULT_HOST}: this machine only; 0.0.0.0: every "
                          "network it is on) or its name", setting="host")
    return UsageError(f"cannot serve on {host}:{port}: {reason}", "choose another --port (0 picks a free one)",
                      setting="port")


def open_in_browser(address: str) -> bool:
    """Ask the user's web browser to show ``address``; False when none could be started."""
    import webbrowser

    try:
        return webbrowser.open(address)
    except webbrowser.Error:
        return False
