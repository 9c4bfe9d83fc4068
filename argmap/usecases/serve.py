"""`argmap serve`: the site `argmap build` makes, rebuilt when a map or seed is saved.

Every rebuild is a full `argmap build` into a new folder (so the site is laid out exactly as
`build` lays it out), swapped in under the server's lock. What is costly is not redone: a map's
diagram (Graphviz) is drawn again only when the map's text or the sources registry changed.
While the check finds errors, or the build cannot run, the server shows the report instead of
the pages, and the previous site is kept for when the files are fixed.
"""

from __future__ import annotations

import hashlib
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from argmap.addresses import DEFAULT_HOST, DEFAULT_PORT
from argmap.diagnostics import ArgmapError, UsageError
from argmap.project import DEFAULT_MAPS, MAP_SUFFIXES, MapDocument, Project
from argmap.serving import LiveState, make_server, serve_in_background
from argmap.usecases.brief import diagram
from argmap.usecases.build import build_site
from argmap.usecases.check import CheckResult

WATCH_STEP_MS = 20  # how long watchfiles waits for more changes after the first one (an editor's save is several)


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
    """Diagrams by the map's text and the registry's text: an unchanged map is not drawn again."""

    def __init__(self) -> None:
        self._svg: dict[str, str | None] = {}
        self.drawn = 0

    def __call__(self, document: MapDocument, project: Project) -> str | None:
        registry = project.registry.text if project.registry is not None else ""
        key = hashlib.sha256(f"{document.path}\0{document.doc.text}\0{registry}".encode("utf-8")).hexdigest()
        if key not in self._svg:
            self._svg[key] = diagram(document, project)
            self.drawn += 1
        return self._svg[key]


class LiveSite:
    """The site of ``paths`` and ``seeds_dir``, built into a temporary folder of its own."""

    def __init__(self, paths: Sequence[Path] | None, seeds_dir: Path, built: str,
                 describe: Callable[[CheckResult | ArgmapError], str]):
        self.paths = list(paths or [DEFAULT_MAPS])
        self.seeds_dir = seeds_dir
        self.built = built
        self.describe = describe  # the report shown while the site cannot be built, as `argmap check` prints it
        self.workspace = Path(tempfile.mkdtemp(prefix="argmap-serve-"))
        self.state = LiveState(self.workspace / "empty")
        self.state.folder.mkdir()
        self.diagrams = DiagramCache()
        self._builds = 0
        self._saved: queue.Queue[set[str]] = queue.Queue()
        self._stop_watching = threading.Event()
        self._watcher: threading.Thread | None = None

    def rebuild(self) -> Rebuilt:
        """Build the site again and show it, or show why it cannot be built."""
        started = time.perf_counter()
        drawn_before = self.diagrams.drawn
        self._builds += 1
        out = self.workspace / f"site-{self._builds}"
        try:
            outcome = build_site(self.paths, out, seeds_dir=self.seeds_dir, built=self.built, draw=self.diagrams)
        except ArgmapError as error:
            shutil.rmtree(out, ignore_errors=True)
            with self.state.updating():
                self.state.problem = self.describe(error)
            return Rebuilt(time.perf_counter() - started, self.diagrams.drawn - drawn_before, None, error)
        with self.state.updating():
            if outcome.refused:
                self.state.problem = self.describe(outcome.check)
                old = out
            else:
                old, self.state.folder, self.state.problem = self.state.folder, out, None
        shutil.rmtree(old, ignore_errors=True)
        return Rebuilt(time.perf_counter() - started, self.diagrams.drawn - drawn_before, outcome.check)

    # --- what to watch ---

    def watched_folders(self) -> list[Path]:
        folders = {self.seeds_dir.resolve()}
        for path in self.paths:
            folders.add((path if path.is_dir() else path.parent).resolve())
        return sorted(folders)

    def is_input(self, changed: str) -> bool:
        """Whether a changed path is a map or seed file of this site (editors' swap files and
        hidden folders are not)."""
        path = Path(changed).resolve()
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

        def relevant(_change: object, path: str) -> bool:
            return self.is_input(path)

        def run() -> None:
            for batch in watch(*self.watched_folders(), watch_filter=relevant, step=WATCH_STEP_MS, debounce=1000,
                               stop_event=self._stop_watching, rust_timeout=200, yield_on_timeout=False,
                               raise_interrupt=False):
                self._saved.put({path for _, path in batch})

        self._watcher = threading.Thread(target=run, name="argmap-watch", daemon=True)
        self._watcher.start()

    def changes(self) -> Iterator[set[str]]:
        """Each batch of saved inputs, those that came during the last rebuild taken together."""
        while True:
            try:
                batch = self._saved.get(timeout=0.25)  # a timeout: the main thread stays free for Ctrl-C
            except queue.Empty:
                continue
            while not self._saved.empty():
                batch |= self._saved.get_nowait()
            yield batch

    def close(self) -> None:
        self._stop_watching.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)
        self.state.close()
        shutil.rmtree(self.workspace, ignore_errors=True)


def start_server(site: LiveSite, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> tuple[str, Callable[[], None]]:
    """Serve ``site`` on a thread; its address, and the function that stops it."""
    try:
        server = make_server(site.state, host, port)
    except OSError as error:
        raise UsageError(f"cannot serve on {host}:{port}: {error.strerror or error}",
                         "choose another --port (0 picks a free one)", setting="port") from None
    bound_host, bound_port = server.server_address[:2]
    return f"http://{bound_host}:{bound_port}/", serve_in_background(server)
