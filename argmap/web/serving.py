"""A small HTTP server for `argmap serve`: a built site from a folder, pages reloaded on change.

Each HTML page gets an inline script (no external script: the site stays offline) that listens
to server-sent events at :data:`EVENTS_PATH`. Every update of the site is a new *generation*
that names the pages it changed (or all of them); an event carries the generation and the pages
changed since the generation the page was served with; a page among them fetches itself again
and swaps in its head and those nodes of its body that differ (quicker than a reload: the
browser lays out only what changed; the scroll position stays; a failed fetch falls back to a
reload). So a page changes once per change of its own, and a rebuild
finished between serving a page and its listener connecting is not missed. While the site cannot be built, every page is the
diagnostics page given by the owner, with the same script: fixing the file brings the page back.

The standard library's threading server is enough for one author's browser tabs; it binds to
127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import html
import mimetypes
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

EVENTS_PATH = "/__argmap__/events"
HEARTBEAT = 10.0  # seconds between keep-alive comments, which also notice a closed tab
# How many generations' changed pages are remembered: a listener is told of each generation as it
# comes, so only a tab that was away for long (a laptop asleep) asks about older ones, and it is
# sent "every page". The server runs for hours: the record must not grow with every save.
REMEMBERED_GENERATIONS = 64

EVERY_PAGE = "*"

_RELOAD_SCRIPT = """<script>/* argmap serve: show this page again when it is rebuilt */
(function () {{
  var path = location.pathname.replace(/\\/$/, "/index.html");
  var served = {generation};
  var events;
  function listen() {{
    events = new EventSource("{events}?since=" + served);
    events.onmessage = function (event) {{
      var parts = event.data.split(" "), changed = parts.slice(1);
      if (changed.indexOf("{every}") === -1 && changed.indexOf(path) === -1) {{ served = Number(parts[0]); return; }}
      events.close();
      fetch(location.href, {{cache: "no-store"}}).then(function (response) {{ return response.text(); }}).then(function (html) {{
        /* swap the page in place: quicker than a reload, and the reader keeps their place */
        var page = new DOMParser().parseFromString(html, "text/html");
        /* the head holds the style sheet: left alone when only the title changed, so that the
           browser does not parse and apply the styles again */
        var newTitle = page.title, oldTitle = document.head.querySelector("title");
        var titled = page.head.querySelector("title");
        if (titled) {{ titled.remove(); }}
        if (oldTitle) {{ oldTitle.remove(); }}
        var sameHead = document.head.innerHTML === page.head.innerHTML;
        if (oldTitle) {{ document.head.prepend(oldTitle); }}
        if (!sameHead) {{ document.head.replaceWith(document.adoptNode(page.head)); }}
        document.title = newTitle;
        patch(document.body, page.body);
        served = Number(parts[0]);
        listen();
      }}).catch(function () {{ location.reload(); }});
    }};
  }}
  /* Only the nodes that differ are replaced: the browser then styles and lays out what changed,
     not the whole page and its diagram again (a title edit: the heading, not 250 kB of page). */
  function patch(old, fresh) {{
    if (old.isEqualNode(fresh)) {{ return; }}
    if (old.nodeType !== 1 || old.nodeName !== fresh.nodeName || !sameAttributes(old, fresh)
        || old.childNodes.length !== fresh.childNodes.length) {{
      old.replaceWith(document.adoptNode(fresh));
      return;
    }}
    var olds = Array.prototype.slice.call(old.childNodes), freshes = Array.prototype.slice.call(fresh.childNodes);
    for (var i = 0; i < olds.length; i++) {{ patch(olds[i], freshes[i]); }}
  }}
  function sameAttributes(old, fresh) {{
    if (old.attributes.length !== fresh.attributes.length) {{ return false; }}
    for (var i = 0; i < old.attributes.length; i++) {{
      var attribute = old.attributes[i];
      if (fresh.getAttributeNS(attribute.namespaceURI, attribute.localName) !== attribute.value) {{ return false; }}
    }}
    return true;
  }}
  listen();
}})();
</script>"""


class LiveState:
    """What the server shows: a site folder, or the reason it cannot be built; and a generation
    number that changes with every rebuild. Readers and the rebuilder share one lock, so a page is
    never read from a folder half swapped."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.problem: str | None = None  # the diagnostics page's text while the site cannot be built
        self.generation = 0
        self._changed_pages: dict[int, frozenset[str] | None] = {}  # generation -> its pages (None: all)
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.closing = False

    @contextmanager
    def updating(self, pages: Iterable[str] | None = None) -> Iterator[None]:
        """Hold the lock while the folder or the problem changes; then wake every listener.
        ``pages`` are the site's paths changed (``index.html``, ``sources/x.html``); None: all."""
        with self.lock:
            yield
            self.generation += 1
            self._changed_pages[self.generation] = None if pages is None else frozenset("/" + p for p in pages)
            self._changed_pages.pop(self.generation - REMEMBERED_GENERATIONS, None)
            self.changed.notify_all()

    @property
    def remembered_generations(self) -> int:
        return len(self._changed_pages)

    def pages_changed_since(self, generation: int) -> frozenset[str] | None:
        """Every page changed after ``generation`` (None: all of them, or too long ago to know)."""
        pages: set[str] = set()
        for later in range(generation + 1, self.generation + 1):
            changed = self._changed_pages.get(later)
            if changed is None:
                return None
            pages |= changed
        return frozenset(pages)

    def close(self) -> None:
        with self.lock:
            self.closing = True
            self.changed.notify_all()


def reload_script(generation: int) -> str:
    return _RELOAD_SCRIPT.format(generation=generation, events=EVENTS_PATH, every=EVERY_PAGE)


def with_reload(page: bytes, generation: int) -> bytes:
    """The page with the reload script just before ``</body>`` (at the end when there is none)."""
    script = reload_script(generation).encode("utf-8")
    at = page.rfind(b"</body>")
    return page[:at] + script + page[at:] if at != -1 else page + script


def problem_page(title: str, report: str, generation: int) -> bytes:
    """The diagnostics page: the report as `argmap check` prints it, in a plain monospace block."""
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>body{{font:15px/1.45 system-ui,sans-serif;margin:2rem;"
            "max-width:70rem} pre{white-space:pre-wrap;background:#fff4f2;border-left:4px solid #c0392b;"
            "padding:1rem;font:14px/1.5 ui-monospace,monospace}</style></head><body>"
            f"<h1>{html.escape(title)}</h1><p>The site is rebuilt as soon as the files are saved.</p>"
            f"<pre id=\"argmap-diagnostics\">{html.escape(report)}</pre>"
            f"{reload_script(generation)}</body></html>").encode("utf-8")


def make_server(state: LiveState, host: str, port: int, problem_title: str = "argmap: the site cannot be built") -> ThreadingHTTPServer:
    """A server for ``state`` on ``host:port`` (port 0: any free port), not yet serving."""

    class Handler(_LiveHandler):
        live = state
        title = problem_title

    return _LiveServer((host, port), Handler)


class _LiveServer(ThreadingHTTPServer):
    daemon_threads = True  # a listener still waiting never holds up the exit

    def handle_error(self, request: object, client_address: object) -> None:
        """A tab that went away mid-answer is nothing to report; anything else is argmap's bug,
        said in one line (the standard library would print a traceback)."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        sys.stderr.write(f"argmap: internal error while answering a request: {type(error).__name__}: {error}\n")


class _LiveHandler(BaseHTTPRequestHandler):
    live: LiveState
    title: str
    server_version = "argmap-serve"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # the author's terminal shows rebuilds, not every request

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        self._answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802 - the base class's name
        self._answer(with_body=False)  # what GET would answer, status and headers, without the body

    def _answer(self, with_body: bool) -> None:
        url = urlsplit(self.path)
        path = unquote(url.path)
        if "\0" in path:  # no file name holds one; the file system would refuse it
            self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", b"bad request: the path holds a NUL character\n",
                       with_body)
            return
        if path == EVENTS_PATH:
            since = parse_qs(url.query).get("since", [""])[0]
            self._events(int(since) if since.isdigit() else None, with_body)
            return
        with self.live.lock:
            generation, problem = self.live.generation, self.live.problem
            if problem is not None and _is_page(path):
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", problem_page(self.title, problem, generation), with_body)
                return
            body, kind = self._read(path)
        if body is None:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", f"not found: {path}\n".encode(), with_body)
            return
        if kind.startswith("text/html"):
            body = with_reload(body, generation)
        self._send(HTTPStatus.OK, kind, body, with_body)

    def _read(self, path: str) -> tuple[bytes | None, str]:
        """A file of the site (``/`` is the index); None for anything outside it, missing, or
        that the file system cannot name (too long) or read."""
        relative = path.lstrip("/") or "index.html"
        if relative.endswith("/"):
            relative += "index.html"
        root = self.live.folder.resolve()
        try:
            target = (root / relative).resolve()
            if not target.is_relative_to(root) or not target.is_file():
                return None, ""
            body = target.read_bytes()
        except OSError:
            return None, ""
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("image/svg+xml", "application/javascript"):
            kind += "; charset=utf-8"
        return body, kind

    def _send(self, status: HTTPStatus, kind: str, body: bytes, with_body: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # a reload must show the rebuilt page
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def _events(self, since: int | None, with_body: bool = True) -> None:
        """Server-sent events: ``GENERATION PAGE...`` (``*`` for every page) for the changes after
        ``since``, at once, then for each later change, until the tab or the server closes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not with_body:
            return
        live = self.live
        try:
            with live.lock:
                sent = live.generation if since is None else min(since, live.generation)
            while True:
                with live.lock:
                    live.changed.wait_for(lambda: live.closing or live.generation != sent, timeout=HEARTBEAT)
                    closing, generation = live.closing, live.generation
                    pages = live.pages_changed_since(sent) if generation != sent else frozenset()
                if closing:
                    return
                if generation != sent:
                    sent = generation
                    names = EVERY_PAGE if pages is None else " ".join(sorted(pages))
                    self._event(f"retry: 300\ndata: {sent} {names}\n\n")
                else:
                    self._event(": keep-alive\n\n")
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            return  # the tab was closed or reloaded

    def _event(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()


def _is_page(path: str) -> bool:
    return path.endswith(("/", ".html"))


def serve_in_background(server: ThreadingHTTPServer) -> Callable[[], None]:
    """Start serving on a thread; returns the function that stops the server and its thread."""
    thread = threading.Thread(target=server.serve_forever, name="argmap-serve", daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return stop
